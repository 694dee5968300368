"""Several studies: pooling for a `kind: question`, the forest plot, and refusing what must not be combined.

Pooled numbers are checked against metafor 3.8-1 (R 4.2.2), run once on the three fixture studies:
    yi <- log(c(0.66, 0.80, 1.05))
    sei <- (log(c(0.87, 1.16, 1.58)) - log(c(0.50, 0.55, 0.70))) / (2 * qnorm(.975))
    rma(yi = yi, sei = sei, method = "REML")  # HR 0.79491972 (0.61012567 to 1.03568394), tau2 0.02337985,
                                               # QE 3.45801946; weights 42.04, 30.56, 27.40 %
    rma(yi = yi, sei = sei, method = "FE")    # HR 0.77401555 (0.63678708 to 0.94081694), I2 42.16342546
"""


import pytest

from msvitd.models.question import Question
from msvitd.models.study import Study
from msvitd.output import summary_json, summary_markdown, summary_text
from msvitd.output.forest import render_forest
from msvitd.summary.build import PoolingRefused, build, check_poolable, study_outcome
from tests.fake_library import Lib


def study(sid: str, measure: str, est: float, lo: float, hi: float, events=None) -> Study:
    arms = {}
    if events:
        arms = {"vd": {"events": events[0], "total": events[1]}, "pl": {"events": events[2], "total": events[3]}}
    return Study.model_validate({
        "kind": "study", "id": sid, "name": sid.upper(), "citation": {"title": f"Trial {sid}"},
        "sources": [{"id": "paper", "title": "The paper", "type": "paper"}],
        "design": {"type": "rct", "randomised": True},
        "population": {"condition": "relapsing MS"},
        "arms": [{"id": "vd", "role": "intervention", "label": "vitamin D", "agent": "vitamin D"},
                 {"id": "pl", "role": "comparator", "label": "placebo", "agent": "placebo"}],
        "outcomes": [{"id": "relapse", "name": "Relapse", "role": "primary", "type": "clinical",
                      "measure": "time_to_event", "arms": arms,
                      "effect": {"measure": measure, "estimate": est, "ci": [lo, hi]}}],
    })



def question(ids_by_comparison: dict, outcome_studies) -> Question:
    return Question.model_validate({
        "kind": "question", "id": "vd-ms", "title": "Vitamin D for relapsing MS", "population": "adults with MS",
        "intervention": "vitamin D", "comparator": "placebo",
        "outcomes": [{"id": "relapse", "name": "Relapse", "importance": "critical", "rank": 8,
                      "from_studies": [{"study": s, "outcome": "relapse"} for s in outcome_studies]}],
        "comparisons": [{"id": cid, "label": f"{cid} comparison", "studies": sids, "reason": f"{cid}: same dose"}
                        for cid, sids in ids_by_comparison.items()],
    })


THREE = [study("a", "HR", 0.66, 0.50, 0.87, (40, 100, 55, 100)), study("b", "HR", 0.80, 0.55, 1.16),
         study("c", "HR", 1.05, 0.70, 1.58)]


def test_three_hr_studies_pooled_like_metafor():
    lib = Lib(THREE, [question({"high-dose": ["a", "b", "c"]}, ["a", "b", "c"])])
    summary = build(lib, ["vd-ms"])
    (table,) = summary.tables
    (row,) = table.rows
    assert row.studies == 3 and row.relative.by == "pooled"
    assert (row.relative.estimate, row.relative.lo, row.relative.hi) == pytest.approx(
        (0.79491972, 0.61012567, 1.03568394), abs=2e-6)
    f = row.forest
    assert f.tau2 == pytest.approx(0.02337985, abs=1e-6) and f.q == pytest.approx(3.45801946, abs=1e-6)
    assert f.i2 == pytest.approx(42.16342546, abs=1e-6)
    assert [round(r.weight, 2) for r in f.rows] == [42.04, 30.56, 27.40]
    assert (f.fixed.estimate, f.fixed.lo, f.fixed.hi) == pytest.approx((0.77401555, 0.63678708, 0.94081694),
                                                                      abs=1e-6)
    assert f.pi_lo is not None and f.pi_lo < f.pooled.lo and f.pi_hi > f.pooled.hi  # k = 3: t(1) interval
    # Certainty judged across studies, and the statement follows the pooled estimate and its certainty.
    domains = {j.domain: j for j in row.certainty.judgements}
    assert domains["inconsistency"].by == "msvitd" and "I² = 42%" in domains["inconsistency"].reason
    assert domains["imprecision"].rating in ("serious", "very_serious")
    # None of the three studies has a risk-of-bias judgement: not assessed counts as serious (issue 19), so
    # Moderate (serious imprecision) becomes Low.
    rob = domains["risk_of_bias"]
    assert rob.rating == "serious" and "not assessed, counted as serious" in rob.reason
    assert row.certainty.level == "low"
    assert row.statement.startswith("Vitamin D may make little or no difference")


