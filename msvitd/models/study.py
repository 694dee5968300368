"""`kind: study`: what a source reported about one trial, each number with where it stands."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from msvitd.models.common import (
    ArmResult, Cite, Count, DateText, Flag, Effect, GradeJudgements, Id, Model, Number, Pair, PV, Source, Text, Texts,
)
from msvitd.models.behaviour import StudyMethods, SubgroupMethods
from msvitd.models.measures import MinimalImportantDifference, Scale


class Citation(Model):
    title: Text
    authors: Optional[Text] = None
    journal: Optional[Text] = None
    year: Optional[int] = Field(None, ge=1900, le=2100)
    volume: Optional[Text] = None
    pages: Optional[Text] = None
    doi: Optional[Text] = Field(None, pattern=r"^10\.\d{4,9}/\S+$")
    pmid: Optional[Text] = Field(None, pattern=r"^\d{1,9}$")
    pmcid: Optional[Text] = Field(None, pattern=r"^PMC\d+$")
    registration: Texts = []  # NCT01817166, EudraCT 2012-005821-59
    published: Optional[DateText] = None
    cite: Cite = []


class Period(Model):
    start: Optional[DateText] = None
    end: Optional[DateText] = None


class Design(Model):
    type: Literal["rct", "cluster_rct", "crossover_rct", "non_randomised", "cohort", "case_control",
                  "cross_sectional", "systematic_review", "other"]
    randomised: bool
    allocation: Optional[Text] = None  # "1:1"
    blinding: Optional[Text] = None  # "double-blind"
    phase: Optional[Text] = None
    centres: Count = None
    countries: Texts = []
    enrolment: Optional[Period] = None
    final_follow_up: Optional[DateText] = None
    planned_follow_up: Optional[Text] = None  # "24 months"
    duration_weeks: Number = None  # treatment duration, for grouping studies
    therapy: Optional[Literal["monotherapy", "add_on"]] = None
    comparator_type: Optional[Literal["placebo", "low_dose", "active", "usual_care", "none"]] = None
    analysis_population: Optional[Text] = None
    registered_primary_outcome: Optional[Text] = None
    target_sample_size: Count = None
    # When participants were seen and scanned, as the source gives it: "clinic visits at 3, 6, 12, 18
    # and 24 months"; the schedule bounds what outcomes could catch (issue 15).
    visits: Optional[Text] = None
    mri_schedule: Optional[Text] = None
    cite: Cite = []


class Baseline(Model):
    name: Text
    value: Text  # as printed: "34 (IQR 28-42)", "70%"
    arm: Optional[Id] = None
    cite: Cite = []


class Population(Model):
    condition: Text
    description: Optional[Text] = None
    stage: Optional[Literal["cis", "rrms", "cis_or_rrms", "progressive", "mixed", "at_risk", "other"]] = None
    age: Optional[Text] = None  # "18-55 years"
    inclusion: Texts = []
    exclusion: Optional[Texts] = None  # None: not reported (say so in `exclusion_note`)
    exclusion_note: Optional[Text] = None
    setting: Optional[Text] = None
    enrolled: Count = None  # when sources give "enrolled" rather than "randomised" (run-in periods)
    randomised: Count = None
    analysed: Count = None
    completed: Count = None
    baseline: list[Baseline] = []
    cite: Cite = []


class Arm(Model):
    id: Id
    role: Literal["intervention", "comparator"]
    label: Text
    short_label: Optional[Text] = None  # for plain-language sentences: "vitamin D"
    agent: Text
    dose: Number = None
    unit: Optional[Text] = None  # "IU"
    route: Optional[Text] = None
    frequency: Optional[Text] = None  # "every 2 weeks"
    daily_equivalent: Number = None  # in `unit`/day, for dose comparisons
    duration: Optional[Text] = None
    formulation: Optional[Text] = None
    co_treatments: Texts = []
    randomised: Count = None
    analysed: Count = None
    cite: Cite = []


OutcomeRole = Literal["primary", "secondary", "safety", "exploratory"]
OutcomeType = Literal["clinical", "surrogate", "composite"]
Measure = Literal["binary", "time_to_event", "continuous", "rate", "count"]


class Outcome(Model):
    id: Id
    name: Text
    role: OutcomeRole
    type: OutcomeType
    measure: Measure
    # Which way is good: fewer events (relapse) or more (no evidence of disease activity, NEDA).
    better: Literal["lower", "higher"] = "lower"
    definition: Optional[Text] = None
    # For a surrogate or a composite that is mostly surrogate: the patient-important outcome it stands for.
    stands_for: Optional[Text] = None
    # Words of the shared outcome vocabulary (msvitd/data/vocabulary) this outcome answers to:
    # relapse, disability, progression, mri_lesions, disease_activity, conversion, …
    concepts: list[Id] = []
    timepoint: Optional[Text] = None
    follow_up_weeks: Number = None
    arms: dict[Id, ArmResult] = {}
    effect: Optional[Effect] = None
    effects: list[Effect] = []  # further comparisons, e.g. each dose against placebo
    significant: Flag = None
    # A between-arm P value the source gives without an effect estimate (e.g. "0.28 vs 0.41; p = 0.165"):
    # kept apart from `effect` so that no measure is invented for it.
    p: PV = None
    finding: Optional[Text] = None  # the source's result in a sentence, e.g. "no significant difference"
    nnt: Optional["ReportedNNT"] = None
    thresholds: Optional["Thresholds"] = None
    grade: Optional[GradeJudgements] = None
    prespecified: Flag = None
    # Continuous outcomes: the instrument and its range, and the minimal important difference with its source.
    scale: Optional[Scale] = None
    mid: Optional[MinimalImportantDifference] = None
    cite: Cite = []


class ReportedNNT(Model):
    value: float = Field(gt=0)
    ci: Optional[Pair] = None
    cite: Cite = []


class Thresholds(Model):
    """Where an effect becomes appreciable, on the ratio scale (GRADE default RR 0.75 / 1.25)."""

    benefit: float = Field(0.75, gt=0)
    harm: float = Field(1.25, gt=0)
    reason: Optional[Text] = None


class Subgroup(SubgroupMethods, Model):
    id: Id
    outcome: Id
    variable: Text  # "baseline 25(OH)D"
    finding: Text
    favours: Optional[Text] = None  # the level where the effect looked larger, e.g. "BMI < 25"
    prespecified: Flag = None
    interaction_p: PV = None
    cite: Cite = []


class Harm(Model):
    id: Id
    name: Text
    # Two different scales (ICH E2A): `serious` is the regulatory category (death, hospitalisation,
    # disability...); `severe` is an intensity grade (mild, moderate, severe). A severe headache need not
    # be serious; a file sets only what its sources say.
    serious: Optional[bool] = None
    severe: Optional[bool] = None
    arms: dict[Id, ArmResult] = {}
    finding: Optional[Text] = None
    related_to_treatment: Optional[Text] = None
    cite: Cite = []


LimitationDomain = Literal["risk_of_bias", "inconsistency", "indirectness", "imprecision", "publication_bias",
                           "other"]


class Limitation(Model):
    id: Id
    text: Text
    domain: LimitationDomain
    outcomes: list[Id] = []  # empty: bears on every outcome
    raised_by: Literal["authors", "commentator", "registry", "msvitd"] = "authors"
    concepts: list[Id] = []
    cite: Cite = []


RobJudgement = Literal["low", "some_concerns", "high", "not_assessed"]


class RobDomain(Model):
    judgement: RobJudgement
    support: Text
    cite: Cite = []


class RiskOfBias(Model):
    """Cochrane RoB 2 for the primary outcome (or the outcomes listed)."""

    tool: Literal["RoB 2", "ROBINS-I", "other"] = "RoB 2"
    assessed_by: Text = "msvitd developers"
    outcomes: list[Id] = []
    randomisation: RobDomain
    deviations: RobDomain
    missing_data: RobDomain
    measurement: RobDomain
    selection: RobDomain
    overall: RobDomain


class Disclosure(Model):
    """What one author (or the author group) declared, with where it was read; sources may disagree."""

    who: Text  # "lead author (Thouvenot)"
    statement: Text
    cite: Cite = []


class Funding(Model):
    sources: Texts = []
    sponsor: Optional[Text] = None
    drug_supplier: Optional[Text] = None
    funder_role: Optional[Text] = None
    conflicts: Optional[Text] = None  # None: not reported in the sources used
    disclosures: list[Disclosure] = []
    cite: Cite = []


class Discrepancy(Model):
    about: Text
    values: Texts
    used: Text
    why: Text
    cite: Cite = []


class Study(StudyMethods, Model):
    kind: Literal["study"]
    id: Id
    name: Text  # "D-Lay MS"
    aliases: Texts = []  # other names a text may use: "DLay", "D-Lay"
    citation: Citation
    sources: list[Source]
    design: Design
    population: Population
    arms: list[Arm] = Field(min_length=2)
    outcomes: list[Outcome] = Field(min_length=1)
    subgroups: list[Subgroup] = []
    harms: list[Harm] = []
    limitations: list[Limitation] = []
    risk_of_bias: Optional[RiskOfBias] = None
    funding: Optional[Funding] = None
    conclusion: Optional[Text] = None
    discrepancies: list[Discrepancy] = []
    notes: Optional[Text] = None


# Outcome.model_rebuild(): in evidence_adapter() (msvitd/models/__init__.py), where validation starts
