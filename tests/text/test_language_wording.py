"""What the words around a share, a count or a duration say it is, read in French, German and
Spanish (language.yaml ``roles:`` inverted, with_outcome, comparator_arm, intervention_arm,
arm_lead, incidence, allocation, phase, planned_near, dose_context, pair_between ...; and the
outcomes lexicon of the article's language). Each case is a number an English sentence gets
judged right, told the way a French, German or Spanish health journalist writes it.

Sentences written for these tests. D-Lay MS: disease activity 60.3 % (vitamin D) vs 74.1 %
(placebo), HR 0.66 (1 - HR = 34 %, the shares 19 % lower); relapse 17.9 % vs 21.8 %; 316
randomised, half to each arm; 100,000 IU every two weeks for 24 months."""

from __future__ import annotations

import pytest

from tests.text.test_language_roles import _facts_of


@pytest.fixture(scope="module")
def facts():
    return _facts_of("d-lay-ms")


def judged(text, facts, lang):
    """(quote, verdict, the fact's label, note) of each number of ``text`` read in ``lang``."""
    from msvitd.facts.matcher import diff_numbers

    out, _ = diff_numbers(text, *facts, lang=lang)
    return [(r.quote.strip(), r.verdict, r.source_fact.label if r.source_fact else "", r.note or "") for r in out]


def row(text, facts, lang, quote):
    hit = [r for r in judged(text, facts, lang) if r[0].endswith(quote)]
    assert hit, (quote, judged(text, facts, lang))
    return hit[0]


# --- the share *without* the outcome (roles: inverted, with_outcome) ------------------------------

INVERTED = [
    ("de", "Das Ergebnis der Studie ist deutlich. 60,3 % der Teilnehmenden blieben frei von Krankheitsaktivität.",
     "60,3 %"),
    ("de", "Die Forscher berichten von einem Erfolg: Bei 60,3 % der Patienten trat keine Krankheitsaktivität auf.",
     "60,3 %"),
    ("fr", "Les résultats de l'essai sont nets : 60,3 % des patients n'ont pas eu d'activité de la maladie.",
     "60,3 %"),
    ("fr", "Selon les chercheurs, 60,3 % des malades sont restés indemnes de toute activité de la maladie.",
     "60,3 %"),
    ("es", "Según los investigadores, un 60,3 % de los pacientes permaneció libre de actividad de la enfermedad.",
     "60,3 %"),
    ("es", "Los resultados del ensayo son claros: el 60,3 % de los pacientes se mantuvo sin actividad de la enfermedad.",
     "60,3 %"),
]


@pytest.mark.parametrize("lang,text,quote", INVERTED)
def test_a_share_told_as_the_share_without_the_outcome_is_an_inversion(facts, lang, text, quote):
    got = row(text, facts, lang, quote)
    assert got[1] == "mismatch" and got[3].startswith("inverts the result"), got


@pytest.mark.parametrize("lang,text", [
    ("fr", "Au total, 60,3 % des patients ont eu une activité de la maladie, sans effet indésirable grave."),
    ("de", "Insgesamt hatten 60,3 % der Patienten Krankheitsaktivität, ohne dass es schwere Nebenwirkungen gab."),
    ("es", "En total, el 60,3 % de los pacientes tuvo actividad de la enfermedad y ninguno abandonó el estudio."),
    ("en", "In all, 60.3% of patients had disease activity, and none left the study."),
])
def test_the_share_with_the_outcome_told_first_stays_right(facts, lang, text):
    assert row(text, facts, lang, "60,3 %" if lang != "en" else "60.3%")[1] == "match"


def test_had_no_outcome_is_the_share_without_it_in_english_too(facts):
    # "had ... activity" told the outcome first only when no negation stands between them
    got = row("In the trial, 60.3% had no disease activity.", facts, "en", "60.3%")
    assert got[1] == "mismatch" and got[3].startswith("inverts the result")


# --- the arm named after a share (roles: comparator_arm, intervention_arm, arm_lead) --------------

