"""The records of a forest plot: the rows it is given (PlotRow), its style, and the laid-out plot
(ForestLayout, DrawnRow, Tick) in px, which the SVG template and the text plot draw without arithmetic.

ForestLayout is a drawing; the numbers it draws come from the summary's ``Forest``
(msvitd/summary/report.py) or any other rows the page builds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from msvitd.report.axis import scale

MEASURE_NAMES = {
    "HR": "Hazard ratio", "RR": "Risk ratio", "OR": "Odds ratio", "IRR": "Rate ratio",
    "RD": "Risk difference", "MD": "Mean difference", "SMD": "Standardised mean difference",
    "median_difference": "Difference in medians",
}


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
class ForestLayout:
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
