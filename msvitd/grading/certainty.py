"""The GRADE engine: start at high (randomised) or low (observational), rate down per domain, state the result.

Judgements written in the evidence file (``Outcome.grade``) are used as given (``by="file"``), and so are
those a question file writes for the body of evidence (``QuestionOutcome.grade``, ``by="question"``). For a
domain the files leave out, the tool suggests a rating and says so (``by="msvitd"``), with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Optional, Sequence

from msvitd.grading.ois import optimal_information_size
from msvitd.grading.plain_language import LABELS, LEVELS, SYMBOLS, statement

DOMAINS = ("risk_of_bias", "inconsistency", "indirectness", "imprecision", "publication_bias")
DOMAIN_LABELS = {
    "risk_of_bias": "Risk of bias", "inconsistency": "Inconsistency", "indirectness": "Indirectness",
    "imprecision": "Imprecision", "publication_bias": "Publication bias", "upgrade": "Upgrade",
}
STEPS = {"not_serious": 0, "serious": 1, "very_serious": 2}
RATING_LABELS = {"not_serious": "not serious", "serious": "serious (−1)", "very_serious": "very serious (−2)"}
UPGRADE_LABELS = {"not_serious": "none", "serious": "+1", "very_serious": "+2"}
RATIOS = ("HR", "RR", "OR", "IRR")


@dataclass(frozen=True)
class Judgement:
    domain: str
    rating: str  # not_serious | serious | very_serious (for "upgrade": none, +1, +2)
    reason: str
    by: str  # "file" (the study file's reviewer), "question" (the question file's) or "msvitd" (a suggestion)

    @property
    def steps(self) -> int:
        return STEPS[self.rating]

    @property
    def label(self) -> str:
        return (UPGRADE_LABELS if self.domain == "upgrade" else RATING_LABELS)[self.rating]


@dataclass(frozen=True)
class StudyBias:
    """One study's contribution to risk of bias: its RoB overall judgement (or None) and weight (%)."""

    study: str
    overall: Optional[str]  # low | some_concerns | high | not_assessed | None
    weight: float = 100.0
    support: Optional[str] = None


@dataclass(frozen=True)
class Body:
    """What the engine needs to know about the evidence for one outcome (one study or a pooled set)."""

    outcome: str
    randomised: bool = True
    k: int = 1
    participants: Optional[int] = None
    measure: Optional[str] = None  # HR, RR, OR, IRR, RD, MD...
    estimate: Optional[float] = None
    lo: Optional[float] = None
    hi: Optional[float] = None
    p0: Optional[float] = None  # comparator risk (for the optimal information size)
    benefit: float = 0.75
    harm: float = 1.25
    thresholds_from_file: bool = False
    outcome_type: str = "clinical"  # clinical | surrogate | composite
    stands_for: Optional[str] = None
    i2: Optional[float] = None
    q_p: Optional[float] = None
    study_cis: Sequence[tuple[float, float]] = ()
    bias: Sequence[StudyBias] = ()
    registered: Optional[bool] = None
    limitations: Mapping[str, Sequence[str]] = field(default_factory=dict)  # domain -> texts
    bias_note: Optional[str] = None  # e.g. which outcomes the file's RoB 2 assessment covers
    no_numbers: bool = False  # the sources give neither an effect nor per-arm figures
    significant: Optional[bool] = None  # the source's own verdict, for outcomes without an estimate
    direction: Optional[str] = None  # "decrease" | "increase" when known without an estimate (e.g. medians)
    better: str = "lower"  # which way is good: "lower" (fewer relapses) or "higher" (NEDA)
    direction_unclear: bool = False  # the estimate and the per-arm figures point different ways
    thresholds_source: Optional[str] = None  # e.g. "set in the question file"; default: from thresholds_from_file


@dataclass(frozen=True)
class Certainty:
    start: str  # "high" or "low"
    judgements: tuple[Judgement, ...]
    level: str  # high | moderate | low | very_low

    @property
    def symbols(self) -> str:
        return SYMBOLS[self.level]

    @property
    def label(self) -> str:
        return LABELS[self.level]

    @property
    def display(self) -> str:
        return f"{self.symbols} {self.label}"

    def judgement(self, domain: str) -> Optional[Judgement]:
        return next((j for j in self.judgements if j.domain == domain), None)


def _fmt(x: float) -> str:
    return f"{x:.2f}"


def _with_limitations(reason: str, body: Body, domain: str) -> str:
    texts = body.limitations.get(domain) or ()
    if texts:
        reason += " Limitations noted in the file: " + "; ".join(t.rstrip(".") for t in texts) + "."
    return reason


