"""The effect axis of a forest plot: where its ends go, which ticks it carries, where a value sits.

Ratio measures sit on a log axis (ends and ticks in powers of 2, or 1-2-5 per decade when the
range is wide), differences on a linear one (nice steps of 1, 2, 2.5 or 5).
"""

from __future__ import annotations

import math
from typing import Sequence

_LOG_CAP = (0.01, 100.0)
_LOG_125 = (1.0, 2.0, 5.0)


def scale(value: float, lo: float, hi: float, x0: float, x1: float, log: bool) -> float:
    """Position of ``value`` on an axis from ``lo`` (at x0) to ``hi`` (at x1)."""
    if log:
        f = (math.log(value) - math.log(lo)) / (math.log(hi) - math.log(lo))
    else:
        f = (value - lo) / (hi - lo)
    return x0 + f * (x1 - x0)


def _log_candidates(lo: float, hi: float) -> list[float]:
    """Nice log tick values covering [lo, hi]: powers of 2 for narrow axes, 1-2-5 per decade else."""
    if hi / lo <= 64:
        k0, k1 = math.floor(math.log2(lo) + 1e-9), math.ceil(math.log2(hi) - 1e-9)
        return [2.0 ** k for k in range(k0, k1 + 1)]
    out = []
    d0, d1 = math.floor(math.log10(lo) + 1e-9), math.ceil(math.log10(hi) - 1e-9)
    for d in range(d0, d1 + 1):
        for m in _LOG_125:
            out.append(round(m * 10.0 ** d, 12))
    return [v for v in out if lo * (1 - 1e-9) <= v <= hi * (1 + 1e-9)]


def log_axis(values: Sequence[float], null: float = 1.0) -> tuple[float, float]:
    """The axis for ratios: nice end points around the data and the line of no effect.

    At least 0.5 to 2 so a single narrow CI is not blown up; a CI end touching an end point gets
    one more step of room; capped at 0.01 to 100 (CIs beyond are drawn with an arrow).
    """
    vals = [v for v in values if v is not None and v > 0 and math.isfinite(v)]
    lo_d = max(min(vals + [null]), _LOG_CAP[0])  # the data (and the line of no effect)
    hi_d = min(max(vals + [null]), _LOG_CAP[1])
    lo, hi = min(lo_d, 0.5), max(hi_d, 2.0)
    narrow = hi / lo <= 64
    if narrow:
        a, b = 2.0 ** math.floor(math.log2(lo) + 1e-9), 2.0 ** math.ceil(math.log2(hi) - 1e-9)
        if lo_d <= a * 1.02:
            a /= 2
        if hi_d >= b / 1.02:
            b *= 2
        if b / a > 64:  # the extra room took it over: use decades instead
            narrow = False
    if not narrow:
        ladder = [round(m * 10.0 ** d, 12) for d in range(-3, 4) for m in _LOG_125]
        a = max([v for v in ladder if v <= lo / 1.02] or [ladder[0]])
        b = min([v for v in ladder if v >= hi * 1.02] or [ladder[-1]])
    return max(a, _LOG_CAP[0]), min(b, _LOG_CAP[1])


def _nice_step(span: float, target: int = 5) -> float:
    raw = span / max(target, 1)
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * mag >= raw:
            return m * mag
    return 10 * mag


def linear_axis(values: Sequence[float], null: float = 0.0) -> tuple[float, float]:
    vals = [v for v in values if v is not None and math.isfinite(v)] + [null]
    lo, hi = min(vals), max(vals)
    if hi - lo < 1e-12:
        lo, hi = lo - 1, hi + 1
    step = _nice_step(hi - lo)
    a = math.floor(lo / step + 1e-9) * step
    b = math.ceil(hi / step - 1e-9) * step
    if lo - a < 0.02 * (b - a):
        a -= step
    if b - hi < 0.02 * (b - a):
        b += step
    return a, b


def tick_values(lo: float, hi: float, log: bool) -> list[float]:
    if log:
        vals = _log_candidates(lo, hi)
        if len(vals) > 9:  # too many for the width: keep the decades (1 is always one of them)
            vals = [v for v in vals if abs(math.log10(v) - round(math.log10(v))) < 1e-9]
        return vals
    step = _nice_step(hi - lo)
    first = math.ceil(lo / step - 1e-9)
    last = math.floor(hi / step + 1e-9)
    return [round(i * step, 10) + 0.0 for i in range(first, last + 1)]


def tick_label(v: float, log: bool) -> str:
    if log:
        if v >= 1:
            return f"{v:g}"
        return f"{v:.3f}".rstrip("0").rstrip(".") if v < 0.1 else f"{v:g}"
    s = f"{v:.6g}"
    return ("0" if s in ("-0", "0") else s).replace("-", "−")
