"""Pooling across studies: when studies may be combined (``check_poolable``) and the pooled row."""

from __future__ import annotations

from typing import Mapping, Optional, Sequence

from msvitd.grading import body as across
from msvitd.grading.certainty import RATIOS, Body, StudyBias, default_thresholds, grade
from msvitd.stats.pooling import pool, to_analysis_scale
from msvitd.summary.absolute import nnt_figure, to_absolute
from msvitd.summary.report import Forest, ForestRow, Relative, Row
from msvitd.summary.selection import follow_up, outcome_kind
from msvitd.summary.study_outcome import StudyOutcome
from msvitd.summary.study_row import question_grades
from msvitd.summary.wording import Footnotes, judgement_notes, short, statement


class PoolingRefused(Exception):
    """Studies that must not be combined: different effect measures, or comparisons kept apart."""


def _describe(comp) -> str:
    extra = [x for x in (comp.therapy and comp.therapy.replace("_", "-"), comp.comparator_type and
                         comp.comparator_type.replace("_", "-") + " comparator",
                         "/".join(comp.stages) if comp.stages else None) if x]
    return comp.label + (f": {', '.join(extra)}" if extra else "")


def check_poolable(sources: Sequence[StudyOutcome], comparison_of: dict[str, str],
                   comparisons: Optional[Mapping[str, object]] = None) -> str:
    """The one effect measure the sources share; raise PoolingRefused when they must not be combined."""
    groups = {comparison_of.get(s.study_id) for s in sources}
    if len(groups) > 1 or None in groups:
        def where(s):
            cid = comparison_of.get(s.study_id)
            if cid is None:
                return f"{s.study_name} (no comparison)"
            comp = (comparisons or {}).get(cid)
            return f"{s.study_name} ({_describe(comp) if comp is not None else cid})"
        raise PoolingRefused("not pooled: the question keeps these studies in different comparisons: "
                             + "; ".join(where(s) for s in sources))
    missing = [s.study_name for s in sources if s.relative is None or s.relative.lo is None]
    if missing:
        raise PoolingRefused("not pooled: no effect estimate with a confidence interval for " + ", ".join(missing))
    betters = {s.outcome.better for s in sources}
    if len(betters) > 1:
        what = "; ".join(f"{s.study_name}: {short(s.outcome.name)}, {s.outcome.better} is better" for s in sources)
        raise PoolingRefused(f"not pooled: the studies measure the outcome in opposite directions ({what})")
    unclear = [s.study_name for s in sources if s.conflict]
    if unclear:
        raise PoolingRefused(f"not pooled: the direction of the estimate is unclear for {', '.join(unclear)}")
    measures = {s.relative.measure for s in sources}
    if len(measures) > 1:
        what = ", ".join(f"{s.study_name}: {s.relative.measure}" for s in sources)
        raise PoolingRefused(f"not pooled: the studies report different effect measures ({what}); msvitd does not "
                             f"combine a hazard ratio, an odds ratio and a risk ratio")
    measure = measures.pop()
    if measure not in RATIOS and measure not in ("RD", "MD"):
        raise PoolingRefused(f"not pooled: msvitd does not pool {measure}")
    return measure


