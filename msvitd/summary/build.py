"""Build Summary of Findings tables from a Library: one per study, or one per comparison of a question.

A question table has one row per question outcome (critical first, then by rank): the body of evidence
for that outcome within the comparison. With one study, that row is the study's. With several, the row
holds the pooled estimate when at least two studies give an estimate with a confidence interval on the
same measure (else it says plainly why not), the certainty judged across the studies, and the per-study
rows as ``members``. Nothing is ever shown as the source's when msvitd computed it: every computation
has a footnote, and what cannot be computed is listed with the reason (``Row.gaps``).

This module is the entry point (``build``, ``usable``) and re-exports what other code imports; the parts
live in ``selection`` (which outcome, which arms), ``arm_figures``, ``study_outcome``, ``absolute`` (absolute
effects, NNT), ``study_row``, ``study_table``, ``pooling``, ``unpooled``, ``question``, ``wording`` (footnotes,
plain-language statements) and ``overview`` (what `msvitd summarize` opens with).
"""

from __future__ import annotations

import copy
from typing import Optional, Sequence

from msvitd.summary.pooling import PoolingRefused, check_poolable
from msvitd.summary.question import question_tables
from msvitd.summary.report import Summary, Table
from msvitd.summary.study_outcome import study_outcome
from msvitd.summary.study_table import importance_of, study_table

__all__ = ["PoolingRefused", "build", "check_poolable", "question_tables", "study_outcome", "study_table",
           "usable", "known"]


def usable(library):
    """(a copy of the library without the studies and questions whose files have errors, {id: file} of those
    left out). A summary is never built from a file that failed its checks (a CI that excludes its estimate,
    a percentage that does not match its counts): the warning that says so must be true."""
    bad = {d.file for d in getattr(library, "errors", ())}
    if not bad:
        return library, {}
    out = copy.copy(library)
    left: dict[str, str] = {}
    for attr in ("studies", "questions"):
        kept = {}
        for ident, entry in getattr(library, attr).items():
            if entry.file in bad:
                left[ident] = entry.file
            else:
                kept[ident] = entry
        setattr(out, attr, kept)
    return out, left


def known(library, ident: str) -> bool:
    """A study id, a question id, or a question's comparison ("question/comparison")."""
    if ident in library.studies or ident in library.questions:
        return True
    q, _, comp = ident.partition("/")
    return q in library.questions and any(c.id == comp for c in library.questions[q].model.comparisons)


def build(library, ids: Optional[Sequence[str]] = None) -> Summary:
    """Tables for the given ids (studies, questions, or "question/comparison"), each once; all studies and
    questions when ``ids`` is empty."""
    tables: list[Table] = []
    if not ids:
        ids = [*library.questions, *library.studies]
    questions = [e.model for e in library.questions.values()]
    seen: set[str] = set()
    for ident in ids:
        if ident in library.questions:
            new = question_tables(library.questions[ident].model, library)
        elif ident in library.studies:
            new = [study_table(library.studies[ident].model, importance_of(questions, ident))]
        elif known(library, ident):
            q = ident.partition("/")[0]
            new = [t for t in question_tables(library.questions[q].model, library) if t.id == ident]
        else:
            raise KeyError(ident)
        for t in new:
            if t.id not in seen:  # `summarize d-lay-ms d-lay-ms`, or a question and one of its comparisons
                seen.add(t.id)
                tables.append(t)
    return Summary(tuple(tables))
