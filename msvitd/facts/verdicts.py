"""How an article's number compares with one fact of the study: same kind and unit, equal,
rounded, or different (the value checks of the one number matcher)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from msvitd.facts.source import Fact
from msvitd.text.numbers import NumberMention

_DAYS = {"days": 1.0, "weeks": 7.0, "months": 365.25 / 12, "years": 365.25, "hours": 1 / 24}
# words too common to tell two facts apart (the study's own name and intervention are added per study:
# FactList.identity)
_GENERIC = frozenset({"participants", "trial", "effect"})
_MIN_MISMATCH_OVERLAP = 2


@dataclass(frozen=True)
class Candidate:
    fact: Fact
    verdict: Optional[str]  # "match", "rounded" or None (value differs)
    overlap: int
    article_value: float  # the article's value in the fact's unit


def _convert(value: float, unit: Optional[str], to: Optional[str]) -> Optional[float]:
    if unit == to:
        return value
    if unit in _DAYS and to in _DAYS:
        return value * _DAYS[unit] / _DAYS[to]
    return None


def _mention_kind(m: NumberMention) -> str:
    k = m.kind
    if k == "range":
        k = {"years": "duration", "months": "duration", "weeks": "duration", "days": "duration", "%": "percent",
             "IU": "dose", "participants": "count"}.get(m.unit or "", "range")
    return k


# the fact kinds _compatible can pair with each kind of mention: a number is compared only with
# those (in the facts' order), not with every fact of the study (time linear in the numbers)
_KINDS = {"percent": ("percent",), "fraction": ("percent", "fraction"), "count": ("count",),
          "duration": ("duration",), "dose": ("dose",), "concentration": ("concentration",), "ratio": ("ratio",),
          "difference": ("difference",), "p_value": ("p_value",), "multiplier": ("multiplier",), "nnt": ("nnt",),
          "ci": ("ci_low",), "other": ("other", "count")}
_BUCKETS: dict = {}
_DIGIT = re.compile(r"\d")


def of_kinds(facts: list[Fact], m: NumberMention) -> list[Fact]:
    """The facts of ``facts`` whose kind ``m`` can be compared with, in their order."""
    kinds = _KINDS.get(_mention_kind(m), ())
    hit = _BUCKETS.get(id(facts))
    if hit is None or hit[0] is not facts or hit[1] != len(facts):
        idx: dict = {}
        for i, f in enumerate(facts):
            idx.setdefault(f.kind, []).append(i)
        if len(_BUCKETS) > 64:
            _BUCKETS.clear()
        hit = _BUCKETS[id(facts)] = (facts, len(facts), idx)
    return [facts[i] for i in sorted(i for k in kinds for i in hit[2].get(k, ()))]


def _compatible(m: NumberMention, f: Fact) -> Optional[float]:
    """The article's value expressed in the fact's unit, or None when they cannot be compared."""
    k = _mention_kind(m)
    if k == "percent" and f.kind == "percent":
        if (m.unit == "percentage points") and f.unit != "percentage points":
            return None
        return m.value
    if k == "fraction" and f.kind == "percent":
        return m.value * 100 if f.unit == "%" else None
    if k == "fraction" and f.kind == "fraction":
        return m.value
    if k == "count" and f.kind == "count":
        if m.unit == f.unit or {m.unit, f.unit} <= {"participants", "events"}:
            return m.value
        return None
    if k == "duration" and f.kind == "duration":
        return _convert(m.value, m.unit, f.unit)
    if k in ("dose", "concentration") and f.kind == k:
        return m.value if m.unit == f.unit else None
    if k == "ratio" and f.kind == "ratio":
        if m.measure and f.measure and m.measure != f.measure:
            return None
        return m.value
    if k == "difference" and f.kind == "difference":
        return m.value
    if k == "p_value" and f.kind == "p_value":
        return m.value
    if k == "multiplier" and f.kind in ("multiplier",):
        return m.value
    if k == "nnt" and f.kind == "nnt":
        return m.value
    if k == "ci" and f.kind == "ci_low":
        return m.value
    if k == "other" and f.kind in ("other", "count"):
        return m.value
    return None


def _value_verdict(a: float, decimals: int, approx: bool, m: NumberMention, f: Fact, fv: float) -> Optional[str]:
    """Compare the article's value ``a`` (in the fact's unit) with the fact's value ``fv``."""
    tol = 1e-9 * max(1.0, abs(fv))
    if m.kind == "p_value" and m.relation in ("<", "<="):
        return "rounded" if fv < a + tol and f.relation in ("=", "<", "<=") else None
    if m.relation in (">", ">="):
        return "rounded" if a - tol <= fv <= a * 1.25 + tol else None
    if m.relation in ("<", "<="):
        return "rounded" if a * 0.8 - tol <= fv <= a + tol else None
    if abs(a - fv) <= tol:
        return "match"
    if m.kind == "duration" or m.unit in _DAYS:
        # "two years" for 104 weeks: equal once rounded to the article's unit
        if abs(round(fv) - a) <= tol and abs(fv - a) < 0.5:
            return "rounded"
    if decimals == 0 and a >= 1000 and a == int(a) and int(a) % 1000 == 0 and abs(a - fv) <= 0.01 * abs(fv):
        # "14,000 IU" for 14,007: trailing zeros of a number in thousands are a rounding, not a figure
        return "rounded"
    half = 0.5 * 10 ** (-decimals) if decimals >= 0 else 0.5
    if abs(a - fv) <= half + tol and decimals < max(f.decimals, 1) + 6:
        return "rounded" if abs(a - fv) > tol else "match"
    if approx or m.kind in ("multiplier", "fraction") or not _DIGIT.search(m.raw):
        if fv and abs(a - fv) / abs(fv) <= 0.10:
            return "rounded"
    return None


def _mention_decimals(m: NumberMention) -> int:
    if m.kind in ("multiplier", "fraction") or not _DIGIT.search(m.raw):
        return 0
    return m.decimals()


def _overlap(ctx: frozenset, f: Fact) -> int:
    return len((ctx & f.context) - _GENERIC)
