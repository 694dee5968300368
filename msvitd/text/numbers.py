"""Find the numbers in a text: value, unit, kind and exact character offsets.

``find_numbers(text, lang=None)`` returns one :class:`NumberMention` per number a reader would see
(in the way the text's language writes numbers: "60,3 %", "120.000", "soixante-quatorze"):
"60.3%", "60.3 percent", "303 participants", "two years", "24-month", "100,000 IU",
"100 000 IU", "HR 0.66", "95% CI 0.50 to 0.87", "P = .004", "nearly twice", "a third".

Every mention satisfies ``text[m.start:m.end] == m.raw``; qualifiers ("nearly", "more than")
and labels ("HR", "P =") are part of the span. A confidence level ("the 95 of 95% CI") is never
reported as a result, and a year ("2025") is a year, not a count. Standard library only; the
function never raises on any string.
"""

from __future__ import annotations

import math
import re
from typing import Optional

from msvitd.text.mention import KINDS, NumberMention, _Taken
from msvitd.text.numgrammar import (
    _CURRENCY_AFTER, _CURRENCY_BEFORE, _FRACTIONS, _MULT_WORDS, _NAME_AFTER,
    _N_EQUALS, _P, _SCALE_AFTER, _TIME, _URL, _patterns, _text_patterns, _words_value,
)

__all__ = ["NumberMention", "find_numbers", "KINDS", "_Taken"]


class _Scanner:
    def __init__(self, text: str, p: "_P"):
        self.text = text
        self.p = p
        self.taken = _Taken()
        self.out: list[NumberMention] = []

    def free(self, start: int, end: int) -> bool:
        return self.taken.free(start, end)

    def add(self, start, end, value, unit, kind, **kw) -> bool:
        if value is None or start >= end or not self.free(start, end):
            return False
        if not math.isfinite(value):
            return False
        start, approx, relation = self._qualify(start, kw.pop("relation", None))
        self.taken.append((start, end))
        if self.p.mark != ".":
            kw["decimal_mark"] = self.p.mark
        self.out.append(NumberMention(value=float(value), unit=unit, kind=kind, start=start, end=end,
                                      raw=self.text[start:end], approx=approx or kw.pop("approx", False),
                                      relation=relation, **kw))
        return True

    def _qualify(self, start: int, relation):
        before = self.text[max(0, start - 20):start]
        m = self.p.qualifier.search(before)
        if not m:
            return start, False, relation
        q = re.sub(r"\s+", " ", m.group("q").lower()).replace("’", "'")
        new_start = start - len(before) + m.start()
        if not self.free(new_start, start):
            return start, False, relation
        return new_start, q in self.p.approx, relation or self.p.qual_rel.get(q)


def find_numbers(text: str, lang: Optional[str] = None) -> list[NumberMention]:
    """Every number in ``text`` with value, unit, kind and offsets; never raises.

    ``lang`` (en, fr, de, es): how numbers are written (decimal comma, number words); by
    default the language the text is detected in; an undetermined text with a comma that can
    only be decimal ("60,3 %", "HR 0,66") reads it as one."""
    if not isinstance(text, str) or not text:
        return []
    try:
        p = _text_patterns(text, lang)
    except Exception:
        p = _patterns(".", None)
    key = (text, id(p))  # the grammars live as long as the process (numgrammar._PATTERNS)
    known = _READ.get(key) if len(text) <= 4000 else (_LONG[1] if _LONG and _LONG[0] == key else None)
    if known is not None:
        return list(known)
    try:
        found = _find(text, p)
    except Exception:  # a reader must not bring the command down; degrade to plain numbers
        found = _plain_only(text, p)
    if len(text) <= 4000:
        if len(_READ) >= 4096:
            del _READ[next(iter(_READ))]
        _READ[key] = tuple(found)
    else:
        # the last whole article: study detection reads its numbers, then the number matcher again
        _LONG[:] = [key, tuple(found)]
    return found


