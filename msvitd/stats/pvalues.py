"""P values recomputed from a confidence interval, statcheck-style, and a consistency test.

Altman & Bland (BMJ 2011;343:d2090, "How to obtain the P value from a confidence interval"):
for a ratio (HR, RR, OR, IRR) work on the log scale, SE = (ln hi - ln lo) / (2 z), z = ln(est) / SE,
P = 2 * (1 - Phi(|z|)). For a difference (RD, MD, SMD, median difference) the same on the raw scale.

Because a printed CI is rounded, the P it implies is a range, not a point: `p_interval_from_ci`
moves each printed number by half a unit of its last digit and returns the smallest and largest P
(as statcheck does for rounded test statistics). `p_consistent` compares a reported P (``0.004``,
``"<.001"``, a PValue model or anything with ``relation`` and ``value``) with either.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from typing import Optional, Union

from msvitd.stats.distributions import norm_ppf, norm_sf

__all__ = ["p_from_ci", "p_interval_from_ci", "p_consistent", "p_check", "PCheck", "decimals_of", "RATIO"]

RATIO = frozenset({"HR", "RR", "OR", "IRR"})
Recomputed = Union[float, tuple[float, float]]


def _scale(measure: str):
    return math.log if measure.upper() in RATIO else (lambda v: v)


def p_from_ci(measure: str, estimate: float, lo: float, hi: float, level: float = 0.95) -> float:
    """Two-sided P implied by an estimate and its CI (log scale for HR/RR/OR/IRR).

    >>> round(p_from_ci("HR", 0.66, 0.50, 0.87), 4)
    0.0033
    """
    f = _scale(measure)
    if measure.upper() in RATIO and min(estimate, lo, hi) <= 0:
        raise ValueError(f"{measure} and its CI must be positive, got {estimate} ({lo} to {hi})")
    if not lo <= hi:
        lo, hi = hi, lo
    z_level = norm_ppf(0.5 + level / 2)
    se = (f(hi) - f(lo)) / (2 * z_level)
    if se <= 0:
        raise ValueError(f"the CI {lo} to {hi} has no width: cannot recover a standard error")
    z = abs(f(estimate)) / se
    return min(1.0, 2 * norm_sf(z))


def decimals_of(value: float) -> int:
    """Decimal places a number was printed with: 0.004 -> 3, 0.66 -> 2, 29.0 -> 1, 7 -> 0."""
    text = repr(float(value)) if not isinstance(value, str) else value
    text = text.strip().lower()
    m = re.fullmatch(r"[-+]?(\d*)(?:\.(\d*))?(?:e([-+]?\d+))?", text)
    if not m:
        return 0
    frac = m.group(2) or ""
    if frac and set(frac) == {"0"} and not isinstance(value, str):
        frac = ""  # repr(29.0) -> "29.0": one decimal is only known from the text
    exp = int(m.group(3) or 0)
    return max(0, len(frac) - exp)


def p_interval_from_ci(measure: str, estimate: float, lo: float, hi: float, level: float = 0.95,
                       decimals: Optional[int] = None) -> tuple[float, float]:
    """Smallest and largest P compatible with the printed (rounded) estimate and CI.

    ``decimals``: places the numbers were printed with; by default the most places any of the
    three shows (an estimate and its CI are printed alike, and 0.50 reaches us as 0.5).
    """
    corners = []
    opts = []
    if decimals is None:
        decimals = max(decimals_of(estimate), decimals_of(lo), decimals_of(hi))
    for v in (estimate, lo, hi):
        d = decimals
        half = 0.5 * 10 ** (-d)
        choices = [v - half, v + half]
        if measure.upper() in RATIO:
            choices = [c for c in choices if c > 0] or [v]
        opts.append(choices)
    for e, a, b in itertools.product(*opts):
        if a < b and (measure.upper() not in RATIO or min(e, a, b) > 0):
            corners.append(p_from_ci(measure, e, a, b, level))
    point = p_from_ci(measure, estimate, lo, hi, level)
    corners.append(point)
    return (min(corners), max(corners))


_P = re.compile(r"^\s*(?:[Pp]\s*)?(<=|<|=|>)?\s*(0?\.\d+|1(?:\.0*)?|0)\s*$")


def _reported(reported) -> tuple[str, float, int]:
    """(relation, value, decimals) from a float, a string such as "<.001", or a PValue-like object."""
    if hasattr(reported, "relation") and hasattr(reported, "value"):
        value = float(reported.value)
        return reported.relation, value, decimals_of(value)
    if isinstance(reported, str):
        m = _P.match(reported)
        if not m:
            raise ValueError(f"not a P value: {reported!r}")
        num = m.group(2)
        return m.group(1) or "=", float(num), decimals_of(num if "." in num else num + ".")
    value = float(reported)
    return "=", value, decimals_of(value)


def _range(recomputed: Recomputed) -> tuple[float, float]:
    if isinstance(recomputed, tuple):
        return (min(recomputed), max(recomputed))
    # A single recomputed value: allow a tolerance for the rounding of the CI it came from
    # (20% relative); prefer passing the interval from `p_interval_from_ci`.
    r = float(recomputed)
    return (r * 0.8, r * 1.2)


@dataclass(frozen=True)
class PCheck:
    consistent: bool
    decision_error: bool  # the reported and recomputed P fall on different sides of alpha (statcheck's "gross")
    reported: str
    recomputed: tuple[float, float]


def p_check(reported, recomputed: Recomputed, alpha: float = 0.05) -> PCheck:
    """Compare a reported P with a recomputed one (a value or a (low, high) range).

    "= v" printed with d decimals stands for [v - 0.5e-d, v + 0.5e-d]; "< v" for anything below v;
    "> v" for anything above. Consistent when the reported range and the recomputed range meet.
    """
    rel, v, d = _reported(reported)
    rlo, rhi = _range(recomputed)
    if rel == "=":
        half = 0.5 * 10 ** (-d) if d else 0.0
        plo, phi = v - half, v + half
        ok = rhi >= plo - 1e-12 and rlo <= phi + 1e-12
        rep_sig = v < alpha if v != alpha else False
    elif rel in ("<", "<="):
        ok = rlo < v or (rel == "<=" and rlo <= v)
        rep_sig = v <= alpha
    else:  # ">"
        ok = rhi > v
        rep_sig = False
    if rel == "=":
        rec_sig_possible = rlo < alpha
        rec_nonsig_possible = rhi >= alpha
        decision = (rep_sig and not rec_sig_possible) or (not rep_sig and not rec_nonsig_possible)
    elif rel in ("<", "<="):
        decision = rep_sig and rlo >= alpha
    else:
        decision = v >= alpha and rhi < alpha
    text = f"P {rel} {v:g}" if rel != "=" else f"P = {v:g}"
    return PCheck(consistent=ok, decision_error=(not ok) and decision, reported=text, recomputed=(rlo, rhi))


def p_consistent(reported, recomputed: Recomputed) -> bool:
    """True when a reported P (0.004, "<.001", a PValue) agrees with the recomputed P.

    ``recomputed`` is best the (low, high) range from `p_interval_from_ci`; a single value gets
    a 20% tolerance for the rounding of the CI it came from.

    >>> p_consistent(0.004, p_interval_from_ci("HR", 0.66, 0.50, 0.87))
    True
    >>> p_consistent("<.001", p_interval_from_ci("HR", 0.66, 0.50, 0.87))
    False
    """
    return p_check(reported, recomputed).consistent
