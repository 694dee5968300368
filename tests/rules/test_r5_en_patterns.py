"""Round 5, English and the shared engine: patterns found on the web2 held-out sets (hospital pages, fitness
and seniors' magazines, GP pages). Every sentence is written here for one pattern; none comes from a corpus."""

from __future__ import annotations

import pytest

from conftest import found  # tests/rules/conftest.py


def codes(text: str, study: str, lang: str = "en") -> set[str]:
    return {c for c, _, _ in found(text, study, lang)}


def loud(text: str, study: str, lang: str = "en") -> set[str]:
    return {c for c, sev, _ in found(text, study, lang) if sev in ("error", "warning")}


# -- a claim people have read or been told, rebutted by the piece ------------------------------------------

@pytest.mark.parametrize("text", [
    'Patients have read that vitamin D halts MS. "The trial did not show that," says the nurse.',
    "Many readers have heard that the vitamin prevents relapses; that is not what the trial found.",
    "You may have been told online that vitamin D cures MS. It does not.",
    "It is often said that vitamin D stops the disease, but this trial measured MRI activity.",
])
def test_a_claim_people_have_read_is_reported_not_made(text):
    assert not loud(text, "d-lay-ms") & {"C201", "C202"}


def test_the_researchers_own_finding_stays_a_claim():
    assert loud("The researchers found that vitamin D halts MS.", "d-lay-ms") & {"C201", "C202"}


# -- a relative clause about the approved drugs -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Vitamin D is no substitute for approved therapies, which are much better at preventing relapses.",
    "It cannot replace licensed MS treatments, which reduce relapses by a third or more.",
    "Keep taking your standard medication, which protects against relapses.",
])
def test_a_relative_clause_about_the_drugs_is_not_the_trial_result(text):
    assert not loud(text, "d-lay-ms") & {"C201", "C202"}


def test_a_relative_clause_about_vitamin_d_is_still_a_claim():
    assert loud("Patients took vitamin D, which prevented relapses.", "d-lay-ms") & {"C201", "C202"}


# -- a benefit only the completers' analysis found, told as the trial's result ---------------------------

@pytest.mark.parametrize("text", [
    "Those who kept taking the vitamin had far fewer relapses than the placebo group.",
    "People on vitamin D had a lower relapse rate and less disability progression than those on placebo.",
    "Patients who stayed in the study until the end cut their relapse rate with vitamin D.",
])
def test_a_completers_only_benefit_told_as_the_result_is_a_subgroup_finding(text):
    assert "C302" in codes(text, "choline")


@pytest.mark.parametrize("text", [
    "Among completers only, relapses were fewer, but this post hoc analysis is no longer randomised.",
    "Patients who stayed in the study until the end had fewer relapses. That restricted analysis lost the "
    "protection of randomisation.",
    "The relapse rate was lower with vitamin D among completers, but the primary outcome was not met.",
])
def test_a_completers_result_told_as_exploratory_stays_silent(text):
    assert "C302" not in codes(text, "choline")


def test_a_trial_without_an_exploratory_analysis_gets_no_completers_finding():
    assert "C302" not in codes("Patients on vitamin D had fewer new lesions than those on placebo.", "d-lay-ms")


# -- hype: the game idiom, borrowed fame, the key ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "A small French trial has changed the game for people with early MS.",
    "Vitamin D does for your immune system what a seatbelt does for a driver.",
    "Researchers think the sunshine vitamin holds the key to stopping MS.",
])
def test_game_analogy_and_key_are_hype(text):
    assert "C101" in codes(text, "d-lay-ms")


def test_a_game_of_chess_is_no_hype():
    assert "C101" not in codes("Patients in the trial played a memory game at each visit.", "d-lay-ms")


# -- the question told as closed; safety and testing waved away ------------------------------------------

