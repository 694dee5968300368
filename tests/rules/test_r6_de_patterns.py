"""German patterns, round 6: a pair denied with "weder ... noch", protective metaphors, an outcome told as
lower, time gained before an event, high doses written apart, the intervention as a fixed part of treatment,
an add-on with its determiner, people who get little sun, and a relative effect told as "ein gutes Drittel".
Sentences written here; each pattern has careful sentences that must stay silent."""

from __future__ import annotations

import pytest

from conftest import found


def loud(text: str, study: str) -> set[str]:
    return {c for c, sev, _ in found(text, study, "de") if sev in ("error", "warning")}


def any_code(text: str, study: str) -> set[str]:
    return {c for c, _, _ in found(text, study, "de")}


# -- a booster denied by "weder ... noch" ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Eine Studie dieser Größe kann einen Vorteil weder beweisen noch widerlegen.",
    "Die Daten können einen Nutzen weder belegen noch ausschließen.",
    "Damit ist ein Effekt weder bewiesen noch ausgeschlossen.",
])
def test_a_booster_denied_by_weder_stays_silent(text):
    assert "C102" not in loud(text, "evidims")


def test_the_booster_without_weder_is_still_flagged():
    assert "C102" in loud("Die Studie beweist, dass Vitamin D die Schübe verhindert.", "evidims")


# -- protective metaphors are hype ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Vitamin D: ein Schutzschild für das Gehirn",
    "Das Sonnenvitamin wirkt wie ein Schutzpanzer für die Nerven.",
    "Vitamin D ist ein Bollwerk gegen die Krankheit.",
])
def test_a_protective_metaphor_is_hype(text):
    assert "C101" in any_code(text, "solar")


@pytest.mark.parametrize("text", [
    "Vitamin D ist kein Schutzschild gegen MS.",
    "Die Myelinscheide umgibt die Nervenfasern.",
])
def test_a_denied_metaphor_or_anatomy_stays_silent(text):
    assert "C101" not in loud(text, "solar")


# -- an outcome told as lower in the treated arm (SOLAR: relapse rate not significant) -------------------

@pytest.mark.parametrize("text", [
    "Auch die jährliche Schubrate lag unter Vitamin D niedriger.",
    "Die Zahl der Schübe war in der Vitamin-D-Gruppe deutlich geringer.",
    "Die Schubrate lag mit Vitamin D tiefer als unter Placebo.",
])
def test_an_outcome_told_as_lower_is_a_claim(text):
    assert {"C201", "C202"} & loud(text, "solar")


@pytest.mark.parametrize("text", [
    "Die Schubrate lag in beiden Gruppen niedriger als erwartet.",
    "Die Schubrate lag unter Vitamin D zwar niedriger, der Unterschied war aber nicht signifikant.",
    "Der Preis der Tabletten lag niedriger als gedacht.",
])
def test_lower_in_both_groups_or_not_significant_stays_silent(text):
    assert not {"C201", "C202"} & loud(text, "solar")


# -- time gained before an event ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Mit Vitamin D gab es einen Zeitgewinn bis zum nächsten Schub.",
    "Fast doppelt so viel gewonnene Zeit, bevor ein neuer Krankheitsschub kam: das zeigt die Vitamin-D-Studie.",
])
def test_time_gained_before_a_relapse_is_a_clinical_claim(text):
    assert {"C201", "C202"} & loud(text, "d-lay-ms")


def test_time_gained_before_the_composite_stays_silent():
    text = "Gewonnene Zeit bis zur nächsten Krankheitsaktivität: 432 statt 224 Tage."
    assert not {"C201", "C202"} & loud(text, "d-lay-ms")


# -- high doses written apart, in advice -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Wer MS hat, sollte im Winter unbedingt hoch dosiert ergänzen.",
    "Betroffene sollten jetzt hoch dosiertes Vitamin D einnehmen.",
])
def test_advice_to_dose_high_is_a_recommendation(text):
    assert "C102" in loud(text, "solar")


def test_a_question_about_dosing_high_stays_silent():
    assert "C102" not in loud("Ob man hoch dosiert ergänzen sollte, klärt die Studie nicht.", "solar")


