"""Forest plots as SVG: the layout is plain arithmetic (tested to 0.1 px), a Jinja2 template draws it.

Input is a list of :class:`PlotRow` (label, estimate, CI, weight or None, pooled or not) and the
effect measure. Ratio measures (HR, RR, OR, IRR) sit on a log axis, so a CI from 0.50 to 0.87
is drawn asymmetric around 0.66, exactly as the arithmetic says; differences sit on a linear axis.

Nothing overlaps, whatever the number of rows or the length of the labels: the label column is as
wide as the longest label measured with a per-character width table (an upper estimate of common
sans-serif faces at the chosen font size); a label longer than the cap wraps onto a second line
and is cut with an ellipsis only there, the full text kept in an SVG ``<title>``. Each row is as
tall as its label, rows never share a band, and the numbers sit in their own column to the right
of the plot, in a monospaced face whose width is known.

This module is the forest plot's one import: :func:`layout` and the SVG, over the records
(forest_records.py), the axis (axis.py) and text measures (textfit.py), which it re-exports; the
same plot as monospaced text is :func:`msvitd.output.forest.text_plot`, the one text plotter.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from msvitd.output.forest import text_plot
from msvitd.report.axis import linear_axis, log_axis, scale, tick_label, tick_values
from msvitd.report.forest_records import MEASURE_NAMES, DrawnRow, ForestLayout, PlotRow, Style, Tick
from msvitd.report.templating import environment
from msvitd.report.textfit import mono_width, text_width, two_line_width, wrap_label
from msvitd.stats.escalc import RATIOS

__all__ = ["PlotRow", "Style", "Tick", "DrawnRow", "ForestLayout", "MEASURE_NAMES", "layout", "render_svg",
           "forest_svg", "text_plot", "fmt", "fmt_weight", "numbers_text", "scale", "log_axis", "linear_axis",
           "tick_values", "tick_label", "text_width", "mono_width", "wrap_label"]


# ---------------------------------------------------------------------------------------- numbers
def fmt(value: Optional[float], log: bool = True) -> str:
    """Numbers as a forest plot prints them: 2 decimals for ratios (3 below 0.1), fewer when large."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    a = abs(value)
    if a >= 100:
        s = f"{value:.0f}"
    elif a >= 10:
        s = f"{value:.1f}"
    elif log and 0 < a < 0.1:
        s = f"{value:.3f}"
    else:
        s = f"{value:.2f}"
    return s.replace("-", "−")


def fmt_weight(weight: Optional[float]) -> str:
    return "–" if weight is None else f"{weight:.1f}%"


def numbers_text(row: PlotRow, log: bool) -> str:
    if row.lo is None or row.hi is None:
        return fmt(row.estimate, log)
    return f"{fmt(row.estimate, log)} [{fmt(row.lo, log)}, {fmt(row.hi, log)}]"


# ----------------------------------------------------------------------------------------- layout
@dataclass(frozen=True)
class _Columns:
    """The horizontal layout: label | plot | estimate [CI] | weight, and the texts in each column."""

    labels: list  # (lines, cut) per row, as wrap_label gives them
    label_w: float
    numbers: list[str]
    numbers_header: str
    weights: list[str]
    weight_header: str
    show_weights: bool
    label_x: float
    plot_x0: float
    plot_x1: float
    numbers_x: float
    weight_x: float
    width: float


def layout(rows: Sequence[PlotRow], measure: str, *, id: str = "forest", title: str = "",
           axis: Optional[tuple[float, float]] = None, favours: tuple[str, str] = ("", ""),
           style: Style = Style(), label_header: str = "Study", ci_level: int = 95) -> ForestLayout:
    """Compute every position of the plot. Raises ValueError on rows a plot cannot show."""
    log = measure in RATIOS
    _check_rows(rows, log)
    null = 1.0 if log else 0.0
    a, b = _axis_ends(rows, log, null, axis)
    fs = style.font_size
    measure_name = MEASURE_NAMES.get(measure, measure)
    cols = _columns(rows, measure, log, style, label_header, ci_level)
    cols, favours_lines = _favours_room(cols, favours, a, b, log, style)
    x = lambda v: scale(v, a, b, cols.plot_x0, cols.plot_x1, log)  # noqa: E731
    header_y = style.margin + fs  # baseline of the column headings
    drawn, separator_y, rows_top, rows_bottom = _draw_rows(rows, cols, a, b, x, header_y, style)
    axis_y = rows_bottom + 6
    tick_len = 5
    axis_label_y = axis_y + tick_len + fs + 2 + style.line_height
    favours_y = axis_label_y + style.line_height if any(favours) else axis_label_y
    n_favours = max(len(lines) for lines in favours_lines)
    height = favours_y + max(n_favours - 1, 0) * style.line_height + style.margin
    ticks = tuple(Tick(v, x(v), tick_label(v, log)) for v in tick_values(a, b, log))
    k = sum(1 for r in rows if not r.pooled)
    pooled = [r for r in rows if r.pooled]
    description = _describe(title, measure_name, rows, log, k, pooled, ci_level, a, b)
    return ForestLayout(
        id=id, title=title or f"Forest plot ({measure_name})", description=description, measure=measure,
        measure_name=measure_name, log=log, axis_lo=a, axis_hi=b, null=null, width=round(cols.width, 1),
        height=round(height, 1), font_size=fs, label_x=cols.label_x, label_width=cols.label_w,
        plot_x0=cols.plot_x0, plot_x1=cols.plot_x1, numbers_x=cols.numbers_x, weight_x=cols.weight_x,
        header_y=header_y, rows_top=rows_top, rows_bottom=rows_bottom, axis_y=axis_y, axis_label_y=axis_label_y,
        favours_y=favours_y, ticks=ticks, rows=drawn, x_null=x(null), numbers_header=cols.numbers_header,
        weight_header=cols.weight_header, favours=tuple(favours), favours_lines=favours_lines,
        separator_y=separator_y, show_weights=cols.show_weights, ci_level=ci_level, label_header=label_header,
        line_height=style.line_height)


