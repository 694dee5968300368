"""GRADE across studies: judging a body of evidence that is not pooled, or not only a pooled estimate.

Each study brings its own judgements (from its file, or the engine's suggestion) and its result as the
sources give it. Risk of bias and indirectness follow the studies that carry most of the weight; when
the studies cannot be pooled, inconsistency is judged from what each study found (a significant effect
one way or the other, or no significant difference) and imprecision cannot be better than serious,
because no single estimate with a confidence interval stands for the body of evidence (very serious
when no study gives a confidence interval at all).
Every judgement here is a suggestion of the tool (``by="msvitd"``) and its reason names each study.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Optional, Sequence

from msvitd.grading.certainty import RATING_LABELS, STEPS, Judgement

RATINGS = ("not_serious", "serious", "very_serious")
BY = {"file": "study file", "question": "question file", "msvitd": "msvitd"}


@dataclass(frozen=True)
class StudyResult:
    """One study's part in a body of evidence."""

    name: str
    weight: Optional[float]  # participants; None when the sources do not give them
    judgements: Mapping[str, Judgement] = field(default_factory=dict)  # the study's own, per domain
    verdict: Optional[str] = None  # "benefit" | "harm" | "none" (no significant difference) | None (unknown)
    verdict_text: str = "no result in the sources used"
    has_ci: bool = False  # an estimate with a confidence interval
    has_numbers: bool = False  # any number: an estimate or per-arm figures
    fit: tuple[str, ...] = ()  # how the study departs from its comparison (therapy, comparator, stage)


def _label(rating: str) -> str:
    return RATING_LABELS[rating].split(" (")[0]


def weights(results: Sequence[StudyResult]) -> tuple[list[float], str]:
    """Participants when every study gives them, else equal weights; and a phrase saying which."""
    if results and all(r.weight for r in results):
        return [float(r.weight) for r in results], "weighted by participants (analysed, else randomised)"
    missing = [r.name for r in results if not r.weight]
    return [1.0] * len(results), f"equal weights (participants not reported for {', '.join(missing)})"


def combine(domain: str, results: Sequence[StudyResult], study_weights: Optional[Sequence[float]] = None,
            how: Optional[str] = None) -> Judgement:
    """The rating that covers most of the weight: very serious if half or more of the weight is very serious,
    serious if half or more is serious or worse, else not serious (ties are rated down)."""
    if study_weights is None:
        study_weights, how = weights(results)
    total = sum(study_weights) or 1.0
    steps = []
    parts = []
    for r, w in zip(results, study_weights):
        j = r.judgements.get(domain)
        # A study with no judgement at all for risk of bias is unassessed: counted as serious, never as low.
        rating = j.rating if j is not None else ("serious" if domain == "risk_of_bias" else "not_serious")
        if domain == "indirectness" and r.fit and STEPS[rating] < 1:
            rating = "serious"
        steps.append((STEPS[rating], w))
        who = BY.get(j.by, j.by) if j is not None else "msvitd"
        extra = f"; differs from the comparison: {', '.join(r.fit)}" if domain == "indirectness" and r.fit else ""
        if (j is None and domain == "risk_of_bias") or (j is not None and not j.assessed):
            extra += "; not assessed, counted as serious until it is"
        parts.append(f"{r.name}: {_label(rating)} ({who}{extra})")
    very = sum(w for s, w in steps if s >= 2) / total
    serious = sum(w for s, w in steps if s >= 1) / total
    rating = "very_serious" if very >= 0.5 else "serious" if serious >= 0.5 else "not_serious"
    reason = (f"Across {len(results)} studies, {how}, the rating of the studies carrying most of the weight: "
              + "; ".join(parts) + ".")
    return Judgement(domain, rating, reason, "msvitd")


def inconsistency(results: Sequence[StudyResult]) -> Judgement:
    """From what each study found, when there is no pooled estimate (hence no I²)."""
    known = [r for r in results if r.verdict is not None]
    found = "; ".join(f"{r.name}: {r.verdict_text}" for r in results)
    if len(known) < 2:
        who = known[0].name if known else "no study"
        return Judgement("inconsistency", "not_serious",
                         f"Cannot be judged: {who} alone gives a result msvitd can compare ({found}). Not rated "
                         f"down, but unassessed.", "msvitd")
    kinds = {r.verdict for r in known}
    note = (" Judged from the studies' results as reported: without two estimates with confidence intervals on "
            "one measure, msvitd cannot compute I² or check how far the results overlap.")
    if {"benefit", "harm"} <= kinds:
        return Judgement("inconsistency", "very_serious",
                         f"The studies found significant effects in opposite directions ({found})." + note, "msvitd")
    if len(kinds) > 1:
        return Judgement("inconsistency", "serious", f"The studies disagree ({found})." + note, "msvitd")
    what = {"none": "none found a significant difference", "benefit": "each found a significant benefit",
            "harm": "each found a significant harm"}[kinds.pop()]
    return Judgement("inconsistency", "not_serious", f"The studies agree: {what} ({found})." + note, "msvitd")


def imprecision_unpooled(results: Sequence[StudyResult], reason: str) -> Judgement:
    """No pooled estimate: at least serious; very serious when no study gives a number."""
    if not any(r.has_numbers for r in results):
        return Judgement("imprecision", "very_serious",
                         "No study gives numbers for this outcome in the sources used (no estimate, no per-arm "
                         "results): precision cannot be judged.", "msvitd")
    with_ci = [r for r in results if r.has_ci]
    why = reason[0].upper() + reason[1:] if reason else "Not pooled"
    if not with_ci:
        return Judgement("imprecision", "very_serious",
                         f"{why.rstrip('.')}: the body of evidence has no estimate, and no study's precision can be "
                         f"checked.", "msvitd")
    worst = max((r.judgements.get("imprecision") for r in with_ci if r.judgements.get("imprecision")),
                key=lambda j: j.steps, default=None)
    rating = "very_serious" if worst is not None and worst.steps >= 2 else "serious"
    own = "; ".join(f"{r.name}: {_label(r.judgements['imprecision'].rating)} on its own"
                    for r in with_ci if r.judgements.get("imprecision"))
    return Judgement("imprecision", rating,
                     f"{why.rstrip('.')}, so no estimate with a confidence interval stands for the body of "
                     f"evidence ({own}).", "msvitd")


def publication_bias(k: int, registered: Optional[bool]) -> Judgement:
    reg = ""
    if registered is True:
        reg = " All studies were registered."
    elif registered is False:
        reg = " Registration is not recorded for every study."
    return Judgement("publication_bias", "not_serious",
                     f"Undetected: with {k} {'study' if k == 1 else 'studies'} a funnel plot cannot assess it.{reg}",
                     "msvitd")
