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
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from typing import Optional, Sequence

RATIO_MEASURES = ("HR", "RR", "OR", "IRR")
MEASURE_NAMES = {
    "HR": "Hazard ratio", "RR": "Risk ratio", "OR": "Odds ratio", "IRR": "Rate ratio",
    "RD": "Risk difference", "MD": "Mean difference", "SMD": "Standardised mean difference",
    "median_difference": "Difference in medians",
}

# Advance widths in em of DejaVu Sans (the widest of the common sans-serif faces: wider than Arial,
# Helvetica, Liberation Sans, Roboto), rounded up. Used as an upper estimate of a label's width.
_NARROW = dict.fromkeys("ijl|!.,:;'`", 0.32)
_NARROW.update(dict.fromkeys("fIJt()[]{}/\\- ", 0.42))
_NARROW["r"] = 0.42
_WIDE = dict.fromkeys("mw%", 1.0)
_WIDE.update(dict.fromkeys("MW@", 1.0))
_WIDE.update(dict.fromkeys("—…", 1.0))
_UPPER = 0.80
_OTHER = 0.66
MONO_EM = 0.61  # DejaVu Sans Mono, Liberation Mono, Courier, Menlo: 0.60-0.602 em


def char_em(ch: str) -> float:
    if ch in _NARROW:
        return _NARROW[ch]
    if ch in _WIDE:
        return _WIDE[ch]
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.05
    if unicodedata.combining(ch):
        return 0.0
    if ch.isupper():
        return _UPPER
    return _OTHER


def text_width(text: str, font_size: float) -> float:
    """Estimated width in px of ``text`` in the plot's sans-serif face (an upper estimate)."""
    return sum(char_em(c) for c in text) * font_size


def mono_width(text: str, font_size: float) -> float:
    return len(text) * MONO_EM * font_size


@dataclass(frozen=True)
class PlotRow:
    label: str
    estimate: float
    lo: Optional[float] = None
    hi: Optional[float] = None
    weight: Optional[float] = None  # percent; None: not weighted (a single study, or not known)
    pooled: bool = False
    pi_lo: Optional[float] = None  # prediction interval, for a pooled row
    pi_hi: Optional[float] = None
    note: Optional[str] = None  # e.g. "computed by msvitd from counts"


@dataclass(frozen=True)
class Style:
    font_size: float = 13.0
    line_height: float = 17.0
    row_pad: float = 7.0  # vertical padding inside each row band
    max_label: float = 260.0  # px; longer labels wrap onto a second line
    min_label: float = 60.0
    plot_width: float = 300.0
    gap: float = 16.0
    margin: float = 10.0
    max_square: float = 14.0
    min_square: float = 5.0
    unweighted_square: float = 9.0
    diamond_height: float = 12.0
    arrow: float = 5.0


@dataclass(frozen=True)
class Tick:
    value: float
    x: float
    label: str


@dataclass(frozen=True)
class DrawnRow:
    label: str  # full text
    lines: tuple[str, ...]  # as drawn (wrapped, perhaps cut with an ellipsis)
    cut: bool  # True when the drawn text is shorter than the label (the <title> keeps it)
    top: float
    bottom: float
    y: float  # the row's centre line: where the CI line, square or diamond sit
    text_y: tuple[float, ...]  # baseline of each label line
    estimate: float
    lo: Optional[float]
    hi: Optional[float]
    weight: Optional[float]
    pooled: bool
    x_est: float
    x_lo: Optional[float]  # clipped to the axis
    x_hi: Optional[float]
    arrow_lo: bool  # the CI runs past the left end of the axis
    arrow_hi: bool
    square: float  # side in px (0 for a pooled row)
    x_pi_lo: Optional[float] = None
    x_pi_hi: Optional[float] = None
    numbers: str = ""
    weight_text: str = ""
    note: Optional[str] = None
    est_outside: bool = False  # the point estimate itself lies off the axis
    num_y: float = 0.0  # baseline of the numbers: on the row's centre line
    pi_arrow_lo: bool = False  # the prediction interval runs past the axis
    pi_arrow_hi: bool = False


