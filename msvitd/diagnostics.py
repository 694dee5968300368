"""The one diagnostic record that every stage (YAML, schema, checks, rules, diff) emits.

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


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, order=False)
class Diagnostic:
    """A problem found somewhere: immutable, plain data, printable by any formatter.

    ``line`` and ``column`` are 1-based; 0 means "whole file" (no position known).
    ``path`` is the data path inside the document, e.g. ``outcomes[2].effect.ci``.
    """

    code: str
    severity: Severity
    message: str
    file: str
    line: int = 0
    column: int = 0
    path: str = ""
    end_line: int = 0
    end_column: int = 0
    data: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.code, self.message)

    def location(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return f"{self.file}:1:1" if self.file else "<input>"

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "path": self.path,
        }


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


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: d.sort_key)
