"""`kind: article`: what a piece of coverage claims, every claim quoted from its text."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field, model_validator

from msvitd.models.common import DateText, Id, Model, Text

Strength = Literal["none", "correlational", "conditional_causal", "direct_causal"]
Direction = Literal["benefit", "harm", "no_difference", "unclear"]


class Quoted(Model):
    """Words taken verbatim from the article's text."""

    quote: Text


class NumberClaim(Model):
    value: float
    unit: Optional[Text] = None  # "%", "participants", "IU", "months"
    quote: Optional[Text] = None  # the words as printed, if not the claim's whole quote
    fact: Optional[Text] = None  # what the number is about, e.g. "disease activity, vitamin D arm"


class PicoClaim(Quoted):
    """How the article describes a PICO element."""

    summary: Text  # the article's claim in a few words
    scope: Optional[Literal["same", "narrower", "broader", "different"]] = None  # reviewer's verdict, optional


class OutcomeClaim(Quoted):
    outcome: Optional[Id] = None  # the study outcome it refers to; None: no such outcome in the study
    concept: Optional[Id] = None  # vocabulary word when no study outcome matches ("damage", "progression")
    study: Optional[Id] = None  # when the article is about several studies
    direction: Direction
    strength: Strength
    numbers: list[NumberClaim] = []
    note: Optional[Text] = None


class LimitationClaim(Quoted):
    limitation: Optional[Id] = None  # the study limitation it acknowledges, if any
    study: Optional[Id] = None


class Claims(Model):
    population: Optional[PicoClaim] = None
    intervention: Optional[PicoClaim] = None
    comparator: Optional[PicoClaim] = None
    outcomes: list[OutcomeClaim] = []
    limitations: list[LimitationClaim] = []


class Article(Model):
    kind: Literal["article"]
    id: Id
    title: Text
    outlet: Optional[Text] = None
    author: Optional[Text] = None
    url: Optional[Text] = None
    date: Optional[DateText] = None
    about: list[Id] = Field(min_length=1)
    text: Optional[Text] = None
    text_file: Optional[Text] = None  # path relative to this file: .txt, .md or .html
    claims: Claims = Claims.model_construct()  # not Claims(): validating at import built its validator in every run
    notes: Optional[Text] = None

    @model_validator(mode="after")
    def _one_text(self):
        if (self.text is None) == (self.text_file is None):
            raise ValueError("give the article's text either inline as `text:` or as `text_file:`, exactly one")
        return self