@dataclass(frozen=True)
class Forest:
    """Everything the SVG template draws, in px; ``x()`` maps an effect value to its position."""

    id: str
    title: str
    description: str
    measure: str
    measure_name: str
    log: bool
    axis_lo: float
    axis_hi: float
    null: float
    width: float
    height: float
    font_size: float
    label_x: float
    label_width: float
    plot_x0: float
    plot_x1: float
    numbers_x: float  # left edge of the estimate [CI] column
    weight_x: float  # right edge of the weight column
    header_y: float
    rows_top: float
    rows_bottom: float
    axis_y: float
    axis_label_y: float
    favours_y: float
    ticks: tuple[Tick, ...]
    rows: tuple[DrawnRow, ...]
    x_null: float
    numbers_header: str
    weight_header: str
    favours: tuple[str, str] = ("", "")  # the words as given (the text plot prints them whole)
    favours_lines: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())  # as drawn, arrows included, wrapped
    separator_y: Optional[float] = None  # line between studies and pooled rows
    show_weights: bool = True
    ci_level: int = 95
    label_header: str = "Study"
    line_height: float = 17.0

    def x(self, value: float) -> float:
        return scale(value, self.axis_lo, self.axis_hi, self.plot_x0, self.plot_x1, self.log)


def scale(value: float, lo: float, hi: float, x0: float, x1: float, log: bool) -> float:
    """Position of ``value`` on an axis from ``lo`` (at x0) to ``hi`` (at x1)."""
    if log:
        f = (math.log(value) - math.log(lo)) / (math.log(hi) - math.log(lo))
    else:
        f = (value - lo) / (hi - lo)
    return x0 + f * (x1 - x0)


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


# ------------------------------------------------------------------------------------------- axis
_LOG_CAP = (0.01, 100.0)
_LOG_125 = (1.0, 2.0, 5.0)


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


# ----------------------------------------------------------------------------------------- labels
def wrap_label(label: str, max_px: float, font_size: float, max_lines: int = 2) -> tuple[tuple[str, ...], bool]:
    """Wrap at spaces into lines no wider than ``max_px``; cut the last line with an ellipsis."""
    text = " ".join(label.split())
    if text_width(text, font_size) <= max_px:
        return (text,), False
    words = text.split(" ")
    lines: list[str] = []
    cur = ""
    i = 0
    while i < len(words) and len(lines) < max_lines - 1:
        w = words[i]
        trial = f"{cur} {w}" if cur else w
        if text_width(trial, font_size) <= max_px:
            cur = trial
            i += 1
            continue
        if not cur:  # one word wider than the column: break it
            cur = _fit(w, max_px, font_size, ellipsis=False)
            words[i] = w[len(cur):]
        lines.append(cur)
        cur = ""
    rest = " ".join(([cur] if cur else []) + words[i:]).strip()
    cut = False
    if rest:
        if text_width(rest, font_size) <= max_px:
            lines.append(rest)
        else:
            lines.append(_fit(rest, max_px, font_size, ellipsis=True))
            cut = True
    return tuple(lines), cut


def _two_line_width(text: str, font_size: float, slack: float = 1.25) -> float:
    """A column that holds ``text`` on two lines broken at a space (one line if it has none): the narrowest
    one, or up to ``slack`` times wider when that puts more words on the first line (reads better)."""
    words = text.split(" ")
    splits = [max(text_width(" ".join(words[:i]), font_size), text_width(" ".join(words[i:]), font_size))
              for i in range(1, len(words))]
    if not splits:
        return text_width(text, font_size)
    best = min(splits)
    return next(w for w in reversed(splits) if w <= best * slack)


def _fit(text: str, max_px: float, font_size: float, ellipsis: bool) -> str:
    room = max_px - (text_width("…", font_size) if ellipsis else 0)
    out = ""
    for ch in text:
        if text_width(out + ch, font_size) > room:
            break
        out += ch
    if not out:
        out = text[:1]
    return (out.rstrip() + "…") if ellipsis else out


