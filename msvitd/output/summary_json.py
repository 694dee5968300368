"""The Summary of Findings as JSON: every number, every judgement and who made it (file or msvitd)."""

from __future__ import annotations

import dataclasses
import json
import math

from msvitd.summary.report import Summary

SCHEMA = "msvitd/summary/v1"


def _clean(value):
    if isinstance(value, float):
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        if math.isnan(value):
            return None
        return round(value, 10)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def _row(r) -> dict:
    d = dataclasses.asdict(r)
    d["members"] = [_row(m) for m in r.members]
    c = r.certainty
    d["certainty"] = {
        "level": c.level, "label": c.label, "symbols": c.symbols, "start": c.start,
        "judgements": [{"domain": j.domain, "rating": j.rating, "steps": j.steps, "reason": j.reason, "by": j.by,
                        "assessed": j.assessed, "file_rating": j.file_rating}
                       for j in c.judgements],
    }
    return d


def to_data(summary: Summary) -> dict:
    tables = []
    for t in summary.tables:
        d = {f.name: getattr(t, f.name) for f in dataclasses.fields(t) if f.name not in ("rows", "context", "plots")}
        d["context"] = [dataclasses.asdict(c) for c in t.context]
        d["plots"] = [dataclasses.asdict(p) for p in t.plots]
        d["footnotes"] = [{"n": i, "text": x} for i, x in enumerate(t.footnotes, 1)]
        d["study_footnotes"] = [{"n": f"S{i}", "text": x} for i, x in enumerate(t.study_footnotes, 1)]
        d["rows"] = [_row(r) for r in t.rows]
        tables.append(d)
    return _clean({"schema": SCHEMA, "tables": tables})


def render(summary: Summary) -> str:
    return json.dumps(to_data(summary), indent=2, ensure_ascii=False) + "\n"
