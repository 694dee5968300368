"""What `msvitd diff` found: plain frozen dataclasses, no rendering."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from msvitd.diagnostics import JSON_VERSION, Diagnostic
from msvitd.facts.records import NumberRow, SourceRef  # noqa: F401  (the one number matcher's records)

PICO_VERDICTS = ("same", "narrower", "broader", "different", "omitted", "unsupported")
NUMBER_VERDICTS = ("match", "rounded", "mismatch", "derived", "unverified")
FAILING = frozenset({"mismatch", "unsupported"})


@dataclass(frozen=True)
class PicoRow:
    element: str  # "population", "intervention", "intervention: dose", "outcome: relapse", "limitation: ..."
    source: str
    article: str
    verdict: str
    quote: Optional[str] = None
    note: Optional[str] = None
    cite: str = ""

    def as_dict(self) -> dict:
        return {"element": self.element, "source": self.source, "article": self.article, "verdict": self.verdict,
                "quote": self.quote, "note": self.note, "cite": self.cite}


@dataclass(frozen=True)
class ConsistencyRow:
    check: str  # "percent vs counts", "P vs CI", "NNT vs risks", "arm totals"
    subject: str  # "Disease activity, cholecalciferol"
    ok: bool
    message: str
    numbers: tuple[SourceRef, ...] = ()

    def as_dict(self) -> dict:
        return {"check": self.check, "subject": self.subject, "ok": self.ok, "message": self.message,
                "numbers": [n.as_dict() for n in self.numbers]}


@dataclass(frozen=True)
class DiffReport:
    study_id: str
    study_name: str
    article_id: Optional[str]
    article_title: str
    claims_from: str  # "curated claims (file)" or "text reading"
    pico: tuple[PicoRow, ...]
    numbers: tuple[NumberRow, ...]
    consistency: tuple[ConsistencyRow, ...] = ()
    unchecked: int = 0  # numbers without a unit or context (dates, bare counts): listed, not judged
    notes: tuple[str, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()  # the verdicts that are not "same"/"match", as D-coded records
    language: str = "en"  # the language the article was read in (detected or --lang)
    language_note: Optional[str] = None  # "language undetermined ...": read as English without knowing

    @property
    def failing(self) -> bool:
        return any(r.verdict in FAILING for r in self.pico) or any(n.verdict in FAILING for n in self.numbers)

    def counts(self) -> dict:
        out: dict[str, int] = {}
        for r in self.pico:
            out[r.verdict] = out.get(r.verdict, 0) + 1
        for n in self.numbers:
            out[n.verdict] = out.get(n.verdict, 0) + 1
        return out

    def as_dict(self) -> dict:
        return {
            "version": JSON_VERSION,
            "study": self.study_id,
            "article": self.article_id,
            "language": self.language,
            **({"language_note": self.language_note} if self.language_note else {}),
            "claims_from": self.claims_from,
            "pico": [r.as_dict() for r in self.pico],
            "numbers": [n.as_dict() for n in self.numbers],
            "consistency": [c.as_dict() for c in self.consistency],
            "unchecked_numbers": self.unchecked,
            "failing": self.failing,
            "diagnostics": [d.as_dict() for d in self.diagnostics],
        }
