"""A benefit claimed for an outcome where the study found no significant difference, or did not measure.

What it flags
    A claim that the intervention reduces, prevents or improves an outcome (relapse,
    disability, quality of life, fatigue, symptoms...) whose study outcome has
    `significant: false`, or a clinical outcome the study did not measure at all.
    Negated or null reporting ("did not find a significant difference in relapse rates",
    "no difference in relapse") is correct and never flagged; a claim followed by "but the
    difference was not significant" is not flagged either.  Direct claims are errors, hedged
    ones warnings, "linked to" wording about the trial's result info (a "linked to" sentence
    about vitamin D levels or deficiency is epidemiology and is not flagged).

Why it matters
    Reporting a benefit on an outcome where the trial found none is the core of "spin" as
    defined by Boutron et al. 2010 (JAMA): a non-significant result presented as beneficial.
    Yavchitz et al. 2012 (PLoS Med) found such spin in abstracts carried straight into news.
    Readers care most about relapses and disability; these are exactly the outcomes a
    surrogate-driven trial may leave unchanged.

Example
    "High-dose vitamin D cut relapses in people with early MS" (relapse: 17.9% vs 21.8%, not significant).

Better
    "Relapse rates did not differ significantly between the groups (17.9% vs 21.8%)."
"""

from __future__ import annotations

from msvitd.rules._common import for_claim

CODE = "C202"
NAME = "benefit-claimed-for-null-outcome"
CATEGORY = "null_outcome_spun"
SEVERITY = "error"


def check(ctx):
    for r in ctx.readings:
        if ctx.about_other_study(r):
            continue
        for c in r.claims:
            status = ctx.null_outcome_claim(c, r)
            if status is None:
                continue
            st = ctx.facts.status(c.concept)
            lab = ctx.outcome_label(c.concept)
            if status == "null":
                msg = f"claims a benefit on {lab}, but the trial found no significant difference in {lab}"
                nulls = [o for o in ctx.facts.by_concept.get(c.concept, []) if o.significant is False]
                fact = "; ".join(ctx.facts.fact(o) for o in (nulls or st.outcomes))
            elif ctx.facts.null_clinical:
                # "eases symptoms": the clinical outcomes the trial did measure did not differ
                nulls = ctx.facts.null_clinical
                names = ", ".join(o.name.split("(")[0].strip().lower() for o in nulls[:4])
                msg = (f"claims a benefit on {lab}, which the trial did not measure as such; the clinical "
                       f"outcomes it measured ({names}) did not differ")
                fact = "; ".join([f"{lab}: not measured"] + [ctx.facts.fact(o) for o in nulls[:3]]
                                 + [ctx.facts.surrogate_summary()])
            else:
                msg = f"claims a benefit on {lab}, which the trial did not measure"
                fact = f"{lab}: not measured; " + (ctx.facts.surrogate_summary() or ctx.facts.fact(ctx.facts.primary))
            yield ctx.hit(c.start, c.end, msg, fact, for_claim(SEVERITY, c.strength, r, c.end), r)
