"""One test per number verdict, on sentences a news story about D-Lay MS could print."""

from __future__ import annotations

import pytest

from msvitd.facts.matcher import diff_numbers


def judge(text, facts):
    f, d = facts
    rows, _ = diff_numbers(text, f, d)
    return rows


def test_match_shows_the_source_value_and_cite(facts):
    (row,) = judge("Only 60.3% of the vitamin D group showed disease activity.", facts)
    assert row.verdict == "match"
    assert row.source_fact.value == "60.3%"
    assert "pmc" in row.source_fact.cite
    assert "vitamin-d" not in row.source_fact.label  # a readable label, not a path
    assert "Disease activity" in row.source_fact.label


def test_match_across_formats(facts):
    for text in ("The trial analysed 303 participants.", "Researchers followed 303 patients."):
        (row,) = judge(text, facts)
        assert (row.verdict, row.source_fact.value) == ("match", "303 participants")
    (row,) = judge("The trial enrolled 316 participants.", facts)
    assert (row.verdict, row.source_fact.value) == ("match", "316 participants")
    (row,) = judge("Participants took 100 000 IU of vitamin D every two weeks.", facts)[:1]
    assert (row.verdict, row.source_fact.value) == ("match", "100,000 IU")
    (row,) = judge("The trial lasted two years.", facts)
    assert row.verdict == "match" and row.source_fact.value == "24 months"


def test_hazard_ratio_ci_and_p_match(facts):
    rows = judge("Disease activity: HR 0.66 (95% CI 0.50-0.87), P = .004.", facts)
    assert [r.verdict for r in rows] == ["match", "match", "match"]
    assert rows[0].source_fact.value == "HR 0.66"
    assert rows[1].source_fact.value == "0.50 to 0.87"
    assert rows[2].source_fact.value == "P = 0.004"


def test_mismatch_shows_both_values(facts):
    rows = judge("Only 60.3% of the vitamin D group showed disease activity, compared to 79.1% in the placebo group.",
                 facts)
    assert rows[1].verdict == "mismatch"
    assert rows[1].source_fact.value == "74.1%"
    assert "79.1%" in rows[1].note and "74.1%" in rows[1].note


# One sentence, one number: (the sentence, its verdict, the source fact's value, its formula);
# None where the row does not say.
ONE_NUMBER = [
    pytest.param("About 60% of the vitamin D group showed disease activity.", "rounded", "60.3%", None,
                 id="rounded"),
    pytest.param("Vitamin D lowered the risk of disease activity by 66%.", "mismatch", "34%", "1 - HR 0.66 = 34%",
                 id="hazard-ratio-read-as-reduction"),
    pytest.param("The trial lasted three years.", "mismatch", "24 months", None, id="duration"),
    pytest.param("Vitamin D cut the risk of disease activity by 34%.", "derived", None, "1 - HR 0.66 = 34%",
                 id="one-minus-hr"),
    pytest.param("Disease activity took nearly twice as long to appear with vitamin D.", "derived", None,
                 "432/224 = 1.93", id="ratio-of-medians"),
    pytest.param("In all, 203 participants had disease activity.", "derived", None, "94 + 109 = 203",
                 id="sum-of-arms"),
]


@pytest.mark.parametrize("text, verdict, value, formula", ONE_NUMBER)
def test_one_number_verdict(facts, text, verdict, value, formula):
    (row,) = judge(text, facts)
    assert row.verdict == verdict
    if value is not None:
        assert row.source_fact.value == value
    if formula is not None:
        assert row.source_fact.formula == formula


def test_unverified(facts):
    (row,) = judge("A survey of 1,200 people found enthusiasm.", facts)
    assert row.verdict == "unverified"
    assert row.source_fact is None


def test_versus_pairs_compare_arm_with_arm(facts):
    rows = judge("Relapse occurred in 17.9% vs 25.0% of participants.", facts)
    assert [r.verdict for r in rows] == ["match", "mismatch"]
    assert rows[1].source_fact.value == "21.8%"


def test_dates_and_bare_numbers_are_not_judged(facts):
    f, d = facts
    rows, unchecked = diff_numbers("Posted Apr 3, 2025. Messages: 1,390", f, d)
    assert rows == [] and unchecked == 2


def test_source_location_is_file_line(dlay, facts):
    model, doc = dlay
    f, d = facts

    def locate(path):
        line, col = doc.position(path)
        return f"{doc.file}:{line}:{col}"

    rows, _ = diff_numbers("HR 0.66", f, d, locate)
    assert rows[0].source_fact.location.startswith(doc.file + ":")
    line = int(rows[0].source_fact.location.split(":")[-2])
    assert "estimate: 0.66" in doc.text.splitlines()[line - 1] if doc.text else True


