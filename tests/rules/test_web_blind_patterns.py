"""Patterns found on held-out web pieces of new forms (fact-checks, interviews, insurer pages, wire copy):
careful statements that must stay silent, and the number readings they need. Every sentence is written
here for one pattern (in English, French, German and Spanish); none comes from a corpus."""

from __future__ import annotations

import pytest

from conftest import found  # tests/rules/conftest.py


def loud(text: str, study: str, lang: str = "en") -> set[str]:
    """The codes of the errors and warnings (what a careful piece must not get)."""
    return {c for c, sev, _ in found(text, study, lang) if sev in ("error", "warning")}


# -- a claim quoted in order to rebut it --------------------------------------------------------------

@pytest.mark.parametrize("text,study,lang", [
    ('An advert on a shopping site promises that vitamin D will "stop MS in its tracks". The trial found no such thing.',
     "prevanz", "en"),
    ("A viral video shows a doctor and claims that the vitamin prevents relapses; the trial said otherwise.",
     "solar", "en"),
    ("It is not true that vitamin D reduced relapses in this trial.", "choline", "en"),
    ("On lit souvent que la vitamine D a réduit les poussées et le handicap. Ce n'est pas ce que montre l'essai.",
     "choline", "fr"),
    ("Selon ce message, la vitamine D guérit la sclérose en plaques.", "d-lay-ms", "fr"),
    ("Dire que la vitamine D empêche les poussées, c'est aller trop loin.", "d-lay-ms", "fr"),
    ("Ein Beitrag in sozialen Netzwerken behauptet, dass Vitamin D die Schübe verhindert.", "solar", "de"),
    ("Vitamin D stoppe die MS, so heißt es in vielen Foren.", "d-lay-ms", "de"),
    ("Una tienda en línea promete que la vitamina D evita los brotes.", "evidims", "es"),
    ("No es cierto que la vitamina D haya reducido los brotes en este ensayo.", "vidams", "es"),
])
def test_a_reported_claim_is_not_the_pieces_own(text, study, lang):
    assert not loud(text, study, lang) & {"C101", "C102", "C201", "C202"}


def test_a_researchers_claim_is_still_a_claim():
    # the frames name non-research sources or distancing verbs; the trial's authors saying so is the piece's claim
    assert "C202" in loud("The researchers said that vitamin D reduced relapses.", "choline")
    assert "C202" in loud("Vitamin D reduced relapses in the trial.", "choline")


def test_the_frame_covers_the_whole_sentence_after_a_contrast_word():
    # "pourtant" would open a new clause; the frame before it still governs the claim
    assert not loud("On lit pourtant que l'essai a réduit les poussées.", "choline", "fr") & {"C201", "C202"}


def test_what_can_be_said_about_an_outcome_is_a_limitation():
    assert not loud("Many left the trial early, which limits what we can say about relapses.", "d-lay-ms") & {"C202"}
    assert not loud("Beaucoup ont quitté l'essai tôt, ce qui limite ce que l'on peut dire du handicap.",
                    "d-lay-ms", "fr") & {"C202"}


# -- a negated subject cut off by an aside ------------------------------------------------------------

def test_a_negated_subject_governs_the_verb_after_an_aside():
    assert "C202" not in loud("None of the three doses, including the highest, prevented relapses.", "prevanz")
    assert "C202" in loud("The highest dose, 10,000 IU, prevented relapses.", "prevanz")


# -- "does not replace a disease-modifying treatment" -------------------------------------------------

@pytest.mark.parametrize("text,study,lang", [
    ("Le complément ne remplace en aucun cas un traitement de fond.", "d-lay-ms", "fr"),
    ("Vitamin D ersetzt keine Basistherapie.", "vidams", "de"),
    ("Ihre Basistherapie sollten Sie keinesfalls eigenmächtig absetzen.", "vidams", "de"),
    ("La vitamina D no reemplaza el tratamiento modificador de la enfermedad.", "d-lay-ms", "es"),
])
def test_not_replacing_the_treatment_is_careful(text, study, lang):
    assert "C401" not in loud(text, study, lang)


def test_replacing_the_treatment_is_still_a_comparison():
    assert "C401" in loud("Vitamin D kann die Basistherapie ersetzen.", "d-lay-ms", "de")
    assert "C401" in loud("La vitamine D peut remplacer un traitement de fond.", "d-lay-ms", "fr")


# -- numbers: a dose schedule's phases, confidence levels in words, a pair of arms then a third number ----

