"""One study, one outcome: everything msvitd knows or computes about it before grading (``StudyOutcome``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from msvitd.grading.mid import outcome_mid
from msvitd.stats.effects import rd_newcombe, rr_from_counts
from msvitd.summary.arm_figures import arm_figure, conflict_note, count_participants
from msvitd.summary.raw_effects import RawData, raw_data, relative_from_raw
from msvitd.summary.report import ArmFigure, Relative
from msvitd.summary.selection import OutcomeView, arm_label, arm_name, find_arm, pick_effect, view
from msvitd.summary.wording import short


@dataclass(frozen=True)
class StudyOutcome:
    """Everything msvitd knows or computes about one outcome of one study (before grading)."""

    study_id: str
    study_name: str
    outcome: OutcomeView
    arms: tuple[ArmFigure, ...]  # (intervention, comparator)
    relative: Optional[Relative]
    participants: Optional[int]
    notes: tuple[str, ...]
    counts: Optional[tuple[int, int, int, int]]  # events/total, intervention then comparator
    bias: Optional[str]
    bias_support: Optional[str]
    registered: bool
    randomised: bool
    limitations: dict
    bias_note: Optional[str] = None
    intervention: str = "The intervention"  # for plain-language statements: the arm's short label or agent
    gaps: tuple[str, ...] = ()
    conflict: Optional[str] = None  # the estimate and the per-arm figures point different ways (footnote)
    weight: Optional[int] = None  # participants, else randomised or enrolled, for weighting across studies
    raw: Optional[RawData] = None  # per-arm data msvitd can compute effects from (counts, means, rates)
    computed_note: Optional[str] = None  # the footnote on an effect msvitd computed (replaced when recomputed)
    target: object = None  # the study's outcome (or harm) model: its scale and MID
    inverted: bool = False  # the relative effect is the source's, turned round

    @property
    def p0(self) -> Optional[float]:
        """The comparator risk: the comparator arm's."""
        return self.arms[1].risk

    def mid_for(self, qo=None) -> tuple[Optional[float], Optional[str]]:
        """The minimal important difference (and its source) for this outcome, the question's first."""
        return outcome_mid(self.target, qo) if self.target is not None else (None, None)


def study_outcome(study, outcome, arms=None, others: bool = False) -> StudyOutcome:
    """What one study gives for one outcome (or harm) and one pair of arms (default: the outcome's effect's).

    ``others``: note the estimates reported for other pairs of arms (a question picks one pair)."""
    o = view(outcome)
    eff, pair, inverted, notes = pick_effect(study, o, arms, others)
    i_id, c_id = pair
    gaps: list[str] = []
    fi, ni = arm_figure(study, i_id, o.arms.get(i_id), use_analysed=o.kind == "outcome")
    fc, nc = arm_figure(study, c_id, o.arms.get(c_id), use_analysed=o.kind == "outcome")
    notes += [n for n in (ni, nc) if n]
    counts = None
    if None not in (fi.events, fi.total, fc.events, fc.total) and fi.total and fc.total:
        if fi.events <= fi.total and fc.events <= fc.total:
            counts = (fi.events, fi.total, fc.events, fc.total)
        else:
            gaps.append(f"effects from the per-arm counts ({fi.events}/{fi.total} vs {fc.events}/{fc.total}: more "
                        f"events than participants; run `msvitd validate`)")
    relative = None
    computed_note = None
    raw = raw_data(o, counts, pair, lambda a: find_arm(study, a))
    li, lc = arm_label(study, i_id), arm_label(study, c_id)
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
    else:
        relative, computed_note, more_notes, more_gaps = _from_arms(study, o, eff, counts, raw, li, lc)
        notes += more_notes
        gaps += more_gaps
    participants, weight, n_note = count_participants(study, fi, fc, pair, o.kind == "outcome")
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
    conflict = conflict_note(study, o, relative, fi, fc)
    return StudyOutcome(
        study_id=study.id, study_name=study.name, outcome=o, arms=(fi, fc), relative=relative,
        participants=participants, notes=tuple(notes), counts=counts,
        bias=rob.overall.judgement if rob else None, bias_support=rob.overall.support if rob else None,
        registered=bool(study.citation.registration), randomised=bool(study.design.randomised),
        limitations=limitations, bias_note=bias_note, intervention=arm_name(study, i_id),
        gaps=tuple(gaps), conflict=conflict, weight=weight, raw=raw, computed_note=computed_note, target=outcome,
        inverted=bool(relative is not None and relative.by == "msvitd" and inverted),
    )


def _from_arms(study, o, eff, counts, raw, li: str, lc: str):
    """No estimate in the sources: (relative, computed note, notes, gaps) from the per-arm data, or the gap."""
    relative = computed_note = None
    notes: list[str] = []
    gaps: list[str] = []
    if counts is not None and o.measure in ("binary", "time_to_event"):
        try:
            e = rr_from_counts(*counts)
            relative = Relative("RR", e.estimate, e.lo, e.hi, None, "msvitd", f"risk ratio from counts, {e.method}")
            computed_note = (f"{study.name}: no relative effect in the sources; RR {e.estimate:.2f} "
                             f"({e.lo:.2f} to {e.hi:.2f}) computed by msvitd from {counts[0]}/{counts[1]} vs "
                             f"{counts[2]}/{counts[3]} ({e.method}).")
            notes.append(computed_note)
        except ValueError as exc:
            e = rd_newcombe(*counts)
            relative = Relative("RD", e.estimate, e.lo, e.hi, None, "msvitd", f"risk difference from counts, {e.method}")
            notes.append(f"{study.name}: relative effect not estimable from {counts[0]}/{counts[1]} vs "
                         f"{counts[2]}/{counts[3]} ({exc}); risk difference {e.estimate:.2f} ({e.lo:.2f} to "
                         f"{e.hi:.2f}) computed by msvitd ({e.method}).")
    elif raw is not None:
        try:
            relative, computed_note = relative_from_raw(raw, raw.measures[0])
            computed_note = f"{study.name}: {computed_note}"
            notes.append(computed_note)
        except ValueError as exc:  # e.g. no events in either arm: say so, never a number
            gaps.append(f"a relative effect (from {raw.describe()}: {exc})")
    else:
        what = f"no {eff.measure} for {li} vs {lc}" if eff is not None else "no effect estimate"
        if o.measure in ("binary", "time_to_event"):
            why = ", and no per-arm event counts to compute one"
        elif o.measure == "rate":
            why = ", and no per-arm events (or rates) with person-time to compute one"
        else:
            why = ", and no per-arm means with SDs and numbers analysed to compute one"
        gaps.append(f"a relative effect ({what} in the sources used{why})")
    return relative, computed_note, notes, gaps


def _words(ident: str) -> str:
    return ident.replace("-", " ").replace("_", " ").lower()


def _discrepancies(study, o: OutcomeView) -> list[str]:
    """The study file's `discrepancies:` about this outcome: those whose `about` names it most closely."""
    names = {}
    for x in (*study.outcomes, *study.harms):
        names[x.id] = {_words(x.id), x.id.lower(), short(x.name).lower()}
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


def arm_direction(so: StudyOutcome) -> Optional[str]:
    fi, fc = so.arms
    vals = []
    for f in (fi, fc):
        m = re.match(r"(?:median|mean|rate) (-?[\d.]+)", f.text or "")
        vals.append(float(m.group(1)) if m else (f.risk if f.risk is not None else None))
    if None in vals or vals[0] == vals[1]:
        return None
    return "increase" if vals[0] > vals[1] else "decrease"