def _check_rows(rows: Sequence[PlotRow], log: bool) -> None:
    if not rows:
        raise ValueError("a forest plot needs at least one row")
    for r in rows:
        for v in (r.estimate, r.lo, r.hi):
            if v is None:
                continue
            if not math.isfinite(v) or (log and v <= 0):
                raise ValueError(f"{r.label}: {v} cannot be drawn on a {'log' if log else 'linear'} axis")
        if r.lo is not None and r.hi is not None and not (r.lo <= r.estimate <= r.hi):
            raise ValueError(f"{r.label}: the estimate {r.estimate} is outside its CI [{r.lo}, {r.hi}]")


def _axis_ends(rows: Sequence[PlotRow], log: bool, null: float,
               axis: Optional[tuple[float, float]]) -> tuple[float, float]:
    """The given axis, or one around the data and the line of no effect."""
    values = [v for r in rows for v in (r.estimate, r.lo, r.hi)]
    if axis is None:
        axis = log_axis(values, null) if log else linear_axis(values, null)
    a, b = axis
    if not (b > a) or (log and a <= 0):
        raise ValueError(f"bad axis {axis}")
    return a, b


def _columns(rows: Sequence[PlotRow], measure: str, log: bool, style: Style, label_header: str,
             ci_level: int) -> _Columns:
    """The columns as wide as their widest text (labels capped, wrapped onto a second line beyond)."""
    fs = style.font_size
    labels = [wrap_label(r.label, style.max_label, fs) for r in rows]
    widest = max([text_width(line, fs) for lines, _ in labels for line in lines] + [text_width(label_header, fs)])
    label_w = max(style.min_label, min(style.max_label, widest))
    numbers = [numbers_text(r, log) for r in rows]
    numbers_header = f"{measure} [{ci_level}% CI]"
    numbers_w = max(mono_width(s, fs) for s in numbers + [numbers_header])
    show_weights = any(r.weight is not None for r in rows)
    weights = [fmt_weight(r.weight) for r in rows]
    weight_header = "Weight"
    weight_w = max(mono_width(s, fs) for s in weights + [weight_header]) if show_weights else 0.0
    label_x = style.margin
    plot_x0 = label_x + label_w + style.gap
    plot_x1 = plot_x0 + style.plot_width
    numbers_x = plot_x1 + style.gap
    weight_x = numbers_x + numbers_w + (style.gap + weight_w if show_weights else 0.0)
    return _Columns(labels, label_w, numbers, numbers_header, weights, weight_header, show_weights, label_x,
                    plot_x0, plot_x1, numbers_x, weight_x, weight_x + style.margin)


def _favours_room(cols: _Columns, favours: tuple[str, str], a: float, b: float, log: bool,
                  style: Style) -> tuple[_Columns, tuple[tuple[str, ...], tuple[str, ...]]]:
    """The "favours" words under the axis, each on its side of the line of no effect: on one line where
    they fit, else on two; when two lines do not fit either, the plot moves right (or grows) to make room."""
    fs = style.font_size
    dx_null = scale(1.0 if log else 0.0, a, b, 0.0, style.plot_width, log)
    sides = (f"← {favours[0]}" if favours[0] else "", f"{favours[1]} →" if favours[1] else "")
    rooms = [cols.plot_x0 + dx_null - 6 - style.margin, cols.width - style.margin - (cols.plot_x0 + dx_null + 6)]
    extra = [0.0, 0.0]
    for k, text in enumerate(sides):
        if text and text_width(text, fs) > rooms[k]:
            extra[k] = min(max(0.0, two_line_width(text, fs) - rooms[k]), style.max_label)
            rooms[k] += extra[k]
    if extra[0]:
        cols = replace(cols, plot_x0=cols.plot_x0 + extra[0], plot_x1=cols.plot_x1 + extra[0],
                       numbers_x=cols.numbers_x + extra[0], weight_x=cols.weight_x + extra[0],
                       width=cols.width + extra[0])
    cols = replace(cols, width=cols.width + extra[1])
    lines = tuple(wrap_label(text, room, fs)[0] if text else () for text, room in zip(sides, rooms))
    return cols, lines


