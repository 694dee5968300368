"""Effects from 2x2 counts and absolute effects from a ratio: RR, OR, RD, per-1000 and NNT.

Conventions: arm 1 is the intervention, arm 2 the comparator; a risk difference is
risk(intervention) - risk(comparator), so a negative RD means fewer events with the intervention.
Ratios are intervention / comparator. Intervals are 95% unless ``level`` says otherwise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

from msvitd.stats.distributions import norm_ppf

__all__ = [
    "Estimate", "risk", "wilson", "rr_from_counts", "or_from_counts", "rd_from_counts", "rd_wald", "rd_newcombe",
    "risk_with_intervention", "absolute_effect", "AbsoluteEffect", "NNT", "nnt_from_rd", "se_from_ci", "invert",
]

RATIOS = ("HR", "RR", "OR", "IRR")


def _z(level: float) -> float:
    return norm_ppf(0.5 + level / 2)


@dataclass(frozen=True)
class Estimate:
    """A point estimate with its CI; for ratios ``log_se`` is the SE of the log."""

    measure: str  # "RR", "OR", "RD", "HR", ...
    estimate: float
    lo: float
    hi: float
    se: Optional[float] = None  # on the log scale for ratios, raw scale otherwise
    method: str = ""
    level: float = 0.95

    @property
    def is_ratio(self) -> bool:
        return self.measure in RATIOS

    @property
    def null(self) -> float:
        return 1.0 if self.is_ratio else 0.0

    def crosses_null(self) -> bool:
        return self.lo <= self.null <= self.hi


def risk(events: int, total: int) -> float:
    if total <= 0:
        raise ValueError("a risk needs at least one participant")
    if not 0 <= events <= total:
        raise ValueError(f"events ({events}) must be between 0 and the total ({total})")
    return events / total


def wilson(events: int, total: int, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for one proportion."""
    z = _z(level)
    p = events / total
    denom = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denom
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def _cells(a: int, n1: int, c: int, n2: int) -> tuple[float, float, float, float, str]:
    risk(a, n1), risk(c, n2)
    b, d = n1 - a, n2 - c
    if 0 in (a, b, c, d):
        return a + 0.5, b + 0.5, c + 0.5, d + 0.5, " (0.5 added to each cell: a zero cell)"
    return float(a), float(b), float(c), float(d), ""


def rr_from_counts(a: int, n1: int, c: int, n2: int, level: float = 0.95) -> Estimate:
    """Risk ratio with a Wald interval on the log scale (Katz)."""
    a_, b_, c_, d_, note = _cells(a, n1, c, n2)
    n1_, n2_ = a_ + b_, c_ + d_
    if (a == 0 and c == 0) or (a == n1 and c == n2):
        raise ValueError("no events (or all events) in both arms: a risk ratio is not estimable")
    rr = (a_ / n1_) / (c_ / n2_)
    se = math.sqrt(1 / a_ - 1 / n1_ + 1 / c_ - 1 / n2_)
    z = _z(level)
    return Estimate("RR", rr, rr * math.exp(-z * se), rr * math.exp(z * se), se,
                    "Wald on the log scale" + note, level)


def or_from_counts(a: int, n1: int, c: int, n2: int, level: float = 0.95) -> Estimate:
    """Odds ratio with a Woolf (Wald, log scale) interval."""
    a_, b_, c_, d_, note = _cells(a, n1, c, n2)
    if (a == 0 and c == 0) or (a == n1 and c == n2):
        raise ValueError("no events (or all events) in both arms: an odds ratio is not estimable")
    o = (a_ * d_) / (b_ * c_)
    se = math.sqrt(1 / a_ + 1 / b_ + 1 / c_ + 1 / d_)
    z = _z(level)
    return Estimate("OR", o, o * math.exp(-z * se), o * math.exp(z * se), se, "Woolf (Wald on the log scale)" + note,
                    level)


def rd_wald(a: int, n1: int, c: int, n2: int, level: float = 0.95) -> Estimate:
    """Risk difference (intervention - comparator) with the simple Wald interval."""
    p1, p2 = risk(a, n1), risk(c, n2)
    se = math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    z = _z(level)
    rd = p1 - p2
    return Estimate("RD", rd, rd - z * se, rd + z * se, se, "Wald", level)


def rd_newcombe(a: int, n1: int, c: int, n2: int, level: float = 0.95) -> Estimate:
    """Risk difference with Newcombe's hybrid score interval (method 10, from two Wilson intervals)."""
    p1, p2 = risk(a, n1), risk(c, n2)
    l1, u1 = wilson(a, n1, level)
    l2, u2 = wilson(c, n2, level)
    rd = p1 - p2
    lo = rd - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    hi = rd + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    se = math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    return Estimate("RD", rd, lo, hi, se, "Newcombe hybrid score (Wilson)", level)


def rd_from_counts(a: int, n1: int, c: int, n2: int, level: float = 0.95, method: str = "newcombe") -> Estimate:
    return rd_newcombe(a, n1, c, n2, level) if method == "newcombe" else rd_wald(a, n1, c, n2, level)