# -- the intervention as a fixed part of treatment to come ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Die Autoren sind sicher, dass das Vitamin bald ein fester Bestandteil der MS-Therapie wird.",
    "Vitamin D gehört künftig fest zur Behandlung der MS.",
    "Vitamin D wird wohl bald zur Standardtherapie.",
])
def test_a_fixed_part_of_treatment_is_practice_advice(text):
    assert "C102" in loud(text, "d-lay-ms")


@pytest.mark.parametrize("text", [
    "Ob Vitamin D ein fester Baustein der MS-Behandlung wird, müssen größere Studien zeigen.",
    "Bewegung ist ein fester Bestandteil der Reha.",
])
def test_an_open_question_about_standard_care_stays_silent(text):
    assert "C102" not in loud(text, "d-lay-ms")


# -- an add-on with its determiner and adjective (D-Lay: no other treatment) ----------------------------

@pytest.mark.parametrize("text", [
    "Vitamin D senkt die Krankheitsaktivität, auch ergänzend zu den bisherigen Medikamenten.",
    "Vitamin D lohnt sich zusätzlich zur laufenden Basistherapie.",
    "Vitamin D hilft auch neben den gewohnten MS-Spritzen.",
])
def test_an_add_on_told_for_an_untreated_trial_is_extrapolation(text):
    assert "C301" in loud(text, "d-lay-ms")


def test_an_add_on_in_an_add_on_trial_stays_silent():
    text = "Die Forscher gaben Vitamin D ergänzend zur laufenden Interferontherapie, und die Läsionen gingen zurück."
    assert "C301" not in loud(text, "solar")


# -- people who get little sun ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Für Schichtarbeiter und alle, die kaum Tageslicht sehen, lohnt sich deshalb die tägliche Dosis Vitamin D.",
    "Wer im Winter selten draußen ist, sollte Vitamin D einnehmen.",
    "Gerade Vielflieger sollten jetzt Vitamin D nehmen.",
])
def test_advice_to_people_who_get_little_sun_is_extrapolation(text):
    assert "C301" in loud(text, "d-lay-ms")


@pytest.mark.parametrize("text", [
    "Wer wenig Sonne abbekommt, hat oft niedrige Vitamin-D-Spiegel.",
    "Schichtarbeiter schlafen häufig schlechter.",
])
def test_a_statement_about_little_sun_stays_silent(text):
    assert "C301" not in loud(text, "d-lay-ms")


# -- a relative effect told as "ein gutes Drittel" -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Das Risiko für neue Krankheitsaktivität sank um ein gutes Drittel.",
    "Das Risiko neuer Entzündungsaktivität sank um gut ein Drittel.",
    "Das Risiko für neue Krankheitsaktivität wurde um ein knappes Drittel gesenkt.",
])
def test_a_qualified_third_alone_is_relative_only(text):
    assert "C501" in loud(text, "d-lay-ms")


def test_a_qualified_third_with_the_arms_shares_stays_silent():
    text = "Das Risiko sank um ein gutes Drittel: 60,3 gegenüber 74,1 Prozent hatten neue Krankheitsaktivität."
    assert not {"C501", "C502"} & loud(text, "d-lay-ms")


# -- careful pieces: the field's past, a pronoun standing for the drugs, "sie" is not the reader ---------

@pytest.mark.parametrize("text", [
    "Die letzten zwanzig Jahre haben die Therapie der MS grundlegend verändert, sagt die Neurologin.",
    "Interferone und Antikörper senken die Schubrate deutlich. Das ist ein enormer Fortschritt für die Betroffenen.",
])
def test_hype_about_the_drugs_of_the_past_decades_is_no_warning(text):
    assert not {"C101", "C301"} & loud(text, "d-lay-ms")


def test_hype_about_the_trial_after_a_pronoun_is_still_flagged():
    text = "Vitamin D senkte die Krankheitsaktivität. Das ist ein riesiger Durchbruch."
    assert "C101" in loud(text, "d-lay-ms")


