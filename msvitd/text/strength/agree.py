"""The critique's side of the strength reading: one call from the reader (msvitd/text/reading.py).

The reader finds claims (a benefit cue + an outcome) with its own rules; their strength must agree
with what `msvitd strength` says of the same sentence, so that a sentence the model reads as hedged
("Lowering X could help") or as an association ("are more likely to") is not checked as a direct
causal claim.  Claims are only ever lowered to the sentence's level, never raised or dropped, and only when
the model and the cue rules agree the sentence is weaker: a sentence read as "none" keeps the
reader's claims, whose checks rest on the study's facts.
"""

from __future__ import annotations

from dataclasses import replace

from msvitd.text.strength import RANK, NoCueData, classify


def agree(text: str, rule_level: str, claims: list, lang: str = "en") -> tuple[str, list]:
    """The sentence's strength (classify's) and the reader's claims capped at it."""
    try:
        s = classify(text, lang)
    except NoCueData:  # a language without cue data: the reader's own rules stand
        return rule_level, claims
    if "none" in (s.level, s.rules):  # no relation read where the reader found a claim: its facts decide
        return s.level, claims
    cap = max(s.level, s.rules, key=RANK.__getitem__)
    return s.level, [replace(c, strength=cap) if RANK[c.strength] > RANK[cap] else c for c in claims]
