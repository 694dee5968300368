"""Which language a text is written in: a small stopword and script profile, no model to download.

Each supported language lists its commonest function words in ``text/lang/<code>/language.yaml``
(``detect.stopwords``); languages msvitd recognises but does not read (Italian, Portuguese,
Dutch) list theirs in ``text/lang/unsupported.yaml``, with the scripts that mark other writing
systems (Chinese, Japanese, Russian ...).  A word shared by k languages counts 1/k for each, so
"de" or "la" say little and "der", "les", "los" say a lot.  Letters such as ß, ñ, ã add a little.

Measured on the fixtures in tests/text/test_language.py (and by bench: a sentence of ten words
is enough); a text with fewer than two function words is *undetermined* (``code`` None), never an
error.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from msvitd.text.langdata import LANG_DIR, SUPPORTED, language_facts

# a word, with the apostrophe of an elision kept ("l'", "d'", "qu'": strong French signals)
_TOKEN = re.compile(r"[^\W\d_]+(?:['’](?=[^\W\d_]))?")
# Writing systems that are not Latin: their share of letters decides alone.
_SCRIPTS = (  # Japanese first: it mixes kana with Chinese characters
    ("ja", "Japanese", re.compile(r"[\u3040-\u30ff]")),
    ("zh", "Chinese", re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")),
    ("ko", "Korean", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("ru", "Russian (Cyrillic)", re.compile(r"[\u0400-\u04ff]")),
    ("el", "Greek", re.compile(r"[\u0370-\u03ff]")),
    ("ar", "Arabic", re.compile(r"[\u0600-\u06ff]")),
    ("he", "Hebrew", re.compile(r"[\u0590-\u05ff]")),
    ("hi", "Hindi (Devanagari)", re.compile(r"[\u0900-\u097f]")),
    ("th", "Thai", re.compile(r"[\u0e00-\u0e7f]")),
)


@dataclass(frozen=True)
class LanguageGuess:
    code: str | None  # ISO 639-1, or None when the text says too little
    name: str
    supported: bool  # msvitd has data to read it
    score: float = 0.0  # weighted function words of the winner
    margin: float = 0.0  # its lead over the runner-up


@lru_cache(maxsize=1)
def _profiles() -> tuple[dict[str, dict[str, float]], dict[str, str], dict[str, dict[str, float]]]:
    """(word -> {lang: weight}), (lang -> name), (lang -> {letter: weight})."""
    from msvitd.text.cache import load_yaml

    words: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    letters: dict[str, dict[str, float]] = {}
    tables = {code: language_facts(code).get("detect", {}) for code in SUPPORTED}
    for code in SUPPORTED:
        names[code] = language_facts(code).get("name", code)
    extra = load_yaml(LANG_DIR / "unsupported.yaml") or {}
    for code, t in extra.get("languages", {}).items():
        tables[code] = t
        names[code] = t.get("name", code)
    for code, t in tables.items():
        for w in t.get("stopwords", []):
            words.setdefault(str(w).lower(), set()).add(code)
        letters[code] = {str(k): float(v) for k, v in (t.get("letters") or {}).items()}
    weighted = {w: {c: 1.0 / len(cs) for c in cs} for w, cs in words.items()}
    return weighted, names, letters


@lru_cache(maxsize=1)
def _tables() -> tuple[dict, tuple, frozenset]:
    """The profiles in the shape ``scores`` walks fastest: word -> ((lang, weight), ...), the
    letter tables as tuples, and every letter any table weighs."""
    weighted, _, letters = _profiles()
    words = {w: tuple(d.items()) for w, d in weighted.items()}
    tables = tuple((code, tuple(t.items())) for code, t in letters.items() if t)
    return words, tables, frozenset(ch for _, t in tables for ch, _ in t)


@lru_cache(maxsize=None)
def _name(code: str | None) -> str:
    if code is None:
        return "undetermined"
    for c, name, _ in _SCRIPTS:
        if c == code:
            return name
    return _profiles()[1].get(code, code)


def scores(text: str) -> dict[str, float]:
    """Weighted function-word counts per language (letters add a little)."""
    # the sums are made in the same order as ever (word by word, then letter by letter), so the
    # figures are the same to the last bit; only the lookups are cheaper: no dict per word, and
    # no count of a letter the text does not hold (none at all in plain ASCII)
    words, tables, weighed = _tables()
    get = words.get
    out: dict[str, float] = {}
    for tok in _TOKEN.findall(text.lower().replace("’", "'")):
        hit = get(tok)
        if hit is not None:
            for code, w in hit:
                out[code] = out.get(code, 0.0) + w
    if not text.isascii():
        present = weighed.intersection(text)
        if present:
            for code, table in tables:
                for ch, w in table:
                    if ch in present:
                        out[code] = out.get(code, 0.0) + w * min(text.count(ch), 5)
    return out


@lru_cache(maxsize=1)
def _short_tables() -> tuple[tuple, dict]:
    """Per supported language, the ``detect.short`` tables: ((lang, {ending: w}, longest ending,
    ((ngram, w), ...)), ...) and (word -> ((lang, weight), ...)), a word shared by k languages
    weighing 1/k of its weight in each."""
    langs = []
    words: dict[str, set[str]] = {}
    weight: dict[str, float] = {}
    for code in SUPPORTED:
        t = (language_facts(code).get("detect") or {}).get("short") or {}
        endings = {str(k).lower(): float(v) for k, v in (t.get("endings") or {}).items()}
        ngrams = tuple((str(k).lower(), float(v)) for k, v in (t.get("ngrams") or {}).items())
        langs.append((code, endings, max(map(len, endings), default=0), ngrams))
        for w in t.get("words") or []:
            words.setdefault(str(w).lower(), set()).add(code)
        weight[code] = float(t.get("word_weight", 0.5))
    shared = {w: tuple((c, weight[c] / len(cs)) for c in sorted(cs)) for w, cs in words.items()}
    return tuple(langs), shared


_SHORT_WORD = re.compile(r"[^\W\d_]+")


def short_scores(text: str) -> dict[str, float]:
    """What a text with few function words still says of its language: its words' endings
    ("-ung", "-ción", "-eux", "-ing"), letter groups ("sch", "eau", "th") and a few common words
    of news on health, weighed per language (``detect.short`` in language.yaml)."""
    low = text.lower().replace("’", "'")
    toks = list(dict.fromkeys(_SHORT_WORD.findall(low)))  # each word once: a repeated word says no more
    low = " ".join(dict.fromkeys(low.split()))
    langs, shared = _short_tables()
    out: dict[str, float] = {}
    for tok in toks:
        for code, w in shared.get(tok, ()):
            out[code] = out.get(code, 0.0) + w
    for code, endings, longest, ngrams in langs:
        total = 0.0
        for tok in toks:
            if len(tok) < 3:
                continue
            for n in range(min(longest, len(tok) - 1), 0, -1):
                w = endings.get(tok[-n:])
                if w is not None:
                    total += w
                    break
        for g, w in ngrams:
            n = low.count(g)
            if n:
                total += w * min(n, 3)
        if total:
            out[code] = out.get(code, 0.0) + total
    return out


# a text with too few function words is told by its endings and letter groups only when one
# language leads clearly (bench/detection_accuracy.py --languages measures these on headlines)
_SHORT_MINIMUM = 1.5
_SHORT_MARGIN = 1.0


_SHORT_WORDS = 40  # a headline, a sentence or two; a longer text with few function words stays undetermined


def _short_guess(sc: dict[str, float], text: str) -> "LanguageGuess | None":
    if len(_SHORT_WORD.findall(text, 0, 2000)) > _SHORT_WORDS:
        return None
    both = dict(sc)
    for code, v in short_scores(text).items():
        both[code] = both.get(code, 0.0) + v
    ranked = sorted(both.items(), key=lambda kv: -kv[1])
    if not ranked:
        return None
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if best in SUPPORTED and top >= _SHORT_MINIMUM and top - second >= _SHORT_MARGIN:
        return LanguageGuess(best, _name(best), True, top, top - second)
    return None


# any character of a non-Latin script: a text with fewer than two needs no count per script
_ANY_SCRIPT = re.compile("|".join(rx.pattern for _, _, rx in _SCRIPTS))


def detect_language(text: str, minimum: float = 2.0) -> LanguageGuess:
    """The language of ``text``; ``code`` is None when it has too few words to tell.
    Inside ``using_language(code)`` it is that language."""
    if forced_language():
        code = forced_language()
        return LanguageGuess(code, _name(code), True)
    if not isinstance(text, str) or not text.strip():
        return LanguageGuess(None, _name(None), False)
    return _detect(text, minimum)


@lru_cache(maxsize=64)  # an article is asked for again by each reader of it (numbers, sentences, rules)
def _detect(text: str, minimum: float) -> LanguageGuess:
    head = text[:20000]
    letters = [ch for ch in head if ch.isalpha()] if not head.isascii() and len(_ANY_SCRIPT.findall(head)) >= 2 else []
    if letters:
        for code, name, rx in _SCRIPTS:
            n = len(rx.findall("".join(letters)))
            if n >= (0.1 if code == "ja" else 0.3) * len(letters) and n >= 2:
                return LanguageGuess(code, name, False, float(n), float(n))
    sc = scores(head)
    ranked = sorted(sc.items(), key=lambda kv: -kv[1])
    best, top = ranked[0] if ranked else (None, 0.0)
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if top < minimum:
        # too few function words (a headline): endings and letter groups, if one language leads clearly
        short = _short_guess(sc, head)
        return short or LanguageGuess(None, _name(None), False, top, top - second)
    return LanguageGuess(best, _name(best), best in SUPPORTED, top, top - second)


def sentence_language(text: str, default: str) -> str:
    """The language to read one sentence of a page in: ``default`` unless the sentence is
    clearly in another supported language (an English abstract quoted in a French article).

    "Clearly": at least three weighted function words, and twice the default's score.
    """
    sc = scores(text)
    if not sc:
        return default
    best = max(sc, key=sc.get)
    if best == default or best not in SUPPORTED:
        return default
    if sc[best] >= 3.0 and sc[best] >= 2 * sc.get(default, 0.0) + 1.0:
        return best
    return default


class UnreadLanguage(ValueError):
    """A text in a language msvitd has no data for (a usage error: exit 2)."""


def choose_language(text: str, forced: str | None = None) -> tuple[str, LanguageGuess]:
    """The language to read ``text`` in: ``forced`` (``--lang``), else the detected one; English
    when the text says too little to tell.  Raises UnreadLanguage, in one line, for a text
    detected in a language msvitd does not read."""
    from msvitd.text.langdata import check_code

    forced = forced or forced_language()
    if forced:
        code = check_code(forced)
        return code, LanguageGuess(code, _name(code), True)
    guess = detect_language(text)
    if guess.code is None:
        return "en", guess
    if not guess.supported:
        raise UnreadLanguage(f"the text is in {guess.name}, which msvitd does not read "
                             f"(it reads {', '.join(SUPPORTED)}); force one with --lang")
    return guess.code, guess


def undetermined_note(guess: LanguageGuess, text: str) -> str | None:
    """What a command says of a text whose language it could not tell (read as English), in
    one line; None when it could tell, was told (--lang), or the text has no words at all."""
    if guess.code is not None or not any(ch.isalpha() for ch in text):
        return None
    return (f"language undetermined (too few words to tell), read as English; "
            f"--lang {'|'.join(SUPPORTED)} chooses")


# The language a command was told to read in (--lang), for code that reads text several calls
# deep (diff's number matcher, the report page's critique) without a parameter at every step.
_FORCED: "ContextVar[str | None]" = ContextVar("msvitd_forced_language", default=None)


def forced_language() -> str | None:
    return _FORCED.get()


@contextmanager
def using_language(code: str | None):
    """Within the block, texts are read in ``code`` (None: detected, as usual)."""
    token = _FORCED.set(code)
    try:
        yield
    finally:
        _FORCED.reset(token)