@pytest.mark.parametrize("text", [
    "Neue Herde zeigen Aktivität an, und die Ärzte nehmen sie ernst, auch unter Vitamin D.",
    "Für Menschen, die seit Jahren mit MS leben und eine wirksame Therapie haben, sagt die Studie nichts aus.",
    "Über Menschen mit progredienter MS lässt sich aus der Vitamin-D-Studie nichts ableiten.",
])
def test_a_lower_case_sie_or_a_denied_scope_stays_silent(text):
    assert "C301" not in loud(text, "d-lay-ms")


@pytest.mark.parametrize("text", [
    "Nehmen Sie jetzt täglich Vitamin D, es senkt die Krankheitsaktivität.",
    "Menschen mit progredienter MS profitieren ebenso von Vitamin D.",
])
def test_the_reader_addressed_and_a_wider_population_are_still_flagged(text):
    assert "C301" in loud(text, "d-lay-ms")


# -- the picture told as clear; protect the nerves with words between; advice in more forms -------------

@pytest.mark.parametrize("text", [
    "Die Datenlage zu Vitamin D ist inzwischen völlig klar.",
    "Das Bild ist eigentlich ziemlich eindeutig: Vitamin D hilft.",
])
def test_the_picture_told_as_clear_is_settled(text):
    assert "C102" in loud(text, "vidams")


@pytest.mark.parametrize("text", [
    "Die Datenlage zu Vitamin D ist noch nicht klar.",
    "Das Bild ist alles andere als eindeutig.",
])
def test_the_picture_told_as_unclear_stays_silent(text):
    assert "C102" not in loud(text, "vidams")


def test_protecting_the_nerves_with_a_pronoun_between_is_a_claim():
    text = "Vitamin D beruhigt das Immunsystem, und so schützt es auch die Nerven."
    assert {"C201", "C202"} & loud(text, "vidams")


def test_an_open_question_about_the_nerves_stays_silent():
    assert not {"C201", "C202"} & loud("Ob Vitamin D auch die Nerven schützt, ist offen.", "vidams")


@pytest.mark.parametrize("text", [
    "Ich würde Vitamin D nehmen, 4.000 Einheiten pro Tag, das ganze Jahr über.",
    "Fragen Sie in der Apotheke nach hochdosierten Präparaten mit Vitamin D.",
    "Holen Sie sich Vitamin D und nehmen Sie es am besten jeden Tag ein.",
    "Ich würde das Vitamin D als festen Baustein sehen.",
])
def test_more_forms_of_advice_are_recommendations(text):
    assert "C102" in loud(text, "vidams")


@pytest.mark.parametrize("text", [
    "In der Studie bekamen die Teilnehmenden 5.000 Einheiten täglich, und zwar 96 Wochen lang.",
    "Fragen Sie Ihren Arzt nach einem Vitamin-D-Test.",
    "Die Neurologin sieht die Studie als wichtigen Baustein der Forschung.",
])
def test_the_trial_dose_a_level_test_or_a_study_as_building_block_stay_silent(text):
    assert "C102" not in loud(text, "vidams")


def test_advice_carried_to_another_group_by_gilt_auch_fuer():
    text = "Ich rate zu 5.000 Einheiten Vitamin D täglich. Das gilt übrigens auch für Kinder von Betroffenen."
    assert "C301" in loud(text, "vidams")


def test_a_result_said_not_to_hold_for_a_group_stays_silent():
    assert "C301" not in loud("Die Ergebnisse mit Vitamin D gelten nicht für Kinder.", "d-lay-ms")


# -- boosters and hype English has, written the German ways ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Fakt ist: Vitamin D senkt die Zahl der Schübe.",
    "Die Studie liefert überzeugende Belege, dass Vitamin D die Schübe senkt.",
    "Dass Vitamin D die Schübe verringert, steht außer Frage.",
    "Den Spiegel vorher messen zu lassen ist gar nicht nötig.",
    "Die Wissenschaft hat gesprochen: Vitamin D hilft.",
])
def test_settled_forms_are_flagged(text):
    assert "C102" in loud(text, "vidams")


