"""Per-study effect sizes on the analysis scale, as metafor's ``escalc`` and RevMan compute them.

Each function returns a :class:`StudyEffect`: ``yi`` (log for ratios, raw for differences) and its
sampling variance ``vi``, ready for :func:`msvitd.stats.pooling.pool`. Arm 1 is the intervention, arm 2
the comparator; differences are intervention - comparator, ratios intervention / comparator.

- MD: m1 - m2, vi = sd1^2/n1 + sd2^2/n2 (escalc measure="MD", vtype="LS").
- SMD: Hedges' g, the standardised difference with the exact small-sample correction
  J = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)), m = n1 + n2 - 2, and vi = 1/n1 + 1/n2 + g^2 / (2 (n1 + n2))
  (escalc measure="SMD", vtype="LS"; Hedges 1981).
- OR, RR from 2x2 counts: 1/2 added to every cell of a study with a zero cell (escalc add=1/2, to="only0");
  a study with no events (or only events) in both arms is not estimable (RevMan leaves it out too).
- RD from counts: p1 - p2, vi = p1(1-p1)/n1 + p2(1-p2)/n2, no correction (escalc measure="RD").
- IRR from events and person-time: log((x1/t1)/(x2/t2)), vi = 1/x1 + 1/x2, 1/2 added to the events of a
  study with a zero count (escalc measure="IRR").
- Generic inverse variance: an estimate with its CI (the SE recovered from the CI's width).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from msvitd.stats.distributions import norm_ppf

__all__ = ["StudyEffect", "md", "smd", "odds_ratio", "risk_ratio", "risk_difference", "rate_ratio", "from_ci",
           "hedges_j", "RATIOS"]

RATIOS = ("HR", "RR", "OR", "IRR")


@dataclass(frozen=True)
class StudyEffect:
    """One study's effect on the analysis scale (``yi``, ``vi``) and how it was obtained."""

    measure: str
    yi: float
    vi: float
    method: str
    note: str = ""  # e.g. "0.5 added to each cell: a zero cell"

    @property
    def is_ratio(self) -> bool:
        return self.measure in RATIOS

    @property
    def se(self) -> float:
        return math.sqrt(self.vi)

    def natural(self, level: float = 0.95) -> tuple[float, float, float]:
        """(estimate, lo, hi) on the natural scale (ratios exponentiated), Wald interval."""
        z = norm_ppf(0.5 + level / 2)
        lo, hi = self.yi - z * self.se, self.yi + z * self.se
        if self.is_ratio:
            return math.exp(self.yi), math.exp(lo), math.exp(hi)
        return self.yi, lo, hi


def _positive(name: str, value: float) -> None:
    if value is None or not value > 0:
        raise ValueError(f"{name} must be positive, got {value}")


def md(m1: float, sd1: float, n1: int, m2: float, sd2: float, n2: int) -> StudyEffect:
    """Mean difference (raw), from each arm's mean, SD and number analysed."""
    for name, v in (("SD (intervention)", sd1), ("SD (comparator)", sd2), ("n (intervention)", n1),
                    ("n (comparator)", n2)):
        _positive(name, v)
    return StudyEffect("MD", m1 - m2, sd1 ** 2 / n1 + sd2 ** 2 / n2, "mean difference, inverse variance")


def hedges_j(m: float) -> float:
    """Hedges' exact small-sample correction for ``m`` degrees of freedom (n1 + n2 - 2)."""
    return math.exp(math.lgamma(m / 2) - math.log(math.sqrt(m / 2)) - math.lgamma((m - 1) / 2))


def smd(m1: float, sd1: float, n1: int, m2: float, sd2: float, n2: int) -> StudyEffect:
    """Standardised mean difference, Hedges' g (bias-corrected), with escalc's large-sample variance."""
    for name, v in (("SD (intervention)", sd1), ("SD (comparator)", sd2)):
        _positive(name, v)
    if n1 < 2 or n2 < 2:
        raise ValueError("a standardised mean difference needs at least two participants per arm")
    m = n1 + n2 - 2
    sp = math.sqrt(((n1 - 1) * sd1 ** 2 + (n2 - 1) * sd2 ** 2) / m)
    g = hedges_j(m) * (m1 - m2) / sp
    return StudyEffect("SMD", g, 1 / n1 + 1 / n2 + g * g / (2 * (n1 + n2)),
                       "standardised mean difference (Hedges' g), inverse variance")


