"""Stage 4: claim strength (Yu et al. 2019 levels) of a clause from its live causal cues.

A correlational cue anywhere in the clause makes every causal cue correlational ("linked to
lower relapse rates"); a hedge governs what follows it ("may help prevent"), and a reporting
hedge also what precedes it ("..., the study suggests"); in a question every cue is hedged.
"""

from __future__ import annotations

from msvitd.text.grammar import Grammar
from msvitd.text.lexicon import Hit
from msvitd.text.records import RANK


def hedged_cue(cue: Hit, hedges: list[Hit], question: bool, g: Grammar) -> bool:
    return question or any(x.start < cue.start or g.post_hedge.match(x.text) for x in hedges)


def cue_strength(cue: Hit, correlational: bool, hedged: bool) -> str:
    if cue.label.startswith("correlational") or correlational:
        return "correlational"
    return "conditional_causal" if hedged else "direct_causal"


def clause_strength(live: list[Hit], correlational: bool, hedges: list[Hit], question: bool, g: Grammar) -> str:
    best = "none"
    for h in live:
        lvl = cue_strength(h, correlational, hedged_cue(h, hedges, question, g))
        if RANK[lvl] > RANK[best]:
            best = lvl
    return best


def stronger(a: str, b: str) -> str:
    return a if RANK[a] >= RANK[b] else b
