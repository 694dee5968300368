"""GRADE's standardised plain-language statements (Santesso et al., J Clin Epidemiol 2020;119:126-135),
as a table: (certainty, size of effect) -> wording. Cochrane's "probably" for moderate certainty."""

from __future__ import annotations

# Certainty levels in order; "effect" is "important" (the point estimate beyond the threshold of an
# appreciable effect) or "trivial" (within it: little or no difference).
STATEMENTS: dict[tuple[str, str], str] = {
    ("high", "important"): "{intervention} {verb_s} {outcome}",
    ("moderate", "important"): "{intervention} probably {verb_s} {outcome}",
    ("low", "important"): "{intervention} may {verb} {outcome}",
    ("very_low", "important"): "The evidence is very uncertain about the effect of {intervention_lc} on {outcome}",
    ("high", "trivial"): "{intervention} makes little or no difference to {outcome}",
    ("moderate", "trivial"): "{intervention} probably makes little or no difference to {outcome}",
    ("low", "trivial"): "{intervention} may make little or no difference to {outcome}",
    ("very_low", "trivial"): "The evidence is very uncertain about the effect of {intervention_lc} on {outcome}",
}

VERBS = {"decrease": ("reduce", "reduces"), "increase": ("increase", "increases")}

LEVELS = ("very_low", "low", "moderate", "high")
# An outcome with no numbers and no narrative result has nothing to rate: no symbols, "Not estimable".
NOT_ESTIMABLE = "not_estimable"
SYMBOLS = {"high": "⊕⊕⊕⊕", "moderate": "⊕⊕⊕◯", "low": "⊕⊕◯◯", "very_low": "⊕◯◯◯", NOT_ESTIMABLE: ""}
LABELS = {"high": "High", "moderate": "Moderate", "low": "Low", "very_low": "Very low", NOT_ESTIMABLE: "Not estimable"}
MEANINGS = {
    "high": "We are very confident that the true effect lies close to that of the estimate.",
    "moderate": "The true effect is likely to be close to the estimate, but may be substantially different.",
    "low": "The true effect may be substantially different from the estimate.",
    "very_low": "The true effect is likely to be substantially different from the estimate.",
    NOT_ESTIMABLE: "The sources give neither numbers nor a result in words: there is no estimate to rate.",
}


def _lower_first(text: str) -> str:
    # "Disease activity" -> "disease activity"; "MRI activity" stays.
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def statement(certainty: str, size: str, intervention: str, outcome: str, direction: str = "decrease") -> str:
    """The sentence for one outcome, e.g. ("moderate", "important") -> "Vitamin D probably reduces relapses"."""
    verb, verb_s = VERBS[direction]
    text = STATEMENTS[(certainty, size)].format(
        intervention=intervention, intervention_lc=_lower_first(intervention), outcome=_lower_first(outcome),
        verb=verb, verb_s=verb_s)
    return text[0].upper() + text[1:] + "."
