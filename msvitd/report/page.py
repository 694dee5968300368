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
    figure: Optional[Figure]
    no_plot: Optional[str]  # why there is no forest plot for this outcome


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

    @property
    def figures(self) -> list[Figure]:
        return [r.figure for r in self.rows if r.figure is not None]


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


def forest_figure(row, number: int, fig_id: str, study_names: dict, intervention: str = "") -> tuple[Optional[Figure], Optional[str]]:
    """The forest plot of one SoF row, or why there is none."""
    forest = getattr(row, "forest", None)
    favours = ("Lower with intervention", "Higher with intervention")
    caption_bits = []
    if forest is not None:
        measure = forest.measure
        studies = [r for r in forest.rows if not getattr(r, "pooled", False)]
        plot_rows = [PlotRow(r.label, r.estimate, r.lo, r.hi, r.weight) for r in studies]
        weighted = any(r.weight is not None for r in studies)
        for p in _pooled_rows(forest):
            plot_rows.append(PlotRow(p.label if p.label else "Pooled", p.estimate, p.lo, p.hi,
                                     100.0 if weighted else None, pooled=True,
                                     pi_lo=getattr(forest, "pi_lo", None), pi_hi=getattr(forest, "pi_hi", None)))
        model = "random effects" + (f" ({forest.tau2_method})" if getattr(forest, "tau2_method", None) else "")
        het = f"I² = {forest.i2:.0f}%, τ² = {forest.tau2:.3f}, Q = {forest.q:.2f} (df {forest.q_df}"
        het += f", P = {forest.q_p:.2g})" if forest.q_p is not None else ")"
        caption_bits.append(f"{len(studies)} studies pooled by msvitd, {model}, inverse variance; {het}.")
        fixed = getattr(forest, "fixed", None)
        if fixed is not None:
            caption_bits.append(f"Fixed effect: {measure} {_ci_text(fixed.estimate)} "
                                f"({_ci_text(fixed.lo)} to {_ci_text(fixed.hi)}).")
        if getattr(forest, "pi_lo", None) is not None:
            caption_bits.append(f"Dashed line: 95% prediction interval {_ci_text(forest.pi_lo)} to "
                                f"{_ci_text(forest.pi_hi)}.")
        caption_bits.append("Squares: study estimates, area proportional to weight; diamond: pooled estimate.")
    else:
        rel = getattr(row, "relative", None)
        if rel is None:
            return None, "no effect estimate between the arms was reported or could be computed"
        if rel.lo is None or rel.hi is None:
            return None, f"{rel.measure} {rel.estimate:.2f} was reported without a confidence interval"
        measure = rel.measure
        names = [study_names.get(s, s) for s in getattr(row, "study_ids", ())] or ["Study"]
        note = {"msvitd": "computed by msvitd from the arm counts", "pooled": "pooled by msvitd"}.get(rel.by)
        plot_rows = [PlotRow(" + ".join(names), rel.estimate, rel.lo, rel.hi, None, note=note)]
        caption_bits.append(f"One study, no pooling: {measure} {_ci_text(rel.estimate)} ({_ci_text(rel.lo)} to "
                            f"{_ci_text(rel.hi)})" + (f", {note}" if note else ", as the source reported it") + ".")
        if getattr(row, "refused", None):
            caption_bits.append(row.refused.rstrip(".") + ".")
    try:
        f = layout(plot_rows, measure, id=fig_id, title=f"Forest plot: {row.name}", favours=favours)
    except ValueError as exc:
        return None, f"cannot be drawn: {exc}"
    scale = "log scale; " if f.log else ""
    caption_bits.insert(0, f"{f.measure_name} ({scale}line of no effect at {f.null:g}).")
    svg = render_svg(f)
    from markupsafe import Markup

    return Figure(id=fig_id, number=number, svg=Markup(svg), svg_text=svg, caption=" ".join(caption_bits),
                  description=f.description, text=text_plot(f), outcome=row.name), None


