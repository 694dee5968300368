"""Build Summary of Findings tables from a Library: one per study, or one per comparison of a question.

A question table has one row per question outcome (critical first, then by rank): the body of evidence
for that outcome within the comparison. With one study, that row is the study's. With several, the row
holds the pooled estimate when at least two studies give an estimate with a confidence interval on the
same measure (else it says plainly why not), the certainty judged across the studies, and the per-study
rows as ``members``. Nothing is ever shown as the source's when msvitd computed it: every computation
has a footnote, and what cannot be computed is listed with the reason (``Row.gaps``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from typing import Mapping, Optional, Sequence

from msvitd.grading import body as across
from msvitd.grading.certainty import (
    DOMAIN_LABELS, DOMAINS, RATIOS, Body, StudyBias, default_thresholds, grade, plain_language,
)
from msvitd.grading.plain_language import statement as wording
from msvitd.stats.effects import absolute_effect, nnt_from_rd, or_from_counts, rd_newcombe, rd_wald, rr_from_counts
from msvitd.stats.pooling import pool, to_analysis_scale
from msvitd.stats.pvalues import decimals_of, p_check, p_interval_from_ci
from msvitd.summary.report import (
    Absolute, ArmFigure, ContextLine, Forest, ForestRow, NNTFigure, Relative, Row, Summary, Table,
)

ROLE_ORDER = {"primary": 0, "secondary": 1, "safety": 2, "exploratory": 3, "harm": 4}
IMPORTANCE_ORDER = {"critical": 0, "important": 1, "not_important": 2}


class PoolingRefused(Exception):
    """Studies that must not be combined: different effect measures, or comparisons kept apart."""


# ---------------------------------------------------------------- what an outcome or a harm says


@dataclass(frozen=True)
class OutcomeView:
    """A study outcome or a harm, seen the same way: a harm is a binary outcome with per-arm results only."""

    kind: str  # "outcome" | "harm"
    id: str
    name: str
    role: str
    type: str
    measure: str
    better: str = "lower"
    stands_for: Optional[str] = None
    timepoint: Optional[str] = None
    follow_up_weeks: Optional[float] = None
    arms: Mapping = field(default_factory=dict)
    effect: object = None
    effects: tuple = ()
    significant: Optional[bool] = None
    finding: Optional[str] = None
    nnt: object = None
    thresholds: object = None
    grade: object = None


def view(target) -> OutcomeView:
    if isinstance(target, OutcomeView):
        return target
    if hasattr(target, "measure"):
        return OutcomeView(
            "outcome", target.id, target.name, target.role, target.type, target.measure,
            getattr(target, "better", "lower") or "lower", target.stands_for, target.timepoint,
            target.follow_up_weeks, dict(target.arms), target.effect, tuple(target.effects), target.significant,
            target.finding, target.nnt, target.thresholds, target.grade)
    return OutcomeView("harm", target.id, target.name, "harm", "clinical", "binary", arms=dict(target.arms),
                       finding=target.finding)


# ---------------------------------------------------------------- one study, one outcome


@dataclass(frozen=True)
class StudyOutcome:
    """Everything msvitd knows or computes about one outcome of one study (before grading)."""

    study_id: str
    study_name: str
    outcome: OutcomeView
    arms: tuple[ArmFigure, ...]  # (intervention, comparator)
    relative: Optional[Relative]
    p0: Optional[float]
    participants: Optional[int]
    notes: tuple[str, ...]
    counts: Optional[tuple[int, int, int, int]]  # events/total, intervention then comparator
    bias: Optional[str]
    bias_support: Optional[str]
    registered: bool
    randomised: bool
    limitations: dict
    bias_note: Optional[str] = None
    pair: tuple[str, str] = ("", "")
    intervention: str = "The intervention"  # for plain-language statements: the arm's short label or agent
    gaps: tuple[str, ...] = ()
    conflict: Optional[str] = None  # the estimate and the per-arm figures point different ways (footnote)
    weight: Optional[int] = None  # participants, else randomised or enrolled, for weighting across studies


def _follow_up(outcome) -> Optional[str]:
    if outcome.timepoint:
        return outcome.timepoint
    if outcome.follow_up_weeks:
        return f"{outcome.follow_up_weeks:g} weeks"
    return None


def _num(x: float) -> str:
    return f"{x:g}"


def _cap(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


def _default_pair(study) -> tuple[str, str]:
    i = next((a for a in study.arms if a.role == "intervention"), None)
    c = next((a for a in study.arms if a.role == "comparator"), None)
    ids = [a.id for a in study.arms]
    i_id = i.id if i else (ids[0] if ids else "intervention")
    c_id = c.id if c else next((x for x in ids if x != i_id), "comparator")
    return i_id, c_id


def _arm(study, arm_id: str):
    return next((a for a in study.arms if a.id == arm_id), None)


def _arm_name(study, arm_id: str) -> str:
    arm = _arm(study, arm_id)
    if arm is None:
        return "The intervention"
    return _cap(arm.short_label or arm.agent)


def _arm_figure(study, arm_id: str, result, use_analysed: bool = True) -> tuple[ArmFigure, Optional[str]]:
    arm = _arm(study, arm_id)
    label = arm.label if arm else arm_id
    if result is None:
        return ArmFigure(arm_id, label, None, None, None), None
    total, from_arm = result.total, False
    if total is None and use_analysed and arm is not None and arm.analysed is not None:
        total, from_arm = arm.analysed, True
    events, risk, note = result.events, None, None
    if events is None and result.percent is not None and total:
        d = decimals_of(result.percent)
        centre, half = result.percent * total / 100, total * 0.5 * 10 ** -d / 100 + 2
        first, last = max(0, math.floor(centre - half)), min(total, math.ceil(centre + half))
        if last - first > 10_000:  # so many counts fit that none would be worth back-calculating
            fits = range(first, last + 1)
        else:
            fits = [k for k in range(first, last + 1) if round(100 * k / total, d) == round(result.percent, d)]
        whose = "the arm's analysed count; " if from_arm else ""
        if len(fits) == 1:
            events = fits[0]
            note = (f"{study.name}, {label}: {events} events back-calculated by msvitd from "
                    f"{_num(result.percent)}% of {total} ({whose}the sources give the percentage only).")
        else:
            note = (f"{study.name}, {label}: {_num(result.percent)}% of {total} ({whose}the sources give the "
                    f"percentage only) fits {len(fits)} event counts, so msvitd does not back-calculate one.")
    if events is not None and total:
        risk = events / total
    elif result.percent is not None:
        risk = result.percent / 100
    text = None
    unit = f" {result.unit}" if result.unit else ""
    if result.median is not None:
        text = f"median {_num(result.median)}{unit}"
    elif result.mean is not None:
        text = f"mean {_num(result.mean)}{unit}" + (f" (SD {_num(result.sd)})" if result.sd is not None else "")
    elif result.rate is not None:
        text = f"rate {_num(result.rate)}"
    shown_total = total if (result.total is not None or events is not None) else None
    return ArmFigure(arm_id, label, events, shown_total, risk, note, text, result.percent), note


def _pick_effect(study, o: OutcomeView, arms, others: bool = False
                 ) -> tuple[Optional[object], tuple[str, str], bool, list[str]]:
    """The effect for the arm pair: (effect, pair, inverted, notes). ``arms`` None: the outcome's own.
    With ``others``, a note lists the estimates the study reports for other pairs of arms."""
    default = _default_pair(study)
    effects = [e for e in (o.effect, *o.effects) if e is not None]

    def pair_of(e):
        return tuple(e.arms) if e.arms else default

    notes: list[str] = []
    if arms is None:
        pair = pair_of(o.effect) if o.effect is not None else default
    else:
        pair = tuple(arms)
    eff = next((e for e in effects if pair_of(e) == pair), None)
    inverted = False
    if eff is None:
        eff = next((e for e in effects if pair_of(e) == pair[::-1]), None)
        inverted = eff is not None
    if others:
        for e in [e for e in effects if pair_of(e) not in (pair, pair[::-1]) and e.estimate is not None]:
            a, b = pair_of(e)
            ci = f" ({e.ci[0]:g} to {e.ci[1]:g})" if e.ci else " (CI not reported)"
            notes.append(f"{study.name} also reports {_label(study, a)} vs {_label(study, b)}: {e.measure} "
                         f"{e.estimate:g}{ci}; not used here, the question takes {_label(study, pair[0])} vs "
                         f"{_label(study, pair[1])}.")
    return eff, pair, inverted, notes


def _label(study, arm_id: str) -> str:
    arm = _arm(study, arm_id)
    return arm.label if arm else arm_id


def _participants(study, fi: ArmFigure, fc: ArmFigure, pair, use_study: bool = True
                  ) -> tuple[Optional[int], Optional[int], Optional[str]]:
    """(participants shown, weight, note): the outcome's per-arm totals, else the arms' (or the study's)
    analysed counts, with a note saying so. The weight falls back to randomised, then enrolled.

    A harm counts only the totals its own per-arm results give (a safety population may differ)."""
    if fi.total is not None and fc.total is not None:
        n = fi.total + fc.total
        return n, n, None
    if not use_study:
        return None, None, None
    arms = [_arm(study, a) for a in pair]
    why = (f"{study.name}: {{n}} participants is the number analysed in the study; the sources give no number for "
           f"this outcome.")
    if all(a is not None and a.analysed is not None for a in arms):
        n = sum(a.analysed for a in arms)
        return n, n, why.format(n=n)
    two = len(study.arms) == 2
    pop = study.population
    if two and pop.analysed is not None:
        return pop.analysed, pop.analysed, why.format(n=pop.analysed)
    if all(a is not None and a.randomised is not None for a in arms):
        return None, sum(a.randomised for a in arms), None
    if two:
        return None, pop.randomised if pop.randomised is not None else getattr(pop, "enrolled", None), None
    return None, None, None


def _sign(x: float) -> int:
    return (x > 0) - (x < 0)


def _conflict(study, o: OutcomeView, rel: Optional[Relative], fi: ArmFigure, fc: ArmFigure) -> Optional[str]:
    """A footnote when a reported effect and the per-arm figures point in opposite directions."""
    if rel is None or rel.by != "source" or fi.risk is None or fc.risk is None or fi.risk == fc.risk:
        return None
    if rel.measure in RATIOS:
        eff_dir = _sign(rel.estimate - 1)
    elif rel.measure == "RD":
        eff_dir = _sign(rel.estimate)
    else:
        return None
    risk_dir = _sign(fi.risk - fc.risk)
    if eff_dir == 0 or eff_dir == risk_dir:
        return None

    def pct(f: ArmFigure) -> str:
        return f"{_num(f.percent)}%" if f.percent is not None else f"{100 * f.risk:.1f}%"

    crude = ""
    if rel.measure == "OR" and 0 < fi.risk < 1 and 0 < fc.risk < 1:
        crude = f"; crude OR from the percentages {(fi.risk / (1 - fi.risk)) / (fc.risk / (1 - fc.risk)):.2f}, msvitd arithmetic"
    elif rel.measure in ("RR", "IRR") and fc.risk > 0:
        crude = f"; crude RR from the percentages {fi.risk / fc.risk:.2f}, msvitd arithmetic"
    return (f"{study.name}, {_short(o.name)}: the reported {rel.measure} {rel.estimate:g} points the other way from "
            f"the per-arm figures ({pct(fi)} vs {pct(fc)}{crude}). It may be adjusted, or take the other arm or the "
            f"complement of the outcome as reference; the sources used do not say. msvitd shows the relative effect "
            f"and the two percentages as reported, without an absolute effect or NNT, and does not pool it.")


def study_outcome(study, outcome, arms=None, others: bool = False) -> StudyOutcome:
    """What one study gives for one outcome (or harm) and one pair of arms (default: the outcome's effect's).

    ``others``: note the estimates reported for other pairs of arms (a question picks one pair)."""
    o = view(outcome)
    eff, pair, inverted, notes = _pick_effect(study, o, arms, others)
    i_id, c_id = pair
    gaps: list[str] = []
    fi, ni = _arm_figure(study, i_id, o.arms.get(i_id), use_analysed=o.kind == "outcome")
    fc, nc = _arm_figure(study, c_id, o.arms.get(c_id), use_analysed=o.kind == "outcome")
    notes += [n for n in (ni, nc) if n]
    counts = None
    if None not in (fi.events, fi.total, fc.events, fc.total) and fi.total and fc.total:
        if fi.events <= fi.total and fc.events <= fc.total:
            counts = (fi.events, fi.total, fc.events, fc.total)
        else:
            gaps.append(f"effects from the per-arm counts ({fi.events}/{fi.total} vs {fc.events}/{fc.total}: more "
                        f"events than participants; run `msvitd validate`)")
    relative = None
    li, lc = _label(study, i_id), _label(study, c_id)
    if eff is not None and eff.estimate is not None:
        lo, hi = eff.ci if eff.ci else (None, None)
        p = str(eff.p) if eff.p else None
        if inverted and eff.is_ratio and (eff.estimate <= 0 or (eff.ci and min(eff.ci) <= 0)):
            inverted = False
            relative = None
            gaps.append(f"an effect for {li} vs {lc} (the sources give a {eff.measure} for {lc} vs {li} that is not "
                        f"positive, so msvitd cannot turn it round)")
        elif inverted:
            if eff.is_ratio:
                est, lo, hi = 1 / eff.estimate, (1 / hi if hi else None), (1 / lo if lo else None)
            else:
                est, lo, hi = -eff.estimate, (-hi if hi is not None else None), (-lo if lo is not None else None)
            relative = Relative(eff.measure, est, lo, hi, p, "msvitd", "inverted by msvitd (arms swapped)")
            ci = f" ({eff.ci[0]:g} to {eff.ci[1]:g})" if eff.ci else ""
            notes.append(f"{study.name}: the sources give {eff.measure} {eff.estimate:g}{ci} for {lc} vs {li}; msvitd "
                         f"turned it round to {li} vs {lc}: {eff.measure} {est:.2f}"
                         + (f" ({lo:.2f} to {hi:.2f})." if lo is not None else "."))
        else:
            relative = Relative(eff.measure, eff.estimate, lo, hi, p, "source", eff.method)
        if relative is not None and relative.lo is None:
            gaps.append(f"a confidence interval for the {eff.measure} (not reported in the sources used)")
    elif counts is not None and o.measure in ("binary", "time_to_event"):
        try:
            e = rr_from_counts(*counts)
            relative = Relative("RR", e.estimate, e.lo, e.hi, None, "msvitd", f"risk ratio from counts, {e.method}")
            notes.append(f"{study.name}: no relative effect in the sources; RR {e.estimate:.2f} "
                         f"({e.lo:.2f} to {e.hi:.2f}) computed by msvitd from {counts[0]}/{counts[1]} vs "
                         f"{counts[2]}/{counts[3]} ({e.method}).")
        except ValueError as exc:
            e = rd_newcombe(*counts)
            relative = Relative("RD", e.estimate, e.lo, e.hi, None, "msvitd", f"risk difference from counts, {e.method}")
            notes.append(f"{study.name}: relative effect not estimable from {counts[0]}/{counts[1]} vs "
                         f"{counts[2]}/{counts[3]} ({exc}); risk difference {e.estimate:.2f} ({e.lo:.2f} to "
                         f"{e.hi:.2f}) computed by msvitd ({e.method}).")
    else:
        what = f"no {eff.measure} for {li} vs {lc}" if eff is not None else "no effect estimate"
        if o.measure in ("binary", "time_to_event"):
            why = ", and no per-arm event counts to compute one"
        else:
            why = f"; msvitd computes one only from event counts, and this is a {o.measure.replace('_', ' ')} outcome"
        gaps.append(f"a relative effect ({what} in the sources used{why})")
    participants, weight, n_note = _participants(study, fi, fc, pair, o.kind == "outcome")
    if n_note:
        notes.append(n_note)
    if participants is None:
        gaps.append("the number of participants (not reported in the sources used for these arms)")
    rob = study.risk_of_bias
    bias_note = None
    if rob is not None and rob.outcomes and o.id not in rob.outcomes:
        bias_note = f"The file's {rob.tool} assessment covers {', '.join(rob.outcomes)} only."
        rob = None
    limitations: dict = {}
    for li_ in study.limitations:
        if not li_.outcomes or o.id in li_.outcomes:
            limitations.setdefault(li_.domain, []).append(li_.text)
    notes += _discrepancies(study, o)
    conflict = _conflict(study, o, relative, fi, fc)
    return StudyOutcome(
        study_id=study.id, study_name=study.name, outcome=o, arms=(fi, fc), relative=relative,
        p0=fc.risk, participants=participants, notes=tuple(notes), counts=counts,
        bias=rob.overall.judgement if rob else None, bias_support=rob.overall.support if rob else None,
        registered=bool(study.citation.registration), randomised=bool(study.design.randomised),
        limitations=limitations, bias_note=bias_note, pair=pair, intervention=_arm_name(study, i_id),
        gaps=tuple(gaps), conflict=conflict, weight=weight,
    )


def _words(ident: str) -> str:
    return ident.replace("-", " ").replace("_", " ").lower()


def _discrepancies(study, o: OutcomeView) -> list[str]:
    """The study file's `discrepancies:` about this outcome: those whose `about` names it most closely."""
    names = {}
    for x in (*study.outcomes, *study.harms):
        names[x.id] = {_words(x.id), x.id.lower(), _short(x.name).lower()}
    out = []
    for d in study.discrepancies:
        about = d.about.lower()
        best, who = 0, set()
        for ident, keys in names.items():
            n = max((len(k) for k in keys if len(k) > 3 and k in about), default=0)
            if n > best:
                best, who = n, {ident}
            elif n and n == best:
                who.add(ident)
        if o.id in who:
            out.append(f"{study.name}, where the sources disagree ({d.about}): {'; '.join(d.values)}. The study "
                       f"file uses {d.used}. {d.why.rstrip('.')}.")
    return out


# ---------------------------------------------------------------- absolute effects and NNT


def _computed(counts) -> tuple[Relative, ...]:
    if counts is None:
        return ()
    out = []
    for f, label in ((rr_from_counts, "risk ratio"), (or_from_counts, "odds ratio"), (rd_newcombe, "risk difference")):
        try:
            e = f(*counts)
        except ValueError:
            continue
        out.append(Relative(e.measure, e.estimate, e.lo, e.hi, None, "msvitd", f"{label} from counts, {e.method}"))
    return tuple(out)


def _p_note(name: str, rel: Optional[Relative]) -> Optional[str]:
    """A footnote when the reported P does not match the P implied by the reported CI (statcheck-style)."""
    if rel is None or rel.by != "source" or not rel.p or rel.lo is None or rel.hi is None:
        return None
    try:
        rng = p_interval_from_ci(rel.measure, rel.estimate, rel.lo, rel.hi)
        chk = p_check(rel.p.replace("P", "").strip(), rng)
    except (ValueError, ZeroDivisionError, OverflowError):
        return None
    if chk.consistent:
        return None
    gross = " and falls on the other side of 0.05" if chk.decision_error else ""
    return (f"{name}: the reported {rel.p} does not match the P that msvitd recomputes from "
            f"{rel.measure} {rel.estimate:g} ({rel.lo:g} to {rel.hi:g}): {rng[0]:.2g} to {rng[1]:.2g}{gross}.")


def _absolute(relative: Optional[Relative], p0: Optional[float]) -> Optional[Absolute]:
    if relative is None or p0 is None:
        return None
    try:
        return _absolute_effect(relative, p0)
    except (ValueError, ZeroDivisionError, OverflowError):
        return None  # e.g. a ratio that is not positive: the row says it cannot show an absolute effect


def _absolute_effect(relative: Relative, p0: float) -> Optional[Absolute]:
    if relative.measure in ("HR", "RR", "OR", "IRR"):
        a = absolute_effect(relative.measure if relative.measure != "IRR" else "RR", relative.estimate,
                            relative.lo, relative.hi, p0)
        return Absolute(a.comparator_per_1000, a.intervention_per_1000, a.difference_per_1000, a.difference_lo,
                        a.difference_hi, a.basis)
    if relative.measure == "RD":
        k = 1000 if abs(relative.estimate) <= 1 else 10  # a proportion, or percentage points
        return Absolute(1000 * p0, 1000 * p0 + k * relative.estimate, k * relative.estimate,
                        None if relative.lo is None else k * relative.lo,
                        None if relative.hi is None else k * relative.hi, "risk difference")
    return None


def _nnt_fig(n, by: str, method: str, **kw) -> NNTFigure:
    return NNTFigure(n.kind, n.value, n.lo, n.hi, n.crosses, n.benefit_bound, n.harm_bound, by, method, **kw)


def _same(a: Optional[float], b: Optional[float], d: int) -> bool:
    return a is not None and b is not None and math.isfinite(b) and round(a, d) == round(b, d)


def _nnt(so: Optional[StudyOutcome], absolute: Optional[Absolute], reported,
         better: str = "lower") -> tuple[Optional[NNTFigure], list[str]]:
    notes: list[str] = []
    bad = better != "higher"
    candidates = []
    if so is not None and so.counts is not None:
        w = rd_wald(*so.counts)
        candidates.append(("Wald risk difference from counts", nnt_from_rd(w.estimate, w.lo, w.hi, bad)))
        nw = rd_newcombe(*so.counts)
        candidates.append(("Newcombe (Wilson) risk difference from counts",
                           nnt_from_rd(nw.estimate, nw.lo, nw.hi, bad)))
    if absolute is not None and absolute.difference and absolute.lo is not None:
        candidates.append((f"relative effect applied to the comparator risk ({absolute.basis})",
                           nnt_from_rd(absolute.difference / 1000, absolute.lo / 1000, absolute.hi / 1000, bad)))
    if reported is None:
        if not candidates:
            return None, notes
        # The GRADE absolute effect is what the table shows; prefer it, else counts (Newcombe).
        use_abs = absolute is not None and absolute.lo is not None and absolute.difference
        method, n = candidates[-1] if use_abs else candidates[1]
        return _nnt_fig(n, "msvitd", method), notes
    d = max(decimals_of(reported.value), *(decimals_of(x) for x in (reported.ci or ())))
    lo, hi = reported.ci if reported.ci else (None, None)
    match = None
    for method, n in candidates:
        if n.kind != "benefit" or n.crosses or not _same(reported.value, n.value, d):
            continue
        if reported.ci is None or (_same(lo, n.lo, d) and _same(hi, n.hi, d)):
            match = (method, n)
            break
    ci = f" ({lo:.{d}f} to {hi:.{d}f})" if reported.ci else ""
    if match:
        note = (f"The reported NNT {reported.value:.{d}f}{ci} is reproduced by msvitd to its printed precision "
                f"with the {match[0]}.")
        others = [f"{m}: {_nnt_text(n, d)}" for m, n in candidates if m != match[0]]
        if others:
            note += " Other methods give " + "; ".join(others) + "."
    elif candidates:
        note = (f"The reported NNT {reported.value:.{d}f}{ci} could not be reproduced by msvitd: "
                + "; ".join(f"{m} gives {_nnt_text(n, d)}" for m, n in candidates) + ".")
    else:
        note = f"The reported NNT {reported.value:.{d}f}{ci} cannot be checked: no counts or comparator risk."
    notes.append(note)
    fig = NNTFigure("benefit", reported.value, lo, hi, False, None, None, "source",
                    match[0] if match else "as reported", reproduced=bool(match), note=note)
    return fig, notes


def _nnt_text(n, d: int = 1) -> str:
    word = "NNTB" if n.kind == "benefit" else "NNTH" if n.kind == "harm" else "NNT"
    if n.value == math.inf:
        return "NNT ∞ (no difference)"
    if n.crosses:
        b = "∞" if n.benefit_bound == math.inf else f"NNTB {n.benefit_bound:.{d}f}"
        h = "∞" if n.harm_bound == math.inf else f"NNTH {n.harm_bound:.{d}f}"
        return f"{word} {n.value:.{d}f} ({b} to ∞ to {h})"
    return f"{word} {n.value:.{d}f} ({n.lo:.{d}f} to {n.hi:.{d}f})" if n.lo is not None else f"{word} {n.value:.{d}f}"


# ---------------------------------------------------------------- grading


def _given(grades, by: str = "file") -> dict:
    out = {}
    if grades is None:
        return out
    for domain in (*DOMAINS, "upgrade"):
        j = getattr(grades, domain)
        if j is not None:
            out[domain] = (j.rating, j.reason, by)
    return out


def _short(name: str) -> str:
    # Statements read better without the parenthetical definition: "Disease activity (relapse and/or ...)".
    return re.sub(r"\s*\([^)]*\)", "", name).strip() or name


def _direction(so: StudyOutcome) -> Optional[str]:
    fi, fc = so.arms
    vals = []
    for f in (fi, fc):
        m = re.match(r"(?:median|mean|rate) (-?[\d.]+)", f.text or "")
        vals.append(float(m.group(1)) if m else (f.risk if f.risk is not None else None))
    if None in vals or vals[0] == vals[1]:
        return None
    return "increase" if vals[0] > vals[1] else "decrease"


def _lower(text: str) -> str:
    return text[0].lower() + text[1:] if len(text) > 1 and text[1:2].islower() else text


def _statement(body: Body, certainty, intervention: str, name: str) -> str:
    outcome = _lower(_short(name))
    if body.estimate is None and certainty.level != "very_low":
        if body.significant and body.direction is None:
            return (f"The sources report a significant difference in {outcome} but give no numbers; msvitd cannot "
                    f"state its size or direction.")
        if body.significant is False and (body.lo is None or body.hi is None):
            return (f"The sources report no significant difference in {outcome} but no confidence interval; msvitd "
                    f"cannot say whether {_lower(intervention)} makes little or no difference.")
        if body.significant is None:
            if body.no_numbers:
                return f"The sources give no numbers for {outcome}; msvitd cannot state an effect."
            return (f"The sources give no effect estimate or test for {outcome}; msvitd cannot say whether "
                    f"{_lower(intervention)} makes a difference.")
    return plain_language(body, certainty, intervention, _short(name))


class Footnotes:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, text: str) -> int:
        if text not in self.items:
            self.items.append(text)
        return self.items.index(text) + 1