# Texts read already: a study's own figures are read again for every article checked against it,
# and a sentence by more than one stage (the mentions are frozen; callers get a new list).
_READ: dict[tuple[str, int], tuple[NumberMention, ...]] = {}
_LONG: list = []  # [key, mentions] of the last text over 4,000 characters


def _plain_only(text: str, p: "_P") -> list[NumberMention]:
    out = []
    for m in p.numeric.finditer(text):
        v = p.to_float(m.group(0))
        if v is not None:
            out.append(NumberMention(v, None, "other", m.start(), m.end(), m.group(0), decimal_mark=p.mark))
    return out


def _fractions(sc: "_Scanner", text: str) -> None:
    p = sc.p
    for m in p.fraction.finditer(text):
        if "h" in m.re.groupindex and m.group("h"):
            sc.add(m.start(), m.end(), 0.5, None, "fraction")  # "la moitié", "die Hälfte", "la mitad"
            continue
        f = p.fractions[m.group("f").lower()]
        k = (m.group("k") or "a").lower()
        if m.group("f").lower() == "half" and m.group("k") is None:
            pass
        elif m.group("f").lower().endswith("s") and k in ("a", "an", "one"):
            continue  # "a thirds" is not English
        mult = p.fraction_counts[k]
        if m.group("f").lower() == "half" and mult > 1:
            continue
        if m.group("f").lower() == "quarter" and re.match(r"\s+of\s+(?:19|20)\d\d", text[m.end():]):
            continue
        if m.group("k") is None and p.fractions is not _FRACTIONS and m.group("f").lower() not in _FRACTIONS:
            continue  # a bare "quart", "Drittel", "tercio" without a count is not a share
        sc.add(m.start(), m.end(), mult * f, None, "fraction")


def _find(text: str, p: "_P") -> list[NumberMention]:
    sc = _Scanner(text, p)
    # 0. links: the digits of a URL are not quantities
    for m in _URL.finditer(text):
        sc.taken.append((m.start(), m.end()))
    # 1. dates and times first: their digits are not quantities
    for rx in p.dates:
        for m in rx.finditer(text):
            sc.add(m.start(), m.end(), float(m.group("y")), None, "date")
    for m in _TIME.finditer(text):
        if sc.free(m.start(), m.end()):
            sc.taken.append((m.start(), m.end()))  # a clock time: not reported as a number
    # 2. multipliers and fractions ("nearly twice", "two-fold", "a third")
    for m in p.multiplier.finditer(text):
        if m.group("w"):
            v = _MULT_WORDS[m.group("w").lower()]
        elif m.group("n"):
            g = m.group("n")
            v = p.to_float(g) if g[0].isdigit() or g[0] in ".," else _words_value(g, p)
        else:
            v = p.to_float(m.group("x"))
        sc.add(m.start(), m.end(), v, None, "multiplier")
    _fractions(sc, text)
    # 3. digit numbers, left to right, each with what stands before and after it
    tokens = [(m.start(), m.end(), p.to_float(m.group(0)), True) for m in p.numeric.finditer(text)]
    tokens += [(m.start(), m.end(), _words_value(m.group(0), p), False) for m in p.words.finditer(text)]
    tokens.sort()
    for start, end, value, numeric in tokens:
        if value is None or not sc.free(start, end):
            continue
        _token(sc, text, start, end, value, numeric)
    return sorted(sc.out, key=lambda n: (n.start, n.end))


def _sign(text: str, start: int) -> tuple[int, float]:
    # a minus sign directly before a number that is not a hyphen inside a word ("COVID-19")
    if start > 0 and text[start - 1] in "-−–":
        prev = text[start - 2] if start >= 2 else " "
        if prev in " ([=:,;" or start == 1:
            return start - 1, -1.0
    return start, 1.0