def suggest_risk_of_bias(body: Body) -> Judgement:
    rated = [b for b in body.bias if b.overall and b.overall != "not_assessed"]
    if not rated:
        reason = ("No risk-of-bias assessment for this outcome in the evidence file; not rated down, but the domain "
                  "is unassessed (assess with RoB 2 and record it as `grade: risk_of_bias:`).")
        if body.bias_note:
            reason += " " + body.bias_note
        return Judgement("risk_of_bias", "not_serious", _with_limitations(reason, body, "risk_of_bias"), "msvitd")
    total = sum(b.weight for b in body.bias) or 1.0
    high = sum(b.weight for b in rated if b.overall == "high") / total
    concerns = sum(b.weight for b in rated if b.overall in ("high", "some_concerns")) / total
    names = ", ".join(f"{b.study}: {b.overall.replace('_', ' ')}" for b in rated)
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


def default_thresholds(better: str = "lower") -> tuple[float, float]:
    """GRADE's default thresholds (benefit, harm) on the ratio scale: RR 0.75 and 1.25, mirrored when higher is better."""
    return (0.75, 1.25) if better != "higher" else (1.25, 0.75)


def suggest_imprecision(body: Body) -> Judgement:
    if body.no_numbers:
        return Judgement("imprecision", "very_serious",
                         "No numbers in the sources used (no effect estimate, no per-arm results): precision "
                         "cannot be judged.", "msvitd")
    if body.estimate is None or body.lo is None or body.hi is None:
        return Judgement("imprecision", "serious", "No confidence interval reported: precision cannot be checked.",
                         "msvitd")
    ci = f"95% CI {_fmt(body.lo)} to {_fmt(body.hi)}"
    if body.measure not in RATIOS:
        if body.lo <= 0 <= body.hi:
            return Judgement("imprecision", "serious", f"The {ci} includes no difference.", "msvitd")
        return Judgement("imprecision", "not_serious", f"The {ci} excludes no difference.", "msvitd")
    b, h = body.benefit, body.harm
    src = body.thresholds_source or ("set in the file" if body.thresholds_from_file else "GRADE default")
    thr = f"thresholds {b:g} and {h:g}, {src}"
    crosses_null = body.lo <= 1 <= body.hi
    # Appreciable benefit lies beyond the benefit threshold, on whichever side of 1 it stands.
    ben = body.lo < b if b < 1 else body.hi > b
    harm = body.hi > h if h > 1 else body.lo < h
    ois = None
    p1_ok = b < 1 or (body.p0 is not None and body.p0 * b < 1)
    if body.p0 is not None and 0 < body.p0 < 1 and b != 1 and p1_ok:
        ois = optimal_information_size(body.p0, 1 - b)
    n = body.participants
    ois_text = ""
    if ois is not None and n is not None:
        change = f"RRR {100 * (1 - b):.0f}%" if b < 1 else f"relative increase {100 * (b - 1):.0f}%"
        ois_text = (f" Optimal information size {ois} participants (comparator risk {100 * body.p0:.1f}%, {change}, "
                    f"α 0.05, power 0.8); {n} analysed.")
    if crosses_null and ben and harm:
        return Judgement("imprecision", "very_serious",
                         f"The {ci} includes no effect and both appreciable benefit and appreciable harm ({thr})."
                         + ois_text, "msvitd")
    if crosses_null and (ben or harm):
        side = "benefit" if ben else "harm"
        return Judgement("imprecision", "serious",
                         f"The {ci} includes no effect and appreciable {side} ({thr})." + ois_text, "msvitd")
    if ois is not None and n is not None and n < ois:
        return Judgement("imprecision", "serious",
                         f"The {ci} {'includes' if crosses_null else 'excludes'} no effect but the optimal "
                         f"information size is not met." + ois_text, "msvitd")
    why = (f"The {ci} excludes no effect." if not crosses_null else
           f"The {ci} excludes appreciable benefit and harm ({thr}).")
    if ois is None or n is None:
        why += " Optimal information size not computed (no comparator risk or participant count)."
    return Judgement("imprecision", "not_serious", why + ois_text, "msvitd")


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
            judgements.append(Judgement(domain, rating, reason, by[0] if by else "file"))
        elif domain in suggested:
            judgements.append(suggested[domain])
        else:
            judgements.append(SUGGEST[domain](body))
    start = "high" if body.randomised else "low"
    score = (4 if body.randomised else 2) - sum(j.steps for j in judgements)
    if "upgrade" in given:
        rating, reason, *by = given["upgrade"]
        up = Judgement("upgrade", rating, reason, by[0] if by else "file")
        judgements.append(up)
        if not body.randomised:
            score += up.steps
    level = LEVELS[max(1, min(4, score)) - 1]
    return Certainty(start, tuple(judgements), level)


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
    if body.lo is not None and body.hi is not None:
        return ("trivial" if body.lo <= 0 <= body.hi else "important"), direction
    return "trivial", direction


def plain_language(body: Body, certainty: Certainty, intervention: str, outcome: str) -> str:
    size, direction = effect_size(body)
    if body.direction_unclear and size == "important" and certainty.level != "very_low":
        return (f"{intervention} may change {outcome[0].lower() + outcome[1:] if outcome[1:2].islower() else outcome}, "
                f"but the sources leave its direction unclear.")
    return statement(certainty.level, size, intervention, outcome, direction)
