"""Match each number of an article to the source's facts: match, rounded, mismatch, derived, unverified.

A number is compared with facts of the same kind and unit (durations across days, weeks, months and
years). Among the facts with an equal value the one whose context words best overlap the sentence
wins; failing that, a derived fact (1 - HR, a ratio of medians, a difference of percentages, a sum
of arms); failing that, a fact whose context clearly matches but whose value differs is a mismatch;
anything else is unverified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from msvitd.diffing.facts import Fact, fmt, unit_suffix, words
from msvitd.diffing.report import NumberRow, SourceRef
from msvitd.text.numbers import NumberMention, find_numbers

JUDGED_KINDS = frozenset({"percent", "count", "duration", "dose", "concentration", "ratio", "p_value", "multiplier",
                          "fraction", "ci", "nnt", "difference", "range", "money"})
_DAYS = {"days": 1.0, "weeks": 7.0, "months": 365.25 / 12, "years": 365.25, "hours": 1 / 24}
# words too common in this domain to tell two facts apart
_GENERIC = frozenset({"vitamin", "participants", "ms", "d-lay", "d-lay-ms", "dlay", "trial", "effect"})
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


def _compatible(m: NumberMention, f: Fact) -> Optional[float]:
    """The article's value expressed in the fact's unit, or None when they cannot be compared."""
    k = m.kind
    if k == "range":
        k = {"years": "duration", "months": "duration", "weeks": "duration", "days": "duration", "%": "percent",
             "IU": "dose", "participants": "count"}.get(m.unit or "", "range")
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
    half = 0.5 * 10 ** (-decimals) if decimals >= 0 else 0.5
    if abs(a - fv) <= half + tol and decimals < max(f.decimals, 1) + 6:
        return "rounded" if abs(a - fv) > tol else "match"
    if approx or m.kind in ("multiplier", "fraction") or not re.search(r"\d", m.raw):
        if fv and abs(a - fv) / abs(fv) <= 0.10:
            return "rounded"
    return None


def _mention_decimals(m: NumberMention) -> int:
    if m.kind in ("multiplier", "fraction") or not re.search(r"\d", m.raw):
        return 0
    return m.decimals()


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence (or line) around a span."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("! ", 0, start),
               text.rfind("? ", 0, start))
    left = 0 if left < 0 else left + 1
    cands = [i for i in (text.find(". ", end), text.find("\n", end), text.find("! ", end), text.find("? ", end))
             if i >= 0]
    right = min(cands) + 1 if cands else len(text)
    return text[left:right].strip()


def _context(text: str, m: NumberMention, extra: Iterable[str] = ()) -> frozenset:
    sent = sentence_at(text, m.start, m.end)
    ctx = set(words(sent))
    for e in extra:
        ctx |= words(e)
    return frozenset(ctx)


def _overlap(ctx: frozenset, f: Fact) -> int:
    return len((ctx & f.context) - _GENERIC)


def judge(m: NumberMention, ctx: frozenset, facts: list[Fact], derived: list[Fact]) -> tuple[str, Optional[Fact], Optional[str]]:
    """(verdict, fact, note) for one article number."""
    decimals = _mention_decimals(m)
    direct: list[Candidate] = []
    for f in facts:
        a = _compatible(m, f)
        if a is None:
            continue
        if m.kind == "ci":
            v = _ci_verdict(m, f, facts)
        else:
            v = _value_verdict(a, decimals, m.approx, m, f, f.value)
        direct.append(Candidate(f, v, _overlap(ctx, f), a))
    equal = [c for c in direct if c.verdict]
    if equal:
        best = max(equal, key=lambda c: (c.overlap, c.verdict == "match", -len(c.fact.path)))
        if best.overlap >= 1 or m.kind not in ("other",):
            # a number equal in value and unit: the best-fitting fact is the one it reports
            if not _better_derived(m, ctx, derived, decimals, best.overlap):
                return best.verdict, best.fact, None
    if m.kind != "other":
        dcands = []
        for f in derived:
            a = _compatible(m, f)
            if a is None:
                continue
            v = _value_verdict(a, decimals, m.approx, m, f, f.value)
            if v:
                dcands.append(Candidate(f, v, _overlap(ctx, f), a))
        if dcands:
            best = max(dcands, key=lambda c: (c.overlap, c.verdict == "match"))
            return "derived", best.fact, None
    if m.kind == "ci":
        ci_mis = [c for c in direct if c.verdict is None and c.overlap >= _MIN_MISMATCH_OVERLAP]
        if ci_mis:
            best = max(ci_mis, key=lambda c: c.overlap)
            return "mismatch", best.fact, _ci_note(best.fact, facts)
    need = 1 if m.kind in ("duration", "dose", "ratio", "p_value", "nnt", "concentration") else _MIN_MISMATCH_OVERLAP
    differ = [c for c in direct if c.verdict is None and c.overlap >= need and m.kind != "other"]
    for f in derived:  # "66% lower risk" is a misread 1 - HR, not a misprinted arm percentage
        a = _compatible(m, f)
        if a is not None and f.kind == "percent" and f.unit == m.unit and f.formula and f.formula.startswith("1 -"):
            o = _overlap(ctx, f)
            if o >= need and "reduction" in ctx:
                differ.append(Candidate(f, None, o + 1, a))
    if differ:
        best = max(differ, key=lambda c: (c.overlap, -abs(c.article_value - c.fact.value)))
        # only when this fact fits the sentence better than any fact the number does equal
        if not equal or best.overlap > max(c.overlap for c in equal):
            return "mismatch", best.fact, (f"the article says {m.raw.strip()}; the source says "
                                           f"{best.fact.show()}")
    if equal and m.kind == "other":
        best = max(equal, key=lambda c: c.overlap)
        if best.overlap >= 1:
            return best.verdict, best.fact, None
    return "unverified", None, None


def _better_derived(m, ctx, derived, decimals, than: int) -> bool:
    """A derived fact fits the sentence better than the direct fact of equal value."""
    for f in derived:
        a = _compatible(m, f)
        if a is not None and _value_verdict(a, decimals, m.approx, m, f, f.value) and _overlap(ctx, f) > max(than, 0) \
                and (than == 0 or _overlap(ctx, f) >= than + 2):
            return True
    return False


def _ci_high(low: Fact, facts: list[Fact]) -> Optional[Fact]:
    return next((f for f in facts if f.kind == "ci_high" and f.path[:-1] == low.path[:-1]), None)


def _ci_verdict(m: NumberMention, low: Fact, facts: list[Fact]) -> Optional[str]:
    high = _ci_high(low, facts)
    if high is None or m.upper is None:
        return None
    lo_ok = abs(m.value - low.value) <= 0.5 * 10 ** (-m.decimals()) + 1e-9
    hi_ok = abs(m.upper - high.value) <= 0.5 * 10 ** (-m.decimals()) + 1e-9
    if lo_ok and hi_ok:
        return "match" if abs(m.value - low.value) < 1e-9 and abs(m.upper - high.value) < 1e-9 else "rounded"
    return None


def _ci_note(low: Fact, facts: list[Fact]) -> str:
    high = _ci_high(low, facts)
    return f"the source's CI is {low.show()} to {high.show() if high else '?'}"


_PAIR = re.compile(r"\s*(?:vs\.?|versus|compared\s+(?:with|to)|against|and)\s*(?:(?:in|for|with|on)\s+)?(?:the\s+)?$", re.I)


def _paired(text: str, rows: list[NumberRow], m: NumberMention, facts: list[Fact], decimals: int):
    """"60.3% ... compared to 74.1%": the second number of a pair is the other arm's value of the
    fact the first one matched."""
    if not rows or rows[-1].source_fact is None or rows[-1].verdict not in ("match", "rounded"):
        return None
    prev = rows[-1]
    between = text[prev.end:m.start]
    if len(between) > 40 or not (_PAIR.search(between) or re.fullmatch(r"[^.;]*\b(?:vs\.?|versus|compared\s+(?:with|to))\b[^.;]*", between)):
        return None
    first = next((f for f in facts if f.path and f.label == prev.source_fact.label), None)
    if first is None or len(first.path) < 3 or first.path[-3] != "arms":
        return None
    sibling = [f for f in facts if f.path[:-2] == first.path[:-2] and f.path[-1] == first.path[-1]
               and f.path[-2] != first.path[-2]]
    if len(sibling) != 1:
        return None
    f = sibling[0]
    a = _compatible(m, f)
    if a is None:
        return None
    v = _value_verdict(a, decimals, m.approx, m, f, f.value)
    if v:
        return v, f, None
    return "mismatch", f, f"the article says {m.raw.strip()}; the source says {f.show()}"


def ref(f: Fact, locate: Callable[[tuple], str], facts: Iterable[Fact] = ()) -> SourceRef:
    value = f.show()
    if f.kind == "ci_low":
        high = next((h for h in facts if h.kind == "ci_high" and h.path[:-1] == f.path[:-1]), None)
        dec = max(f.decimals, high.decimals if high else 0)
        value = f"{fmt(f.value, dec)} to {fmt(high.value, dec)}" if high else f"{f.show()} (CI lower)"
    if f.kind == "p_value":
        value = f"P {'= ' if f.relation == '=' else f.relation + ' '}{fmt(f.value, f.decimals)}"
    if f.kind == "ratio" and f.measure:
        value = f"{f.measure} {fmt(f.value, f.decimals)}"
    return SourceRef(f.label, value, f.cite, locate(f.path) if f.path else "", f.formula)


def diff_numbers(text: str, facts: list[Fact], derived: list[Fact], locate: Callable[[tuple], str] = lambda p: "",
                 extra_context: Callable[[int, int], list[str]] = lambda s, e: []) -> tuple[list[NumberRow], int]:
    """Judge every number of ``text``; returns the rows and the count of numbers left unjudged
    (dates, years, clock times and bare numbers that match nothing)."""
    rows: list[NumberRow] = []
    unchecked = 0
    for m in find_numbers(text):
        if m.kind in ("date", "year", "time"):
            unchecked += 1
            continue
        ctx = _context(text, m, extra_context(m.start, m.end))
        verdict, fact, note = judge(m, ctx, facts, derived)
        paired = _paired(text, rows, m, facts, decimals=_mention_decimals(m))
        if paired is not None and (verdict in ("unverified", "mismatch") or fact is None
                                   or fact.path[:-2] != paired[1].path[:-2]):
            verdict, fact, note = paired
        if m.kind not in JUDGED_KINDS and verdict == "unverified":
            unchecked += 1
            continue
        if verdict == "mismatch" and fact is not None and note is None:
            note = f"the article says {m.raw.strip()}; the source says {fact.show()}"
        rows.append(NumberRow(quote=m.raw, start=m.start, end=m.end, value=m.value, unit=m.unit, kind=m.kind,
                              verdict=verdict, source_fact=ref(fact, locate, facts) if fact else None,
                              sentence=sentence_at(text, m.start, m.end), note=note, upper=m.upper))
    return rows, unchecked


def show_mention(row: NumberRow) -> str:
    if row.kind == "ci" and row.upper is not None:
        return f"{fmt(row.value, 2)} to {fmt(row.upper, 2)}"
    return f"{fmt(row.value, 3 if abs(row.value) < 1 and row.value else 0) if False else row.quote.strip()}"
