"""Split article text into sentences, each mapped to exact offsets, line and column.

Rules, in order: blank lines end a paragraph; inside a paragraph a line break ends a sentence
unless the paragraph is hard-wrapped prose (lines of similar length) or the next line carries
on in lower case; inside a line, ``. ! ?`` (plus closing quotes/brackets) followed by space
and an upper-case letter, digit or opening quote end a sentence, except after abbreviations
(Dr., et al., e.g., i.e., vs., Fig., initials), and decimals never split ("60.3%").
Headlines without a full stop are sentences of their own.  ``sentence.text`` is always
``text[sentence.start:sentence.end]``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from msvitd.text.langdata import language_facts


@lru_cache(maxsize=None)
def _abbreviations(lang: str) -> tuple[frozenset, frozenset]:
    """(abbreviations, letter names) of ``lang`` plus English's (citations are English everywhere)."""
    abbr, names = set(), set()
    for code in {"en", lang}:
        facts = language_facts(code).get("sentences", {})
        abbr |= {str(w).lower() for w in facts.get("abbreviations", [])}
        names |= {str(w).lower() for w in facts.get("letter_names", [])}
    return frozenset(abbr), frozenset(names)


_END = re.compile(r"[.!?…]+[\"'”’)\]]*")
# a sentence starts with a capital or digit, maybe after an opening quote, bracket, ¿ or ¡
_NEXT_START = re.compile(r"\s+(?=(?:[\"'“‘(\[¿¡„]|«[\s\u00a0\u202f]?)?[A-Z0-9\u00C0-\u00DE])")
_MARKUP = re.compile(r"(?:\s*(?:#{1,6}\s+|>\s*|[-*+•]\s+|\d{1,3}[.)]\s+|\d{1,3}/\d{0,3}\s+))+")
# the word before a full stop, in any alphabet ("déclarée." is a word, not the initial "e.")
_WORD_BEFORE = re.compile(r"([^\W\d_][^\W\d_.]*(?:\.[^\W\d_]+)*)\.?$")
_LETTER_NAME = re.compile(r"([^\W\d_]+)\s+[^\W\d_]\.?$")  # "vitamin D" before the stop


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    line: int
    column: int
    paragraph: int
    heading: bool  # no closing punctuation and short: a headline or section title


class LineIndex:
    """Offsets to 1-based (line, column); columns count characters (code points)."""

    def __init__(self, text: str):
        self.starts = [0]
        for m in re.finditer("\n", text):
            self.starts.append(m.end())

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


def _lines(paragraph: str, base: int) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for piece in paragraph.split("\n"):
        spans.append((base + pos, base + pos + len(piece)))
        pos += len(piece) + 1
    return spans


def _hard_wrapped(lines: list[str]) -> bool:
    body = [ln.rstrip() for ln in lines if ln.strip()]
    if len(body) < 3:
        return False
    longest = max(len(ln) for ln in body)
    if longest > 110 or longest < 40:
        return False
    full = sum(1 for ln in body[:-1] if len(ln) >= 0.7 * longest)
    return full >= 0.75 * (len(body) - 1)


