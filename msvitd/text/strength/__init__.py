"""Claim strength of a sentence: none, correlational, conditional_causal, direct_causal.

``classify(text, lang)`` is the one reading used by `msvitd strength` and by the critique.
English: the cue reading (reading.py) plus a linear model over cue features, cue-class n-grams
and word n-grams (model.py) averaged with a small convolutional reader over the words and their
cue classes (reader.py); both learned from Yu, Li & Wang 2019 by scripts/train_strength.py.
Other languages: the cue reading alone, from the language's lexicon (the model's n-grams are
English).  Conventions (docs/strength.md): "X can reduce Y" is conditional causal; a negated
relation ("was not associated with", "did not reduce") claims no relation: none.
``convention="yu2019"`` gives the corpus' own conventions instead (can: as the model learnt;
a negated relation: the level of the relation).
"""

from __future__ import annotations

from dataclasses import dataclass

from msvitd.text.strength.cues import NoCueData
from msvitd.text.strength.reading import LEVELS, RANK

__all__ = ["LEVELS", "RANK", "NoCueData", "Strength", "classify", "classify_many", "predict", "CONVENTIONS"]

CONVENTIONS = ("msvitd", "yu2019")


@dataclass(frozen=True)
class Strength:
    level: str
    cues: tuple[tuple[str, str], ...]  # (words, kind) that decided it, in sentence order
    source: str  # "model" or "rules"
    negated: bool = False  # the sentence's relations are all negated
    rules: str = "none"  # the cue rules' level (the same as ``level`` when source is "rules")


def classify(text: str, lang: str = "en", convention: str = "msvitd", use_model: bool = True) -> Strength:
    """The strength of one sentence.  Raises NoCueData when ``lang`` has no cue data yet."""
    return classify_many([text], lang, convention, use_model)[0]


def classify_many(texts: list[str], lang: str = "en", convention: str = "msvitd",
                  use_model: bool = True) -> list[Strength]:
    """The strength of each sentence: the same as ``classify`` one at a time, but the reader
    (reader.py) scores many sentences at once with numpy when it is installed (a few: plain Python)."""
    from msvitd.text.strength import cues, model, reader, reading

    tables = cues.load(lang)
    m = model.load() if (use_model and lang == "en") else None
    r = reader.load() if m is not None else None
    analyses = [reading.analyse(t, tables) for t in texts]
    if r is None:
        return [predict(t, m, lang, convention, an=an) for t, an in zip(texts, analyses)]
    enc = [reader.encode(an, r.index) for an in analyses]
    rows = None
    if len(enc) >= reader.NUMPY_FROM:
        try:
            rows = r.log_probs_many(enc)
        except ImportError:  # numpy missing (it is a main dependency): plain Python gives the same figures
            rows = None
    rows = rows or [r.log_probs(e) for e in enc]
    return [predict(t, m, lang, convention, (r.mix, row), an) for t, an, row in zip(texts, analyses, rows)]


def predict(text: str, m, lang: str = "en", convention: str = "msvitd", mixed=None, an=None) -> Strength:
    """The strength of one sentence with model ``m`` (None: the cue rules alone); ``mixed``: (weight of
    the linear model, the reader's log-probabilities of the sentence), averaged in (reader.py)."""
    from msvitd.text.strength import cues, features, reading

    an = an or reading.analyse(text, cues.load(lang))
    rule, deciding = reading.rule_level(an, convention)
    negated = an.negated_only()
    if m is None:
        level, source = rule, "rules"
    else:
        level, _ = m.predict(features.features(an, ngram_value=m.ngram_value),
                             features.char_words(an) if m.char_value else (),
                             features.vector_words(an) if m.vectors else None, mixed)
        source = "model"
        rel = an.relations()
        if rel and not an.live() and all(c.hypothetical for c in rel if not c.negated):
            level = "none"  # every relation sits in an aim, a need or a known fact: nothing claimed
        if level == "direct_causal" and mixed is not None and _hedged(an):
            level = "conditional_causal"
        if convention == "msvitd":
            level = _msvitd_convention(an, level)
        elif negated and level == "none" and not an.live():
            level = rule  # Yu 2019 labels a negated relation by the relation's level
    shown = deciding or [c for c in an.cues if c.kind in ("corr", "comp", "causal") and _shown(c, level)]
    shown += [c for c in an.cues if c.kind in ("modal", "hedge", "neg", "null", "hypo", "nonclaim")]
    shown.sort(key=lambda c: c.start)
    return Strength(level, tuple(dict.fromkeys((c.text, c.kind) for c in shown)), source, negated, rule)


def _hedged(an) -> bool:
    """Every live causal relation has a hedge in its verb group ("probably reduces", "appears to
    lower"): conditional in both conventions.  The reader (reader.py) sees the hedge as a word of
    the clause and, averaged in, can outvote it; the linear model has it as a scope feature."""
    from msvitd.text.strength.scope import hedged_near

    causal = [c for c in an.live() if c.kind == "causal"]
    return bool(causal) and all(hedged_near(an, c) for c in causal)


def _shown(c, level: str) -> bool:
    if c.negated:  # "was not associated with": the relation denied is part of the answer
        return True
    if level == "correlational":
        return c.kind in ("corr", "comp")
    return level != "none" and not (c.negated or c.hypothetical)


def _msvitd_convention(an, level: str) -> str:
    """The model learnt Yu 2019's conventions; msvitd's differ on negation and on "can"."""
    live = an.live()
    if an.negated_only() and not live:
        return "none"
    if level == "direct_causal":
        causal = [c for c in live if c.kind == "causal"]
        if causal and all(c.modal == "can" and not c.hedge for c in causal):
            return "conditional_causal"
    return level
