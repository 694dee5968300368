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

from msvitd.rules._common import for_claim, lower

CODE = "C201"
NAME = "surrogate-told-as-clinical"
CATEGORY = "surrogate_to_clinical"
SEVERITY = "error"


def check(ctx):
    for r in ctx.readings:
        if ctx.about_other_study(r):
            continue
        for c in r.claims:
            if (c.strength == "correlational" and ctx.observational(r)) or not ctx.surrogate_told_as_clinical(c, r):
                continue
            st = ctx.facts.status(c.concept)
            lab = ctx.outcome_label(c.concept)
            what = ("did not differ" if st.status == "null" else "was not measured" if st.status != "supported" else
                    "was counted only within a composite outcome whose clinical outcomes did not differ on their own")
            msg = (f"claims a benefit on {lab}, a clinical outcome, but the trial's positive result was on "
                   f"surrogate measures ({ctx.facts.surrogate_names()}); {lab} {what}")
            facts = [ctx.facts.surrogate_summary()]
            facts += [ctx.facts.fact(o) for o in st.outcomes]
            if st.status == "supported":
                facts += [ctx.facts.fact(o) for o in ctx.facts.null_clinical[:2]]
            if st.status == "not_measured":
                facts.append(f"{lab}: not measured")
                # what the trial did measure of the clinical picture, and found no difference in
                facts += [ctx.facts.fact(o) for o in ctx.facts.null_clinical[:3]]
            sev = for_claim(SEVERITY, c.strength, r, c.end)
            if st.status == "supported":
                sev = lower(sev)  # the composite did count it (McDonald criteria): told as clinical, not unfounded
            yield ctx.hit(c.start, c.end, msg, "; ".join(f for f in facts if f), sev, r)
