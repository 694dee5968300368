"""The phrase syntax of the lexicon (docs/lexicons.md) compiled to regexes, and the Matcher
that finds a table's phrases in a text.  Language-neutral: no word of any language here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from msvitd.text.prefilter import Table, heads_of, index_of


class LexiconError(ValueError):
    """A lexicon file that cannot be read or does not follow the format."""


_SPACE = r"(?:\s+|\s*[-\u2010\u2011\u2013\u2014]\s*)"
_HYPHEN = r"(?:\s*[-\u2010\u2011\u2013\u2014]\s*|\s+)?"


_OPTIONAL_AFTER_SPACE = re.compile(r"(?<=[^\s\\]) \(([^()\\]*)\)\?(?= |$)")


def phrase_regex(phrase: str) -> str:
    """Compile one phrase of the lexicon syntax to a regex (no boundaries added).

    Words match case-insensitively; a space also matches a hyphen; ``(s)`` (a group without
    ``|``) is optional; ``(a|b)`` is a choice (``(a|b)?`` an optional one); ``*`` is any word
    ending; ``\\x`` is a literal x.  Short all-capital words (``MS``, ``CIS``) match case-sensitively.
    """
    # "Fortschreiten (der MS)?", "atrophie (cérébrale)?": the space before an optional group that ends
    # the phrase (or is followed by a space) belongs to the group; otherwise "Fortschreiten" alone
    # needed a space after it and "X (opt)? Y" two spaces when the group is absent
    phrase = _OPTIONAL_AFTER_SPACE.sub(lambda m: f"( ({m.group(1)}))?", phrase)
    out: list[str] = []
    i = 0
    depth_alts: list[list] = []  # per open group: [start index in out, has_bar]
    while i < len(phrase):
        c = phrase[i]
        if c == "\\" and i + 1 < len(phrase):
            out.append(re.escape(phrase[i + 1]))
            i += 2
            continue
        if c == "(":
            depth_alts.append([len(out), False])
            out.append("(?:")
        elif c == "|":
            if depth_alts:
                depth_alts[-1][1] = True
            out.append("|")
        elif c == ")":
            start, has_bar = depth_alts.pop() if depth_alts else (0, True)
            out.append(")")
            nxt = phrase[i + 1] if i + 1 < len(phrase) else ""
            if not has_bar and nxt != "?":
                out.append("?")
        elif c == "?":
            out.append("?")
        elif c == "*":
            out.append(r"\w*")
        elif c == " ":
            out.append(_SPACE)
        elif c == "-":
            out.append(_HYPHEN)
        else:
            j = i
            while j < len(phrase) and (phrase[j].isalnum() or phrase[j] in "'’._/,&%+=<>:;!\"#@$£€"):
                j += 1
            if j == i:
                out.append(re.escape(c))
                i += 1
                continue
            word = phrase[i:j]
            # either apostrophe matches either ("l'évolution", "l’évolution", "didn't")
            esc = _fold(re.sub("['’]", "['’]", re.escape(word)))
            if word.isupper() and len(word) <= 5 and word.isalpha():
                esc = f"(?-i:{esc})"
            out.append(esc)
            i = j
            continue
        i += 1
    return "".join(out)


# An accented letter in a phrase also matches the bare letter (or the umlaut spelled out), as
# writers drop accents on capitals and in plain-ASCII pages: "Etude", "A 2 ans", "Schubrate" vs "Schuebe".
_FOLD = {"é": "[éÉeE]", "è": "[èÈeE]", "ê": "[êÊeE]", "ë": "[ëËeE]", "à": "[àÀaA]", "â": "[âÂaA]",
         "î": "[îÎiI]", "ï": "[ïÏiI]", "ô": "[ôÔoO]", "û": "[ûÛuU]", "ù": "[ùÙuU]", "ç": "[çÇcC]",
         "á": "[áÁaA]", "í": "[íÍiI]", "ó": "[óÓoO]", "ú": "[úÚuU]",
         "ä": "(?:ä|Ä|ae|AE|Ae)", "ö": "(?:ö|Ö|oe|OE|Oe)", "ü": "(?:ü|Ü|ue|UE|Ue)", "ß": "(?:ß|ss)"}
_FOLD_RX = re.compile("|".join(_FOLD))


def _fold(escaped: str) -> str:
    return _FOLD_RX.sub(lambda m: _FOLD[m.group()], escaped) if not escaped.isascii() else escaped


def _entry_regex(entry) -> str:
    if isinstance(entry, dict) and "re" in entry:
        return str(entry["re"])
    if not isinstance(entry, str):
        raise LexiconError(f"expected a phrase or {{re: ...}}, got {entry!r}")
    return phrase_regex(entry.strip())


def inflect(lemma: str) -> list[str]:
    """The -s, -ed and -ing forms of a verb lemma (first word of a phrasal verb)."""
    if "|" in lemma:
        return [p.strip() for p in lemma.split("|") if p.strip()]
    head, _, tail = lemma.partition(" ")
    tail = f" {tail}" if tail else ""
    if head.endswith("e"):
        forms = [head, head + "s", head + "d", head[:-1] + "ing"]
    elif head.endswith("y") and len(head) > 1 and head[-2] not in "aeiou":
        forms = [head, head[:-1] + "ies", head[:-1] + "ied", head + "ing"]
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = [head, head + "es", head + "ed", head + "ing"]
    else:
        forms = [head, head + "s", head + "ed", head + "ing"]
    return [f + tail for f in forms]


@dataclass(frozen=True)
class Hit:
    """A lexicon match inside some text: offsets relative to that text."""

    start: int
    end: int
    label: str
    text: str


def split_alternatives(text: str) -> list[str]:
    """The alternatives of ``a|b|(c|d)``: split at the bars outside any group, pieces kept as written
    (empty ones too)."""
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return out


def _group_end(text: str) -> int:
    """Where the group that opens ``text`` closes (its length when it never does)."""
    depth = 0
    for i, ch in enumerate(text[1:], 1):
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return i
            depth -= 1
    return len(text)


def _first_chars(entry) -> set[str] | None:
    """The letters a phrase can start with (None: anything, e.g. a raw regex)."""
    if not isinstance(entry, str):
        return None
    e = entry.strip()
    if not e:
        return None
    if e[0].isalnum():
        return {e[0].lower()}
    if e[0] == "(":
        end = _group_end(e)
        if e[end + 1:end + 2] in ("?", "*"):  # "(völlig |komplett )?nebenwirkungsfrei": may start after the group
            return None
        alts = split_alternatives(e[1:end])
        firsts = set()
        for a in alts:
            a = a.strip()
            if not a or not a[0].isalnum():
                return None
            firsts.add(a[0].lower())
        close = e.find(")")
        if close != -1 and "|" not in e[:close]:  # "(s)"-style optional group first: anything
            return None
        return firsts
    return None


class Matcher:
    """One compiled alternation of labelled phrases; longer phrases are tried first.

    Alternatives are bucketed by their first letter behind a lookahead, so at each word start
    the regex engine tries only the phrases that can start there (a large speed-up over one
    flat alternation of hundreds of phrases).
    """

    def __init__(self, labelled: Iterable[tuple[str, object]]):
        items = []
        for label, entry in labelled:
            rx = _entry_regex(entry)
            items.append((len(str(entry if isinstance(entry, str) else entry["re"])), rx, label, _first_chars(entry)))
        items.sort(key=lambda t: -t[0])
        self.labels: list[str] = []
        buckets: dict[str, list[str]] = {}
        anywhere: list[str] = []
        for _, rx, label, firsts in items:
            n = len(self.labels)
            self.labels.append(label)
            if firsts is None:
                anywhere.append(f"(?P<g{n}>{rx})")
                continue
            for k, ch in enumerate(sorted(firsts)):
                if k:
                    n = len(self.labels)
                    self.labels.append(label)
                buckets.setdefault(ch, []).append(f"(?P<g{n}>{rx})")
        parts = []
        for ch, alts in sorted(buckets.items()):
            cls = re.escape(ch) + (re.escape(ch.upper()) if ch.upper() != ch else "")
            parts.append(f"(?=[{cls}])(?:{'|'.join(alts)})")
        parts += anywhere
        body = "|".join(parts) if parts else r"(?!x)x"
        try:
            self._regex = re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)
        except re.error as exc:  # a user's bad {re: ...} entry
            raise LexiconError(f"bad pattern in lexicon: {exc}") from None
        self.table = _table([rx for _, rx, _, _ in items])

    @property
    def regex(self) -> re.Pattern:
        # a matcher from the cache builds its pattern when first used: most tables never run on an
        # article (the prefilter finds none of their words), and building all ~220 patterns of a
        # lexicon was a third of loading it
        if self._regex is None:
            from msvitd.text.cache import rebuild

            self._regex = rebuild(self._program)
        return self._regex

    def __reduce__(self):
        # pickled (text/cache.py) as the regex compiler's program, so loading skips compiling
        from msvitd.text.cache import program_of

        return (_restore_matcher, (self.labels, program_of(self.regex), self.table, _prefilter_stamp()))

    def find(self, text: str) -> list[Hit]:
        index = index_of(text)
        known = index.found.get(self)  # the stages and the rules read a sentence more than once
        if known is None:
            starts = None if self.table is None else self.table.starts(index)
            if starts is not None and not starts:
                # no word can begin a match (most tables, most sentences): no pattern to build or run
                known = index.found[self] = ()
                return []
            matches = self.regex.finditer(text) if starts is None else _at(self.regex, text, starts)
            known = index.found[self] = tuple(Hit(m.start(), m.end(), self.labels[int(m.lastgroup[1:])], m.group())
                                              for m in matches if m.end() > m.start())
        return list(known)

    def search(self, text: str) -> Hit | None:
        if self.table is None:  # (its first match may be empty, which find leaves out)
            m = self.regex.search(text)
        else:
            index = index_of(text)
            known = index.found.get(self)
            if known is not None:
                return known[0] if known else None
            starts = self.table.starts(index)
            m = next(_at(self.regex, text, starts), None) if starts else None
        if not m:
            return None
        return Hit(m.start(), m.end(), self.labels[int(m.lastgroup[1:])], m.group())


def _at(regex: re.Pattern, text: str, starts: list[int]):
    """What ``regex.finditer(text)`` yields when every match begins at one of ``starts``: each
    next match tried at the first start at or after the end of the last one."""
    match = regex.match
    end = 0
    for p in starts:
        if p < end:
            continue
        m = match(text, p)
        if m is not None:
            end = m.end()
            yield m


def _table(regexes: list[str]) -> Table | None:
    heads: set[str] = set()
    for rx in regexes:
        h = heads_of(rx)
        if h is None:
            return None  # one entry that may begin anywhere: the whole table is scanned
        heads |= h
    return Table(frozenset(heads))


_STAMP: list[str] = []


def _prefilter_stamp() -> str:
    """The prefilter's code as a hash: a cached Matcher pickled by other code is not loaded."""
    if not _STAMP:
        from pathlib import Path

        from msvitd.text.cache import hasher

        src = Path(__file__).with_name("prefilter.py")
        _STAMP.append(hasher(src.read_bytes()).hexdigest()[:16])
    return _STAMP[0]


def _restore_matcher(labels: list[str], program, table=None, stamp=None) -> "Matcher":
    if stamp != _prefilter_stamp():
        raise ValueError("a lexicon cached by another version of the prefilter")  # the cache rebuilds it
    if not isinstance(program, tuple) or len(program) < 2:
        raise ValueError("not a pattern's program")
    m = Matcher.__new__(Matcher)
    m.labels = labels
    m._regex, m._program = None, program
    m.table = table
    return m
