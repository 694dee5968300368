"""Which bundled study an article is about: registry number, DOI, trial name, or
intervention + population + setting terms; says why, or that none fits."""

from __future__ import annotations

import re
from dataclasses import dataclass

_STAGE_WORDS = {
    "cis": r"clinically isolated syndrome|\bCIS\b|first (?:demyelinating )?(?:event|episode|attack)",
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


def score_study(text: str, study) -> Detection:
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
    for arm in study.arms:
        if arm.role == "intervention" and arm.dose:
            d = f"{arm.dose:,.0f}"
            if d in text or d.replace(",", " ") in text or f"{arm.dose:.0f}" in text:
                score += 2
                reasons.append(f"dose ({d} {arm.unit or ''})".strip())
                break
    return Detection(study.id, score, tuple(reasons))


class NoStudy(Exception):
    """No bundled study fits, or several fit equally well."""


def detect_study(text: str, studies: dict) -> Detection:
    """The study (id -> model) the article is about, with the reasons; raises NoStudy."""
    scored = sorted((score_study(text, s) for s in studies.values()), key=lambda d: -d.score)
    if not scored or scored[0].score < 4 or "intervention" not in scored[0].reasons and scored[0].score < 8:
        raise NoStudy("could not tell which study this article is about (no trial name, registry number, DOI, "
                      "or intervention and population terms that fit a bundled study); name it with --source")
    if len(scored) > 1 and scored[1].score == scored[0].score:
        raise NoStudy(f"the article fits several studies equally ({scored[0].study_id}, {scored[1].study_id}); "
                      f"name one with --source")
    return scored[0]