def pooled_row(sources: Sequence[StudyOutcome], comparison_of: dict[str, str], qo, intervention: str,
               book: Footnotes, method: str = "REML", members: Sequence[Row] = (), comparisons=None,
               results: Sequence[across.StudyResult] = ()) -> Row:
    measure = check_poolable(sources, comparison_of, comparisons)
    ys, vs = zip(*(to_analysis_scale(measure, s.relative.estimate, s.relative.lo, s.relative.hi) for s in sources))
    fe = pool(measure, ys, vs, model="fixed")
    re_ = pool(measure, ys, vs, model="random", tau2_method=method)
    rows = tuple(ForestRow(s.study_name, s.relative.estimate, s.relative.lo, s.relative.hi, w, wf,
                           participants=s.participants, by=s.relative.by)
                 for s, w, wf in zip(sources, re_.weights, fe.weights))
    forest = Forest(qo.name, measure, rows, "random", method, re_.i2, re_.tau2, re_.q, re_.q_df, re_.q_p,
                    fixed=ForestRow("Fixed effect", fe.estimate, fe.lo, fe.hi, None, 100.0, pooled=True,
                                    participants=None, by="pooled"),
                    pooled=ForestRow(f"Random ({method})", re_.estimate, re_.lo, re_.hi, 100.0, None, pooled=True,
                                     by="pooled"),
                    pi_lo=re_.pi_lo, pi_hi=re_.pi_hi)
    rel = Relative(measure, re_.estimate, re_.lo, re_.hi, f"P = {re_.p:.2g}", "pooled",
                   f"random effects ({method}), inverse variance on the log scale" if measure in RATIOS else
                   f"random effects ({method}), inverse variance")
    comp = [s for s in sources if s.counts]
    if len(comp) == len(sources):
        p0 = sum(s.counts[2] for s in comp) / sum(s.counts[3] for s in comp)
        p0_note = "pooled comparator risk (all comparator events / all comparator participants)"
    else:
        risks = sorted(s.p0 for s in sources if s.p0 is not None)
        p0 = risks[len(risks) // 2] if risks else None
        p0_note = "median comparator risk of the studies"
    absolute = to_absolute(rel, p0)
    participants = sum(s.participants for s in sources) if all(s.participants for s in sources) else None
    better = sources[0].outcome.better
    otype, stands = outcome_kind(sources)
    b, h = default_thresholds(better)
    src = None
    if getattr(qo, "thresholds", None) is not None:
        b, h, src = qo.thresholds.benefit, qo.thresholds.harm, "set in the question file"
    body = Body(
        outcome=qo.name, randomised=all(s.randomised for s in sources), k=len(sources), participants=participants,
        measure=measure, estimate=re_.estimate, lo=re_.lo, hi=re_.hi, p0=p0, outcome_type=otype, stands_for=stands,
        i2=re_.i2, q_p=re_.q_p, study_cis=tuple((s.relative.lo, s.relative.hi) for s in sources),
        bias=tuple(StudyBias(s.study_name, s.bias, w) for s, w in zip(sources, re_.weights)),
        registered=all(s.registered for s in sources), benefit=b, harm=h, thresholds_from_file=src is not None,
        thresholds_source=src, better=better,
    )
    suggested = {}
    if results:
        pooled_results = [r for r in results if r.name in {s.study_name for s in sources}]
        for domain in ("risk_of_bias", "indirectness"):
            suggested[domain] = across.combine(domain, pooled_results, list(re_.weights),
                                               "weighted as in the pooled estimate (random effects)")
    certainty = grade(body, question_grades(qo), suggested)
    refs = judgement_notes(certainty, book)
    pi = ""
    if re_.pi_lo is not None:
        pi = f"; 95% prediction interval {re_.pi_lo:.2f} to {re_.pi_hi:.2f} (t with {re_.k - 2} df)"
    computed = [s.study_name for s in sources if s.relative.by == "msvitd"]
    comp_note = (f" Estimates computed or turned round by msvitd, not reported: {', '.join(computed)}."
                 if computed else "")
    refs.append(book.add(
        f"{qo.name}: {len(sources)} studies pooled by msvitd, {rel.method}: {measure} {re_.estimate:.2f} "
        f"({re_.lo:.2f} to {re_.hi:.2f}); fixed effect {fe.estimate:.2f} ({fe.lo:.2f} to {fe.hi:.2f}); "
        f"I² = {re_.i2:.0f}%, tau² = {re_.tau2:.3f}{pi}. Comparator risk: {p0_note}.{comp_note}"))
    if not members:
        for s in sources:
            for n in s.notes:
                refs.append(book.add(n))
    nnt, _ = nnt_figure(None, absolute, None, better)
    follow = {f for f in (follow_up(s.outcome) for s in sources) if f}
    return Row(
        outcome_id=qo.id, name=qo.name, role=qo.importance, follow_up="; ".join(sorted(follow)) or None,
        participants=participants, studies=len(sources), study_ids=tuple(s.study_id for s in sources),
        outcome_type=otype, stands_for=stands, relative=rel, arms=(), absolute=absolute, nnt=nnt,
        certainty=certainty, statement=statement(body, certainty, intervention, qo.name), finding=None,
        footnotes=tuple(refs), forest=forest, members=tuple(members), better=better,
        participants_partial=participants is None,
    )
