"""The handbook's imprecision rule checked against a study file's own judgement, for `msvitd validate`.

An outcome's reported estimate with its CI (else a risk ratio from exact per-arm counts) is judged against
the file's thresholds (GRADE's 0.75 and 1.25 by default) or its minimal important difference; a written
``imprecision`` rating less severe than the rule gives is reported (the summary applies the rule).
"""

from __future__ import annotations

from typing import Optional

from msvitd.grading.imprecision import default_thresholds, handbook_imprecision
from msvitd.grading.mid import outcome_mid
from msvitd.grading.types import RATING_LABELS, Body, Judgement
from msvitd.stats.escalc import risk_ratio


def _interval(study, outcome) -> Optional[tuple[str, float, float, float]]:
    eff = outcome.effect
    if eff is not None and eff.estimate is not None and eff.ci is not None:
        if eff.arms is None or eff.arms[0] == study.intervention.id:
            return eff.measure, eff.estimate, eff.ci[0], eff.ci[1]
        return None
    i, c = outcome.arms.get(study.intervention.id), outcome.arms.get(study.comparator.id)
    if i is None or c is None or None in (i.events, i.total, c.events, c.total):
        return None
    try:
        return ("RR", *risk_ratio(i.events, i.total, c.events, c.total).natural())
    except ValueError:
        return None


def file_contradiction(study, outcome) -> Optional[str]:
    """A one-line message when the file's imprecision rating is less severe than the handbook's rule."""
    grade = outcome.grade
    if grade is None or grade.imprecision is None:
        return None
    got = _interval(study, outcome)
    if got is None:
        return None
    measure, est, lo, hi = got
    if outcome.thresholds is not None:
        b, h = outcome.thresholds.benefit, outcome.thresholds.harm
    else:
        b, h = default_thresholds(outcome.better)
    mid, mid_source = outcome_mid(outcome, None)
    body = Body(outcome=outcome.name, measure=measure, estimate=est, lo=lo, hi=hi, benefit=b, harm=h,
                better=outcome.better, mid=mid, mid_source=mid_source)
    given = Judgement("imprecision", grade.imprecision.rating, grade.imprecision.reason, "file")
    used = handbook_imprecision(body, given)
    if used.file_rating is None:
        return None
    computed = " (risk ratio from the per-arm counts, msvitd)" if outcome.effect is None or \
        outcome.effect.estimate is None else ""
    return (f"imprecision rated {RATING_LABELS[given.rating].split(' (')[0]} but {measure} {est:.2f} "
            f"({lo:.2f} to {hi:.2f}){computed} gives {RATING_LABELS[used.rating].split(' (')[0]} by the GRADE "
            f"handbook's thresholds ({'MID ' + format(mid, 'g') if mid and measure not in ('HR', 'RR', 'OR', 'IRR') else f'{b:g} and {h:g}'}); "
            f"`msvitd summarize` uses {RATING_LABELS[used.rating].split(' (')[0]}")