def _draw_rows(rows: Sequence[PlotRow], cols: _Columns, a: float, b: float, x, header_y: float,
               style: Style) -> tuple[tuple[DrawnRow, ...], Optional[float], float, float]:
    """The vertical layout: each row as tall as its label, a separator before the pooled rows.
    Returns the drawn rows, the separator's y (None without one), and the top and bottom of the rows."""
    y = header_y + style.row_pad + 2
    rows_top = y
    out: list[DrawnRow] = []
    separator_y = None
    max_w = max([r.weight for r in rows if r.weight is not None and not r.pooled] or [100.0])
    ref_w = max(max_w, 100.0 if max_w > 50 else max_w)
    for r, (lines, cut), num, wt in zip(rows, cols.labels, cols.numbers, cols.weights):
        if r.pooled and separator_y is None and out:
            separator_y = y + 2
            y += 6
        out.append(_draw_row(r, lines, cut, num, wt if cols.show_weights else "", y, cols, a, b, x, ref_w, style))
        y = out[-1].bottom
    return tuple(out), separator_y, rows_top, y


def _draw_row(r: PlotRow, lines: tuple[str, ...], cut: bool, num: str, weight_text: str, top: float,
              cols: _Columns, a: float, b: float, x, ref_w: float, style: Style) -> DrawnRow:
    fs = style.font_size
    bottom = top + (len(lines) * style.line_height + 2 * style.row_pad)
    centre = (top + bottom) / 2
    first_base = centre - (len(lines) - 1) * style.line_height / 2 + fs * 0.35
    text_y = tuple(first_base + i * style.line_height for i in range(len(lines)))

    def clip(v):  # (x, runs past the left end, runs past the right end)
        if v is None:
            return None, False, False
        if v < a:
            return cols.plot_x0, True, False
        if v > b:
            return cols.plot_x1, False, True
        return x(v), False, False

    x_lo, arrow_lo, _ = clip(r.lo)
    x_hi, _, arrow_hi = clip(r.hi)
    x_est = min(max(x(r.estimate), cols.plot_x0), cols.plot_x1)
    if r.pooled:
        square = 0.0
    elif r.weight is None:
        square = style.unweighted_square
    else:
        square = max(style.min_square, style.max_square * math.sqrt(max(r.weight, 0.0) / ref_w))
    pi_lo, pi_arrow_lo, _ = clip(r.pi_lo) if r.pooled else (None, False, False)
    pi_hi, _, pi_arrow_hi = clip(r.pi_hi) if r.pooled else (None, False, False)
    return DrawnRow(r.label, lines, cut, top, bottom, centre, text_y, r.estimate, r.lo, r.hi, r.weight,
                    r.pooled, x_est, x_lo, x_hi, arrow_lo, arrow_hi, square, pi_lo, pi_hi, num, weight_text,
                    r.note, not (a <= r.estimate <= b), centre + fs * 0.35,
                    pi_arrow_lo and pi_lo is not None, pi_arrow_hi and pi_hi is not None)


def _describe(title, measure_name, rows, log, k, pooled, ci_level, a, b) -> str:
    """The plot in words, for screen readers (the SVG's <desc>) and the markdown text version."""
    parts = []
    head = f"{title}: " if title else ""
    parts.append(f"{head}forest plot of the {measure_name.lower()}"
                 f"{' on a log scale' if log else ''} from {tick_label(a, log)} to {tick_label(b, log)}, "
                 f"{k} {'study' if k == 1 else 'studies'}.")
    for r in rows:
        ci = f" ({ci_level}% CI {fmt(r.lo, log)} to {fmt(r.hi, log)})" if r.lo is not None and r.hi is not None else ""
        w = f", weight {fmt_weight(r.weight)}" if r.weight is not None else ""
        parts.append(f"{r.label}: {fmt(r.estimate, log)}{ci}{w}.")
    return " ".join(parts)


# ------------------------------------------------------------------------------------------ render
def render_svg(forest: ForestLayout) -> str:
    return environment().get_template("forest.svg.j2").render(f=forest)


def forest_svg(rows: Sequence[PlotRow], measure: str, **kw) -> str:
    return render_svg(layout(rows, measure, **kw))
