"""`msvitd summarize vitamin-d-early-ms`: the Summary of Findings over the body of evidence.

What a reader checks: one table per comparison, outcomes critical first, per-study rows under each outcome,
"not pooled: <reason>" where studies are not combined, certainty judged across studies, harms with per-arm
risks, the right pair of arms in a four-arm trial, NEDA-3 (higher is better) without an absolute effect,
the question's context lines, forest plots. Golden files: regenerate with MSVITD_UPDATE_GOLDEN=1 and read
the diff.
"""

import csv
import io
import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from msvitd.cli import app
from msvitd.library import load_library
from msvitd.summary.build import PoolingRefused, build, check_poolable, study_outcome

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "summarize"
EVIDENCE = str(ROOT / "evidence")
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
QUESTION = "vitamin-d-early-ms"


def run(*args: str):
    return CliRunner().invoke(app, ["summarize", *args], env=ENV)


_cache: dict = {}


def out(fmt: str) -> str:
    if fmt not in _cache:
        r = run(QUESTION, "--evidence", EVIDENCE, "--format", fmt, "--width", "100")
        assert r.exit_code == 0, r.output
        _cache[fmt] = r.stdout
    return _cache[fmt]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def lib():
    return load_library([ROOT / "evidence"])


@pytest.fixture(scope="module")
def tables(lib):
    return {t.id.split("/")[1]: t for t in build(lib, [QUESTION]).tables}


def row(table, outcome_id):
    return next(r for r in table.rows if r.outcome_id == outcome_id)


# ------------------------------------------------------------------------------------------- golden


