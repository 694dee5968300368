"""Certainty and advice patterns in four languages (C102, C301), found while judging the dlay_blind
set; every sentence is written here for its pattern: the result told as settled with no claim in
the sentence, absolute safety, a dose recommended, advice to people the trial did not study (both
C301 and C102), advice that goes on from the sentence before, the reader's own condition."""

from __future__ import annotations

import pytest

from test_earlier_trials import codes


@pytest.mark.parametrize("text,lang", [
    ("What herbalists always said is now scientifically proven, and this study confirms it all.", "en"),
    ("Une grande étude vient de le prouver : la vitamine du soleil change la donne.", "fr"),
    ("Was viele ahnten, ist nun klinisch belegt.", "de"),
    ("Die Daten sind eindeutig, sagt der Hersteller.", "de"),
    ("Vitamina D: el ensayo que lo confirma todo.", "es"),
])
def test_settled_without_a_claim_in_the_sentence(text, lang):
    assert "C102" in codes(text, "d-lay-ms", lang)


@pytest.mark.parametrize("text,lang", [
    ("Best of all, the capsules caused no side effects whatsoever.", "en"),
    ("Et le tout sans aucun effet secondaire, contrairement aux traitements classiques.", "fr"),
    ("Das Vitamin wirkt, und zwar ohne jegliche Nebenwirkungen.", "de"),
    ("Además, no hubo ningún efecto secundario con la vitamina.", "es"),
])
def test_absolute_safety(text, lang):
    assert "C102" in codes(text, "d-lay-ms", lang)


@pytest.mark.parametrize("text,lang", [
    ("No serious side effects were linked to vitamin D.", "en"),
    ("Aucun effet indésirable grave n'a été attribué au traitement.", "fr"),
    ("Schwere Nebenwirkungen wurden dem Vitamin nicht zugeschrieben.", "de"),
    ("No se registró ningún efecto adverso grave relacionado con la vitamina D.", "es"),
])
def test_safety_told_with_its_limits_is_fine(text, lang):
    assert "C102" not in codes(text, "d-lay-ms", lang)


@pytest.mark.parametrize("text,lang", [
    ("Specialists now advise at least 4,000 IU of vitamin D a day.", "en"),
    ("Les naturopathes conseillent au moins 2 000 UI de vitamine D par jour.", "fr"),
    ("Fachleute raten zu mindestens 10.000 I.E. Vitamin D pro Woche.", "de"),
    ("Los expertos aconsejan al menos 2.000 UI de vitamina D al día.", "es"),
    ("Toma 3.000 UI de vitamina D3 cada mañana con el desayuno.", "es"),
])
def test_a_dose_recommended_from_one_trial(text, lang):
    assert "C102" in codes(text, "d-lay-ms", lang)


@pytest.mark.parametrize("text,lang,pop", [
    ("Every person with MS should now take high-dose vitamin D.", "en", True),
    ("Tous les malades de la SEP devraient désormais recevoir de la vitamine D à haute dose.", "fr", True),
    ("Jede MS-Patientin sollte ihren Vitamin-D-Speicher jetzt auffüllen.", "de", True),
    ("Si tienes esclerosis múltiple, toma vitamina D3 en dosis altas todos los días.", "es", True),
])
def test_advice_to_people_not_studied_is_population_and_certainty(text, lang, pop):
    got = codes(text, "d-lay-ms", lang)
    assert {"C301", "C102"} <= got


@pytest.mark.parametrize("text,lang", [
    ("Take 4,000 IU of vitamin D every day. If MS runs in your family, start now.", "en"),
    ("Nehmen Sie täglich 4.000 I.E. Vitamin D. Auch wer MS in der Familie hat, sollte vorbeugen.", "de"),
    ("Toma 4.000 UI de vitamina D al día. Si tienes antecedentes familiares, empieza cuanto antes.", "es"),
])
def test_advice_going_on_from_the_sentence_before(text, lang):
    assert "C301" in codes(text, "d-lay-ms", lang)


def test_jeder_as_a_determiner_is_not_everyone():
    from test_earlier_trials import found

    quotes = [q for c, _, q in found("Jeder MS-Patient sollte jetzt Vitamin D nehmen.", "d-lay-ms", "de") if c == "C301"]
    assert quotes == ["MS-Patient"]


def test_advice_to_the_studied_population_in_a_careful_piece_is_unchanged():
    # "talk to your neurologist" is no recommendation, whoever it is addressed to
    assert "C102" not in codes("Si tienes esclerosis múltiple, consulta a tu neurólogo antes de tomar vitamina D.",
                               "d-lay-ms", "es")