SWAPPED = [
    ("de", "In der Studie zeigten 60,3 % der Placebogruppe neue Krankheitsaktivität.", "60,3 %"),
    ("de", "Krankheitsaktivität hatten 74,1 % in der Vitamin-D-Gruppe, deutlich mehr als erwartet.", "74,1 %"),
    ("fr", "Dans l'essai, 60,3 % du groupe placebo ont présenté une activité de la maladie.", "60,3 %"),
    ("fr", "L'activité de la maladie a concerné 74,1 % des patients du groupe vitamine D.", "74,1 %"),
    ("es", "En el ensayo, el 60,3 % de los pacientes del grupo placebo tuvo actividad de la enfermedad.", "60,3 %"),
    ("es", "La actividad de la enfermedad afectó al 74,1 % del grupo de vitamina D en el estudio.", "74,1 %"),
]


@pytest.mark.parametrize("lang,text,quote", SWAPPED)
def test_a_share_given_to_the_other_arm_is_a_swap(facts, lang, text, quote):
    got = row(text, facts, lang, quote)
    assert got[1] == "mismatch" and got[3].startswith("swaps the arms"), got


def test_a_swapped_pair_in_german_is_caught_both_ways(facts):
    text = ("Die Krankheitsaktivität lag bei 74,1 % in der Vitamin-D-Gruppe gegenüber 60,3 % in der "
            "Placebogruppe, berichten die Forschenden.")
    got = judged(text, facts, "de")
    assert [r[1] for r in got] == ["mismatch", "mismatch"] and all("swaps the arms" in r[3] for r in got), got


# --- the other arm's value of a pair (roles: pair_between; facts/matcher.py) -----------------------

@pytest.mark.parametrize("lang,text", [
    ("es", "En el ensayo, la actividad de la enfermedad apareció en el 60,3 % frente al 21,8 % del grupo placebo."),
    ("fr", "Dans l'essai, l'activité de la maladie est apparue chez 60,3 % contre 21,8 % dans le groupe placebo."),
    ("de", "In der Studie trat Krankheitsaktivität bei 60,3 % gegenüber 21,8 % in der Placebogruppe auf."),
])
def test_the_second_number_of_a_pair_is_the_other_arms(facts, lang, text):
    # 21.8 % is the placebo group's relapse figure: paired with 60.3 %, it stands for 74.1 %
    got = row(text, facts, lang, "21,8 %")
    assert got[1] == "mismatch" and got[2].startswith("Disease activity") and "74.1%" in got[3], got


# --- a share tied to another outcome (the outcomes lexicon of the article's language) --------------

@pytest.mark.parametrize("lang,text,quote", [
    ("fr", "Dans l'essai, près de 75 % du groupe placebo ont fait une poussée.", "75 %"),
    ("de", "In der Studie erlitten fast 75 % der Placebogruppe einen Schub.", "75 %"),
    ("es", "En el ensayo, casi el 75 % del grupo placebo sufrió un brote.", "75 %"),
])
def test_a_share_tied_to_relapse_when_it_was_disease_activity(facts, lang, text, quote):
    got = row(text, facts, lang, quote)
    assert got[1] == "mismatch" and got[3].startswith("ties") and "relapse was 21.8%" in got[3], got


# --- a relative effect on the share of people (roles: incidence) -----------------------------------

@pytest.mark.parametrize("lang,text", [
    ("de", "Laut der Studie sank der Anteil der Patienten mit Krankheitsaktivität um 34 %."),
    ("es", "Según el estudio, la proporción de pacientes con actividad de la enfermedad se redujo en un 34 %."),
    ("fr", "Selon l'étude, la vitamine D a réduit de 34 % la part des patients avec une activité de la maladie."),
])
def test_one_minus_hr_told_as_fewer_people_is_caught(facts, lang, text):
    got = row(text, facts, lang, "34 %")
    assert got[1] == "mismatch" and "lower share of people" in got[3], got


# --- the allocation (roles: allocation, allocation_of) and a phase (roles: phase) ------------------

@pytest.mark.parametrize("lang,text,quote", [
    ("fr", "Dans l'essai, la moitié des participants a reçu de la vitamine D.", "moitié"),
    ("de", "In der Studie erhielt die Hälfte der Teilnehmenden Vitamin D.", "Hälfte"),
    ("es", "En el ensayo, la mitad de los participantes recibió vitamina D.", "mitad"),
])
def test_half_of_the_participants_is_the_allocation(facts, lang, text, quote):
    got = row(text, facts, lang, quote)
    assert got[1] == "derived" and got[2].startswith("share randomised"), got


