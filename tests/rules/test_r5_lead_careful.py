"""Careful wording that the round's held-out set showed being flagged, in every language: a negated
indefinite subject ("Niemand sollte ...", "Nadie debería ...") denies the advice, and a relative clause
about the high-efficacy drugs ("hochwirksame Therapien, die ...") is not the intervention's claim.
Sentences written here; each careful sentence has a spun sibling that must still be flagged."""

from __future__ import annotations

import pytest

from conftest import found


def codes(text: str, lang: str) -> set[str]:
    return {c for c, _, _ in found(text, "d-lay-ms", lang)}


@pytest.mark.parametrize("text, lang", [
    ("Niemand sollte seine Basistherapie zugunsten von Vitamin D absetzen.", "de"),
    ("Niemandem ist zu raten, die Spritzen für hoch dosiertes Vitamin D aufzugeben.", "de"),
    ("Nadie debería abandonar su tratamiento de fondo en favor de la vitamina D.", "es"),
    ("No one should stop a disease-modifying drug in favour of vitamin D.", "en"),
    ("Personne ne devrait arrêter son traitement de fond au profit de la vitamine D.", "fr"),
])
def test_a_negated_subject_denies_the_advice(text, lang):
    assert not codes(text, lang) & {"C401", "C102", "C301"}


@pytest.mark.parametrize("text, lang", [
    ("Jeder sollte seine Basistherapie zugunsten von Vitamin D absetzen.", "de"),
    ("Todos deberían abandonar su tratamiento de fondo en favor de la vitamina D.", "es"),
])
def test_the_same_advice_given_to_everyone_is_still_flagged(text, lang):
    assert "C401" in codes(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Wir haben heute hochwirksame Therapien, die die Schubrate deutlich senken.", "de"),
    ("Today we have highly effective therapies, which cut the relapse rate sharply.", "en"),
    ("Nous disposons de traitements hautement efficaces, qui réduisent fortement les poussées.", "fr"),
    ("Hoy existen tratamientos de alta eficacia, que reducen mucho los brotes.", "es"),
])
def test_a_relative_clause_about_the_high_efficacy_drugs_is_not_the_vitamins_claim(text, lang):
    assert "C202" not in codes(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Hoch dosiertes Vitamin D, das die Schubrate deutlich senkt, ist günstig.", "de"),
    ("High-dose vitamin D cut the relapse rate sharply.", "en"),
    ("La vitamine D à forte dose réduit fortement les poussées.", "fr"),
])
def test_the_vitamin_told_as_cutting_relapses_is_still_flagged(text, lang):
    assert "C202" in codes(text, lang)


def severities(text: str, lang: str, code: str = "C101") -> set[str]:
    return {s for c, s, _ in found(text, "d-lay-ms", lang) if c == code}


@pytest.mark.parametrize("text, lang", [
    ("Disease-modifying drugs were a breakthrough for people with MS.", "en"),
    ("Die Basistherapien waren ein Durchbruch für Menschen mit MS.", "de"),
    ("Les traitements de fond ont été une révolution pour les malades.", "fr"),
    ("Los fármacos modificadores de la enfermedad fueron un avance espectacular.", "es"),
])
def test_a_strong_word_about_another_agent_is_only_info(text, lang):
    assert severities(text, lang) == {"info"}


@pytest.mark.parametrize("text, lang", [
    ("High-dose vitamin D is a breakthrough.", "en"),
    ("Hoch dosiertes Vitamin D ist ein Durchbruch.", "de"),
])
def test_the_same_word_about_the_intervention_is_a_warning(text, lang):
    assert "warning" in severities(text, lang)
