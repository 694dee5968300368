"""GRADE engine: starting level, file judgements used as given, labelled suggestions, plain language."""

import pytest

from msvitd.grading.certainty import Body, StudyBias, effect_size, grade, plain_language
from msvitd.grading.ois import optimal_information_size
from msvitd.grading.plain_language import LEVELS, STATEMENTS, SYMBOLS, statement


def body(**kw):
    # A trial whose RoB 2 judgement for this outcome is low; tests of an unassessed risk of bias pass bias=().
    base = dict(outcome="Relapse", participants=303, measure="HR", estimate=0.66, lo=0.50, hi=0.87, p0=0.741,
                bias=(StudyBias("T", "low"),))
    base.update(kw)
    return Body(**base)


def test_randomised_starts_high_observational_low():
    assert grade(body()).level == "high"
    assert grade(body(randomised=False)).level == "low"
    assert grade(body()).symbols == "⊕⊕⊕⊕" and grade(body(randomised=False)).display == "⊕⊕◯◯ Low"


def test_file_judgement_used_as_given_and_overrides_suggestion():
    c = grade(body(outcome_type="surrogate", stands_for="disability"))
    ind = c.judgement("indirectness")
    assert (ind.rating, ind.by) == ("serious", "msvitd") and "disability" in ind.reason
    c2 = grade(body(outcome_type="surrogate"), {"indirectness": ("not_serious", "validated surrogate here")})
    j = c2.judgement("indirectness")
    assert (j.rating, j.by, j.reason) == ("not_serious", "file", "validated surrogate here")
    assert c2.level == "high"


def test_imprecision_suggestions():
    # CI includes no effect and both appreciable benefit and harm: very serious.
    j = grade(body(measure="RR", estimate=0.82, lo=0.52, hi=1.30, p0=0.218)).judgement("imprecision")
    assert j.rating == "very_serious" and j.by == "msvitd"
    # CI includes no effect and appreciable benefit only: serious.
    assert grade(body(estimate=0.85, lo=0.70, hi=1.05)).judgement("imprecision").rating == "serious"
    # CI excludes no effect and the OIS is met: not serious.
    j = grade(body()).judgement("imprecision")
    assert j.rating == "not_serious" and "Optimal information size 202" in j.reason
    # CI excludes no effect but too few participants for the OIS: serious.
    assert grade(body(participants=150)).judgement("imprecision").rating == "serious"
    # Thresholds set in the file are used and named.
    j = grade(body(estimate=0.85, lo=0.70, hi=1.05, benefit=0.6, harm=1.6, thresholds_from_file=True)).judgement(
        "imprecision")
    assert j.rating == "not_serious" and "set in the file" in j.reason


def test_inconsistency_from_i2():
    assert grade(body(k=1)).judgement("inconsistency").reason.startswith("Single study")
    assert grade(body(k=4, i2=60)).judgement("inconsistency").rating == "serious"
    cis = [(0.3, 0.8), (1.2, 2.0)]
    assert grade(body(k=2, i2=80, study_cis=cis)).judgement("inconsistency").rating == "very_serious"
    assert grade(body(k=3, i2=10)).judgement("inconsistency").rating == "not_serious"


def test_risk_of_bias_from_rob2():
    assert grade(body(bias=[StudyBias("T", "low")])).judgement("risk_of_bias").rating == "not_serious"
    assert grade(body(bias=[StudyBias("T", "some_concerns")])).judgement("risk_of_bias").rating == "serious"
    assert grade(body(bias=[StudyBias("T", "high")])).judgement("risk_of_bias").rating == "very_serious"



def test_risk_of_bias_not_assessed_is_shown_as_such_and_never_lifts_certainty():
    # Issue 19: an outcome with no RoB judgement was treated as low risk ("not serious"). It is shown as not
    # assessed, with msvitd's suggested rating (serious) counted, so High becomes Moderate.
    c = grade(body(bias=()))
    j = c.judgement("risk_of_bias")
    assert (j.rating, j.assessed, j.by) == ("serious", False, "msvitd")
    assert j.label == "not assessed (suggested: serious (−1))"
    assert "cannot be taken to be at low risk" in j.reason
    assert c.level == "moderate" and grade(body()).level == "high"
    # Part of the weight unassessed counts as some concerns: 60% unassessed + 40% low is serious, never low.
    mixed = body(bias=(StudyBias("A", "low", 40.0), StudyBias("B", None, 60.0)))
    j = grade(mixed).judgement("risk_of_bias")
    assert j.rating == "serious" and "B: not assessed, counted as some concerns" in j.reason


def test_floor_is_very_low():
    given = {d: ("very_serious", "x") for d in ("risk_of_bias", "imprecision", "indirectness")}
    assert grade(body(), given).level == "very_low"


def test_upgrade_only_for_observational():
    up = {"upgrade": ("serious", "large effect")}
    assert grade(body(randomised=False), up).level == "moderate"
    assert grade(body(), {**up, "imprecision": ("serious", "x")}).level == "moderate"


def test_ois_textbook():
    # Control risk 20%, RRR 25% (to 15%), alpha 0.05 two-sided, power 80%: 903 per arm by the normal formula.
    assert optimal_information_size(0.20) == 2 * 903


def test_plain_language_table_complete_and_worded():
    for level in LEVELS:
        for size in ("important", "trivial"):
            assert (level, size) in STATEMENTS
    assert statement("high", "important", "Vitamin D", "Relapse") == "Vitamin D reduces relapse."
    assert statement("moderate", "important", "Vitamin D", "Relapse") == "Vitamin D probably reduces relapse."
    assert statement("low", "important", "Vitamin D", "Relapse", "increase") == "Vitamin D may increase relapse."
    assert statement("low", "trivial", "Vitamin D", "Relapse") == \
        "Vitamin D may make little or no difference to relapse."
    assert statement("very_low", "important", "Vitamin D", "MRI activity") == \
        "The evidence is very uncertain about the effect of vitamin D on MRI activity."
    assert set(SYMBOLS.values()) == {"⊕⊕⊕⊕", "⊕⊕⊕◯", "⊕⊕◯◯", "⊕◯◯◯", ""}  # "": not estimable, no symbols


@pytest.mark.parametrize("est, size", [(0.66, "important"), (0.82, "trivial"), (1.3, "important"), (1.0, "trivial")])
def test_effect_size_against_thresholds(est, size):
    assert effect_size(body(estimate=est, lo=est / 2, hi=est * 2))[0] == size


def test_statement_from_body():
    b = body(outcome_type="surrogate", stands_for="disability")
    c = grade(b)
    assert plain_language(b, c, "Vitamin D", "New MRI lesions") == "Vitamin D probably reduces new MRI lesions."


def test_per_arm_figures_without_interval_or_test_cannot_be_judged_for_precision():
    # Issue 16.2: 11% vs 9% with no CI and no test sat at Low beside "msvitd cannot say whether it makes a
    # difference". Without an interval or a test, precision cannot be judged at all: very serious.
    none = grade(body(measure=None, estimate=None, lo=None, hi=None)).judgement("imprecision")
    assert none.rating == "very_serious" and "Neither a confidence interval nor a test" in none.reason
    tested = grade(body(measure=None, estimate=None, lo=None, hi=None, significant=False)).judgement("imprecision")
    assert tested.rating == "serious"
