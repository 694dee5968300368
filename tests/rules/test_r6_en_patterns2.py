"""Round 6, English and the shared engine, second group: patterns left from the web2 and web sets (a fitness page,
a seniors' magazine, a GP page, a members' club post). Every sentence is written here; none comes from a corpus."""

from __future__ import annotations

import pytest

from conftest import found  # tests/rules/conftest.py


def loud(text: str, study: str, lang: str = "en") -> set[str]:
    return {c for c, sev, _ in found(text, study, lang) if sev in ("error", "warning")}


def every(text: str, study: str, whole: bool = False) -> set[str]:
    return {c for c, _, _ in found(text, study, "en", whole_article=whole)}


# -- conversion counted only within a composite whose clinical part did not differ --------------------------

@pytest.mark.parametrize("text", [
    "Fewer volunteers on the vitamin went on to develop full-blown MS.",
    "A cheap capsule keeps multiple sclerosis at bay after a first attack.",
    "Vitamin D may be the best defence against MS after a first episode.",
])
def test_conversion_told_as_the_clinical_event_is_surrogate_as_clinical(text):
    assert "C201" in every(text, "d-lay-ms")


def test_disease_activity_told_as_such_stays_silent():
    assert "C201" not in every("Fewer people on vitamin D showed disease activity, mostly new lesions on MRI.",
                               "d-lay-ms")


# -- practice advice: a group of professionals, a dose to aim for, "especially if" ------------------------

@pytest.mark.parametrize("text", [
    "Many nutritionists now advise patients to take 5,000 IU every day.",
    "Our trainers recommend members aim for the same dose in winter.",
    "For anyone with MS, 10,000 IU a day is the dose to aim for.",
])
def test_practice_advice_in_other_forms(text):
    assert "C102" in loud(text, "vidams")


@pytest.mark.parametrize("text", [
    "My neurologist told me to take it, so I did.",
    "Most neurologists recommend testing your level before anything else.",
])
def test_a_story_or_a_test_is_not_practice_advice(text):
    assert "C102" not in loud(text, "vidams")


def test_a_condition_after_the_advice_names_its_audience():
    text = ("The trial gave the equivalent of about 7,000 IU a day. Our coaches recommend runners aim for something "
            "similar, especially if a parent has MS.")
    assert "C301" in loud(text, "d-lay-ms")


def test_a_test_recommended_for_a_group_is_no_extrapolation():
    assert "C301" not in loud("Doctors recommend a vitamin D test, especially if you have MS.", "d-lay-ms")


# -- a small share told as a good result; an outcome that "barely moved"; people kept going ------------------

def test_only_a_third_relapsing_is_a_benefit_claim_on_a_null_outcome():
    assert "C202" in loud("The high-dose arm did fine: only about a quarter of them had a relapse.", "vidams")


def test_only_a_share_with_its_null_result_stays_silent():
    assert "C202" not in loud("Only 34% on the high dose relapsed, against 32% on the low dose, which is no "
                              "difference at all.", "vidams")


@pytest.mark.parametrize("text", [
    "Disability scores barely moved with vitamin D.",
    "Vitamin D kept patients on their feet.",
])
def test_an_outcome_held_still_is_a_claim(text):
    assert loud(text, "vidams") & {"C201", "C202"}


def test_scores_that_barely_moved_in_either_group_are_no_claim():
    assert not loud("Disability scores barely moved in either group.", "vidams") & {"C201", "C202"}


# -- one dose arm of several told as the one that worked; the writer's own view told as confirmed -----------

def test_the_top_dose_doing_best_is_a_subgroup_finding():
    assert "C302" in loud("The groups were alike overall, but those on the highest dose fared best.", "prevanz")


@pytest.mark.parametrize("text", [
    "The trial found exactly what we have been saying for years.",
    "Vitamin D helps, just as we always said.",
])
def test_the_result_told_as_confirming_the_writer_is_settled(text):
    assert "C102" in loud(text, "prevanz")


# -- a null told of the whole trial reports a null primary outcome -----------------------------------------

def test_groups_that_did_not_differ_report_the_null_primary():
    assert "C601" not in every("Vitamin D was tested at three doses. The groups did not differ at 48 weeks.",
                               "prevanz", whole=True)


# -- harm as the far end of an interval is no safety information --------------------------------------------

def test_an_interval_compatible_with_harm_says_nothing_about_safety():
    text = "The interval is wide: it is compatible with a worthwhile benefit and with harm."
    assert "C602" in every(text, "solar", whole=True)


def test_harm_named_as_such_is_safety_information():
    assert "C602" not in every("No harm from the high dose was seen in the trial.", "solar", whole=True)
