"""What a number counts, read in each language (language.yaml ``roles:``): a count of people is
placed (randomised, analysed, the trial's at all) from the article's own words, so a wrong count
in French, German or Spanish is a mismatch as it is in English, and a right one a match.

Sentences written for these tests (D-Lay MS: 316 randomised, 303 analysed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from msvitd.text.grammar import fold, number_roles

ROOT = Path(__file__).resolve().parents[2]


def _facts_of(study_id: str):
    """A bundled study's facts and derived facts, as the number matcher reads them."""
    from msvitd.facts.derived import derived_facts
    from msvitd.facts.source import study_facts
    from msvitd.validation import validate_document
    from msvitd.yamlio import read_file

    doc = read_file(ROOT / "evidence" / "studies" / f"{study_id}.yaml")
    model, problems = validate_document(doc)
    assert model is not None, problems
    f = study_facts(model, doc.data)
    return f, derived_facts(f)


@pytest.fixture(scope="module")
def facts():
    return _facts_of("d-lay-ms")


def rows(text, facts, lang=None):
    from msvitd.facts.matcher import diff_numbers

    out, _ = diff_numbers(text, *facts, lang=lang)
    return [(r.quote.strip(), r.verdict, r.source_fact.value if r.source_fact else None) for r in out]


CASES = {
    # language: (randomised, analysed, a wrong count given to one arm, a count that is not the trial's)
    "fr": ("Les chercheurs ont tiré au sort 316 patients dans 36 centres.",
           "Au total, 303 malades ont été analysés.",
           "Un groupe de 180 patients a reçu la vitamine D, l'autre un placebo.",
           "La maladie touche 120 000 personnes chaque année en France."),
    "de": ("Für die Studie wurden 316 Patienten randomisiert.",
           "Ausgewertet wurden die Daten von 303 Teilnehmenden.",
           "Eine Gruppe von 180 Patientinnen und Patienten erhielt Vitamin D, die andere ein Placebo.",
           "Weltweit leben 2800000 Menschen mit der Krankheit."),
    "es": ("El ensayo incluyó a 316 pacientes asignados al azar.",
           "Se analizaron los datos de 303 pacientes incluidos en el análisis.",
           "Un grupo de 180 pacientes recibió vitamina D y el otro un placebo.",
           "La enfermedad afecta a 55 000 personas en España cada año."),
    "en": ("The researchers randomised 316 patients at 36 centres.",
           "In all, 303 patients were analysed.",
           "A group of 180 patients received vitamin D, the other a placebo.",
           "The disease affects 130,000 people in the UK each year."),
}


@pytest.mark.parametrize("lang", sorted(CASES))
def test_a_count_of_people_is_placed_in_each_language(facts, lang):
    randomised, analysed, wrong, elsewhere = CASES[lang]
    first = rows(randomised, facts)[0]
    assert first[1:] == ("match", "316 participants"), first
    assert rows(analysed, facts)[0][1:] == ("match", "303 participants")
    bad = rows(wrong, facts)[0]
    assert bad[1] == "mismatch" and bad[0].startswith("180"), bad
    assert all(r[1] != "mismatch" for r in rows(elsewhere, facts))


def test_the_article_language_can_be_given(facts):
    # a headline too short to detect: the caller (critique, diff --lang) says it is French
    assert rows("180 patients ont reçu la vitamine D", facts, lang="fr")[0][1] == "mismatch"


def test_an_english_abstract_in_a_french_page_keeps_its_english_roles(facts):
    text = ("L'essai a été mené dans des hôpitaux français. "
            "Methods: 316 participants were randomly assigned to cholecalciferol or placebo.")
    assert ("316 participants", "match", "316 participants") in rows(text, facts, lang="fr")


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Les rechutes et les lésions à l’IRM de 212 patientes suivies 24 mois",
     {"relapse", "lesions", "participants", "time"}),
    ("fr", "LES RECHUTES ET LES LESIONS", {"relapse", "lesions"}),  # capitals, no accents
    ("de", "Schübe und neue Läsionen im MRT bei 300 Teilnehmenden über zwei Jahre",
     {"relapse", "new", "lesions", "participants", "time"}),
    ("de", "Schuebe", set()),  # an "ue" spelling is not folded (umlauts are optional, not rewritten)
    ("es", "Las recaídas y las lesiones en la resonancia de 300 pacientes durante 24 meses",
     {"relapse", "lesions", "participants", "time"}),
    ("es", "recaidas, lesion, pacientes aleatorizados", {"relapse", "lesions", "participants", "randomised"}),
])
def test_role_words_fold_onto_the_study_files_words(lang, text, expected):
    assert set(number_roles(lang).context(text)) == expected


def test_english_words_stay_with_the_study_file_reader():
    # English sentences are folded by msvitd.facts.source.words with the same table
    from msvitd.facts.source import words

    assert number_roles("en").context("212 patients relapsed") == frozenset()
    assert {"participants", "relapse"} <= words("212 patients relapsed")


def test_fold_drops_accents_and_case():
    assert fold("Lésions ÂGÉES Schübe recaídas") == "lesions agees schube recaidas"


@pytest.mark.parametrize("lang,wrong,right,frequency", [
    ("fr", "Les patients ont pris les ampoules de l'essai pendant trois ans.",
     "Les patients ont reçu le traitement pendant deux ans.",
     "Ils prenaient une dose toutes les deux semaines."),
    ("de", "In der Studie erhielten die Patienten drei Jahre lang Ampullen.",
     "Die Behandlung in der Studie dauerte zwei Jahre.",
     "Die Teilnehmer nahmen alle zwei Wochen eine Dosis."),
    ("es", "En el ensayo, los pacientes tomaron ampollas durante tres años.",
     "El tratamiento del estudio duró dos años.",
     "Tomaron una dosis cada dos semanas."),
])
def test_how_long_the_trial_ran_in_each_language(facts, lang, wrong, right, frequency):
    (bad,) = [r for r in rows(wrong, facts, lang) if r[1] != "match" or "IU" not in str(r[2])]
    assert bad[1] == "mismatch" and bad[2] == "24 months", bad
    assert [r[1:] for r in rows(right, facts, lang)] == [("match", "24 months")]
    assert all(r[1] != "mismatch" for r in rows(frequency, facts, lang))  # a frequency, not a run


@pytest.fixture(scope="module")
def evidims():
    return _facts_of("evidims")


@pytest.mark.parametrize("lang,text", [
    ("en", "The investigators had planned 80 participants but randomised 53."),
    ("fr", "L'essai avait prévu 80 participants ; 53 ont finalement été randomisés."),
    ("de", "Geplant waren 80 Teilnehmende, randomisiert wurden am Ende 53."),  # the verb before its number
    ("es", "El ensayo tenía previstos 80 pacientes y aleatorizó a 53."),
])
def test_the_planned_size_is_not_the_number_randomised(evidims, lang, text):
    got = {r[0].split()[0]: r[1:] for r in rows(text, evidims, lang)}
    assert got["80"] == ("match", "80 participants") and got["53"][0] == "match", got
