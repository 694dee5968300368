"""The negation words the critique rules read, as data (``negation: rules:`` in each language's
lexicon: en/negation.yaml, cues.yaml for fr, de, es), joined over every supported language into one
pattern each: a French page may quote an English sentence, and a short negation ("kein Beweis", "pas de preuve", "sin pruebas")
is unambiguous across the four languages.  The reader's own negation cues (clause scope, null
results) are the lexicon's ``negation:`` table; these are the few-word checks rules make around a
booster, a hype word or a treatment."""

from __future__ import annotations

import re
from functools import lru_cache

from msvitd.text.langdata import SUPPORTED, lexicon_files


@lru_cache(maxsize=None)  # read once per language: each of the five keys below asked for all four again
def _rules(code: str) -> dict:
    """``negation: rules:`` of the language's lexicon files (English: negation.yaml; French, German and
    Spanish keep their negation table in cues.yaml: a lone negation.yaml there would hide cues.yaml from
    msvitd/text/strength/cues.py, which reads causal/hedges/negation.yaml when one of them exists)."""
    from msvitd.text.cache import load_yaml

    out: dict = {}
    for path in (p for p in lexicon_files(code) if p.name in ("negation.yaml", "cues.yaml")):
        data = load_yaml(path) or {}
        for key, words in ((data.get("negation") or {}).get("rules") or {}).items():
            out[key] = [*out.get(key, []), *(words or [])]
    return out


def _words(key: str) -> list[str]:
    out: list[str] = []
    for code in SUPPORTED:
        for w in _rules(code).get(key) or []:
            if w not in out:
                out.append(str(w))
    return out


def _alt(items: list[str]) -> str:
    return "|".join(items) or r"(?!)"


@lru_cache(maxsize=None)
def before() -> re.Pattern:
    """A negation within a few words before the end of the text ("no known", "pas de", "kein")."""
    return re.compile(rf"(?:{_alt(_words('before'))})[\w\s,'’-]{{0,25}}$", re.IGNORECASE)


@lru_cache(maxsize=None)
def contrast() -> re.Pattern:
    """A contrast word or clause mark: a negation before it does not deny what follows it."""
    return re.compile(rf"[;:!?]|(?:{_alt(_words('contrast'))})", re.IGNORECASE)


@lru_cache(maxsize=None)
def after() -> re.Pattern:
    """The word just read denied as a predicate ("A breakthrough it is not", "ist das nicht")."""
    return re.compile(rf"\s*,?\s*(?:{_alt(_words('after'))})", re.IGNORECASE)


@lru_cache(maxsize=None)
def not_with() -> re.Pattern:
    """A negated preposition (or "rather than") and up to two words before the end of the text."""
    neg = _alt(_words("not_with"))
    prep = _alt(_words("not_with_prepositions"))
    phrases = "".join(f"|{p}" for p in _words("not_with_phrases"))
    return re.compile(rf"\b(?:(?:{neg})\s+(?:{prep}){phrases})\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE)
