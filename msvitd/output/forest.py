"""Forest plots as monospaced text: the one text plotter, for terminals, markdown and the page.

One set of tools draws every text plot: a character axis (value -> column, log for ratios), a row's
CI whisker with its estimate and the line of no effect, and tick labels spread so none touches the
next. Two layouts use them:

- :func:`render_forest`: a summary table's plot (``msvitd summarize``, text and markdown): the
  numbers left of the plot, the axis labels on the heading line, heterogeneity and a key below;
- :func:`text_plot`: the page's figure (``msvitd report``), drawn from the laid-out SVG plot
  (msvitd/report/forest.py ``layout``) so both show the same axis and ticks: labels, plot, numbers.
"""

from __future__ import annotations

import math
import textwrap
from typing import Callable, Optional, Sequence

from msvitd.stats.escalc import RATIOS
from msvitd.summary.report import Forest
from msvitd.summary.wording import cap


# ----------------------------------------------------------------------------------- the tools
class CharAxis:
    """``n`` columns from ``a`` to ``b``, both on the transformed scale (log for ratios)."""

    def __init__(self, a: float, b: float, n: int, transform: Callable[[float], float]):
        self.a, self.b, self.n, self.t = a, b, n, transform

    def col(self, v: float) -> int:
        """The column of ``v``; a value beyond an end sits in the end column."""
        return max(0, min(self.n - 1, round((self.t(v) - self.a) / (self.b - self.a) * (self.n - 1))))


def whisker(axis: CharAxis, null: float, lo: Optional[float], hi: Optional[float], estimate: Optional[float],
            mark: str, *, ends: tuple[str, str], crossing: str, arrows: tuple[bool, bool]) -> str:
    """One row: the line of no effect ``│``, the CI from ``lo`` to ``hi`` (``<``/``>`` where it runs
    past the axis, else ``ends``; ``crossing`` where it crosses the line) and the estimate's ``mark``."""
    cells = [" "] * axis.n
    null_col = axis.col(null)
    cells[null_col] = "│"
    if lo is not None and hi is not None:
        c0, c1 = axis.col(lo), axis.col(hi)
        for c in range(c0, c1 + 1):
            cells[c] = crossing if c == null_col else "─"
        cells[c0] = "<" if arrows[0] else ends[0]
        cells[c1] = ">" if arrows[1] else ends[1]
    if estimate is not None:
        cells[axis.col(estimate)] = mark
    return "".join(cells)


def spread_labels(marks: Sequence[tuple[int, str]], width: int, *, gap: int, inside: bool) -> str:
    """Tick labels centred on their columns; one that would come within ``gap`` blanks of the label
    before it is left out. ``inside``: a label is moved left to end within ``width`` (else cut there)."""
    cells = [" "] * width
    free = 0  # the first column the next label may start at
    for c, text in marks:
        start = c - len(text) // 2
        if inside:
            start = min(width - len(text), start)
        start = max(0, start)
        if start < free:
            continue
        for i, ch in enumerate(text):
            if start + i < width:
                cells[start + i] = ch
        free = start + len(text) + gap
    return "".join(cells)


# ------------------------------------------------------------------- a summary table's plot
_RATIO_TICKS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1, 1.25, 1.5, 2, 3, 4, 5, 10, 20, 50, 100)


def render_forest(forest: Forest, width: int = 100) -> str:
    ratio = forest.measure in RATIOS
    f = math.log if ratio else (lambda v: v)
    rows = list(forest.rows)
    pooled = [r for r in (forest.fixed, forest.pooled) if r is not None]
    # The axis spans the studies' CIs; a wider prediction interval is clipped and drawn with arrows.
    values = [v for r in rows + pooled for v in (r.lo, r.hi)]
    null = 1.0 if ratio else 0.0
    a, b = f(min(values + [null])), f(max(values + [null]))
    pad = (b - a) * 0.05 or 0.1
    label_w = max(12, min(24, max(len(r.label) for r in rows + pooled) + 1))
    num_w, weight_w = 22, 8
    axis = CharAxis(a - pad, b + pad, max(20, width - label_w - num_w - weight_w - 3), f)

    def line(lo: float, hi: float, est, mark: str) -> str:
        return whisker(axis, null, lo, hi, est, mark, ends=("├", "┤"), crossing="─",
                       arrows=(f(lo) < axis.a, f(hi) > axis.b))

    def cells(label: str, numbers: str, weight: str) -> str:
        return f"{label:<{label_w}}{numbers:<{num_w}}{weight:>{weight_w}}   "

    out = [_title(forest, ratio), cells("Study", forest.measure + " (95% CI)", "Weight") + _tick_line(axis, ratio)]
    for r in rows:
        mark = "†" if r.by == "msvitd" else ""
        out.append(cells(r.label[:label_w - 1 - len(mark)] + mark, _ci(r.estimate, r.lo, r.hi),
                         f"{r.weight:.1f}%" if r.weight is not None else "") + line(r.lo, r.hi, r.estimate, "■"))
    for r in pooled:
        out.append(cells(r.label[:label_w - 1], _ci(r.estimate, r.lo, r.hi), "") + line(r.lo, r.hi, r.estimate, "◆"))
    if forest.pi_lo is not None:
        out.append(cells("Prediction", f"{forest.pi_lo:.2f} to {forest.pi_hi:.2f}", "")
                   + line(forest.pi_lo, forest.pi_hi, None, ""))
    return "\n".join(out + _below(forest, bool(pooled), width)) + "\n"