@pytest.mark.parametrize("text,study", [
    ("The verdict is in: take your vitamin D.", "solar"),
    ("Medicine has finally caught up with what naturopaths always said.", "d-lay-ms"),
    ("The trial reported no side effects to speak of.", "vidams"),
    ("Not one complication was seen in the high-dose group.", "evidims"),
    ("There's no need to check your levels before you start.", "prevanz"),
    ("For people with MS, vitamin D is no longer optional.", "solar"),
])
def test_settled_safety_and_testing_waved_away_are_overstated(text, study):
    assert "C102" in loud(text, study)


@pytest.mark.parametrize("text,study", [
    ("Serious adverse events were similar in the two groups.", "d-lay-ms"),
    ("You need a blood test before taking doses this high.", "prevanz"),
    ("The science is not settled: one trial cannot answer the question.", "solar"),
    ("Participants could choose optional MRI scans at one year.", "solar"),
])
def test_careful_safety_and_testing_stay_silent(text, study):
    assert "C102" not in loud(text, study)


# -- protection told as a noun --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Vitamin D may be the best defence against relapses.",
    "A daily capsule gives real protection against MS flare-ups.",
])
def test_protection_as_a_noun_is_a_benefit_claim(text):
    assert loud(text, "solar") & {"C201", "C202"}


def test_no_protection_is_no_claim():
    assert not loud("Vitamin D gave no protection against relapses in the trial.", "solar") & {"C201", "C202"}


# -- advice told as an option; relatives named by a family history ----------------------------------------

@pytest.mark.parametrize("text", [
    "If you have MS, a vitamin D supplement may well be worth adding to your day.",
    "Brothers and sisters of people with MS might want to consider vitamin D as well.",
    "Kids with a family history could get some protection from vitamin D drops.",
])
def test_advice_as_an_option_and_family_history_are_flagged(text):
    assert codes(text, "d-lay-ms") & {"C102", "C301"}


@pytest.mark.parametrize("text", [
    "Whether vitamin D is worth taking is still unclear after this trial.",
    "It may be worth asking your neurologist whether the trial applies to you.",
])
def test_open_questions_about_taking_it_stay_silent(text):
    assert not loud(text, "d-lay-ms") & {"C102", "C301"}


# -- a surrogate result told as a lengthened time before a clinical event -------------------------------------

@pytest.mark.parametrize("text", [
    "With vitamin D, the wait before the next relapse was twice as long.",
    "Patients took nearly twice as long to relapse on the supplement.",
    "The supplement doubled the time until disability got worse.",
])
def test_a_time_before_a_clinical_event_from_a_surrogate_trial_is_surrogate_spin(text):
    # D-Lay MS lengthened the time to disease activity (mostly MRI); relapses and disability did not differ
    assert "C201" in loud(text, "d-lay-ms")


@pytest.mark.parametrize("text", [
    "The time to a first relapse was similar in both groups.",
    "The time to new disease activity was longer with vitamin D, a result driven by MRI.",
])
def test_a_time_told_with_care_or_on_the_surrogate_stays_silent(text):
    assert "C201" not in loud(text, "d-lay-ms")


# -- a claim spread over two sentences, the second opening with a pronoun -----------------------------------

@pytest.mark.parametrize("text,code", [
    ("Start high-dose vitamin D this winter. It also works for anyone with progressive MS.", "C301"),
    ("The trial gave vitamin D every two weeks. It should be taken by everyone with MS.", "C102"),
])
def test_a_pronoun_carries_the_intervention_into_the_next_sentence(text, code):
    assert code in loud(text, "d-lay-ms")


@pytest.mark.parametrize("text", [
    "Interferon is a standard drug. It also works for anyone with progressive MS.",
    "The trial gave vitamin D every two weeks. It is unclear whether people with progressive MS would benefit.",
])
def test_a_pronoun_for_another_agent_or_a_dummy_subject_stays_silent(text):
    assert not loud(text, "d-lay-ms") & {"C301", "C102"}
