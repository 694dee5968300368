"""An article's text cut into segments at finding boundaries, for highlighting findings in place.

Every start and end offset of a finding is a cut; each piece between two cuts knows which findings
cover it. A finding that overlaps no other becomes exactly one segment whose text is its quote;
overlapping findings split into pieces, each piece carrying every finding that covers it (all their
labels, the colour of the most severe), so no finding loses its place and the text is never doubled.
A finding whose offsets do not fit the text (out of range, or the text there is not its quote) is
not placed: it is listed with the whole-article findings, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}

CATEGORY_LABELS = {
    "hype": "hype",
    "surrogate_to_clinical": "surrogate told as clinical",
    "null_outcome_spun": "null result spun",
    "population_extrapolation": "population stretched",
    "certainty_overstated": "certainty overstated",
    "subgroup_as_finding": "subgroup as finding",
    "relative_only": "relative effect only",
    "unsupported_comparison": "unsupported comparison",
    "number_mismatch": "number mismatch",
    "omits_null_clinical": "omits null clinical results",
    "omits_harms": "omits harms",
    "omits_limitations": "omits limitations",
    "omits_context": "omits context",
}


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, (category or "finding").replace("_", " "))


@dataclass(frozen=True)
class Placed:
    """A finding as the page shows it (numbered 1..n in text order; whole-article ones after)."""

    number: int
    rule: str
    name: str
    category: str
    label: str  # category in words
    severity: str
    message: str
    quote: Optional[str]
    start: Optional[int]
    end: Optional[int]
    line: Optional[int]
    column: Optional[int]
    source_fact: Optional[str]
    placed: bool  # highlighted in the text
    why_not_placed: Optional[str] = None

    @property
    def anchor(self) -> str:
        return f"finding-{self.number}"

    @property
    def tooltip(self) -> str:
        head = f"{self.number}. {self.rule} {self.label} ({self.severity}): {self.message}"
        return f"{head}\nSource: {self.source_fact}" if self.source_fact else head


@dataclass(frozen=True)
class Segment:
    text: str
    start: int
    end: int
    findings: tuple[int, ...] = ()  # numbers of the findings covering this piece
    severity: Optional[str] = None  # the most severe of them
    codes: str = ""  # their rule codes, space-separated
    title: str = ""  # hover text: every covering finding with the source's figure
    ends: tuple[int, ...] = ()  # findings whose last piece this is (their label goes right after it)
    starts: tuple[int, ...] = ()  # findings whose first piece this is (the back-link anchor goes before it)

    @property
    def marked(self) -> bool:
        return bool(self.findings)


def place(text: str, findings: Sequence) -> tuple[list[Placed], list[Segment]]:
    """Number the findings and cut ``text`` into segments. ``findings``: objects with rule, name,
    category, severity, message, quote, start, end, line, column, source_fact (critique Finding)."""
    text = text or ""
    raw = []
    for f in findings:
        start, end = getattr(f, "start", None), getattr(f, "end", None)
        quote = getattr(f, "quote", None)
        why = None
        if start is None or end is None:
            ok = False
        elif not (0 <= start < end <= len(text)):
            ok, why = False, f"offsets {start}-{end} lie outside the text ({len(text)} characters)"
        elif quote is not None and text[start:end] != quote:
            ok, why = False, f"the text at {start}-{end} is not the quoted words"
        else:
            ok = True
        raw.append((f, ok, why))
    # placed findings in text order first, then the whole-article ones, in the engine's order
    order = sorted(range(len(raw)), key=lambda i: (0, raw[i][0].start, raw[i][0].end, i) if raw[i][1]
                   else (1, 0, 0, i))
    placed: list[Placed] = []
    for n, i in enumerate(order, 1):
        f, ok, why = raw[i]
        placed.append(Placed(
            number=n, rule=str(getattr(f, "rule", "") or ""), name=str(getattr(f, "name", "") or ""),
            category=str(getattr(f, "category", "") or ""), label=category_label(getattr(f, "category", "")),
            severity=_severity(getattr(f, "severity", "info")), message=str(getattr(f, "message", "") or ""),
            quote=getattr(f, "quote", None), start=getattr(f, "start", None) if ok else None,
            end=getattr(f, "end", None) if ok else None, line=getattr(f, "line", None),
            column=getattr(f, "column", None), source_fact=getattr(f, "source_fact", None), placed=ok,
            why_not_placed=why))
    return placed, segments(text, [p for p in placed if p.placed])


def _severity(s) -> str:
    s = str(getattr(s, "value", s) or "info").lower()
    return s if s in SEVERITY_RANK else "info"


def segments(text: str, placed: Sequence[Placed]) -> list[Segment]:
    cuts = {0, len(text)}
    for p in placed:
        cuts.update((p.start, p.end))
    points = sorted(cuts)
    last_piece: dict[int, int] = {}
    first_piece: dict[int, int] = {}
    pieces = []
    for a, b in zip(points, points[1:]):
        if a == b:
            continue
        cover = [p for p in placed if p.start <= a and b <= p.end]
        pieces.append((a, b, cover))
        for p in cover:
            last_piece[p.number] = len(pieces) - 1
            first_piece.setdefault(p.number, len(pieces) - 1)
    out = []
    for idx, (a, b, cover) in enumerate(pieces):
        if not cover:
            out.append(Segment(text[a:b], a, b))
            continue
        worst = max(cover, key=lambda p: SEVERITY_RANK[p.severity]).severity
        out.append(Segment(
            text=text[a:b], start=a, end=b, findings=tuple(p.number for p in cover), severity=worst,
            codes=" ".join(dict.fromkeys(p.rule for p in cover)),
            title="\n\n".join(p.tooltip for p in cover),
            ends=tuple(p.number for p in cover if last_piece[p.number] == idx),
            starts=tuple(p.number for p in cover if first_piece[p.number] == idx)))
    return _merge_plain(out)


def _merge_plain(segs: list[Segment]) -> list[Segment]:
    """Adjacent unmarked pieces joined (there are none after cutting, but keep the list minimal)."""
    out: list[Segment] = []
    for s in segs:
        if out and not s.marked and not out[-1].marked:
            prev = out.pop()
            s = Segment(prev.text + s.text, prev.start, s.end)
        out.append(s)
    return out
