"""Studies shown side by side rather than pooled: each study's result, the row with the certainty judged
across them, and forest plots of the estimates not in a pooled row."""

from __future__ import annotations

from typing import Optional, Sequence

from msvitd.grading import body as across
from msvitd.grading.certainty import RATIOS, Body, grade
from msvitd.summary.report import Forest, ForestRow, Row
from msvitd.summary.selection import follow_up, outcome_kind
from msvitd.summary.study_outcome import StudyOutcome, arm_direction
from msvitd.summary.study_row import question_grades
from msvitd.summary.wording import Footnotes, body_statement, judgement_notes, lower_first, short


def study_result(so: StudyOutcome, row: Row, fit: Sequence[str] = ()) -> across.StudyResult:
    """One study's part in a body of evidence: its judgements and what it found."""
    o = so.outcome
    rel = so.relative
    verdict, text = None, "no result in the sources used"
    has_ci = rel is not None and rel.lo is not None and rel.hi is not None and not so.conflict
    if has_ci:
        null = 1.0 if rel.measure in RATIOS else 0.0
        est = f"{rel.measure} {rel.estimate:.2f} ({rel.lo:.2f} to {rel.hi:.2f})" + (
            ", computed by msvitd" if rel.by == "msvitd" else "")
        if rel.lo <= null <= rel.hi:
            verdict, text = "none", f"no significant difference, {est}"
        else:
            fewer = rel.hi < null
            good = fewer if o.better != "higher" else not fewer
            verdict = "benefit" if good else "harm"
            text = f"a significant {'reduction' if fewer else 'increase'}, {est}"
    elif o.significant is not None:
        d = None if so.conflict else arm_direction(so)
        if not o.significant:
            verdict, text = "none", "no significant difference (as reported; no confidence interval)"
        elif d is not None:
            good = (d == "decrease") == (o.better != "higher")
            verdict = "benefit" if good else "harm"
            text = f"a significant {'reduction' if d == 'decrease' else 'increase'} (as reported; no confidence interval)"
        else:
            text = "a significant difference of unstated direction (as reported)"
    elif rel is not None:
        text = f"{rel.measure} {rel.estimate:.2f}, no confidence interval"
    has_numbers = rel is not None or any(f.risk is not None or f.text is not None for f in so.arms)
    js = {j.domain: j for j in row.certainty.judgements}
    return across.StudyResult(so.study_name, so.weight, js, verdict, text, has_ci, has_numbers, tuple(fit))


def unpooled_row(qo, sos: Sequence[StudyOutcome], members: Sequence[Row], results: Sequence[across.StudyResult],
                 reason: str, intervention: str, book: Footnotes) -> Row:
    """The body-of-evidence row for studies that are not pooled: certainty across them, each study's result."""
    k = len(sos)
    ws, how = across.weights(results)
    suggested = {
        "risk_of_bias": across.combine("risk_of_bias", results, ws, how),
        "indirectness": across.combine("indirectness", results, ws, how),
        "inconsistency": across.inconsistency(results),
        "imprecision": across.imprecision_unpooled(results, reason.removeprefix("not pooled: ")),
        "publication_bias": across.publication_bias(k, all(s.registered for s in sos)),
    }
    known = [s.participants for s in sos if s.participants is not None]
    participants = sum(known) if known else None
    otype, stands = outcome_kind(sos)
    body = Body(outcome=qo.name, randomised=all(s.randomised for s in sos), k=k, participants=participants,
                outcome_type=otype, stands_for=stands, registered=all(s.registered for s in sos),
                no_numbers=not any(r.has_numbers for r in results),
                narrative=any(r.verdict is not None or s.outcome.finding or s.outcome.significant is not None
                              for r, s in zip(results, sos)))
    certainty = grade(body, question_grades(qo), suggested)
    refs = [book.add(f"{qo.name}: {reason}.")]
    refs += judgement_notes(certainty, book)
    follow = [f for f in dict.fromkeys(follow_up(s.outcome) for s in sos) if f]
    finding = "; ".join(f"{r.name}: {r.verdict_text}" for r in results)
    return Row(
        outcome_id=qo.id, name=qo.name, role=qo.importance, follow_up="; ".join(follow) or None,
        participants=participants, studies=k, study_ids=tuple(s.study_id for s in sos), outcome_type=otype,
        stands_for=stands, relative=None, arms=(), absolute=None, nnt=None, certainty=certainty,
        statement=body_statement(certainty, results, intervention, qo.name), finding=finding,
        footnotes=tuple(refs), refused=reason, members=tuple(members),
        participants_partial=len(known) < k,
        gaps=("no pooled estimate: " + reason.removeprefix("not pooled: "),),
    )


def forest_plots(qo, sos: Sequence[StudyOutcome], pooled: Optional[Row], reason: Optional[str] = None) -> list[Forest]:
    """Forest plots of the estimates with a confidence interval that are not in a pooled row, per measure."""
    pooled_ids = set(pooled.study_ids) if pooled is not None else set()
    groups: dict = {}
    for s in sos:
        r = s.relative
        if r is None or r.lo is None or r.hi is None or s.study_id in pooled_ids:
            continue
        if r.measure in RATIOS and min(r.estimate, r.lo, r.hi) <= 0:
            continue  # a ratio that is not positive cannot stand on a log axis (checks flag it: S201)
        groups.setdefault((r.measure, s.outcome.better), []).append(s)
    out = []
    for (measure, better), group in groups.items():
        notes = []
        if better == "higher":
            notes.append(" and ".join(lower_first(short(s.outcome.name)) for s in group) + ": higher is better")
        unclear = [s.study_name for s in group if s.conflict]
        if unclear:
            notes.append(f"direction unclear for {', '.join(unclear)} (see the footnotes)")
        if any(s.relative.by == "msvitd" for s in group):
            notes.append("† computed by msvitd, not reported")
        n = len(group)
        if len(sos) == 1:
            what = "not pooled: one study, nothing to pool"
        elif pooled is not None:
            what = "not in the pooled estimate (see the pooled row)"
        else:
            what = reason or f"not pooled: {n} studies shown side by side"
        rows = tuple(ForestRow(s.study_name, s.relative.estimate, s.relative.lo, s.relative.hi, None,
                               participants=s.participants, by=s.relative.by) for s in group)
        out.append(Forest(qo.name, measure, rows, note="; ".join([what, *notes])))
    return out
