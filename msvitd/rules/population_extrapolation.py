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

from msvitd.text.grammar import grammar
from msvitd.rules._common import lower

CODE = "C301"
NAME = "population-extrapolation"
CATEGORY = "population_extrapolation"
SEVERITY = "warning"

_OF_DISEASE = re.compile(r"\s+(?:of|in|for|among)\s+(?:the\s+|all\s+|people\s+with\s+|patients\s+with\s+)?",
                         re.IGNORECASE)
_CONDITION = re.compile(r"\s*(?:if|when|whether)\b", re.IGNORECASE)
_SUBJECT_OF_HEDGE = re.compile(r"\s+(?:may|might|could|can|will|would)\s+(?:have|be|not|well|also|already|know|"
                               r"remember|wonder|hear|read|see)\b", re.IGNORECASE)
_LIST_MARK = re.compile(r"\s*(?:\d{1,2}[.)]\s|[^\w\s«»\"“”'‘’(\[¿¡])")
_VERB_OF_QUESTION = re.compile(r"\b(?:should|shall|can|could|may|might|will|would|must|do|does|did|is|are|was|were|be|"
                               r"has|have|had|help|helps|work|works)\b|n['’]t\b", re.IGNORECASE)


def _agent(study) -> str:
    arm = study.intervention
    return getattr(arm, "short_label", None) or arm.agent.split("(")[0].strip()


def population_fact(study) -> str:
    pop = study.population
    if pop.description:
        text = pop.description.rstrip(".")
        if study.design.therapy == "monotherapy" and not re.search(r"untreated|no other|alone", text, re.I):
            text += f"; {_agent(study)} alone, no other treatment"
        return f"Population: {text}"
    bits = [pop.condition]
    if pop.age:
        bits.append(f"age {pop.age}")
    if study.design.therapy:
        bits.append("no other treatment" if study.design.therapy == "monotherapy" else "added to other treatment")
    if study.design.countries:
        bits.append("in " + ", ".join(study.design.countries))
    return "Population: " + "; ".join(bits)


def _opens_with_condition(ctx, clause) -> bool:
    """The clause opens with a condition ("If you have MS", "Si tienes EM", "Wenn Sie MS haben"): the
    language's hypothesis words (`negation.hypothetical`) or an English "when"."""
    if _CONDITION.match(ctx.text, clause.start):
        return True
    head = ctx.text[clause.start:min(clause.end, clause.start + 40)]
    lead = len(head) - len(head.lstrip(" \"'“‘«¿¡"))
    return any(h.start == lead for h in ctx.lexicon.hypothetical.find(head))


def _condition_after_advice(ctx, r, clause, advice) -> bool:
    """Advice, then a condition in the same clause naming whom it is for ("coaches recommend it, especially if
    they have a relative with MS", "je le conseille, surtout si ..."): the condition is the advice's audience.
    The condition opens with one of the language's subordinators that is also a hypothesis word (if, when), and
    the advice is to take the intervention (practice advice or a benefit)."""
    hyp = clause.hypothetical_from if clause is not None else None
    if hyp is None or not any(r.start + h.end <= hyp for h in advice):
        return False
    if not (r.benefit_context or ctx.find("practice", r)):
        return False  # "doctors recommend vitamin D tests, especially if ...": a test is not the intervention
    g = grammar(ctx.lexicon.lang)
    return bool(g.subordinate.match(ctx.text[hyp:hyp + 30])) and any(
        h.start == 0 for h in ctx.lexicon.hypothetical.find(ctx.text[hyp:hyp + 30]))


def _names_intervention(ctx, r) -> bool:
    if ctx.refers_to_other(r):
        return False  # "Interferon is a standard drug. It also works for ...": the pronoun is the other agent
    return any(c.about_intervention for c in r.clauses) or bool(r.intervention) or ctx.names_dose(r) or ctx.refers_back(r)


def _list_under_question(ctx, r, asked) -> bool:
    """A short line of a list under a question asking whom the intervention is for ("Who is it for?", "Qui est
    concerné ?": the language's `article.advice_question` table), in the question's paragraph: each line names
    people the piece tells to take it (a line with a list mark, or a verbless line with no closing stop)."""
    return asked == r.sentence.paragraph and not r.question and len(r.sentence.text.split()) <= 16 and bool(
        r.sentence.heading or _LIST_MARK.match(r.sentence.text))


