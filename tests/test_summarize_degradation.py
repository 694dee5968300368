"""Graceful degradation (issue 8): whatever optional part a study leaves out, summarize prints what it cannot
compute and why, and never crashes.

Property tests take the bundled studies, drop or change optional parts at random (per-arm results, effects,
confidence intervals, numbers analysed, risk-of-bias assessments, short labels...), keep only models that
still validate, and run the study tables, the question's tables and every renderer on them.
"""

import copy
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from msvitd.library import load_library
from msvitd.models.study import Study
from msvitd.output import summary_csv, summary_json, summary_markdown, summary_text
from msvitd.summary.build import build, question_tables, study_table
from msvitd.summary.report import Summary

ROOT = Path(__file__).resolve().parent.parent
LIB = load_library([ROOT / "evidence"])
BASE = {sid: e.model.model_dump() for sid, e in LIB.studies.items()}
QUESTION = LIB.questions["vitamin-d-early-ms"].model


@dataclass
class Entry:
    model: object


class Lib:
    def __init__(self, studies, questions=()):
        self.studies = {s.id: Entry(s) for s in studies}
        self.questions = {q.id: Entry(q) for q in questions}


NUMBER = st.one_of(st.none(), st.floats(min_value=-2, max_value=40, allow_nan=False, allow_infinity=False))


@st.composite
def mutated(draw, sid: str):
    """A bundled study with optional parts dropped or changed at random (a valid Study, or None)."""
    d = copy.deepcopy(BASE[sid])
    flip = lambda: draw(st.booleans())  # noqa: E731
    pop = d["population"]
    for key in ("analysed", "randomised", "enrolled", "completed"):
        if flip():
            pop[key] = None
    if flip():
        d["risk_of_bias"] = None
    if flip():
        d["limitations"] = []
    if flip():
        d["discrepancies"] = []
    if flip():
        d["citation"]["registration"] = []
    for arm in d["arms"]:
        for key in ("analysed", "randomised", "short_label"):
            if flip():
                arm[key] = None
    for o in [*d["outcomes"], *d["harms"]]:
        if flip():
            o["arms"] = {}
        for res in o["arms"].values():
            for key in ("events", "total", "percent", "median", "rate"):
                if flip():
                    res[key] = None
            if flip() and res.get("total"):
                res["events"] = draw(st.integers(0, res["total"]))
        if "effect" not in o:
            continue  # a harm
        for key in ("grade", "nnt", "thresholds", "timepoint", "follow_up_weeks", "stands_for"):
            if flip():
                o[key] = None
        if flip():
            o["significant"] = draw(st.sampled_from([None, True, False]))
        if flip():
            o["effects"] = []
        if flip():
            o["effect"] = None
        elif o["effect"] is not None:
            e = o["effect"]
            if flip():
                e["ci"] = None
            if flip():
                e["p"] = None
            if flip():
                e["measure"] = draw(st.sampled_from(["HR", "RR", "OR", "IRR", "RD", "MD", "SMD", "median_difference"]))
            if flip():
                est = draw(NUMBER)
                e["estimate"] = est
                if est is not None and e.get("ci") is not None:
                    lo = draw(st.floats(min_value=est - 5, max_value=est, allow_nan=False))
                    e["ci"] = (lo, draw(st.floats(min_value=est, max_value=est + 5, allow_nan=False)))
        if o.get("better") and flip():
            o["better"] = draw(st.sampled_from(["lower", "higher"]))
    try:
        return Study.model_validate(d)
    except ValidationError:
        return None


def _rows(summary: Summary):
    for t in summary.tables:
        for r in t.rows:
            yield t, r, t.footnotes
            for m in r.members:
                yield t, m, t.study_footnotes


def check(summary: Summary) -> None:
    """Every row says what happens, and for what it cannot show, says why."""
    for t, r, notes in _rows(summary):
        # A GRADE level, "not estimable", or no rating at all: never symbols without a level.
        c = r.certainty
        assert r.statement.endswith(".") and (c is None or c.level in ("high", "moderate", "low", "very_low",
                                                                        "not_estimable")
                                              or not getattr(c, "symbols", ""))
        refs = [notes[i - 1] for i in r.footnotes]  # every reference points at a footnote
        if r.relative is None:
            # No relative effect: the row says why, as a gap (in a footnote) or as the reason it is not pooled.
            assert r.refused or any("relative effect" in g or "effect for" in g for g in r.gaps), r
        if r.studies == 1 and r.participants is None:
            assert any("participants" in g for g in r.gaps), r
        if r.gaps and r.studies == 1:
            assert any("cannot show" in n for n in refs), r
        if r.studies > 1 and r.relative is None:
            assert r.refused.startswith("not pooled: ")
            assert r.members and all(m.level == "study" for m in r.members)
    for render in (lambda s: summary_text.render(s, width=100), summary_markdown.render, summary_json.render,
                   summary_csv.render):
        text = render(summary)
        assert text and "Traceback" not in text
        assert not re.search(r"\bnan\b|\bNone\b", text)


@pytest.mark.parametrize("sid", sorted(BASE))
@given(data=st.data())
def test_a_study_missing_optional_parts_still_summarises(sid, data):
    s = data.draw(mutated(sid))
    if s is None:
        return
    check(Summary((study_table(s),)))


@given(data=st.data())
def test_the_question_over_studies_missing_optional_parts(data):
    studies = [data.draw(mutated(sid)) for sid in sorted(BASE)]
    studies = [s for s in studies if s is not None]
    summary = Summary(tuple(question_tables(QUESTION, Lib(studies))))
    check(summary)
    # A study that failed validation is left out with a note, never a crash.
    names = {s.id for s in studies}
    for sid in set(BASE) - names:
        assert any(sid in n for t in summary.tables for n in t.notes)


