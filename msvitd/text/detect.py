"""Which bundled study an article is about: registry number, DOI, trial name, or
intervention + population + setting terms; says why, or that none fits."""

from __future__ import annotations

import re
from dataclasses import dataclass

_STAGE_WORDS = {
    "cis": r"clinically isolated syndrome|\bCIS\b|first (?:demyelinating |neurological |MS-like )?(?:event|episode|attack|"
           r"symptoms)|earliest stage|first signs? of (?:MS|multiple sclerosis)",
    "rrms": r"relapsing[- ]remitting|\bRRMS\b",
    "cis_or_rrms": r"clinically isolated syndrome|\bCIS\b|relapsing[- ]remitting|\bRRMS\b",
    "progressive": r"progressive (?:MS|multiple sclerosis)",
}


@dataclass(frozen=True)
class Detection:
    study_id: str
    score: float
    reasons: tuple[str, ...]

    def explain(self) -> str:
        return ", ".join(self.reasons)


def _has(text: str, term: str) -> bool:
    return bool(re.search(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])", text, re.I))


def fingerprints(study) -> set[tuple[str, float]]:
    """The study's own numbers a report of it would print: (kind, value) pairs. Kinds:
    ``percent`` (an arm's share with an outcome), ``reduction`` (1 - a ratio below 1, in
    percent), ``ratio``, ``count`` (participants), ``days`` (a median or mean in days)."""
    out: set[tuple[str, float]] = set()
    pop = study.population
    for n in (pop.randomised, pop.analysed, pop.completed):
        if n and n >= 20:
            out.add(("count", float(n)))
    for arm in study.arms:
        for n in (arm.randomised, arm.analysed):
            if n and n >= 20:
                out.add(("count", float(n)))
    for o in study.outcomes:
        for r in o.arms.values():
            if r.percent is not None:
                out.add(("percent", round(float(r.percent), 1)))
            for v in (r.median, r.mean):
                if v is not None and (r.unit or "").startswith("day"):
                    out.add(("days", float(v)))
        for e in [o.effect, *o.effects]:
            if e is not None and e.estimate is not None and e.is_ratio:
                out.add(("ratio", round(float(e.estimate), 2)))
                if e.estimate < 1:
                    out.add(("reduction", round((1 - e.estimate) * 100)))
    return out


def _text_numbers(text: str) -> set[tuple[str, float]]:
    """The same (kind, value) pairs as they stand in an article."""
    from msvitd.text.numbers import find_numbers

    out: set[tuple[str, float]] = set()
    for m in find_numbers(text):
        if m.kind == "percent" and m.unit == "%":
            after = text[m.end:m.end + 30]
            before = text[max(0, m.start - 60):m.start]
            if re.match(r"[\s-]*(?:less|lower|fewer|smaller|reduction|decrease|drop)\b", after, re.I) or \
                    re.search(r"\b(?:reduc\w*|cut|lower\w*|slash\w*|decreas\w*)\b[\w\s,'-]{0,50}\bby\s+$", before, re.I):
                out.add(("reduction", round(m.value)))
            else:
                out.add(("percent", round(m.value, 1)))
        elif m.kind == "count" and m.unit == "participants" and not m.approx and not m.relation:
            out.add(("count", m.value))
        elif m.kind == "ratio":
            out.add(("ratio", round(m.value, 2)))
        elif m.kind == "duration" and m.unit == "days":
            out.add(("days", m.value))
        elif m.kind == "other" and m.value >= 20 and float(m.value).is_integer():
            out.add(("days", m.value))  # "432 vs 224 days": the first takes no unit of its own
            out.add(("count", m.value))
    return out


