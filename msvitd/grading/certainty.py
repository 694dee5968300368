"""The GRADE engine: start at high (randomised) or low (observational), rate down per domain, state the result.

Judgements written in the evidence file (``Outcome.grade``) are used as given (``by="file"``), and so are
those a question file writes for the body of evidence (``QuestionOutcome.grade``, ``by="question"``). For a
domain the files leave out, the tool suggests a rating and says so (``by="msvitd"``), with its reason.
"""

from __future__ import annotations

from typing import Mapping, Optional

from msvitd.grading.imprecision import _fmt, default_thresholds, handbook_imprecision, suggest_imprecision
from msvitd.grading.plain_language import LABELS, LEVELS, NOT_ESTIMABLE, statement
from msvitd.grading.types import (  # re-exported: callers import the records from here
    DOMAIN_LABELS, DOMAINS, RATING_LABELS, RATIOS, STEPS, UNASSESSED, UPGRADE_LABELS, Body, Certainty, Judgement,
    StudyBias,
)

__all__ = ["DOMAIN_LABELS", "DOMAINS", "RATING_LABELS", "RATIOS", "STEPS", "UNASSESSED", "UPGRADE_LABELS", "Body",
           "Certainty", "Judgement", "StudyBias", "default_thresholds", "suggest_imprecision", "grade",
           "effect_size", "plain_language", "estimable", "differs", "_fmt"]


def _with_limitations(reason: str, body: Body, domain: str) -> str:
    texts = body.limitations.get(domain) or ()
    if texts:
        reason += " Limitations noted in the file: " + "; ".join(t.rstrip(".") for t in texts) + "."
    return reason


def suggest_risk_of_bias(body: Body) -> Judgement:
    rated = [b for b in body.bias if b.overall and b.overall != "not_assessed"]
    if not rated:
        reason = (f"{UNASSESSED} for this outcome in the evidence file. msvitd suggests serious (−1) until one is "
                  "recorded: the handbook judges risk of bias per outcome, and an outcome nobody assessed cannot "
                  "be taken to be at low risk (assess it with RoB 2 and record it as `grade: risk_of_bias:`).")
        if body.bias_note:
            reason += " " + body.bias_note
        return Judgement("risk_of_bias", "serious", _with_limitations(reason, body, "risk_of_bias"), "msvitd",
                         assessed=False)
    total = sum(b.weight for b in body.bias) or 1.0
    unrated = [b for b in body.bias if b not in rated]
    high = sum(b.weight for b in rated if b.overall == "high") / total
    # Studies nobody assessed count as "some concerns": their absence must not pull the rating towards low.
    concerns = (sum(b.weight for b in rated if b.overall in ("high", "some_concerns"))
                + sum(b.weight for b in unrated)) / total
    names = ", ".join([f"{b.study}: {b.overall.replace('_', ' ')}" for b in rated]
                      + [f"{b.study}: not assessed, counted as some concerns" for b in unrated])
    if high >= 0.5:
        rating, why = "very_serious", f"studies at high risk of bias carry most of the weight ({names})"
    elif concerns >= 0.5:
        rating, why = "serious", f"most of the weight comes from studies with some concerns or high risk ({names})"
    else:
        rating, why = "not_serious", f"RoB 2 overall judgement low for most of the weight ({names})"
    return Judgement("risk_of_bias", rating, _with_limitations(why[0].upper() + why[1:] + ".", body, "risk_of_bias"),
                     "msvitd")


def suggest_inconsistency(body: Body) -> Judgement:
    if body.k < 2:
        return Judgement("inconsistency", "not_serious", "Single study: inconsistency cannot be assessed.", "msvitd")
    i2 = body.i2 or 0.0
    sides = {("below" if hi < 1 else "above" if lo > 1 else "crosses") for lo, hi in body.study_cis}
    opposite = {"below", "above"} <= sides
    qp = f", P for heterogeneity {body.q_p:.2g}" if body.q_p is not None else ""
    if i2 >= 75 and opposite:
        return Judgement("inconsistency", "very_serious",
                         f"I² = {i2:.0f}%{qp}, with studies showing effects in opposite directions.", "msvitd")
    if i2 >= 50:
        return Judgement("inconsistency", "serious", f"Substantial heterogeneity: I² = {i2:.0f}%{qp}.", "msvitd")
    return Judgement("inconsistency", "not_serious", f"I² = {i2:.0f}%{qp}: no important heterogeneity.", "msvitd")


def suggest_indirectness(body: Body) -> Judgement:
    if body.outcome_type == "surrogate" or (body.outcome_type == "composite" and body.stands_for):
        what = "surrogate outcome" if body.outcome_type == "surrogate" else "composite of mostly surrogate components"
        target = body.stands_for or "a patient-important outcome the file does not name (set `stands_for:`)"
        return Judgement("indirectness", "serious", f"A {what}: it stands for {target}.", "msvitd")
    why = "Composite outcome measured directly." if body.outcome_type == "composite" else \
        "Patient-important outcome measured directly in the population of interest."
    return Judgement("indirectness", "not_serious", _with_limitations(why, body, "indirectness"), "msvitd")


