"""Where in a text a lexicon table's match can begin, so that a table runs its regex only there.

Issue 17: every sentence was scanned with about twelve large alternations (text/phrases.py
``Matcher``), each tried at every character; that was most of the critique's time.  Most words
of a sentence cannot begin any phrase of a table, and most tables match nothing in a sentence.

How, exact by construction:

- For each entry of a table, ``heads_of`` reads its regex (as the regex parser reads it, so a
  phrase and a raw ``{re: ...}`` entry alike) and returns the lower-case ASCII prefixes (at most
  ``K`` characters) every match must begin with, at the start of a ``\\w+`` word.  It returns
  None when a match could begin elsewhere (at a non-word character such as ``$`` or ``(``, or
  with an empty match): that table keeps the full scan.
- A text is indexed once (kept for the next passes over the same sentence, up to 512 texts
  and 12 million characters): where each ``\\w+`` word begins and its first ``K`` characters.
  A word's keys are the prefixes of its lower-cased ASCII head (``"Reduced"``: r, re, red, redu);
  a word whose head stops at a non-ASCII character ("Étude", "Schübe", and the rare letters the
  regex engine folds onto ASCII ones, such as the long s or the Kelvin sign) is also filed as
  ``"\\0" + head``, and counts for every prefix that begins with its head.  A table none of whose
  keys is among the text's skips the text by one set test (most tables, most sentences).
- Otherwise the table's regex is run only at the words whose keys meet its prefixes, in order,
  each next one from the end of the last match on: the matches ``finditer`` finds, since every
  match begins at such a word (the Matcher's regex starts with ``(?<![\\w])`` and a prefix's
  characters are word characters; the look-behind still sees the text before the position).
  text/phrases.py keeps a table's hits on the text's index: the stages and the rules ask again.

Pure standard library; ``re``'s parser is internal, so any failure to read a pattern (another
Python, an unknown node) gives None, the full scan: speed changes, never a match.
"""

from __future__ import annotations

import re
import string

try:  # Python 3.11+
    from re import _constants as _C  # type: ignore[attr-defined]
    from re import _parser as _P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

K = 4  # prefix characters compared: enough to tell most words apart, few keys per word
_ASCII_WORD = frozenset(string.ascii_lowercase + string.digits + "_")
# Greek iota and its case relatives: the regex engine also folds them onto a combining mark
# (U+0345), which is not a word character, so a phrase starting with one may start mid-word.
_ODD_FOLDS = frozenset("\u0345\u03b9\u0399\u1fbe")
_STOP = ("stop", None)  # a sequence item: the prefix ends here (after a repeated part)