@pytest.mark.parametrize("fmt, ext", [("text", "txt"), ("markdown", "md"), ("json", "json"), ("csv", "csv")])
def test_golden(fmt, ext):
    text = out(fmt)
    path = GOLDEN / f"{QUESTION}.{ext}"
    if os.environ.get("MSVITD_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_text_fits_100_columns_and_says_nothing_broken():
    text = out("text")
    assert max(len(line) for line in text.splitlines()) <= 100
    for bad in (r"\bNone\b", r"\bnan\b", r"\binf\b", "Traceback", "has no outcome", r"; left out\."):
        assert not re.search(bad, text), bad


def test_default_evidence_from_the_project_folder(monkeypatch):
    monkeypatch.chdir(ROOT)
    r = run(QUESTION)
    assert r.exit_code == 0 and "Disease activity or conversion to MS" in r.stdout


def test_unknown_id_exits_2_with_one_line():
    r = run("vitamin-d-late-ms", "--evidence", EVIDENCE)
    assert r.exit_code == 2
    assert r.stderr.strip().count("\n") == 0 and "unknown id 'vitamin-d-late-ms'" in r.stderr
    assert "Traceback" not in r.output


# ------------------------------------------------------------------------------------ structure


def test_one_table_per_comparison_outcomes_critical_first(tables):
    assert list(tables) == ["alone-vs-placebo", "add-on-vs-placebo", "add-on-vs-low-dose"]
    assert [r.outcome_id for r in tables["alone-vs-placebo"].rows] == [
        "relapse", "disability", "serious-adverse-events", "disease-activity", "hypercalcaemia", "new-mri-lesions",
        "quality-of-life"]
    for t in tables.values():
        roles = [r.role for r in t.rows]
        assert roles == sorted(roles, key=["critical", "important"].index)
    # What no study of a comparison measured is said, not silently dropped.
    assert "No study in this comparison reports: Kidney stones." in tables["alone-vs-placebo"].notes


def test_every_outcome_of_several_studies_says_plainly_why_it_is_not_pooled(tables):
    refused = {(cid, r.outcome_id): r.refused for cid, t in tables.items() for r in t.rows if r.studies > 1}
    assert refused == {
        ("alone-vs-placebo", "disease-activity"):
            "not pooled: only one study (D-Lay MS) reports an estimate with a confidence interval",
        ("add-on-vs-placebo", "relapse"):
            "not pooled: no study reports an estimate with a confidence interval (SOLAR, CHOLINE)",
        ("add-on-vs-placebo", "disability"):  # SOLAR's EDSS progression, found by the audit (issue 15): P only
            "not pooled: no study reports an estimate with a confidence interval (SOLAR, CHOLINE)",
        ("add-on-vs-placebo", "new-mri-lesions"):
            "not pooled: only one study (SOLAR) reports an estimate with a confidence interval",
        ("add-on-vs-low-dose", "relapse"):  # VIDAMS's HR 1.17, from a secondary copy of its abstract (issue 15)
            "not pooled: only one study (VIDAMS) reports an estimate with a confidence interval",
        ("add-on-vs-low-dose", "new-mri-lesions"):
            "not pooled: no study reports an estimate with a confidence interval (VIDAMS, EVIDIMS)",
    }
    text = flat(out("text"))
    assert "not pooled: only one study (D-Lay MS) reports an estimate with a confidence interval" in text


def test_per_study_rows_under_the_outcome(tables):
    da = row(tables["alone-vs-placebo"], "disease-activity")
    assert [(m.level, m.study_name) for m in da.members] == [("study", "D-Lay MS"), ("study", "PrevANZ")]
    dlay = da.members[0]
    assert (dlay.relative.measure, dlay.relative.estimate, dlay.relative.lo, dlay.relative.hi) == ("HR", 0.66, 0.5, 0.87)
    assert dlay.relative.by == "source"
    assert dlay.statement == "Vitamin D probably reduces disease activity."  # the arm's short_label
    text = out("text")
    assert "· D-Lay MS" in text and "· PrevANZ" in text and "Moderate, this study" in text
    md = out("markdown")
    assert "| ↳ D-Lay MS<br>Disease activity (relapse and/or new or contrast-enhancing MRI lesions)" in md


def test_certainty_judged_across_studies(tables):
    da = row(tables["alone-vs-placebo"], "disease-activity")
    by = {j.domain: j for j in da.certainty.judgements}
    assert da.certainty.level == "very_low"
    assert by["inconsistency"].rating == "serious" and by["inconsistency"].by == "msvitd"
    assert "D-Lay MS: a significant reduction" in by["inconsistency"].reason
    assert "PrevANZ: no significant difference" in by["inconsistency"].reason
    assert by["indirectness"].rating == "serious" and "D-Lay MS: serious (study file)" in by["indirectness"].reason
    assert by["imprecision"].rating == "serious"
    assert da.statement == ("The evidence is very uncertain about the effect of high-dose vitamin D3 on disease "
                            "activity or conversion to MS.")
    # Two studies agreeing that nothing differed, without any confidence interval: no "little or no difference".
    relapse = row(tables["add-on-vs-placebo"], "relapse")
    assert relapse.certainty.judgement("inconsistency").rating == "not_serious"
    assert relapse.certainty.judgement("imprecision").rating == "very_serious"
    # Risk of bias: SOLAR (most of the weight) not assessed, CHOLINE high: serious, so very low (issue 19).
    assert relapse.certainty.level == "very_low"
    assert "SOLAR: serious (msvitd; not assessed, counted as serious until it is)" in \
        relapse.certainty.judgement("risk_of_bias").reason
    assert relapse.statement == "The evidence is very uncertain about the effect of vitamin D on relapse."
    assert relapse.participants is None and relapse.participants_partial


def test_context_lines_under_each_table(lib, tables):
    q = lib.questions[QUESTION].model
    text = flat(out("text"))
    for cid, t in tables.items():
        comp = next(c for c in q.comparisons if c.id == cid)
        assert [c.study for c in t.context] == comp.studies
        for line in t.context:
            assert flat(line.summary) in text
    assert "[primary outcome met]" in text and "[primary outcome not met]" in text


def test_forest_plots_of_estimates_side_by_side(tables):
    plots = {(t, f.outcome, f.measure): f for t, tab in tables.items() for f in tab.plots}
    assert set(plots) == {
        ("alone-vs-placebo", "Relapse", "HR"), ("alone-vs-placebo", "Disease activity or conversion to MS", "HR"),
        ("alone-vs-placebo", "New MRI lesions", "HR"), ("alone-vs-placebo", "Serious or severe adverse events", "RR"),
        ("add-on-vs-low-dose", "Relapse", "HR"),
        ("add-on-vs-placebo", "Disease activity or conversion to MS", "OR"), ("add-on-vs-placebo", "New MRI lesions", "IRR"),
        ("add-on-vs-low-dose", "Serious or severe adverse events", "RR"), ("add-on-vs-low-dose", "Hypercalcaemia", "RD"),
        ("add-on-vs-low-dose", "Kidney stones", "RR")}
    assert all(f.pooled is None and f.q is None for f in plots.values())
    assert plots[("alone-vs-placebo", "Disease activity or conversion to MS", "HR")].note.startswith(
        "not pooled: only one study (D-Lay MS)")
    text = out("text")
    assert "Disease activity or conversion to MS: HR, not pooled, log scale" in text
    assert re.search(r"^D-Lay MS +0\.69 \(0\.42 to 1\.16\)", text, re.M)  # relapse HR as reported: unmarked
    assert re.search(r"^D-Lay MS† +1\.23 \(0\.62 to 2\.45\)", text, re.M)  # severe AEs, computed by msvitd: marked
    assert "† computed by msvitd, not reported." in text
    md = out("markdown")
    assert "### Forest plot, not pooled: Disease activity or conversion to MS (HR)" in md


# ---------------------------------------------------------------------------------------- harms


def test_harms_answer_question_outcomes(tables):
    text = out("text")
    assert "has no outcome None" not in text and "; left out." not in text
    dlay = row(tables["alone-vs-placebo"], "serious-adverse-events")
    assert dlay.study_name == "D-Lay MS" and dlay.measured == "Severe adverse events"
    inter, comp = dlay.arms
    # the abstract's counts (issue 15): 17 of 156 vs 13 of 147, so msvitd computes a ratio
    assert (inter.percent, comp.percent, inter.events, comp.events) == (11, 9, 17, 13)
    assert (dlay.relative.measure, dlay.relative.by) == ("RR", "msvitd")
    assert dlay.relative.estimate == pytest.approx((17 / 156) / (13 / 147))
    notes = {i: tables["alone-vs-placebo"].footnotes[i - 1] for i in dlay.footnotes}
    assert any("computed by msvitd from 17/156 vs 13/147" in n for n in notes.values())
    # The question file rates this body of evidence down twice (what was counted differs between trials),
    # so GRADE's very-low wording wins over "no effect estimate".
    assert dlay.statement == "The evidence is very uncertain about the effect of vitamin D on severe adverse events."

    vidams = row(tables["add-on-vs-low-dose"], "serious-adverse-events")
    rel = vidams.relative
    assert (rel.measure, rel.by) == ("RR", "msvitd")
    assert rel.estimate == pytest.approx((15 / 83) / (4 / 82))
    assert vidams.nnt.kind == "harm" and vidams.nnt.by == "msvitd"
    t = tables["add-on-vs-low-dose"]
    notes = [t.footnotes[i - 1] for i in vidams.footnotes]
    assert any("computed by msvitd from 15/83 vs 4/82" in n for n in notes)
    assert any("count hospitalisations rather than people" in n for n in notes)  # the question file's note
    assert any("Do not read 15 of 83 as a risk" in n for n in notes)  # the study file's discrepancy

    hyper = row(t, "hypercalcaemia")
    assert (hyper.relative.measure, hyper.relative.by, hyper.relative.estimate) == ("RD", "msvitd", 0)
    assert any("not estimable from 0/83 vs 0/82" in t.footnotes[i - 1] for i in hyper.footnotes)
    assert "| RR 1.98 (0.18 to 21.37), computed by msvitd |" in out("markdown")  # kidney stones, 2/83 vs 1/82


# ------------------------------------------------------------------------------- four-arm PrevANZ


def test_prevanz_uses_the_question_s_pair_of_arms(tables):
    da = row(tables["alone-vs-placebo"], "disease-activity")
    prevanz = da.members[1]
    assert [a.arm for a in prevanz.arms] == ["d10000", "placebo"]
    assert prevanz.relative is None  # the 10,000 IU/day estimate is not reported; 1,000 IU/day's is not used
    assert any("no OR for vitamin D3 10,000 IU/day vs placebo" in g for g in prevanz.gaps)
    notes = [tables["alone-vs-placebo"].study_footnotes[i - 1] for i in prevanz.footnotes]
    assert any("also reports vitamin D3 1,000 IU/day vs placebo: OR 0.94 (0.41 to 2.19); not used here" in n
               for n in notes)
    # PrevANZ's vitamin D was a standalone therapy (issue 15), so no "therapy not reported" note remains
    assert not any("therapy not reported" in n for n in notes)
    assert prevanz.statement.startswith("The evidence is very uncertain about the effect of vitamin D 10,000 IU/day")


# ------------------------------------------------------------------------------ NEDA-3, better: higher


def test_neda3_relative_effect_and_percentages_without_absolute_effect(tables):
    t = tables["add-on-vs-placebo"]
    neda = row(t, "disease-activity")
    assert neda.study_name == "SOLAR" and neda.better == "higher"
    assert (neda.relative.measure, neda.relative.estimate, neda.relative.by) == ("OR", 0.93, "source")
    assert neda.absolute is None and neda.nnt is None
    notes = [t.footnotes[i - 1] for i in neda.footnotes]
    why = next(n for n in notes if "points the other way" in n)
    assert "36.3% vs 35.3%" in why and "crude OR from the percentages 1.04" in why
    assert "without an absolute effect or NNT" in why
    from msvitd.output import summary_format as F
    assert F.comparator_risk(neda) == "35.3%"
    assert F.difference(neda).startswith("36.3% with intervention; no absolute effect or NNT")
    text = out("text")
    assert "NNTB 61" not in text and "16 fewer per" not in text


# ---------------------------------------------------------------------- refusing to pool (real data)


def _so(lib, sid, outcome):
    study = lib.studies[sid].model
    return study_outcome(study, study.outcome(outcome))


def test_pooling_refuses_studies_the_question_keeps_apart(lib):
    q = lib.questions[QUESTION].model
    comparison_of = {s: c.id for c in q.comparisons for s in c.studies}
    comparisons = {c.id: c for c in q.comparisons}
    dlay, solar = _so(lib, "d-lay-ms", "disease-activity"), _so(lib, "solar", "neda-3")
    with pytest.raises(PoolingRefused) as exc:
        check_poolable([dlay, solar], comparison_of, comparisons)
    msg = str(exc.value)
    assert msg.startswith("not pooled: the question keeps these studies in different comparisons")
    assert "D-Lay MS (vitamin D alone vs placebo, CIS: monotherapy, placebo comparator, cis)" in msg
    assert "SOLAR (vitamin D added to interferon beta-1a vs placebo, RRMS: add-on, placebo comparator, rrms)" in msg


def test_pooling_refuses_different_measures_and_opposite_directions(lib):
    same = {"d-lay-ms": "one", "solar": "one"}
    dlay = _so(lib, "d-lay-ms", "disease-activity")
    lesions = _so(lib, "solar", "combined-unique-active-lesions")
    with pytest.raises(PoolingRefused, match=r"different effect measures \(D-Lay MS: HR, SOLAR: IRR\)"):
        check_poolable([dlay, lesions], same)
    neda = _so(lib, "solar", "neda-3")
    with pytest.raises(PoolingRefused, match="opposite directions") as exc:
        check_poolable([dlay, neda], same)
    assert "No evidence of disease activity at week 48, higher is better" in str(exc.value)


# --------------------------------------------------------------------------------- machine formats


def test_json_nests_studies_and_keeps_who_judged():
    data = json.loads(out("json"))
    t = data["tables"][0]
    da = next(r for r in t["rows"] if r["outcome_id"] == "disease-activity")
    assert da["refused"].startswith("not pooled") and da["relative"] is None
    assert [m["study_name"] for m in da["members"]] == ["D-Lay MS", "PrevANZ"]
    assert {j["domain"]: j["by"] for j in da["certainty"]["judgements"]}["inconsistency"] == "msvitd"
    assert t["study_footnotes"][0]["n"] == "S1"
    assert [c["study"] for c in t["context"]] == ["d-lay-ms", "prevanz"]


def test_csv_has_one_line_per_row_and_per_study():
    lines = list(csv.DictReader(io.StringIO(out("csv"))))
    da = [x for x in lines if x["table"].endswith("alone-vs-placebo") and x["outcome_id"] == "disease-activity"]
    assert [(x["level"], x["study_ids"]) for x in da] == [("body", "d-lay-ms prevanz"), ("study", "d-lay-ms"),
                                                          ("study", "prevanz")]
    assert da[0]["not_pooled"].startswith("not pooled: only one study")
    assert da[1]["estimate"] == "0.66" and da[1]["effect_by"] == "source"


def test_numbers_not_from_the_outcome_are_said_to_be_so(tables):
    t = tables["alone-vs-placebo"]
    disability = row(t, "disability")
    assert disability.participants == 303  # D-Lay MS analysed 303; the sources give no number for disability
    notes = [t.footnotes[i - 1] for i in disability.footnotes]
    assert "D-Lay MS: 303 participants is the number analysed in the study; the sources give no number for this " \
           "outcome." in notes
    # Without numbers, the source's own finding stands under the statement.
    assert "Source: not significantly different between arms (numbers not reported in the sources used)" in \
        flat(out("markdown").replace("<br>", " "))


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_one_ci_style_in_every_table_and_footnote(fmt):
    """Review minor 4: "0.5-0.87" in one place, "(0.50 to 0.87)" in another. Summaries print two decimals and
    "to" everywhere (a hyphen reads as a minus beside negative differences); NNTs are whole numbers."""
    import re

    raw = out(fmt)
    text = flat(raw)
    cis = re.findall(r"\b(?:HR|RR|OR|IRR|RD|MD) -?\d+\.\d+ \((-?\d+\.\d+) to (-?\d+\.\d+)\)", text)
    assert len(cis) > 5 and all(len(x.split(".")[1]) == 2 for pair in cis for x in pair), cis
    # In the table cells (footnotes may quote a source as printed, and a reported NNT at its own precision),
    # no hyphenated interval and whole-number NNTs.
    cells = raw.split("Footnotes")[0] if fmt == "text" else "\n".join(x for x in raw.splitlines() if x.startswith("|"))
    assert not re.search(r"\d\.\d+\s?[-–]\s?\d\.\d+\)", flat(cells))
    assert re.search(r"NNT[BH] \d+ \(", flat(cells)) and not re.search(r"NNT[BH] \d+\.\d", flat(cells))


def test_source_words_appear_alike_in_text_markdown_and_the_report():
    """Review minor 18: the report showed "Source: ..." lines the text table lacked. One rule everywhere: the
    source's words where the relative effect is not the source's (none, or computed by msvitd)."""
    from msvitd.report.markdown import render_markdown
    from msvitd.app.report import build_page

    report = flat(render_markdown(build_page("vitamin-d-early-ms", evidence=[EVIDENCE]), {}))
    # The text table wraps its last column: read that column's words in order.
    last = flat(" ".join(x[74:] for x in out("text").splitlines()))
    for text in (last, flat(out("markdown")), report):
        # severe adverse events: RR computed by msvitd from the counts, so the source's own words are shown
        assert "Source: Severe adverse events in 17 participants with vitamin D and 13 with placebo" in text
        assert "Source: no significant difference in relapse" not in text  # HR 0.69 is the source's own
        assert "Source: fewer participants with new lesions" not in text  # HR 0.61 is the source's own
