"""Small stand-ins for the engines' report objects (same attribute names), and a page built from them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    category: str
    severity: str
    message: str
    quote: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    line: Optional[int] = None
    column: Optional[int] = None
    source_fact: Optional[str] = None


@dataclass(frozen=True)
class CheckItem:
    id: str
    label: str
    status: str
    note: str


@dataclass(frozen=True)
class Critique:
    findings: tuple
    checklist: tuple = ()
    source_name: str = "TRIAL"
    source_detected: Optional[str] = None


def finding_on(text: str, words: str, severity: str = "warning", category: str = "hype", rule: str = "C101",
               nth: int = 0, **kw) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Finding(rule, kw.pop("name", "hype-wording"), category, severity, kw.pop("message", f"{words!r} is hype"),
                   words, start, start + len(words), 1, start + 1, kw.pop("source_fact", "HR 0.66 (0.50 to 0.87)"))


@dataclass(frozen=True)
class Model:
    id: str = "an-article"
    title: str = "An article"
    outlet: Optional[str] = None
    author: Optional[str] = None
    date: Optional[str] = None
    url: Optional[str] = None