WHO = {"file": "judged in the evidence file", "question": "judged in the question file", "msvitd": "suggested by msvitd"}


def _judgement_notes(certainty, book: Footnotes, prefix: str = "", who: Optional[dict] = None) -> list[int]:
    who = {**WHO, **(who or {})}
    refs = []
    for j in certainty.judgements:
        if j.domain == "upgrade" or j.steps:
            label = DOMAIN_LABELS[j.domain] if not prefix else DOMAIN_LABELS[j.domain].lower()
            refs.append(book.add(f"{prefix}{label}: {j.label}, {who[j.by]}. {j.reason}"))
    return refs


# ---------------------------------------------------------------- one row from one study


def _thresholds(o: OutcomeView, qo=None) -> tuple[float, float, Optional[str]]:
    if qo is not None and getattr(qo, "thresholds", None) is not None:
        return qo.thresholds.benefit, qo.thresholds.harm, "set in the question file"
    if o.thresholds is not None:
        return o.thresholds.benefit, o.thresholds.harm, "set in the file"
    b, h = default_thresholds(o.better)
    return b, h, None


def _study_body(so: StudyOutcome, qo=None) -> Body:
    o = so.outcome
    rel = so.relative
    b, h, src = _thresholds(o, qo)
    no_numbers = rel is None and all(f.risk is None and f.text is None for f in so.arms)
    return Body(
        outcome=o.name, randomised=so.randomised, k=1, participants=so.participants,
        measure=rel.measure if rel else None, estimate=rel.estimate if rel else None,
        lo=rel.lo if rel else None, hi=rel.hi if rel else None, p0=so.p0,
        benefit=b, harm=h, thresholds_from_file=src is not None, thresholds_source=src,
        outcome_type=o.type, stands_for=o.stands_for,
        bias=(StudyBias(so.study_name, so.bias, 100.0, so.bias_support),) if so.bias else (),
        registered=so.registered, limitations=so.limitations, no_numbers=no_numbers, bias_note=so.bias_note,
        significant=o.significant, direction=_direction(so), better=o.better, direction_unclear=so.conflict is not None,
    )


