"""The forest plot figures of one outcome, with their captions: pooled, per-study estimates not
pooled, or the row's own estimate; or, when no plot can be drawn, why (in the summary's own words).

The captions say what the plot cannot: the model and heterogeneity, what msvitd computed, which
studies are left out and why, and which side of the line favours which arm."""

from __future__ import annotations

from typing import Optional, Sequence

from markupsafe import Markup

from msvitd.output.forest import text_plot
from msvitd.report.forest import PlotRow, layout, render_svg
from msvitd.report.views import Figure
from msvitd.summary.wording import cap


def _ci_text(v: Optional[float]) -> str:
    return "—" if v is None else f"{v:.2f}"


def _pooled_rows(forest) -> list:
    pooled = getattr(forest, "pooled", None)
    if pooled is not None:
        return [pooled]
    return [r for r in forest.rows if getattr(r, "pooled", False)]


def _sentence(text: str) -> str:
    return cap(text.strip().rstrip(".")) + "."


def favours(better: Optional[str], intervention: Optional[str], comparator: Optional[str]) -> tuple[str, str]:
    """The words under the two sides of a forest plot: (left of the line of no effect, right of it).

    Every estimate is the intervention against the comparator, so values left of the line mean less of
    the outcome with the intervention: that side favours the intervention when lower is better (relapse),
    the comparator when higher is better (no evidence of disease activity)."""
    i = intervention or "intervention"
    c = comparator or "comparator"
    if better == "lower":
        return f"Favours {i}", f"Favours {c}"
    if better == "higher":
        return f"Favours {c}", f"Favours {i}"
    return "Lower with intervention", "Higher with intervention"


def _arm_words(row, arm_names: dict) -> tuple[Optional[str], Optional[str]]:
    """(intervention, comparator) short names for a row of one study: its arms' short labels."""
    arms = tuple(getattr(row, "arms", ()) or ())
    sid = next(iter(getattr(row, "study_ids", ()) or ()), None)
    out = []
    for k in (0, 1):
        a = arms[k] if len(arms) > k else None
        if a is None:
            out.append(None)
            continue
        out.append(arm_names.get((sid, a.arm)) or getattr(a, "label", None) or None)
    return out[0], out[1]


def _sides(study_rows: Sequence, arm_names: dict) -> tuple[Optional[str], Optional[str]]:
    """The intervention and comparator words of the studies in one plot: theirs when they agree."""
    words = {_arm_words(r, arm_names) for r in study_rows}
    if len(words) == 1:
        return next(iter(words))
    ints, comps = {w[0] for w in words}, {w[1] for w in words}
    return (ints.pop() if len(ints) == 1 else None), (comps.pop() if len(comps) == 1 else None)


def _figure(plot_rows: list, measure: str, fig_id: str, number: int, title: str, outcome: str,
            side_words: tuple[str, str], caption_bits: list) -> tuple[Optional["Figure"], Optional[str]]:
    try:
        f = layout(plot_rows, measure, id=fig_id, title=f"Forest plot: {title}", favours=side_words)
    except ValueError as exc:
        return None, f"cannot be drawn: {exc}"
    scale = "log scale; " if f.log else ""
    caption_bits = [f"{f.measure_name} ({scale}line of no effect at {f.null:g}).", *caption_bits]
    svg = render_svg(f)
    return Figure(id=fig_id, number=number, svg=Markup(svg), svg_text=svg, caption=" ".join(caption_bits),
                  description=f.description, text=text_plot(f), outcome=outcome), None


def _study_label(r) -> str:
    return r.label + (" †" if getattr(r, "by", "source") == "msvitd" else "")


def _pooled_figure(row, forest, number: int, fig_id: str, sides: tuple[str, str]):
    measure = forest.measure
    studies = [r for r in forest.rows if not getattr(r, "pooled", False)]
    plot_rows = [PlotRow(_study_label(r), r.estimate, r.lo, r.hi, r.weight) for r in studies]
    weighted = any(r.weight is not None for r in studies)
    for p in _pooled_rows(forest):
        plot_rows.append(PlotRow(p.label if p.label else "Pooled", p.estimate, p.lo, p.hi,
                                 100.0 if weighted else None, pooled=True,
                                 pi_lo=getattr(forest, "pi_lo", None), pi_hi=getattr(forest, "pi_hi", None)))
    model = "random effects" + (f" ({forest.tau2_method})" if getattr(forest, "tau2_method", None) else "")
    bits = []
    if getattr(forest, "i2", None) is not None:
        het = f"I² = {forest.i2:.0f}%, τ² = {forest.tau2:.3f}, Q = {forest.q:.2f} (df {forest.q_df}"
        het += f", P = {forest.q_p:.2g})" if forest.q_p is not None else ")"
        bits.append(f"{len(studies)} studies pooled by msvitd, {model}, inverse variance; {het}.")
    else:
        bits.append(f"{len(studies)} studies pooled by msvitd, {model}, inverse variance.")
    fixed = getattr(forest, "fixed", None)
    if fixed is not None:
        bits.append(f"Fixed effect: {measure} {_ci_text(fixed.estimate)} ({_ci_text(fixed.lo)} to {_ci_text(fixed.hi)}).")
    if getattr(forest, "pi_lo", None) is not None:
        bits.append(f"Dashed line: 95% prediction interval {_ci_text(forest.pi_lo)} to {_ci_text(forest.pi_hi)}.")
    if any(getattr(r, "by", "source") == "msvitd" for r in studies):
        bits.append("† computed by msvitd, not reported.")
    if getattr(forest, "note", None):
        bits.append(_sentence(forest.note))
    bits.append("Squares: study estimates, area proportional to weight; diamond: pooled estimate.")
    return _figure(plot_rows, measure, fig_id, number, row.name, row.name, sides, bits)


