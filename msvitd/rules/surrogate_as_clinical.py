"""A surrogate result (MRI lesions, "disease activity") told as a clinical benefit (damage, progression).

What it flags
    A benefit claimed for a clinical-sounding outcome that news typically infers from imaging
    results (outcome vocabulary entries with `told_from_surrogate: true`: "damage",
    "progression", "slowing MS", "halting MS") when the study's positive results were on
    surrogate or mostly-surrogate composite outcomes and not on that clinical outcome.
    Also any clinical benefit drawn from a surrogate result in the same sentence ("fewer
    lesions, which means less disability").  Direct claims ("slows progression") are errors;
    hedged ones ("may help prevent MS damage") warnings; "linked to" wording about the trial
    info; "linked to" sentences about vitamin D levels or deficiency (epidemiology) are not flagged.

Why it matters
    Surrogate outcomes such as MRI lesions often fail to predict patient-important outcomes
    (Fleming & DeMets 1996, Ann Intern Med; Ciani et al. 2017, BMJ).  Telling a lesion result
    as less disability or slower progression is a classic form of spin (Boutron et al. 2010,
    JAMA; Haneef et al. 2015) and GRADE rates such evidence down for indirectness.

Example
    "Vitamin D may help prevent MS damage" (the trial measured new and enhancing lesions; disability did not differ).

Better
    "Vitamin D reduced new MRI lesions; it did not change disability over two years."
"""

from __future__ import annotations

import re
import sys

from msvitd.rules._common import by_strength, label

CODE = "C201"
NAME = "surrogate-told-as-clinical"
CATEGORY = "surrogate_to_clinical"
SEVERITY = "error"
_SELF = sys.modules[__name__]
_EXPOSURE = re.compile(r"deficien|insufficien|\blow(?:er)? (?:vitamin D )?levels|levels of vitamin D|blood levels|sun exposure",
                       re.IGNORECASE)


def inferred(ctx, reading) -> bool:
    """The sentence reports a supported surrogate result and draws a clinical inference from it."""
    if not ctx.lexicon.inference.search(reading.sentence.text):
        return False
    for m in reading.outcomes:
        info = ctx.lexicon.outcome_info.get(m.concept, {})
        if not m.negated and info.get("kind") == "surrogate" and ctx.facts.status(m.concept).status == "supported":
            return True
    return False


def observational(ctx, reading) -> bool:
    """A "linked to" sentence about vitamin D levels or deficiency: epidemiology, not the trial."""
    return any(m.concept == "vitamin_d_level" for m in reading.outcomes) or bool(
        _EXPOSURE.search(reading.sentence.text))


def applies(ctx, concept: str, reading=None) -> bool:
    info = ctx.lexicon.outcome_info.get(concept, {})
    if info.get("kind") != "clinical" or ctx.facts.status(concept).status == "supported":
        return False
    if not ctx.facts.positive_surrogate:
        return False
    return bool(info.get("told_from_surrogate")) or (reading is not None and inferred(ctx, reading))


def check(ctx):
    for r in ctx.readings:
        if ctx.about_other_study(r):
            continue
        for c in r.claims:
            if (c.strength == "correlational" and observational(ctx, r)) or not applies(ctx, c.concept, r):
                continue
            st = ctx.facts.status(c.concept)
            lab = label(ctx, c.concept)
            what = ("did not differ" if st.status == "null" else "was not measured")
            msg = (f"claims a benefit on {lab}, a clinical outcome, but the trial's positive result was on "
                   f"surrogate measures (MRI lesions, disease activity); {lab} {what}")
            facts = [ctx.facts.surrogate_summary()]
            facts += [ctx.facts.fact(o) for o in st.outcomes]
            if st.status == "not_measured":
                facts.append(f"{lab}: not measured")
            yield ctx.finding(_SELF, c.start, c.end, msg, "; ".join(f for f in facts if f),
                              by_strength(SEVERITY, c.strength), r)
