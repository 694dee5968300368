"""An optional group after a space is optional with its space: "Fortschreiten (der MS)?" matches
"Fortschreiten" alone and "atrophie (cérébrale)?" matches "atrophie" before another word; groups
that carry their own spaces ("patients (who are )?(on|taking)") read as before. And advice is read
when words come between the modal and the verb, as German, French and Spanish put them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from msvitd.critique.engine import critique_text
from msvitd.text.phrases import phrase_regex

ROOT = Path(__file__).resolve().parents[2]


def _match(phrase: str, text: str):
    m = re.search(r"(?<![\w])(?:" + phrase_regex(phrase) + r")(?![\w])", text, re.I)
    return m.group() if m else None


@pytest.mark.parametrize("phrase,text,found", [
    ("Fortschreiten (der Erkrankung|der MS)?", "dass es das Fortschreiten der Multiplen Sklerose bremst", "Fortschreiten"),
    ("Fortschreiten (der Erkrankung|der MS)?", "das Fortschreiten der MS", "Fortschreiten der MS"),
    ("atrophie (cérébrale)?", "une atrophie plus lente", "atrophie"),
    ("steht (nun|jetzt)? fest", "damit steht fest", "steht fest"),
    ("steht (nun|jetzt)? fest", "damit steht nun fest", "steht nun fest"),
    ("patients (who are |who's )?(already )?(on|taking)", "patients on interferon", "patients on"),
    ("patients (who are |who's )?(already )?(on|taking)", "patients who are already taking", "patients who are already taking"),
])
def test_an_optional_group_after_a_space(phrase, text, found):
    assert _match(phrase, text) == found


@pytest.fixture(scope="module")
def dlay():
    from msvitd.library import load_library

    return load_library([ROOT / "evidence"]).study("d-lay-ms")


@pytest.mark.parametrize("text,lang", [
    ("Alle MS-Patienten sollten ab sofort täglich Vitamin D einnehmen.", "de"),
    ("Les personnes atteintes de SEP devraient donc toutes prendre de la vitamine D.", "fr"),
    ("Todos los pacientes con EM deberían ya tomar vitamina D.", "es"),
])
def test_advice_with_words_between_modal_and_verb_reaches_the_population_rule(dlay, text, lang):
    assert "C301" in {f.code for f in critique_text(text, dlay, lang=lang).findings}


def test_a_verb_final_claim_in_a_german_dass_clause(dlay):
    text = "Eine neue Studie zeigt, dass Vitamin D das Fortschreiten der Multiplen Sklerose deutlich verlangsamt."
    codes = {f.code for f in critique_text(text, dlay, lang="de").findings}
    assert codes & {"C201", "C202"}


@pytest.mark.parametrize("text,claimed", [
    ("Forscher fanden heraus, dass hochdosiertes Vitamin D die Krankheit bremst.", True),
    ("Vitamin D bremst die Krankheit.", True),
    ("Ob Vitamin D die Krankheit bremst, ist offen.", False),  # asked, not claimed
    ("Dass Vitamin D die Krankheit nicht bremst, zeigte die Studie.", False),  # negated
])
def test_a_german_final_verb_takes_the_disease_before_it(dlay, text, claimed):
    codes = {f.code for f in critique_text(text, dlay, lang="de").findings}
    assert bool(codes & {"C201", "C202"}) is claimed, codes
