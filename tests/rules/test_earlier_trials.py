"""Rule patterns judged against the earlier trials' study files (SOLAR, CHOLINE, VIDAMS, EVIDIMS,
PrevANZ) and careful wording, in English, French, German and Spanish. Every sentence is written
here for one pattern; none comes from a corpus."""

from __future__ import annotations

import pytest

from conftest import _library, found  # tests/rules/conftest.py


def codes(text: str, study: str, lang: str = "en") -> set[str]:
    return {c for c, _, _ in found(text, study, lang)}


# -- the study's own country is no other study -----------------------------------------------------
def test_own_country_adjective_names_the_trial_itself():
    # VIDAMS ran in the United States: "un ensayo estadounidense" is VIDAMS, and its relapse result was null
    assert "C202" in codes("Un ensayo estadounidense prueba que la vitamina D3 reduce los brotes.", "vidams", "es")
    # PrevANZ ran in Australia
    assert "C202" in codes("Une étude australienne montre que la vitamine D empêche l'apparition de la SEP.",
                           "prevanz", "fr")


def test_another_country_adjective_still_names_another_study():
    assert "C202" not in codes("Un ensayo australiano anterior vio que la vitamina D3 reduce los brotes.", "vidams", "es")


# -- an exploratory analysis against a null planned one --------------------------------------------
def test_benefit_only_in_an_exploratory_analysis_is_spin_when_told_plainly():
    # CHOLINE: the planned relapse-rate analysis was null; only completers showed fewer relapses
    assert "C202" in codes("Vitamin D cut the relapse rate in people taking interferon.", "choline")


def test_the_exploratory_analysis_told_as_such_is_not_flagged():
    assert "C202" not in codes("In the completers analysis, people on vitamin D relapsed less often.", "choline")
    assert "C202" not in codes("Chez les patients ayant terminé l'étude, il y avait moins de poussées.", "choline", "fr")


# -- practice advice when the primary outcome was not met -----------------------------------------
def test_advice_after_a_trial_whose_primary_outcome_was_null():
    # PrevANZ has no significant outcome at all, and its outcomes are composite, not 'clinical'
    assert "C102" in codes("After a first attack, neurologists should prescribe 5,000 IU a day.", "prevanz")


def test_a_writers_own_dose_advice_is_advice():
    assert "C102" in codes("In my practice I recommend 8,000 IU daily to my patients on interferon.",
                           "evidims")


def test_advice_to_get_a_level_tested_is_not_a_recommendation_of_the_intervention():
    assert "C102" not in codes("We recommend getting your vitamin D level tested once a year.", "evidims")


# -- numbers: planned size, phases, rounding, truncated cues --------------------------------------
def test_the_planned_sample_told_as_the_sample_is_a_mismatch():
    assert "C502" in codes("The study included 200 people with relapsing MS.", "choline")


def test_the_planned_sample_told_as_planned_is_fine():
    assert "C502" not in codes("The investigators had planned 200 participants but randomised 129.", "choline")
    assert "C502" not in codes("Vorgesehen waren 80 Teilnehmende, am Ende wurden 53 randomisiert.", "evidims", "de")


def test_a_starting_phase_is_not_the_length_of_the_trial():
    assert "C502" not in codes("Participants began on an initial lower dose for four weeks, then took 14,007 IU a day.",
                               "solar")


def test_a_dose_in_round_thousands_is_a_rounding():
    assert "C502" not in codes("Volunteers in the trial took 14,000 IU each day on top of interferon.", "solar")


def test_a_not_cut_at_the_window_edge_is_no_inversion():
    text = ("Over 96 weeks 34% of the 5,000 IU group and 32% of the 600 IU group had a relapse at some point, "
            "which is not a real difference.")
    assert "C502" not in codes(text, "vidams")


# -- questions, background therapy, negated boosters ----------------------------------------------
def test_a_claim_asked_as_a_question_is_info():
    asked = [f for f in found("Could vitamin D halt multiple sclerosis? (new French data)", "d-lay-ms") if f[0] == "C201"]
    told = [f for f in found("Vitamin D halts multiple sclerosis, new French data show.", "d-lay-ms") if f[0] == "C201"]
    assert asked and all(s == "info" for _, s, _ in asked)
    assert told and told[0][1] == "error"


def test_the_trials_background_therapy_is_no_comparison():
    assert "C401" not in codes("People taking interferon beta-1a who added vitamin D3 did no better than those on "
                               "placebo, compared with the placebo group.", "solar")
    assert "C401" in codes("Vitamin D3 works just as well as interferon.", "solar")


@pytest.mark.parametrize("text,lang", [
    ("Das ist noch kein Beweis für einen Nutzen von Vitamin D.", "de"),
    ("Ce n'est pas une preuve que la vitamine D aide.", "fr"),
])
def test_a_negated_booster_is_no_certainty_claim(text, lang):
    assert "C102" not in codes(text, "evidims", lang)


