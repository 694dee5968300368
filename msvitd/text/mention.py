"""The record of one number found in a text (``NumberMention``), the kinds it can be, and the sorted
spans a scan has already claimed (``_Taken``): the data text/numbers.py produces, apart from the
scanning itself."""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from typing import Optional

from msvitd.text.numgrammar import _NUMERIC_AT, _fraction_digits, _patterns

KINDS = ("percent", "count", "duration", "dose", "concentration", "ratio", "p_value", "multiplier",
         "fraction", "ci", "range", "money", "year", "date", "time", "other")


@dataclass(frozen=True)
class NumberMention:
    value: float
    unit: Optional[str]
    kind: str
    start: int
    end: int
    raw: str
    approx: bool = False
    relation: Optional[str] = None  # "=", "<", "<=", ">", ">=" (P values; "more than", "up to")
    measure: Optional[str] = None  # "HR", "RR", "OR", "IRR" for a ratio
    upper: Optional[float] = None  # the upper end of a range or a confidence interval
    level: Optional[float] = None  # a CI's confidence level in percent (95)
    decimal_mark: str = "."  # "," in a French, German or Spanish text ("60,3 %")

    @property
    def is_integer(self) -> bool:
        return math.isfinite(self.value) and float(self.value).is_integer()

    def decimals(self) -> int:
        """Decimal places as printed (for rounding checks): "60.3%" -> 1, ".004" -> 3."""
        known = self.__dict__.get("_decimals")  # the matcher asks once per fact it compares
        if known is None:
            known = self.__dict__["_decimals"] = self._decimals()
        return known

    def _decimals(self) -> int:
        at = _NUMERIC_AT if self.decimal_mark == "." else _patterns(",", None).numeric_at
        parts = [m.group(0) for m in at.finditer(self.raw)]
        if self.kind == "ci" and self.level is not None and len(parts) > 1:
            parts = parts[1:]  # "95% CI 0.50 to 0.87": the level is not the interval
        if self.kind != "ci":
            parts = parts[:1]
        best = 0
        for part in parts:
            frac = _fraction_digits(part, self.decimal_mark)
            best = max(best, len(frac))
        return best


class _Taken:
    """Disjoint spans already claimed, kept sorted so that a check costs log n, not n (a number-heavy
    megabyte used to take minutes: every number checked against every earlier one)."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def append(self, span: tuple[int, int]) -> None:
        i = bisect.bisect_left(self.starts, span[0])
        self.starts.insert(i, span[0])
        self.ends.insert(i, span[1])

    def free(self, start: int, end: int) -> bool:
        # spans are disjoint, so the one starting last before ``end`` also ends last among them
        i = bisect.bisect_left(self.starts, end)
        return i == 0 or self.ends[i - 1] <= start