def se_from_ci(measure: str, lo: float, hi: float, level: float = 0.95) -> float:
    """Standard error recovered from a CI (of the log for ratios)."""
    if measure in RATIOS:
        return (math.log(hi) - math.log(lo)) / (2 * _z(level))
    return (hi - lo) / (2 * _z(level))


def invert(e: Estimate) -> Estimate:
    """The same comparison with the arms swapped: 1/ratio (CI swapped), or -difference."""
    if e.is_ratio:
        return Estimate(e.measure, 1 / e.estimate, 1 / e.hi, 1 / e.lo, e.se, e.method, e.level)
    return Estimate(e.measure, -e.estimate, -e.hi, -e.lo, e.se, e.method, e.level)


def risk_with_intervention(measure: str, ratio: float, p0: float) -> float:
    """Risk in the intervention arm implied by a ratio and the comparator risk ``p0``.

    RR (and IRR as an approximation): p0 * RR, capped at 1; OR: OR p0 / (1 - p0 + OR p0);
    HR: 1 - (1 - p0) ** HR (proportional hazards over the same follow-up; GRADE guidance 12).
    """
    if not 0 <= p0 <= 1:
        raise ValueError(f"comparator risk must be between 0 and 1, got {p0}")
    if ratio < 0:
        raise ValueError("a ratio cannot be negative")
    if measure in ("RR", "IRR"):
        return min(1.0, p0 * ratio)
    if measure == "OR":
        return ratio * p0 / (1 - p0 + ratio * p0) if p0 < 1 else 1.0
    if measure == "HR":
        return 1 - (1 - p0) ** ratio
    raise ValueError(f"cannot turn a {measure} into an absolute risk")


@dataclass(frozen=True)
class AbsoluteEffect:
    """GRADE's anticipated absolute effects per 1000 (Summary of Findings columns)."""

    comparator_per_1000: float
    intervention_per_1000: float
    difference_per_1000: float  # intervention - comparator: negative = fewer
    difference_lo: Optional[float]
    difference_hi: Optional[float]
    basis: str  # how the intervention risk was obtained


def absolute_effect(measure: str, ratio: float, lo: Optional[float], hi: Optional[float], p0: float) -> AbsoluteEffect:
    """Per-1000 effects from a ratio with its CI applied to the comparator risk ``p0``."""
    p1 = risk_with_intervention(measure, ratio, p0)
    dlo = dhi = None
    if lo is not None and hi is not None:
        a = risk_with_intervention(measure, lo, p0) - p0
        b = risk_with_intervention(measure, hi, p0) - p0
        dlo, dhi = 1000 * min(a, b), 1000 * max(a, b)
    basis = {"HR": "1 - (1 - p0)^HR", "OR": "OR p0 / (1 - p0 + OR p0)"}.get(measure, "p0 x RR")
    return AbsoluteEffect(1000 * p0, 1000 * p1, 1000 * (p1 - p0), dlo, dhi, basis)


@dataclass(frozen=True)
class NNT:
    """Number needed to treat for one more person to benefit (or to be harmed).

    ``kind`` is "benefit" (NNTB) or "harm" (NNTH) for the point estimate; when the CI of the risk
    difference crosses zero the CI reads NNTB ``benefit_bound`` ... infinity ... NNTH ``harm_bound``
    (Altman, BMJ 1998;317:1309), and a negative NNT is never produced.
    """

    kind: str  # "benefit", "harm" or "none" (RD exactly 0: infinite)
    value: float  # math.inf when the risk difference is 0
    crosses: bool
    # When the CI does not cross: (lo, hi) of the same kind. When it crosses: the two finite ends.
    lo: Optional[float] = None
    hi: Optional[float] = None
    benefit_bound: Optional[float] = None
    harm_bound: Optional[float] = None


def nnt_from_rd(rd: float, lo: Optional[float] = None, hi: Optional[float] = None,
                events_are_bad: bool = True) -> NNT:
    """NNT from a risk difference (intervention - comparator) and its CI.

    With ``events_are_bad`` (relapse, disease activity), a negative RD is a benefit.
    """
    sign = -1.0 if events_are_bad else 1.0
    b, blo, bhi = sign * rd, None, None  # b > 0: benefit
    if lo is not None and hi is not None:
        blo, bhi = sorted((sign * lo, sign * hi))
    kind = "benefit" if b > 0 else "harm" if b < 0 else "none"
    value = math.inf if b == 0 else 1 / abs(b)
    if blo is None:
        return NNT(kind, value, False)
    if blo > 0:  # all benefit
        return NNT(kind, value, False, lo=1 / bhi, hi=1 / blo)
    if bhi < 0:  # all harm
        return NNT(kind, value, False, lo=1 / abs(blo), hi=1 / abs(bhi))
    return NNT(kind, value, True,
               benefit_bound=(1 / bhi) if bhi > 0 else math.inf,
               harm_bound=(1 / abs(blo)) if blo < 0 else math.inf)