@pytest.mark.parametrize("lang,text,quote", [
    ("fr", "Dans l'essai, les patients ont pris une dose initiale plus faible pendant quatre semaines.",
     "quatre semaines"),
    ("de", "In der Studie nahmen die Patienten eine niedrigere Anfangsdosis vier Wochen lang ein.", "vier Wochen"),
    ("de", "In der Studie nahmen die Patienten vier Wochen lang eine niedrigere Anfangsdosis ein.", "vier Wochen"),
    ("es", "En el ensayo, los pacientes tomaron una dosis inicial más baja durante cuatro semanas.", "cuatro semanas"),
])
def test_a_starting_phase_is_not_how_long_the_trial_ran(facts, lang, text, quote):
    assert row(text, facts, lang, quote)[1] != "mismatch"


# --- the planned size (roles: planned_near, planned_after) -----------------------------------------

@pytest.mark.parametrize("lang,text", [
    ("fr", "Au départ, l'étude devait inclure 316 patients atteints d'un syndrome cliniquement isolé."),
    ("es", "Al principio, el estudio tenía previsto incluir a 316 pacientes con un síndrome clínico aislado."),
    ("de", "Für die Studie waren 316 Teilnehmende vorgesehen, die alle ein klinisch isoliertes Syndrom hatten."),
    ("es", "Según el protocolo, estaba previsto incluir a 316 pacientes con un primer episodio."),
    ("de", "Laut Protokoll war geplant, 316 Patienten in die Studie einzuschließen."),
])
def test_a_planned_size_is_the_target(facts, lang, text):
    got = [r for r in judged(text, facts, lang) if r[0].startswith("316")]
    assert got and got[0][1] == "match" and got[0][2] == "target sample size", got


# --- NNT labels (numbers: other_labels) --------------------------------------------------------------

@pytest.mark.parametrize("lang,text", [
    ("fr", "Selon les auteurs, le nombre de sujets à traiter (NST) était de 7,2 sur deux ans."),
    ("de", "Nach Angaben der Autoren lag die Anzahl der notwendigen Behandlungen bei 7,2 in zwei Jahren."),
    ("es", "Según los autores, el número necesario a tratar fue de 7,2 en dos años."),
])
def test_an_nnt_written_out_is_an_nnt(facts, lang, text):
    got = [r for r in judged(text, facts, lang) if r[0].endswith("7,2")]
    # the NNT from the shares (100 / (74.1 - 60.3) = 7.2): the same fact as an NNT written "NNT 7,2"
    assert got and got[0][1] in ("match", "derived") and "NNT" in got[0][2], judged(text, facts, lang)


def test_a_mean_difference_written_out_is_a_difference():
    from msvitd.text.numbers import find_numbers

    text = "Die mittlere Differenz betrug 0,11 Punkte auf der Skala, berichten die Forscher."
    kinds = [(m.kind, m.value) for m in find_numbers(text, lang="de")]
    assert ("difference", 0.11) in kinds, kinds


# --- the trial's dose (roles: dose_context) --------------------------------------------------------

@pytest.mark.parametrize("lang,text,quote", [
    ("es", "Los participantes del ensayo recibieron 50 000 UI de vitamina D3 cada dos semanas durante dos años.",
     "UI"),
    ("fr", "Les participants de l'essai ont reçu 50 000 UI de vitamine D3 toutes les deux semaines pendant deux ans.",
     "UI"),
])
def test_a_wrong_dose_given_in_the_trial_is_a_mismatch(facts, lang, text, quote):
    assert row(text, facts, lang, quote)[1] == "mismatch"


# --- "cut in half" (roles: in_half) and an adverb between a label and its number ----------------------

@pytest.mark.parametrize("lang,text,quote", [
    ("es", "Según el estudio, la vitamina D redujo a la mitad el riesgo de brotes.", "la mitad"),
    ("fr", "Selon l'étude, la vitamine D a réduit de moitié le risque de poussée.", "de moitié"),
])
def test_halving_the_risk_is_a_fifty_per_cent_reduction(facts, lang, text, quote):
    # no hazard ratio of the study is near 0.50: "halved" is a reduction the source does not report
    got = row(text, facts, lang, quote)
    assert got[1] == "mismatch" and "(50%)" in got[3], got


