"""What the one number matcher says about each number of an article (shared by critique and diff)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class SourceRef:
    """A source number: what it is, its value as printed, and where it stands."""

    label: str
    value: str  # as shown: "60.3%", "0.66", "100,000 IU"
    cite: str  # "pmc, Abstract (Results)"
    location: str = ""  # "evidence/studies/d-lay-ms.yaml:203:52"
    formula: Optional[str] = None  # derived facts: "1 - HR 0.66 = 34%"

    def as_dict(self) -> dict:
        d = {"label": self.label, "value": self.value, "cite": self.cite, "location": self.location}
        if self.formula:
            d["formula"] = self.formula
        return d


@dataclass(frozen=True)
class NumberRow:
    quote: str  # the number as printed
    start: int
    end: int
    value: float
    unit: Optional[str]
    kind: str
    verdict: str
    source_fact: Optional[SourceRef] = None
    sentence: str = ""
    note: Optional[str] = None
    upper: Optional[float] = None

    def as_dict(self) -> dict:
        return {"quote": self.quote, "start": self.start, "end": self.end, "value": self.value, "unit": self.unit,
                "kind": self.kind, "verdict": self.verdict,
                "source_fact": self.source_fact.as_dict() if self.source_fact else None, "note": self.note}
