"""Building blocks shared by every kind of evidence file."""

from __future__ import annotations

import re
from typing import Annotated, Literal, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from msvitd.models.behaviour import RATIO_MEASURES, EffectMethods, PValueMethods  # noqa: F401 (RATIO_MEASURES: its old home)

NOT_REPORTED = "not reported"


def _not_reported(value):
    # "not reported" is how a file says a value exists but the sources do not give it;
    # engines see None and say "not reported" rather than guessing.
    if isinstance(value, str) and value.strip().lower() in (NOT_REPORTED, "nr"):
        return None
    return value


def _listify(value):
    return [value] if isinstance(value, str) else value


def _tuple(value):
    # YAML has no tuples; strict mode would refuse the list a file naturally writes.
    return tuple(value) if isinstance(value, list) else value


class Model(BaseModel):
    """Strict: unknown keys are errors and values are never coerced ("5" is not 5)."""

    # defer_build: a class builds its validator when first used, so a run that takes the library from
    # the cache (msvitd/app/library_cache.py) never pays for building ~40 of them
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=80)]
Text = Annotated[str, Field(min_length=1)]
DateText = Annotated[str, Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
Count = Annotated[Optional[Annotated[int, Field(ge=0)]], BeforeValidator(_not_reported)]
Number = Annotated[Optional[float], BeforeValidator(_not_reported)]
Flag = Annotated[Optional[bool], BeforeValidator(_not_reported)]
Percent = Annotated[Optional[Annotated[float, Field(ge=0, le=100)]], BeforeValidator(_not_reported)]
Pair = Annotated[tuple[float, float], BeforeValidator(_tuple)]
Texts = Annotated[list[Text], BeforeValidator(_listify)]

# Where numbers come from: source ids declared in the study's `sources:`, each followed by where
# in that source the numbers stand. `cite: pmc, Table 2` and
# `cite: [pmc, Abstract (Results), neurologies, Denominators]` both work: a token that is a
# source id starts a citation, the tokens after it are its location (see models/cites.py parse_cites).
Cite = Annotated[list[Text], BeforeValidator(_listify)]

_P = re.compile(r"^\s*(?:[Pp]\s*)?(<=|<|=|>)?\s*(0?\.\d+|1(?:\.0*)?|0)\s*$")


class PValue(PValueMethods, Model):
    """A P value as printed: ``0.004``, ``.004``, ``"<.001"`` or ``"> .05"``."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    relation: Literal["=", "<", "<=", ">"] = "="
    value: float = Field(ge=0, le=1)

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, data):
        if isinstance(data, bool):
            raise ValueError("expected a P value such as 0.004 or \"<.001\", got a boolean")
        if isinstance(data, (int, float)):
            return {"relation": "=", "value": float(data)}
        if isinstance(data, str):
            m = _P.match(data)
            if not m:
                raise ValueError(f"expected a P value such as 0.004 or \"<.001\", got {data!r}")
            return {"relation": m.group(1) or "=", "value": float(m.group(2))}
        return data


PV = Annotated[Optional[PValue], BeforeValidator(_not_reported)]

EffectMeasure = Literal["HR", "RR", "OR", "IRR", "RD", "MD", "SMD", "median_difference"]


class Effect(EffectMethods, Model):
    """A between-arm effect as the source reported it (or as msvitd computed it)."""

    measure: EffectMeasure
    estimate: Number
    ci: Optional[Pair] = None
    ci_level: float = Field(0.95, gt=0, lt=1)
    p: PV = None
    arms: Optional[Annotated[tuple[Id, Id], BeforeValidator(_tuple)]] = None  # (intervention arm, comparator arm); default: the study's pair
    adjusted_for: Optional[Text] = None
    method: Optional[Text] = None  # e.g. "Cox model", "log-rank"
    cite: Cite = []

    @model_validator(mode="before")
    @classmethod
    def _ci_nr(cls, data):
        if isinstance(data, dict) and isinstance(data.get("ci"), str) and _not_reported(data["ci"]) is None:
            return {**data, "ci": None}
        return data


class ArmResult(Model):
    """One arm's numbers for one outcome. Any field may be absent or ``not reported``."""

    events: Count = None
    total: Count = None
    percent: Percent = None
    mean: Number = None
    sd: Number = None
    median: Number = None
    iqr: Optional[Pair] = None
    unit: Optional[Text] = None  # for means and medians: "days", "EDSS points"
    rate: Number = None  # e.g. annualised relapse rate
    person_years: Number = None
    # For a mean difference from the change from baseline (RevMan and metafor accept change or final values
    # for an MD, not a mix of both for an SMD): the mean change, its SD, and the baseline mean.
    change_mean: Number = None
    change_sd: Number = None
    baseline_mean: Number = None
    cite: Cite = []


class Source(Model):
    """A document the numbers come from; cited elsewhere as ``<id>, <location>``."""

    id: Id
    title: Text
    url: Optional[Text] = None
    type: Literal["paper", "abstract", "registry", "press", "interview", "review", "conference", "other"]
    note: Optional[Text] = None


GradeRating = Literal["not_serious", "serious", "very_serious"]
GradeDomain = Literal["risk_of_bias", "inconsistency", "indirectness", "imprecision", "publication_bias"]
GRADE_DOMAINS: tuple[str, ...] = ("risk_of_bias", "inconsistency", "indirectness", "imprecision", "publication_bias")


class GradeJudgement(Model):
    rating: GradeRating
    reason: Text


class GradeJudgements(Model):
    """Judgements a reviewer wrote down; the tool suggests the ones left out, and says so."""

    risk_of_bias: Optional[GradeJudgement] = None
    inconsistency: Optional[GradeJudgement] = None
    indirectness: Optional[GradeJudgement] = None
    imprecision: Optional[GradeJudgement] = None
    publication_bias: Optional[GradeJudgement] = None
    upgrade: Optional[GradeJudgement] = None  # large effect, dose-response (observational only)
