"""`kind: question`: a review question (PICO) answered by several studies."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from msvitd.models.common import Id, Model, Text, Texts


class OutcomeSource(Model):
    """Which outcome of which study answers one of the question's outcomes."""

    study: Id
    outcome: Id


class QuestionOutcome(Model):
    id: Id
    name: Text
    importance: Literal["critical", "important", "not_important"]
    rank: Optional[int] = Field(None, ge=1, le=9)  # GRADE's 1-9 scale
    from_studies: list[OutcomeSource] = []


class Comparison(Model):
    """A set of studies that may be pooled together; studies in different comparisons never are."""

    id: Id
    label: Text
    studies: list[Id] = Field(min_length=1)
    reason: Text


class Question(Model):
    kind: Literal["question"]
    id: Id
    title: Text
    population: Text
    intervention: Text
    comparator: Text
    outcomes: list[QuestionOutcome] = Field(min_length=1)
    comparisons: list[Comparison] = Field(min_length=1)
    notes: Optional[Texts] = None
