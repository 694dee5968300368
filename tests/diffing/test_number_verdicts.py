"""One test per number verdict, on sentences a news story about D-Lay MS could print."""

from __future__ import annotations

import pytest

from msvitd.diffing.numbers import diff_numbers


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
    for text in ("The trial enrolled 303 participants.", "Researchers followed 303 patients."):
        (row,) = judge(text, facts)
        assert (row.verdict, row.source_fact.value) == ("match", "303 participants")
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


def test_rounded(facts):
    (row,) = judge("About 60% of the vitamin D group showed disease activity.", facts)
    assert row.verdict == "rounded"
    assert row.source_fact.value == "60.3%"


def test_mismatch_shows_both_values(facts):
    rows = judge("Only 60.3% of the vitamin D group showed disease activity, compared to 79.1% in the placebo group.",
                 facts)
    assert rows[1].verdict == "mismatch"
    assert rows[1].source_fact.value == "74.1%"
    assert "79.1%" in rows[1].note and "74.1%" in rows[1].note


def test_mismatch_hazard_ratio_read_as_reduction(facts):
    (row,) = judge("Vitamin D lowered the risk of disease activity by 66%.", facts)
    assert row.verdict == "mismatch"
    assert row.source_fact.value == "34%"
    assert row.source_fact.formula == "1 - HR 0.66 = 34%"


def test_mismatch_duration(facts):
    (row,) = judge("The trial lasted three years.", facts)
    assert row.verdict == "mismatch"
    assert row.source_fact.value == "24 months"


def test_derived_one_minus_hr(facts):
    (row,) = judge("Vitamin D cut the risk of disease activity by 34%.", facts)
    assert row.verdict == "derived"
    assert row.source_fact.formula == "1 - HR 0.66 = 34%"


def test_derived_ratio_of_medians(facts):
    (row,) = judge("Disease activity took nearly twice as long to appear with vitamin D.", facts)
    assert row.verdict == "derived"
    assert row.source_fact.formula == "432/224 = 1.93"


def test_derived_sum_of_arms(facts):
    (row,) = judge("In all, 203 participants had disease activity.", facts)
    assert row.verdict == "derived"
    assert row.source_fact.formula == "94 + 109 = 203"


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
