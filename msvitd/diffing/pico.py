"""PICO side by side: the source's population, intervention, comparator, outcomes and limitations
beside the article's, each with a verdict: same, narrower, broader, different, omitted, unsupported.

Works from an article's curated claims (``msvitd.models.article.Claims``). For a raw article the
claims come from the shared text reading (``msvitd.text.reading``, the one `critique` uses), see
:func:`claims_from_text`.
"""

from __future__ import annotations

import re
from typing import Optional

from msvitd.diffing.result import NumberRow, PicoRow
from msvitd.facts.source import _cite, fmt, words
from msvitd.text.numbers import find_numbers

_RANK = {"same": 0, "narrower": 1, "broader": 1, "omitted": 1, "different": 2, "unsupported": 3}


def _worst(verdicts) -> str:
    return max(verdicts, key=lambda v: _RANK.get(v, 0))


def population_source(study) -> str:
    p = study.population
    return p.description or ", ".join(x for x in (p.condition, p.age, p.setting) if x)


def intervention_source(study) -> str:
    a = study.intervention
    parts = [a.route, a.agent]
    if a.dose is not None:
        parts.append(f"{fmt(a.dose)} {a.unit or ''}".strip())
    parts += [a.frequency, f"for {a.duration}" if a.duration else None]
    return " ".join(x for x in parts if x)


def comparator_source(study) -> str:
    a = study.comparator
    return " ".join(x for x in (a.agent, a.frequency) if x)


def outcome_source(study, o) -> str:
    parts = []
    i_id, c_id = study.intervention.id, study.comparator.id
    ri, rc = o.arms.get(i_id), o.arms.get(c_id)
    if ri and rc and ri.percent is not None and rc.percent is not None:
        parts.append(f"{fmt(ri.percent, 1)}% vs {fmt(rc.percent, 1)}%")
    elif ri and rc and ri.median is not None and rc.median is not None:
        parts.append(f"median {fmt(ri.median)} vs {fmt(rc.median)} {ri.unit or ''}".strip())
    e = o.effect
    if e and e.estimate is not None:
        s = f"{e.measure} {e.estimate:g}"
        if e.ci:
            s += f" ({e.ci[0]:.2f} to {e.ci[1]:.2f})"
        if e.p is not None:
            s += f", {e.p}"
        parts.append(s)
    sig = {True: "significant", False: "no significant difference", None: "significance not reported"}[o.significant]
    if not parts and o.finding:
        parts.append(o.finding)
    return f"{o.name}: " + "; ".join(parts + [sig])


_DIRECTION = {"benefit": "claims a benefit", "harm": "claims a harm", "no_difference": "says no difference",
              "unclear": "unclear direction"}


def outcome_verdict(o, direction: str) -> tuple[str, Optional[str]]:
    """The article's direction for an outcome against what the source found."""
    if o is None:
        return "unsupported", "the source has no such outcome"
    sig = o.significant
    favours_i = None
    if o.effect is not None and o.effect.estimate is not None:
        null = 1.0 if o.effect.is_ratio else 0.0
        favours_i = o.effect.estimate < null  # events are bad: below the null favours the intervention
    if direction == "benefit":
        if sig is True and favours_i is not False:
            return "same", None
        if sig is False:
            return "unsupported", "the source found no significant difference"
        return "different", "the source does not report a significant benefit"
    if direction == "no_difference":
        if sig is False:
            return "same", "acknowledged null"
        if sig is True:
            return "different", "the source found a significant difference"
        return "different", None
    if direction == "harm":
        if sig is True and favours_i is False:
            return "same", None
        return "unsupported" if sig is False else "different", "the source does not report this harm"
    return "different", "the article's direction is unclear"


def _scope(claim, source_text: str) -> str:
    if claim.scope:
        return claim.scope
    a, s = words(claim.summary) | words(claim.quote), words(source_text)
    if a <= s:
        return "same"
    return "different"