# -- what the sentence says a number is (issue: one reading of numbers, shared with critique C502) --

def test_two_thirds_is_a_reduction_the_trial_did_not_find(facts):
    (row,) = judge("Vitamin D cuts MS activity by two thirds, study finds", facts)
    assert row.verdict == "mismatch" and row.source_fact.value == "34%"
    assert "67%" in row.note and "1 - HR 0.66" in row.note


def test_a_third_and_thirty_four_percent_lower_are_one_minus_hr(facts):
    for text in ("Vitamin D cut MS activity by a third.", "They were 34% less likely to have disease activity."):
        (row,) = judge(text, facts)
        assert row.verdict == "derived" and row.source_fact.formula == "1 - HR 0.66 = 34%", text


def test_halved_is_a_mismatch(facts):
    (row,) = judge("High-dose vitamin D halved the risk of disease activity.", facts)
    assert row.verdict == "mismatch"


def test_inverted_result_is_a_mismatch_for_both_arms(facts):
    rows = judge("Only 60.3% of patients on vitamin D had no new activity, compared with 74.1% on placebo.", facts)
    assert [r.verdict for r in rows] == ["mismatch", "mismatch"]
    assert rows[0].note.startswith("inverts the result") and "39.7% had none" in rows[0].note
    assert "25.9% had none" in rows[1].note


def test_share_without_the_outcome_is_derived(facts):
    (row,) = judge("Overall, 39.7% of the vitamin D group remained free of disease activity.", facts)
    assert row.verdict == "derived" and row.source_fact.formula == "100% - 60.3% = 39.7%"


def test_swapped_arms(facts):
    (row,) = judge("Disease activity was seen in 74.1% of patients on vitamin D.", facts)
    assert row.verdict == "mismatch" and row.note.startswith("swaps the arms")


def test_people_in_the_trial_are_compared_with_the_trials_totals(facts):
    (row,) = judge("Researchers in France gave 500 people with early MS either vitamin D or a dummy pill.", facts)
    assert row.verdict == "mismatch" and row.source_fact.value == "316 participants"
    assert "316" in row.note and "303" in row.note
    (row,) = judge("The trial randomly assigned 303 adults to vitamin D or placebo.", facts)
    assert row.verdict == "mismatch" and "303 is the number analysed" in row.note
    for text in ("The trial randomly assigned 316 adults.", "Of 316 randomized patients, 303 received at least one dose.",
                 "The researchers tracked more than 300 patients for two years.",
                 "A randomized clinical trial involving 303 participants."):
        assert {r.verdict for r in judge(text, facts) if r.kind == "count"} == {"match"}, text
    (row,) = judge("Multiple sclerosis affects nearly three million people worldwide, a new study says.", facts)
    assert row.verdict == "unverified"


def test_how_long_the_trial_ran(facts):
    (row,) = judge("In the three-year D-Lay MS study, patients took vitamin D.", facts)
    assert row.verdict == "mismatch" and row.source_fact.value == "24 months"
    (row,) = judge("Whether that means less disability in ten years, we cannot say.", facts)
    assert row.verdict == "unverified"


def test_allocation_share(facts):
    rows = judge("Half took 100,000 IU of vitamin D3 every two weeks and half took a placebo.", facts)
    assert [r.verdict for r in rows if r.kind == "fraction"] == ["derived", "derived"]


def test_a_product_dose_is_not_the_trials(facts):
    (row,) = judge("Our D3 5000 IU softgels are formulated for maximum absorption.", facts)
    assert row.verdict == "unverified"


def test_numbers_of_another_study_are_not_judged(facts):
    f, d = facts
    text = "In VIDAMS, 172 people took 5,000 IU a day; relapses were 34% and 32%."
    rows, _ = diff_numbers(text, f, d, skip=lambda s, e: True)
    assert {r.verdict for r in rows} == {"unverified"} and rows[0].note == "about another study"


def test_counts_of_counts_are_numerators_not_pairs(facts):
    rows = judge("Disease activity occurred in 94 of 156 patients given vitamin D and 109 of 147 given placebo.", facts)
    assert {r.verdict for r in rows} == {"match"}


def test_a_new_clause_after_a_pair_is_not_the_other_arm(facts):
    rows = judge("Relapse was 17.9% vs 21.8%, not a significant difference, and 11% vs 9% had serious adverse events.",
                 facts)
    assert [(r.quote, r.verdict) for r in rows if r.verdict == "mismatch"] == []
