"""`kind: question`: a review question (PICO) answered by several studies.

A question names its outcomes (ranked critical / important as GRADE does), which outcome or harm
of which study answers each, and which studies may be pooled (``comparisons``: studies in
different comparisons are never combined, and each comparison says why it stands apart).
``context`` gives one line per study for readers and for critique (what the earlier trials found).
"""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import BeforeValidator, Field, model_validator

from msvitd.models.behaviour import OutcomeSourceMethods, QuestionMethods
from msvitd.models.common import Flag, GradeJudgements, Id, Model, Text, Texts
from msvitd.models.measures import MinimalImportantDifference, PoolingOptions, PoolMeasure
from msvitd.models.study import Thresholds

# The same choices as `design.therapy`, `design.comparator_type` and `population.stage` of a study.
Therapy = Literal["monotherapy", "add_on"]
ComparatorType = Literal["placebo", "low_dose", "active", "usual_care", "none"]
Stage = Literal["cis", "rrms", "cis_or_rrms", "progressive", "mixed", "at_risk", "other"]


def _tuple(value):
    return tuple(value) if isinstance(value, list) else value


class OutcomeSource(OutcomeSourceMethods, Model):
    """Which outcome (or harm) of which study answers one of the question's outcomes.

    ``outcome`` names an entry of the study's ``outcomes:``, ``harm`` one of its ``harms:``; exactly one
    is given. ``arms`` picks the comparison in a study with more than two arms (intervention arm,
    comparator arm), matching the ``arms`` of one of the outcome's ``effect``/``effects``.
    """

    study: Id
    outcome: Optional[Id] = None
    harm: Optional[Id] = None
    arms: Optional[Annotated[tuple[Id, Id], BeforeValidator(_tuple)]] = None
    note: Optional[Text] = None

    @model_validator(mode="after")
    def _one_target(self):
        if (self.outcome is None) == (self.harm is None):
            raise ValueError("name exactly one of `outcome:` (a study outcome id) or `harm:` (a study harm id)")
        if self.arms is not None and self.arms[0] == self.arms[1]:
            raise ValueError("`arms:` needs two different arms: [intervention arm, comparator arm]")
        return self


class QuestionOutcome(Model):
    id: Id
    name: Text
    importance: Literal["critical", "important", "not_important"]
    rank: Optional[int] = Field(None, ge=1, le=9)  # GRADE's 1-9 scale: 7-9 critical, 4-6 important
    definition: Optional[Text] = None
    concepts: list[Id] = []  # words of the shared outcome vocabulary, as on study outcomes
    from_studies: list[OutcomeSource] = []
    note: Optional[Text] = None  # e.g. why it is ranked as it is, or what no study measured
    # GRADE judgements on the body of evidence for this outcome (across its studies, per comparison), each
    # with a reason; `msvitd summarize` uses them as given ("judged in the question file") and suggests the rest.
    grade: Optional[GradeJudgements] = None
    # Where an effect becomes appreciable for this outcome (ratio scale), for the imprecision judgement.
    thresholds: Optional[Thresholds] = None
    # The minimal important difference for a continuous outcome (overrides the studies'), with its source.
    mid: Optional[MinimalImportantDifference] = None
    # The effect measure to pool on; msvitd computes it from each study's raw data (counts, means and SDs,
    # events and person-time) where it can. Default: the measure the studies share.
    pool_as: Optional[PoolMeasure] = None


class Comparison(Model):
    """A set of studies that may be pooled together; studies in different comparisons never are.

    ``therapy``, ``comparator_type`` and ``stages`` state what the studies share (the same fields as
    each study's design and population); ``reason`` says why this set is kept apart from the others.
    """

    id: Id
    label: Text
    studies: list[Id] = Field(min_length=1)
    reason: Text
    therapy: Optional[Therapy] = None
    comparator_type: Optional[ComparatorType] = None
    stages: list[Stage] = []
    pooling: Optional[PoolingOptions] = None  # default: REML random effects, normal-based interval


class StudyContext(Model):
    """One line on what one study found, for a reader who knows only one trial."""

    study: Id
    summary: Text  # one line, every number as in the study file
    primary_met: Flag = None  # did the study's primary outcome show a significant difference?

    @model_validator(mode="after")
    def _one_line(self):
        if "\n" in self.summary.strip():
            raise ValueError("`summary:` is one line")
        return self


class Excluded(Model):
    """Evidence considered and left out of the question, with the reason."""

    name: Text
    reason: Text
    url: Optional[Text] = None


class Question(QuestionMethods, Model):
    kind: Literal["question"]
    id: Id
    title: Text
    population: Text
    intervention: Text
    comparator: Text
    setting: Optional[Text] = None
    outcomes: list[QuestionOutcome] = Field(min_length=1)
    comparisons: list[Comparison] = Field(min_length=1)
    context: list[StudyContext] = []
    excluded: list[Excluded] = []
    notes: Optional[Texts] = None
