"""The page's content as plain view objects, built from the engines' results; the templates only
lay it out. msvitd/app/report.py runs the engines a target needs and calls these builders.

Every cell text is formatted here, once, so the HTML and the markdown page say the same thing in
the same words. The view builders (``sof_tables``, ``article_view``, ``diff_view``) take any
objects with the engines' attribute names, so they are tested without them. The records they
build are in msvitd/report/views.py.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from msvitd.report.forest import PlotRow, layout, render_svg, text_plot
from msvitd.report.highlight import place
from msvitd.report.templating import safe_url
from msvitd.report.views import (ArticleView, CheckRow, ConsistencyView, ContextView, DiffView, Figure, NumberView,
                                 Page, PicoView, SofRow, SofTable)

SEVERITIES = ("error", "warning", "info")
SEVERITY_WORDS = {"error": "error", "warning": "warning", "info": "info"}  # the CLI's words
PICO_CLASS = {"same": "ok", "narrower": "info", "broader": "warning", "different": "error", "omitted": "warning",
              "unsupported": "error"}
NUMBER_CLASS = {"match": "ok", "rounded": "ok", "derived": "info", "unverified": "neutral", "mismatch": "error"}
CHECK_MARKS = {"pass": ("✓", "met", "ok"), "fail": ("✗", "not met", "error"),
               "not_applicable": ("–", "not applicable", "neutral")}
PAPERS = {"a4": "A4", "letter": "letter"}


# ------------------------------------------------------------------------------------- summary
def _ci_text(v: Optional[float]) -> str:
    return "—" if v is None else f"{v:.2f}"


def _pooled_rows(forest) -> list:
    pooled = getattr(forest, "pooled", None)
    if pooled is not None:
        return [pooled]
    return [r for r in forest.rows if getattr(r, "pooled", False)]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence(text: str) -> str:
    return _cap(text.strip().rstrip(".")) + "."


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
    from markupsafe import Markup

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


def _sof_row(r, rid: str, table_anchor: str, figures=(), no_plot=None, members=()) -> "SofRow":
    from msvitd.output import summary_format as F

    name, *details = F.outcome(r)
    cert = F.certainty_parts(r)  # a row may carry no rating (nothing to rate): no symbols, no label
    level = getattr(r, "level", "body")
    study = level == "study"
    refs = tuple((f"S{n}" if study else str(n), f"{table_anchor}-{'sfn' if study else 'fn'}-{n}")
                 for n in r.footnotes)
    return SofRow(
        id=rid, name=name, details=tuple(details), participants=F.participants(r), relative=F.relative(r),
        comparator_risk=F.comparator_risk(r), difference=F.difference(r), nnt=F.nnt(r.nnt),
        certainty_symbols=cert[0], certainty_label=cert[1], certainty_level=cert[2],
        footnotes=tuple(r.footnotes), statement=r.statement,
        finding=F.source_words(r), notes=tuple(r.notes),
        refused=getattr(r, "refused", None), figures=tuple(figures), no_plot=no_plot, level=level,
        members=tuple(members), refs=refs)


def sof_tables(summary_tables: Sequence, study_names: dict, figure_start: int = 1,
               arm_names: Optional[dict] = None) -> tuple[SofTable, ...]:
    """View objects for the Summary of Findings tables. ``arm_names``: {(study id, arm id): short name},
    for the forest plots' "Favours ..." words (else the arms' labels)."""
    from msvitd.output import summary_format as F

    out = []
    fig_no = figure_start
    used: set = set()
    for ti, t in enumerate(summary_tables, 1):
        anchor = _unique(f"sof-{_slug(t.id)}", used)
        plots = list(getattr(t, "plots", ()) or ())
        rows = []
        for ri, r in enumerate(t.rows, 1):
            mine = [p for p in plots if p.outcome == r.name]
            plots = [p for p in plots if p not in mine]
            figs, no_plot = outcome_figures(r, mine, fig_no, f"forest-{ti}-{ri}", study_names, arm_names)
            fig_no += len(figs)
            rid = _unique(f"outcome-{_slug(t.id)}-{_slug(r.outcome_id)}", used)
            members = tuple(
                _sof_row(m, _unique(f"{rid}-{_slug(getattr(m, 'study_name', None) or mi)}", used), anchor)
                for mi, m in enumerate(getattr(r, "members", ()) or (), 1))
            rows.append(_sof_row(r, rid, anchor, figs, no_plot, members))
        context = tuple(ContextView(c.name, c.summary, F.met(c.primary_met), c.primary_met)
                        for c in (getattr(t, "context", ()) or ()))
        out.append(SofTable(id=t.id, anchor=anchor, title=t.title,
                            population=t.population, setting=t.setting, intervention=t.intervention,
                            comparator=t.comparator, rows=tuple(rows), footnotes=tuple(t.footnotes),
                            notes=tuple(t.notes), kind=t.kind, context=context,
                            study_footnotes=tuple(getattr(t, "study_footnotes", ()) or ())))
    return tuple(out)


def arm_short_names(studies) -> dict:
    """{(study id, arm id): the arm's short name} (short label, else agent) for "Favours ..." words."""
    out = {}
    for s in studies:
        for a in getattr(s, "arms", ()) or ():
            out[(s.id, a.id)] = getattr(a, "short_label", None) or a.agent
    return out


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(s).lower()).strip("-") or "x"


def _unique(s: str, used: set) -> str:
    out, i = s, 2
    while out in used:
        out, i = f"{s}-{i}", i + 1
    used.add(out)
    return out


