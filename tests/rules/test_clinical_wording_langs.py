"""Clinical ideas and hype written in ways the lexicons lacked (found judging dlay_blind; every
sentence is written here): the disease as the subject of a verb of advancing, everyday independence
as disability, "aufhält", the supplemented arm as the intervention, "changes ... forever", "an
indispensable ally", harms told as tolerability or harmlessness."""

from __future__ import annotations

import pytest

from test_earlier_trials import codes


@pytest.mark.parametrize("text,lang", [
    ("Dans le groupe supplémenté, la SEP progressait bien moins vite.", "fr"),
    ("La vitamina D redujo el riesgo de que la enfermedad siguiera progresando.", "es"),
    ("Die Studie zeigt, dass Vitamin D das Fortschreiten der MS aufhält.", "de"),
])
def test_the_disease_advancing_less_is_a_progression_claim(text, lang):
    assert "C201" in codes(text, "d-lay-ms", lang)


@pytest.mark.parametrize("text,lang", [
    ("Sous vitamine D, les malades conservaient mieux leur autonomie.", "fr"),
    ("Con la vitamina D, los pacientes mejoraron su autonomía.", "es"),
    ("Vitamin D verbessert die Selbstständigkeit der Patienten.", "de"),
])
def test_independence_is_disability(text, lang):
    assert codes(text, "d-lay-ms", lang) & {"C201", "C202"}


@pytest.mark.parametrize("text,lang", [
    ("La vitamine D pourrait changer à jamais la vie des malades.", "fr"),
    ("Vitamin D could change MS care forever.", "en"),
    ("La vitamina D es un aliado clave contra la enfermedad.", "es"),
    ("Vitamin D ist ein unverzichtbarer Helfer gegen MS.", "de"),
])
def test_hype_forever_and_ally(text, lang):
    assert "C101" in codes(text, "d-lay-ms", lang)


def test_a_large_number_is_mild_hype_only_in_its_words():
    from test_earlier_trials import found

    sev = [s for c, s, _ in found("Die Wirkung war enorm, sagt der Hersteller über Vitamin D.", "d-lay-ms", "de") if c == "C101"]
    assert sev == ["info"]


@pytest.mark.parametrize("text,lang", [
    ("Die Kapseln wurden in der Studie gut vertragen.", "de"),
    ("Tomada en exceso, la vitamina D puede ser perjudicial para los riñones.", "es"),
])
def test_harms_in_other_words_count_as_mentioning_safety(text, lang):
    from msvitd.critique.engine import critique_text
    from test_earlier_trials import _library

    lib = _library()
    res = critique_text(text, lib.study("d-lay-ms"), lang=lang, whole_article=True)
    assert "C602" not in {f.rule for f in res.findings}
