"""Read the strength cues of one sentence: scopes of modals, negation, aims and known facts.

This is the rule reading (what decides the level when no model is used, e.g. for French) and the
source of the model's cue features.  Tokens, not characters: see tokens.py for why.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from msvitd.text.strength.cues import CueTables
from msvitd.text.strength.tokens import raw_tokens as _raw_tokens, tokenize

LEVELS = ("none", "correlational", "conditional_causal", "direct_causal")
RANK = {s: i for i, s in enumerate(LEVELS)}

_BOUNDARY = frozenset(";:()[]?–—")
# Words that open a new clause after a comma ("..., whereas the placebo group ...").
_CONTRAST = frozenset("but whereas although though however while yet despite unlike which who".split())
# Words before "to" that make the following verb part of the claim, not its purpose ("helps to reduce").
_TO_CLAIM = frozenset("help helps helped helping appear appears appeared seem seems seemed shown found likely "
                      "unlikely able tend tends tended due sufficient enough".split())
# Before "associated with", words that make it the sentence's finding ("was associated with").
_FINDING_BEFORE = frozenset("is are was were be been being not also both each and or that which who".split())
# Words that open a subordinate clause (a condition, a concession, a time) at a clause's start.
_SUBORDINATE = frozenset("if unless whether although though while whilst when once despite".split())
# Verbs and adjectives that make a hypothesis the sentence's claim ("support the hypothesis that").
_SUPPORT = frozenset("support supports supported supporting confirm confirms confirmed confirming consistent "
                     "corroborate corroborates corroborated reinforce reinforces reinforced strengthen strengthens "
                     "strengthened".split())
# Aims that modify a noun ("interventions aimed at"), whose scope ends at the clause's modal.
_NOUN_PURPOSE = frozenset(("aim to", "aim at", "aims to", "aims at", "aimed to", "aimed at", "designed to",
                           "intended to", "strategy to", "strategies to", "intervention to", "interventions to",
                           "efforts to", "programs to", "programmes to", "measures to"))
_AIM_SUBJECT = frozenset("we i study studies trial trials research authors objective purpose goal was were is are "
                         "be been has have had this which that who".split())
_MODAL_WORDS = frozenset("may might could can would will".split())
_UPPER = re.compile(r"[A-Z]")
_NEGATORS = frozenset("not no never neither nor without".split())
_REPORTING = frozenset("suggest suggests suggested suggesting indicate indicates indicated indicating imply implies "
                       "implied".split())


@dataclass(frozen=True)
class Cue:
    kind: str  # corr, comp, causal, modal, hedge, neg, null, hypo, nonclaim (see cues.py)
    word: str  # the cue's name in the tables ("associated with", "reduce")
    start: int  # token indexes
    end: int
    clause: int
    text: str  # the words as written
    negated: bool = False
    hypothetical: bool = False  # inside an aim or a known fact: not the study's claim
    purpose: bool = False  # "to prevent": what something is for
    attributive: bool = False  # "a condition associated with athletes"
    modal: str = ""  # the modal word of its clause ("could"), if any
    hedge: str = ""  # a hedge that governs it ("suggest"), if any


@dataclass(frozen=True)
class Analysis:
    tokens: tuple[str, ...]
    cues: tuple[Cue, ...]
    clauses: tuple[tuple[int, int], ...]

    def relations(self) -> list[Cue]:
        return [c for c in self.cues if c.kind in ("corr", "comp", "causal")]

    def live(self) -> list[Cue]:
        return [c for c in self.relations() if not (c.negated or c.hypothetical or c.purpose or c.attributive)]

    def negated_only(self) -> bool:
        """The sentence's relations are all negated ("was not associated with", "did not reduce")."""
        rel = [c for c in self.relations() if not (c.hypothetical or c.purpose or c.attributive)]
        if not rel:  # "no significant difference": a null result is a negated comparison
            return any(c.kind == "null" and not c.hypothetical for c in self.cues)
        return all(c.negated for c in rel)


def clauses(toks: list[str]) -> list[tuple[int, int]]:
    cuts, opened = [0], _opens_subordinate(toks, 0)
    for i, t in enumerate(toks):
        if t in _BOUNDARY or (t == "," and i + 1 < len(toks) and (toks[i + 1] in _CONTRAST or opened
                                                                    or _opens_subordinate(toks, i + 1))):
            cuts.append(i + 1)
            opened = _opens_subordinate(toks, i + 1)
    cuts.append(len(toks))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a] or [(0, len(toks))]


def _opens_subordinate(toks: list[str], i: int) -> bool:
    """A clause opened by "if", "although", "even if" ... ends at its comma: "Even if the effect is
    small, vitamin D slows MS" claims the effect in the main clause, outside the condition."""
    t = toks[i] if i < len(toks) else ""
    if t == "even":
        t = toks[i + 1] if i + 1 < len(toks) else ""
    return t in _SUBORDINATE


def _names(text: str, toks: list[str]) -> set[int]:
    """Token indexes inside a proper name mid-sentence ("Lower Saxony"): capitalised words in a run,
    unless the line is in title case (a headline), where every word is capitalised."""
    orig = _raw_tokens(text)
    if len(orig) != len(toks):
        return set()
    words = [w for w in orig if w[0].isalpha()]
    if not words or sum(w[0].isupper() for w in words) > 0.6 * len(words):
        return set()
    cap = [w[0].isupper() for w in orig]
    return {i for i in range(1, len(orig)) if cap[i] and ((i + 1 < len(orig) and cap[i + 1]) or cap[i - 1] and i > 1)}


