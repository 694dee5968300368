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
    final_particles: re.Pattern  # what may follow such a negation: a separable verb's particle ("hielt ... nicht auf")
    comment_clause: re.Pattern  # a reporting clause inserted between commas: ", wie die Studie zeigt,"
    final_verb_object: bool  # a verb closing its clause takes the object before it ("..., dass es die MS bremst")
    relative: re.Pattern  # a relative clause after a comma (", which ..."): its subject is the noun before it
    pronoun_subject: re.Pattern  # a sentence opening with a pronoun subject ("It slows ...", "Cela ralentit ...")


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
        final_particles=re.compile(str(g.get("final_particles") or r"(?!x)x"), re.IGNORECASE),
        comment_clause=re.compile(str(g.get("comment_clause") or r"(?!x)x"), re.IGNORECASE),
        final_verb_object=bool(g.get("final_verb_object", False)),
        pronoun_subject=re.compile(rf"^\W*(?:{_alt(g.get('pronoun_subjects', []))})\b(?!\s+(?:{_alt(g.get('pronoun_not_subject', []))})\b)",
                                   re.IGNORECASE),
        relative=re.compile(rf",\s*(?P<w>{_alt(g.get('relative_pronouns', []))})\b", re.IGNORECASE),
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
    # what a share says of its arm and outcome (facts/wording.py), read with English's words too
    inverted: re.Pattern  # the share *without* the outcome: "free of", "sans", "frei von", "libres de"
    with_outcome: re.Pattern  # ... unless the outcome is told first: "had a relapse ... no"
    inverted_before: re.Pattern  # ... told before the number, opening its clause: "Ohne Krankheitsaktivität"
    comparator_arm: re.Pattern  # words naming the comparator arm: "placebo", "groupe témoin"
    intervention_arm: re.Pattern  # ... the intervention arm (the study's own terms are added)
    arm_lead: re.Pattern  # words between a share and its arm: "of the", "des patients du groupe"
    share_clause_end: re.Pattern  # where a share's own words stop: ", compared", ", contre"
    pair_and: re.Pattern  # joins two shares of a pair: "and", "vs", "et", "gegenüber", "frente al"
    planned_near: re.Pattern  # a planned size, near before the count: "target", "prévu", "geplant"
    planned_after: re.Pattern  # ... or after it: "200 were planned", "80 waren geplant"
    phase: re.Pattern  # a phase of the treatment, not the trial's run: "starting dose", "dose initiale"
    phase_after: re.Pattern  # ... said after the duration: "vier Wochen lang eine Anfangsdosis"
    dose_context: re.Pattern  # a dose's clause is about the trial: "received", "reçu", "erhielten"
    dose_personal: re.Pattern  # ... unless it is the writer's or a relative's own dose: "my mother took", "je prends"
    dose_apposition: re.Pattern  # a dose told again after a comma ("..., equivalent to about 10,000 IU a day"): the clause before says whose
    allocation: re.Pattern  # right after a share: the allocation ("half took the supplement")
    allocation_of: re.Pattern  # ... "of the participants", "des participants", "der Teilnehmenden"
    in_half: re.Pattern  # "cut ... in half": before the word "half"
    # (facts/binding.py) a relative effect on a share of people, and where a number's clause stops
    incidence: re.Pattern  # "proportion of", "fewer patients", "Anteil", "proporción"
    number_clause_end: re.Pattern  # the clause after a number ends: "; ", ", while", " gegenüber "
    number_clause_start: re.Pattern  # ... and before it begins: "; ", " whereas ", " alors que "
    clause_cut: re.Pattern  # where a dose's clause is cut (facts/matcher.py): ",", "while", "mais"
    pair_between: re.Pattern  # (facts/matcher.py) between two arms' numbers: "vs", "contre", "frente al"
    pair_within: re.Pattern  # ... a pairing word anywhere between them (no new sentence)
    pair_strong: re.Pattern  # ... a word that pairs across commas: "versus", "gegenüber"
    out_of: re.Pattern  # right after a number, its denominator: "109 of 147", "109 sur 147", "109 von 147"
    per_every: re.Pattern  # right before a round number, a natural frequency: "out of 100 people", "sur 100"
    relative_open: re.Pattern  # a relative pronoun opening a clause before a duration: "patients, who for two years took"
    arm_ratio_after: re.Pattern  # after a multiplier, one arm against the other: "twice as many", "halb so viele"
    arm_ratio_fewer: re.Pattern  # ... said as fewer: "three times fewer", "deux fois moins", "dos veces menos"

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


# the roles whose English pattern is case-sensitive (a capitalised word is a name, or the old
# engine pattern had no re.I: keep English's behaviour)
_CASED = ("run_after", "share_clause_end", "pair_and", "arm_lead", "pair_within", "out_of")
_DOTALL = ("number_clause_start",)
_FIELDS = ("trial_adjective", "randomised", "analysed", "completed", "took_part", "not_trial", "run_before",
           "run_after", "run_context", "not_run", "planned", "reduction_before", "reduction_after", "points",
           "inverted", "with_outcome", "inverted_before", "comparator_arm", "intervention_arm", "arm_lead", "share_clause_end",
           "pair_and", "planned_near", "planned_after", "phase", "phase_after", "dose_context", "dose_personal", "dose_apposition", "allocation", "allocation_of",
           "in_half", "incidence", "number_clause_end", "number_clause_start", "clause_cut", "pair_between",
           "pair_within", "pair_strong", "out_of", "per_every", "relative_open", "arm_ratio_after",
           "arm_ratio_fewer")


@lru_cache(maxsize=None)
def number_roles(code: str = "en") -> NumberRoles:
    words, prefixes = _role_table(code)
    en = language_facts("en").get("roles") or {}
    own = (language_facts(code).get("roles") or {}) if code != "en" else {}

    def rx(key: str) -> re.Pattern:
        # English's pattern, then the language's own: a page may quote an English abstract
        flags = (0 if key in _CASED else re.IGNORECASE) | (re.DOTALL if key in _DOTALL else 0)
        # `english_not_tried`: keys whose English words are another word in this language (Spanish "no")
        tables = (own,) if key in (own.get("english_not_tried") or ()) else (en, own)
        parts = [str(t[key]) for t in tables if t.get(key)]
        return re.compile("|".join(f"(?:{p})" for p in parts) if len(parts) > 1 else (parts[0] if parts else r"(?!x)x"),
                          flags)

    return NumberRoles(code, words, prefixes, **{k: rx(k) for k in _FIELDS})
