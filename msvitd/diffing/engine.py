"""The diff of an article's text against a study: PICO rows, number rows, the source checked
against itself. Inputs are resolved by msvitd/app/inputs.py; rendering is msvitd/output/'s."""

from __future__ import annotations

import re

from msvitd.diffing.claims import claims_from_text
from msvitd.diffing.consistency import recheck_source
from msvitd.diffing.pico import pico_rows
from msvitd.diffing.result import DiffReport
from msvitd.facts.derived import derived_facts
from msvitd.facts.matcher import diff_numbers
from msvitd.facts.source import study_facts


def build_report(study_entry, article_model, text: str, article_label: str = "", others=()) -> DiffReport:
    """The diff of ``text`` against the study; ``others`` (the library's study models) lets the
    number matcher leave sentences about another named study unjudged, as critique does."""
    study = study_entry.model
    doc = study_entry.doc
    data = doc.data if doc is not None else None

    def locate(path: tuple) -> str:
        if doc is None:
            return ""
        line, col = doc.position(path)
        return f"{doc.file}:{line}:{col}"

    facts = study_facts(study, data)
    derived = derived_facts(facts)
    notes: list[str] = []
    if article_model is not None:
        claims = article_model.claims
        claims_from = "curated claims"
    else:
        claims, note = claims_from_text(text, study)
        claims_from = "text reading"
        if note:
            notes.append(note)
    spans = _claim_spans(text, claims, study)
    other = _other_spans(text, study, others)
    rows, unchecked = diff_numbers(text, facts, derived, locate,
                                   lambda s, e: [ctx for (a, b, ctx) in spans if a <= s and e <= b],
                                   skip=lambda s, e: any(a <= s < b for a, b in other))
    pico = pico_rows(study, claims, rows, text)
    consistency = recheck_source(study, data, locate)
    return DiffReport(
        study_id=study.id, study_name=study.name,
        article_id=getattr(article_model, "id", None),
        article_title=getattr(article_model, "title", None) or article_label,
        claims_from=claims_from, pico=tuple(pico), numbers=tuple(rows), consistency=tuple(consistency),
        unchecked=unchecked, notes=tuple(notes))


def _other_spans(text: str, study, others) -> list[tuple[int, int]]:
    try:
        from msvitd.critique.engine import other_study_spans

        return other_study_spans(text, study, list(others))
    except Exception:  # the reader's problem must not bring diff down
        return []


def _claim_spans(text: str, claims, study) -> list[tuple[int, int, str]]:
    """Where each curated outcome claim stands in the text, with the words of its outcome and numbers."""
    spans = []
    squashed_text = text
    for c in getattr(claims, "outcomes", []):
        o = study.outcome(c.outcome) if c.outcome else None
        ctx = " ".join(filter(None, [o.name if o else None, c.concept, *(n.fact or "" for n in c.numbers)]))
        i = squashed_text.find(c.quote)
        if i < 0:
            m = re.search(r"\s+".join(map(re.escape, c.quote.split())), text)
            if not m:
                continue
            spans.append((m.start(), m.end(), ctx))
        else:
            spans.append((i, i + len(c.quote), ctx))
    return spans
