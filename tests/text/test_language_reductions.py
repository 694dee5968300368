"""A relative reduction is read in each language (language.yaml `roles:` reduction_before,
reduction_after, points): the hazard ratio told as a reduction ("66 %" for HR 0.66) is a mismatch
naming the 34% the source gives, and the right figure matches, in French, German and Spanish as in
English. Sentences written for these tests (D-Lay MS: HR 0.66 for disease activity)."""

from __future__ import annotations

from pathlib import Path

import pytest

from msvitd.critique.engine import critique_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dlay():
    from msvitd.library import load_library

    return load_library([ROOT / "evidence"]).study("d-lay-ms")


def _numbers(text, study, lang):
    res = critique_text(text, study, lang=lang)
    return [(f.quote, f.message) for f in res.findings if f.category == "number_mismatch"]


HR_AS_REDUCTION = [
    ("High-dose vitamin D cut the risk of disease activity by 66%.", "en", "66%"),
    ("La vitamine D a réduit le risque d'activité de la maladie de 66 %.", "fr", "66 %"),
    ("Vitamin D senkte das Risiko für Krankheitsaktivität um 66 Prozent.", "de", "66 Prozent"),
    ("Das Risiko für Krankheitsaktivität wurde um 66 % gesenkt.", "de", "66 %"),
    ("La vitamina D redujo en un 66 % el riesgo de actividad de la enfermedad.", "es", "66 %"),
    ("Con vitamina D hubo un 66 % menos de actividad de la enfermedad.", "es", "66 %"),
]


@pytest.mark.parametrize("text,lang,quote", HR_AS_REDUCTION)
def test_the_hazard_ratio_told_as_a_reduction_is_a_mismatch(dlay, text, lang, quote):
    found = _numbers(text, dlay, lang)
    assert [q for q, _ in found] == [quote], found
    assert "34%" in found[0][1]


@pytest.mark.parametrize("text,lang", [
    ("High-dose vitamin D lowered the hazard of disease activity by 34%.", "en"),
    ("La vitamine D a réduit le risque d'activité de la maladie de 34 %.", "fr"),
    ("Vitamin D senkte das Risiko für Krankheitsaktivität um 34 Prozent.", "de"),
    ("La vitamina D redujo en un 34 % el riesgo de actividad de la enfermedad.", "es"),
])
def test_the_right_reduction_is_no_mismatch(dlay, text, lang):
    assert _numbers(text, dlay, lang) == []


@pytest.mark.parametrize("text,lang", [
    ("Disease activity was 13.8 percentage points lower with vitamin D.", "en"),
    ("L'activité de la maladie était inférieure de 13,8 points avec la vitamine D.", "fr"),
    ("Die Krankheitsaktivität lag um 13,8 Prozentpunkte niedriger.", "de"),
    ("La actividad de la enfermedad fue 13,8 puntos porcentuales menor.", "es"),
])
def test_percentage_points_are_not_a_relative_reduction(dlay, text, lang):
    assert not any("hazard ratio" in m or "reduction of" in m for _, m in _numbers(text, dlay, lang))


@pytest.mark.parametrize("text,lang", [
    ("Vitamin D works. It cut the risk of disease activity by 34%. A real step forward.", "en"),
    ("La vitamina D funciona. El riesgo se redujo un 34 %. Es un paso adelante.", "es"),
    ("Vitamin D wirkt. Das Risiko sank um 34 Prozent. Ein echter Fortschritt.", "de"),
])
def test_a_relative_effect_alone_is_flagged_in_each_language(dlay, text, lang):
    assert "C501" in {f.code for f in critique_text(text, dlay, lang=lang).findings}
