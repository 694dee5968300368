"""The one diagnostic record that every stage emits: YAML and schema problems (Y, S), critique
findings (C) and diff verdicts (D).

Standard library only: it is imported on every command path, including the fast ones.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Iterable


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def one_step_down(self) -> "Severity":
        """A hedge lowers severity but does not erase a finding: error -> warning -> info."""
        return {Severity.ERROR: Severity.WARNING}.get(self, Severity.INFO)


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
FAIL_ON = ("error", "warning", "info", "never")
JSON_VERSION = 2  # bumped when a key of the JSON output changes meaning or disappears


@dataclass(frozen=True)
class Diagnostic:
    """A problem found somewhere: immutable, plain data, printable by any formatter.

    ``line`` and ``column`` are 1-based positions in the file the user gave (for an HTML or
    Markdown article, in that file, not in the extracted text); 0 or None means "no position"
    (a whole-file or whole-article diagnostic). ``path`` is the data path inside an evidence
    document (``outcomes[2].effect.ci``). For a diagnostic about an article, ``start``/``end``
    are character offsets in the text msvitd read (for .txt the file's own text), ``quote`` is
    that text, ``context`` the sentence it stands in and ``source_fact`` what the study says.
    ``name`` and ``category`` come from the rule or verdict that emitted it.
    """

    code: str
    severity: Severity
    message: str
    file: str = ""
    line: int | None = 0
    column: int | None = 0
    path: str = ""
    end_line: int | None = 0
    end_column: int | None = 0
    data: dict = field(default_factory=dict, compare=False, hash=False)
    name: str = ""
    category: str = ""
    quote: str | None = None
    start: int | None = None
    end: int | None = None
    source_fact: str | None = None
    context: tuple[int, int] | None = None
    # A critique finding measured against another study than the article's main one (its id): a
    # sentence about an earlier trial is checked against that trial (msvitd/text/detect.py).
    study: str | None = None

    @property
    def rule(self) -> str:
        """The code, under the name the critique records used (kept while rules migrate)."""
        return self.code

    @property
    def sort_key(self) -> tuple:
        # position order: a whole-file problem (line 0) first, a whole-article finding (None) last;
        # ties between critique findings broken by the quote's end
        return (self.file, self.line if self.line is not None else 10**9, self.column or 0, self.code,
                self.end if self.end is not None else 0, self.message)

    def location(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column or 1}"
        return f"{self.file}:1:1" if self.file else "<input>"

    def as_dict(self) -> dict:
        """The stable JSON shape: unknown positions are null, never 0."""
        out = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.file,
            "line": self.line or None,
            "column": self.column or None,
            "end_line": self.end_line or None,
            "end_column": self.end_column or None,
            "path": self.path,
        }
        if self.name or self.category:
            out.update(rule=self.code, name=self.name, category=self.category, quote=self.quote,
                       start=self.start, end=self.end, source_fact=self.source_fact)
        if self.study:
            out["study"] = self.study
        return out


def format_path(parts: Iterable[object]) -> str:
    """Render a data path tuple as ``outcomes[2].effect.ci``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def worst(diagnostics: Iterable[Diagnostic]) -> Severity | None:
    top = None
    for d in diagnostics:
        if top is None or d.severity.rank > top.rank:
            top = d.severity
    return top


def exceeds(diagnostics: Iterable[Diagnostic], fail_on: str) -> bool:
    """True when one diagnostic is at or above ``fail_on`` (error, warning, info; never: False)."""
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(d.severity.rank >= threshold for d in diagnostics)


def counts(diagnostics: Iterable[Diagnostic]) -> dict[str, int]:
    out = {s.value: 0 for s in Severity}
    for d in diagnostics:
        out[d.severity.value] += 1
    return out


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: d.sort_key)