@pytest.mark.parametrize("text,lang", [
    ("In the trial, patients took 6,670 IU a day for four weeks, then 14,007 IU a day.", "en"),
    ("Die Teilnehmer erhielten in der Studie vier Wochen lang 6.670 IE pro Tag, danach 14.007 IE täglich.", "de"),
    ("Dans l'essai, les patients ont pris 6 670 UI par jour pendant quatre semaines, puis 14 007 UI par jour.", "fr"),
])
def test_a_starting_dose_and_its_length_are_the_trials_own(text, lang):
    assert "C502" not in loud(text, "solar", lang)


def test_a_wrong_daily_dose_is_still_a_mismatch():
    assert "C502" in loud("In der Studie nahmen die Patienten 20.000 IE pro Tag.", "solar", "de")


def test_a_confidence_level_in_words_is_not_a_reduction():
    text = "Compared with placebo the odds ratio was 0.94, with a 95 percent confidence interval of 0.41 to 2.19."
    assert "C502" not in loud(text, "prevanz")


def test_a_third_number_after_a_pair_of_arms_is_read_on_its_own():
    text = ("In the trial 303 were analysed (156 vs 147), and 288 completed the two years.")
    assert "C502" not in loud(text, "d-lay-ms")


def test_an_interview_question_naming_another_trial_opens_the_answer_about_it():
    text = ("What about D-Lay MS?\n\nIt is another setting. Of 316 patients randomised, disease activity "
            "fell from 74.1% to 60.3%.\n")
    assert "C502" not in loud(text, "choline", "en")


# -- counts: a disease adjective between number and noun, a file that gives only those enrolled ----------

def test_a_count_with_a_disease_adjective_is_read_as_participants():
    # CHOLINE planned 200 and randomised 129: "more than 200" told as the sample is the planned size
    assert "C502" in loud("The trial gave vitamin D or placebo to more than 200 relapsing MS patients.", "choline")
    assert "C502" not in loud("The trial randomised 129 relapsing MS patients.", "choline")


@pytest.mark.parametrize("text,lang", [
    ("Los investigadores reunieron a unas 400 personas para el ensayo.", "es"),
    ("The trial enrolled around 400 people after a first episode.", "en"),
])
def test_a_wrong_count_is_a_mismatch_when_the_file_gives_those_enrolled(text, lang):
    assert "C502" in loud(text, "prevanz", lang)


def test_the_enrolled_count_is_right():
    assert "C502" not in loud("The trial enrolled 204 people after a first episode.", "prevanz")


# -- advice in forms the tables missed, and the people it is given to ----------------------------------

@pytest.mark.parametrize("text,study,lang", [
    ("Anyone with relapsing MS should be aiming for at least 8,000 IU of vitamin D a day.", "solar", "en"),
    ("Ich rate allen Patientinnen zu mindestens 12.000 IE Vitamin D täglich.", "evidims", "de"),
    ("Der Neurologe meint, dass jeder Patient unter Interferon mit Vitamin D substituiert werden sollte.",
     "solar", "de"),
    ("Ces données justifient qu'on propose de la vitamine D à tous les patients traités.", "choline", "fr"),
])
def test_advice_after_a_null_trial_is_overstated(text, study, lang):
    assert "C102" in loud(text, study, lang)


def test_advice_to_get_tested_or_ask_about_levels_stays_out():
    assert "C102" not in loud("Patients should be asking their neurologist about getting a blood test.", "solar")


@pytest.mark.parametrize("text,lang,who", [
    ("Vitamin D works. Every patient with MS should be asking their neurologist about high-dose vitamin D.", "en",
     "patient"),
    ("La vitamina D funciona. Yo se la recomendaría a cualquier paciente con esclerosis múltiple.", "es",
     "cualquier paciente con esclerosis múltiple"),
    ("Vitamin D in hoher Dosis wirkt. Auch Schwangeren empfehle ich Vitamin D.", "de", "Schwangeren"),
    ("La vitamine D à forte dose marche. Les femmes enceintes devraient en prendre aussi.", "fr", "femmes enceintes"),
])
def test_advice_to_people_the_trial_did_not_study(text, lang, who):
    got = [q for c, sev, q in found(text, "d-lay-ms", lang) if c == "C301" and sev == "warning"]
    assert any(who in q for q in got), got


def test_pregnancy_named_as_an_exclusion_is_no_extrapolation():
    assert "C301" not in loud("Pregnant women could not take part in the vitamin D trial.", "d-lay-ms")


# -- an outcome as the subject of a fall ("the relapse rate dropped by 30%") ---------------------------