# ----------------------------------------------------------------------------------------- layout
def layout(rows: Sequence[PlotRow], measure: str, *, id: str = "forest", title: str = "",
           axis: Optional[tuple[float, float]] = None, favours: tuple[str, str] = ("", ""),
           style: Style = Style(), label_header: str = "Study", ci_level: int = 95) -> Forest:
    """Compute every position of the plot. Raises ValueError on rows a plot cannot show."""
    if not rows:
        raise ValueError("a forest plot needs at least one row")
    log = measure in RATIO_MEASURES
    for r in rows:
        for v in (r.estimate, r.lo, r.hi):
            if v is None:
                continue
            if not math.isfinite(v) or (log and v <= 0):
                raise ValueError(f"{r.label}: {v} cannot be drawn on a {'log' if log else 'linear'} axis")
        if r.lo is not None and r.hi is not None and not (r.lo <= r.estimate <= r.hi):
            raise ValueError(f"{r.label}: the estimate {r.estimate} is outside its CI [{r.lo}, {r.hi}]")
    null = 1.0 if log else 0.0
    values = [v for r in rows for v in (r.estimate, r.lo, r.hi)]
    if axis is None:
        axis = log_axis(values, null) if log else linear_axis(values, null)
    a, b = axis
    if not (b > a) or (log and a <= 0):
        raise ValueError(f"bad axis {axis}")
    fs = style.font_size
    measure_name = MEASURE_NAMES.get(measure, measure)

    # horizontal layout: label | plot | estimate [CI] | weight
    drawn_labels = [wrap_label(r.label, style.max_label, fs) for r in rows]
    widest = max([text_width(line, fs) for lines, _ in drawn_labels for line in lines] + [text_width(label_header, fs)])
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
    width = weight_x + style.margin

    # the "favours" words under the axis, each on its side of the line of no effect: on one line where
    # they fit, else on two; when two lines do not fit either, the plot moves right (or grows) to make room
    null = 1.0 if log else 0.0
    dx_null = scale(null, a, b, 0.0, style.plot_width, log)
    sides = (f"← {favours[0]}" if favours[0] else "", f"{favours[1]} →" if favours[1] else "")
    rooms = [plot_x0 + dx_null - 6 - style.margin, width - style.margin - (plot_x0 + dx_null + 6)]
    extra = [0.0, 0.0]
    for k, text in enumerate(sides):
        if text and text_width(text, fs) > rooms[k]:
            extra[k] = min(max(0.0, _two_line_width(text, fs) - rooms[k]), style.max_label)
            rooms[k] += extra[k]
    if extra[0]:
        plot_x0 += extra[0]
        plot_x1 += extra[0]
        numbers_x += extra[0]
        weight_x += extra[0]
        width += extra[0]
    width += extra[1]
    favours_lines = tuple(wrap_label(text, room, fs)[0] if text else () for text, room in zip(sides, rooms))

    # vertical layout: header, rows (each as tall as its label), separator, pooled rows, axis
    header_y = style.margin + fs  # baseline of the column headings
    y = header_y + style.row_pad + 2
    rows_top = y
    out: list[DrawnRow] = []
    separator_y = None
    max_w = max([r.weight for r in rows if r.weight is not None and not r.pooled] or [100.0])
    ref_w = max(max_w, 100.0 if max_w > 50 else max_w)
    x = lambda v: scale(v, a, b, plot_x0, plot_x1, log)  # noqa: E731
    for r, (lines, cut), num, wt in zip(rows, drawn_labels, numbers, weights):
        if r.pooled and separator_y is None and out:
            separator_y = y + 2
            y += 6
        h = len(lines) * style.line_height + 2 * style.row_pad
        top, bottom = y, y + h
        centre = (top + bottom) / 2
        first_base = centre - (len(lines) - 1) * style.line_height / 2 + fs * 0.35
        text_y = tuple(first_base + i * style.line_height for i in range(len(lines)))

        def clip(v):
            if v is None:
                return None, False, False
            if v < a:
                return plot_x0, True, False
            if v > b:
                return plot_x1, False, True
            return x(v), False, False

        x_lo, arrow_lo, _ = clip(r.lo)
        x_hi, _, arrow_hi = clip(r.hi)
        est_outside = not (a <= r.estimate <= b)
        x_est = min(max(x(r.estimate), plot_x0), plot_x1)
        if r.pooled:
            square = 0.0
        elif r.weight is None:
            square = style.unweighted_square
        else:
            square = max(style.min_square, style.max_square * math.sqrt(max(r.weight, 0.0) / ref_w))
        pi_lo, pi_arrow_lo, _ = clip(r.pi_lo) if r.pooled else (None, False, False)
        pi_hi, _, pi_arrow_hi = clip(r.pi_hi) if r.pooled else (None, False, False)
        out.append(DrawnRow(r.label, lines, cut, top, bottom, centre, text_y, r.estimate, r.lo, r.hi, r.weight,
                            r.pooled, x_est, x_lo, x_hi, arrow_lo, arrow_hi, square, pi_lo, pi_hi, num,
                            wt if show_weights else "", r.note, est_outside, centre + fs * 0.35,
                            pi_arrow_lo and pi_lo is not None, pi_arrow_hi and pi_hi is not None))
        y = bottom
    rows_bottom = y
    axis_y = rows_bottom + 6
    tick_len = 5
    axis_label_y = axis_y + tick_len + fs + 2 + style.line_height
    favours_y = axis_label_y + style.line_height if any(favours) else axis_label_y
    n_favours = max(len(lines) for lines in favours_lines)
    height = favours_y + max(n_favours - 1, 0) * style.line_height + style.margin
    ticks = tuple(Tick(v, x(v), tick_label(v, log)) for v in tick_values(a, b, log))
    x_null = x(null)
    k = sum(1 for r in rows if not r.pooled)
    pooled = [r for r in rows if r.pooled]
    description = _describe(title, measure_name, rows, log, k, pooled, ci_level, a, b)
    return Forest(id=id, title=title or f"Forest plot ({measure_name})", description=description, measure=measure,
                  measure_name=measure_name, log=log, axis_lo=a, axis_hi=b, null=null, width=round(width, 1),
                  height=round(height, 1), font_size=fs, label_x=label_x, label_width=label_w, plot_x0=plot_x0,
                  plot_x1=plot_x1, numbers_x=numbers_x, weight_x=weight_x, header_y=header_y, rows_top=rows_top,
                  rows_bottom=rows_bottom, axis_y=axis_y, axis_label_y=axis_label_y, favours_y=favours_y,
                  ticks=ticks, rows=tuple(out), x_null=x_null, numbers_header=numbers_header,
                  weight_header=weight_header, favours=tuple(favours), favours_lines=favours_lines,
                  separator_y=separator_y,
                  show_weights=show_weights, ci_level=ci_level,
                  label_header=label_header, line_height=style.line_height)


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
def render_svg(forest: Forest) -> str:
    from msvitd.report.templating import environment

    return environment().get_template("forest.svg.j2").render(f=forest)