def pico_rows(study, claims, numbers: list[NumberRow] = (), text: str = "") -> list[PicoRow]:
    """Rows for every element: population, intervention (with dose, frequency, duration), comparator,
    each outcome (and each claimed outcome the source does not have), harms, limitations."""
    rows: list[PicoRow] = []
    for element, src, cite in (("population", population_source(study), study.population.cite),
                               ("intervention", intervention_source(study), study.intervention.cite),
                               ("comparator", comparator_source(study), study.comparator.cite)):
        c = getattr(claims, element)
        if c:
            rows.append(PicoRow(element, src, c.summary, _scope(c, src), c.quote, cite=_cite(cite)))
        else:
            rows.append(PicoRow(element, src, "(not described)", "omitted", cite=_cite(cite)))
        if element == "intervention":
            rows.extend(_intervention_details(study, numbers, text))
    # outcomes
    by_outcome: dict[str, list] = {}
    unmatched: dict[str, list] = {}
    for c in claims.outcomes:
        if c.study and c.study != study.id:
            continue
        o = study.outcome(c.outcome) if c.outcome else None
        if o is not None:
            by_outcome.setdefault(o.id, []).append(c)
        else:
            unmatched.setdefault(c.concept or c.outcome or "other", []).append(c)
    for o in study.outcomes:
        src = outcome_source(study, o)
        cs = by_outcome.get(o.id, [])
        if not cs:
            rows.append(PicoRow(f"outcome: {o.id}", src, "(not mentioned)", "omitted", cite=_cite(o.cite)))
            continue
        # what the article asserts about an outcome is its benefit (or harm) claims; asides that read as
        # "no difference" in the same article do not cancel them
        asserted = [c for c in cs if c.direction in ("benefit", "harm")] or cs
        judged = [(c, *outcome_verdict(o, c.direction)) for c in asserted]
        verdict = _worst(v for _, v, _ in judged)
        lead = next(c for c, v, _ in judged if v == verdict)
        note = next((n for c, v, n in judged if v == verdict and n), None)
        concepts = sorted({c.concept for c in cs if c.concept})
        art = _DIRECTION.get(lead.direction, lead.direction)
        if concepts:
            art += f" ({', '.join(x.replace('_', ' ') for x in concepts)})"
        if len(cs) > 1:
            art += f"; {len(cs)} passages"
        rows.append(PicoRow(f"outcome: {o.id}", src, art, verdict, lead.quote, note, cite=_cite(o.cite)))
    for concept, cs in unmatched.items():
        label = concept.replace("_", " ")
        harm_like = concept in ("adverse_events", "safety", "side_effects", "harms")
        if harm_like and study.harms:
            src = "; ".join(f"{h.name}: {_harm_text(study, h)}" for h in study.harms)
            rows.append(PicoRow(f"harms: {label}", src, _DIRECTION.get(cs[0].direction, cs[0].direction), "different",
                                cs[0].quote, "compare with the source's harms", cite=_cite(study.harms[0].cite)))
            continue
        art = _DIRECTION.get(cs[0].direction, cs[0].direction) + (f"; {len(cs)} passages" if len(cs) > 1 else "")
        rows.append(PicoRow(f"outcome: {label}", "(not measured in the source)", art, "unsupported", cs[0].quote,
                            "no outcome of the source answers to this"))
    # limitations
    acknowledged: dict[str, list] = {}
    extra = []
    for c in claims.limitations:
        if c.study and c.study != study.id:
            continue
        if c.limitation:
            acknowledged.setdefault(c.limitation, []).append(c)
        else:
            extra.append(c)
    for lim in study.limitations:
        cs = acknowledged.get(lim.id, [])
        src = re.sub(r"\s+", " ", lim.text).strip()
        if cs:
            rows.append(PicoRow(f"limitation: {lim.id}", src, "acknowledged", "same", cs[0].quote, cite=_cite(lim.cite)))
        else:
            rows.append(PicoRow(f"limitation: {lim.id}", src, "(not acknowledged)", "omitted", cite=_cite(lim.cite)))
    for c in extra:
        rows.append(PicoRow("limitation: (article)", "(not among the source's limitations)", "raises a caveat",
                            "unsupported", c.quote, "a caveat the source's list does not hold"))
    return rows


def _harm_text(study, h) -> str:
    i_id, c_id = study.intervention.id, study.comparator.id
    ri, rc = h.arms.get(i_id), h.arms.get(c_id)
    if ri and rc and ri.percent is not None and rc.percent is not None:
        return f"{fmt(ri.percent, 1)}% vs {fmt(rc.percent, 1)}%"
    return h.finding or "reported"


