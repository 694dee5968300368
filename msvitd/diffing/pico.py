"""PICO side by side: the source's population, intervention, comparator, outcomes and limitations
beside the article's, each with a verdict: same, narrower, broader, different, omitted, unsupported.

Works from an article's curated claims (``msvitd.models.article.Claims``). For a raw article the
claims come from the shared text reading, see :mod:`msvitd.diffing.claims`.
"""

from __future__ import annotations

import re
from typing import Optional

from msvitd.diffing.result import NumberRow, PicoRow
from msvitd.facts.source import _cite, fmt, words

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
    return rows + _outcome_rows(study, claims) + _limitation_rows(study, claims)


def _outcome_rows(study, claims) -> list[PicoRow]:
    """Each of the source's outcomes beside what the article says of it, then each claimed outcome
    the source does not have (harms compared with the source's harms)."""
    rows: list[PicoRow] = []
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
    return rows


def _limitation_rows(study, claims) -> list[PicoRow]:
    """Each of the source's limitations, acknowledged or not, then the article's own caveats."""
    rows: list[PicoRow] = []
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
