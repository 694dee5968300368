"""What `msvitd critique` found: a finding is a `Diagnostic` (code C…), the result is plain frozen
data; no rendering here."""

from __future__ import annotations

from dataclasses import dataclass

from msvitd.diagnostics import Diagnostic, Severity, counts, exceeds

CATEGORIES = (
    "hype", "surrogate_to_clinical", "null_outcome_spun", "population_extrapolation", "certainty_overstated",
    "subgroup_as_finding", "relative_only", "unsupported_comparison", "number_mismatch",
    "omits_null_clinical", "omits_harms", "omits_limitations", "omits_context",
)
SEVERITIES = tuple(s.value for s in Severity)


def Finding(rule: str, name: str, category: str, severity: str, message: str, quote: str | None = None,  # noqa: N802
            start: int | None = None, end: int | None = None, line: int | None = None,
            column: int | None = None, end_line: int | None = None, end_column: int | None = None,
            source_fact: str | None = None, sentence_start: int | None = None,
            sentence_end: int | None = None) -> Diagnostic:
    """A critique finding: the `Diagnostic` a rule emits, built from the arguments the engine
    passes (positions in the text read; the app layer moves line:column into the file given)."""
    context = (sentence_start, sentence_end) if sentence_start is not None and sentence_end is not None else None
    return Diagnostic(rule, Severity(severity), message, "", line, column, "", end_line, end_column,
                      name=name, category=category, quote=quote, start=start, end=end,
                      source_fact=source_fact, context=context)


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
    text: str  # the text msvitd read (findings' start/end index it)
    findings: tuple[Diagnostic, ...]
    checklist: tuple[CheckItem, ...]
    sentences: int = 0
    language: str = "en"  # the language the article was read in (detected or --lang)
    language_note: str | None = None  # "language undetermined ...": read as English without knowing

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self.findings:
            out[f.category] = out.get(f.category, 0) + 1
        return {c: out[c] for c in CATEGORIES if c in out}

    def severity_counts(self) -> dict[str, int]:
        return counts(self.findings)

    def as_dict(self) -> dict:
        from msvitd.diagnostics import JSON_VERSION

        return {
            "version": JSON_VERSION,
            "article": self.article,
            "language": self.language,
            **({"language_note": self.language_note} if self.language_note else {}),
            "source": {"id": self.source_id, "name": self.source_name, "detected": self.source_detected},
            "findings": [f.as_dict() for f in self.findings],
            "checklist": [c.as_dict() for c in self.checklist],
            "summary": {"by_category": self.counts(), "by_severity": self.severity_counts(),
                        "sentences": self.sentences},
        }

    def exceeds(self, fail_on: str) -> bool:
        return exceeds(self.findings, fail_on)
