"""Absolute effects (per 1000, as GRADE applies a relative effect to the comparator risk) and the NNT,
with the check of a reported NNT against what msvitd recomputes."""

from __future__ import annotations

import math
from typing import Optional

from msvitd.stats.effects import absolute_effect, nnt_from_rd, rd_newcombe, rd_wald
from msvitd.stats.pvalues import decimals_of
from msvitd.summary.report import Absolute, NNTFigure, Relative
from msvitd.summary.study_outcome import StudyOutcome


def to_absolute(relative: Optional[Relative], p0: Optional[float]) -> Optional[Absolute]:
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


def nnt_figure(so: Optional[StudyOutcome], absolute: Optional[Absolute], reported,
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


def whole(x: Optional[float]) -> str:
    """An NNT as Cochrane and GRADE print it: a whole number, rounded up (6.6 -> 7; 4.0 stays 4)."""
    if x is None or not math.isfinite(x):
        return "∞"
    return str(max(1, math.ceil(round(x, 6))))


def _nnt_text(n, d: int = 1) -> str:
    word = "NNTB" if n.kind == "benefit" else "NNTH" if n.kind == "harm" else "NNT"
    if n.value == math.inf:
        return "NNT ∞ (no difference)"
    if n.crosses:
        b = "∞" if n.benefit_bound == math.inf else f"NNTB {n.benefit_bound:.{d}f}"
        h = "∞" if n.harm_bound == math.inf else f"NNTH {n.harm_bound:.{d}f}"
        return f"{word} {n.value:.{d}f} ({b} to ∞ to {h})"
    return f"{word} {n.value:.{d}f} ({n.lo:.{d}f} to {n.hi:.{d}f})" if n.lo is not None else f"{word} {n.value:.{d}f}"