def _row_from_study(so: StudyOutcome, role: str, intervention: Optional[str], book: Footnotes,
                    name: Optional[str] = None, outcome_id: Optional[str] = None, *, qo=None, level: str = "body",
                    extra_notes: Sequence[str] = (), fit: Sequence[str] = (), in_question: bool = False) -> Row:
    o = so.outcome
    rel = so.relative
    intervention = intervention or so.intervention
    body = _study_body(so, qo)
    given = _given(o.grade, "file")
    if qo is not None:
        given.update(_given(getattr(qo, "grade", None), "question"))
    suggested = {}
    if fit and "indirectness" not in given:
        base = grade(body).judgement("indirectness")
        rating = base.rating if base.steps >= 1 else "serious"
        suggested["indirectness"] = replace(base, rating=rating, reason=base.reason.rstrip(".")
                                            + f"; and the study differs from the comparison: {', '.join(fit)}.")
    certainty = grade(body, given, suggested)
    absolute = None if so.conflict else _absolute(rel, so.p0)
    gaps = list(so.gaps)
    absolute_note = None
    fi, fc = so.arms if len(so.arms) == 2 else (None, None)
    notes: list[str] = []
    if so.conflict:
        absolute_note = "no absolute effect or NNT: the effect and the percentages point different ways"
        nnt, nnt_notes = None, []
        notes.append(so.conflict)
    else:
        if absolute is None and rel is None and fi is not None and fi.risk is not None and fc.risk is not None:
            absolute = Absolute(1000 * fc.risk, 1000 * fi.risk, 1000 * (fi.risk - fc.risk), None, None,
                                "difference of the per-arm risks")
            notes.append(f"{_short(o.name)} ({so.study_name}): {_per_1000_text(absolute.difference)} per 1000 is "
                         f"msvitd's arithmetic from {_pct(fi)} vs {_pct(fc)}; no confidence interval (no per-arm "
                         f"counts in the sources used).")
        nnt, nnt_notes = _nnt(so, absolute, o.nnt, o.better)
        if absolute is None:
            if so.p0 is None and rel is not None:
                gaps.append("an absolute effect (no comparator risk: no per-arm proportion in the sources used)")
            elif rel is not None and rel.measure not in RATIOS and rel.measure != "RD":
                gaps.append(f"an absolute effect (a {rel.measure} has no risk to apply it to)")
        if nnt is None and absolute is not None and rel is None:
            gaps.append("an NNT (the difference has no confidence interval)")
    who = {"file": "judged in the study file"} if in_question else None
    prefix = f"{so.study_name}, " if in_question else ""
    refs = _judgement_notes(certainty, book, prefix, who)
    p_note = _p_note(_short(o.name), rel)
    mine = [*nnt_notes, *([p_note] if p_note else [])]
    if in_question:
        mine = [f"{so.study_name}: {n[0].lower() + n[1:] if n.startswith('The ') else n}" for n in mine]
    for note in (*extra_notes, *so.notes, *notes, *mine):
        refs.append(book.add(note))
    if fit:
        refs.append(book.add(f"{so.study_name} and this comparison: {', '.join(fit)}."))
    if rel is not None and rel.by == "source" and absolute is not None and rel.measure == "HR" and fi is not None:
        if fi.risk is not None:
            who = f"{so.study_name}, {_lower(_short(o.name))}" if in_question else _short(o.name)
            refs.append(book.add(
                f"{who}: risk with intervention from the hazard ratio, 1 − (1 − comparator risk)^HR, as "
                f"GRADE applies it: {absolute.intervention:.0f} per 1000 (the arm's observed risk was "
                f"{1000 * fi.risk:.0f} per 1000)."))
    if gaps:
        who = f"{so.study_name}: msvitd" if in_question else "msvitd"
        refs.append(book.add(f"{who} cannot show " + "; ".join(gaps) + "."))
    refs = sorted(dict.fromkeys(refs))
    shown_name = name or o.name
    return Row(
        outcome_id=outcome_id or o.id, name=shown_name, role=role, follow_up=_follow_up(o),
        participants=so.participants, studies=1, study_ids=(so.study_id,), outcome_type=o.type,
        stands_for=o.stands_for, relative=rel, arms=so.arms, absolute=absolute, nnt=nnt, certainty=certainty,
        statement=_statement(body, certainty, intervention, o.name), finding=o.finding, footnotes=tuple(refs),
        computed=_computed(so.counts), level=level, gaps=tuple(gaps), study_name=so.study_name,
        measured=o.name if shown_name != o.name else None, better=o.better, absolute_note=absolute_note,
    )


