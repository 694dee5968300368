"""Draft an article evidence file from a raw article: metadata, text reference, claims found.

The claims come from the shared text reading (the one `critique` and `diff` use) and the numbers
from the number diff; every quote is taken verbatim from the text, so the draft passes
`msvitd validate`. It is a draft: a person reviews the claims before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Optional

HEADER = ("# Draft made by `msvitd extract`: review every claim (quotes, outcome links, directions,\n"
          "# strengths, numbers) against the article and the study before committing this file.\n")


def slug(name: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return (s or "article")[:80].strip("-") or "article"


def _title(text: str) -> str:
    for line in text.splitlines():
        line = " ".join(line.split())
        if len(line.split()) >= 4 and not line.lower().startswith(("http", "www.")) and not line.lower().endswith(
                (".jpg", ".png")):
            return line[:200]
    return "untitled article"


def draft(article_path: Path, text: str, study_entry, out_path: Optional[Path]) -> dict:
    """The draft for ``text``, read from ``article_path`` (a .txt, .md or .html file)."""
    from msvitd.diffing.engine import build_report
    from msvitd.diffing.claims import claims_from_text

    study = study_entry.model
    claims, note = claims_from_text(text, study)
    report = build_report(study_entry, None, text)
    base = out_path.parent if out_path is not None else Path(".")
    rel = os.path.relpath(article_path.resolve(), base.resolve())
    data: dict = {"kind": "article", "id": slug(article_path.stem), "title": _title(text), "about": [study.id]}
    data["text_file"] = Path(rel).as_posix()
    c: dict = {}
    for key in ("population", "intervention", "comparator"):
        pc = getattr(claims, key)
        if pc is not None:
            c[key] = {"quote": pc.quote, "summary": pc.summary, **({"scope": pc.scope} if pc.scope else {})}
    outcomes = []
    for oc in claims.outcomes:
        item = {"quote": oc.quote}
        if oc.outcome:
            item["outcome"] = oc.outcome
        if oc.concept:
            item["concept"] = oc.concept
        item["direction"] = oc.direction
        item["strength"] = oc.strength
        i = text.find(oc.quote)
        nums = []
        if i >= 0:
            for n in report.numbers:
                if i <= n.start and n.end <= i + len(oc.quote) and n.source_fact is not None:
                    entry = {"value": shown_value(n.value), "unit": n.unit, "quote": n.quote,
                             "fact": n.source_fact.label}
                    nums.append({k: v for k, v in entry.items() if v is not None})
        if nums:
            item["numbers"] = nums
        outcomes.append(item)
    # sentences whose numbers report a study outcome ("60.3% ... vs 74.1%") are claims too
    claimed = {o["quote"] for o in outcomes}
    by_name = sorted(((o.name, o.id) for o in study.outcomes), key=lambda x: -len(x[0]))
    extra: dict[str, dict] = {}
    for n in report.numbers:
        if n.source_fact is None or n.verdict == "unverified" or not n.sentence or n.sentence in claimed:
            continue
        oid = next((i for name, i in by_name if n.source_fact.label.startswith(name)), None)
        if oid is None or n.sentence not in text:
            continue
        item = extra.setdefault(n.sentence, {"quote": n.sentence, "outcome": oid, "direction": "unclear",
                                             "strength": "none", "numbers": []})
        entry = {"value": shown_value(n.value), "unit": n.unit, "quote": n.quote, "fact": n.source_fact.label}
        item["numbers"].append({k: v for k, v in entry.items() if v is not None})
    outcomes.extend(extra.values())
    if outcomes:
        c["outcomes"] = outcomes
    lims = [{"quote": lc.quote, **({"limitation": lc.limitation} if lc.limitation else {})} for lc in claims.limitations]
    if lims:
        c["limitations"] = lims
    if c:
        data["claims"] = c
    notes = ["Drafted by msvitd extract from the text reading; not yet reviewed."]
    if note:
        notes.append(note)
    data["notes"] = " ".join(notes)
    return data


def shown_value(value):
    """A number as a person would write it in the draft: 2 for "two weeks" (not 2.0), 0.3333 for "a
    third" (not 0.3333333333333333); four significant digits keep every figure a news text gives."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, float):
        return float(f"{value:.4g}")
    return value


def dump(data: dict) -> str:
    import yaml

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, _data):
            return True

    body = yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=4096, default_flow_style=False)
    return HEADER + body


def check(text: str, name: str) -> list:
    """The draft's own validation problems (YAML, schema, quotes), as diagnostics."""
    from msvitd.checks import check_article
    from msvitd.validation import validate_document
    from msvitd.yamlio import parse_text

    doc = parse_text(text, name)
    model, problems = validate_document(doc)
    out = [*doc.diagnostics, *problems]
    if model is not None:
        found, _ = check_article(model, name)
        out += [doc.diag(code, msg, path) for code, msg, path in found]
    return [d for d in out if d.severity.value == "error"]
