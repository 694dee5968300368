"""Short texts (a headline, one sentence) have too few function words to count: their endings,
letter groups and a few common words decide, only when one language leads clearly; otherwise the
language is undetermined and the commands say so. Headlines written for these tests (the
benchmark's are others: bench/data/headlines.yaml)."""

from __future__ import annotations

import json

import pytest

from msvitd.text.language import detect_language, short_scores, undetermined_note

HEADLINES = {
    "en": ["Vitamin D trial offers hope for people with early MS",
           "Brain scans improve but relapses unchanged in supplement study",
           "Should everyone with MS now take vitamin D?",
           "Experts say results need confirming in larger studies",
           "Nurses report growing demand for supplement advice",
           "Train delays expected across the north this weekend",
           "Museum reopens after three years of restoration",
           "Farmers struggle with dry summer and rising costs",
           "Young patients describe living with an invisible illness",
           "Pharmacies running short of popular painkillers"],
    "fr": ["Sclérose en plaques : la vitamine D fait ses preuves à l'IRM",
           "Un complément bon marché contre la SEP ?",
           "Les neurologues attendent d'autres essais avant de conclure",
           "Moins de poussées ? Les données restent fragiles",
           "Pharmacies : les ventes de vitamine D s'envolent",
           "Retards de trains attendus ce week-end dans le Nord",
           "Le musée rouvre après trois ans de travaux",
           "Sécheresse : les agriculteurs inquiets pour leurs récoltes",
           "Vivre avec une maladie invisible, témoignages de jeunes patients",
           "Pénurie de médicaments contre la douleur en officine"],
    "de": ["Vitamin D: Hoffnung für Menschen mit früher MS",
           "Bessere MRT-Befunde, aber keine Wirkung auf Schübe",
           "Sollten jetzt alle MS-Kranken Vitamin D nehmen?",
           "Fachleute fordern größere Studien zur Bestätigung",
           "Apotheken melden steigende Nachfrage nach Vitaminpräparaten",
           "Zugausfälle im Norden am Wochenende erwartet",
           "Museum öffnet nach dreijähriger Sanierung wieder",
           "Trockener Sommer: Landwirte klagen über Ernteausfälle",
           "Junge Patientinnen berichten vom Leben mit unsichtbarer Krankheit",
           "Schmerzmittel in Apotheken knapp"],
    "es": ["Vitamina D: esperanza para personas con EM temprana",
           "Mejores resonancias, pero sin efecto sobre los brotes",
           "¿Deben tomar vitamina D todos los enfermos de EM?",
           "Los expertos reclaman estudios más grandes",
           "Las farmacias notan más demanda de suplementos",
           "Retrasos de trenes en el norte este fin de semana",
           "El museo reabre tras tres años de restauración",
           "Verano seco: los agricultores temen por sus cosechas",
           "Jóvenes pacientes cuentan cómo viven con una enfermedad invisible",
           "Escasez de analgésicos en las farmacias"],
}


@pytest.mark.parametrize("lang", sorted(HEADLINES))
def test_headlines_are_read_in_their_language_or_not_at_all(lang):
    got = [detect_language(h).code for h in HEADLINES[lang]]
    assert got.count(lang) >= 9, list(zip(HEADLINES[lang], got))
    assert set(got) <= {lang, None}  # never another language


def test_the_headline_the_issue_names_is_german():
    assert detect_language("Hochdosiertes Vitamin D bremst frühe Multiple Sklerose").code == "de"


@pytest.mark.parametrize("text", [
    "La vitamina D ad alte dosi frena la sclerosi multipla",  # Italian
    "Menos lesões cerebrais graças à vitamina D",  # Portuguese
    "Hoge dosis vitamine D remt multiple sclerose",  # Dutch
])
def test_a_short_text_in_a_language_msvitd_does_not_read_is_not_taken_for_one_it_reads(text):
    guess = detect_language(text)
    assert guess.code is None or not guess.supported


def test_endings_weigh_each_word_once_and_only_on_short_texts():
    one = short_scores("Salt raises blood pressure.")
    assert short_scores("Salt raises blood pressure. " * 50) == one
    assert detect_language("Salt raises blood pressure.\n" * 2000).code is None  # long, no function words


def test_long_texts_are_decided_by_function_words_as_before():
    text = "Die Studie zeigt, dass die Patienten mit dem Präparat weniger neue Läsionen hatten."
    assert detect_language(text).code == "de" and detect_language(text).score >= 2


def test_undetermined_is_said_in_one_line():
    guess = detect_language("MS: 25(OH)D")
    assert guess.code is None
    note = undetermined_note(guess, "MS: 25(OH)D")
    assert "undetermined" in note and "English" in note and "--lang" in note and "\n" not in note
    assert undetermined_note(guess, "12 345") is None  # no words: nothing to tell
    assert undetermined_note(detect_language(HEADLINES["fr"][0]), HEADLINES["fr"][0]) is None


def test_critique_says_when_it_could_not_tell(cli, tmp_path):
    p = tmp_path / "h.txt"
    p.write_text("Vitamin D and MS\n", encoding="utf-8")
    r = cli("critique", str(p), "--source", "d-lay-ms", "--format", "json")
    out = json.loads(r.stdout)
    assert out["language"] == "en" and "undetermined" in out["language_note"]
    r = cli("critique", str(p), "--source", "d-lay-ms")
    assert "language undetermined" in r.stdout.splitlines()[0]
    r = cli("critique", str(p), "--source", "d-lay-ms", "--format", "json", "--lang", "fr")
    assert json.loads(r.stdout)["language"] == "fr" and "language_note" not in json.loads(r.stdout)


def test_critique_reads_a_german_headline_in_german(cli, tmp_path):
    p = tmp_path / "h.txt"
    p.write_text("Hochdosiertes Vitamin D bremst frühe Multiple Sklerose\n", encoding="utf-8")
    out = json.loads(cli("critique", str(p), "--source", "d-lay-ms", "--format", "json").stdout)
    assert out["language"] == "de" and "language_note" not in out
