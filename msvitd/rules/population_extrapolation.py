"""Results carried beyond the population the trial studied (CIS in France -> everyone with MS).

What it flags
    In a sentence that claims a benefit, recommends the intervention or hypes it, a mention of
    a population the trial did not include, judged against the study file: a disease stage
    outside `population.stage` ("people with MS", "progressive MS" for a CIS trial), people
    already on other treatments (for a monotherapy trial), settings the trial did not run in
    ("regions with limited access to treatment"), ages outside the inclusion range, or people
    without the disease.  Hedged sentences give info, others warnings.

Why it matters
    Applicability is a GRADE indirectness domain: a result in untreated adults with a recent
    clinically isolated syndrome says little about people with established or progressive
    MS, or about people taking disease-modifying drugs.  Sumner et al. 2014 (BMJ) counted
    extrapolation beyond the study population among the commonest exaggerations in press
    releases and news; HealthNewsReview asked whether a story overstated who could benefit.

Example
    "...could be a game-changer for MS patients, particularly in regions where access to expensive medications is limited."

Better
    "The trial included untreated adults with a first MS-like episode (CIS) in France; whether this applies to others is unknown."
"""

from __future__ import annotations

import re
import sys

from msvitd.critique.result import lower

CODE = "C301"
NAME = "population-extrapolation"
CATEGORY = "population_extrapolation"
SEVERITY = "warning"
_SELF = sys.modules[__name__]

_STAGE_COVERS = {
    "cis": {"cis", "early"},
    "rrms": {"rrms", "early"},
    "cis_or_rrms": {"cis", "early", "rrms"},
    "progressive": {"progressive"},
    "mixed": {"cis", "early", "rrms", "progressive", "any"},
    "at_risk": {"everyone"},
}


_CONDITION = re.compile(r"\s*(?:if|when|whether)\b", re.IGNORECASE)
_SUBJECT_OF_HEDGE = re.compile(r"\s+(?:may|might|could|can|will|would)\s+(?:have|be|not|well|also|already|know|"
                               r"remember|wonder|hear|read|see)\b", re.IGNORECASE)


_VERB_OF_QUESTION = re.compile(r"\b(?:should|shall|can|could|may|might|will|would|must|do|does|did|is|are|was|were|be|"
                               r"has|have|had|help|helps|work|works)\b|n['’]t\b", re.IGNORECASE)
_LEVEL_CEILING = re.compile(r"(?:vitamin D|25\(OH\)D|hydroxyvitamin D|calcidiol)\b.{0,20}?"
                            r"(?:below|under|less than|lower than|<|≤)\s*\d", re.IGNORECASE)


def _age_bounds(age: str | None) -> tuple[float, float]:
    nums = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", age or "")]
    if len(nums) >= 2:
        return nums[0], nums[1]
    return 0.0, 200.0


def _subgroup_concepts(ctx) -> set[str]:
    """Populations the study reported a subgroup for ("met 2017 McDonald criteria for RRMS")."""
    out = set()
    for g in ctx.study.subgroups:
        for h in ctx.lexicon.populations.find(f"{g.variable}. {g.finding}"):
            out.add(h.label)
    return out


def covered(ctx, scope: str, concept: str = "") -> bool:
    if concept and concept in _subgroup_concepts(ctx):
        return True
    s = ctx.study
    pop = s.population
    if scope.startswith("stage:"):
        stage = scope.split(":", 1)[1]
        covers = _STAGE_COVERS.get(pop.stage or "", None)
        return True if covers is None else stage in covers
    if scope == "everyone":
        return pop.stage == "at_risk"
    if scope == "treated":
        return s.design.therapy == "add_on"
    if scope == "untreated":
        return s.design.therapy != "add_on"
    if scope == "setting":
        return bool(re.search(r"low[- ]income|resource|developing", pop.setting or "", re.I))
    lo, hi = _age_bounds(pop.age)
    if scope == "children":
        return lo < 18
    if scope == "older":
        return hi >= 65
    if scope == "not_deficient":
        # deficiency required, or a ceiling on the level ("25-hydroxyvitamin D below 100 nmol/L")
        return not any(re.search(r"deficien|insufficien", i, re.I) or _LEVEL_CEILING.search(i) for i in pop.inclusion)
    return True


def population_fact(study) -> str:
    pop = study.population
    if pop.description:
        text = pop.description.rstrip(".")
        if study.design.therapy == "monotherapy" and not re.search(r"untreated|no other|alone", text, re.I):
            text += "; vitamin D alone, no other MS treatment"
        return f"Population: {text}"
    bits = [pop.condition]
    if pop.age:
        bits.append(f"age {pop.age}")
    if study.design.therapy:
        bits.append("no other MS treatment" if study.design.therapy == "monotherapy" else "added to other MS treatment")
    if study.design.countries:
        bits.append("in " + ", ".join(study.design.countries))
    return "Population: " + "; ".join(bits)


def check(ctx):
    for r in ctx.readings:
        if ctx.about_other_study(r):
            continue
        about = any(c.about_intervention for c in r.clauses) or r.intervention
        # advice counts unless it is negated ("not recommended") or hypothetical; a negation elsewhere in
        # the clause ("fine to take it ..., so there is no need to choose") does not undo it
        advice = [h for h in ctx.lexicon.advice.find(r.sentence.text)
                  if not (c := r.clause_at(r.start + h.start))
                  or not (r.negated_at(r.start + h.start) or c.hypothetical_at(r.start + h.start))]
        strong = (r.benefit_context or any(h.label == "strong" for h in r.hype) or bool(advice)
                  or bool(ctx.lexicon.comparison_cues.search(r.sentence.text)))
        if not (about and (strong or r.hedged)):
            continue
        if not strong and r.question and not _VERB_OF_QUESTION.search(r.sentence.text):
            continue  # a verbless question, a title ("Re: Vitamin D for PPMS?"), names a topic; it claims nothing
        seen = set()
        for m in r.populations:
            info = ctx.lexicon.population_info.get(m.concept, {})
            scope = info.get("scope", "")
            if not scope or covered(ctx, scope, m.concept) or m.concept in seen:
                continue
            clause = r.clause_at(m.start)
            if clause is not None and clause.strength == "none" and r.negated_at(m.start):
                continue
            if info.get("context") == "advice" and not advice:
                continue
            elsewhere = any(c.benefit_context for c in r.clauses if c is not clause) or any(
                not (clause.start <= r.start + h.start < clause.end) for h in advice)
            if clause is not None and clause.hypothetical_at(m.start) and not (
                    elsewhere and _CONDITION.match(ctx.text, clause.start)):
                continue  # ... but "If you have MS, start supplementing now" names whom the advice is for
            if not strong and _SUBJECT_OF_HEDGE.match(ctx.text, m.end):
                continue  # "You may have seen headlines": the people named are who reads, not who benefits
            seen.add(m.concept)
            sev = lower(SEVERITY) if r.hedged else SEVERITY
            yield ctx.finding(_SELF, m.start, m.end,
                              f"carries the result to {info.get('label', m.concept)}, a group the trial did not study",
                              population_fact(ctx.study), sev, r)
