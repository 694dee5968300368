"""Where each language's data lives, and its language facts (pySBD/spaCy-style language modules).

``msvitd/text/lang/<code>/`` holds, for one language:
- ``language.yaml``: facts about the language (name, function words for detection, sentence
  abbreviations, the grammar words the reading stages use, number words and marks);
- every other ``*.yaml``: lexicon tables (hype, hedges, causal, negation, outcomes ...), the
  format of docs/lexicons.md.

Adding a language means adding such a folder and its code to ``SUPPORTED``; no engine branch.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

LANG_DIR = Path(__file__).resolve().parent / "lang"
SUPPORTED = ("en", "fr", "de", "es")
FACTS_FILE = "language.yaml"


class LanguageError(ValueError):
    """An unknown language code (a usage error)."""


def check_code(code: str) -> str:
    c = (code or "").strip().lower()
    if c not in SUPPORTED:
        raise LanguageError(f"unknown language {code!r}; msvitd reads {', '.join(SUPPORTED)}")
    return c


@lru_cache(maxsize=None)
def language_facts(code: str) -> dict:
    """The parsed ``language.yaml`` of a supported language (English fills what it leaves out)."""
    from msvitd.text.cache import load_yaml

    path = LANG_DIR / check_code(code) / FACTS_FILE
    data = dict(load_yaml(path) or {})
    if code != "en":
        base = language_facts("en")
        for section in ("sentences", "grammar", "numbers"):
            merged = dict(base.get(section, {}))
            merged.update(data.get(section) or {})
            data[section] = merged
    return data


def lexicon_files(code: str) -> list[Path]:
    """The lexicon table files of one language, in a stable order."""
    return sorted(p for p in (LANG_DIR / check_code(code)).glob("*.yaml") if p.name != FACTS_FILE)
