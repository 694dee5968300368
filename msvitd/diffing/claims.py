"""An article's PICO claims read from its raw text, for the PICO rows of `msvitd diff`.

One reading serves both commands (issue 16.8): the article is read by critique's engine, the
population is "broader" only where critique's population rule (C301) finds the result carried
beyond the study, and an outcome whose figures the one number matcher matches is reported as the
source has it. One pass over the readings per PICO element.
"""

from __future__ import annotations

import re

from msvitd.text.numbers import find_numbers


def claims_from_text(text: str, study):
    """Claims built from a raw article with the shared text reading (the one `critique` uses).
    Returns ``(claims, note)``: the note says why no claims were read, if the reader failed."""
    from msvitd.critique.engine import build_context
    from msvitd.models.article import Claims

    try:
        ctx = build_context(text, study)
        return _claims(text, study, ctx.readings, ctx.lexicon, ctx), None
    except Exception as exc:  # the reader's problem must not bring diff down
        return Claims(), f"the text reader failed ({type(exc).__name__}: {exc}); PICO rows not judged"


def _carried_beyond(ctx) -> list:
    """Sentences where critique's population rule (C301) finds the result carried beyond the study."""
    from msvitd.rules import population_extrapolation

    return [h for h in population_extrapolation.check(ctx)]


def _reported_outcomes(ctx, study) -> list:
    """(outcome, sentence) for each outcome whose own figures the number matcher matched in a sentence."""
    out, seen = [], set()
    for row in ctx.number_rows:
        f = row.source_fact
        if row.verdict not in ("match", "rounded") or f is None or ": % with the outcome" not in f.label:
            continue
        name = f.label.split(",")[0]
        o = next((x for x in study.outcomes if x.name == name), None)
        if o is not None and o.id not in seen:
            seen.add(o.id)
            out.append((o, row.sentence))
    return out


# English words the element passes look for (a target for text/lang/<code>/ data, as the rules' are)
_TOOK = re.compile(r"\b(?:received|given|took|taking)\b")
_DOSE_WORD = re.compile(r"\b(?:dose|dosage)\b", re.I)
_PLACEBO = re.compile(r"\bplacebo\b", re.I)
_STRENGTHS = ("none", "correlational", "conditional_causal", "direct_causal")


def _claims(text: str, study, readings, lexicon, ctx=None):
    """The article's claims, one pass over the readings per PICO element."""
    from msvitd.models.article import Claims

    carried = _carried_beyond(ctx) if ctx is not None else None
    quoted = [(r, q) for r in readings if (q := text[r.sentence.start:r.sentence.end].strip())]
    outcomes, limitations = _outcome_claims(study, quoted)
    if ctx is not None:  # an outcome reported with the source's own figures is reported as the source has it
        outcomes += _reported_claims(ctx, study, {c.outcome for c in outcomes})
    return Claims(population=_population_claim(text, study, readings, quoted, lexicon, carried),
                  intervention=_intervention_claim(text, study, readings, quoted),
                  comparator=_comparator_claim(study, quoted), outcomes=outcomes, limitations=limitations)


def _sentence_text(text: str, r) -> str:
    return text[r.sentence.start:r.sentence.end].strip()


def _population_claim(text: str, study, readings, quoted, lexicon, carried):
    """The populations the article names; "broader" where critique's population rule (C301) finds the
    result carried beyond the study (without that judgement: a population outside the study's stage)."""
    from msvitd.models.article import PicoClaim

    stage = study.population.stage or ""
    labels, quote, broader = [], None, False
    for r, q in quoted:
        for m in r.populations:
            info = lexicon.population_info.get(m.concept, {})
            label = info.get("label", m.concept)
            scope = info.get("scope", "")
            inside = scope == f"stage:{stage}" or (scope.startswith("stage:") and scope[6:] in ("", stage))
            if carried is not None:  # critique's judgement: named beyond the study in a claim or advice
                inside = not any(h.start is not None and r.start <= h.start < r.end for h in carried)
            if not inside:
                broader = True
                quote = quote or q
            if label not in labels:
                labels.append(label)
    if carried:  # "the activity of multiple sclerosis": no population word, but carried beyond the study
        broader = True
        first = next(r for r in readings if r.start <= carried[0].start < r.end)
        quote = quote or _sentence_text(text, first)
        labels = labels or [carried[0].message.split(" for ", 1)[-1].split(";")[0]]
    if not labels:
        return None
    return PicoClaim(quote=quote or next((_sentence_text(text, r) for r in readings if r.populations), ""),
                     summary=", ".join(labels), scope="broader" if broader else "same")


