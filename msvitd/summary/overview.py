"""The overview `msvitd summarize` opens with, and the findings "At a glance" tells.

Each question's comparisons, then each study that no question covers, each study once: the first rows of
each full table (critical outcomes first, as the tables order them) and, per study, what it found and what
it did not. A verdict comes from the row's own numbers (a confidence interval that excludes no effect) or,
without an interval, from the source's own test (``significant``); nothing is inferred beyond that.
"""

from __future__ import annotations

from typing import Optional, Sequence

from msvitd.summary.question import question_tables
from msvitd.summary.report import Block, Finding, Overview, QuestionGroup, Row, StudyLine, Table
from msvitd.summary.study_table import importance_of, study_table
from msvitd.summary.wording import short

# The value of no effect per measure; measures not listed (medians, SMD ...) are judged by the source's test.
NO_EFFECT = {"HR": 1.0, "RR": 1.0, "OR": 1.0, "IRR": 1.0, "RD": 0.0, "MD": 0.0, "SMD": 0.0}
# At most this many rows per comparison or study (more only when more are critical): the critical ones, then
# the next in the table's order. The studies' lines below say what else each found.
ROWS = 3


def verdict(row: Row) -> str:
    """"lower" / "higher" (with the intervention), "differed" (direction unknown), "no_difference", "no_result"."""
    r = row.relative
    if r is not None and r.lo is not None and r.hi is not None and r.measure in NO_EFFECT:
        null = NO_EFFECT[r.measure]
        if r.hi < null:
            return "lower"
        if r.lo > null:
            return "higher"
        return "no_difference"
    if row.significant is False:
        return "no_difference"
    if row.significant:
        return {"decrease": "lower", "increase": "higher"}.get(row.direction or "", "differed")
    return "no_result"


def findings(table: Table) -> tuple[Finding, ...]:
    """What a study's table found, outcome by outcome, in the table's order (critical first). One finding per
    outcome and verdict: the rows of one outcome for several pairs of arms count once per verdict."""
    out: list[Finding] = []
    seen = set()
    for row in table.rows:
        name = short(row.measured or row.name)
        name = name[:1].lower() + name[1:] if name[1:2].islower() else name
        v = verdict(row)
        if (name, v) in seen:
            continue
        seen.add((name, v))
        out.append(Finding(name, v, row.outcome_type == "clinical", row.role == "primary", row.relative))
    return tuple(out)


def _shown(rows: Sequence[Row], critical: Sequence[str] = ("critical",)) -> tuple[Row, ...]:
    """Every critical row, then the next rows in order, up to ROWS (never fewer than the critical ones)."""
    crit = [r for r in rows if r.role in critical]
    rest = [r for r in rows if r.role not in critical]
    return tuple(crit + rest[:max(0, ROWS - len(crit))])


def study_line(table: Table, name: str, primary_met: Optional[bool] = None) -> StudyLine:
    """A study's line from its table: what it found and what it did not."""
    return StudyLine(table.id, name, table.subject or table.intervention, findings(table), primary_met)


def overview(library) -> Overview:
    """Every question's comparisons (with their studies' lines), then the studies no question covers."""
    questions = [e.model for e in library.questions.values()]
    groups, covered, count = [], set(), 0
    for q in questions:
        blocks = []
        tables = question_tables(q, library)
        count += len(tables)
        for comp, t in zip(q.comparisons, tables):
            lines = []
            for sid in comp.studies:
                entry = library.studies.get(sid)
                if entry is None or sid in covered:
                    continue
                covered.add(sid)
                ctx = q.context_of(sid)
                table = study_table(entry.model, importance_of(questions, sid))
                lines.append(study_line(table, entry.model.name, ctx.primary_met if ctx is not None else None))
            reported = {r.outcome_id for r in t.rows}
            absent = tuple(o.name for o in q.outcomes if o.id not in reported)
            shown = _shown(t.rows)
            hidden = tuple(r.name for r in t.rows if r not in shown)
            blocks.append(Block(t.id, _label(t.title, q.title), "comparison", shown, hidden, tuple(lines), absent))
        groups.append(QuestionGroup(q.id, q.title, tuple(blocks)))
    alone = []
    for sid, entry in library.studies.items():
        if sid in covered:
            continue
        t = study_table(entry.model, importance_of(questions, sid))
        shown = _shown(t.rows)
        hidden = tuple(r.name for r in t.rows if r not in shown)
        alone.append(Block(sid, entry.model.name, "study", shown, hidden, (study_line(t, entry.model.name),)))
    return Overview(tuple(groups), tuple(alone), count + len(library.studies))


def _label(title: str, question: str) -> str:
    """A comparison's own label: the table title without the question's title in front of it."""
    label = title[len(question) + 2:] if title.startswith(question + ": ") else title
    return label[:1].upper() + label[1:]
