"""Wording more certain than the evidence allows ("proves", "clearly shows", "vitamin D slows MS").

What it flags
    Boosters (msvitd/data/lexicons/boosters.yaml: proves, proven, clearly demonstrated,
    conclusively, confirms...) about the study's result: a warning.  And a general
    present-tense causal statement in the body of an article ("vitamin D reduces disease
    activity.") about an outcome the trial did support, where GRADE would say "probably
    reduces": info (headlines are exempt: headline style uses the present for past events).  Claims already
    flagged as surrogate or null-outcome spin are not flagged again.

Why it matters
    One randomised trial with some risk of bias gives at best moderate certainty; GRADE's
    guidance for communicating findings (Santesso et al. 2020, J Clin Epidemiol) maps
    moderate certainty to "probably" and low certainty to "may".  Sumner et al. 2014 (BMJ)
    and Adams et al. 2017 found that causal and certainty inflation in press releases is
    reproduced in news; Yu et al. 2019 measured how often direct causal language overstates
    observational or preliminary findings.

Example
    "The study clearly demonstrated that vitamin D protects the brain."

Better
    "In this trial, vitamin D probably reduced MS activity seen on MRI."
"""

from __future__ import annotations

import re
import sys

from msvitd.rules._common import negated_before

CODE = "C102"
NAME = "overstated-certainty"
CATEGORY = "certainty_overstated"
SEVERITY = "warning"
_SELF = sys.modules[__name__]
_ALREADY = ("C201", "C202")
_GENERIC_SUBJECT = re.compile(r"\b(?:a|an|any)\s+[\w-]+\s+(?:that|which)\s+$", re.IGNORECASE)


def check(ctx):
    for r in ctx.readings:
        if ctx.about_other_study(r):
            continue
        done = False
        for b in r.boosters:
            clause = r.clause_at(b.start)
            if negated_before(ctx.text, b.start, r.start) or clause is None:
                continue
            settles = bool(ctx.lexicon.settles.search(b.text))  # lexicon `settles:`, per language
            if not (r.benefit_context or r.claims or settles):
                continue
            if clause.hypothetical_at(b.start):
                continue
            end = b.end
            for c in r.claims:
                if c.start >= b.end and c.start - b.end < 60:
                    end = c.end
                    break
            yield ctx.finding(_SELF, b.start, end,
                              f"\"{b.text}\" presents a single trial's result as settled; GRADE would say "
                              f"\"probably\" for one trial of moderate certainty",
                              ctx.facts.fact(ctx.facts.primary), SEVERITY, r)
            done = True
            break
        if done:
            continue
        for c in r.claims:
            # headlines use the present tense for past events ("Vitamin D cuts lesions"): not a generalisation
            if c.strength != "direct_causal" or not c.present_tense or r.sentence.heading:
                continue
            if _GENERIC_SUBJECT.search(ctx.text, max(r.start, c.cue.start - 40), c.cue.start):
                continue  # "A drug that reduces lesions does not ...": any drug, not this trial's result
            if ctx.facts.status(c.concept).status != "supported" or ctx.flagged(c.start, c.end, _ALREADY):
                continue
            outs = ctx.facts.status(c.concept).outcomes
            yield ctx.finding(_SELF, c.cue.start, c.cue.end,
                              f"\"{c.cue.text}\" states as a general fact what one trial found; GRADE would say "
                              f"\"probably {c.cue.text.rstrip('s') if c.cue.text.endswith('s') else c.cue.text}\"",
                              ctx.facts.fact(outs[0]), "info", r)
            break