def _pct(f: ArmFigure) -> str:
    return f"{_num(f.percent)}%" if f.percent is not None else f"{100 * f.risk:.1f}%"


def _per_1000_text(x: float) -> str:
    return f"{abs(x):.0f} {'fewer' if x < 0 else 'more'}" if round(x) != 0 else "0 fewer"


# ---------------------------------------------------------------- a study's table


def _intervention_name(study) -> str:
    arm = next((a for a in study.arms if a.role == "intervention"), None)
    return _cap(arm.short_label or arm.agent) if arm else "The intervention"


def _pairs(study, o) -> list[Optional[tuple[str, str]]]:
    """Arm pairs to show for an outcome: one row per distinct pair when a study reports several."""
    default = _default_pair(study)
    pairs = []
    for e in (o.effect, *o.effects):
        if e is None:
            continue
        p = tuple(e.arms) if e.arms else default
        if p not in pairs:
            pairs.append(p)
    return pairs if len(pairs) > 1 else [None]


def study_table(study) -> Table:
    book = Footnotes()
    outcomes = sorted(enumerate(study.outcomes), key=lambda t: (ROLE_ORDER.get(t[1].role, 9), t[0]))
    rows = []
    for _, o in outcomes:
        for pair in _pairs(study, o):
            so = study_outcome(study, o, pair)
            name = o.name if pair is None else f"{o.name}: {_label(study, pair[0])} vs {_label(study, pair[1])}"
            rows.append(_row_from_study(so, o.role, None, book, name))
    for h in study.harms:
        so = study_outcome(study, h)
        rows.append(_row_from_study(so, "harm", None, book))
    pop = study.population
    interventions = [a.label for a in study.arms if a.role == "intervention"]
    comparators = [a.label for a in study.arms if a.role == "comparator"]
    i_text = " or ".join(interventions) or study.arms[0].label
    c_text = " or ".join(comparators) or study.arms[-1].label
    return Table(
        id=study.id, title=f"{study.name}: {i_text} compared with {c_text}",
        population=pop.description or pop.condition, setting=pop.setting or (", ".join(study.design.countries) or None),
        intervention=i_text, comparator=c_text, rows=tuple(rows), footnotes=tuple(book.items), kind="study",
    )


