"""A question's tables: one per comparison, one row per question outcome (critical first, then by rank)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from msvitd.summary.pooling import PoolingRefused, check_poolable, harmonise, pooled_row
from msvitd.summary.report import ContextLine, Forest, Row, Table
from msvitd.summary.study_outcome import StudyOutcome, study_outcome
from msvitd.summary.study_row import study_row
from msvitd.summary.unpooled import forest_plots, study_result, unpooled_row
from msvitd.summary.wording import Footnotes, cap


IMPORTANCE_ORDER = {"critical": 0, "important": 1, "not_important": 2}


def _fit(comp, study) -> list[str]:
    """How a study departs from what its comparison says its studies share (or does not say it)."""
    out = []
    d, p = study.design, study.population
    if comp.therapy:
        if d.therapy is None:
            out.append(f"therapy not reported (the comparison is {comp.therapy.replace('_', '-')})")
        elif d.therapy != comp.therapy:
            out.append(f"therapy {d.therapy.replace('_', '-')} (the comparison is {comp.therapy.replace('_', '-')})")
    if comp.comparator_type:
        if d.comparator_type is None:
            out.append(f"comparator type not reported (the comparison is {comp.comparator_type.replace('_', '-')})")
        elif d.comparator_type != comp.comparator_type:
            out.append(f"comparator {d.comparator_type.replace('_', '-')} (the comparison is "
                       f"{comp.comparator_type.replace('_', '-')})")
    if comp.stages:
        if p.stage is None:
            out.append(f"stage not reported (the comparison is {'/'.join(comp.stages)})")
        elif p.stage not in comp.stages:
            out.append(f"stage {p.stage} (the comparison is {'/'.join(comp.stages)})")
    return out


def _mismatch(fit: Sequence[str]) -> list[str]:
    return [f for f in fit if "not reported" not in f]


def _head(text: str) -> str:
    """"high-dose vitamin D3 (a daily ...), alone or ..." -> "High-dose vitamin D3"."""
    return cap(re.split(r"\s*[(,;:]", text, maxsplit=1)[0].strip() or text)


def _body_intervention(sources: Sequence[StudyOutcome], question) -> str:
    names = {s.intervention for s in sources}
    if len(names) == 1:
        return names.pop()
    return _head(question.intervention) if question is not None else "The intervention"


def question_tables(question, library) -> list[Table]:
    comparison_of = {sid: c.id for c in question.comparisons for sid in c.studies}
    comparisons = {c.id: c for c in question.comparisons}
    tables = []
    order = sorted(enumerate(question.outcomes),
                   key=lambda t: (IMPORTANCE_ORDER.get(t[1].importance, 9), -(t[1].rank or 0), t[0]))
    for comp in question.comparisons:
        book = Footnotes()
        study_book = Footnotes()
        rows = []
        table_notes = []
        plots: list[Forest] = []
        absent = []
        for _, qo in order:
            found: list[tuple[object, StudyOutcome, list[str]]] = []
            for src in qo.from_studies:
                if comparison_of.get(src.study) != comp.id:
                    continue
                entry = library.studies.get(src.study)
                if entry is None:
                    table_notes.append(f"{qo.name}: study {src.study!r} is not in the evidence loaded; left out.")
                    continue
                study = entry.model
                kind, target_id = src.target
                if kind == "harm":
                    target = next((h for h in study.harms if h.id == target_id), None)
                else:
                    target = study.outcome(target_id)
                if target is None:
                    table_notes.append(f"{qo.name}: study {study.name!r} has no {kind} {target_id!r}; left out.")
                    continue
                so = study_outcome(study, target, src.arms, others=src.arms is not None or len(study.arms) > 2)
                found.append((src, so, _fit(comp, study)))
            if not found:
                absent.append(qo.name)
                continue
            row, more_plots = _question_outcome(question, qo, found, book, comparison_of, comparisons, study_book)
            rows.append(row)
            plots.extend(more_plots)
        if absent:
            table_notes.append("No study in this comparison reports: " + ", ".join(absent) + ".")
        apart = [c for c in question.comparisons if c.id != comp.id]
        if apart:
            table_notes.append(f"Kept apart from this comparison: {'; '.join(c.label for c in apart)}. {comp.reason}")
        else:
            table_notes.append(comp.reason)
        unassigned = sorted({s.study for qo in question.outcomes for s in qo.from_studies} - set(comparison_of))
        if unassigned:
            table_notes.append("Not in any comparison, so never pooled: " + ", ".join(unassigned) + ".")
        context = []
        for sid in comp.studies:
            ctx = question.context_of(sid)
            if ctx is None:
                continue
            entry = library.studies.get(sid)
            context.append(ContextLine(sid, entry.model.name if entry else sid, ctx.summary, ctx.primary_met))
        tables.append(Table(
            id=f"{question.id}/{comp.id}", title=f"{question.title}: {comp.label}", population=question.population,
            setting=question.setting, intervention=question.intervention, comparator=question.comparator,
            rows=tuple(rows), footnotes=tuple(book.items), kind="question", notes=tuple(table_notes),
            context=tuple(context), plots=tuple(plots), study_footnotes=tuple(study_book.items),
        ))
    return tables


def _study_in_question(outcome, src, so: StudyOutcome, fit: Sequence[str], book: Footnotes, name: str,
                       **kw) -> Row:
    """One study's row within a question: with the question file's note on it, and how it departs from the
    comparison (a known difference counts as indirectness; what the study does not report is a footnote only)."""
    extra = [f"Question file, on {so.study_name}: {src.note}"] if src.note else []
    mismatch = _mismatch(fit)
    row = study_row(so, outcome.importance, book, name, outcome.id, extra_notes=extra, fit=mismatch, in_question=True,
                    **kw)
    unknown = [f for f in fit if f not in mismatch]
    if unknown:
        ref = book.add(f"{so.study_name} and this comparison: {', '.join(unknown)}.")
        row = replace(row, footnotes=tuple(sorted({*row.footnotes, ref})))
    return row


def _question_outcome(question, qo, found, book: Footnotes, comparison_of, comparisons,
                      sub: Footnotes) -> tuple[Row, list[Forest]]:
    """The body-of-evidence row for one question outcome in one comparison (footnotes in ``book``), with the
    per-study rows as members (their footnotes in ``sub``), and the forest plots of what is not pooled."""
    harmonised = harmonise([so for _, so, _ in found], qo)  # computed effects take the measure the others report
    found = [(src, so, fit) for (src, _, fit), so in zip(found, harmonised)]
    sos = [so for _, so, _ in found]
    if len(found) == 1:
        src, so, fit = found[0]
        row = _study_in_question(qo, src, so, fit, book, qo.name, qo=qo)
        row = replace(row, measured=so.outcome.name if so.outcome.name != qo.name else None)
        return row, forest_plots(qo, sos, None)
    members, results = [], []
    for src, so, fit in found:
        r = _study_in_question(qo, src, so, fit, sub, so.study_name, level="study")
        members.append(replace(r, measured=so.outcome.name))
        results.append(study_result(so, r, _mismatch(fit)))
    intervention = _body_intervention(sos, question)
    with_ci = [s for s in sos if s.relative is not None and s.relative.lo is not None and s.relative.hi is not None]
    groups: dict = {}
    for s in with_ci:
        if s.conflict:
            continue
        groups.setdefault((s.relative.measure, s.outcome.better), []).append(s)
    best = max(groups.values(), key=len, default=[])
    try:
        if len(best) >= 2:
            row = pooled_row(best, comparison_of, qo, intervention, book, members=members, comparisons=comparisons,
                             results=results)
            left = [s for s in sos if s not in best]
            if left:
                why = "; ".join(f"{s.study_name} ({s.relative.measure if s.relative else 'no estimate'}"
                                f"{'' if s.relative is None or s.relative.lo is not None else ', no CI'})" for s in left)
                note = f"{qo.name}: not in the pooled estimate: {why}."
                row = replace(row, footnotes=(*row.footnotes, book.add(note)), notes=(note,))
            return row, forest_plots(qo, sos, row)
        if len(with_ci) >= 2:
            check_poolable(with_ci, comparison_of, comparisons)  # raises with the reason
        if len(with_ci) == 1:
            s = with_ci[0]
            extra = f"; {s.study_name}'s estimate has an unclear direction" if s.conflict else ""
            raise PoolingRefused(f"not pooled: only one study ({s.study_name}) reports an estimate with a "
                                 f"confidence interval{extra}")
        raise PoolingRefused("not pooled: no study reports an estimate with a confidence interval ("
                             + ", ".join(s.study_name for s in sos) + ")")
    except (PoolingRefused, ValueError) as exc:
        reason = str(exc) if str(exc).startswith("not pooled") else f"not pooled: {exc}"
        row = unpooled_row(qo, sos, members, results, reason, intervention, book)
        return row, forest_plots(qo, sos, None, reason)