def legend() -> tuple[tuple[str, str, str], ...]:
    from msvitd.grading.plain_language import LABELS, MEANINGS, SYMBOLS

    return tuple((SYMBOLS[k], LABELS[k], MEANINGS[k]) for k in ("high", "moderate", "low", "very_low"))


# ------------------------------------------------------------------------------------- article
def article_view(text: str, critique=None, *, model=None, title: str = "", study_name: str = "",
                 critique_error: Optional[str] = None) -> ArticleView:
    findings = list(getattr(critique, "findings", ()) or ())
    placed, segs = place(text, findings)
    inline = tuple(p for p in placed if p.placed)
    whole = tuple(p for p in placed if not p.placed)
    counts = {s: sum(1 for p in placed if p.severity == s) for s in SEVERITIES}
    checklist = tuple(
        CheckRow(c.label, *CHECK_MARKS.get(c.status, ("?", c.status, "neutral")), c.note)
        for c in (getattr(critique, "checklist", ()) or ()))
    url = getattr(model, "url", None)
    return ArticleView(
        id=getattr(model, "id", None), title=getattr(model, "title", None) or title or "Article",
        outlet=getattr(model, "outlet", None), author=getattr(model, "author", None),
        date=getattr(model, "date", None), url=safe_url(url), url_text=url,
        study_name=getattr(critique, "source_name", None) or study_name,
        study_detected=getattr(critique, "source_detected", None), segments=tuple(segs), findings=inline,
        whole=whole, checklist=checklist, counts=counts, critique_error=critique_error)


# ---------------------------------------------------------------------------------------- diff
def shareable(location: str) -> str:
    """A ``file:line:col`` fit for a page others read: relative to the working folder, or to the
    package for the bundled evidence; never this machine's absolute path."""
    from pathlib import Path

    file, sep, rest = location.partition(".yaml")
    if not sep or not Path(file).is_absolute():
        return location
    path = Path(file + sep)
    for base, shown in ((Path.cwd(), ""), (Path(__file__).resolve().parents[1], "msvitd/")):
        try:
            return shown + path.resolve().relative_to(base.resolve()).as_posix() + rest
        except ValueError:
            continue
    return path.name + rest


def diff_view(report) -> DiffView:
    pico = tuple(PicoView(r.element, r.source, r.article, r.verdict, PICO_CLASS.get(r.verdict, "neutral"),
                          r.quote, r.note, r.cite) for r in report.pico)
    numbers = []
    for n in report.numbers:
        sf = n.source_fact
        numbers.append(NumberView(
            quote=n.quote, sentence=n.sentence, verdict=n.verdict, css=NUMBER_CLASS.get(n.verdict, "neutral"),
            source_label=sf.label if sf else "", source_value=sf.value if sf else "",
            source_cite=sf.cite if sf else "", source_location=shareable(sf.location) if sf else "",
            formula=getattr(sf, "formula", None) if sf else None, note=n.note))
    consistency = tuple(ConsistencyView(c.check, c.subject, c.ok, c.message)
                        for c in getattr(report, "consistency", ()))
    return DiffView(claims_from=report.claims_from, pico=pico, numbers=tuple(numbers), consistency=consistency,
                    unchecked=getattr(report, "unchecked", 0), notes=tuple(getattr(report, "notes", ())),
                    counts=report.counts())


# -------------------------------------------------------------------------------------- glance
def glance(tables: Sequence[SofTable], article: Optional[ArticleView], diff: Optional[DiffView],
           question: Optional[str] = None, evidence: Optional[Sequence[str]] = None) -> tuple[str, ...]:
    """Three or four sentences for the top of the page: the evidence, how sure, where the article went.

    For a question (``question``: its title), one sentence per comparison, named by its label. ``evidence``:
    the summary's own sentences (critical outcomes first, and what did not differ), used when given."""
    out = list(evidence or ())
    for t in (() if evidence else tables if question else tables[:2]):
        main = next((r for r in t.rows if r.details and r.details[-1] in ("primary", "critical")), None)
        main = main or (t.rows[0] if t.rows else None)
        if main is not None:
            where = ""
            if question:
                label = t.title[len(question) + 2:] if t.title.startswith(question + ": ") else t.title
                where = f"{_cap(label)} — "
            sym = f" ({main.certainty_symbols})" if main.certainty_symbols else ""  # none when not estimable
            out.append(f"{where}{main.name}: {main.statement.rstrip('.')}. {_cap(main.relative)}; certainty "
                       f"{main.certainty_label.lower()}{sym}.")
    if article is not None and article.critique_error is None:
        c = article.counts
        n = sum(c.values())
        if n:
            parts = [f"{c[s]} {SEVERITY_WORDS[s]}{'' if c[s] == 1 else 's'}" for s in SEVERITIES if c[s]]
            out.append(f"The article goes beyond the evidence in {n} place{'' if n == 1 else 's'} "
                       f"({', '.join(parts)}), each one shown below.")
        else:
            out.append("The critique found nothing in the article that goes beyond the evidence.")
        if article.checklist:
            met = sum(1 for r in article.checklist if r.css == "ok")
            out.append(f"Checklist: {met} of {len(article.checklist)} items met.")
    if diff is not None:
        bad = {k: v for k, v in diff.counts.items() if k in ("mismatch", "unsupported", "broader", "different",
                                                              "omitted")}
        if bad:
            out.append("Against the study: " + ", ".join(f"{v} {k}" for k, v in bad.items()) + ".")
    return tuple(out)
