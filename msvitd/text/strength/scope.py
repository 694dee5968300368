"""Scope features: where the hedge of a relation sits with respect to its verb.

The cue features (features.cue_features) say that a clause has a modal or a hedge; these say how
it governs the relation, which is what separates a hedged claim from a direct one written with
the same words elsewhere in the sentence:

- the modal's place: in the verb group ("may reduce", "could help reduce": up to three words
  before the cue), earlier in the clause ("may, in older women, reduce"), after the cue (the cue
  is in the modal's subject: "lowering salt could help"), only in another clause, or none;
- a hedging adverb or raising verb in the verb group ("appears to reduce", "likely improves",
  "potentially lowers");
- a reported relation ("was found to reduce", "has been shown to improve");
- an evaluative predicate ("is useful", "be an effective strategy") with or without a modal.

Each is crossed with the cue's class (causal, corr, comp).  Chosen by 5-fold CV with nested
checks (docs/strength.md): other scope groups tried (a reporting verb before the relation,
negation in the verb group, main vs subordinate clause, the study as subject, comparative risk
governed by a causal verb, passives and changes over time) did not help and are not computed.
"""

from __future__ import annotations

from msvitd.text.strength.reading import Analysis

_MODALS = frozenset("may might could can would should".split())
_HEDGE_NEAR = frozenset("appear appears appeared seem seems seemed likely possibly potentially probably "
                        "perhaps".split())
_REPORTED = frozenset("found shown demonstrated observed reported proven proved known thought believed".split())
_BE = frozenset("is are was were be been being".split())
_EVALUATIVE = frozenset("effective useful helpful beneficial efficacious feasible successful safe superior inferior "
                        "important valuable promising detrimental harmful protective".split())
_FILLER = frozenset("a an the more most very highly as cost safe and potentially also".split())
_NEAR = 3  # words between a modal or hedge and the relation it governs, at most ("may also significantly reduce")


def scope_features(an: Analysis, f: dict[str, float]) -> dict[str, float]:
    toks = an.tokens
    modals = [i for i, t in enumerate(toks) if t in _MODALS]
    for c in an.cues:
        k = c.kind
        if k not in ("corr", "comp", "causal"):
            continue
        state = ("neg" if c.negated else "hypo" if c.hypothetical else "purpose" if c.purpose
                 else "attr" if c.attributive else "live")
        a, b = an.clauses[c.clause]
        place = _modal_place(toks, modals, c.start, a, b)
        f[f"sc:{k}|modal={place}"] = 1.0
        f[f"sc:{k}|{state}|modal={place.split(':')[0]}"] = 1.0
        if hedged_near(an, c):
            f[f"sc:{k}|hedge_near"] = 1.0
        if c.start >= 2 and toks[c.start - 1] == "to" and toks[c.start - 2] in _REPORTED:
            f[f"sc:{k}|reported={toks[c.start - 2]}"] = 1.0
    return _evaluative(toks, f)


def hedged_near(an: Analysis, c) -> bool:
    """A hedging adverb or raising verb in the relation's verb group ("probably reduces", "appears to
    lower"): the doubt Yu et al.'s guideline and Sumner et al. call conditional."""
    a, _ = an.clauses[c.clause]
    return any(an.tokens[j] in _HEDGE_NEAR for j in range(max(a, c.start - _NEAR), c.start))


def _evaluative(toks, f: dict[str, float]) -> dict[str, float]:
    """"may be useful", "could be an effective strategy": a modal before an evaluative predicate
    hedges a benefit (the cue reading clears a modal that governs "be")."""
    for i, t in enumerate(toks):
        if t not in _EVALUATIVE:
            continue
        j = i - 1
        while j >= 0 and toks[j] in _FILLER:
            j -= 1
        if j >= 0 and toks[j] in _BE:
            modal = toks[j - 1] in _MODALS if j >= 1 else False
            modal = modal or (j >= 2 and toks[j - 2] in _MODALS)
            f[f"sc:eval|modal={modal}"] = 1.0
            f[f"sc:eval:{t}|modal={modal}"] = 1.0
    return f


def _modal_place(toks, modals: list[int], start: int, a: int, b: int) -> str:
    near = [m for m in modals if 0 < start - m <= _NEAR]
    if near:
        return "near:" + toks[near[-1]]
    same = [m for m in modals if a <= m < b]
    if any(m < start for m in same):
        return "far"
    if same:
        return "after"
    return "other" if modals else "none"