def _intervention_details(study, numbers: list[NumberRow], text: str) -> list[PicoRow]:
    """Dose, frequency and duration of the intervention: stated, different, or omitted by the article."""
    arm = study.intervention
    ai = study.arms.index(arm)
    acite = _cite(arm.cite)
    rows = []

    def rows_for(pred):
        return [n for n in numbers if n.source_fact is not None and pred(n)]

    if arm.dose is not None:
        src = f"{fmt(arm.dose)} {arm.unit or ''}".strip()
        hits = [n for n in numbers if n.kind == "dose"]
        same = [n for n in hits if n.verdict in ("match", "rounded") and n.source_fact
                and n.source_fact.label.endswith(": dose")]
        if same:
            rows.append(PicoRow("intervention: dose", src, same[0].quote, "same", same[0].sentence, cite=acite))
        elif hits:
            rows.append(PicoRow("intervention: dose", src, hits[0].quote, "different", hits[0].sentence, cite=acite))
        else:
            high = re.search(r"[^.\n]*\bhigh[- ]dose\b[^.\n]*", text or "", re.I)
            rows.append(PicoRow("intervention: dose", src, "“high-dose”, no amount" if high else "(not given)",
                                "omitted", high.group(0).strip() if high else None,
                                "the article never gives the dose", cite=acite))
    if arm.frequency:
        hits = rows_for(lambda n: ": frequency" in n.source_fact.label)
        if hits:
            n = hits[0]
            v = "same" if n.verdict in ("match", "rounded") else "different"
            rows.append(PicoRow("intervention: frequency", arm.frequency, f"every {n.quote}", v, n.sentence,
                                cite=acite))
        else:
            rows.append(PicoRow("intervention: frequency", arm.frequency, "(not given)", "omitted", cite=acite))
    if arm.duration:
        hits = rows_for(lambda n: n.kind == "duration" and (": duration" in n.source_fact.label
                                                           or "follow-up" in n.source_fact.label
                                                           or "timepoint" in n.source_fact.label
                                                           or "treatment duration" in n.source_fact.label))
        if hits:
            n = hits[0]
            v = "same" if n.verdict in ("match", "rounded") else "different"
            rows.append(PicoRow("intervention: duration", arm.duration, n.quote, v, n.sentence, cite=acite))
        else:
            rows.append(PicoRow("intervention: duration", arm.duration, "(not given)", "omitted", cite=acite))
    return rows


def claims_from_text(text: str, study):
    """Claims built from a raw article with the shared text reading (the one `critique` uses).

    One reading serves both commands (issue 16.8): the article is read by critique's engine, the
    population is "broader" only where critique's population rule finds the result carried beyond
    the study, and an outcome whose figures the one number matcher matches is reported as the
    source has it. Returns ``(claims, note)``.
    """
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


