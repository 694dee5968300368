"""Pooling across studies: when studies may be combined (``check_poolable``) and the pooled row."""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Optional, Sequence

from msvitd.grading import body as across
from msvitd.grading.certainty import RATIOS, Body, StudyBias, default_thresholds, grade
from msvitd.stats.pooling import pool, to_analysis_scale
from msvitd.summary.absolute import nnt_figure, to_absolute
from msvitd.summary.raw_effects import relative_from_raw
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
        raise PoolingRefused(f"not pooled: the studies report different effect measures ({what}); "
                             + mixed_reason(measures))
    measure = measures.pop()
    if measure not in POOLABLE:
        raise PoolingRefused(f"not pooled: msvitd does not pool {measure.replace('_', ' ')}s (a {measure.replace('_', ' ')} "
                             f"has no variance to weight it by)")
    return measure


POOLABLE = (*RATIOS, "RD", "MD", "SMD")
_FAMILY = {"HR": "time", "RR": "risk", "OR": "risk", "RD": "risk", "IRR": "rate", "MD": "scale", "SMD": "scale"}


def mixed_reason(measures) -> str:
    """Why two measures are not combined, and what would let them be."""
    fams = {_FAMILY.get(m, m) for m in measures}
    if fams == {"scale"}:
        return ("a mean difference is on the outcome's scale and a standardised one in SD units; with per-arm "
                "means and SDs, `pool_as: SMD` in the question pools them all as SMDs")
    if fams == {"risk"}:
        return ("msvitd does not turn one ratio of risks into another without the counts; with per-arm counts, "
                "`pool_as:` in the question (OR, RR or RD) computes the same measure for every study")
    return ("they measure different things (" + ", ".join(sorted(measures)) + "): a hazard ratio compares rates over "
            "time, an odds or risk ratio the proportions with an event, a rate ratio events per person-time, a "
            "mean difference a scale, and none can be turned into another without the raw data")


def harmonise(sos: Sequence[StudyOutcome], qo) -> list[StudyOutcome]:
    """Studies whose effect msvitd computes from raw data get the measure the others report (a study with
    counts and one with a reported OR pool as ORs), or the question's ``pool_as:``."""
    target = getattr(qo, "pool_as", None)
    if target is None:
        reported = {s.relative.measure for s in sos if s.relative is not None and s.relative.by == "source"
                    and s.relative.lo is not None}
        if len(reported) != 1:
            return list(sos)
        target = reported.pop()
    out = []
    for s in sos:
        mine = s.relative is None or (s.relative.by == "msvitd" and not s.inverted)
        asked = getattr(qo, "pool_as", None) is not None
        if s.raw is None or target not in s.raw.measures or (s.relative is not None and s.relative.measure == target):
            out.append(s)
            continue
        if not (mine or asked):
            out.append(s)
            continue
        try:
            rel, note = relative_from_raw(s.raw, target)
        except ValueError:
            out.append(s)
            continue
        why = (f"the question asks for {target} (`pool_as:`)" if asked else
               f"another study of this outcome reports {target}")
        was = f"; the sources give {s.relative.measure} {s.relative.estimate:.2f}" if (
            s.relative is not None and s.relative.by == "source") else ""
        note = f"{s.study_name}: {note[:-1]}; computed as {target} because {why}{was}."
        notes = tuple(n for n in s.notes if n != s.computed_note) + (note,)
        out.append(replace(s, relative=rel, notes=notes, computed_note=note))
    return out


def _options(sources, comparison_of, comparisons, method: str) -> tuple[str, str]:
    """(tau² estimator, test) from the comparison's `pooling:` (default: the caller's method, normal test)."""
    options = getattr((comparisons or {}).get(comparison_of.get(sources[0].study_id)), "pooling", None)
    if options is None:
        return method, "z"
    return options.tau2, "knha" if options.hartung_knapp else "z"


def _mid(sources, qo, measure: str) -> tuple[Optional[float], Optional[str]]:
    """The MID an MD is judged against (question first, then the studies' or msvitd's table); an SMD only
    against a question's own MID, read in SD units."""
    if measure == "MD":
        return sources[0].mid_for(qo)
    if measure == "SMD" and getattr(qo, "mid", None) is not None:
        return qo.mid.value, f"set in the question file (in SD units): {qo.mid.source}"
    return None, None


def pooled_row(sources: Sequence[StudyOutcome], comparison_of: dict[str, str], qo, intervention: str,
               book: Footnotes, method: str = "REML", members: Sequence[Row] = (), comparisons=None,
               results: Sequence[across.StudyResult] = ()) -> Row:
    measure = check_poolable(sources, comparison_of, comparisons)
    ys, vs = zip(*(to_analysis_scale(measure, s.relative.estimate, s.relative.lo, s.relative.hi) for s in sources))
    method, test = _options(sources, comparison_of, comparisons, method)
    hk_label = ", HK" if test == "knha" else ""  # the forest's label column is narrow; the footnote spells it out
    fe = pool(measure, ys, vs, model="fixed")
    re_ = pool(measure, ys, vs, model="random", tau2_method=method, test=test)
    rows = tuple(ForestRow(s.study_name, s.relative.estimate, s.relative.lo, s.relative.hi, w, wf,
                           participants=s.participants, by=s.relative.by)
                 for s, w, wf in zip(sources, re_.weights, fe.weights))
    forest = Forest(qo.name, measure, rows, "random", method, re_.i2, re_.tau2, re_.q, re_.q_df, re_.q_p,
                    fixed=ForestRow("Fixed effect", fe.estimate, fe.lo, fe.hi, None, 100.0, pooled=True,
                                    participants=None, by="pooled"),
                    pooled=ForestRow(f"Random ({method}{hk_label})", re_.estimate, re_.lo, re_.hi, 100.0, None,
                                     pooled=True, by="pooled"),
                    pi_lo=re_.pi_lo, pi_hi=re_.pi_hi)
    hk = ", Hartung-Knapp adjustment (t with {} df)".format(re_.df) if re_.test == "knha" else ""
    rel = Relative(measure, re_.estimate, re_.lo, re_.hi, f"P = {re_.p:.2g}", "pooled",
                   f"random effects ({method}{hk}), inverse variance on the log scale" if measure in RATIOS else
                   f"random effects ({method}{hk}), inverse variance")
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
    mid, mid_source = _mid(sources, qo, measure)
    body = Body(
        outcome=qo.name, randomised=all(s.randomised for s in sources), k=len(sources), participants=participants,
        measure=measure, estimate=re_.estimate, lo=re_.lo, hi=re_.hi, p0=p0, outcome_type=otype, stands_for=stands,
        i2=re_.i2, q_p=re_.q_p, study_cis=tuple((s.relative.lo, s.relative.hi) for s in sources),
        bias=tuple(StudyBias(s.study_name, s.bias, w) for s, w in zip(sources, re_.weights)),
        registered=all(s.registered for s in sources), benefit=b, harm=h, thresholds_from_file=src is not None,
        thresholds_source=src, better=better, mid=mid, mid_source=mid_source,
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
