"""The HealthNewsReview-style checklist printed under a critique (quantified benefit, harms,
evidence quality, novelty, independent sources, alternatives, costs)."""

from __future__ import annotations

from bisect import bisect_left

from msvitd.critique.result import CheckItem

# HealthNewsReview-style criteria: id -> the label readers see.
CHECKLIST = {
    "benefits_absolute": "Benefits quantified in absolute terms",
    "harms": "Harms",
    "quality_of_evidence": "Quality of the evidence",
    "novelty": "Novelty established",
    "independent_sources": "Independent sources",
    "alternatives": "Comparison with existing alternatives",
    "costs": "Costs",
}


def checklist(ctx, findings: list) -> tuple[CheckItem, ...]:
    """HealthNewsReview-style verdicts for the article, from cue tables and the findings."""
    return _verdicts(ctx, findings)


def _mismatch_starts(findings: list) -> list[int]:
    """Where number-mismatch errors start, sorted (the checklist must not pass figures C502 flags)."""
    return sorted(f.start for f in findings
                  if f.category == "number_mismatch" and f.severity == "error" and f.start is not None)


def _contradicted(match, starts: list[int]) -> bool:
    """A number-mismatch error inside the matched words (a bisection: a long article has thousands of
    absolute figures and findings, and a scan of every finding per figure made it quadratic)."""
    i = bisect_left(starts, match.start)
    return i < len(starts) and starts[i] < match.end


def _verdicts(ctx, findings: list) -> tuple[CheckItem, ...]:
    cats = {f.category for f in findings}
    serious = {f.category for f in findings if f.severity != "info"}
    verdicts: dict[str, tuple[str, str]] = {}
    absolute = ctx.article_has("absolute")
    starts = _mismatch_starts(findings)
    if not ctx.facts.positive:
        verdicts["benefits_absolute"] = ("not_applicable", "the trial found no significant benefit to quantify")
    elif absolute and (wrong := [a for a in absolute if _contradicted(a, starts)]):
        # the figures are given, but the number check found them wrong (swapped arms, another value)
        verdicts["benefits_absolute"] = ("fail", f"gives absolute figures that contradict the trial's "
                                                 f"(\"{wrong[0].text}\": see the number findings)")
    elif absolute:
        verdicts["benefits_absolute"] = ("pass", f"gives absolute figures (\"{absolute[0].text}\")")
    elif ctx.article_has("relative"):
        verdicts["benefits_absolute"] = ("fail", "only a relative effect is given")
    else:
        verdicts["benefits_absolute"] = ("fail", "the size of the benefit is not given in numbers")
    harms = ctx.article_has("harms")
    verdicts["harms"] = (("pass", f"mentions harms (\"{harms[0].text}\")") if harms
                         else ("fail", "no mention of side effects or safety"))
    lim = ctx.article_has("limitations")
    weak = serious & {"surrogate_to_clinical", "certainty_overstated", "null_outcome_spun"}
    if lim and not weak:
        verdicts["quality_of_evidence"] = ("pass", f"discusses limits of the evidence (\"{lim[0].text}\")")
    else:
        verdicts["quality_of_evidence"] = ("fail", "overstates what the evidence shows" if weak
                                           else "no limitation of the evidence is discussed")
    novelty = ctx.article_has("novelty") or ctx.article_has("context")
    verdicts["novelty"] = (("pass", "places the trial among earlier research") if novelty
                           else ("fail", "does not place the trial among earlier research on the same question"))
    ind = ctx.article_has("independent")
    verdicts["independent_sources"] = (("pass", f"quotes or cites an independent source (\"{ind[0].text}\")")
                                       if ind else ("fail", "no source independent of the study team"))
    if "unsupported_comparison" in cats:
        verdicts["alternatives"] = ("fail", "compares with treatments the trial did not test")
    elif ctx.article_has("alternatives"):
        verdicts["alternatives"] = ("pass", "mentions existing treatments without claiming equivalence")
    else:
        verdicts["alternatives"] = ("fail", "does not mention existing treatments")
    cost = ctx.article_has("costs")
    if cost:
        verdicts["costs"] = ("pass", f"mentions cost (\"{cost[0].text}\")")
    elif (cheap := ctx.lexicon.article.get("inexpensive")) and cheap.search(ctx.study.intervention.agent):
        verdicts["costs"] = ("not_applicable", "cost is not mentioned; the intervention is an inexpensive supplement")
    else:
        verdicts["costs"] = ("fail", "cost is not mentioned")
    return tuple(CheckItem(key, label, *verdicts[key]) for key, label in CHECKLIST.items())
