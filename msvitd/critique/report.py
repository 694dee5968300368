"""What `msvitd critique` found: plain frozen records, no rendering in them."""

from __future__ import annotations

from dataclasses import dataclass, field

CATEGORIES = (
    "hype", "surrogate_to_clinical", "null_outcome_spun", "population_extrapolation", "certainty_overstated",
    "subgroup_as_finding", "relative_only", "unsupported_comparison", "number_mismatch",
    "omits_null_clinical", "omits_harms", "omits_limitations", "omits_context",
)
SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def lower(severity: str) -> str:
    """One step down: a hedge lowers severity but does not erase a finding."""
    return {"error": "warning", "warning": "info"}.get(severity, "info")


@dataclass(frozen=True)
class Finding:
    rule: str  # "C201"
    name: str  # "surrogate-told-as-clinical"
    category: str
    severity: str
    message: str
    quote: str | None = None  # == article text[start:end]; None for whole-article findings
    start: int | None = None
    end: int | None = None
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    source_fact: str | None = None
    sentence_start: int | None = None  # the sentence the quote stands in (for highlighting)
    sentence_end: int | None = None
    study: str | None = None  # set when measured against another study than the article's (its id)

    @property
    def sort_key(self) -> tuple:
        return (self.start if self.start is not None else 10**12, self.rule, self.end or 0)

    def as_dict(self) -> dict:
        return {"rule": self.rule, "name": self.name, "category": self.category, "severity": self.severity,
                "message": self.message, "quote": self.quote, "start": self.start, "end": self.end,
                "line": self.line, "column": self.column, "source_fact": self.source_fact,
                **({"study": self.study} if self.study else {})}


@dataclass(frozen=True)
class CheckItem:
    id: str
    label: str
    status: str  # pass / fail / not_applicable
    note: str

    def as_dict(self) -> dict:
        return {"id": self.id, "label": self.label, "status": self.status, "note": self.note}


@dataclass(frozen=True)
class CritiqueResult:
    article: str  # the file name (or article id) the user gave
    source_id: str
    source_name: str
    source_detected: str | None  # how the study was chosen when --source was left out
    text: str
    findings: tuple[Finding, ...]
    checklist: tuple[CheckItem, ...]
    sentences: int = 0
    extras: dict = field(default_factory=dict, compare=False)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self.findings:
            out[f.category] = out.get(f.category, 0) + 1
        return {c: out[c] for c in CATEGORIES if c in out}

    def severity_counts(self) -> dict[str, int]:
        out = {s: 0 for s in SEVERITIES}
        for f in self.findings:
            out[f.severity] += 1
        return out

    def as_dict(self) -> dict:
        return {
            "article": self.article,
            "source": {"id": self.source_id, "name": self.source_name, "detected": self.source_detected},
            "findings": [f.as_dict() for f in self.findings],
            "checklist": [c.as_dict() for c in self.checklist],
            "summary": {"by_category": self.counts(), "by_severity": self.severity_counts(),
                        "sentences": self.sentences},
        }

    def exceeds(self, fail_on: str) -> bool:
        if fail_on == "never":
            return False
        threshold = SEVERITY_RANK[fail_on]
        return any(SEVERITY_RANK[f.severity] >= threshold for f in self.findings)
