"""A study's table: one row per outcome (per pair of arms when the study reports several), then its harms."""

from __future__ import annotations

from typing import Optional

from msvitd.summary.report import Table
from msvitd.summary.selection import arm_label, default_pair, effect_pair
from msvitd.summary.study_outcome import study_outcome
from msvitd.summary.study_row import study_row
from msvitd.summary.wording import Footnotes


ROLE_ORDER = {"primary": 0, "secondary": 1, "safety": 2, "exploratory": 3, "harm": 4}


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


def study_table(study) -> Table:
    book = Footnotes()
    outcomes = sorted(enumerate(study.outcomes), key=lambda t: (ROLE_ORDER.get(t[1].role, 9), t[0]))
    rows = []
    for _, o in outcomes:
        for pair in _pairs(study, o):
            so = study_outcome(study, o, pair)
            name = o.name if pair is None else f"{o.name}: {arm_label(study, pair[0])} vs {arm_label(study, pair[1])}"
            rows.append(study_row(so, o.role, book, name))
    for h in study.harms:
        so = study_outcome(study, h)
        rows.append(study_row(so, "harm", book))
    pop = study.population
    interventions = [a.label for a in study.arms if a.role == "intervention"]
    comparators = [a.label for a in study.arms if a.role == "comparator"]
    i_text = " or ".join(interventions) or study.arms[0].label
    c_text = " or ".join(comparators) or study.arms[-1].label
    return Table(
        id=study.id, title=f"{study.name}: {i_text} compared with {c_text}",
        population=pop.description or pop.condition, setting=pop.setting or (", ".join(study.design.countries) or None),
        intervention=i_text, comparator=c_text, rows=tuple(rows), footnotes=tuple(book.items), kind="study",
    )