def analyse(text: str, tables: CueTables) -> Analysis:
    text = text.replace("\\xa0", " ")
    toks = tokenize(text)
    spans = clauses(toks)
    names = _names(text, toks) if _UPPER.search(text, 1) else set()
    hits = [h for h in tables.matcher.find(toks) if h.start not in names]
    starts = [a for a, _ in spans]

    def clause_of(i: int) -> int:
        return bisect_right(starts, i) - 1

    neg_scopes, hypo_scopes, modal_of, hedges = [], [], {}, []
    for h in hits:
        kind, _, word = h.label.partition(":")
        a, b = spans[clause_of(h.start)]
        if kind in ("neg", "null"):
            neg_scopes.append((h.start, b))
        elif kind == "negshort":
            neg_scopes.append((h.start, min(b, h.end + 4)))
        elif kind in ("hypo", "nonclaim"):
            if _supported(toks, h.start, word):
                continue  # "the results support the hypothesis that X reduces Y" claims that X reduces Y
            # "it is well known that ..." covers the rest of the sentence; other aims their clause, but
            # an aim that names a kind of thing ("interventions aimed at reducing falls may help") ends
            # at the modal of the clause's own verb
            end = len(toks) if word.endswith("that") else b
            if kind == "nonclaim" and word in _NOUN_PURPOSE and _after_noun(toks, h.start, word):
                end = next((j for j in range(h.end, end) if toks[j] in _MODAL_WORDS), end)
            hypo_scopes.append((h.start, end))
        elif kind == "modal":
            modal_of.setdefault(clause_of(h.start), (h.start, word.split()[0]))
        elif kind == "hedge":
            hedges.append((h.start, word))
    # a question asks ("Does vitamin D halt MS?"): its clause is read as an aim; one with a modal
    # keeps the hedged claim it insinuates ("Could vitamin D slow MS?": conditional)
    hypo_scopes += [(a, b) for k, (a, b) in enumerate(spans) if b and toks[b - 1] == "?" and k not in modal_of]
    low = text.lower()
    negators = [i for i, t in enumerate(toks) if t in _NEGATORS or t.endswith("n't")] if (
        "n't" in low or "n’t" in low or not _NEGATORS.isdisjoint(toks)) else []
    for i in negators:  # bare negators and contractions ("didn't") the tables do not list
        if not any(x <= i < y for x, y in neg_scopes):
            end = spans[clause_of(i)][1]
            neg_scopes.append((i, end if toks[i] != "no" else min(end, i + 5)))
    causal_at = {h.start for h in hits if h.label.startswith("causal:")}
    out = []
    for h in hits:
        kind, _, word = h.label.partition(":")
        k = clause_of(h.start)
        # a modal hedges what follows it, and the subject before it when it governs a causal verb
        # ("Lowering cholesterol could help"), not when it governs "be" ("slowing MS could be a game-changer")
        mpos, modal = modal_of.get(k, (0, ""))
        if modal and mpos > h.start and not (causal_at & {mpos + 1, mpos + 2, mpos + 3}):
            modal = ""
        in_neg = any(x < h.start < y or (x == h.start and kind in ("neg", "null")) for x, y in neg_scopes)
        hypo = any(x <= h.start < y for x, y in hypo_scopes) and kind not in ("hypo", "nonclaim")
        prev = toks[h.start - 1] if h.start else ""
        prev2 = toks[h.start - 2] if h.start > 1 else ""
        purpose = kind == "causal" and prev == "to" and prev2 not in _TO_CLAIM
        attributive = kind == "corr" and (prev in tables.attributive_before or (
            word.split()[-1] in ("with", "to") and prev.isalpha() and prev not in _FINDING_BEFORE
            and not prev.endswith("ly") and any(x.kind == "causal" for x in out if x.clause == k)))
        hedge = next((w for x, w in hedges if x < h.start or w.split()[0] in _REPORTING), "")
        text = " ".join(toks[h.start:h.end])
        out.append(Cue(kind, word, h.start, h.end, k, text, in_neg and kind not in ("neg", "negshort", "null"),
                       hypo, purpose, attributive, modal, hedge))
    return Analysis(tuple(toks), tuple(out), tuple(spans))


def _supported(toks, i: int, word: str) -> bool:
    """A hypothesis or idea the sentence supports or confirms is the sentence's claim."""
    if not (word.startswith("hypothes") or word.startswith("the ")):
        return False
    return any(t in _SUPPORT for t in toks[max(0, i - 3):i])


def _after_noun(toks, i: int, word: str) -> bool:
    """"aimed at" / "designed to" after a noun ("programmes aimed at"), not after the study or "we"."""
    if not word.startswith(("aim", "designed", "intended")):
        return True  # "strategies to", "interventions to": the noun is part of the cue
    prev = toks[i - 1] if i else ""
    return prev.isalpha() and prev not in _AIM_SUBJECT


def rule_level(an: Analysis, convention: str = "msvitd") -> tuple[str, list[Cue]]:
    """The level the rules give, and the cues that decided it."""
    live = an.live()
    if not live:
        if convention == "yu2019" and an.negated_only():
            live = [c for c in an.relations() if c.negated]
        else:
            return "none", []
    best, deciding = "none", []
    for k in sorted({c.clause for c in live}):
        cl = [c for c in live if c.clause == k]
        if any(c.kind in ("corr", "comp") for c in cl):
            lvl = "correlational"
            why = [c for c in cl if c.kind in ("corr", "comp")]
        else:
            soft = [c for c in cl if c.hedge or (c.modal and not (c.modal == "can" and convention == "yu2019"))]
            lvl = "conditional_causal" if soft else "direct_causal"
            why = soft or cl
        if RANK[lvl] > RANK[best]:
            best, deciding = lvl, why
    return best, deciding