# -- subgroups the study file does not list -------------------------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("Among patients aged 20 to 35 the benefit was largest.", "en"),
    ("Bei den jüngeren Erwachsenen war der Nutzen am größten.", "de"),
    ("Les patients les plus âgés en ont tiré le plus grand bénéfice.", "fr"),
    ("Los más jóvenes obtuvieron el mayor beneficio.", "es"),
])
def test_a_subgroup_told_as_benefiting_most(text, lang):
    assert "C302" in codes(text, "solar", lang)


def test_a_subgroup_said_to_be_exploratory_is_fine():
    assert "C302" not in codes("In an exploratory look, patients aged 20 to 35 seemed to benefit most.", "solar")


# -- how the start and course of MS are written ---------------------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("La vitamine D empêche le passage à une sclérose en plaques.", "fr"),
    ("La vitamina D evita desarrollar esclerosis múltiple.", "es"),
    ("Vitamin D verhindert den Ausbruch der Multiplen Sklerose.", "de"),
])
def test_preventing_ms_is_a_conversion_claim(text, lang):
    assert "C202" in codes(text, "prevanz", lang)


def test_slowing_the_course_of_ms_in_german():
    assert codes("Vitamin D verlangsamt den Verlauf der Multiplen Sklerose.", "solar", "de") & {"C201", "C202"}


def test_first_attack_in_spanish_names_the_population_not_relapses():
    assert "C202" not in codes("La vitamina D podría reducir la actividad de la enfermedad tras un primer brote",
                               "d-lay-ms", "es")


def test_keeping_the_disease_in_check_is_a_claim():
    assert codes("Daily vitamin D kept the disease firmly in check.", "solar") & {"C201", "C202"}


def test_an_add_on_told_as_making_the_drug_work_better():
    # EVIDIMS: no outcome differed; "how well the treatment works" was never measured
    assert "C202" in codes("Vitamin D boosts the effectiveness of interferon.", "evidims")


# -- certainty: settled, confirmed what, absolute safety -------------------------------------------
def test_settled_and_confirmed_what():
    assert "C102" in codes("After EVIDIMS the matter is settled: vitamin D helps.", "evidims")
    assert "C102" in codes("Doctors confirmed what patients suspected: vitamin D works.", "evidims")


@pytest.mark.parametrize("text,lang", [
    ("The trial showed high-dose vitamin D is completely safe.", "en"),
    ("El ensayo mostró que la vitamina D en dosis altas es completamente segura.", "es"),
    ("Die Studie zeigt, dass hochdosiertes Vitamin D völlig unbedenklich ist.", "de"),
])
def test_absolute_safety_from_one_trial(text, lang):
    assert "C102" in codes(text, "vidams", lang)


# -- a hope is no result; cutting one's drugs is a comparison --------------------------------------
def test_a_hope_is_not_a_claim():
    assert "C202" not in codes("Many people take vitamin D in the hope of fewer relapses.", "vidams")


@pytest.mark.parametrize("text,lang", [
    ("With enough vitamin D you could cut down on your medication.", "en"),
    ("Con vitamina D podría dejar sus medicamentos.", "es"),
])
def test_cutting_ones_medication_for_the_supplement(text, lang):
    assert "C401" in codes(text, "vidams", lang)


# -- Spanish and French: people with MS of the trial's own stage ----------------------------------
def test_people_with_ms_of_the_trials_stage_are_no_extrapolation():
    assert "C301" not in codes("Participaron pacientes con esclerosis múltiple remitente-recurrente.", "vidams", "es")
    assert "C301" in codes("Todas las personas con esclerosis múltiple deberían tomar vitamina D3.", "vidams", "es")


def test_a_reduction_of_an_outcome_without_a_ratio_is_not_checked_against_another_outcomes_ratio():
    # SOLAR reports relapse rates (0.28 vs 0.41) but no rate ratio; its OR 0.93 is NEDA-3's
    assert "C502" not in codes("With vitamin D3 the relapse rate fell by a third.", "solar")
    # the lesion count has its own ratio (IRR 0.68): 50% is not 1 - 0.68
    assert "C502" in codes("With vitamin D3 active lesions fell by 50 percent.", "solar")


def test_a_null_result_told_across_a_colon_counts_as_reporting_it():
    from msvitd.critique.engine import critique_text

    lib = _library()
    told = ("Here is what the trial showed: fewer new lesions with vitamin D. What it could not show: any "
            "difference in relapses or disability between the groups. Nobody knows the long-term effect yet.")
    res = critique_text(told, lib.study("d-lay-ms"), others=[], whole_article=True, select=("C601",))
    assert not res.findings


def test_a_null_composite_primary_outcome_must_be_reported():
    # PrevANZ has no outcome typed 'clinical'; its primary (conversion / disease activity) was null
    from msvitd.critique.engine import critique_text

    lib = _library()
    silent = ("Australian researchers gave people with a first episode vitamin D3 at three doses or a placebo. "
              "The supplement was well tolerated. Participants were followed for up to 48 weeks.")
    told = silent + " Vitamin D did not lower the chance of converting to MS."
    rule = ("C601",)
    assert [f.rule for f in critique_text(silent, lib.study("prevanz"), others=[], whole_article=True,
                                          select=rule).findings] == ["C601"]
    assert not critique_text(told, lib.study("prevanz"), others=[], whole_article=True, select=rule).findings
