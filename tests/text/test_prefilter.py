"""The lexicon prefilter (text/prefilter.py): the prefixes a table's matches must begin with, and
the promise that a table run only at the words those prefixes allow finds exactly what a full
scan finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msvitd.text.lexicon import Hit, Lexicon, Matcher, _merged
from msvitd.text.phrases import phrase_regex
from msvitd.text.prefilter import heads_of


def heads(phrase: str):
    return heads_of(phrase_regex(phrase))


@pytest.mark.parametrize("phrase, expected", [
    ("slows", {"slow"}),
    ("MS", {"ms"}),  # a case-sensitive short word: its lower-case form, still a prefix
    ("(s)low", {"s", "low"}),  # "(s)" is optional: the match may begin at either
    ("(halt|stop)s progression", {"halt", "stop"}),
    ("(new|fresh)? lesions", None),  # an optional group and then a space: may begin at the space
    ("(re|)lapse", {"rela", "laps"}),  # an empty alternative
    ("colou?r", {"colo"}),
    ("didn't", {"didn"}),  # the apostrophe ends the word's head
    ("l'effet", {"l"}),
    ("semi-permeable", {"semi"}),
    ("proof of concept", {"proo"}),
    ("a", {"a"}),
    ("*mangel", {"", "mang"}),  # any word ending in -mangel: any word can begin it
    ("\\(p", None),  # begins with a bracket, not a word
    ("-fold", None),
])
def test_heads_of_phrases(phrase, expected):
    got = heads(phrase)
    assert got == (None if expected is None else frozenset(expected))


@pytest.mark.parametrize("phrase, expected", [
    # an accented letter also matches the bare one: "etude"; a word that begins with "É" has an
    # ASCII head of nothing ("\0" + ""), counted apart
    ("étude", {"etud", "\0"}),
    ("Schübe", {"schu", "\0sch"}),  # "Schuebe" or "Schübe"
    ("Maß", {"mass", "\0ma"}),  # "Mass" or "Maß"
    ("año", {"\0a"}),  # "ñ" has no ASCII spelling: the head stops before it
])
def test_heads_of_accents_umlauts_sharp_s(phrase, expected):
    assert heads(phrase) == frozenset(expected)


@pytest.mark.parametrize("rx, expected", [
    (r"(?:keep|kept)(?=\s+at\s+bay)", {"keep", "kept"}),  # a look-ahead consumes nothing
    (r"fewer(?!\s+than)", {"fewe"}),
    (r"(?:^|(?<=:\s))(?:consider|offer)", {"cons", "offe"}),
    (r"\bshould", {"shou"}),
    (r"(?:the\s+)?trial", {"the", "tria"}),
    (r"[a-b]x", {"ax", "bx"}),
    (r"\d+\s?%", set("0123456789") | {"\0"}),  # another script's digit begins a word too
    (r"n['’]\w+", {"n"}),
])
def test_heads_of_raw_regexes(rx, expected):
    assert heads_of(rx) == frozenset(expected)


@pytest.mark.parametrize("rx", [r"(?:\$|€)\s?\d+", r"x?", r"[^a]x", r"\s+and", r".x", r"(?:)", "(unclosed"])
def test_heads_of_patterns_that_may_begin_anywhere(rx):
    assert heads_of(rx) is None


def _full(m: Matcher, text: str) -> list[Hit]:
    return [Hit(x.start(), x.end(), m.labels[int(x.lastgroup[1:])], x.group())
            for x in m.regex.finditer(text) if x.end() > x.start()]


def test_find_at_words_equals_full_scan_on_written_sentences():
    m = Matcher([("a", "slows"), ("b", "(s)low"), ("c", "étude"), ("d", "Schübe"), ("e", "Maß"),
                 ("f", {"re": r"(?:keep|kept)(?=\s+at\s+bay)"}), ("g", "didn't"), ("h", "MS"), ("i", "*mangel")])
    assert m.table is not None
    for text in ["It slows MS and low doses keep it at bay.", "Une Étude, une etude; weniger Schuebe, "
                 "mehr Schübe", "Das Mass, das MASS, das Maß", "ſlows, ſtop, ms, Ms", "He didn’t. x-slows", "Vitaminmangel, Mangel, Eisen-Mangel",
                 "", "   ", "slowslows slows_ _slows 2slows", "ÉTUDE Étude étude"]:
        assert m.find(text) == _full(m, text), text
        first = _full(m, text)
        assert m.search(text) == (first[0] if first else None), text


def test_a_table_that_may_begin_anywhere_keeps_the_full_scan():
    m = Matcher([("cost", {"re": r"\$\d+"}), ("word", "cheap")])
    assert m.table is None
    assert [h.text for h in m.find("a $40 pill, cheap")] == ["$40", "cheap"]


# -- property: over the bundled lexicons' own words, the prefiltered find equals the full scan --

def _lexicons():
    out = []
    for lang in ("en", "fr", "de", "es"):
        lex = Lexicon(_merged((), lang), lang)
        tables = [v for v in vars(lex).values() if isinstance(v, Matcher)] + list(lex.article.values())
        out.append((lex, tables))
    return out


_LEXICONS = _lexicons()


def _words() -> list[str]:
    words = set()
    for lex, _ in _LEXICONS:
        for table in ("hedges", "boosters", "hype", "negation", "causal", "outcomes", "populations"):
            for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)?", repr(lex.data.get(table, ""))):
                words.add(w)
    return sorted(words)


_WORDS = _words()
_NOISE = st.text(alphabet="aeioustkKÉéÜüßſİı'’-–.,;:()$%0123456789 \n", max_size=6)
_PIECE = st.one_of(st.sampled_from(_WORDS), st.sampled_from(_WORDS).map(str.upper),
                   st.sampled_from(_WORDS).map(str.capitalize), _NOISE)
_SEP = st.sampled_from([" ", " ", " ", ", ", "-", "'", "’", "", "\n", " (", ") ", ". "])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_PIECE, _SEP), min_size=1, max_size=25), st.integers(0, 3))
def test_prefiltered_find_equals_full_scan(pieces, which):
    text = "".join(p + s for p, s in pieces)
    _, tables = _LEXICONS[which]
    for m in tables:
        full = _full(m, text)
        assert m.find(text) == full
        assert m.search(text) == (full[0] if full else None)
