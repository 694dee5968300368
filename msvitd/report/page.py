"""The page's content, built from the engines' report objects; the templates only lay it out.

``build_page(target, ...)`` runs the engines a target needs (an article: summary + critique + diff
of the study it is about; a study or a question: the summary) and turns their report objects into
plain view objects: every cell text is formatted here, once, so the HTML and the markdown page say
the same thing in the same words. The view builders (``sof_tables``, ``article_view``,
``diff_view``) take any objects with the engines' attribute names, so they are tested without them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from msvitd.report.forest import PlotRow, layout, render_svg, text_plot
from msvitd.report.highlight import CATEGORY_LABELS, Placed, Segment, category_label, place

SEVERITIES = ("error", "warning", "info")
SEVERITY_WORDS = {"error": "error", "warning": "warning", "info": "note"}
PICO_CLASS = {"same": "ok", "narrower": "info", "broader": "warning", "different": "error", "omitted": "warning",
              "unsupported": "error"}
NUMBER_CLASS = {"match": "ok", "rounded": "ok", "derived": "info", "unverified": "neutral", "mismatch": "error"}
CHECK_MARKS = {"pass": ("✓", "met", "ok"), "fail": ("✗", "not met", "error"),
               "not_applicable": ("–", "not applicable", "neutral")}
PAPERS = {"a4": "A4", "letter": "letter"}


class ReportError(Exception):
    """A usage problem (unknown id, unreadable article): one line, exit 2."""


# ------------------------------------------------------------------------------------------ views
@dataclass(frozen=True)
class Figure:
    id: str
    number: int
    svg: object  # markupsafe.Markup: produced by the autoescaping SVG template
    svg_text: str  # the same SVG as a standalone file (markdown writes it beside the page)
    caption: str
    description: str  # the plot in words (also the SVG's <desc>)
    text: str  # the plot as monospaced text
    outcome: str


@dataclass(frozen=True)
class SofRow:
    id: str
    name: str
    details: tuple[str, ...]  # follow-up, role
    participants: str
    relative: str
    comparator_risk: str
    difference: str
    nnt: str
    certainty_symbols: str
    certainty_label: str
    certainty_level: str
    footnotes: tuple[int, ...]
    statement: str
    finding: Optional[str]
    notes: tuple[str, ...]
    refused: Optional[str]
    figures: tuple[Figure, ...]  # the outcome's forest plots (pooled, or per-study estimates side by side)
    no_plot: Optional[str]  # why there is no forest plot for this outcome
    level: str = "body"  # "body": an outcome; "study": one study's row under it (in ``members``)
    members: tuple["SofRow", ...] = ()
    refs: tuple[tuple[str, str], ...] = ()  # footnote marks as shown ("3", "S3") and their anchors

    @property
    def figure(self) -> Optional[Figure]:
        return self.figures[0] if self.figures else None


@dataclass(frozen=True)
class ContextView:
    """One trial of the comparison in one line: what it found, and whether its primary outcome was met."""

    name: str
    summary: str
    met: str  # "primary outcome met" ...
    primary_met: Optional[bool]


@dataclass(frozen=True)
class SofTable:
    id: str
    anchor: str
    title: str
    population: str
    setting: Optional[str]
    intervention: str
    comparator: str
    rows: tuple[SofRow, ...]
    footnotes: tuple[str, ...]
    notes: tuple[str, ...]
    kind: str
    context: tuple[ContextView, ...] = ()
    study_footnotes: tuple[str, ...] = ()  # of the per-study rows (marked S1, S2...)

    @property
    def figures(self) -> list[Figure]:
        return [f for r in self.rows for f in r.figures]


@dataclass(frozen=True)
class CheckRow:
    label: str
    mark: str
    status: str  # words
    css: str
    note: str


@dataclass(frozen=True)
class ArticleView:
    id: Optional[str]
    title: str
    outlet: Optional[str]
    author: Optional[str]
    date: Optional[str]
    url: Optional[str]  # only http(s) URLs; anything else is shown as text, never as a link
    url_text: Optional[str]
    study_name: str
    study_detected: Optional[str]
    segments: tuple[Segment, ...]
    findings: tuple[Placed, ...]  # placed in the text, in text order
    whole: tuple[Placed, ...]  # about the whole article (omissions), or not placeable
    checklist: tuple[CheckRow, ...]
    counts: dict  # severity -> count
    critique_error: Optional[str] = None

    @property
    def all_findings(self) -> tuple[Placed, ...]:
        return self.findings + self.whole


@dataclass(frozen=True)
class PicoView:
    element: str
    source: str
    article: str
    verdict: str
    css: str
    quote: Optional[str]
    note: Optional[str]
    cite: str


@dataclass(frozen=True)
class NumberView:
    quote: str
    sentence: str
    verdict: str
    css: str
    source_label: str
    source_value: str
    source_cite: str
    source_location: str
    formula: Optional[str]
    note: Optional[str]


@dataclass(frozen=True)
class ConsistencyView:
    check: str
    subject: str
    ok: bool
    message: str


@dataclass(frozen=True)
class DiffView:
    claims_from: str
    pico: tuple[PicoView, ...]
    numbers: tuple[NumberView, ...]
    consistency: tuple[ConsistencyView, ...]
    unchecked: int
    notes: tuple[str, ...]
    counts: dict


@dataclass(frozen=True)
class Page:
    title: str
    subtitle: str
    kind: str  # article | study | question
    target: str
    tables: tuple[SofTable, ...]
    article: Optional[ArticleView] = None
    diff: Optional[DiffView] = None
    glance: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()  # sections that could not be built, shown on the page
    legend: tuple[tuple[str, str, str], ...] = ()  # (symbols, label, meaning)
    version: str = ""
    paper: str = "A4"

    @property
    def figures(self) -> list[Figure]:
        return [f for t in self.tables for f in t.figures]


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
    cert = r.certainty
    level = getattr(r, "level", "body")
    study = level == "study"
    has_members = bool(getattr(r, "members", ()))
    refs = tuple((f"S{n}" if study else str(n), f"{table_anchor}-{'sfn' if study else 'fn'}-{n}")
                 for n in r.footnotes)
    return SofRow(
        id=rid, name=name, details=tuple(details), participants=F.participants(r), relative=F.relative(r),
        comparator_risk=F.comparator_risk(r), difference=F.difference(r), nnt=F.nnt(r.nnt),
        certainty_symbols=cert.symbols, certainty_label=cert.label, certainty_level=cert.level,
        footnotes=tuple(r.footnotes), statement=r.statement,
        finding=None if has_members else r.finding, notes=tuple(r.notes),
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
def safe_url(url: Optional[str]) -> Optional[str]:
    """Only plain http(s) URLs become links (never javascript:, data:, or relative paths)."""
    if not url:
        return None
    u = url.strip()
    return u if re.match(r"^https?://[^\s<>\"']+$", u, re.I) else None


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
def diff_view(report) -> DiffView:
    pico = tuple(PicoView(r.element, r.source, r.article, r.verdict, PICO_CLASS.get(r.verdict, "neutral"),
                          r.quote, r.note, r.cite) for r in report.pico)
    numbers = []
    for n in report.numbers:
        sf = n.source_fact
        numbers.append(NumberView(
            quote=n.quote, sentence=n.sentence, verdict=n.verdict, css=NUMBER_CLASS.get(n.verdict, "neutral"),
            source_label=sf.label if sf else "", source_value=sf.value if sf else "",
            source_cite=sf.cite if sf else "", source_location=sf.location if sf else "",
            formula=getattr(sf, "formula", None) if sf else None, note=n.note))
    consistency = tuple(ConsistencyView(c.check, c.subject, c.ok, c.message)
                        for c in getattr(report, "consistency", ()))
    return DiffView(claims_from=report.claims_from, pico=pico, numbers=tuple(numbers), consistency=consistency,
                    unchecked=getattr(report, "unchecked", 0), notes=tuple(getattr(report, "notes", ())),
                    counts=report.counts())


# -------------------------------------------------------------------------------------- glance
def glance(tables: Sequence[SofTable], article: Optional[ArticleView], diff: Optional[DiffView],
           question: Optional[str] = None) -> tuple[str, ...]:
    """Three or four sentences for the top of the page: the evidence, how sure, where the article went.

    For a question (``question``: its title), one sentence per comparison, named by its label."""
    out = []
    for t in (tables if question else tables[:2]):
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


# --------------------------------------------------------------------------------- entry point
def build_page(target: str, *, study: Optional[str] = None, evidence: Optional[Sequence[str]] = None,
               paper: str = "a4") -> Page:
    """Run the engines ``target`` needs and build the page. Raises ReportError for usage problems."""
    from msvitd import __version__
    from msvitd.library import UsageError, default_paths, load_library

    paths = list(evidence or default_paths())
    try:
        lib = load_library(paths)
    except UsageError as exc:
        raise ReportError(str(exc))
    names = {sid: e.model.name for sid, e in lib.studies.items()}
    problems: list[str] = []
    if target in lib.questions or target in lib.studies:
        if study is not None:
            raise ReportError("--study applies to an article, not to a study or a question")
        kind = "question" if target in lib.questions else "study"
        summary = _summary(lib, [target], problems)
        tables = sof_tables(summary, names, arm_names=arm_short_names(e.model for e in lib.studies.values()))
        model = lib.find(target).model
        title = model.title if kind == "question" else model.name
        subtitle = ("Review question: " + f"{model.population}; {model.intervention} vs {model.comparator}"
                    if kind == "question" else model.citation.title)
        return Page(title=f"{title}: what the evidence says", subtitle=subtitle, kind=kind, target=target,
                    tables=tables, glance=glance(tables, None, None, title if kind == "question" else None),
                    problems=tuple(problems), legend=legend(),
                    version=__version__, paper=PAPERS.get(paper, "A4"))
    return _article_page(target, study, paths, lib, names, paper, __version__)


def _summary(lib, ids, problems) -> tuple:
    try:
        from msvitd.summary.build import build
    except ImportError as exc:  # pragma: no cover - the engine ships with msvitd
        problems.append(f"The Summary of Findings engine is not available ({exc}).")
        return ()
    try:
        return build(lib, ids).tables
    except Exception as exc:  # one section fails, the page still tells the rest
        problems.append(f"The Summary of Findings could not be built: {type(exc).__name__}: {exc} (please report this).")
        return ()


def _critique_settings() -> dict:
    """The project's [tool.msvitd] rule selection and lexicons, as `msvitd critique` reads them."""
    try:
        from msvitd.config import ConfigError, load_config
    except ImportError:  # pragma: no cover
        return {"select": (), "ignore": (), "lexicons": ()}
    try:
        cfg = load_config()
    except ConfigError as exc:
        raise ReportError(str(exc))
    return {"select": tuple(cfg.select or ()), "ignore": tuple(cfg.ignore or ()),
            "lexicons": tuple(cfg.lexicons or ())}