def suggest_publication_bias(body: Body) -> Judgement:
    reg = ""
    if body.registered is True:
        reg = " The trial was prospectively registered." if body.k == 1 else " All studies were registered."
    elif body.registered is False:
        reg = " Registration not recorded for every study."
    if body.k < 10:
        return Judgement("publication_bias", "not_serious",
                         f"Undetected: with {body.k} {'study' if body.k == 1 else 'studies'} a funnel plot cannot "
                         f"assess it.{reg}", "msvitd")
    return Judgement("publication_bias", "not_serious", f"Not suspected ({body.k} studies).{reg}", "msvitd")


SUGGEST = {
    "risk_of_bias": suggest_risk_of_bias, "inconsistency": suggest_inconsistency,
    "indirectness": suggest_indirectness, "imprecision": suggest_imprecision,
    "publication_bias": suggest_publication_bias,
}


def grade(body: Body, given: Optional[Mapping[str, tuple]] = None,
          suggested: Optional[Mapping[str, Judgement]] = None) -> Certainty:
    """Certainty for one outcome.

    ``given`` maps domain -> (rating, reason) or (rating, reason, by) written in an evidence file (``by`` is
    "file", the default, or "question"); ``suggested`` maps domain -> a Judgement the caller worked out (e.g.
    across several studies). Domains in neither get the engine's own suggestion from ``body``.
    """
    given = dict(given or {})
    suggested = dict(suggested or {})
    judgements = []
    for domain in DOMAINS:
        if domain in given:
            rating, reason, *by = given[domain]
            j = Judgement(domain, rating, reason, by[0] if by else "file")
            if domain == "imprecision":
                j = handbook_imprecision(body, j)
            judgements.append(j)
        elif domain in suggested:
            judgements.append(suggested[domain])
        else:
            judgements.append(SUGGEST[domain](body))
    start = "high" if body.randomised else "low"
    if not estimable(body):
        return Certainty(start, tuple(judgements), NOT_ESTIMABLE)
    score = (4 if body.randomised else 2) - sum(j.steps for j in judgements)
    if "upgrade" in given:
        rating, reason, *by = given["upgrade"]
        up = Judgement("upgrade", rating, reason, by[0] if by else "file")
        judgements.append(up)
        if not body.randomised:
            score += up.steps
    level = LEVELS[max(1, min(4, score)) - 1]
    return Certainty(start, tuple(judgements), level)


def estimable(body: Body) -> bool:
    """Something to rate: numbers, or a result in words (a narrative summary)."""
    narrative = body.narrative if body.narrative is not None else body.significant is not None
    return not body.no_numbers or narrative


def differs(own: Certainty, here: Certainty, study: str) -> Optional[str]:
    """Why one study's outcome is rated differently in a question table than in the study's own table."""
    if own.level == here.level:
        return None
    parts = []
    for j in here.judgements:
        o = own.judgement(j.domain)
        if o is None or o.rating != j.rating:
            was = o.label if o is not None else "none"
            who = {"question": "the question file", "file": "the study file"}.get(j.by, "msvitd")
            parts.append(f"{DOMAIN_LABELS[j.domain].lower()} {j.label} here ({who}) vs {was} in the study table")
    why = "; ".join(parts) or "the thresholds or MID the question sets"
    return (f"{study}: rated {LABELS[here.level]} here but {LABELS[own.level]} in the study's own table, because "
            f"of {why}.")


def effect_size(body: Body) -> tuple[str, str]:
    """("important" | "trivial", "decrease" | "increase") from the point estimate and the thresholds.

    The direction is that of the measured outcome (fewer or more events), whichever way is better.
    """
    if body.estimate is None:
        return ("important" if body.significant else "trivial"), body.direction or "decrease"
    if body.measure in RATIOS:
        direction = "decrease" if body.estimate < 1 else "increase"
        lo_t, hi_t = sorted((body.benefit, body.harm))
        important = body.estimate <= lo_t or body.estimate >= hi_t
        return ("important" if important else "trivial"), direction
    direction = "decrease" if body.estimate < 0 else "increase"
    if body.mid is not None:
        # A statistically significant difference smaller than the MID is "little or no difference" (Santesso 2020).
        return ("important" if abs(body.estimate) >= body.mid else "trivial"), direction
    if body.lo is not None and body.hi is not None:
        return ("trivial" if body.lo <= 0 <= body.hi else "important"), direction
    return "trivial", direction


def plain_language(body: Body, certainty: Certainty, intervention: str, outcome: str) -> str:
    size, direction = effect_size(body)
    if body.direction_unclear and size == "important" and certainty.level != "very_low":
        return (f"{intervention} may change {outcome[0].lower() + outcome[1:] if outcome[1:2].islower() else outcome}, "
                f"but the sources leave its direction unclear.")
    text = statement(certainty.level, size, intervention, outcome, direction)
    if size == "important" and certainty.level in ("moderate", "low") and _includes_no_effect(body):
        # Santesso's wording follows the point estimate; when the interval also holds no effect, a reader
        # must not take "may reduce" for a shown difference (the spin msvitd's critique flags in articles).
        text = text[:-1] + "; the confidence interval also includes no difference (not statistically significant)."
    return text


def _includes_no_effect(body: Body) -> bool:
    if body.lo is None or body.hi is None:
        return False
    null = 1.0 if body.measure in RATIOS else 0.0
    return body.lo < null < body.hi
