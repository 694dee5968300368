"""The Summary of Findings as JSON: every number, every judgement and who made it (file or msvitd)."""

from __future__ import annotations

import dataclasses
import json
import math

from msvitd.summary.report import Summary

SCHEMA = "msvitd/summary/v1"
# One shape for every run (one table or nine): {"version", "schema", "tables"}; a value that is not known
# is null, never 0 or "". Bump VERSION when a key changes meaning or goes away (new keys do not bump it).
VERSION = 1


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
    # The same keys whatever the row carries; a row with nothing to rate has nulls, not a made-up level.
    d["certainty"] = {
        "level": getattr(c, "level", None), "label": getattr(c, "label", None) or None,
        "symbols": getattr(c, "symbols", None) or None, "start": getattr(c, "start", None),
        "judgements": [{"domain": j.domain, "rating": j.rating, "steps": j.steps, "reason": j.reason, "by": j.by,
                        "assessed": getattr(j, "assessed", True), "file_rating": getattr(j, "file_rating", None)}
                       for j in (getattr(c, "judgements", ()) or ())],
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
    return _clean({"version": VERSION, "schema": SCHEMA, "tables": tables})


def render(summary: Summary) -> str:
    return json.dumps(to_data(summary), indent=2, ensure_ascii=False) + "\n"