@pytest.mark.parametrize("lang,text", [
    ("fr", "Selon les auteurs, le nombre de sujets à traiter était de seulement 3 sur deux ans."),
    ("de", "Nach Angaben der Autoren lag die Anzahl der notwendigen Behandlungen bei nur 3 in zwei Jahren."),
    ("es", "Según los autores, el número necesario a tratar fue de apenas 3 en dos años."),
])
def test_an_adverb_between_a_label_and_its_number_keeps_the_label(lang, text):
    from msvitd.text.numbers import find_numbers

    got = [(m.kind, m.value) for m in find_numbers(text, lang=lang)]
    assert ("nnt", 3.0) in got, got


# --- the share without the outcome told before the number (roles: inverted_before) ----------------

@pytest.mark.parametrize("lang,text,quote", [
    ("de", "Die Studie zeigt einen Unterschied. Ohne Krankheitsaktivität blieben 60,3 % der Teilnehmenden.", "60,3 %"),
    ("de", "Nach zwei Jahren waren die Ergebnisse klar: Schubfrei blieben 60,3 % der Patienten.", "60,3 %"),
    ("fr", "Selon les chercheurs, aucune activité de la maladie n'a été observée chez 60,3 % des patients.", "60,3 %"),
    ("es", "Según los investigadores, sin actividad de la enfermedad quedó el 60,3 % de los pacientes.", "60,3 %"),
    ("en", "According to the researchers, no disease activity was seen in 60.3% of the patients.", "60.3%"),
])
def test_the_share_without_the_outcome_told_first_is_an_inversion(facts, lang, text, quote):
    got = row(text, facts, lang, quote)
    assert got[1] == "mismatch" and got[3].startswith("inverts the result"), got


@pytest.mark.parametrize("lang,text,quote", [
    ("de", "In der Studie hatten ohne Vitamin D 74,1 % der Teilnehmenden Krankheitsaktivität.", "74,1 %"),
    ("es", "Sin vitamina D, el 74,1 % de los pacientes del ensayo tuvo actividad de la enfermedad.", "74,1 %"),
])
def test_without_the_supplement_is_not_without_the_outcome(facts, lang, text, quote):
    assert row(text, facts, lang, quote)[1] == "match"


# --- a fraction tied to another outcome; a numerator is not the other arm's value (roles: out_of) ---

@pytest.mark.parametrize("lang,text,quote", [
    ("de", "In der Studie erlitten fast drei Viertel der Placebogruppe einen Schub.", "drei Viertel"),
    ("en", "In the trial, nearly three quarters of the placebo group had a relapse.", "three quarters"),
    ("es", "En el ensayo, casi las tres cuartas partes del grupo placebo sufrieron un brote.", "cuartas partes"),
    ("fr", "Dans l'essai, près des trois quarts du groupe placebo ont fait une poussée.", "trois quarts"),
])
def test_a_fraction_tied_to_relapse_when_it_was_disease_activity(facts, lang, text, quote):
    got = row(text, facts, lang, quote)
    assert got[1] == "mismatch" and "relapse was 21.8%" in got[3], got


@pytest.mark.parametrize("lang,text", [
    ("fr", "Dans l'essai, l'activité de la maladie a touché 60,3 % contre 109 sur 147 patients sous placebo."),
    ("de", "In der Studie zeigten 60,3 % Krankheitsaktivität gegenüber 109 von 147 Patienten unter Placebo."),
])
def test_a_numerator_after_a_share_is_not_the_other_arms_share(facts, lang, text):
    got = row(text, facts, lang, "109")
    assert got[1] == "match" and got[2].endswith("events"), got


@pytest.mark.parametrize("lang,text", [
    ("es", "Según el protocolo, estaba previsto incluir a 500 pacientes con un primer episodio."),
    ("de", "Laut Protokoll war geplant, 500 Patienten in die Studie einzuschließen."),
])
def test_a_wrong_planned_size_is_a_mismatch(facts, lang, text):
    got = [r for r in judged(text, facts, lang) if r[0].startswith("500")]
    assert got and got[0][1] == "mismatch", judged(text, facts, lang)


# --- an outcome that is itself an absence (SOLAR: no evidence of disease activity, 36.3 % vs 35.3 %) --

@pytest.fixture(scope="module")
def solar():
    return _facts_of("solar")