def _cells(a: int, n1: int, c: int, n2: int) -> tuple[float, float, float, float, str]:
    if n1 <= 0 or n2 <= 0:
        raise ValueError("each arm needs at least one participant")
    if not (0 <= a <= n1 and 0 <= c <= n2):
        raise ValueError(f"events must lie between 0 and the arm's total ({a}/{n1}, {c}/{n2})")
    if (a == 0 and c == 0) or (a == n1 and c == n2):
        raise ValueError("no events (or only events) in both arms: not estimable")
    b, d = n1 - a, n2 - c
    if 0 in (a, b, c, d):
        return a + 0.5, b + 0.5, c + 0.5, d + 0.5, "0.5 added to each cell: a zero cell"
    return float(a), float(b), float(c), float(d), ""


def odds_ratio(a: int, n1: int, c: int, n2: int) -> StudyEffect:
    """Log odds ratio from events/total in each arm (Woolf variance)."""
    a_, b_, c_, d_, note = _cells(a, n1, c, n2)
    return StudyEffect("OR", math.log((a_ * d_) / (b_ * c_)), 1 / a_ + 1 / b_ + 1 / c_ + 1 / d_,
                       "odds ratio from counts, inverse variance on the log scale", note)


def risk_ratio(a: int, n1: int, c: int, n2: int) -> StudyEffect:
    """Log risk ratio from events/total in each arm."""
    a_, b_, c_, d_, note = _cells(a, n1, c, n2)
    n1_, n2_ = a_ + b_, c_ + d_
    return StudyEffect("RR", math.log((a_ / n1_) / (c_ / n2_)), 1 / a_ - 1 / n1_ + 1 / c_ - 1 / n2_,
                       "risk ratio from counts, inverse variance on the log scale", note)


def risk_difference(a: int, n1: int, c: int, n2: int) -> StudyEffect:
    """Risk difference from events/total in each arm (no continuity correction, as escalc)."""
    if n1 <= 0 or n2 <= 0 or not (0 <= a <= n1 and 0 <= c <= n2):
        raise ValueError(f"events must lie between 0 and the arm's total ({a}/{n1}, {c}/{n2})")
    p1, p2 = a / n1, c / n2
    vi = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2
    if vi <= 0:
        raise ValueError("no events (or only events) in both arms: the risk difference has no variance")
    return StudyEffect("RD", p1 - p2, vi, "risk difference from counts, inverse variance")


def rate_ratio(x1: float, t1: float, x2: float, t2: float) -> StudyEffect:
    """Log incidence rate ratio from events and person-time in each arm."""
    _positive("person-time (intervention)", t1)
    _positive("person-time (comparator)", t2)
    if x1 < 0 or x2 < 0:
        raise ValueError("event counts cannot be negative")
    if x1 == 0 and x2 == 0:
        raise ValueError("no events in either arm: a rate ratio is not estimable")
    note = ""
    if x1 == 0 or x2 == 0:
        x1, x2, note = x1 + 0.5, x2 + 0.5, "0.5 added to each arm's events: a zero count"
    return StudyEffect("IRR", math.log((x1 / t1) / (x2 / t2)), 1 / x1 + 1 / x2,
                       "rate ratio from events and person-time, inverse variance on the log scale", note)


def from_ci(measure: str, estimate: float, lo: float, hi: float, level: float = 0.95) -> StudyEffect:
    """Generic inverse variance: an estimate with its CI, the SE taken from the CI's width."""
    if not lo <= hi:
        raise ValueError(f"confidence interval {lo:g} to {hi:g} is misordered")
    if not lo <= estimate <= hi:
        raise ValueError(f"confidence interval {lo:g} to {hi:g} does not contain the estimate {estimate:g}")
    z = norm_ppf(0.5 + level / 2)
    if measure in RATIOS:
        if min(estimate, lo, hi) <= 0:
            raise ValueError(f"{measure} {estimate:g} ({lo:g} to {hi:g}): a ratio and its CI must be positive")
        se = (math.log(hi) - math.log(lo)) / (2 * z)
        y = math.log(estimate)
    else:
        se = (hi - lo) / (2 * z)
        y = estimate
    if se <= 0:
        raise ValueError(f"confidence interval {lo:g} to {hi:g} has no width")
    return StudyEffect(measure, y, se * se, "generic inverse variance (SE from the confidence interval)")