@pytest.mark.parametrize("text", [
    "Fakt ist aber: Bei den Schüben gab es keinen Unterschied.",
    "Es gibt keine überzeugenden Belege, dass Vitamin D die Schübe senkt.",
    "Ein Bluttest ist vor hohen Dosen nötig.",
])
def test_careful_uses_of_the_same_words_stay_silent(text):
    assert "C102" not in loud(text, "vidams")


@pytest.mark.parametrize("text", [
    "Ist Vitamin D der Schlüssel zur Heilung der MS?",
    "Das Sonnenvitamin als Zaubermittel gegen Schübe",
    "Vitamin D: der heilige Gral der MS-Forschung",
    "Ein phänomenales Ergebnis für Vitamin D",
])
def test_more_hype_forms(text):
    assert "C101" in any_code(text, "d-lay-ms")


@pytest.mark.parametrize("text", [
    "Vitamin D ist kein Zaubermittel gegen MS.",
    "Der Schlüssel liegt beim Hausarzt.",
])
def test_denied_or_literal_hype_words_stay_silent(text):
    assert "C101" not in loud(text, "d-lay-ms")


# -- free of the outcome for longer, a braking effect, the effect's size put beside the drugs' ------------

@pytest.mark.parametrize("text", [
    "Unter Vitamin D blieben die Teilnehmenden länger frei von Behinderungsprogression.",
    "Mit Vitamin D waren die Patienten häufiger ohne Schub.",
    "Vitamin D zeigte eine deutliche Bremswirkung auf die Schübe.",
])
def test_free_for_longer_or_a_braking_effect_is_a_claim(text):
    assert {"C201", "C202"} & loud(text, "solar")


@pytest.mark.parametrize("text", [
    "In beiden Gruppen blieben gleich viele Patienten frei von Behinderungsprogression.",
    "Mit Vitamin D blieben die Patienten nicht länger frei von Behinderungsprogression.",
])
def test_free_in_both_groups_or_denied_stays_silent(text):
    assert not {"C201", "C202"} & loud(text, "solar")


@pytest.mark.parametrize("text", [
    "Der Effekt von Vitamin D liege im Bereich dessen, was man von Interferon kenne.",
    "Vitamin D wirkt in der Größenordnung der Basistherapie.",
])
def test_the_effect_put_beside_the_drugs_is_a_comparison(text):
    assert "C401" in loud(text, "d-lay-ms")


def test_a_dose_in_the_range_of_guidance_is_no_comparison():
    assert "C401" not in loud("Die Dosis lag im Bereich dessen, was Fachgesellschaften für Gesunde nennen.",
                              "d-lay-ms")


# -- the course as the object with a pronoun between; a stop-gap until the drugs ---------------------------

@pytest.mark.parametrize("text", [
    "Vitamin D ist ein Hormon. Bei Erkrankten bremst es, wie Forscher zeigen, den Verlauf.",
    "Hochdosiertes Vitamin D verlangsamt den weiteren Verlauf.",
])
def test_the_course_as_object_is_a_clinical_claim(text):
    assert "C201" in loud(text, "d-lay-ms")


@pytest.mark.parametrize("text", [
    "Vitamin D wurde im Verlauf der Studie gut vertragen.",
    "Wie Vitamin D den Verlauf beeinflusst, ist offen.",
])
def test_the_course_of_the_study_or_an_open_question_stays_silent(text):
    assert "C201" not in loud(text, "d-lay-ms")


@pytest.mark.parametrize("text", [
    "Vitamin D könne die Wartezeit bis zur Basistherapie gut überbrücken.",
    "Vitamin D eignet sich zur Überbrückung bis zum Therapiebeginn.",
])
def test_a_stop_gap_until_the_drugs_is_practice_advice(text):
    assert "C102" in loud(text, "d-lay-ms")


def test_a_question_about_a_stop_gap_stays_silent():
    assert "C102" not in loud("Ob Vitamin D die Zeit bis zur Basistherapie überbrücken kann, wurde nicht untersucht.",
                              "d-lay-ms")


# -- careful forms: talking it over with the doctor, what is not known yet, a quiz's answer options -------