@pytest.mark.parametrize("lang,text", [
    ("en", "After 48 weeks, 36.3% of the vitamin D group remained free of disease activity, compared with 35.3% "
           "of the placebo group."),
    ("es", "Al cabo de 48 semanas, el 36,3 % del grupo de vitamina D se mantuvo sin actividad de la enfermedad, "
           "frente al 35,3 % del grupo placebo."),
    ("de", "Nach 48 Wochen blieben 36,3 % der Vitamin-D-Gruppe frei von Krankheitsaktivität, gegenüber 35,3 % in "
           "der Placebogruppe."),
])
def test_free_of_activity_is_right_when_the_outcome_is_no_evidence_of_activity(solar, lang, text):
    got = judged(text, solar, lang)
    assert [r[1] for r in got if "%" in r[0]] == ["match", "match"], got


def test_a_swap_is_still_caught_on_an_outcome_that_is_an_absence(solar):
    text = ("Au bout de 48 semaines, 36,3 % des patients du groupe placebo n'avaient aucune activité de la "
            "maladie, contre 35,3 % dans le groupe vitamine D.")
    got = [r for r in judged(text, solar, "fr") if "%" in r[0]]
    assert [r[1] for r in got] == ["mismatch", "mismatch"] and "swaps the arms" in got[0][3], got


@pytest.mark.parametrize("lang,text,expected", [
    ("es", "Casi las tres cuartas partes del grupo placebo sufrieron un brote.", ("fraction", 0.75)),
    ("es", "Una de cada tres personas, es decir dos terceras partes menos, no cuenta.", ("fraction", 0.667)),
    ("de", "Das betraf drei Viertel der Placebogruppe gegenüber zwei Dritteln mit Vitamin D.", ("fraction", 0.667)),
])
def test_fractions_as_each_language_writes_them(lang, text, expected):
    from msvitd.text.numbers import find_numbers

    got = [(m.kind, round(m.value, 3)) for m in find_numbers(text, lang=lang)]
    assert expected in got, got


def test_a_subgroup_threshold_is_no_trial_dose_in_german(facts):
    # "Subgruppe" is no arm of the trial: a threshold in a subgroup sentence is not the trial's figure
    text = "In explorativen Subgruppenanalysen war der Effekt bei schwerem Mangel (25(OH)D < 30 nmol/l) tendenziell größer."
    assert [r for r in judged(text, facts, "de") if r[1] == "mismatch"] == []


PER_EVERY = [
    ("en", "Out of 100 people followed for two years, about 14 fewer had new disease activity."),
    ("en", "For every 1,000 patients treated, 140 fewer would show new lesions."),
    ("fr", "Sur 100 personnes suivies pendant deux ans, environ 14 de moins ont eu une activité de la maladie."),
    ("de", "Von 100 behandelten Patienten hatten etwa 14 weniger neue Krankheitsaktivität."),
    ("es", "De cada 100 pacientes tratados, unos 14 menos tuvieron actividad de la enfermedad."),
]


@pytest.mark.parametrize("lang,text", PER_EVERY)
def test_a_natural_frequency_is_no_trial_size(facts, lang, text):
    # "out of 100 people" tells a share; the trial's 316 is not what it counts
    assert [r for r in judged(text, facts, lang) if r[1] == "mismatch" and "randomised" in r[3]] == []


def test_a_wrong_trial_size_after_out_of_is_still_wrong(facts):
    assert row("Out of 400 patients randomised, 60% had disease activity.", facts, "en", "400 patients")[1] == "mismatch"
    assert row("The trial randomised 100 people.", facts, "en", "100 people")[1] == "mismatch"


FRONTED_RUN = [
    ("fr", "Pendant trois ans, les chercheurs ont suivi des patients qui recevaient de la vitamine D ou un placebo.",
     "trois ans"),
    ("es", "Durante tres años, los investigadores siguieron a pacientes que tomaron vitamina D o placebo.", "tres años"),
    ("en", "For three years, researchers followed adults who took vitamin D or a placebo.", "three years"),
]


@pytest.mark.parametrize("lang,text,quote", FRONTED_RUN)
def test_a_duration_opening_its_sentence_is_the_trials_length(facts, lang, text, quote):
    # the verb that makes it the trial's length comes after the number; D-Lay MS ran 24 months
    assert row(text, facts, lang, quote)[1] == "mismatch"


def test_a_fronted_duration_of_something_else_stays_unjudged(facts):
    assert [r for r in judged("For 22 years she has had MS; in the trial she took vitamin D.", facts, "en")
            if r[1] == "mismatch"] == []
    assert [r for r in judged("For two years, researchers followed adults who took vitamin D or a placebo.",
                              facts, "en") if r[1] == "mismatch"] == []
