"""The GRADE engine's records: one judgement per domain, what the engine knows about a body of evidence,
and the certainty it reaches (plain frozen dataclasses; the rules live in certainty.py and imprecision.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Optional, Sequence

from msvitd.grading.plain_language import LABELS, NOT_ESTIMABLE, SYMBOLS

DOMAINS = ("risk_of_bias", "inconsistency", "indirectness", "imprecision", "publication_bias")
DOMAIN_LABELS = {
    "risk_of_bias": "Risk of bias", "inconsistency": "Inconsistency", "indirectness": "Indirectness",
    "imprecision": "Imprecision", "publication_bias": "Publication bias", "upgrade": "Upgrade",
}
STEPS = {"not_serious": 0, "serious": 1, "very_serious": 2}
RATING_LABELS = {"not_serious": "not serious", "serious": "serious (−1)", "very_serious": "very serious (−2)"}
UPGRADE_LABELS = {"not_serious": "none", "serious": "+1", "very_serious": "+2"}
RATIOS = ("HR", "RR", "OR", "IRR")
UNASSESSED = "No risk-of-bias assessment"  # how an unassessed risk of bias starts (grading.body looks for it)


@dataclass(frozen=True)
class Judgement:
    domain: str
    rating: str  # not_serious | serious | very_serious (for "upgrade": none, +1, +2)
    reason: str
    by: str  # "file" (the study file's reviewer), "question" (the question file's) or "msvitd" (a suggestion)
    # False when nobody assessed the domain (risk of bias without a RoB 2 judgement): ``rating`` is then
    # msvitd's suggestion, and it counts, so that a missing assessment never lifts a certainty.
    assessed: bool = True
    # When a file's judgement contradicts the handbook's rule and msvitd applies the rule: the file's rating.
    file_rating: Optional[str] = None

    @property
    def steps(self) -> int:
        return STEPS[self.rating]

    @property
    def label(self) -> str:
        text = (UPGRADE_LABELS if self.domain == "upgrade" else RATING_LABELS)[self.rating]
        if not self.assessed:
            return f"not assessed (suggested: {text})"
        if self.file_rating is not None:
            return f"{text} (the file says {RATING_LABELS[self.file_rating].split(' (')[0]})"
        return text


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
    # A narrative result (the source's verdict or finding in words): with no numbers either, the outcome is
    # not estimable and gets no certainty (GRADE rates an estimate or a narrative summary, not an absence).
    narrative: Optional[bool] = None  # None: taken from ``significant``
    # Continuous outcomes: the minimal important difference on the outcome's scale, and where it comes from.
    mid: Optional[float] = None
    mid_source: Optional[str] = None


@dataclass(frozen=True)
class Certainty:
    start: str  # "high" or "low"
    judgements: tuple[Judgement, ...]
    level: str  # high | moderate | low | very_low | not_estimable (no numbers and no narrative result)

    @property
    def symbols(self) -> str:
        return SYMBOLS[self.level]

    @property
    def label(self) -> str:
        return LABELS[self.level]

    @property
    def display(self) -> str:
        return f"{self.symbols} {self.label}".strip()

    @property
    def estimable(self) -> bool:
        return self.level != NOT_ESTIMABLE

    def judgement(self, domain: str) -> Optional[Judgement]:
        return next((j for j in self.judgements if j.domain == domain), None)