def test_a_level_test_with_the_doctor_is_no_extrapolation():
    text = ("Hochdosiertes Vitamin D senkte die Krankheitsaktivität. Lassen Sie Ihren Spiegel bestimmen und "
            "sprechen Sie mit Ihrem Neurologen.")
    assert "C301" not in loud(text, "d-lay-ms")


@pytest.mark.parametrize("text", [
    "Vitamin D senkte die Krankheitsaktivität. Ob das später weniger Behinderung bedeutet, wissen wir noch nicht.",
    "Vitamin D senkte die Krankheitsaktivität. Auf Schübe hatte es keinen nachweisbaren Einfluss.",
    "Vitamin D senkte die Krankheitsaktivität. Für andere Patienten lässt sich daraus nichts ableiten.",
])
def test_what_is_not_known_counts_as_a_limitation(text):
    codes = {c for c, _, _ in found(text, "d-lay-ms", "de", whole_article=True)}
    assert "C603" not in codes


def test_a_piece_without_any_limitation_is_still_told():
    codes = {c for c, _, _ in found("Vitamin D senkte die Krankheitsaktivität deutlich.", "d-lay-ms", "de",
                                    whole_article=True)}
    assert "C603" in codes


@pytest.mark.parametrize("text", [
    "Frage 1: Was zeigte die Studie?\nA) Vitamin D halbierte die Schubrate.\nB) Vitamin D senkte die Krankheitsaktivität.",
    "Welche Aussage stimmt?\nC) Vitamin D verbesserte die Lebensqualität.",
])
def test_a_quiz_answer_option_is_no_claim(text):
    assert "C202" not in loud(text, "d-lay-ms")


def test_a_plain_claim_after_a_quiz_is_still_flagged():
    text = "Welche Aussage stimmt?\nA) Keine.\nVitamin D halbierte die Schubrate."
    assert "C202" in loud(text, "d-lay-ms")


# -- the onset told with a verb; the family and MS prevented in people without it ---------------------------

@pytest.mark.parametrize("text", [
    "Mit Vitamin D kam die Krankheit deutlich seltener zum Ausbruch.",
    "Unter Vitamin D kam es seltener zum Ausbruch einer MS.",
])
def test_the_onset_told_with_a_verb_is_conversion(text):
    assert {"C201", "C202"} & loud(text, "prevanz")


def test_the_onset_named_in_a_question_stays_silent():
    assert not {"C201", "C202"} & loud("Ob Vitamin D den Ausbruch der MS verhindert, bleibt offen.", "prevanz")


@pytest.mark.parametrize("text", [
    "Wer in der Familie MS hat, sollte jetzt Vitamin D nehmen.",
    "Für die ganze Familie ist Vitamin D ideal, denn es schützt vor MS.",
])
def test_the_family_is_people_without_ms(text):
    assert "C301" in loud(text, "d-lay-ms")


@pytest.mark.parametrize("text", [
    "Neue Studie: Vitamin D schützt vor MS-Schüben",
    "Die Familie der Patientin war bei der Visite dabei.",
])
def test_relapses_or_a_family_in_passing_are_no_general_population(text):
    assert not any(q in ("schützt vor MS", "Die Familie") for c, _, q in found(text, "d-lay-ms", "de") if c == "C301")


def test_an_ordinal_share_is_no_general_population():
    assert "C301" not in loud("Etwa jeder siebte Behandelte blieb mit Vitamin D frei von Krankheitsaktivität.",
                              "d-lay-ms")


def test_everyone_as_a_pronoun_in_advice_is_still_flagged():
    assert "C301" in loud("Vitamin D sollte jetzt jeder nehmen.", "d-lay-ms")


@pytest.mark.parametrize("text", [
    "Vitamin D zeigte keinen Vorteil. Die Studie war allerdings zu klein, um kleine Effekte auszuschließen.",
    "Vitamin D zeigte in einer kleinen Berliner Studie keinen Vorteil.",
])
def test_a_study_too_small_counts_as_a_limitation(text):
    codes = {c for c, _, _ in found(text, "evidims", "de", whole_article=True)}
    assert "C603" not in codes
