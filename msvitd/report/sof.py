"""The Summary of Findings tables as view rows: every cell's text (formatted once, by
msvitd/output/summary_format.py, the words the terminal shows), anchors that stay unique on the
page, and each outcome's figures (msvitd/report/figures.py)."""

from __future__ import annotations

import re
from typing import Optional, Sequence

from msvitd.grading.plain_language import LABELS, MEANINGS, SYMBOLS
from msvitd.output import summary_format as F
from msvitd.report.figures import outcome_figures
from msvitd.report.views import ContextView, SofRow, SofTable


def _sof_row(r, rid: str, table_anchor: str, figures=(), no_plot=None, members=()) -> "SofRow":
    name, *details = F.outcome(r)
    cert = F.certainty_parts(r)  # a row may carry no rating (nothing to rate): no symbols, no label
    level = getattr(r, "level", "body")
    study = level == "study"
    refs = tuple((f"S{n}" if study else str(n), f"{table_anchor}-{'sfn' if study else 'fn'}-{n}")
                 for n in r.footnotes)
    return SofRow(
        id=rid, name=name, details=tuple(details), participants=F.participants(r), relative=F.relative(r),
        comparator_risk=F.comparator_risk(r), difference=F.difference(r), nnt=F.nnt(r.nnt),
        certainty_symbols=cert[0], certainty_label=cert[1], certainty_level=cert[2],
        footnotes=tuple(r.footnotes), statement=r.statement,
        finding=F.source_words(r), notes=tuple(r.notes),
        refused=getattr(r, "refused", None), figures=tuple(figures), no_plot=no_plot, level=level,
        members=tuple(members), refs=refs)


def sof_tables(summary_tables: Sequence, study_names: dict, figure_start: int = 1,
               arm_names: Optional[dict] = None) -> tuple[SofTable, ...]:
    """View objects for the Summary of Findings tables. ``arm_names``: {(study id, arm id): short name},
    for the forest plots' "Favours ..." words (else the arms' labels)."""
    out = []
    fig_no = figure_start
    used: set = set()
    for ti, t in enumerate(summary_tables, 1):
        anchor = _unique(f"sof-{_slug(t.id)}", used)
        plots = list(getattr(t, "plots", ()) or ())
        rows = []
        for ri, r in enumerate(t.rows, 1):
            mine = [p for p in plots if p.outcome == r.name]
            plots = [p for p in plots if p not in mine]
            figs, no_plot = outcome_figures(r, mine, fig_no, f"forest-{ti}-{ri}", study_names, arm_names)
            fig_no += len(figs)
            rid = _unique(f"outcome-{_slug(t.id)}-{_slug(r.outcome_id)}", used)
            members = tuple(
                _sof_row(m, _unique(f"{rid}-{_slug(getattr(m, 'study_name', None) or mi)}", used), anchor)
                for mi, m in enumerate(getattr(r, "members", ()) or (), 1))
            rows.append(_sof_row(r, rid, anchor, figs, no_plot, members))
        context = tuple(ContextView(c.name, c.summary, F.met(c.primary_met), c.primary_met)
                        for c in (getattr(t, "context", ()) or ()))
        out.append(SofTable(id=t.id, anchor=anchor, title=t.title,
                            population=t.population, setting=t.setting, intervention=t.intervention,
                            comparator=t.comparator, rows=tuple(rows), footnotes=tuple(t.footnotes),
                            notes=tuple(t.notes), kind=t.kind, context=context,
                            study_footnotes=tuple(getattr(t, "study_footnotes", ()) or ())))
    return tuple(out)


def arm_short_names(studies) -> dict:
    """{(study id, arm id): the arm's short name} (short label, else agent) for "Favours ..." words."""
    out = {}
    for s in studies:
        for a in getattr(s, "arms", ()) or ():
            out[(s.id, a.id)] = getattr(a, "short_label", None) or a.agent
    return out


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(s).lower()).strip("-") or "x"


def _unique(s: str, used: set) -> str:
    out, i = s, 2
    while out in used:
        out, i = f"{s}-{i}", i + 1
    used.add(out)
    return out


def legend() -> tuple[tuple[str, str, str], ...]:
    return tuple((SYMBOLS[k], LABELS[k], MEANINGS[k]) for k in ("high", "moderate", "low", "very_low"))
