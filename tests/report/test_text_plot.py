"""The one text forest plotter (msvitd/output/forest.py): its two layouts draw with the same tools,
so a reader sees the same marks in `msvitd summarize` and in the markdown page of `msvitd report`."""

from __future__ import annotations

import math

from msvitd.output.forest import CharAxis, render_forest, spread_labels, text_plot, whisker
from msvitd.report.forest import PlotRow, layout
from msvitd.summary.report import Forest, ForestRow


def test_a_ci_beyond_the_axis_ends_in_an_arrow_in_both_layouts():
    # the axis of the page's plot is set from 0.5 to 2; the summary's axis spans the studies' CIs, so the
    # prediction interval (wider) runs past it
    page = text_plot(layout([PlotRow("Wide", 1.0, 0.3, 3.5)], "HR", axis=(0.5, 2.0)))
    assert "<" in page.splitlines()[0] and ">" in page.splitlines()[0]
    pooled = ForestRow("Pooled", 0.8, 0.6, 1.1, None, pooled=True)
    summary = render_forest(Forest("Relapse", "HR", (ForestRow("A", 0.8, 0.6, 1.1, 100.0),), pooled=pooled,
                                   pi_lo=0.2, pi_hi=3.0, q=0.0, q_df=0, i2=0.0, tau2=0.0), 100)
    prediction = next(line for line in summary.splitlines() if line.startswith("Prediction"))
    assert "<" in prediction and ">" in prediction


def test_the_line_of_no_effect_shows_where_a_ci_crosses_it_on_the_page():
    plot = text_plot(layout([PlotRow("Crosses", 0.9, 0.6, 1.4)], "HR", axis=(0.5, 2.0)))
    assert "┼" in plot.splitlines()[0]
    assert "│" in text_plot(layout([PlotRow("Left of it", 0.6, 0.5, 0.8)], "HR", axis=(0.25, 2.0))).splitlines()[0]


def test_the_same_value_sits_in_the_same_column_on_a_log_axis():
    axis = CharAxis(math.log(0.25), math.log(4.0), 41, math.log)
    assert [axis.col(v) for v in (0.25, 0.5, 1.0, 2.0, 4.0)] == [0, 10, 20, 30, 40]
    assert axis.col(0.01) == 0 and axis.col(100.0) == 40  # beyond the ends: the end columns
    row = whisker(axis, 1.0, 0.5, 2.0, 1.0, "■", ends=("[", "]"), crossing="┼", arrows=(False, False))
    assert row[10] == "[" and row[20] == "■" and row[30] == "]"


def test_tick_labels_never_run_into_each_other():
    marks = [(0, "0.25"), (2, "0.5"), (10, "1"), (11, "2")]
    line = spread_labels(marks, 20, gap=1, inside=False)
    assert line.split() == ["0.25", "1"]  # 0.5 and 2 would touch the label before them
    assert spread_labels([(19, "100")], 20, gap=2, inside=True).rstrip().endswith("100")  # moved in, not cut