def _unpooled_figure(row, forest, number: int, fig_id: str, sides: tuple[str, str], left_out: Sequence[str]):
    """Per-study estimates side by side: squares of one size, no diamond, and the caption says why."""
    studies = list(forest.rows)
    plot_rows = [PlotRow(_study_label(r), r.estimate, r.lo, r.hi, None,
                         note="computed by msvitd, not reported" if getattr(r, "by", "") == "msvitd" else None)
                 for r in studies]
    k = len(studies)
    if k == 1:
        r = studies[0]
        who = "computed by msvitd" if getattr(r, "by", "") == "msvitd" else "as the source reported it"
        bits = [f"{r.label}: {forest.measure} {_ci_text(r.estimate)} ({_ci_text(r.lo)} to {_ci_text(r.hi)}), {who}."]
    else:
        bits = [f"{k} studies side by side, each as reported (or as computed, †)."]
    note = getattr(forest, "note", None)
    if note:
        bits.append(_sentence(note))
    elif getattr(row, "refused", None):
        bits.append(_sentence(row.refused))
    if left_out:
        bits.append("Not in this plot: " + "; ".join(left_out) + ".")
    bits.append("Squares: study estimates, not weighted; no diamond: nothing is pooled.")
    return _figure(plot_rows, forest.measure, fig_id, number, row.name, row.name, sides, bits)


def _relative_figure(row, number: int, fig_id: str, study_names: dict, sides: tuple[str, str]):
    """A row's own estimate (a study table has no plots of its own: each row is one study)."""
    rel = row.relative
    names = [study_names.get(s, s) for s in getattr(row, "study_ids", ())] or ["Study"]
    note = {"msvitd": "computed by msvitd from the arm counts", "pooled": "pooled by msvitd"}.get(rel.by)
    if rel.by == "msvitd" and getattr(rel, "method", None) and "inverted" in rel.method:
        note = "turned round by msvitd (arms swapped)"
    plot_rows = [PlotRow(" + ".join(names), rel.estimate, rel.lo, rel.hi, None, note=note)]
    bits = [f"One study, no pooling: {rel.measure} {_ci_text(rel.estimate)} ({_ci_text(rel.lo)} to "
            f"{_ci_text(rel.hi)})" + (f", {note}" if note else ", as the source reported it") + "."]
    if getattr(row, "refused", None):
        bits.append(_sentence(row.refused))
    return _figure(plot_rows, rel.measure, fig_id, number, row.name, row.name, sides, bits)


def _why_no_plot(row) -> str:
    """Why an outcome has no forest plot, in the summary's own words where it gives them."""
    refused = getattr(row, "refused", None)
    if getattr(row, "members", ()) and refused:
        return refused
    rel = getattr(row, "relative", None)
    if rel is not None and (rel.lo is None or rel.hi is None):
        return f"{rel.measure} {rel.estimate:.2f} was reported without a confidence interval"
    gaps = [g for g in getattr(row, "gaps", ()) if g.startswith(("a relative effect", "an effect", "effects"))]
    if gaps:
        return "msvitd cannot show " + gaps[0]
    if refused:
        return refused
    return "no effect estimate between the arms was reported or could be computed"


def _left_out(row, forest) -> list[str]:
    """The studies of an outcome that a plot does not show, and why."""
    shown = {r.label for r in forest.rows}
    out = []
    for m in getattr(row, "members", ()) or ():
        name = getattr(m, "study_name", None) or ""
        if name in shown:
            continue
        rel = getattr(m, "relative", None)
        if rel is None:
            out.append(f"{name} (no effect estimate)")
        elif rel.lo is None or rel.hi is None:
            out.append(f"{name} ({rel.measure} {rel.estimate:.2f} without a confidence interval)")
        elif rel.measure != forest.measure:
            out.append(f"{name} ({rel.measure}, in its own plot)")
    return out


def outcome_figures(row, plots: Sequence, number: int, fig_id: str, study_names: dict,
                    arm_names: Optional[dict] = None) -> tuple[tuple["Figure", ...], Optional[str]]:
    """The forest plots of one outcome (pooled, and per-study estimates not pooled), or why there is none.

    ``plots`` are the summary's plots of estimates not pooled for this outcome (``Table.plots``)."""
    arm_names = arm_names or {}
    better = getattr(row, "better", None)
    members = tuple(getattr(row, "members", ()) or ())
    by_name = {getattr(m, "study_name", None): m for m in (members or (row,))}
    figures: list[Figure] = []
    problems: list[str] = []

    def sides_of(forest) -> tuple[str, str]:
        rows = [by_name[r.label] for r in forest.rows if r.label in by_name] or [row]
        return favours(better, *_sides(rows, arm_names))

    def add(result) -> None:
        fig, why = result
        if fig is not None:
            figures.append(fig)
        elif why:
            problems.append(why)

    def next_id() -> str:  # the first plot of an outcome is fig_id, more are fig_id-2, fig_id-3...
        n = len(figures) + len(problems)
        return fig_id if n == 0 else f"{fig_id}-{n + 1}"

    forest = getattr(row, "forest", None)
    if forest is not None:
        add(_pooled_figure(row, forest, number, next_id(), sides_of(forest)))
    for p in plots:
        add(_unpooled_figure(row, p, number + len(figures), next_id(), sides_of(p),
                             _left_out(row, p) if forest is None else []))
    if not figures and not problems:
        rel = getattr(row, "relative", None)
        if rel is not None and rel.lo is not None and rel.hi is not None and not members:
            add(_relative_figure(row, number, fig_id, study_names, favours(better, *_arm_words(row, arm_names))))
    if figures:
        return tuple(figures), None
    return (), (problems[0] if problems else _why_no_plot(row))