def _segments(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph number) of the pieces between hard boundaries."""
    out = []
    para_no = 0
    for m in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text):
        para = m.group()
        if not para.strip():
            continue
        para_no += 1
        raw_lines = para.split("\n")
        spans = _lines(para, m.start())
        wrapped = _hard_wrapped(raw_lines)
        cur_start = None
        for k, (s, e) in enumerate(spans):
            line = text[s:e]
            if not line.strip():
                continue
            if cur_start is None:
                cur_start = s
            stripped = line.rstrip()
            nxt = text[spans[k + 1][0]:spans[k + 1][1]].lstrip() if k + 1 < len(spans) else ""
            soft = bool(nxt) and not re.search(r"[.!?:;…][\"'”’)\]]*$", stripped) and (
                wrapped or (nxt[:1].islower() and len(stripped) > 40))
            if not soft:
                out.append((cur_start, e, para_no))
                cur_start = None
        if cur_start is not None:
            out.append((cur_start, spans[-1][1], para_no))
    return out


def _run_start(chunk: str, end: int, keep) -> int:
    """Where the run of characters ``keep`` accepts that ends at ``end`` begins."""
    while end > 0 and keep(chunk[end - 1]):
        end -= 1
    return end


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "."


def _space(c: str) -> bool:
    return c.isspace()


def _tail(chunk: str) -> int:
    """Where the text a pattern ending in ``$`` can match ends: before a final line break too."""
    return len(chunk) - 1 if chunk.endswith("\n") else len(chunk)


def _is_abbreviation(chunk: str, lang: str = "en") -> bool:
    # the word before the stop is searched for from where its run of letters begins, not from the
    # sentence's start: a long sentence with many stops was read again for each (quadratic)
    m = _WORD_BEFORE.search(chunk, _run_start(chunk, _tail(chunk), _word_char))
    if not m:
        return False
    original = m.group(1).rstrip(".")
    if original.isupper() and len(original) > 1 and "." not in original:  # "MS." ends a sentence
        return False
    word = original.lower()
    abbreviations, letter_names = _abbreviations(lang)
    if word in abbreviations:
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "E. Thouvenot", but not "took vitamin D. The ..."
        at = _run_start(chunk, _run_start(chunk, _run_start(chunk, _tail(chunk), _word_char), _space), _word_char)
        prev = _LETTER_NAME.search(chunk, at)
        return not (prev and prev.group(1).lower() in letter_names)
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]?", word))  # "e.g", "u.s"


def _split_segment(text: str, start: int, end: int, lang: str = "en") -> list[tuple[int, int]]:
    out = []
    cur = start
    for m in _END.finditer(text, start, end):
        nxt = _NEXT_START.match(text, m.end(), end)
        if not nxt:
            continue
        if m.group().startswith(".") and len(m.group().rstrip("\"'”’)]")) == 1 and _is_abbreviation(text[cur:m.start()], lang):
            # "et al. 2019" / "Dr. Smith": an abbreviation, not a full stop, unless a number follows
            # a lower-case word such as "al." at the very end of a citation.
            continue
        out.append((cur, m.end()))
        cur = nxt.end()
    out.append((cur, end))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    m = _MARKUP.match(text, s, e)
    if m and m.end() > s:
        s = m.end()
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    # markdown emphasis around a whole line: "**Results**"
    while e - s >= 4 and text[s] in "*_" and text[e - 1] == text[s] and text[s + 1] in "*_" and text[e - 2] == text[s]:
        s += 2
        e -= 2
    return s, e


# The last texts split: the critique's reader and the number matcher split the same article (the
# sentences are frozen; callers get a new list).  A few texts, so at most a few 5 MB texts held.
_SPLIT: dict[tuple[str, str], tuple[Sentence, ...]] = {}


def split_sentences(text: str, index: LineIndex | None = None, lang: str = "en") -> list[Sentence]:
    """Every sentence of ``text`` with its exact offsets; never raises on any string.

    ``lang``: whose abbreviations do not end a sentence (English's always count too)."""
    known = _SPLIT.get((text, lang))
    if known is None:
        known = tuple(_split(text, index or LineIndex(text), lang))
        if len(_SPLIT) >= 4:
            del _SPLIT[next(iter(_SPLIT))]
        _SPLIT[(text, lang)] = known
    return list(known)


def _split(text: str, index: LineIndex, lang: str) -> list[Sentence]:
    out: list[Sentence] = []
    for seg_start, seg_end, para in _segments(text):
        for s, e in _split_segment(text, seg_start, seg_end, lang):
            s, e = _trim(text, s, e)
            if e <= s or not any(ch.isalnum() for ch in text[s:e]):
                continue
            body = text[s:e]
            line, col = index.position(s)
            heading = not re.search(r"[.!?…:;,][\"'”’)\]]*$", body) and len(body) <= 140 and "\n" not in body
            out.append(Sentence(len(out), s, e, body, line, col, para, heading))
    return out