def forest_svg(rows: Sequence[PlotRow], measure: str, **kw) -> str:
    return render_svg(layout(rows, measure, **kw))


def text_plot(forest: Forest, width: int = 41) -> str:
    """The plot as monospaced text, for markdown and terminals: ``[---■---]`` on a character axis."""
    cols = max(width, 11)
    pos = lambda v: int(round(scale(min(max(v, forest.axis_lo), forest.axis_hi), forest.axis_lo,  # noqa: E731
                                    forest.axis_hi, 0, cols - 1, forest.log)))
    label_w = min(max(len(r.label) for r in forest.rows), 40)
    lines = []
    null_col = pos(forest.null)
    for r in forest.rows:
        cells = [" "] * cols
        cells[null_col] = "│"
        if r.lo is not None and r.hi is not None:
            c0, c1 = pos(r.lo), pos(r.hi)
            for c in range(c0, c1 + 1):
                cells[c] = "─" if c != null_col else "┼"
            cells[c0] = "<" if r.arrow_lo else "["
            cells[c1] = ">" if r.arrow_hi else "]"
        cells[pos(r.estimate)] = "◆" if r.pooled else "■"
        label = r.label if len(r.label) <= label_w else r.label[:label_w - 1] + "…"
        w = f"  {r.weight_text:>6}" if forest.show_weights else ""
        lines.append(f"{label:<{label_w}}  {''.join(cells)}  {r.numbers}{w}")
    axis = [" "] * cols
    marks = []
    for t in forest.ticks:
        c = pos(t.value)
        axis[c] = "┴" if axis[c] == " " else axis[c]
        marks.append((c, t.label))
    axis_line = "".join("┴" if ch == "┴" else "─" for ch in axis)
    label_row = [" "] * (cols + 8)
    last_end = -2
    for c, text in marks:
        start = max(0, c - len(text) // 2)
        if start <= last_end + 1:
            continue
        for i, ch in enumerate(text):
            if start + i < len(label_row):
                label_row[start + i] = ch
        last_end = start + len(text) - 1
    pad = " " * (label_w + 2)
    lines.append(pad + axis_line)
    lines.append(pad + "".join(label_row).rstrip())
    scale_note = f"{forest.measure_name}{' (log scale)' if forest.log else ''}"
    lines.append(pad + scale_note)
    if any(forest.favours):
        lines.append(pad + f"← {forest.favours[0]}  |  {forest.favours[1]} →")
    return "\n".join(lines)