def _token(sc: _Scanner, text: str, start: int, end: int, value: float, numeric: bool) -> None:
    """One number (digits, or a number word when ``numeric`` is false) with what stands around
    it: the first reading below that takes it decides its kind."""
    if not numeric:
        _with_unit(sc, text, start, end, value, "", numeric=False)
        return
    if _a_name(text, start, end, sc.p):
        return
    s0, sign = _sign(text, start)
    if sign < 0:
        value, start = -value, s0
    before = text[max(0, start - 60):start]
    if _labelled(sc, text, start, end, value, before) or _ci_by_level(sc, text, start, end, value) \
            or _money_before(sc, text, start, end, value, before) or _range(sc, text, start, end, value, before):
        return
    _with_unit(sc, text, start, end, value, before, numeric=True)


def _a_name(text: str, start: int, end: int, p: "_P") -> bool:
    """COVID-19, EQ-5D; 25(OH)D, 3T, T2-weighted and the like: names, not quantities."""
    if start >= 2 and text[start - 1] in "-‐" and text[start - 2].isalpha():
        return True
    after = text[end:end + 60]
    return bool(_NAME_AFTER.match(after)) and not _unit_match(after, p) and not _COUNT_match(after, p) \
        and not _SCALE_AFTER.match(after) and not re.match(r"[-\s]?(?:times|fold)\b|\s?[x×]", after)


def _labelled(sc: _Scanner, text: str, start: int, end: int, value: float, before: str) -> bool:
    """A number after its label: NNT or a mean difference, a P value, a ratio (then its CI)."""
    p = sc.p
    # NNT and mean differences: "NNT 7.2 (95% CI 4.1–29.0)", "MD −0.11 (−0.40 to 0.18)"
    m = p.other_label.search(before)
    if m:
        label = re.sub(r"\s+", " ", m.group("m")).lower()
        nnt = p.is_nnt(label)  # the label's words are language data (numgrammar, language.yaml other_labels)
        s = start - len(before) + m.start()
        if sc.add(s, end, value, "NNT" if nnt else None, "nnt" if nnt else "difference",
                  measure=None if nnt else "MD"):
            _ci_after(sc, text, end)
        return True
    # P value: "P = .004", "log-rank P < 0.001", "p-value of 0.02"
    m = p.p_label.search(before)
    if m and 0 <= value <= 1:
        rel = p.p_relation(m.group("rel"))
        sc.add(start - len(before) + m.start(), end, value, None, "p_value", relation=rel)
        return True
    # ratio: "HR 0.66", "hazard ratio of 0.66", "OR, 0.93", then its CI if it follows
    m = p.ratio_label.search(before)
    if m:
        measure = p.measure_of(m.group("m"))
        if sc.add(start - len(before) + m.start(), end, value, "ratio", "ratio", measure=measure):
            _ci_after(sc, text, end)
        return True
    return False


def _ci_by_level(sc: _Scanner, text: str, start: int, end: int, value: float) -> bool:
    """A confidence interval announced by its level: "95% CI 0.50 to 0.87", "95% confidence interval"."""
    m = sc.p.ci_level.match(text[end:end + 60])
    if not m:
        return False
    level = value
    ci_end = end + m.end()
    r = sc.p.ci_range.match(text, ci_end)
    if r:
        lo, hi = sc.p.to_float(r.group("lo")), sc.p.to_float(r.group("hi"))
        if lo is not None and hi is not None:
            sc.add(start, r.end(), lo, None, "ci", upper=hi, level=level)
            return True
    sc.add(start, ci_end, level, "%", "ci", level=level)
    return True


def _money_before(sc: _Scanner, text: str, start: int, end: int, value: float, before: str) -> bool:
    mc = _CURRENCY_BEFORE.search(before)
    if not mc:
        return False
    v, e = _scaled(text, value, end)
    sc.add(start - len(mc.group("c")), e, v, mc.group("c").strip(), "money")
    return True