def _title(forest: Forest, ratio: bool) -> str:
    if forest.pooled is None and forest.q is None:
        model = "not pooled"
    else:
        model = "random effects" + (f" ({forest.tau2_method})" if forest.tau2_method else "")
    return f"{forest.outcome}: {forest.measure}, {model}" + (", log scale" if ratio else "")


def _ci(est: float, lo: float, hi: float) -> str:
    return f"{est:.2f} ({lo:.2f} to {hi:.2f})"


def _below(forest: Forest, pooled: bool, width: int) -> list[str]:
    """Heterogeneity, the plot's note, and the key."""
    out = []
    if forest.q is not None:
        qp = f", P = {forest.q_p:.2g}" if forest.q_p is not None else ""
        out.append(f"Heterogeneity: Q = {forest.q:.2f} (df {forest.q_df}{qp}), I² = {forest.i2:.0f}%, "
                   f"tau² = {forest.tau2:.3f}.")
    if forest.note:
        out += textwrap.wrap(cap(forest.note) + ".", width=max(40, width))
    if pooled:
        out.append("│ no effect; ■ study (weight: random effects); ◆ pooled; < > beyond the axis."
                   if width >= 80 else "│ no effect; ■ study; ◆ pooled")
    else:
        out.append("│ no effect; ■ study estimate; < > beyond the axis." if width >= 80 else "│ no effect; ■ study")
    return out


def _tick_line(axis: CharAxis, ratio: bool) -> str:
    if ratio:
        ticks = [t for t in _RATIO_TICKS if axis.a <= math.log(t) <= axis.b]
    else:
        step = _nice((axis.b - axis.a) / 4)
        start = math.ceil(axis.a / step) * step
        ticks = [start + i * step for i in range(6) if start + i * step <= axis.b]
    return spread_labels([(axis.col(t), f"{t:g}") for t in ticks], axis.n, gap=2, inside=True)


def _nice(x: float) -> float:
    if x <= 0:
        return 1.0
    e = 10 ** math.floor(math.log10(x))
    for m in (1, 2, 5, 10):
        if m * e >= x:
            return m * e
    return 10 * e


# ---------------------------------------------------------------------------- the page's figure
def text_plot(forest, width: int = 41) -> str:
    """A laid-out plot (msvitd.report.forest_records.ForestLayout) as text: ``[---■---]`` on a character axis,
    the axis and its ticks as the SVG has them, then the scale and the "favours" words."""
    t = math.log if forest.log else (lambda v: v)
    axis = CharAxis(t(forest.axis_lo), t(forest.axis_hi), max(width, 11), t)
    label_w = min(max(len(r.label) for r in forest.rows), 40)
    lines = []
    for r in forest.rows:
        plot = whisker(axis, forest.null, r.lo, r.hi, r.estimate, "◆" if r.pooled else "■", ends=("[", "]"),
                       crossing="┼", arrows=(r.arrow_lo, r.arrow_hi))
        label = r.label if len(r.label) <= label_w else r.label[:label_w - 1] + "…"
        w = f"  {r.weight_text:>6}" if forest.show_weights else ""
        lines.append(f"{label:<{label_w}}  {plot}  {r.numbers}{w}")
    marks = [(axis.col(tick.value), tick.label) for tick in forest.ticks]
    columns = {c for c, _ in marks}
    pad = " " * (label_w + 2)
    lines.append(pad + "".join("┴" if c in columns else "─" for c in range(axis.n)))
    lines.append(pad + spread_labels(marks, axis.n + 8, gap=1, inside=False).rstrip())
    lines.append(pad + f"{forest.measure_name}{' (log scale)' if forest.log else ''}")
    if any(forest.favours):
        lines.append(pad + f"← {forest.favours[0]}  |  {forest.favours[1]} →")
    return "\n".join(lines)