def _article_page(target, study, paths, lib, names, paper, version) -> Page:
    try:
        from msvitd.diffing.engine import DiffUsageError, build_report, load_inputs
    except ImportError as exc:  # pragma: no cover
        raise ReportError(f"reading articles needs the diff engine ({exc})")
    from pathlib import Path

    looks_like_a_path = "/" in target or "\\" in target or Path(target).suffix.lower() in (
        ".yaml", ".yml", ".txt", ".md", ".markdown", ".html", ".htm")
    if target not in lib.articles and not Path(target).exists() and looks_like_a_path:
        raise ReportError(f"{target}: no such file")
    if target not in lib.articles and not Path(target).exists():
        known = sorted([*lib.articles, *lib.studies, *lib.questions])
        hint = " (some evidence files have errors: run `msvitd validate`)" if lib.errors else ""
        raise ReportError(f"unknown id {target!r}: not an article, study or question, and no such file; "
                          f"known: {', '.join(known) or 'none'}{hint}")
    try:
        lib2, study_entry, model, text = load_inputs(target, study, [str(p) for p in paths])
    except DiffUsageError as exc:
        raise ReportError(str(exc))
    problems: list[str] = []
    study_model = study_entry.model
    about = list(getattr(model, "about", None) or [study_model.id])
    summary = _summary(lib2, [s for s in about if s in lib2.studies] or [study_model.id], problems)
    names.update({sid: e.model.name for sid, e in lib2.studies.items()})
    tables = sof_tables(summary, names, arm_names=arm_short_names(e.model for e in lib2.studies.values()))
    label = getattr(model, "id", None) or Path(target).name
    critique, critique_error = None, None
    settings = _critique_settings()
    # as `msvitd critique` and `msvitd diff` run: every study of the library as context
    others = [e.model for e in lib2.studies.values()]
    try:
        from msvitd.critique.engine import critique_text
        from msvitd.text.lexicon import load_lexicon

        critique = critique_text(text, study_model, article=label, others=others,
                                 lexicon=load_lexicon(settings["lexicons"]), select=settings["select"],
                                 ignore=settings["ignore"])
    except Exception as exc:
        critique_error = f"The critique could not be run: {type(exc).__name__}: {exc} (please report this)."
        problems.append(critique_error)
    diff = None
    try:
        diff = diff_view(build_report(study_entry, model, text, article_label=Path(target).name, others=others))
    except Exception as exc:
        problems.append(f"The diff could not be built: {type(exc).__name__}: {exc} (please report this).")
    article = article_view(text, critique, model=model, title=Path(target).name, study_name=study_model.name,
                           critique_error=critique_error)
    bits = [b for b in (article.outlet, article.author, article.date) if b]
    subtitle = (", ".join(bits) + ". " if bits else "") + f"Checked against {study_model.name}."
    return Page(title=article.title, subtitle=subtitle, kind="article", target=target, tables=tables,
                article=article, diff=diff, glance=glance(tables, article, diff), problems=tuple(problems),
                legend=legend(), version=version, paper=PAPERS.get(paper, "A4"))