@settings(max_examples=15, deadline=None)  # each example builds every table of the library
@given(data=st.data())
def test_the_overview_over_studies_missing_optional_parts(data):
    from msvitd.output.summary_overview import glance_sentences, render, render_markdown
    from msvitd.summary.overview import overview

    studies = [data.draw(mutated(sid)) for sid in sorted(BASE)]
    studies = [s for s in studies if s is not None]
    ov = overview(Lib(studies, [QUESTION]))
    for text in (render(ov, width=100), render_markdown(ov)):
        assert text and not re.search(r"\bnan\b|\bNone\b", text)
        for s in studies:  # every study once
            assert text.count(f"[{s.id}]") + text.count(f"(`{s.id}`)") <= 1
    assert all(len(x) <= 100 for x in render(ov, width=100).splitlines())
    glance_sentences(build(Lib(studies, [QUESTION]), [s.id for s in studies]).tables)


class _NoRating:
    """What a row may carry when there is nothing to rate: a level and label without GRADE symbols."""

    level, label, symbols, start, judgements = "not_estimable", "Not estimable", "", None, ()


@pytest.mark.parametrize("certainty", [None, _NoRating()])
def test_every_renderer_takes_a_row_without_a_rating(certainty):
    """The grading engine may leave a row unrated (no evidence): no symbols, no crash, anywhere."""
    from dataclasses import replace

    from msvitd.output.summary_overview import glance_sentences, render, render_markdown
    from msvitd.report.page import sof_tables
    from msvitd.summary.overview import overview

    def strip(t):
        rows = tuple(replace(r, certainty=certainty, members=tuple(replace(m, certainty=certainty) for m in r.members))
                     for r in t.rows)
        return replace(t, rows=rows)

    summary = Summary(tuple(strip(t) for t in build(LIB, []).tables))
    for render_full in (lambda s: summary_text.render(s, width=100), summary_markdown.render, summary_json.render,
                        summary_csv.render):
        text = render_full(summary)
        assert "⊕" not in text.split("Certainty: ⊕⊕⊕⊕")[0] and "None" not in text
    assert all("⊕" not in s for s in glance_sentences(summary.tables))
    sof_tables(summary.tables, {})
    ov = overview(LIB)
    bare = replace(ov, questions=tuple(replace(g, blocks=tuple(replace(b, rows=tuple(replace(r, certainty=certainty)
                                                                                  for r in b.rows))
                                                                  for b in g.blocks)) for g in ov.questions))
    for text in (render(bare, width=100), render_markdown(bare)):
        body = text.split("Certainty (GRADE)")[0]
        assert "⊕" not in body and "None" not in body


def test_bare_minimum_study():
    """A study with two arms and one outcome, nothing else: a row, with the reasons for every gap."""
    s = Study.model_validate({
        "kind": "study", "id": "bare", "name": "Bare", "citation": {"title": "Bare trial"},
        "sources": [{"id": "p", "title": "Paper", "type": "paper"}], "design": {"type": "rct", "randomised": True},
        "population": {"condition": "MS"},
        "arms": [{"id": "a", "role": "intervention", "label": "A", "agent": "a"},
                 {"id": "b", "role": "comparator", "label": "B", "agent": "b"}],
        "outcomes": [{"id": "o", "name": "Relapse", "role": "primary", "type": "clinical", "measure": "binary"}],
    })
    summary = build(Lib([s]), ["bare"])
    check(summary)
    (row,) = summary.tables[0].rows
    assert row.relative is None and row.absolute is None and row.nnt is None
    assert row.gaps == ("a relative effect (no effect estimate in the sources used, and no per-arm event counts to "
                        "compute one)", "the number of participants (not reported in the sources used for these arms)")
    assert row.statement == "The sources give no numbers for relapse; msvitd cannot state an effect."


# ------------------------------------------------ invalid evidence is left out for real (issue 16, item 7)
def _invalid_evidence(tmp_path):
    """D-Lay MS with a confidence interval that excludes its estimate (S201), beside a valid SOLAR."""
    text = (ROOT / "evidence" / "studies" / "d-lay-ms.yaml").read_text(encoding="utf-8")
    assert "ci: [0.50, 0.87]" in text
    (tmp_path / "d-lay-ms.yaml").write_text(text.replace("ci: [0.50, 0.87]", "ci: [0.70, 0.87]"), encoding="utf-8")
    (tmp_path / "solar.yaml").write_text((ROOT / "evidence" / "studies" / "solar.yaml").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    return tmp_path


def _summarize(*args):
    from typer.testing import CliRunner

    from msvitd.cli import app

    return CliRunner().invoke(app, ["summarize", *args], env={"COLUMNS": "100", "NO_COLOR": "1"})


def test_a_table_asked_for_from_an_invalid_file_is_refused_with_its_errors(tmp_path):
    ev = str(_invalid_evidence(tmp_path))
    r = _summarize("d-lay-ms", "-e", ev)
    assert r.exit_code == 1
    assert r.stdout == ""  # never "HR 0.66 (0.70 to 0.87)"
    assert re.search(r"d-lay-ms\.yaml:\d+:\d+: S201 ", r.stderr), r.stderr
    assert "Traceback" not in r.output


def test_the_overview_and_full_tables_leave_invalid_files_out(tmp_path):
    ev = str(_invalid_evidence(tmp_path))
    for args in ((), ("--full",), ("--format", "json")):
        r = _summarize("-e", ev, *args)
        assert r.exit_code == 0, r.output
        assert "0.70" not in r.stdout and "D-Lay" not in r.stdout and "SOLAR" in r.stdout
        assert "d-lay-ms.yaml" in r.stderr and "left out" in r.stderr