def _claims(text: str, study, readings, lexicon, ctx=None):
    from msvitd.models.article import Claims, LimitationClaim, OutcomeClaim, PicoClaim

    carried = _carried_beyond(ctx) if ctx is not None else None
    # the comparator as the study file names it ("regular salt"), besides "placebo"
    comp_names = {n for n in (study.comparator.agent, study.comparator.label, getattr(study.comparator, "short_label", None))
                  if n and len(n) > 3}
    comparator_words = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in comp_names) + r")\b", re.I) \
        if comp_names else re.compile(r"(?!x)x")

    by_concept: dict[str, object] = {}
    for o in sorted(study.outcomes, key=lambda o: o.role != "primary"):
        for c in o.concepts:
            by_concept.setdefault(c, o)
    stage = study.population.stage or ""
    outcomes, limitations, seen = [], [], set()
    pop_labels, pop_quote, pop_broader = [], None, False
    interv_quote = comp_quote = None
    interv_fallback: list[str] = []
    lim_by_concept = {}
    for lim in study.limitations:
        for c in lim.concepts:
            lim_by_concept.setdefault(c, lim)
    for r in readings:
        quote = text[r.sentence.start:r.sentence.end].strip()
        if not quote:
            continue
        for m in r.populations:
            info = lexicon.population_info.get(m.concept, {})
            label = info.get("label", m.concept)
            scope = info.get("scope", "")
            inside = scope == f"stage:{stage}" or (scope.startswith("stage:") and scope[6:] in ("", stage))
            if carried is not None:  # critique's judgement: named beyond the study in a claim or advice
                inside = not any(h.start is not None and r.start <= h.start < r.end for h in carried)
            if not inside:
                pop_broader = True
                if pop_quote is None:
                    pop_quote = quote
            if label not in pop_labels:
                pop_labels.append(label)
        if r.intervention and re.search(r"\b(?:received|given|took|taking)\b", quote):
            interv_quote = interv_quote or quote
        elif interv_quote is None and r.intervention and re.search(r"\b(?:dose|dosage)\b", quote, re.I):
            interv_fallback.append(quote)
        if comp_quote is None and (re.search(r"\bplacebo\b", quote, re.I) or comparator_words.search(quote)):
            comp_quote = quote
        direction = r.direction
        if not (r.intervention or r.claims or direction == "no_difference"):
            continue  # background ("MS is thought to be triggered ..."), not a claim about the trial
        for m in r.outcomes:
            if m.negated and direction != "no_difference":
                continue
            if direction not in ("benefit", "no_difference", "harm"):
                continue
            if direction == "benefit" and not (r.claims or r.intervention or r.benefit_context):
                continue
            key = (r.sentence.start, m.concept)
            if key in seen:
                continue
            seen.add(key)
            o = by_concept.get(m.concept)
            if o is None and direction == "no_difference":
                continue  # "no difference in symptoms": not a claim the source must back
            if direction == "harm" and not r.claims:
                continue  # "deficiency has been linked to MS": background epidemiology, not a trial claim
            outcomes.append(OutcomeClaim(quote=quote, outcome=o.id if o else None,
                                         concept=None if o else m.concept, direction=direction,
                                         strength=r.strength if r.strength in ("none", "correlational",
                                                                               "conditional_causal",
                                                                               "direct_causal") else "none"))
            if direction == "no_difference" and m.concept in lim_by_concept:
                limitations.append(LimitationClaim(quote=quote, limitation=lim_by_concept[m.concept].id))
    if carried:  # "the activity of multiple sclerosis": no population word, but carried beyond the study
        pop_broader = True
        first = next(r for r in readings if r.start <= carried[0].start < r.end)
        pop_quote = pop_quote or text[first.sentence.start:first.sentence.end].strip()
        pop_labels = pop_labels or [carried[0].message.split(" for ", 1)[-1].split(";")[0]]
    if ctx is not None:  # an outcome reported with the source's own figures is reported as the source has it
        told = {c.outcome for c in outcomes}
        for o, sentence in _reported_outcomes(ctx, study):
            if o.id not in told:
                outcomes.append(OutcomeClaim(quote=sentence, outcome=o.id, concept=None,
                                             direction="benefit" if o.significant else "no_difference",
                                             strength="none"))
    population = None
    if pop_labels:
        population = PicoClaim(quote=pop_quote or next(
            (text[r.sentence.start:r.sentence.end].strip() for r in readings if r.populations), ""),
            summary=", ".join(pop_labels), scope="broader" if pop_broader else "same")
    intervention = None
    interv_quote = interv_quote or (interv_fallback[0] if interv_fallback else None) or next(
        (text[r.sentence.start:r.sentence.end].strip() for r in readings if r.intervention), None)
    if interv_quote:
        arm = study.intervention
        dose_given = arm.dose is None or any(
            m.kind == "dose" and abs(m.value - arm.dose) < 1e-9 for m in find_numbers(text))
        intervention = PicoClaim(quote=interv_quote, summary=arm.agent.split("(")[0].strip()
                                 + ("" if dose_given else ", dose not given"),
                                 scope="same" if dose_given else "broader")
    comparator = None
    if comp_quote:
        said = "placebo" if re.search(r"\bplacebo\b", comp_quote, re.I) else study.comparator.agent
        comparator = PicoClaim(quote=comp_quote, summary=said,
                               scope="same" if said.lower() in study.comparator.agent.lower() else "different")
    return Claims(population=population, intervention=intervention, comparator=comparator,
                  outcomes=outcomes, limitations=limitations)
