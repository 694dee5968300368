"""A study's table: one row per outcome (per pair of arms when the study reports several), then its harms."""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Optional

from msvitd.summary.report import Table
from msvitd.summary.selection import arm_label, arm_name, default_pair, effect_pair
from msvitd.summary.study_outcome import study_outcome
from msvitd.summary.study_row import study_row
from msvitd.summary.wording import Footnotes


ROLE_ORDER = {"primary": 0, "secondary": 1, "safety": 2, "exploratory": 3, "harm": 4}
# GRADE orders a Summary of Findings by importance to patients: critical outcomes first, then patient-important
# (clinical) outcomes and harms, then composites and surrogates; the study's own primary/secondary roles only
# break ties. A study file has no importance of its own: it comes from the questions that use its outcomes.
TYPE_ORDER = {"clinical": 0, "composite": 1, "surrogate": 2}
IMPORTANCE_ORDER = {"critical": 0, "important": 1, None: 2, "not_important": 3}


def importance_of(questions, study_id: str) -> dict[tuple[str, str], str]:
    """{("outcome" | "harm", id): importance} for a study's outcomes that questions rate (the highest wins)."""
    out: dict[tuple[str, str], str] = {}
    for q in questions:
        for qo in q.outcomes:
            for src in qo.from_studies:
                if src.study != study_id:
                    continue
                old = out.get(src.target)
                if old is None or IMPORTANCE_ORDER[qo.importance] < IMPORTANCE_ORDER[old]:
                    out[src.target] = qo.importance
    return out


def _order(study, importance: Mapping[tuple[str, str], str]) -> list[tuple[str, object]]:
    items = [("outcome", o) for o in study.outcomes] + [("harm", h) for h in study.harms]

    def key(t):
        i, (kind, x) = t
        imp = importance.get((kind, x.id))
        if imp is None and kind == "harm" and getattr(x, "serious", None):
            imp = "critical"  # serious harms are critical to patients (GRADE) unless a question says otherwise
        otype = "clinical" if kind == "harm" else x.type
        role = "harm" if kind == "harm" else x.role
        return (imp != "critical", TYPE_ORDER.get(otype, 3), IMPORTANCE_ORDER.get(imp, 2), ROLE_ORDER.get(role, 9), i)

    return [item for _, item in sorted(enumerate(items), key=key)]


def _pairs(study, o) -> list[Optional[tuple[str, str]]]:
    """Arm pairs to show for an outcome: one row per distinct pair when a study reports several."""
    default = default_pair(study)
    pairs = []
    for e in (o.effect, *o.effects):
        if e is None:
            continue
        p = effect_pair(e, default)
        if p not in pairs:
            pairs.append(p)
    return pairs if len(pairs) > 1 else [None]


def study_table(study, importance: Optional[Mapping[tuple[str, str], str]] = None) -> Table:
    """A study's table, critical and patient-important outcomes first. ``importance``: see ``importance_of``."""
    book = Footnotes()
    rows = []
    importance = importance or {}
    for kind, o in _order(study, importance):
        rated = importance.get((kind, o.id))
        if kind == "harm":
            rows.append(replace(study_row(study_outcome(study, o), "harm", book), importance=rated))
            continue
        for pair in _pairs(study, o):
            so = study_outcome(study, o, pair)
            name = o.name if pair is None else f"{o.name}: {arm_label(study, pair[0])} vs {arm_label(study, pair[1])}"
            rows.append(replace(study_row(so, o.role, book, name), importance=rated))
    pop = study.population
    interventions = [a.label for a in study.arms if a.role == "intervention"]
    comparators = [a.label for a in study.arms if a.role == "comparator"]
    i_text = " or ".join(interventions) or study.arms[0].label
    c_text = " or ".join(comparators) or study.arms[-1].label
    return Table(
        id=study.id, title=f"{study.name}: {i_text} compared with {c_text}",
        population=pop.description or pop.condition, setting=pop.setting or (", ".join(study.design.countries) or None),
        intervention=i_text, comparator=c_text, rows=tuple(rows), footnotes=tuple(book.items), kind="study",
        subject=arm_name(study, default_pair(study)[0]),
    )