def heads_of(rx: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """The prefixes a match of ``rx`` begins with (see the module docstring), or None.

    ``""`` among them: a match begins at the start of some word, any word."""
    try:
        items = list(_P.parse(rx, flags))
        found = _walk(items, "")
    except Exception:  # an unreadable pattern, an unknown node: the full scan
        return None
    return None if found is None else frozenset(found)


def _char_class(op, av) -> tuple[set[str], bool, bool] | None:
    """What one character item can match: (lower-case ASCII word characters, may it match a
    word character not listed there, may it match a non-word character); None: not one character."""
    if op is _C.LITERAL:
        return _one_char(chr(av))
    if op in (_C.NOT_LITERAL, _C.ANY):
        return set(), True, True
    if op is not _C.IN:
        return None
    ascii_chars: set[str] = set()
    other = nonword = False
    for sub, val in av:
        if sub is _C.NEGATE:
            return set(), True, True
        if sub is _C.LITERAL:
            a, o, n = _one_char(chr(val))
        elif sub is _C.RANGE:
            lo, hi = val
            if hi - lo > 300:
                return set(), True, True
            a, o, n = set(), False, False
            for code in range(lo, hi + 1):
                a2, o2, n2 = _one_char(chr(code))
                a |= a2
                o, n = o or o2, n or n2
        elif sub is _C.CATEGORY and val is _C.CATEGORY_DIGIT:
            a, o, n = set(string.digits), True, False  # and the other scripts' digits
        elif sub is _C.CATEGORY and val is _C.CATEGORY_WORD:
            return None  # any word character: see _any_word
        elif sub is _C.CATEGORY and val in (_C.CATEGORY_SPACE, _C.CATEGORY_NOT_WORD):
            a, o, n = set(), False, True  # the word ends here
        else:  # \S, \D ...
            a, o, n = set(), True, True
        ascii_chars |= a
        other, nonword = other or o, nonword or n
    return ascii_chars, other, nonword


def _any_word(op, av) -> bool:
    """``\\w`` (alone or in a set of word characters only): the word goes on, with any letter."""
    if op is not _C.IN or not av:
        return False
    for sub, val in av:
        if sub is _C.CATEGORY and val in (_C.CATEGORY_WORD, _C.CATEGORY_DIGIT):
            continue
        if sub is _C.LITERAL and (chr(val).isalnum() or chr(val) == "_") and chr(val) not in _ODD_FOLDS:
            continue
        return False
    return any(sub is _C.CATEGORY and val is _C.CATEGORY_WORD for sub, val in av)


def _one_char(c: str) -> tuple[set[str], bool, bool]:
    if c.isascii():
        low = c.lower()
        return ({low}, False, False) if low in _ASCII_WORD else (set(), False, True)
    if c in _ODD_FOLDS:
        return set(), True, True
    if not c.isalnum():  # "’", "–": the word ends here
        return set(), False, True
    # "é", "ß": a word character that ends the word's ASCII head; and the few the engine
    # matches with an ASCII letter ignoring case (the long s with s, the Kelvin sign with k)
    return _ascii_folds(c), True, False


_FOLDS: dict[str, set[str]] = {}


def _ascii_folds(c: str) -> set[str]:
    if c not in _FOLDS:
        rx = re.compile(re.escape(c), re.IGNORECASE)
        _FOLDS[c] = {a for a in _ASCII_WORD if rx.fullmatch(a) or rx.fullmatch(a.upper())}
    return set(_FOLDS[c])


def _walk(items: list, acc: str) -> set[str] | None:
    """The prefixes of a match of the item sequence ``items`` read so far as ``acc``."""
    for i, (op, av) in enumerate(items):
        if len(acc) >= K:
            return {acc[:K]}
        if (op, av) == _STOP:
            return {acc} if acc else None
        rest = items[i + 1:]
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue  # zero width: the match begins where the next item does
        if op is _C.SUBPATTERN:
            return _walk(list(av[-1]) + rest, acc)
        if op is getattr(_C, "ATOMIC_GROUP", object()):
            return _walk(list(av) + rest, acc)
        if op is _C.BRANCH:
            return _union(_walk(list(alt) + rest, acc) for alt in av[1])
        if op in (_C.MAX_REPEAT, _C.MIN_REPEAT) or op is getattr(_C, "POSSESSIVE_REPEAT", object()):
            lo, hi, sub = av
            if lo == hi == 1:
                return _walk(list(sub) + rest, acc)
            once = _walk(list(sub) + [_STOP], acc)
            return _union([once, _walk(rest, acc)]) if lo == 0 else once
        if _any_word(op, av):
            return {acc}  # any word character ("\\w", "*" in a phrase): the head may go on with any
        cls = _char_class(op, av)
        if cls is None:  # a back-reference, a conditional ...: nothing more is known
            return {acc} if acc else None
        chars, other, nonword = cls
        if not acc and nonword:
            return None  # the match may begin at a non-word character
        out = _union(_walk(rest, acc + c) for c in sorted(chars))
        if out is None:
            return None
        if nonword:
            out.add(acc)  # the word ends here
        if other:
            out.add("\0" + acc)  # the word's ASCII head ends here, at a non-ASCII character
        return out
    return {acc} if acc else None  # the pattern may match the empty string


def _union(parts) -> set[str] | None:
    out: set[str] = set()
    for p in parts:
        if p is None:
            return None
        out |= p
    return out


class Table:
    """A table's prefixes as look-up keys (``h`` for a prefix, ``"\\0" + h[:j]`` for a word whose
    ASCII head stops early and may go on to spell it)."""

    __slots__ = ("heads", "every", "_keys")

    def __init__(self, heads: frozenset[str]):
        self.heads = heads
        self.every = "" in heads
        self._keys: frozenset[str] | None = None

    @property
    def keys(self) -> frozenset[str]:
        # made when the table first reads a text: a cached lexicon restores ~200 tables, most of
        # which no article of a run needs, and making every table's keys was ~10 ms of loading it
        if self._keys is None:
            full = {h for h in self.heads if not h.startswith("\0")}
            self._keys = frozenset(self.heads) | {"\0" + h[:j] for h in full for j in range(len(h))}
        return self._keys

    def __reduce__(self):
        return (Table, (self.heads,))

    def starts(self, index: "Index") -> list[int]:
        """Offsets of the words a match can begin at, in order."""
        if self.every:
            return index.starts
        if self.keys.isdisjoint(index.keys()):
            return []  # most tables, most sentences: no word can begin a match
        done = index.done.get(self)
        if done is None:
            done = index.done[self] = self._starts(index)  # the rules ask again about the same text
        return done

    def _starts(self, index: "Index") -> list[int]:
        # the words whose keys meet the table's: the positions filed under the keys both share
        # (one set intersection in C, where a loop over every word of the text with a look-up each
        # was a fifth of reading an article: issue 17)
        where = index.where()
        # each form iterates its argument: the smaller of the two (a sentence's keys, or a table's
        # when the text is a whole long article)
        common = self.keys.intersection(where) if len(where) < len(self.keys) else where.keys() & self.keys
        if len(common) == 1:
            return list(where[next(iter(common))])
        out: set[int] = set()
        for key in common:
            out.update(where[key])
        return sorted(out)


_KEYS: dict[str, frozenset[str]] = {}


def _word_keys(word: str) -> frozenset[str]:
    """The keys of a word beginning (its first K characters): its ASCII head's prefixes, and
    ``"\\0" + head`` when a non-ASCII letter follows the head."""
    keys = _KEYS.get(word)
    if keys is None:
        n = 0
        while n < len(word) and word[n].isascii():
            n += 1
        head = word[:n].lower()
        found = {head[:j] for j in range(1, n + 1)}
        if n < len(word):
            found.add("\0" + head)
        if len(_KEYS) > 100_000:
            _KEYS.clear()
        keys = _KEYS[word] = frozenset(found)
    return keys


_BEGIN = re.compile(rf"(?<!\w)\w{{1,{K}}}")


class Index:
    """The words of one text: where each begins, and its first K characters."""

    __slots__ = ("text", "starts", "words", "done", "found", "_keys", "_where")

    def __init__(self, text: str):
        self.text = text
        self.words = _BEGIN.findall(text)
        self.starts = [m.start() for m in _BEGIN.finditer(text)]
        self.done: dict[Table, list[int]] = {}  # a table's starts in this text, once found
        self.found: dict = {}  # a Matcher's hits in this text (text/phrases.py), once found
        self._keys: frozenset[str] | None = None
        self._where: dict[str, list[int]] | None = None

    def keys(self) -> frozenset[str]:
        """Every key of every word (for the tables that can skip the text at once)."""
        if self._keys is None:
            self._keys = frozenset().union(*map(_word_keys, set(self.words)))
        return self._keys

    def where(self) -> dict[str, list[int]]:
        """Each key -> the offsets of the words that have it, in order (built once per text, for
        the tables that do not skip it)."""
        if self._where is None:
            where: dict[str, list[int]] = {}
            for p, w in zip(self.starts, self.words):
                for key in _word_keys(w):
                    at = where.get(key)
                    if at is None:
                        where[key] = [p]
                    else:
                        at.append(p)
            self._where = where
        return self._where


_INDEXES: dict[str, Index] = {}
_KEEP = 512  # an article's sentences and the article: the rules read them again, one pass each
_KEEP_CHARS = 12_000_000  # a text at the 5 MB limit, and its sentences
_HELD = [0]  # characters of the texts kept


def index_of(text: str) -> Index:
    """The text's index, shared by the tables (and the passes) that read the same text."""
    idx = _INDEXES.get(text)
    if idx is None:
        idx = Index(text)
        while _INDEXES and (len(_INDEXES) >= _KEEP or _HELD[0] + len(text) > _KEEP_CHARS):
            _HELD[0] -= len(_INDEXES.pop(next(iter(_INDEXES))).text)
        if len(text) <= _KEEP_CHARS:
            _INDEXES[text] = idx
            _HELD[0] += len(text)
    return idx
