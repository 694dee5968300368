"""Words of a sentence and the lexicon's phrases as token sequences, matched by dictionary look-up.

The reader's regex matchers compile hundreds of alternatives and cost about a millisecond a
sentence; `msvitd strength` must read thousands of lines in well under a second, so the strength
cues are matched on tokens: a phrase of the lexicon syntax (docs/lexicons.md) is expanded once to
its surface forms, each form split into words, and looked up by its first word.
"""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple

# A word (letters, digits, inner apostrophes) or one punctuation mark (clause boundaries); a
# hyphen is no token, so "risk-lowering" reads as "risk lowering", as the lexicon syntax wants.
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s\-\u2010\u2011]")
_MAX_FORMS = 256


class Hit(NamedTuple):
    start: int  # token index
    end: int  # token index after the last word
    label: str


def tokenize(text: str) -> list[str]:
    """The words and punctuation marks of ``text``, lower-cased (one C-level pass: this is the hot path)."""
    return _TOKEN.findall(text.lower().replace("’", "'"))


def raw_tokens(text: str) -> list[str]:
    """The tokens of ``text`` as written (case kept), in the same order as tokenize."""
    return _TOKEN.findall(text.replace("’", "'"))


def spans(text: str) -> list[tuple[int, int]]:
    """Character offsets of the tokens of ``text`` (same order as tokenize)."""
    return [m.span() for m in _TOKEN.finditer(text)]


def expand(phrase: str) -> list[str]:
    """Every surface form of a phrase: ``(a|b)`` a choice, ``(s)`` optional, ``\\x`` literal."""
    forms, i = _seq(phrase, 0)
    return forms


def _seq(p: str, i: int) -> tuple[list[str], int]:
    out = [""]
    while i < len(p) and p[i] not in "|)":
        c = p[i]
        if c == "\\" and i + 1 < len(p):
            out = [o + p[i + 1] for o in out]
            i += 2
        elif c == "(":
            alts, has_bar = [], False
            i += 1
            while True:
                part, i = _seq(p, i)
                alts.extend(part)
                if i < len(p) and p[i] == "|":
                    has_bar = True
                    i += 1
                    continue
                i += 1  # past ")"
                break
            optional = not has_bar
            if i < len(p) and p[i] == "?":
                optional = True
                i += 1
            if optional:
                alts.append("")
            out = [o + a for o in out for a in alts][:_MAX_FORMS]
        else:
            out = [o + c for o in out]
            i += 1
    return out, i


class TokenMatcher:
    """Labelled phrases, tried longest first at each word; ``*`` ends a word with any ending."""

    def __init__(self, labelled: Iterable[tuple[str, str]]):
        self._by_first: dict[str, list[tuple[list[str], str]]] = {}
        self._wild_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # by first letter
        seen = set()
        for label, phrase in labelled:
            for form in expand(phrase.strip()):
                words = tuple(_phrase_tokens(form))
                if not words or (words, label) in seen:
                    continue
                seen.add((words, label))
                if any(w.endswith("*") for w in words):
                    self._wild_first.setdefault(words[0][:1], []).append((words, label))
                else:
                    self._by_first.setdefault(words[0], []).append((list(words), label))
        for v in self._by_first.values():
            v.sort(key=lambda e: -len(e[0]))

    def find(self, toks: list[str]) -> list[Hit]:
        hits, i, n = [], 0, len(toks)
        by_first, wild = self._by_first, self._wild_first
        while i < n:
            best = None
            t = toks[i]
            for words, label in by_first.get(t, ()):  # longest first: the first match is the best
                if toks[i:i + len(words)] == words:
                    best = (label, i + len(words))
                    break
            for words, label in wild.get(t[:1], ()):
                if (best is None or len(words) > best[1] - i) and _match(toks, i, words):
                    best = (label, i + len(words))
            if best:
                hits.append(Hit(i, best[1], best[0]))
                i = best[1]
            else:
                i += 1
        return hits


_PHRASE_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*\*?|\*|[^\w\s*]")


def _phrase_tokens(form: str) -> list[str]:
    # a hyphen in a phrase matches a space or a hyphen: both split words here
    form = form.replace("-", " ")
    return _PHRASE_TOKEN.findall(form.lower().replace("’", "'"))


def _match(toks: list[str], i: int, words: tuple[str, ...]) -> bool:
    if i + len(words) > len(toks):
        return False
    for k, w in enumerate(words):
        t = toks[i + k]
        if w.endswith("*"):
            if not t.startswith(w[:-1]):
                return False
        elif t != w:
            return False
    return True