def sof_tables(summary_tables: Sequence, study_names: dict, figure_start: int = 1) -> tuple[SofTable, ...]:
    from msvitd.output import summary_format as F

    out = []
    fig_no = figure_start
    used: set = set()
    for ti, t in enumerate(summary_tables, 1):
        rows = []
        for ri, r in enumerate(t.rows, 1):
            fig, no_plot = forest_figure(r, fig_no, f"forest-{ti}-{ri}", study_names, t.intervention)
            if fig is not None:
                fig_no += 1
            name, *details = F.outcome(r)
            cert = r.certainty
            rid = _unique(f"outcome-{_slug(t.id)}-{_slug(r.outcome_id)}", used)
            rows.append(SofRow(
                id=rid, name=name, details=tuple(details), participants=F.participants(r), relative=F.relative(r),
                comparator_risk=F.comparator_risk(r), difference=F.difference(r), nnt=F.nnt(r.nnt),
                certainty_symbols=cert.symbols, certainty_label=cert.label, certainty_level=cert.level,
                footnotes=tuple(r.footnotes), statement=r.statement, finding=r.finding, notes=tuple(r.notes),
                refused=r.refused, figure=fig, no_plot=no_plot))
        out.append(SofTable(id=t.id, anchor=_unique(f"sof-{_slug(t.id)}", used), title=t.title,
                            population=t.population, setting=t.setting, intervention=t.intervention,
                            comparator=t.comparator, rows=tuple(rows), footnotes=tuple(t.footnotes),
                            notes=tuple(t.notes), kind=t.kind))
    return tuple(out)


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
def glance(tables: Sequence[SofTable], article: Optional[ArticleView], diff: Optional[DiffView]) -> tuple[str, ...]:
    """Three or four sentences for the top of the page: the evidence, how sure, where the article went."""
    out = []
    for t in tables[:2]:
        main = next((r for r in t.rows if r.details and r.details[-1] in ("primary", "critical")), None)
        main = main or (t.rows[0] if t.rows else None)
        if main is not None:
            out.append(f"{main.name}: {main.statement.rstrip('.')}. {main.relative}; certainty "
                       f"{main.certainty_label.lower()} ({main.certainty_symbols}).")
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
        tables = sof_tables(summary, names)
        model = lib.find(target).model
        title = model.title if kind == "question" else model.name
        subtitle = ("Review question: " + f"{model.population}; {model.intervention} vs {model.comparator}"
                    if kind == "question" else model.citation.title)
        return Page(title=f"{title}: what the evidence says", subtitle=subtitle, kind=kind, target=target,
                    tables=tables, glance=glance(tables, None, None), problems=tuple(problems), legend=legend(),
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
    tables = sof_tables(summary, names)
    label = getattr(model, "id", None) or Path(target).name
    critique, critique_error = None, None
    settings = _critique_settings()
    try:
        from msvitd.critique.engine import critique_text
        from msvitd.text.lexicon import load_lexicon

        # as `msvitd critique` runs it: every study of the library as context, the project's rule choice
        others = [e.model for e in lib2.studies.values()]
        critique = critique_text(text, study_model, article=label, others=others,
                                 lexicon=load_lexicon(settings["lexicons"]), select=settings["select"],
                                 ignore=settings["ignore"])
    except Exception as exc:
        critique_error = f"The critique could not be run: {type(exc).__name__}: {exc} (please report this)."
        problems.append(critique_error)
    diff = None
    try:
        diff = diff_view(build_report(study_entry, model, text, article_label=Path(target).name))
    except Exception as exc:
        problems.append(f"The diff could not be built: {type(exc).__name__}: {exc} (please report this).")
    article = article_view(text, critique, model=model, title=Path(target).name, study_name=study_model.name,
                           critique_error=critique_error)
    bits = [b for b in (article.outlet, article.author, article.date) if b]
    subtitle = (", ".join(bits) + ". " if bits else "") + f"Checked against {study_model.name}."
    return Page(title=article.title, subtitle=subtitle, kind="article", target=target, tables=tables,
                article=article, diff=diff, glance=glance(tables, article, diff), problems=tuple(problems),
                legend=legend(), version=version, paper=PAPERS.get(paper, "A4"))
