"""Build Summary of Findings tables from a Library: one per study, or one per comparison of a question.

A question table has one row per question outcome (critical first, then by rank): the body of evidence
for that outcome within the comparison. With one study, that row is the study's. With several, the row
holds the pooled estimate when at least two studies give an estimate with a confidence interval on the
same measure (else it says plainly why not), the certainty judged across the studies, and the per-study
rows as ``members``. Nothing is ever shown as the source's when msvitd computed it: every computation
has a footnote, and what cannot be computed is listed with the reason (``Row.gaps``).

This module is the entry point (``build``) and re-exports what other code imports; the parts live in
``selection`` (which outcome, which arms), ``arm_figures``, ``study_outcome``, ``absolute`` (absolute effects,
NNT), ``study_row``, ``study_table``, ``pooling``, ``unpooled``, ``question`` and ``wording`` (footnotes,
plain-language statements).
"""

from __future__ import annotations

from typing import Optional, Sequence

from msvitd.summary.pooling import PoolingRefused, check_poolable
from msvitd.summary.question import question_tables
from msvitd.summary.report import Summary, Table
from msvitd.summary.study_outcome import study_outcome
from msvitd.summary.study_table import study_table

__all__ = ["PoolingRefused", "build", "check_poolable", "question_tables", "study_outcome", "study_table"]


def build(library, ids: Optional[Sequence[str]] = None) -> Summary:
    """Tables for the given study or question ids; all studies and questions when ``ids`` is empty."""
    tables: list[Table] = []
    if not ids:
        ids = [*library.questions, *library.studies]
    for ident in ids:
        if ident in library.questions:
            tables.extend(question_tables(library.questions[ident].model, library))
        elif ident in library.studies:
            tables.append(study_table(library.studies[ident].model))
        else:
            raise KeyError(ident)
    return Summary(tuple(tables))
