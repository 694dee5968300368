"""Forest plot geometry: positions on the log axis to 0.1 px, no overlaps, escaping, golden SVG."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msvitd.report.forest import (
    PlotRow, layout, log_axis, render_svg, text_plot, text_width, tick_values, wrap_label,
)
from tests.report.golden import check_golden

SVG = "{http://www.w3.org/2000/svg}"
DLAY = PlotRow("D-Lay MS", 0.66, 0.50, 0.87)


def expected_x(v, lo, hi, x0, x1):
    return x0 + (math.log(v) - math.log(lo)) / (math.log(hi) - math.log(lo)) * (x1 - x0)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # the SVG is well-formed XML (a standalone file for markdown uses it as is)


def rows_of(root):
    return [g for g in root.iter(f"{SVG}g") if "row" in g.get("class", "").split()]


# --------------------------------------------------------------------------------- log geometry
def test_hr_066_on_025_to_2_axis_sits_left_of_1_at_log_proportions():
    f = layout([DLAY], "HR", axis=(0.25, 2.0))
    x0, x1 = f.plot_x0, f.plot_x1
    root = parse(render_svg(f))
    ci = root.find(f".//{SVG}line[@class='ci']")
    box = root.find(f".//{SVG}rect[@class='box']")
    null = root.find(f".//{SVG}line[@class='null-line']")
    x_lo, x_hi = float(ci.get("x1")), float(ci.get("x2"))
    x_est = float(box.get("x")) + float(box.get("width")) / 2
    x_null = float(null.get("x1"))
    # exact to 0.1 px against log-scale arithmetic
    assert x_lo == pytest.approx(expected_x(0.50, 0.25, 2, x0, x1), abs=0.1)
    assert x_hi == pytest.approx(expected_x(0.87, 0.25, 2, x0, x1), abs=0.1)
    assert x_est == pytest.approx(expected_x(0.66, 0.25, 2, x0, x1), abs=0.1)
    assert x_null == pytest.approx(expected_x(1.0, 0.25, 2, x0, x1), abs=0.1)
    # 0.25 -> 2 is three doublings over 300 px: 0.5 at 100 px, 1 at 200 px
    assert x_lo - x0 == pytest.approx(100.0, abs=0.1)
    assert x_null - x0 == pytest.approx(200.0, abs=0.1)
    # the whole CI lies left of the line of no effect
    assert x_hi < x_null
    # a ratio CI is symmetric in logs (0.66 = sqrt(0.50 x 0.87)), asymmetric in plain numbers
    # (0.16 below, 0.21 above): on a log axis the two arms come out the same length
    left, right = x_est - x_lo, x_hi - x_est
    assert left == pytest.approx((x1 - x0) * math.log(0.66 / 0.50) / math.log(8), abs=0.1)
    assert right == pytest.approx((x1 - x0) * math.log(0.87 / 0.66) / math.log(8), abs=0.1)
    assert left == pytest.approx(right, abs=0.3)
    assert (0.66 - 0.50) / (0.87 - 0.66) < 0.8  # a linear drawing would have been lopsided


def test_ticks_are_nice_log_values_at_their_positions():
    f = layout([DLAY], "HR", axis=(0.25, 2.0))
    assert [t.value for t in f.ticks] == [0.25, 0.5, 1.0, 2.0]
    assert [t.label for t in f.ticks] == ["0.25", "0.5", "1", "2"]
    for t in f.ticks:
        assert t.x == pytest.approx(expected_x(t.value, 0.25, 2, f.plot_x0, f.plot_x1), abs=1e-9)
    root = parse(render_svg(f))
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "tick-label"]
    assert labels == ["0.25", "0.5", "1", "2"]


def test_automatic_axis_keeps_room_and_the_line_of_no_effect():
    assert log_axis([0.66, 0.50, 0.87]) == (0.25, 2.0)  # 0.50 touches 0.5: one more doubling
    assert log_axis([1.2, 1.1, 1.3]) == (0.5, 2.0)
    lo, hi = log_axis([0.05, 0.02, 0.09])
    assert lo < 0.02 and hi >= 1.0
    lo, hi = log_axis([3.0, 0.001, 5000.0])
    assert (lo, hi) == (0.01, 100.0)  # capped; beyond it the CI is drawn with arrows
    for lo, hi in [(0.25, 2.0), (0.01, 100.0), (0.02, 50.0)]:
        ticks = tick_values(lo, hi, True)
        assert 1.0 in ticks and len(ticks) <= 9


def test_ci_beyond_the_axis_is_clipped_with_arrows():
    f = layout([PlotRow("Tiny trial", 0.9, 0.05, 40.0)], "OR", axis=(0.25, 4.0))
    r = f.rows[0]
    assert r.arrow_lo and r.arrow_hi
    assert r.x_lo == f.plot_x0 and r.x_hi == f.plot_x1
    root = parse(render_svg(f))
    assert len(root.findall(f".//{SVG}polygon[@class='arrow']")) == 2


def test_asymmetric_ci_drawn_asymmetric_on_the_log_axis():
    f = layout([PlotRow("Skewed", 0.9, 0.3, 1.2)], "RR", axis=(0.25, 2.0))
    r = f.rows[0]
    left, right = r.x_est - r.x_lo, r.x_hi - r.x_est
    assert left == pytest.approx((f.plot_x1 - f.plot_x0) * math.log(3) / math.log(8), abs=0.1)
    assert right == pytest.approx((f.plot_x1 - f.plot_x0) * math.log(1.2 / 0.9) / math.log(8), abs=0.1)
    assert left > 3 * right


def test_control_characters_do_not_break_the_svg():
    root = parse(render_svg(layout([PlotRow("Bell\x07 and\x08 backspace", 0.8, 0.6, 1.1)], "RR")))
    assert rows_of(root)[0].get("data-label") == "Bell\ufffd and\ufffd backspace"


def test_prediction_interval_beyond_the_axis_gets_arrows():
    rows = [PlotRow("A", 0.66, 0.5, 0.87, weight=50), PlotRow("B", 1.05, 0.7, 1.58, weight=50),
            PlotRow("Pooled", 0.8, 0.6, 1.05, pooled=True, pi_lo=0.06, pi_hi=10.6)]
    f = layout(rows, "HR")
    p = f.rows[-1]
    assert (p.x_pi_lo, p.x_pi_hi) == (f.plot_x0, f.plot_x1) and p.pi_arrow_lo and p.pi_arrow_hi
    assert len(parse(render_svg(f)).findall(f".//{SVG}polyline[@class='pi-arrow']")) == 2
    inside = layout(rows[:2] + [PlotRow("Pooled", 0.8, 0.6, 1.05, pooled=True, pi_lo=0.4, pi_hi=1.6)], "HR")
    assert not inside.rows[-1].pi_arrow_lo and not inside.rows[-1].pi_arrow_hi


def test_linear_axis_for_differences():
    f = layout([PlotRow("Trial A", -0.3, -0.8, 0.2), PlotRow("Trial B", 0.4, 0.1, 0.7)], "MD")
    assert not f.log
    assert f.axis_lo <= -0.8 and f.axis_hi >= 0.7
    for r in f.rows:
        assert r.x_est == pytest.approx(f.plot_x0 + (r.estimate - f.axis_lo) / (f.axis_hi - f.axis_lo)
                                        * (f.plot_x1 - f.plot_x0), abs=1e-9)
    # symmetric CI drawn symmetric
    a = f.rows[0]
    assert a.x_est - a.x_lo == pytest.approx(a.x_hi - a.x_est, abs=1e-9)
    assert f.x_null == pytest.approx(f.x(0.0))


def test_weight_scaled_squares_and_pooled_diamond():
    rows = [PlotRow("Big", 0.8, 0.6, 1.05, weight=64.0), PlotRow("Small", 0.6, 0.3, 1.2, weight=16.0),
            PlotRow("Pooled", 0.74, 0.58, 0.95, pooled=True, weight=100.0)]
    f = layout(rows, "RR")
    big, small, pooled = f.rows
    # area proportional to weight: 64 vs 16 -> sides 2:1
    assert big.square / small.square == pytest.approx(2.0, rel=1e-9)
    assert pooled.square == 0
    root = parse(render_svg(f))
    diamond = root.find(f".//{SVG}polygon[@class='diamond']")
    pts = [tuple(map(float, p.split(","))) for p in diamond.get("points").split()]
    xs = sorted(p[0] for p in pts)
    assert xs[0] == pytest.approx(f.x(0.58), abs=0.1)
    assert xs[-1] == pytest.approx(f.x(0.95), abs=0.1)
    assert pts[1][0] == pytest.approx(f.x(0.74), abs=0.1)
    assert f.separator_y is not None and small.bottom <= f.separator_y <= pooled.top
    weights = [t.text for t in root.iter(f"{SVG}text") if "weight" in t.get("class", "")]
    assert weights == ["64.0%", "16.0%", "100.0%"]


def test_numbers_column_shows_estimate_ci_and_weight():
    f = layout([PlotRow("Trial", 0.66, 0.5, 0.87, weight=37.5)], "HR")
    root = parse(render_svg(f))
    nums = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "num"]
    assert "HR [95% CI]" in nums and "0.66 [0.50, 0.87]" in nums
    assert f.numbers_x > f.plot_x1


# ------------------------------------------------------------------------------ no overlaps
def _assert_no_overlap(f):
    tops = [(r.top, r.bottom) for r in f.rows]
    for (t0, b0), (t1, b1) in zip(tops, tops[1:]):
        assert b0 <= t1, "row bands overlap"
    for r in f.rows:
        for line in r.lines:
            assert text_width(line, f.font_size) <= f.label_width + 1e-6, line
        assert len(r.text_y) == len(r.lines)
        # every label line sits inside its own band
        for y in r.text_y:
            assert r.top < y - f.font_size * 0.8 and y <= r.bottom
    assert f.label_x + f.label_width < f.plot_x0
    assert f.plot_x1 < f.numbers_x
    assert f.rows[-1].bottom < f.axis_y < f.height


def test_many_rows_with_long_labels_never_overlap_or_drop_out():
    rows = [PlotRow(("A very long trial name with a sponsor, an acronym and a year " * (i % 3 + 1)).strip()
                    if i % 4 == 0 else f"Trial {i}", 0.5 + i / 100, 0.3 + i / 120, 0.9 + i / 80,
                    weight=100 / 60) for i in range(60)]
    rows.append(PlotRow("Random effects (REML)", 0.7, 0.6, 0.8, pooled=True))
    f = layout(rows, "HR")
    _assert_no_overlap(f)
    root = parse(render_svg(f))
    drawn = rows_of(root)
    assert len(drawn) == 61
    for g, r in zip(drawn, rows):
        assert g.get("data-label") == r.label  # nothing dropped
        assert g.find(f"{SVG}title").text.startswith(r.label)  # the full text, also when the drawn one is cut
    cut = [r for r in f.rows if r.cut]
    assert cut and all(r.lines[-1].endswith("…") for r in cut)
    assert f.height > 61 * 20


def test_wrap_label_wraps_then_cuts_with_ellipsis():
    lines, cut = wrap_label("Short", 200, 13)
    assert lines == ("Short",) and not cut
    lines, cut = wrap_label("word " * 40, 200, 13)
    assert len(lines) == 2 and cut and lines[1].endswith("…")
    lines, cut = wrap_label("Supercalifragilisticexpialidocious" * 4, 120, 13)
    assert all(text_width(x, 13) <= 120 for x in lines) and cut


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(min_size=1, max_size=120), st.floats(0.05, 20), st.floats(1.0, 4.0),
                          st.one_of(st.none(), st.floats(0.1, 100))), min_size=1, max_size=25),
       st.sampled_from(["HR", "RR", "OR"]))
def test_any_rows_lay_out_without_overlap(items, measure):
    rows = [PlotRow(label, est, est / spread, est * spread, weight) for label, est, spread, weight in items
            if label.strip()]
    if not rows:
        return
    f = layout(rows, measure)
    _assert_no_overlap(f)
    for r in f.rows:
        assert f.plot_x0 <= r.x_lo <= r.x_est <= r.x_hi <= f.plot_x1
    parse(render_svg(f))


# ---------------------------------------------------------------------------------- escaping
def test_labels_are_escaped():
    f = layout([PlotRow("<script>alert(1)</script> & \"co\"", 0.8, 0.6, 1.1)], "RR",
               title="</title><script>x</script>")
    svg = render_svg(f)
    assert "<script>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in svg
    root = parse(svg)
    assert rows_of(root)[0].get("data-label") == "<script>alert(1)</script> & \"co\""


def test_bad_rows_are_refused_with_a_reason():
    with pytest.raises(ValueError, match="log axis"):
        layout([PlotRow("Zero", 0.0, 0.0, 1.0)], "HR")
    with pytest.raises(ValueError, match="outside its CI"):
        layout([PlotRow("Odd", 2.0, 0.5, 1.0)], "HR")
    with pytest.raises(ValueError):
        layout([], "HR")


def test_accessible_svg_has_title_and_description():
    f = layout([DLAY], "HR", id="plot-da", title="Disease activity")
    root = parse(render_svg(f))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "plot-da-title plot-da-desc"
    assert root.find(f"{SVG}title").text == "Disease activity"
    desc = root.find(f"{SVG}desc").text
    assert "hazard ratio on a log scale" in desc and "0.66 (95% CI 0.50 to 0.87)" in desc


# ------------------------------------------------------------------------------------ golden
def test_golden_svg_and_text_plot():
    rows = [PlotRow("D-Lay MS", 0.66, 0.50, 0.87, weight=58.2),
            PlotRow("A second, smaller trial with a long name that wraps onto two lines", 0.9, 0.55, 1.48,
                    weight=41.8),
            PlotRow("Random effects (REML)", 0.75, 0.55, 1.02, pooled=True, weight=100.0, pi_lo=0.3, pi_hi=1.9)]
    f = layout(rows, "HR", id="golden", title="Disease activity",
               favours=("Favours vitamin D", "Favours placebo"))
    check_golden("forest-two-trials.svg", render_svg(f))
    check_golden("forest-two-trials.txt", text_plot(f) + "\n")
    f1 = layout([DLAY], "HR", id="dlay", title="Disease activity", axis=(0.25, 2.0))
    check_golden("forest-dlay.svg", render_svg(f1))


def test_linear_ticks_are_multiples_of_their_step_with_zero_among_them():
    ticks = tick_values(-0.06, 0.06, False)
    assert 0.0 in ticks and ticks == sorted(ticks)
    step = ticks[1] - ticks[0]
    assert all(abs(t / step - round(t / step)) < 1e-9 for t in ticks)
    assert -0.06 <= ticks[0] and ticks[-1] <= 0.06


def test_favours_words_wrap_rather_than_being_cut():
    # the line of no effect near the left end leaves little room on that side: two lines, whole words
    f = layout([PlotRow("VIDAMS", 3.7, 1.28, 10.7)], "RR", favours=("Favours high-dose vitamin D",
                                                                      "Favours low-dose vitamin D"))
    left, right = f.favours_lines
    assert " ".join(left) == "← Favours high-dose vitamin D" and len(left) == 2
    assert right == ("Favours low-dose vitamin D →",)
    assert all(text_width(line, f.font_size) <= f.x_null - 6 - 10 + 0.01 for line in left)
    root = parse(render_svg(f))
    drawn = [" ".join("".join(t.itertext()).split()) for t in root.iter(f"{SVG}text") if t.get("class") == "favours"]
    assert drawn == ["← Favours high-dose vitamin D", "Favours low-dose vitamin D →"]
    assert "Favours high-dose vitamin D  |  Favours low-dose vitamin D" in text_plot(f)
