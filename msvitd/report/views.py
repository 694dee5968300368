"""The page's view objects: plain frozen records whose every text is already formatted, so the
HTML and the markdown templates only lay them out (built by msvitd/report/page.py, sof.py and figures.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from msvitd.report.highlight import Placed, Segment

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