# ---------------------------------------------------------------- pooling across studies


def _describe(comp) -> str:
    bits = [comp.label]
    extra = [x for x in (comp.therapy and comp.therapy.replace("_", "-"), comp.comparator_type and
                         comp.comparator_type.replace("_", "-") + " comparator",
                         "/".join(comp.stages) if comp.stages else None) if x]
    return bits[0] + (f": {', '.join(extra)}" if extra else "")


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
        what = "; ".join(f"{s.study_name}: {_short(s.outcome.name)}, {s.outcome.better} is better" for s in sources)
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


def _result(so: StudyOutcome, row: Row, fit: Sequence[str] = ()) -> across.StudyResult:
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
        d = None if so.conflict else _direction(so)
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


def _question_given(qo) -> dict:
    return _given(getattr(qo, "grade", None), "question")


def _head(text: str) -> str:
    """"high-dose vitamin D3 (a daily ...), alone or ..." -> "High-dose vitamin D3"."""
    return _cap(re.split(r"\s*[(,;:]", text, maxsplit=1)[0].strip() or text)


def _body_intervention(sources: Sequence[StudyOutcome], question) -> str:
    names = {s.intervention for s in sources}
    if len(names) == 1:
        return names.pop()
    return _head(question.intervention) if question is not None else "The intervention"


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
    absolute = _absolute(rel, p0)
    participants = sum(s.participants for s in sources) if all(s.participants for s in sources) else None
    better = sources[0].outcome.better
    types = {s.outcome.type for s in sources}
    otype = "surrogate" if "surrogate" in types else ("composite" if "composite" in types else "clinical")
    stands = next((s.outcome.stands_for for s in sources if s.outcome.stands_for), None)
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
    certainty = grade(body, _question_given(qo), suggested)
    refs = _judgement_notes(certainty, book)
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
    nnt, _ = _nnt(None, absolute, None, better)
    follow = {f for f in (_follow_up(s.outcome) for s in sources) if f}
    return Row(
        outcome_id=qo.id, name=qo.name, role=qo.importance, follow_up="; ".join(sorted(follow)) or None,
        participants=participants, studies=len(sources), study_ids=tuple(s.study_id for s in sources),
        outcome_type=otype, stands_for=stands, relative=rel, arms=(), absolute=absolute, nnt=nnt,
        certainty=certainty, statement=_statement(body, certainty, intervention, qo.name), finding=None,
        footnotes=tuple(refs), forest=forest, members=tuple(members), better=better,
        participants_partial=participants is None,
    )


