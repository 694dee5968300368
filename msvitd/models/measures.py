"""Fields the effect measures and the GRADE imprecision judgement need: a scale's range and an outcome's
minimal important difference (MID), with where it comes from. Kept in one module so that the study and
question models only gain fields (they import these classes)."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field, model_validator

from msvitd.models.common import Cite, Model, Text

# The measures a question may ask msvitd to pool on; each study's raw data is turned into it where it can.
PoolMeasure = Literal["MD", "SMD", "OR", "RR", "RD", "IRR", "HR"]


class Scale(Model):
    """The instrument a continuous outcome is measured on, and its range (a mean outside it is an error)."""

    name: Text  # "EDSS", "FSMC", "EQ-5D index"
    min: float
    max: float
    cite: Cite = []

    @model_validator(mode="after")
    def _ordered(self):
        if not self.min < self.max:
            raise ValueError(f"`min` ({self.min:g}) must be below `max` ({self.max:g})")
        return self


class MinimalImportantDifference(Model):
    """The smallest difference patients would find important, on the outcome's own scale (or as an SMD).

    ``above``/``value_above`` let it depend on where participants start (EDSS: 1.0 point, 0.5 above 5.5),
    judged from the comparator arm's baseline mean when the file gives one."""

    value: float = Field(gt=0)
    above: Optional[float] = None
    value_above: Optional[float] = Field(None, gt=0)
    source: Text  # where the MID comes from: a paper, a guideline, "judgement of the review team"
    cite: Cite = []

    @model_validator(mode="after")
    def _pair(self):
        if (self.above is None) != (self.value_above is None):
            raise ValueError("`above` and `value_above` go together")
        return self


class PoolingOptions(Model):
    """How a comparison's studies are pooled: the tau² estimator, and the Hartung-Knapp adjustment
    (t with k - 1 df; the Cochrane Handbook 10.10.4.2 suggests it when studies are few)."""

    tau2: Literal["REML", "DL"] = "REML"
    hartung_knapp: bool = False
