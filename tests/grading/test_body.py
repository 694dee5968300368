"""GRADE across studies without a pooled estimate: weights, ties, verdicts, and who judged."""

from msvitd.grading import body as across
from msvitd.grading.certainty import Body, Judgement, default_thresholds, grade, plain_language


def j(domain, rating, by="msvitd", reason="because"):
    return Judgement(domain, rating, reason, by)


def res(name, weight=None, verdict=None, text="x", has_ci=False, has_numbers=True, fit=(), **js):
    return across.StudyResult(name, weight, {d: j(d, r) for d, r in js.items()}, verdict, text, has_ci, has_numbers,
                              tuple(fit))


def test_combine_follows_the_weight():
    big, small = res("Big", 300, risk_of_bias="not_serious"), res("Small", 100, risk_of_bias="very_serious")
    out = across.combine("risk_of_bias", [big, small])
    assert out.rating == "not_serious" and out.by == "msvitd"
    assert "weighted by participants" in out.reason and "Small: very serious" in out.reason
    out = across.combine("risk_of_bias", [res("Big", 100, risk_of_bias="not_serious"),
                                          res("Small", 300, risk_of_bias="very_serious")])
    assert out.rating == "very_serious"


def test_combine_equal_weights_when_participants_are_missing_and_ties_rate_down():
    out = across.combine("risk_of_bias", [res("A", 300, risk_of_bias="not_serious"), res("B", None, risk_of_bias="serious")])
    assert out.rating == "serious"
    assert "equal weights (participants not reported for B)" in out.reason


def test_indirectness_counts_a_study_outside_its_comparison():
    out = across.combine("indirectness", [res("A", 10, indirectness="not_serious", fit=["stage rrms (the comparison is cis)"]),
                                          res("B", 10, indirectness="not_serious")])
    assert out.rating == "serious" and "differs from the comparison: stage rrms" in out.reason


def test_inconsistency_from_verdicts():
    agree = across.inconsistency([res("A", verdict="none", text="no significant difference"),
                                  res("B", verdict="none", text="no significant difference")])
    assert agree.rating == "not_serious" and "none found a significant difference" in agree.reason
    disagree = across.inconsistency([res("A", verdict="benefit", text="a significant reduction"),
                                     res("B", verdict="none", text="no significant difference")])
    assert disagree.rating == "serious" and "cannot compute I²" in disagree.reason
    opposite = across.inconsistency([res("A", verdict="benefit"), res("B", verdict="harm")])
    assert opposite.rating == "very_serious"
    lone = across.inconsistency([res("A", verdict="benefit"), res("B")])
    assert lone.rating == "not_serious" and lone.reason.startswith("Cannot be judged: A alone")


def test_imprecision_without_a_pooled_estimate():
    nothing = across.imprecision_unpooled([res("A", has_numbers=False), res("B", has_numbers=False)], "not pooled")
    assert nothing.rating == "very_serious" and "No study gives numbers" in nothing.reason
    no_ci = across.imprecision_unpooled([res("A"), res("B")], "no study reports an estimate with a CI")
    assert no_ci.rating == "very_serious" and no_ci.reason.startswith("No study reports an estimate with a CI")
    one = across.imprecision_unpooled([res("A", has_ci=True, imprecision="not_serious"), res("B")],
                                      "only one study (A) reports an estimate with a confidence interval")
    assert one.rating == "serious" and "A: not serious on its own" in one.reason
    worst = across.imprecision_unpooled([res("A", has_ci=True, imprecision="very_serious"), res("B")], "x")
    assert worst.rating == "very_serious"


def test_grade_labels_who_judged():
    c = grade(Body("Relapse", measure="HR", estimate=0.7, lo=0.5, hi=0.9, participants=2000, p0=0.3),
              {"indirectness": ("serious", "add-on only", "question"), "risk_of_bias": ("not_serious", "fine")},
              {"inconsistency": j("inconsistency", "serious")})
    by = {x.domain: x.by for x in c.judgements}
    assert by == {"risk_of_bias": "file", "inconsistency": "msvitd", "indirectness": "question",
                  "imprecision": "msvitd", "publication_bias": "msvitd"}
    assert c.level == "low"


def test_default_thresholds_mirror():
    assert default_thresholds("lower") == (0.75, 1.25) and default_thresholds("higher") == (1.25, 0.75)


def test_direction_left_unclear_in_the_statement():
    b = Body("NEDA", measure="OR", estimate=0.5, lo=0.4, hi=0.6, participants=5000, p0=0.3, better="higher",
             benefit=1.25, harm=0.75, direction_unclear=True)
    c = grade(b)
    assert plain_language(b, c, "Vitamin D", "NEDA") == "Vitamin D may change NEDA, but the sources leave its " \
                                                        "direction unclear."