def test_forest_plot_in_text_and_json():
    lib = Lib(THREE, [question({"high-dose": ["a", "b", "c"]}, ["a", "b", "c"])])
    summary = build(lib, ["vd-ms"])
    plot = render_forest(summary.tables[0].rows[0].forest, 100)
    lines = plot.splitlines()
    assert all(len(line) <= 100 for line in lines)
    for name in ("A", "B", "C", "Fixed effect", "Random (REML)", "Prediction"):
        assert any(line.startswith(name) for line in lines), name
    assert "■" in plot and "◆" in plot and "│" in plot and "log scale" in plot and "I² = 42%" in plot
    text = summary_text.render(summary, width=100)
    assert "Random (REML)" in text and "42.0%" in text
    md = summary_markdown.render(summary)
    assert "### Forest plot: Relapse" in md
    data = summary_json.to_data(summary)
    forest = data["tables"][0]["rows"][0]["forest"]
    assert [r["label"] for r in forest["rows"]] == ["A", "B", "C"]
    assert forest["pooled"]["estimate"] == pytest.approx(0.79491972, abs=2e-6)


def test_refuses_to_pool_different_measures():
    studies = [study("a", "HR", 0.66, 0.50, 0.87), study("b", "OR", 0.70, 0.45, 1.10)]
    lib = Lib(studies, [question({"all": ["a", "b"]}, ["a", "b"])])
    (table,) = build(lib, ["vd-ms"]).tables
    (row,) = table.rows  # one row for the outcome, the studies under it
    assert row.relative is None and row.forest is None and row.studies == 2
    assert row.refused.startswith("not pooled: the studies report different effect measures (A: HR, B: OR)")
    assert [m.relative.by for m in row.members] == ["source", "source"]
    assert [m.level for m in row.members] == ["study", "study"]
    assert any("A: HR, B: OR" in note for note in table.footnotes)
    text = summary_text.render(build(lib, ["vd-ms"]), width=100)
    assert "not pooled: the studies report different effect" in " ".join(text.split())
    # Each estimate still gets its own forest plot, side by side and labelled as not pooled.
    assert [(f.measure, f.pooled) for f in table.plots] == [("HR", None), ("OR", None)]
    with pytest.raises(PoolingRefused, match="different effect measures"):
        check_poolable([study_outcome(s, s.outcomes[0]) for s in studies], {"a": "all", "b": "all"})


def test_refuses_to_pool_across_comparisons():
    lib = Lib(THREE, [question({"high-dose": ["a", "b"], "low-dose": ["c"]}, ["a", "b", "c"])])
    tables = build(lib, ["vd-ms"]).tables
    assert [t.id for t in tables] == ["vd-ms/high-dose", "vd-ms/low-dose"]
    assert tables[0].rows[0].studies == 2 and tables[1].rows[0].studies == 1
    assert tables[0].rows[0].relative.by == "pooled" and [m.study_name for m in tables[0].rows[0].members] == ["A", "B"]
    assert any("Kept apart" in n for n in tables[0].notes)
    sos = [study_outcome(s, s.outcomes[0]) for s in THREE]
    with pytest.raises(PoolingRefused, match="different comparisons"):
        check_poolable(sos, {"a": "high-dose", "b": "high-dose", "c": "low-dose"})