def _unpooled_row(qo, sos: Sequence[StudyOutcome], members: Sequence[Row], results: Sequence[across.StudyResult],
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
    types = {s.outcome.type for s in sos}
    otype = "surrogate" if "surrogate" in types else ("composite" if "composite" in types else "clinical")
    stands = next((s.outcome.stands_for for s in sos if s.outcome.stands_for), None)
    body = Body(outcome=qo.name, randomised=all(s.randomised for s in sos), k=k, participants=participants,
                outcome_type=otype, stands_for=stands, registered=all(s.registered for s in sos),
                no_numbers=not any(r.has_numbers for r in results))
    certainty = grade(body, _question_given(qo), suggested)
    refs = [book.add(f"{qo.name}: {reason}.")]
    refs += _judgement_notes(certainty, book)
    follow = [f for f in dict.fromkeys(_follow_up(s.outcome) for s in sos) if f]
    finding = "; ".join(f"{r.name}: {r.verdict_text}" for r in results)
    return Row(
        outcome_id=qo.id, name=qo.name, role=qo.importance, follow_up="; ".join(follow) or None,
        participants=participants, studies=k, study_ids=tuple(s.study_id for s in sos), outcome_type=otype,
        stands_for=stands, relative=None, arms=(), absolute=None, nnt=None, certainty=certainty,
        statement=_body_statement(certainty, results, intervention, qo.name), finding=finding,
        footnotes=tuple(refs), refused=reason, members=tuple(members),
        participants_partial=len(known) < k,
        gaps=("no pooled estimate: " + reason.removeprefix("not pooled: "),),
    )


def _body_statement(certainty, results: Sequence[across.StudyResult], intervention: str, name: str) -> str:
    """A plain-language statement for studies shown side by side (GRADE's wording where it applies)."""
    outcome = _short(name)
    if certainty.level == "very_low":
        return wording("very_low", "important", intervention, outcome)
    known = [r for r in results if r.verdict is not None]
    kinds = {r.verdict for r in known}
    if not known:
        return f"No study gives a result msvitd can summarise for {_lower(outcome)}."
    if not any(r.has_ci for r in results):
        found = "; ".join(f"{r.name}: {r.verdict_text.split(' (')[0]}" for r in known)
        return (f"No study gives a confidence interval ({found}); msvitd cannot say whether or how much "
                f"{_lower(intervention)} changes {_lower(outcome)}.")
    if kinds == {"none"}:
        return wording(certainty.level, "trivial", intervention, outcome)
    if len(kinds) == 1:
        texts = {r.verdict_text.split(",")[0].split(" (")[0] for r in known}
        direction = "decrease" if all("reduction" in t for t in texts) else "increase" if all(
            "increase" in t for t in texts) else None
        if direction:
            return wording(certainty.level, "important", intervention, outcome, direction)
    found = "; ".join(f"{r.name}: {r.verdict_text.split(', ')[0].split(' (')[0]}" for r in known)
    return f"The studies' results differ ({found}); msvitd does not combine them."


# ---------------------------------------------------------------- a question's tables


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


def _plots(qo, sos: Sequence[StudyOutcome], pooled: Optional[Row], reason: Optional[str] = None) -> list[Forest]:
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
            notes.append(" and ".join(_lower(_short(s.outcome.name)) for s in group) + ": higher is better")
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


def _question_outcome(question, qo, found, book: Footnotes, comparison_of, comparisons,
                      sub: Footnotes) -> tuple[Row, list[Forest]]:
    """The body-of-evidence row for one question outcome in one comparison (footnotes in ``book``), with the
    per-study rows as members (their footnotes in ``sub``), and the forest plots of what is not pooled."""
    sos = [so for _, so, _ in found]
    if len(found) == 1:
        src, so, fit = found[0]
        extra = [f"Question file, on {so.study_name}: {src.note}"] if src.note else []
        row = _row_from_study(so, qo.importance, None, book, qo.name, qo.id, qo=qo, extra_notes=extra,
                              fit=_mismatch(fit), in_question=True)
        unknown = [f for f in fit if f not in _mismatch(fit)]
        if unknown:
            ref = book.add(f"{so.study_name} and this comparison: {', '.join(unknown)}.")
            row = replace(row, footnotes=tuple(sorted({*row.footnotes, ref})))
        row = replace(row, measured=so.outcome.name if so.outcome.name != qo.name else None)
        return row, _plots(qo, sos, None)
    members, results = [], []
    for src, so, fit in found:
        extra = [f"Question file, on {so.study_name}: {src.note}"] if src.note else []
        r = _row_from_study(so, qo.importance, None, sub, so.study_name, qo.id, level="study", extra_notes=extra,
                            fit=_mismatch(fit), in_question=True)
        unknown = [f for f in fit if f not in _mismatch(fit)]
        if unknown:
            ref = sub.add(f"{so.study_name} and this comparison: {', '.join(unknown)}.")
            r = replace(r, footnotes=tuple(sorted({*r.footnotes, ref})))
        members.append(replace(r, measured=so.outcome.name))
        results.append(_result(so, r, _mismatch(fit)))
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
            return row, _plots(qo, sos, row)
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
        row = _unpooled_row(qo, sos, members, results, reason, intervention, book)
        return row, _plots(qo, sos, None, reason)


# ---------------------------------------------------------------- entry point


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