def _intervention_claim(text: str, study, readings, quoted):
    """Where the article says who took the intervention; "broader" when it never gives the dose."""
    from msvitd.models.article import PicoClaim

    quote, fallback = None, []
    for r, q in quoted:
        if r.intervention and _TOOK.search(q):
            quote = quote or q
        elif quote is None and r.intervention and _DOSE_WORD.search(q):
            fallback.append(q)
    quote = quote or (fallback[0] if fallback else None) or next(
        (_sentence_text(text, r) for r in readings if r.intervention), None)
    if not quote:
        return None
    arm = study.intervention
    dose_given = arm.dose is None or any(
        m.kind == "dose" and abs(m.value - arm.dose) < 1e-9 for m in find_numbers(text))
    return PicoClaim(quote=quote, summary=arm.agent.split("(")[0].strip() + ("" if dose_given else ", dose not given"),
                     scope="same" if dose_given else "broader")


def _comparator_claim(study, quoted):
    """The first sentence naming the comparator: "placebo", or as the study file names it ("regular salt")."""
    from msvitd.models.article import PicoClaim

    names = {n for n in (study.comparator.agent, study.comparator.label, getattr(study.comparator, "short_label", None))
             if n and len(n) > 3}
    named = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.I) if names else None
    quote = next((q for _, q in quoted if _PLACEBO.search(q) or (named is not None and named.search(q))), None)
    if quote is None:
        return None
    said = "placebo" if _PLACEBO.search(quote) else study.comparator.agent
    return PicoClaim(quote=quote, summary=said,
                     scope="same" if said.lower() in study.comparator.agent.lower() else "different")


def _outcome_claims(study, quoted) -> tuple[list, list]:
    """A claim per (sentence, outcome concept) the article asserts a direction for, and the limitations
    it acknowledges by saying an outcome did not differ."""
    from msvitd.models.article import LimitationClaim, OutcomeClaim

    by_concept: dict[str, object] = {}
    for o in sorted(study.outcomes, key=lambda o: o.role != "primary"):
        for c in o.concepts:
            by_concept.setdefault(c, o)
    lim_by_concept = {}
    for lim in study.limitations:
        for c in lim.concepts:
            lim_by_concept.setdefault(c, lim)
    outcomes, limitations, seen = [], [], set()
    for r, quote in quoted:
        direction = r.direction
        if not (r.intervention or r.claims or direction == "no_difference"):
            continue  # background ("MS is thought to be triggered ..."), not a claim about the trial
        for m in r.outcomes:
            if not _asserted(r, m, direction) or (r.sentence.start, m.concept) in seen:
                continue
            seen.add((r.sentence.start, m.concept))
            o = by_concept.get(m.concept)
            if o is None and direction == "no_difference":
                continue  # "no difference in symptoms": not a claim the source must back
            if direction == "harm" and not r.claims:
                continue  # "deficiency has been linked to MS": background epidemiology, not a trial claim
            outcomes.append(OutcomeClaim(quote=quote, outcome=o.id if o else None,
                                         concept=None if o else m.concept, direction=direction,
                                         strength=r.strength if r.strength in _STRENGTHS else "none"))
            if direction == "no_difference" and m.concept in lim_by_concept:
                limitations.append(LimitationClaim(quote=quote, limitation=lim_by_concept[m.concept].id))
    return outcomes, limitations


def _asserted(r, m, direction: str) -> bool:
    """Whether the reading asserts a direction for the outcome it mentions."""
    if m.negated and direction != "no_difference":
        return False
    if direction not in ("benefit", "no_difference", "harm"):
        return False
    if direction == "no_difference" and not (m.negated or r.null_result):
        return False  # "measured MRI activity ... and cannot show whether it slows disability": MRI is not denied
    return not (direction == "benefit" and not (r.claims or r.intervention or r.benefit_context))


def _reported_claims(ctx, study, told: set) -> list:
    """Outcomes the article reports with the source's own figures but asserts nothing about."""
    from msvitd.models.article import OutcomeClaim

    return [OutcomeClaim(quote=sentence, outcome=o.id, concept=None,
                         direction="benefit" if o.significant else "no_difference", strength="none")
            for o, sentence in _reported_outcomes(ctx, study) if o.id not in told]