def test_reported_p_that_does_not_match_its_ci_is_flagged():
    s = study("d", "HR", 0.66, 0.50, 0.87)
    data = s.model_dump()
    data["outcomes"][0]["effect"]["p"] = "<.001"
    s = Study.model_validate(data)
    from msvitd.summary.build import study_table
    table = study_table(s)
    assert any("reported P < 0.001 does not match" in n for n in table.footnotes)
    ok = study_table(study("e", "HR", 0.66, 0.50, 0.87))
    assert not any("does not match" in n for n in ok.footnotes)


def test_computed_effects_from_counts_are_labelled():
    from msvitd.summary.build import study_table
    row = study_table(THREE[0]).rows[0]
    assert [c.measure for c in row.computed] == ["RR", "OR", "RD"]
    assert all(c.by == "msvitd" for c in row.computed)


# ------------------------------------------------------------- issue 19: every measure from raw data

import math  # noqa: E402

from msvitd.stats import escalc  # noqa: E402
from msvitd.stats.pooling import pool  # noqa: E402


def raw_study(sid: str, measure: str, arms: dict, effect=None, outcome_extra=None, rob=None) -> Study:
    outcome = {"id": "o", "name": "Outcome", "role": "primary", "type": "clinical", "measure": measure,
               "arms": arms, **(outcome_extra or {})}
    if effect:
        outcome["effect"] = effect
    data = {
        "kind": "study", "id": sid, "name": sid.upper(), "citation": {"title": f"Trial {sid}"},
        "sources": [{"id": "paper", "title": "The paper", "type": "paper"}],
        "design": {"type": "rct", "randomised": True}, "population": {"condition": "relapsing MS"},
        "arms": [{"id": "vd", "role": "intervention", "label": "vitamin D", "agent": "vitamin D"},
                 {"id": "pl", "role": "comparator", "label": "placebo", "agent": "placebo"}],
        "outcomes": [outcome],
    }
    if rob:
        dom = {"judgement": rob, "support": "made up for a test"}
        data["risk_of_bias"] = {"randomisation": dom, "deviations": dom, "missing_data": dom, "measurement": dom,
                                "selection": dom, "overall": dom}
    return Study.model_validate(data)


def raw_question(ids, extra=None, comparison_extra=None) -> Question:
    return Question.model_validate({
        "kind": "question", "id": "q", "title": "Vitamin D in MS", "population": "adults with MS",
        "intervention": "vitamin D", "comparator": "placebo",
        "outcomes": [{"id": "o", "name": "Outcome", "importance": "critical",
                      "from_studies": [{"study": s, "outcome": "o"} for s in ids], **(extra or {})}],
        "comparisons": [{"id": "all", "label": "all", "studies": list(ids), "reason": "same comparison",
                         **(comparison_extra or {})}],
    })


def one_row(studies, **kw):
    (table,) = build(Lib(studies, [raw_question([s.id for s in studies], **kw)]), ["q"]).tables
    (row,) = table.rows
    return row, table


MEANS = {"a": ((2.1, 1.0, 40), (2.6, 1.2, 38)), "b": ((3.0, 1.5, 60), (3.1, 1.4, 61))}


def means_studies():
    return [raw_study(sid, "continuous", {"vd": {"mean": i[0], "sd": i[1], "total": i[2]},
                                          "pl": {"mean": c[0], "sd": c[1], "total": c[2]}})
            for sid, (i, c) in MEANS.items()]


def test_per_arm_means_and_sds_pool_to_a_mean_difference_and_a_standardised_one():
    row, _ = one_row(means_studies())
    mds = [escalc.md(*i, *c) for i, c in MEANS.values()]
    ref = pool("MD", [e.yi for e in mds], [e.vi for e in mds], model="random", tau2_method="REML")
    assert row.relative.measure == "MD" and row.relative.by == "pooled"
    assert (row.relative.estimate, row.relative.lo, row.relative.hi) == pytest.approx((ref.estimate, ref.lo, ref.hi))
    assert [m.relative.by for m in row.members] == ["msvitd", "msvitd"]
    row, _ = one_row(means_studies(), extra={"pool_as": "SMD"})
    gs = [escalc.smd(*i, *c) for i, c in MEANS.values()]
    ref = pool("SMD", [e.yi for e in gs], [e.vi for e in gs], model="random", tau2_method="REML")
    assert row.relative.measure == "SMD"
    assert (row.relative.estimate, row.relative.lo, row.relative.hi) == pytest.approx((ref.estimate, ref.lo, ref.hi))