@pytest.mark.parametrize("text,lang", [
    ("In the trial the annual relapse rate dropped by roughly a third on vitamin D.", "en"),
    ("Die jährliche Schubrate sank unter Vitamin D um rund ein Drittel.", "de"),
    ("Sous vitamine D, le taux annuel de poussées est passé de 0,40 à 0,30.", "fr"),
    ("Con la vitamina D, la tasa anual de brotes cayó un 30 %.", "es"),
])
def test_a_fall_in_a_null_outcome_is_a_benefit_claim(text, lang):
    # the claim is read in every language; its severity follows the sentence's claim strength
    assert "C202" in {c for c, _, _ in found(text, "solar", lang)}


@pytest.mark.parametrize("text,lang", [
    ("Relapse rates fell by a similar amount in both groups.", "en"),
    ("The relapse rate fell from 0.40 to 0.30, which was not statistically significant.", "en"),
    ("Die Schubrate sank in beiden Gruppen um ungefähr gleich viel.", "de"),
    ("Le taux de poussées est passé de 0,40 à 0,30, une différence non significative.", "fr"),
    ("He fell ill from the flu during the trial.", "en"),
])
def test_a_fall_in_both_groups_or_not_significant_is_no_claim(text, lang):
    assert "C202" not in loud(text, "solar", lang)


# -- a reference amount is not advice to the people it names ---------------------------------------------

@pytest.mark.parametrize("text,lang", [
    ("The weekly dose of vitamin D was far above what is recommended for healthy adults.", "en"),
    ("Die Vitamin-D-Dosis der Studie liegt weit über dem, was üblicherweise gesunden Erwachsenen empfohlen wird.", "de"),
    ("C'est bien plus de vitamine D que ce qui est recommandé aux adultes en bonne santé.", "fr"),
    ("Es mucha más vitamina D de lo que se recomienda a los adultos sanos.", "es"),
])
def test_a_reference_intake_is_no_advice(text, lang):
    assert "C301" not in loud(text, "d-lay-ms", lang)


def test_advice_to_healthy_adults_is_still_extrapolation():
    assert "C301" in loud("High-dose vitamin D is now recommended for healthy adults too.", "d-lay-ms")


def test_an_approximate_count_equal_to_the_planned_size_is_the_plan():
    # PrevANZ planned 240 and enrolled 204: "some 240" is the plan told as the sample, "about 200" a rounding
    assert "C502" in loud("Les chercheurs ont suivi quelque 240 patients dans l'essai.", "prevanz", "fr")
    assert "C502" not in loud("The researchers followed about 200 patients in the trial.", "prevanz")


# -- the question told as settled, the study that "changes everything" -----------------------------------

@pytest.mark.parametrize("text,study,lang,code", [
    ("Finally the proof: vitamin D slows MS.", "d-lay-ms", "en", "C102"),
    ("Voilà enfin la preuve que la vitamine D protège le cerveau.", "d-lay-ms", "fr", "C102"),
    ("Die Studie ist der lang erwartete Nachweis für Vitamin D.", "solar", "de", "C102"),
    ("Este ensayo lo ha dejado muy claro.", "prevanz", "es", "C102"),
    ("Un estudio que lo cambia todo para la esclerosis múltiple.", "d-lay-ms", "es", "C101"),
])
def test_settled_and_changes_everything(text, study, lang, code):
    assert code in loud(text, study, lang)


def test_a_trial_that_made_clear_more_work_is_needed_is_careful():
    assert "C102" not in loud("The study has made it clear that more trials are needed.", "d-lay-ms")
    assert "C102" not in loud("El ensayo ha dejado claro que hacen falta más estudios.", "d-lay-ms", "es")


# -- the trial's own comparison stated ("compared with placebo"), then other treatments named as who was not
# included: no invented comparison (newcomer review M9); a rival named after another cue still is one ------
@pytest.mark.parametrize("text,lang", [
    ("It was compared with placebo, not with disease-modifying drugs, and people already on other MS "
     "treatments were not included.", "en"),
    ("L'essai l'a comparée à un placebo, et les patients déjà sous traitement de fond n'ont pas été inclus.", "fr"),
    ("Verglichen wurde mit Placebo; wer schon eine Basistherapie bekam, durfte nicht teilnehmen.", "de"),
    ("Se comparó con placebo, y no se incluyó a quienes ya recibían otros tratamientos modificadores.", "es"),
])
def test_the_trials_own_comparison_with_other_treatments_named_is_silent(text, lang):
    assert "C401" not in {c for c, _, _ in found(text, "d-lay-ms", lang)}


def test_a_rival_after_the_trials_own_comparison_is_still_flagged():
    assert "C401" in {c for c, _, _ in found("Compared with placebo, vitamin D is as effective as interferon.",
                                             "d-lay-ms")}
