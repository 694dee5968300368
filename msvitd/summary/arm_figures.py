"""What each arm shows for an outcome (events, risk, participants; events back-calculated from a
percentage only when one count fits), and the footnote when a reported estimate and the per-arm figures
point different ways."""

from __future__ import annotations

import math
from typing import Optional

from msvitd.grading.certainty import RATIOS
from msvitd.stats.pvalues import decimals_of
from msvitd.summary.report import ArmFigure, Relative
from msvitd.summary.selection import OutcomeView, find_arm
from msvitd.summary.wording import num, pct, short


def arm_figure(study, arm_id: str, result, use_analysed: bool = True) -> tuple[ArmFigure, Optional[str]]:
    arm = find_arm(study, arm_id)
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
                    f"{num(result.percent)}% of {total} ({whose}the sources give the percentage only).")
        else:
            note = (f"{study.name}, {label}: {num(result.percent)}% of {total} ({whose}the sources give the "
                    f"percentage only) fits {len(fits)} event counts, so msvitd does not back-calculate one.")
    if events is not None and total:
        risk = events / total
    elif result.percent is not None:
        risk = result.percent / 100
    text = None
    unit = f" {result.unit}" if result.unit else ""
    if result.median is not None:
        text = f"median {num(result.median)}{unit}"
    elif result.mean is not None:
        text = f"mean {num(result.mean)}{unit}" + (f" (SD {num(result.sd)})" if result.sd is not None else "")
    elif result.rate is not None:
        text = f"rate {num(result.rate)}"
    shown_total = total if (result.total is not None or events is not None) else None
    return ArmFigure(arm_id, label, events, shown_total, risk, note, text, result.percent), note


def count_participants(study, fi: ArmFigure, fc: ArmFigure, pair, use_study: bool = True
                       ) -> tuple[Optional[int], Optional[int], Optional[str]]:
    """(participants shown, weight, note): the outcome's per-arm totals, else the arms' (or the study's)
    analysed counts, with a note saying so. The weight falls back to randomised, then enrolled.

    A harm counts only the totals its own per-arm results give (a safety population may differ)."""
    if fi.total is not None and fc.total is not None:
        n = fi.total + fc.total
        return n, n, None
    if not use_study:
        return None, None, None
    arms = [find_arm(study, a) for a in pair]
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


def conflict_note(study, o: OutcomeView, rel: Optional[Relative], fi: ArmFigure, fc: ArmFigure) -> Optional[str]:
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
    crude = ""
    if rel.measure == "OR" and 0 < fi.risk < 1 and 0 < fc.risk < 1:
        crude = f"; crude OR from the percentages {(fi.risk / (1 - fi.risk)) / (fc.risk / (1 - fc.risk)):.2f}, msvitd arithmetic"
    elif rel.measure in ("RR", "IRR") and fc.risk > 0:
        crude = f"; crude RR from the percentages {fi.risk / fc.risk:.2f}, msvitd arithmetic"
    return (f"{study.name}, {short(o.name)}: the reported {rel.measure} {rel.estimate:g} points the other way from "
            f"the per-arm figures ({pct(fi)} vs {pct(fc)}{crude}). It may be adjusted, or take the other arm or the "
            f"complement of the outcome as reference; the sources used do not say. msvitd shows the relative effect "
            f"and the two percentages as reported, without an absolute effect or NNT, and does not pool it.")
