"""The grammar words of one language (``language.yaml`` ``grammar:``), compiled once into the
patterns the reading stages use.  No word of any language is written here."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from msvitd.text.langdata import language_facts


def _alt(words) -> str:
    """One alternation of plain phrases, longest first; a space matches any whitespace.
    A string "a|b" is a list of two."""
    flat = [p for w in words for p in str(w).split("|")]
    items = sorted({w for w in flat if w}, key=lambda w: (-len(w), w))  # ties in a fixed order: the same pattern text in every run (its compiled form is cached by that text)
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
    final_verb_object: bool  # a verb closing its clause takes the object before it ("..., dass es die MS bremst")


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
        final_verb_object=bool(g.get("final_verb_object", False)),
    )


# --- what a number counts (language.yaml ``roles:``), for the one number matcher (msvitd/facts) ---

def fold(word: str) -> str:
    """Lower case without accents or umlaut dots: "Lésions" -> "lesions", "Schübe" -> "schube"."""
    return "".join(ch for ch in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(ch))


# a word of any alphabet; an apostrophe ends it ("l'activité" -> "l", "activité")
_WORD = re.compile(r"[^\W_][\w-]*")


@dataclass(frozen=True)
class NumberRoles:
    """The words that say what a number counts, in one language (and English: a page in French
    may quote an English abstract, so English patterns are always tried too)."""
    code: str
    words: dict  # folded word -> the study file's English context word ("rechutes" -> "relapse")
    prefixes: tuple  # (folded prefix, context word), longest first: "randomis*"
    trial_adjective: re.Pattern  # "a randomised controlled trial of 303": the design
    randomised: re.Pattern
    analysed: re.Pattern
    completed: re.Pattern
    took_part: re.Pattern  # the count is the trial's: "received", "took part", "of whom"
    not_trial: re.Pattern  # it is not: "worldwide", "each year", "living with"
    run_before: re.Pattern  # a duration is how long the trial ran: "for", "lasted", "pendant"
    run_after: re.Pattern  # ... said after it: "a two-year trial", "zwei Jahre lang"
    run_context: re.Pattern  # ... and the sentence is about the trial's treatment
    not_run: re.Pattern  # a frequency or a time ago: "every", "toutes les", "alle", "cada"
    planned: re.Pattern  # just before a count: the planned size ("a planned 80", "geplant waren 80")
    reduction_before: re.Pattern  # a relative reduction told before its size: "cut ... by", "réduit ... de"
    reduction_after: re.Pattern  # ... or after it: "34% lower", "34 % de moins", "um 34 % gesenkt"
    points: re.Pattern  # "percentage points": an absolute difference, not a relative one

    def context(self, text: str) -> frozenset:
        """The English context words a sentence's own words stand for (none for English: its
        words are the context words, folded by msvitd.facts.source.words)."""
        if self.code == "en" or not text:
            return frozenset()
        out = set()
        for tok in _WORD.findall(fold(text)):
            hit = self.words.get(tok)
            if hit is None and len(tok) > 4 and tok.endswith("s"):
                hit = self.words.get(tok[:-1])
            if hit is None:
                hit = next((c for p, c in self.prefixes if tok.startswith(p)), None)
            if hit is not None:
                out.add(hit)
        return frozenset(out)


def _role_table(code: str) -> tuple[dict, tuple]:
    words: dict[str, str] = {}
    prefixes = []
    table = (language_facts(code).get("roles") or {}).get("words") or {}
    for canonical, forms in table.items():
        for form in [canonical, *forms] if code != "en" else forms:
            f = fold(str(form)) if code != "en" else str(form)
            if f.endswith("*"):
                prefixes.append((f[:-1], str(canonical)))
            else:
                words[f] = str(canonical)
    return words, tuple(sorted(prefixes, key=lambda p: -len(p[0])))


def role_synonyms(code: str = "en") -> dict:
    """word -> the context word it folds onto, as ``roles.words`` lists them (English: the
    synonyms msvitd.facts.source.words applies to study files and English articles)."""
    return dict(_role_table(code)[0])


@lru_cache(maxsize=None)
def number_roles(code: str = "en") -> NumberRoles:
    words, prefixes = _role_table(code)
    en = language_facts("en").get("roles") or {}
    own = (language_facts(code).get("roles") or {}) if code != "en" else {}

    def rx(key: str, flags: int = re.IGNORECASE) -> re.Pattern:
        parts = [str(t[key]) for t in (en, own) if t.get(key)]
        return re.compile("|".join(f"(?:{p})" for p in parts) if len(parts) > 1 else (parts[0] if parts else r"(?!x)x"),
                          flags)

    return NumberRoles(code, words, prefixes, rx("trial_adjective"), rx("randomised"), rx("analysed"),
                       rx("completed"), rx("took_part"), rx("not_trial"), rx("run_before"),
                       rx("run_after", 0), rx("run_context"), rx("not_run"), rx("planned"),
                       rx("reduction_before"), rx("reduction_after"), rx("points"))
