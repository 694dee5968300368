"""A study's facts indexed for the number matcher (facts/matcher.py): by kind, unit and value, and
by context word, so that each number of an article is compared with the few facts it could equal
or whose words it shares, not with every fact of its kind (issue 17: a number-heavy megabyte spent
most of its time comparing each of its numbers with every fact).

Exact by construction: ``lookup`` returns, in the facts' order, a superset of the facts of
``of_kinds`` for which ``_value_verdict`` (or ``_ci_verdict``) can give a verdict, and of those
whose context overlaps the sentence's words; the matcher drops the other facts of the kind only
because none of its decisions can pick them (a verdict needs an equal value, a mismatch an
overlap of one word or more).  tests/text/test_factindex.py holds ``judge`` with the index
against ``judge`` over every fact of the kind, on random facts and numbers.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from typing import Optional

from msvitd.facts.source import Fact
from msvitd.facts.verdicts import _DIGIT, _GENERIC, _KINDS, _compatible, _mention_kind
from msvitd.text.numbers import NumberMention


class _Group:
    """The facts of one kind and unit, by value."""

    __slots__ = ("probe", "values", "positions")

    def __init__(self, kind: str, unit: Optional[str], pairs: list[tuple[float, int]]):
        # _compatible's value depends on the mention and the fact's kind and unit alone (a ratio's
        # measure can only make it None): a fact with this kind and unit and no measure gives it
        self.probe = Fact(0.0, unit, kind, "", frozenset(), "")
        pairs.sort()
        self.values = [v for v, _ in pairs]
        self.positions = [i for _, i in pairs]


class FactIndex:
    """One list of facts: its groups by kind and unit, its context words, its odd values."""

    def __init__(self, facts: list[Fact]):
        self.facts = facts
        self.size = len(facts)
        by: dict[tuple[str, Optional[str]], list[tuple[float, int]]] = {}
        self.unsorted: dict[str, list[int]] = {}  # facts whose value cannot be ordered (NaN, not a float)
        self.word_kind: dict[tuple[str, str], list[int]] = {}  # facts by context word and kind
        self.one_minus: dict[str, list[int]] = {}  # "1 - HR" percentages, by kind
        self.ci_high: dict[tuple, Fact] = {}
        for i, f in enumerate(facts):
            if isinstance(f.value, (int, float)) and math.isfinite(f.value):
                by.setdefault((f.kind, f.unit), []).append((float(f.value), i))
            else:
                self.unsorted.setdefault(f.kind, []).append(i)
            for w in f.context - _GENERIC:
                self.word_kind.setdefault((w, f.kind), []).append(i)
            if f.kind == "percent" and f.formula and f.formula.startswith("1 -"):
                self.one_minus.setdefault(f.kind, []).append(i)
            if f.kind == "ci_high":
                self.ci_high.setdefault(f.path[:-1], f)
        self.groups: dict[str, list[_Group]] = {}
        for (kind, unit), pairs in by.items():
            self.groups.setdefault(kind, []).append(_Group(kind, unit, pairs))


def _window(m: NumberMention, a: float) -> tuple[float, float]:
    """The fact values ``_value_verdict`` or ``_ci_verdict`` can call equal to the article's value
    ``a`` (in the fact's unit), with room to spare: equal within a rounding of half a unit
    (durations, "60%" for 60.4, a CI's ends), within 1% for thousands ("14,000" for 14,007),
    within 10% of the fact for an approximate number, up to 25% past a bound ("more than 50")."""
    lo, hi = _value_window(m, a)
    if m.kind == "ci":  # a direct fact: _ci_verdict, both ends within half a unit whatever the qualifier
        eps = 1e-6 * (1.0 + abs(a))
        return min(lo, a - 0.5 - eps), max(hi, a + 0.5 + eps)
    return lo, hi


def _value_window(m: NumberMention, a: float) -> tuple[float, float]:
    """_value_verdict's part of ``_window``."""
    eps = 1e-6 * (1.0 + abs(a))
    if m.kind == "p_value" and m.relation in ("<", "<="):
        return -math.inf, a + eps
    if m.relation in (">", ">="):
        return min(a, a * 1.25) - eps, max(a, a * 1.25) + eps
    if m.relation in ("<", "<="):
        return min(a, a * 0.8) - eps, max(a, a * 0.8) + eps
    d = 0.5 + eps
    if abs(a) >= 999:
        d = max(d, 0.011 * abs(a) + eps)
    if m.approx or m.kind in ("multiplier", "fraction") or not _DIGIT.search(m.raw):
        d = max(d, 0.12 * abs(a) + eps)
    return a - d, a + d


_INDEXES: dict[int, FactIndex] = {}


def index_of(facts: list[Fact]) -> FactIndex:
    """The index of ``facts`` (built once per list; a list changed in length is indexed again)."""
    ix = _INDEXES.get(id(facts))
    if ix is None or ix.facts is not facts or ix.size != len(facts):
        if len(_INDEXES) > 64:
            _INDEXES.clear()
        ix = _INDEXES[id(facts)] = FactIndex(facts)
    return ix


def lookup(facts: list[Fact], m: NumberMention, ctx: frozenset | None = None) -> list[Fact]:
    """The facts of ``of_kinds(facts, m)``, in order, whose value ``m`` may equal, and (with
    ``ctx``) those sharing one of the sentence's words."""
    ix = index_of(facts)
    kinds = _KINDS.get(_mention_kind(m), ())
    found: set[int] = set()
    for kind in kinds:
        for g in ix.groups.get(kind, ()):
            a = _compatible(m, g.probe)
            if a is None or not math.isfinite(a):
                if a is not None:
                    found.update(g.positions)
                continue
            lo, hi = _window(m, a)
            found.update(g.positions[bisect_left(g.values, lo):bisect_right(g.values, hi)])
        found.update(ix.unsorted.get(kind, ()))
    if ctx:
        by = ix.word_kind  # a sentence's words each name ~10 facts: their kinds were tested one by one
        for w in ctx:
            for kind in kinds:
                hit = by.get((w, kind))
                if hit:
                    found.update(hit)
    return [facts[i] for i in sorted(found)]


def one_minus(facts: list[Fact], m: NumberMention) -> list[Fact]:
    """The "1 - ratio" percentages of ``of_kinds(facts, m)``, in order."""
    ix = index_of(facts)
    kinds = _KINDS.get(_mention_kind(m), ())
    return [facts[i] for i in sorted(i for k in kinds for i in ix.one_minus.get(k, ()))]


def ci_high(facts: list[Fact], low: Fact) -> Optional[Fact]:
    """The first upper CI bound of ``facts`` beside the lower bound ``low``."""
    return index_of(facts).ci_high.get(low.path[:-1])