def test_counts_in_one_study_and_an_or_in_another_pool_as_odds_ratios():
    a = raw_study("a", "binary", {"vd": {"events": 20, "total": 100}, "pl": {"events": 30, "total": 100}})
    b = raw_study("b", "binary", {}, effect={"measure": "OR", "estimate": 0.70, "ci": [0.45, 1.10]})
    row, table = one_row([a, b])
    assert row.relative.measure == "OR" and row.relative.by == "pooled" and row.studies == 2
    ya = escalc.odds_ratio(20, 100, 30, 100)
    yb = escalc.from_ci("OR", 0.70, 0.45, 1.10)
    ref = pool("OR", [ya.yi, yb.yi], [ya.vi, yb.vi], model="random", tau2_method="REML")
    assert row.relative.estimate == pytest.approx(ref.estimate)
    assert any("computed as OR because another study of this outcome reports OR" in n for n in table.study_footnotes)


def test_rates_with_person_years_pool_as_a_rate_ratio():
    a = raw_study("a", "rate", {"vd": {"events": 30, "person_years": 200}, "pl": {"events": 45, "person_years": 190}})
    b = raw_study("b", "rate", {"vd": {"rate": 0.28, "person_years": 220}, "pl": {"rate": 0.41, "person_years": 215}})
    row, table = one_row([a, b])
    assert row.relative.measure == "IRR"
    ea, eb = escalc.rate_ratio(30, 200, 45, 190), escalc.rate_ratio(0.28 * 220, 220, 0.41 * 215, 215)
    ref = pool("IRR", [ea.yi, eb.yi], [ea.vi, eb.vi], model="random", tau2_method="REML")
    assert (row.relative.estimate, row.relative.lo, row.relative.hi) == pytest.approx((ref.estimate, ref.lo, ref.hi))
    assert any("rate × person-years" in n for n in table.study_footnotes)  # the back-calculation is said


def test_mixed_measures_are_refused_with_the_reason_never_a_number():
    a = means_studies()[0]
    b = raw_study("b", "continuous", {}, effect={"measure": "HR", "estimate": 0.8, "ci": [0.6, 1.1]})
    row, _ = one_row([a, b])
    assert row.relative is None and row.forest is None
    assert row.refused.startswith("not pooled: the studies report different effect measures (A: MD, B: HR)")
    assert "measure different things" in row.refused
    # Means and SDs in one study, an SMD reported by the other: both as SMDs (as counts with an OR pool as ORs).
    c = raw_study("c", "continuous", {}, effect={"measure": "SMD", "estimate": -0.2, "ci": [-0.5, 0.1]})
    row, _ = one_row([a, c])
    assert row.relative.measure == "SMD" and row.studies == 2
    # A reported MD and a reported SMD: refused, and the reason says what would let them pool.
    d = raw_study("d", "continuous", {}, effect={"measure": "MD", "estimate": -0.3, "ci": [-0.8, 0.2]})
    row, _ = one_row([d, c])
    assert row.relative is None and "`pool_as: SMD`" in row.refused


def test_hartung_knapp_per_comparison():
    row, _ = one_row(means_studies(), comparison_extra={"pooling": {"tau2": "DL", "hartung_knapp": True}})
    mds = [escalc.md(*i, *c) for i, c in MEANS.values()]
    ref = pool("MD", [e.yi for e in mds], [e.vi for e in mds], model="random", tau2_method="DL", test="knha")
    assert (row.relative.lo, row.relative.hi) == pytest.approx((ref.lo, ref.hi))
    assert "Hartung-Knapp adjustment (t with 1 df)" in row.relative.method


def edss(sid, est, lo, hi):
    return raw_study(sid, "continuous", {}, effect={"measure": "MD", "estimate": est, "ci": [lo, hi]},
                     outcome_extra={"name": "Disability (EDSS)"}, rob="low")


