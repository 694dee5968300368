"""Find the numbers in a text: value, unit, kind and exact character offsets.

``find_numbers(text)`` returns one :class:`NumberMention` per number a reader would see:
"60.3%", "60.3 percent", "303 participants", "two years", "24-month", "100,000 IU",
"100 000 IU", "HR 0.66", "95% CI 0.50 to 0.87", "P = .004", "nearly twice", "a third".

Every mention satisfies ``text[m.start:m.end] == m.raw``; qualifiers ("nearly", "more than")
and labels ("HR", "P =") are part of the span. A confidence level ("the 95 of 95% CI") is never
reported as a result, and a year ("2025") is a year, not a count. Standard library only; the
function never raises on any string.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from typing import Optional

__all__ = ["NumberMention", "find_numbers", "KINDS"]

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

    @property
    def is_integer(self) -> bool:
        return math.isfinite(self.value) and float(self.value).is_integer()

    def decimals(self) -> int:
        """Decimal places as printed (for rounding checks): "60.3%" -> 1, ".004" -> 3."""
        parts = [m.group(0) for m in _NUMERIC_AT.finditer(self.raw)]
        if self.kind == "ci" and self.level is not None and len(parts) > 1:
            parts = parts[1:]  # "95% CI 0.50 to 0.87": the level is not the interval
        if self.kind != "ci":
            parts = parts[:1]
        best = 0
        for part in parts:
            frac = part.split(".", 1)[1] if "." in part else ""
            best = max(best, len(frac))
        return best


def _digits_part(raw: str) -> str:
    # the numeric value inside a raw span, skipping labels like "HR" and "P ="
    m = _NUMERIC.search(raw)
    return m.group(0) if m else ""


# --- building blocks --------------------------------------------------------------------------

_SEP = "[,\u00a0\u202f\u2009 ]"
_NUM = (r"(?:\d{1,3}(?:" + _SEP + r"\d{3})+(?![\d])|\d+)(?:\.\d+)?(?![\d])(?!\.\d)"
        r"|\.\d+(?![\d])(?!\.\d)")
_NUMERIC = re.compile(r"(?<![\w.])(?:" + _NUM + r")")
_NUMERIC_AT = re.compile(r"(?:" + _NUM + r")")

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_WORD = "|".join(sorted(list(_ONES) + list(_TENS) + list(_SCALES), key=len, reverse=True))
_WORDS = re.compile(r"(?<![\w-])(?:(?:a|an)\s+(?=(?:hundred|thousand|million)\b))?(?:" + _WORD + r")"
                    r"(?:(?:\s+and\s+|[\s-])(?:" + _WORD + r"))*(?![\w])", re.I)

_MULT_WORDS = {"twice": 2.0, "thrice": 3.0, "double": 2.0, "doubled": 2.0, "triple": 3.0, "tripled": 3.0,
               "halved": 0.5, "quadrupled": 4.0}
_MULTIPLIER = re.compile(
    r"(?<![\w-])(?:(?P<w>twice|thrice|doubled|double|tripled|triple|halved|quadrupled)"
    r"|(?P<n>(?:" + _NUM + r")|" + _WORD + r")[\s-]?(?:times|fold)(?![\w])"
    r"|(?P<x>\d+(?:\.\d+)?)\s?[x×](?![\w]))(?![\w])", re.I)
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1, "thirds": 1 / 3,
              "quarters": 0.25, "fifths": 0.2}
_FRACTION = re.compile(
    r"(?<![\w-])(?:(?P<k>a|an|one|two|three|four)[\s-]+)?(?P<f>half|thirds?|quarters?|fifths?|tenth)(?![\w])",
    re.I)

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATES = [
    re.compile(r"(?<![\w-])(?P<y>(?:19|20)\d{2})-\d{2}-\d{2}(?![\w-])"),
    re.compile(r"(?<![\w])" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})(?![\w])"),
    re.compile(r"(?<![\w])\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>(?:19|20)\d{2})(?![\w])"),
    re.compile(r"(?<![\w])" + _MONTH + r",?\s+(?P<y>(?:19|20)\d{2})(?![\w])"),
]
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+|\bdoi:\s*10\.\S+|\b10\.\d{4,9}/\S+")
_TIME = re.compile(r"(?<![\w.:])\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s?(?:[AaPp]\.?[Mm]\.?)(?![\w])"
                   r"|(?<![\w.:])\d{1,2}:\d{2}(?::\d{2})?(?![\w:])")

# Things that look like numbers but are names: 25(OH)D, COVID-19, T2, NCT01817166, EQ5D, 3T.
_NAME_AFTER = re.compile(r"\(OH\)|[A-Za-z]{1,3}\d|[-‐]?[A-Za-z]")

# (pattern, normalised unit, kind); tried in order right after the number.
_UNITS: list[tuple[str, str, str]] = [
    (r"%|percent\b|per\s?cent\b|pct\b", "%", "percent"),
    (r"percentage[\s-]points?\b", "percentage points", "percent"),
    (r"(?:IU|I\.U\.|international\s+units?)(?:\s*/\s*(?:day|d)\b|\s+(?:per|a)\s+day\b|\s+daily\b)", "IU/day", "dose"),
    (r"(?:IU|I\.U\.|international\s+units?)(?:\s*/\s*(?:week|wk)\b|\s+(?:per|a)\s+week\b|\s+weekly\b)", "IU/week", "dose"),
    (r"(?:IU|I\.U\.)(?![\w])|international\s+units?\b", "IU", "dose"),
    (r"(?:mg|milligrams?)\b", "mg", "dose"),
    (r"(?:µg|μg|mcg|micrograms?)(?![\w])", "µg", "dose"),
    (r"nmol\s*/\s*[lL]\b|nmol\b", "nmol/L", "concentration"),
    (r"ng\s*/\s*m[lL]\b", "ng/mL", "concentration"),
    (r"(?:days?|d)\b(?!\s*[-/]\s*\d)", "days", "duration"),
    (r"(?:weeks?|wks?)\b", "weeks", "duration"),
    (r"(?:months?|mos?)\b", "months", "duration"),
    (r"(?:years?|yrs?)\b(?![\s-]+old)", "years", "duration"),
    (r"(?:years?|yrs?)[\s-]+old\b", "years", "duration"),
    (r"(?:hours?|hrs?)\b", "hours", "duration"),
]
_COUNT_NOUNS: list[tuple[str, str]] = [
    (r"participants?|patients?|people|persons?|subjects?|individuals?|volunteers?|adults?|women|men|"
     r"children|cases? of CIS", "participants"),
    (r"centres?|centers?|sites?|clinics?|hospitals?", "centres"),
    (r"trials?|studies|study|RCTs?", "studies"),
    (r"lesions?", "lesions"),
    (r"relapses?", "relapses"),
    (r"events?|cases?", "events"),
    (r"groups?|arms?", "arms"),
    (r"outcomes?|endpoints?|end points?", "outcomes"),
    (r"doses?", "doses"),
    (r"countries", "countries"),
    (r"visits?", "visits"),
    (r"MRIs?|MRI scans?|scans?", "scans"),
]
# words allowed between a number and its noun: "36 MS centers", "10 secondary clinical outcomes"
_ADJ = (r"(?:[A-Z]{2,5}|untreated|treated|eligible|randomi[sz]ed|enrolled|analy[sz]ed|adult|clinical|"
        r"secondary|primary|radiological|new|additional|more|other|consecutive|participating|French|"
        r"European|American|US|UK|serious|severe|adverse|separate|independent|different|large|small|"
        r"controlled|placebo-controlled|randomi[sz]ed-controlled|double-blind|early|first|study)")
_UNIT_RES = [(re.compile(r"[\s\u00a0\u202f-]?\s*(?:" + p + r")", re.I if k not in ("dose",) else 0), u, k)
             for p, u, k in _UNITS]
_UNIT_RES.insert(0, (re.compile(r"\s?%"), "%", "percent"))
_COUNT_RES = [(re.compile(r"[\s\u00a0\u202f-]+(?:" + _ADJ + r"[\s-]+){0,2}(?:" + p + r")(?![\w])"), u)
              for p, u in _COUNT_NOUNS]
_SCALE_AFTER = re.compile(r"[\s\u00a0]?(million|billion|thousand|bn|m|k)(?![\w])", re.I)

_MEASURES = {
    "hr": "HR", "ahr": "HR", "hazard ratio": "HR", "adjusted hazard ratio": "HR",
    "rr": "RR", "risk ratio": "RR", "relative risk": "RR",
    "or": "OR", "aor": "OR", "odds ratio": "OR",
    "irr": "IRR", "rate ratio": "IRR", "incidence rate ratio": "IRR",
}
_RATIO_LABEL = re.compile(
    r"(?<![\w])(?P<m>a?HR|RR|a?OR|IRR|(?:[Aa]djusted\s+)?[Hh]azard\s+[Rr]atio|[Rr]isk\s+[Rr]atio|"
    r"[Rr]elative\s+[Rr]isk|[Oo]dds\s+[Rr]atio|(?:[Ii]ncidence\s+)?[Rr]ate\s+[Rr]atio)"
    r"(?:\s*(?:\(|,|:|=|of|was|were|is|had|\[)\s*|\s+)(?:(?:about|around|approximately|roughly|nearly)\s+)?$")
_OTHER_LABEL = re.compile(
    r"(?<![\w])(?P<m>NNT|NNH|[Nn]umber\s+needed\s+to\s+(?:treat|harm)|MD|[Mm]ean\s+difference)"
    r"(?:\s*(?:\(|,|:|=|of|was|were|is|\[)\s*|\s+)(?:(?:about|around|approximately|roughly|nearly)\s+)?$")
_VERSUS = re.compile(r"\s*(?:vs\.?|versus|compared\s+(?:with|to))\s*(?=\d|\.\d)")
_P_LABEL = re.compile(
    r"(?<![\w])(?P<l>(?:(?:log-?rank|two-?sided|one-?sided|interaction)\s+)?[Pp](?:\s*-?\s*values?)?)"
    r"\s*(?P<rel><=|>=|=|<|>|≤|≥|\s+of|\s+was|\s+is|\s+(?:less|lower|smaller)\s+than|\s+(?:greater|larger)\s+than)\s*$")
_CI_AFTER = re.compile(
    r"\s*[,;]?\s*[(\[]?\s*(?:(?P<lvl>\d{2}(?:\.\d+)?)\s?%\s*(?:CI|confidence\s+interval)\s*[,:=]?\s*)?"
    r"(?P<lo>[-−–]?(?:" + _NUM + r"))\s*(?:–|—|-|to|,)\s*(?P<hi>[-−–]?(?:" + _NUM + r"))\s*[)\]]?")
_CI_LEVEL = re.compile(r"\s?%\s*(?:CI|confidence\s+intervals?|credible\s+intervals?)(?![\w])", re.I)
_CI_RANGE = re.compile(r"\s*[,:=]?\s*(?P<lo>[-−–]?(?:" + _NUM + r"))\s*(?:–|—|-|to|,)\s*(?P<hi>[-−–]?(?:" + _NUM + r"))")
_RANGE_AFTER = re.compile(r"\s*(?:–|—|-|to)\s*(?P<hi>" + _NUM + r")(?![\w.%])?")
_RANGE_WORD_AFTER = re.compile(r"\s*(?:–|—|-|to)\s*")
_CURRENCY_BEFORE = re.compile(r"(?P<c>[$€£]|US\$|USD\s?|EUR\s?|GBP\s?)$")
_CURRENCY_AFTER = re.compile(r"\s?(?:dollars|euros?|pounds|USD|EUR|GBP)(?![\w])")
_QUALIFIER = re.compile(
    r"(?<![\w])(?P<q>nearly|almost|about|around|approximately|approx\.|roughly|close\s+to|circa|ca\.|some|just\s+over|"
    r"just\s+under|more\s+than|greater\s+than|fewer\s+than|less\s+than|at\s+least|up\s+to|~|≈|>|<|≥|≤)[ \t\u00a0]*$",
    re.I)
_N_EQUALS = re.compile(r"(?<![\w])[nN]\s*=\s*$")
_QUAL_REL = {"more than": ">", "greater than": ">", "just over": ">", "over": ">", "fewer than": "<",
             "less than": "<", "just under": "<", "under": "<", "at least": ">=", "up to": "<=", ">": ">",
             "<": "<", "≥": ">=", "≤": "<="}
_APPROX = {"nearly", "almost", "about", "around", "approximately", "approx.", "roughly", "close to", "circa",
           "ca.", "some", "~", "≈", "just over", "just under"}


def _to_float(raw: str) -> Optional[float]:
    s = raw.strip().replace("−", "-").replace("–", "-")
    s = re.sub(r"[,\u00a0\u202f\u2009 ]", "", s)
    try:
        v = float(s)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def _words_value(raw: str) -> Optional[float]:
    parts = [p for p in re.split(r"[\s-]+", raw.lower()) if p and p != "and"]
    if parts and parts[0] in ("a", "an"):
        parts[0] = "one"
    total, current, seen = 0, 0, False
    for p in parts:
        if p in _ONES:
            if current % 10 or (current and _ONES[p] >= 10):
                return None  # "two three": not a number
            current += _ONES[p]
        elif p in _TENS:
            if current % 100:
                return None
            current += _TENS[p]
        elif p in _SCALES:
            scale = _SCALES[p]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


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


class _Scanner:
    def __init__(self, text: str):
        self.text = text
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
        self.out.append(NumberMention(value=float(value), unit=unit, kind=kind, start=start, end=end,
                                      raw=self.text[start:end], approx=approx or kw.pop("approx", False),
                                      relation=relation, **kw))
        return True

    def _qualify(self, start: int, relation):
        before = self.text[max(0, start - 20):start]
        m = _QUALIFIER.search(before)
        if not m:
            return start, False, relation
        q = re.sub(r"\s+", " ", m.group("q").lower())
        new_start = start - len(before) + m.start()
        if not self.free(new_start, start):
            return start, False, relation
        return new_start, q in _APPROX, relation or _QUAL_REL.get(q)


def find_numbers(text: str) -> list[NumberMention]:
    """Every number in ``text`` with value, unit, kind and offsets; never raises."""
    if not isinstance(text, str) or not text:
        return []
    try:
        return _find(text)
    except Exception:  # a reader must not bring the command down; degrade to plain numbers
        return _plain_only(text)


def _plain_only(text: str) -> list[NumberMention]:
    out = []
    for m in _NUMERIC.finditer(text):
        v = _to_float(m.group(0))
        if v is not None:
            out.append(NumberMention(v, None, "other", m.start(), m.end(), m.group(0)))
    return out


def _find(text: str) -> list[NumberMention]:
    sc = _Scanner(text)
    # 0. links: the digits of a URL are not quantities
    for m in _URL.finditer(text):
        sc.taken.append((m.start(), m.end()))
    # 1. dates and times first: their digits are not quantities
    for rx in _DATES:
        for m in rx.finditer(text):
            sc.add(m.start(), m.end(), float(m.group("y")), None, "date")
    for m in _TIME.finditer(text):
        if sc.free(m.start(), m.end()):
            sc.taken.append((m.start(), m.end()))  # a clock time: not reported as a number
    # 2. multipliers and fractions ("nearly twice", "two-fold", "a third")
    for m in _MULTIPLIER.finditer(text):
        if m.group("w"):
            v = _MULT_WORDS[m.group("w").lower()]
        elif m.group("n"):
            g = m.group("n")
            v = _to_float(g) if g[0].isdigit() or g[0] == "." else _words_value(g)
        else:
            v = _to_float(m.group("x"))
        sc.add(m.start(), m.end(), v, None, "multiplier")
    for m in _FRACTION.finditer(text):
        f = _FRACTIONS[m.group("f").lower()]
        k = (m.group("k") or "a").lower()
        if m.group("f").lower() == "half" and m.group("k") is None:
            pass
        elif m.group("f").lower().endswith("s") and k in ("a", "an", "one"):
            continue  # "a thirds" is not English
        mult = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}[k]
        if m.group("f").lower() == "half" and mult > 1:
            continue
        if m.group("f").lower() == "quarter" and re.match(r"\s+of\s+(?:19|20)\d\d", text[m.end():]):
            continue
        sc.add(m.start(), m.end(), mult * f, None, "fraction")
    # 3. digit numbers, left to right, each with what stands before and after it
    tokens = [(m.start(), m.end(), _to_float(m.group(0)), True) for m in _NUMERIC.finditer(text)]
    tokens += [(m.start(), m.end(), _words_value(m.group(0)), False) for m in _WORDS.finditer(text)]
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
    after = text[end:end + 60]
    before = text[max(0, start - 60):start]
    if numeric:
        if start > 0 and text[start - 1] in "-‐" and start >= 2 and text[start - 2].isalpha():
            return  # COVID-19, EQ-5D
        if _NAME_AFTER.match(after) and not _unit_match(after) and not _COUNT_match(after) \
                and not _SCALE_AFTER.match(after) and not re.match(r"[-\s]?(?:times|fold)\b|\s?[x×]", after):
            return  # 25(OH)D, 3T, T2-weighted and the like are names, not quantities
    if numeric:
        s0, sign = _sign(text, start)
        if sign < 0:
            value, start = -value, s0
            before = text[max(0, start - 60):start]
    # NNT and mean differences: "NNT 7.2 (95% CI 4.1–29.0)", "MD −0.11 (−0.40 to 0.18)"
    m = _OTHER_LABEL.search(before) if numeric else None
    if m:
        label = re.sub(r"\s+", " ", m.group("m")).lower()
        nnt = label in ("nnt", "number needed to treat", "nnh", "number needed to harm")
        s = start - len(before) + m.start()
        if sc.add(s, end, value, "NNT" if nnt else None, "nnt" if nnt else "difference",
                  measure=None if nnt else "MD"):
            _ci_after(sc, text, end)
        return
    # P value: "P = .004", "log-rank P < 0.001", "p-value of 0.02"
    m = _P_LABEL.search(before) if numeric else None
    if m:
        rel = m.group("rel").strip().lower()
        rel = {"≤": "<=", "≥": ">=", "of": "=", "was": "=", "is": "="}.get(rel, rel)
        if "than" in rel:
            rel = "<" if any(w in rel for w in ("less", "lower", "smaller")) else ">"
        if 0 <= value <= 1:
            s = start - len(before) + m.start()
            sc.add(s, end, value, None, "p_value", relation=rel)
            return
    # ratio: "HR 0.66", "hazard ratio of 0.66", "OR, 0.93", then its CI if it follows
    m = _RATIO_LABEL.search(before) if numeric else None
    if m:
        measure = _MEASURES.get(re.sub(r"\s+", " ", m.group("m").lower()).replace("adjusted ", ""), None)
        s = start - len(before) + m.start()
        if sc.add(s, end, value, "ratio", "ratio", measure=measure):
            _ci_after(sc, text, end)
        return
    # confidence interval announced by its level: "95% CI 0.50 to 0.87", "95% confidence interval"
    m = _CI_LEVEL.match(after) if numeric else None
    if m:
        level = value
        ci_end = end + m.end()
        r = _CI_RANGE.match(text, ci_end)
        if r:
            lo, hi = _to_float(r.group("lo")), _to_float(r.group("hi"))
            if lo is not None and hi is not None:
                sc.add(start, r.end(), lo, None, "ci", upper=hi, level=level)
                return
        sc.add(start, ci_end, level, "%", "ci", level=level)
        return
    # money
    mc = _CURRENCY_BEFORE.search(before) if numeric else None
    if mc:
        v, e = _scaled(text, value, end)
        sc.add(start - len(mc.group("c")), e, v, mc.group("c").strip(), "money")
        return
    # a range: "18–55 years", "0.50–0.87", "2013–2020"
    if numeric:
        r = _RANGE_AFTER.match(text, end)
        if r and not re.match(r"[\w.]", text[r.end():r.end() + 1] or " ") and r.group("hi"):
            hi = _to_float(r.group("hi"))
            if hi is not None and hi >= value:
                unit, kind, uend = _unit_at(text, r.end())
                if unit is None and _is_year(value, text[start:end]) and _is_year(hi, r.group("hi")):
                    sc.add(start, r.end(), value, None, "year", upper=hi)
                    return
                if unit is None and "." in text[start:r.end()] and re.search(r"\(\s*$", before):
                    sc.add(start, r.end(), value, None, "ci", upper=hi)
                    return
                sc.add(start, uend, value, unit, kind or "range", upper=hi)
                return
    # the number with its unit: "60.3%", "100 000 IU", "24-month", "303 participants", "two years"
    v, e = (_scaled(text, value, end) if numeric else (value, end))
    unit, kind, uend = _unit_at(text, e)
    if unit is not None:
        if not numeric and kind == "count" and value == 1:
            return  # "one group received ..." is not a count claim
        if numeric and _N_EQUALS.search(before):
            pass
        sc.add(start, uend, v, unit, kind)
        return
    if numeric:
        # "432 vs 224 days", "60.3% versus 74.1%": the first number takes the second one's unit
        vm = _VERSUS.match(text, e)
        if vm:
            nm = _NUMERIC_AT.match(text, vm.end())
            if nm:
                unit2, kind2, _ = _unit_at(text, nm.end())
                if unit2 is not None:
                    sc.add(start, e, v, unit2, kind2)
                    return
    if not numeric:
        return  # a bare number word ("one of the most promising") is not a quantity
    mn = _N_EQUALS.search(before)
    if mn:
        sc.add(start - len(before) + mn.start(), e, v, "participants", "count")
        return
    if _is_year(value, text[start:end]):
        sc.add(start, end, value, None, "year")
        return
    mc = _CURRENCY_AFTER.match(text, e)
    if mc:
        sc.add(start, mc.end(), v, mc.group(0).strip(), "money")
        return
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


def _unit_match(after: str):
    for rx, unit, kind in _UNIT_RES:
        m = rx.match(after)
        if m:
            return m, unit, kind
    return None


def _COUNT_match(after: str):
    for rx, unit in _COUNT_RES:
        m = rx.match(after)
        if m:
            return m, unit
    return None


def _unit_at(text: str, end: int) -> tuple[Optional[str], Optional[str], int]:
    after = text[end:end + 80]
    um = _unit_match(after)
    if um:
        m, unit, kind = um
        return unit, kind, end + m.end()
    cm = _COUNT_match(after)
    if cm:
        m, unit = cm
        return unit, "count", end + m.end()
    return None, None, end


def _ci_after(sc: _Scanner, text: str, end: int) -> None:
    m = _CI_AFTER.match(text, end)
    if not m:
        return
    lo, hi = _to_float(m.group("lo")), _to_float(m.group("hi"))
    if lo is None or hi is None or lo > hi:
        return
    level = _to_float(m.group("lvl")) if m.group("lvl") else None
    # span starts at the level ("95% CI ...") or at the lower bound
    s = m.start("lvl") if m.group("lvl") else m.start("lo")
    e = m.end("hi")
    sc.add(s, e, lo, None, "ci", upper=hi, level=level)
