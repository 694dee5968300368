"""Careful wording that must stay silent, in English, French, German and Spanish, found while
judging the dlay_blind set (each sentence is written here for its pattern, none comes from a set):
a hype word denied after it, a condition on changing practice, a preposition that is also a
verb form, "to put to the test", the disease named generically, a study named inside a compound,
a consequence in the Konjunktiv."""

from __future__ import annotations

import pytest

from test_earlier_trials import codes


@pytest.mark.parametrize("text,lang", [
    ("Ein Durchbruch ist das sicher nicht, aber ein interessantes Signal im MRT.", "de"),
    ("Eine Heilung ist das nicht: die Schübe unterschieden sich nicht.", "de"),
    ("A breakthrough it is not, but the MRI signal is worth following.", "en"),
])
def test_hype_denied_after_the_word(text, lang):
    assert "C101" not in codes(text, "d-lay-ms", lang)


def test_hype_still_flagged_when_affirmed():
    assert "C101" in codes("Ein Durchbruch ist das, sagt der Neurologe über das Vitamin D.", "d-lay-ms", "de")


@pytest.mark.parametrize("text,lang", [
    ("I would like to see larger trials with relapse data before I change practice on vitamin D.", "en"),
    ("We need to see the result replicated before anyone changes practice and prescribes vitamin D.", "en"),
    ("Il faudra d'autres essais avant de changer les pratiques et de prescrire de la vitamine D.", "fr"),
    ("Man sollte weitere Studien abwarten, bevor man die Praxis ändert und Vitamin D verschreibt.", "de"),
    ("Hacen falta más datos antes de cambiar la práctica y recetar vitamina D a todos.", "es"),
])
def test_a_condition_on_changing_practice_is_no_advice(text, lang):
    assert "C102" not in codes(text, "d-lay-ms", lang)


def test_practice_advice_still_flagged():
    assert "C102" in codes("Neurologists should now prescribe high-dose vitamin D to every patient with CIS.",
                           "d-lay-ms", "en")


def test_spanish_para_is_a_preposition_not_stops():
    # "para" = "for": a link to drugs for MS on the same line as vitamin D claims nothing
    text = "Lea también: los nuevos fármacos para la esclerosis múltiple | Cómo medir la vitamina D"
    assert not codes(text, "d-lay-ms", "es") & {"C201", "C202"}


def test_spanish_a_prueba_is_a_test():
    text = "La muestra del ensayo con vitamina D era pequeña para poner a prueba la hipótesis de los autores."
    assert "C102" not in codes(text, "evidims", "es")
    assert "C102" in codes("El ensayo prueba que la vitamina D reduce la actividad de la enfermedad.", "d-lay-ms", "es")


@pytest.mark.parametrize("text,lang", [
    ("Syndrome cliniquement isolé : la vitamine D réduit l'activité de la maladie sur deux ans.", "fr"),
    ("Klinisch isoliertes Syndrom: Vitamin D senkte die Aktivität der Erkrankung über zwei Jahre.", "de"),
    ("Síndrome clínico aislado: la vitamina D redujo la actividad de la enfermedad a los dos años.", "es"),
])
def test_the_disease_named_generically_is_not_ms_as_a_whole(text, lang):
    assert "C301" not in codes(text, "d-lay-ms", lang)


def test_ms_as_a_whole_still_flagged():
    assert "C301" in codes("La vitamine D réduit l'activité de la sclérose en plaques.", "d-lay-ms", "fr")


@pytest.mark.parametrize("text,lang", [
    ("Anders als in der französischen D-Lay-MS-Studie; dort hatte Vitamin D die Aktivität im MRT verringert.", "de"),
    ("In der SOLAR-Studie hatte Vitamin D die Schubrate gesenkt, so die Autoren.", "de"),
])
def test_a_study_named_inside_a_compound_is_another_study(text, lang):
    # checked against PrevANZ: the sentence is about D-Lay MS (or SOLAR), not PrevANZ's null result
    assert not codes(text, "prevanz", lang) & {"C201", "C202"}


@pytest.mark.parametrize("text,lang", [
    ("Die Idee war einfach: Wenn wenig Vitamin D das Risiko erhöht, müsste eine Ergänzung den Übergang in eine MS verzögern.", "de"),
    ("The idea was simple: if low vitamin D raises the risk, a supplement would have to delay the onset of MS.", "en"),
])
def test_a_consequence_of_a_premise_is_no_claim(text, lang):
    assert not codes(text, "prevanz", lang) & {"C201", "C202"}
