"""The grammar words of one language (``language.yaml`` ``grammar:``), compiled once into the
patterns the reading stages use.  No word of any language is written here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from msvitd.text.langdata import language_facts


def _alt(words) -> str:
    """One alternation of plain phrases, longest first; a space matches any whitespace.
    A string "a|b" is a list of two."""
    flat = [p for w in words for p in str(w).split("|")]
    items = sorted({w for w in flat if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]").replace("’", "['’]")
                    for w in items) or r"(?!x)x"


@dataclass(frozen=True)
class Grammar:
    code: str
    boundary: re.Pattern
    subordinate: re.Pattern
    object_gap: re.Pattern
    object_before: re.Pattern
    asked: re.Pattern
    answer: re.Pattern
    protect_verbs: frozenset
    organ_gap: re.Pattern
    participle_endings: tuple
    forward_only: re.Pattern
    post_hedge: re.Pattern
    concessive_whether: str
    concessive_or: re.Pattern
    concessive_if: str
    concessive_if_before: re.Pattern
    month_hedges: frozenset
    present_tense: re.Pattern
    object_window: int
    final_negation: bool  # a negation closing its clause negates the clause ("... senkte ... nicht.")


@lru_cache(maxsize=None)
def grammar(code: str = "en") -> Grammar:
    g = language_facts(code).get("grammar", {})
    boundary = re.compile(
        r"[;:]\s+|\s[\u2014\u2013]\s?|\u2014|\s-\s|\(|\)|\?\s"
        rf"|,?\s+(?=(?:{_alt(g.get('clause_breaks', []))})\b)"
        rf"|,\s*(?=(?:{_alt(g.get('clause_after_comma', []))})\b)"
        rf"|\s+(?=(?:{_alt(g.get('clause_definitions', []))})\b)",
        re.IGNORECASE)
    # modifiers end in whitespace, or directly after an elided article ("l'évolution")
    mods = _alt(g.get("object_modifiers", []))
    nmax = int(g.get("object_modifiers_max", 2))
    gap = re.compile(rf"['’\"”]?(?:\s+(?:{_alt(g.get('object_particles', []))}))?\s+"
                     rf"(?:(?:{mods})(?:\s+|(?<=['’])\s*)){{0,{nmax}}}", re.IGNORECASE)
    return Grammar(
        code=code,
        boundary=boundary,
        subordinate=re.compile(rf"^(?:{_alt(g.get('subordinators', []))})\b", re.IGNORECASE),
        object_gap=gap,
        object_before=re.compile(rf"\b(?:{_alt(g.get('object_before', []))})\b(?:\s+[\w-]+){{0,2}}\s+$",
                                 re.IGNORECASE),
        asked=re.compile(rf"(?:{_alt(g.get('question_words', []))})\b", re.IGNORECASE),
        answer=re.compile(rf"(?:[A-Z][A-Za-z.' ]{{0,30}}:\s+)?(?:[\"“'‘«]|(?:{_alt(g.get('answer_words', []))})\b)",
                          re.IGNORECASE),
        protect_verbs=frozenset(g.get("protect_verbs", [])),
        organ_gap=re.compile(rf"['’\"”]?\s+(?:(?:{_alt(g.get('organ_determiners', []))})(?:\s+|(?<=['’])\s*))?"),
        participle_endings=tuple(g.get("participle_endings", [])),
        forward_only=re.compile(rf"\b(?:{_alt(g.get('forward_only', []))})$", re.IGNORECASE),
        post_hedge=re.compile(rf"(?:{_alt(g.get('post_hedges', []))})", re.IGNORECASE),
        concessive_whether=str(g.get("concessive_whether", "")).lower(),
        concessive_or=re.compile(rf"\b(?:{_alt([g.get('concessive_or', '')])})\b"),
        concessive_if=str(g.get("concessive_if", "")).lower(),
        concessive_if_before=re.compile(rf"\b(?:{_alt([g.get('concessive_if_before', '')])})\s+$", re.IGNORECASE),
        month_hedges=frozenset(str(w).lower() for w in g.get("month_hedges", [])),
        present_tense=re.compile(str(g.get("present_tense", r"(?!x)x"))),
        object_window=int(g.get("object_window", 3)),
        final_negation=bool(g.get("final_negation", False)),
    )