def check(ctx):
    prev = None
    asked = None  # the paragraph of the last question asking whom the intervention is for
    for r in ctx.readings:
        before, prev = prev, r
        if ctx.about_other_study(r):
            continue
        if r.question and ctx.find("advice_question", r):
            asked = r.sentence.paragraph
        listed = _list_under_question(ctx, r, asked)
        # advice counts unless it is negated ("not recommended") or hypothetical; a negation elsewhere in
        # the clause ("fine to take it ..., so there is no need to choose") does not undo it
        advice = [h for h in ctx.lexicon.advice.find(r.sentence.text)
                  if not (c := r.clause_at(r.start + h.start))
                  or not (r.negated_at(r.start + h.start) or c.hypothetical_at(r.start + h.start))]
        # advice that goes on from the sentence before, in the same paragraph ("Take 4,000 IU a day. If
        # MS runs in your family, start now."): it is about the intervention the sentence before named
        about = listed or _names_intervention(ctx, r) or bool(
            advice and before is not None and before.sentence.paragraph == r.sentence.paragraph
            and not r.sentence.heading and _names_intervention(ctx, before))
        strong = (listed or r.benefit_context or any(h.label == "strong" for h in r.hype) or bool(advice)
                  or bool(ctx.lexicon.comparison_cues.search(r.sentence.text)))
        if not (about and (strong or r.hedged)):
            continue
        if not strong and r.question and not _VERB_OF_QUESTION.search(r.sentence.text):
            continue  # a verbless question, a title ("Re: Vitamin D for PPMS?"), names a topic; it claims nothing
        seen = set()
        for m in r.populations:
            info = ctx.lexicon.population_info.get(m.concept, {})
            scope = info.get("scope", "")
            if not scope or ctx.population_covered(scope, m.concept) or m.concept in seen:
                continue
            if ctx.narrowed(r, m):
                continue  # "all patients with a first episode": the group is narrowed to the one studied
            clause = r.clause_at(m.start)
            if clause is not None and clause.strength == "none" and r.negated_at(m.start):
                continue
            if info.get("context") == "advice" and (not (advice or listed) or ctx.find("practice_caution", r)):
                continue  # the reader addressed only by advice; advice tied to a doctor's word is no extrapolation
            elsewhere = any(c.benefit_context for c in r.clauses if c is not clause) or any(
                not (clause.start <= r.start + h.start < clause.end) for h in advice)
            if clause is not None and clause.hypothetical_at(m.start) and not (
                    elsewhere and _opens_with_condition(ctx, clause)) and not _condition_after_advice(ctx, r, clause, advice):
                continue  # ... but "If you have MS, start supplementing now" names whom the advice is for
            if not strong and _SUBJECT_OF_HEDGE.match(ctx.text, m.end):
                continue  # "You may have seen headlines": the people named are who reads, not who benefits
            seen.add(m.concept)
            sev = lower(SEVERITY) if r.hedged else SEVERITY
            yield ctx.hit(m.start, m.end,
                          f"carries the result to {info.get('label', m.concept)}, a group the trial did not study",
                          population_fact(ctx.study), sev, r)
        if not seen and not r.populations:
            hit = _disease_in_general(ctx, r)
            if hit is not None:
                yield hit


def _disease_in_general(ctx, r):
    """ "reduces the activity of multiple sclerosis": the trial's benefit stated for the disease as a
    whole, with no population named, when the trial studied one stage of it (CIS)."""
    if ctx.population_covered("stage:any") or r.question:
        return None
    for c in r.claims:
        if ctx.facts.status(c.concept).status != "supported" or c.strength == "correlational":
            continue
        if ctx.lexicon.outcome_info.get(c.concept, {}).get("disease_is_endpoint"):
            continue  # "a lower risk of converting to MS": the disease is the endpoint, not a population
        lo, hi = c.start - r.start, min(c.end - r.start + 30, len(r.sentence.text))
        generic = {g.lower() for g in (ctx.lexicon.data.get("disease_object") or {}).get("generic", [])}
        for d in ctx.lexicon.disease_terms.find(r.sentence.text[lo:hi]):
            start, end = r.start + lo + d.start, r.start + lo + d.end
            if d.text.lower() in generic or ctx.lexicon.populations.search(d.text):
                continue
            # the disease as the head of what the benefit acts on: "the activity of MS", "slows MS",
            # "reduced disease activity in MS"; not a modifier ("MS activity", "signs of MS on scans")
            ends_mention = c.mention.start <= start and end == c.mention.end
            after_mention = c.mention.end <= start and _OF_DISEASE.fullmatch(ctx.text[c.mention.end:start])
            if not (ends_mention or after_mention):
                continue
            sev = lower(SEVERITY) if r.hedged else SEVERITY
            return ctx.hit(start, end, f"states the result for {d.text} in general; the trial studied one stage of it",
                           population_fact(ctx.study), sev, r)
    return None