def test_a_significant_edss_difference_below_the_mid_is_little_or_no_difference():
    # The review's experiment E8: an EDSS MD of about -0.17 (CI -0.33 to -0.01) split over two studies came out
    # as High, "reduces disability progression". Against the EDSS MID (1.0 point) it is little or no difference.
    row, table = one_row([edss("a", -0.15, -0.37, 0.07), edss("b", -0.19, -0.41, 0.03)])
    assert row.relative.measure == "MD" and row.relative.hi < 0  # statistically significant
    imp = row.certainty.judgement("imprecision")
    assert imp.rating == "not_serious" and "within ±1" in imp.reason and "Kragt" in imp.reason
    assert row.certainty.level == "high"
    assert row.statement == "Vitamin D makes little or no difference to outcome."
    # A question's own MID (with its source) overrides the table's.
    row, _ = one_row([edss("a", -0.15, -0.37, 0.07), edss("b", -0.19, -0.41, 0.03)],
                     extra={"mid": {"value": 0.1, "source": "made up for a test"}})
    assert "made up for a test" in row.certainty.judgement("imprecision").reason
    assert row.statement.startswith("Vitamin D ") and "little or no" not in row.statement


def test_dlay_relapse_with_the_reported_hazard_ratio():
    # The evidence helper adds HR 0.69 (0.42 to 1.16), P = .16, and 32/147 relapses on placebo to D-Lay MS.
    s = raw_study("dlay", "binary", {"vd": {"events": 28, "total": 156}, "pl": {"events": 32, "total": 147}},
                  effect={"measure": "HR", "estimate": 0.69, "ci": [0.42, 1.16], "p": 0.16},
                  outcome_extra={"significant": False, "grade": {
                      "risk_of_bias": {"rating": "serious", "reason": "follow-up stopped at first activity"},
                      "imprecision": {"rating": "serious", "reason": "CI includes no effect and benefit"}}})
    row, _ = one_row([s])
    imp = row.certainty.judgement("imprecision")
    # The CI crosses 1 and 0.75 but not 1.25: serious by the rule, so the file's judgement stands.
    assert (imp.rating, imp.by, imp.file_rating) == ("serious", "file", None)
    assert row.relative.measure == "HR" and row.certainty.level == "low"
    # GRADE's wording follows the point estimate (0.69, beyond 0.75) at low certainty (Santesso 2020); the
    # interval also holds no effect, and the statement says so.
    assert row.statement == ("Vitamin D may reduce outcome; the confidence interval also includes no difference "
                             "(not statistically significant).")
    # Without the HR, the counts give RR 0.82 (0.52 to 1.30): both thresholds, very serious over the file's serious.
    s2 = raw_study("dlay", "binary", {"vd": {"events": 28, "total": 156}, "pl": {"events": 32, "total": 147}},
                   outcome_extra={"significant": False, "grade": {
                       "risk_of_bias": {"rating": "serious", "reason": "follow-up stopped at first activity"},
                       "imprecision": {"rating": "serious", "reason": "CI includes no effect and benefit"}}})
    row, table = one_row([s2])
    imp = row.certainty.judgement("imprecision")
    assert (imp.rating, imp.file_rating, imp.by) == ("very_serious", "serious", "msvitd")
    assert "includes no effect and both appreciable benefit and appreciable harm" in imp.reason
    assert "The study file rates imprecision serious" in imp.reason
    assert row.certainty.level == "very_low"
    assert row.statement == "The evidence is very uncertain about the effect of vitamin D on outcome."
    assert math.isclose(row.relative.estimate, (28 / 156) / (32 / 147))


def test_a_question_row_rated_otherwise_than_the_study_table_says_why():
    s = raw_study("a", "binary", {"vd": {"events": 20, "total": 100}, "pl": {"events": 30, "total": 100}}, rob="low")
    extra = {"grade": {"indirectness": {"rating": "serious", "reason": "other population"}}}
    row, table = one_row([s], extra=extra)
    own = build(Lib([s], []), ["a"]).tables[0].rows[0]
    assert own.certainty.level != row.certainty.level
    note = next(n for n in table.footnotes if "in the study's own table" in n)
    assert note.startswith(f"A: rated {row.certainty.label} here but {own.certainty.label} in the study's own table, "
                           "because of indirectness serious (−1) here (the question file) vs not serious")