def score_study(text: str, study, numbers: set | None = None, shared: set | None = None) -> Detection:
    reasons: list[str] = []
    score = 0.0
    cit = study.citation
    strong_ids = [r.split()[-1] for r in cit.registration] + [a for a in study.aliases if re.match(r"^(NCT\d+|\d{4}-\d{6}-\d{2})$", a)]
    for rid in dict.fromkeys(strong_ids):
        if _has(text, rid):
            score += 10
            reasons.append(f"registry number {rid}")
    if cit.doi and cit.doi.lower() in text.lower():
        score += 10
        reasons.append(f"DOI {cit.doi}")
    if cit.pmid and re.search(r"(?:pubmed|pmid)[^\d]{0,40}" + cit.pmid, text, re.I):
        score += 10
        reasons.append(f"PubMed {cit.pmid}")
    if cit.authors:
        first = re.split(r"[ ,]", cit.authors.strip())[0]
        if len(first) > 3 and re.search(r"(?<![\w-])" + re.escape(first) + r"(?![\w-])", text):
            score += 6
            reasons.append(f"author ({first})")
    names = [study.name] + [a for a in study.aliases if not re.match(r"^(NCT\d+|\d{4}-\d{6}-\d{2})$", a)]
    for n in dict.fromkeys(names):
        if len(n) > 2 and _has(text, n):
            score += 8
            reasons.append(f"trial name \"{n}\"")
            break
    agent_words = set()
    for arm in study.arms:
        if arm.role == "intervention":
            agent_words |= {w for w in re.findall(r"[a-z][a-z0-9]+(?: D3?)?", arm.agent.lower()) if len(w) > 3}
    if re.search(r"vitamin\s*d", " ".join(a.agent for a in study.arms), re.I) or "cholecalciferol" in agent_words:
        agent_words |= {"vitamin d", "cholecalciferol"}
    if any(_has(text, w) for w in agent_words):
        score += 1
        reasons.append("intervention")
    stage = study.population.stage or ""
    if stage in _STAGE_WORDS and re.search(_STAGE_WORDS[stage], text, re.I):
        score += 2
        reasons.append(f"population ({stage.replace('_', ' ')})")
    for c in study.design.countries:
        if _has(text, c) or _has(text, {"France": "French"}.get(c, c)):
            score += 2
            reasons.append(f"country ({c})")
            break
    pop = study.population
    for n in {pop.randomised, pop.analysed}:
        if n and re.search(rf"(?<![\d,.]){n}(?![\d,.])\s+(?:participants|patients|people|adults|individuals|volunteers)", text):
            score += 3
            reasons.append(f"sample size ({n})")
            break
    if numbers is None:
        numbers = _text_numbers(text)
    own = sorted((fingerprints(study) - (shared or set())) & numbers)
    if own:
        score += 3 + 2 * (len(own) - 1)
        shown = ", ".join(_show(k, v) for k, v in own[:4]) + (" ..." if len(own) > 4 else "")
        reasons.append(f"the study's own figures ({shown})")
    for arm in study.arms:
        if arm.role == "intervention" and arm.dose:
            d = f"{arm.dose:,.0f}"
            if d in text or d.replace(",", " ") in text or f"{arm.dose:.0f}" in text:
                score += 2
                reasons.append(f"dose ({d} {arm.unit or ''})".strip())
                break
    return Detection(study.id, score, tuple(reasons))


def _show(kind: str, v: float) -> str:
    n = f"{v:g}"
    return {"percent": f"{n}%", "reduction": f"{n}% lower", "ratio": f"HR {n}", "days": f"{n} days"}.get(kind, n)


class NoStudy(Exception):
    """No bundled study fits, or several fit equally well."""


def detect_study(text: str, studies: dict) -> Detection:
    """The study (id -> model) the article is about, with the reasons; raises NoStudy.

    Each study scores what the text shares with it (registry number, DOI, PubMed id, first
    author, trial name, intervention, population, country, sample size, dose) and the numbers
    only it reported (arm percentages, 1 - HR, hazard ratios, medians, N). A tie, or no study
    with more than the intervention in common, is a usage error that names the candidates."""
    numbers = _text_numbers(text)
    prints = {sid: fingerprints(s) for sid, s in studies.items()}
    seen: dict = {}
    for fp in prints.values():
        for x in fp:
            seen[x] = seen.get(x, 0) + 1
    shared = {x for x, n in seen.items() if n > 1}
    scored = sorted((score_study(text, s, numbers, shared) for s in studies.values()), key=lambda d: -d.score)
    fits = [d for d in scored if "intervention" in d.reasons and d.score >= 4 or d.score >= 8]
    if not fits:
        near = [d.study_id for d in scored if d.score >= 3 and "intervention" in d.reasons]
        hint = f"; it could be {', '.join(near)}" if 1 < len(near) <= 4 else ""
        raise NoStudy("could not tell which study this article is about (no trial name, registry number, DOI, "
                      f"distinctive figures, or intervention and population terms that fit a bundled study){hint}; "
                      "name one with --source")
    tied = [d.study_id for d in fits if d.score == fits[0].score]
    if len(tied) > 1:
        raise NoStudy(f"the article fits several studies equally: could be {', '.join(tied)}; name one with --source")
    return fits[0]
