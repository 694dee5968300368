"""Wording more certain than the evidence allows ("proves", "clearly shows", "vitamin D slows MS").

What it flags
    Boosters (msvitd/data/lexicons/boosters.yaml: proves, proven, clearly demonstrated,
    conclusively, confirms...) about the study's result: a warning.  And a general
    present-tense causal statement in the body of an article ("vitamin D reduces disease
    activity.") about an outcome the trial did support, where GRADE would say "probably
    reduces": info (headlines are exempt: headline style uses the present for past events).  Claims already
    flagged as surrogate or null-outcome spin are not flagged again.  Claims about the strength of
    the evidence ("compelling evidence", "the first robust evidence", "validated") and practice
    advice drawn from the trial ("consider it as part of standard care", "patients should take it")
    when the trial's clinical outcomes did not differ or only surrogate outcomes improved: a warning.

Why it matters
    Yavchitz et al. 2016 (J Clin Epidemiol) ranked a recommendation the results do not support as
    the most severe form of spin.
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

from msvitd.facts.harms import harm_fact
from msvitd.rules._common import negated_after, negated_before

CODE = "C102"
NAME = "overstated-certainty"
CATEGORY = "certainty_overstated"
SEVERITY = "warning"
_GENERIC_SUBJECT = re.compile(r"\b(?:a|an|any)\s+[\w-]+\s+(?:that|which)\s+$", re.IGNORECASE)



def _boosted(ctx, r):
    """The first booster of the sentence that presents the result as settled, as a hit."""
    settled = ctx.lexicon.article.get("settled")
    evidence = ctx.lexicon.article.get("evidence_strength")
    for b in r.boosters:
        clause = r.clause_at(b.start)
        # "not proven", and the booster denied after it: "Bewiesen ist damit noch nichts", "Proven it is not"
        if negated_before(ctx.text, b.start, r.start) or negated_after(ctx.text, b.end) or clause is None or \
                clause.hypothetical_at(b.start) or _about_other_agent(r, clause):
            continue
        # the language's `settles:` table (proves, once and for all...) or the article table `settled:`
        settles = bool(ctx.lexicon.settles.search(b.text)) or bool(settled and settled.search(b.text))
        # "compelling evidence" for one trial whose clinical outcomes did not differ
        # (not "strong evidence that it does not prevent relapses": a null result told firmly is no spin)
        strength = (bool(evidence and evidence.search(b.text)) and ctx.weak_clinical_evidence and not r.question
                    and not r.null_result and r.direction != "no_difference" and not r.negated_at(b.end)
                    and (r.intervention or bool(r.claims)))
        if not (r.benefit_context or r.claims or settles or strength):
            continue
        end = b.end
        for c in r.claims:
            if c.start >= b.end and c.start - b.end < 60:
                end = c.end
                break
        return ctx.hit(b.start, end, f"\"{b.text}\" presents a single trial's result as settled; GRADE would say "
                                     f"\"probably\" for one trial of moderate certainty",
                       ctx.facts.fact(ctx.facts.primary), reading=r)
    return None


def _about_other_agent(r, clause) -> bool:
    """The booster's clause is about another agent only, in a sentence that names the intervention elsewhere
    ("compared with DMTs, which have been proven to reduce relapses"): not the trial's result told as settled."""
    return r.intervention and not clause.about_intervention and not clause.benefit_context


def _practice(ctx, r):
    """Practice advice drawn from a trial whose clinical outcomes did not improve."""
    if not ctx.weak_clinical_evidence or r.question or not (
            r.intervention or ctx.names_dose(r) or ctx.refers_back(r)
            or any(c.about_intervention and c.benefit_context for c in r.clauses)):
        return None
    for h in ctx.find("practice", r):
        clause = r.clause_at(h.start)
        if r.negated_at(h.start) or negated_before(ctx.text, h.start, r.start) or (
                clause is not None and clause.hypothetical_at(h.start)):
            continue
        if ctx.find("research_need", r) or ctx.find("practice_caution", r):
            return None  # "should be tested in larger trials", "only under medical supervision": not a recommendation
        if not h.text.lower().startswith(("should", "must", "ought")) and " " not in h.text.strip() and \
                not ctx.intervention_words.search(ctx.text[h.end:min(clause.end if clause else r.end, h.end + 60)]):
            continue  # an imperative ("Consider the numbers: ...") recommends only when its object is the intervention
        # advice to people the trial did not study is also population extrapolation (C301 says so);
        # it stays a recommendation the trial's certainty does not support
        nulls = ctx.facts.null_clinical
        primary = ctx.facts.primary
        what = (", ".join(o.name.split("(")[0].strip().lower() for o in nulls[:4]) + " did not differ") if nulls else \
            (f"the primary outcome ({primary.name.split('(')[0].strip().lower()}) did not differ"
             if getattr(primary, "significant", None) is False else "only surrogate outcomes improved")
        return ctx.hit(r.start, r.end, f"recommends the intervention in practice from one trial in which {what}; "
                                       f"its certainty does not support a recommendation",
                       "; ".join(ctx.facts.fact(o) for o in nulls[:3]) or ctx.facts.fact(ctx.facts.primary),
                       reading=r)
    return None


def _tolerance(ctx, r):
    """The intervention told as well tolerated or safe ("how well the high dose was tolerated") when the study
    file records a harm clearly more frequent on it (msvitd/facts/harms.py): safety told as settled against the
    trial's own safety table.  Not when denied, asked, hypothetical, or qualified after it ("but ...": the
    language's ``article: tolerated_qualified`` words)."""
    excess = ctx.harm_excess
    if not excess or r.question or not (r.intervention or ctx.refers_back(r)):
        return None
    for h in ctx.find("tolerated", r):
        clause = r.clause_at(h.start)
        if r.negated_at(h.start) or negated_before(ctx.text, h.start, r.start) or (
                clause is not None and clause.hypothetical_at(h.start)) or any(
                    q.start >= h.end for q in ctx.find("tolerated_qualified", r)):
            continue
        names = ", ".join(x.name.lower() for x in excess[:2])
        return ctx.hit(h.start, h.end, f"calls the intervention well tolerated or safe, but the trial recorded more "
                                       f"{names} on it than on the comparator",
                       "; ".join(harm_fact(x) for x in excess[:2]), reading=r)
    return None


def check(ctx):
    for r in ctx.readings:
        if ctx.about_other_study(r):
            continue
        hit = _boosted(ctx, r) or _practice(ctx, r) or _tolerance(ctx, r)
        if hit is not None:
            yield hit
            continue
        for c in r.claims:
            # headlines use the present tense for past events ("Vitamin D cuts lesions"): not a generalisation
            if c.strength != "direct_causal" or not c.present_tense or r.sentence.heading:
                continue
            if _GENERIC_SUBJECT.search(ctx.text, max(r.start, c.cue.start - 40), c.cue.start):
                continue  # "A drug that reduces lesions does not ...": any drug, not this trial's result
            if ctx.facts.status(c.concept).status != "supported" or any(
                    ctx.spun(o, r) for o in r.claims if o.start < c.end and c.start < o.end):
                continue
            outs = ctx.facts.status(c.concept).outcomes
            word = c.cue.text.rstrip("s") if c.cue.text.endswith("s") else c.cue.text
            yield ctx.hit(c.cue.start, c.cue.end, f"\"{c.cue.text}\" states as a general fact what one trial found; "
                                                  f"GRADE would say \"probably {word}\"",
                          ctx.facts.fact(outs[0]), "info", r)
            break
