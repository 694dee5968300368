"""The Summary of Findings as CSV: one line per outcome, every number in its own column."""

from __future__ import annotations

import csv
import io
import math

from msvitd.grading.certainty import DOMAINS
from msvitd.output import summary_format as F
from msvitd.summary.report import Summary

COLUMNS = [
    "table", "outcome_id", "outcome", "role", "follow_up", "participants", "studies", "measure", "estimate",
    "ci_lo", "ci_hi", "effect_by", "comparator_per_1000", "intervention_per_1000", "difference_per_1000",
    "difference_lo", "difference_hi", "nnt_kind", "nnt", "nnt_lo", "nnt_hi", "nnt_benefit_bound",
    "nnt_harm_bound", "nnt_by", "nnt_reproduced", "certainty",
    *[f"{d}" for d in DOMAINS], *[f"{d}_by" for d in DOMAINS], "statement", "i2", "tau2", "footnotes",
    "level", "study_ids", "measured", "better", "not_pooled", "cannot_compute",
]


def _n(x, places: int = 4):
    if x is None:
        return ""
    if isinstance(x, float):
        if math.isinf(x):
            return "inf"
        return f"{x:.{places}f}".rstrip("0").rstrip(".")
    return x


def render(summary: Summary) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, COLUMNS, lineterminator="\n")
    w.writeheader()
    for t in summary.tables:
        for r in (x for row in t.rows for x in (row, *row.members)):
            rel, a, n = r.relative, r.absolute, r.nnt
            row = {
                "table": t.id, "outcome_id": r.outcome_id, "outcome": r.name, "role": r.role,
                "follow_up": r.follow_up or "", "participants": _n(r.participants), "studies": r.studies,
                "measure": rel.measure if rel else "", "estimate": _n(rel and rel.estimate),
                "ci_lo": _n(rel and rel.lo), "ci_hi": _n(rel and rel.hi), "effect_by": rel.by if rel else "",
                "comparator_per_1000": _n(a and a.comparator, 1), "intervention_per_1000": _n(a and a.intervention, 1),
                "difference_per_1000": _n(a and a.difference, 1), "difference_lo": _n(a and a.lo, 1),
                "difference_hi": _n(a and a.hi, 1),
                "nnt_kind": n.kind if n else "", "nnt": _n(n and n.value, 2), "nnt_lo": _n(n and n.lo, 2),
                "nnt_hi": _n(n and n.hi, 2), "nnt_benefit_bound": _n(n and n.benefit_bound, 2),
                "nnt_harm_bound": _n(n and n.harm_bound, 2), "nnt_by": n.by if n else "",
                "nnt_reproduced": "" if not n or n.reproduced is None else str(n.reproduced).lower(),
                "certainty": F.certainty_parts(r)[2] if r.certainty is not None else "", "statement": r.statement,
                "i2": _n(r.forest and r.forest.i2, 1), "tau2": _n(r.forest and r.forest.tau2),
                "footnotes": " | ".join((t.study_footnotes if r.level == "study" else t.footnotes)[i - 1]
                                        for i in r.footnotes),
                "level": r.level, "study_ids": " ".join(r.study_ids), "measured": r.measured or "",
                "better": r.better, "not_pooled": r.refused or "", "cannot_compute": " | ".join(r.gaps),
            }
            for j in getattr(r.certainty, "judgements", ()) or ():
                if j.domain in DOMAINS:
                    row[j.domain] = j.rating
                    row[f"{j.domain}_by"] = j.by
            w.writerow(row)
    return buf.getvalue()
