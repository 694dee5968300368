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
