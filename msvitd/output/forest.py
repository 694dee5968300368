"""A forest plot in text: log scale for ratios, CI whiskers, the line of no effect, weights."""

from __future__ import annotations

import math
import textwrap

from msvitd.summary.report import Forest

RATIOS = ("HR", "RR", "OR", "IRR")


def render_forest(forest: Forest, width: int = 100) -> str:
    ratio = forest.measure in RATIOS
    f = math.log if ratio else (lambda v: v)
    rows = list(forest.rows)
    pooled = [r for r in (forest.fixed, forest.pooled) if r is not None]
    # The axis spans the studies' CIs; a wider prediction interval is clipped and drawn with arrows.
    values = [v for r in rows + pooled for v in (r.lo, r.hi)]
    null = 1.0 if ratio else 0.0
    lo_v, hi_v = min(values + [null]), max(values + [null])
    a, b = f(lo_v), f(hi_v)
    pad = (b - a) * 0.05 or 0.1
    a, b = a - pad, b + pad
    label_w = max(12, min(24, max(len(r.label) for r in rows + pooled) + 1))
    num_w = 22
    weight_w = 8
    plot_w = max(20, width - label_w - num_w - weight_w - 3)

    def col(v: float) -> int:
        return max(0, min(plot_w - 1, round((f(v) - a) / (b - a) * (plot_w - 1))))

    def line(lo: float, hi: float, est, mark: str) -> str:
        cells = [" "] * plot_w
        cells[col(null)] = "│"
        for c in range(col(lo), col(hi) + 1):
            cells[c] = "─"
        cells[col(lo)] = "<" if f(lo) < a else "├"
        cells[col(hi)] = ">" if f(hi) > b else "┤"
        if est is not None:
            cells[col(est)] = mark
        return "".join(cells)

    def num(est: float, lo: float, hi: float) -> str:
        return f"{est:.2f} ({lo:.2f} to {hi:.2f})"

    if forest.pooled is None and forest.q is None:
        model = "not pooled"
    else:
        model = "random effects" + (f" ({forest.tau2_method})" if forest.tau2_method else "")
    out = [f"{forest.outcome}: {forest.measure}, {model}" + (", log scale" if ratio else "")]
    out.append(f"{'Study':<{label_w}}{forest.measure + ' (95% CI)':<{num_w}}{'Weight':>{weight_w}}   "
               + _axis(a, b, plot_w, ratio, col))
    for r in rows:
        w = f"{r.weight:.1f}%" if r.weight is not None else ""
        mark = "†" if r.by == "msvitd" else ""
        label = r.label[:label_w - 1 - len(mark)] + mark
        out.append(f"{label:<{label_w}}{num(r.estimate, r.lo, r.hi):<{num_w}}{w:>{weight_w}}   "
                   + line(r.lo, r.hi, r.estimate, "■"))
    for r in pooled:
        out.append(f"{r.label[:label_w - 1]:<{label_w}}{num(r.estimate, r.lo, r.hi):<{num_w}}{'':>{weight_w}}   "
                   + line(r.lo, r.hi, r.estimate, "◆"))
    if forest.pi_lo is not None:
        out.append(f"{'Prediction':<{label_w}}{f'{forest.pi_lo:.2f} to {forest.pi_hi:.2f}':<{num_w}}"
                   f"{'':>{weight_w}}   " + line(forest.pi_lo, forest.pi_hi, None, ""))
    if forest.q is not None:
        qp = f", P = {forest.q_p:.2g}" if forest.q_p is not None else ""
        out.append(f"Heterogeneity: Q = {forest.q:.2f} (df {forest.q_df}{qp}), I² = {forest.i2:.0f}%, "
                   f"tau² = {forest.tau2:.3f}.")
    if forest.note:
        out += textwrap.wrap(_cap(forest.note) + ".", width=max(40, width))
    if pooled:
        out.append("│ no effect; ■ study (weight: random effects); ◆ pooled; < > beyond the axis."
                   if width >= 80 else "│ no effect; ■ study; ◆ pooled")
    else:
        out.append("│ no effect; ■ study estimate; < > beyond the axis." if width >= 80 else "│ no effect; ■ study")
    return "\n".join(out) + "\n"


def _cap(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


def _axis(a: float, b: float, plot_w: int, ratio: bool, col) -> str:
    cells = [" "] * plot_w
    if ratio:
        ticks = [t for t in (0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1, 1.25, 1.5, 2, 3, 4, 5, 10, 20, 50, 100)
                 if a <= math.log(t) <= b]
    else:
        step = _nice((b - a) / 4)
        start = math.ceil(a / step) * step
        ticks = [start + i * step for i in range(6) if start + i * step <= b]
    last = -2
    for t in ticks:
        label = f"{t:g}"
        c = col(t)
        s = max(0, min(plot_w - len(label), c - len(label) // 2))
        if s <= last + 1:
            continue
        for i, ch in enumerate(label):
            cells[s + i] = ch
        last = s + len(label)
    return "".join(cells)


def _nice(x: float) -> float:
    if x <= 0:
        return 1.0
    e = 10 ** math.floor(math.log10(x))
    for m in (1, 2, 5, 10):
        if m * e >= x:
            return m * e
    return 10 * e