def _range(sc: _Scanner, text: str, start: int, end: int, value: float, before: str) -> bool:
    """A range: "18–55 years", "0.50–0.87", "2013–2020"."""
    p = sc.p
    r = p.range_after.match(text, end)
    if not (r and not re.match(r"[\w.]", text[r.end():r.end() + 1] or " ") and r.group("hi")):
        return False
    hi = p.to_float(r.group("hi"))
    if hi is None or hi < value:
        return False
    unit, kind, uend = _unit_at(text, r.end(), p)
    if unit is None and _is_year(value, text[start:end]) and _is_year(hi, r.group("hi")):
        sc.add(start, r.end(), value, None, "year", upper=hi)
    elif unit is None and "." in text[start:r.end()] and re.search(r"\(\s*$", before):
        sc.add(start, r.end(), value, None, "ci", upper=hi)
    else:
        sc.add(start, uend, value, unit, kind or "range", upper=hi)
    return True


def _with_unit(sc: _Scanner, text: str, start: int, end: int, value: float, before: str, numeric: bool) -> None:
    """The number with its unit ("60.3%", "100 000 IU", "24-month", "303 participants", "two
    years"), or the unit of the number it is compared with, or a count, a year, money, a bare number."""
    p = sc.p
    v, e = (_scaled(text, value, end) if numeric else (value, end))
    unit, kind, uend = _unit_at(text, e, p)
    if unit is not None:
        if not numeric and kind == "count" and value == 1:
            return  # "one group received ..." is not a count claim
        sc.add(start, uend, v, unit, kind)
        return
    if not numeric:
        return  # a bare number word ("one of the most promising") is not a quantity
    # "432 vs 224 days", "60.3% versus 74.1%": the first number takes the second one's unit
    vm = p.versus.match(text, e)
    nm = p.numeric_at.match(text, vm.end()) if vm else None
    if nm:
        unit2, kind2, _ = _unit_at(text, nm.end(), p)
        if unit2 is not None:
            sc.add(start, e, v, unit2, kind2)
            return
    mn = _N_EQUALS.search(before)
    if mn:
        sc.add(start - len(before) + mn.start(), e, v, "participants", "count")
    elif _is_year(value, text[start:end]):
        sc.add(start, end, value, None, "year")
    elif mc := _CURRENCY_AFTER.match(text, e):
        sc.add(start, mc.end(), v, mc.group(0).strip(), "money")
    else:
        sc.add(start, e, v, None, "other")


def _is_year(value: float, raw: str) -> bool:
    return re.fullmatch(r"\s*(?:19|20)\d\d\s*", raw or "") is not None or (
        float(value).is_integer() and 1900 <= value <= 2100 and re.fullmatch(r"\d{4}", raw.strip()) is not None)


def _scaled(text: str, value: float, end: int) -> tuple[float, int]:
    m = _SCALE_AFTER.match(text, end)
    if not m:
        return value, end
    word = m.group(1).lower()
    if word in ("m",) and m.group(0).startswith(" "):
        return value, end  # "5 m" is metres, not millions
    factor = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}[word]
    return value * factor, m.end()


def _unit_match(after: str, p: "_P"):
    for rx, unit, kind in p.unit_res:
        m = rx.match(after)
        if m:
            return m, unit, kind
    return None


def _COUNT_match(after: str, p: "_P"):
    for rx, unit in p.count_res:
        m = rx.match(after)
        if m:
            return m, unit
    return None


def _unit_at(text: str, end: int, p: "_P") -> tuple[Optional[str], Optional[str], int]:
    after = text[end:end + 80]
    um = _unit_match(after, p)
    if um:
        m, unit, kind = um
        return unit, kind, end + m.end()
    cm = _COUNT_match(after, p)
    if cm:
        m, unit = cm
        return unit, "count", end + m.end()
    return None, None, end


def _ci_after(sc: _Scanner, text: str, end: int) -> None:
    p = sc.p
    m = p.ci_after.match(text, end)
    if not m:
        return
    lo, hi = p.to_float(m.group("lo")), p.to_float(m.group("hi"))
    if lo is None or hi is None or lo > hi:
        return
    level = p.to_float(m.group("lvl")) if m.group("lvl") else None
    # span starts at the level ("95% CI ...") or at the lower bound
    s = m.start("lvl") if m.group("lvl") else m.start("lo")
    e = m.end("hi")
    sc.add(s, e, lo, None, "ci", upper=hi, level=level)
