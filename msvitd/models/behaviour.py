"""What the evidence models do beyond holding fields, free of pydantic (issue 17).

The pydantic classes (validation: `validate`, `new`, a cache miss) and their light twins in
msvitd/models/light.py (what the engines read, and what the library cache keeps) both take their
methods and properties from these mixins, so the engines cannot tell them apart and a warm run
never imports pydantic. Every mixin has empty ``__slots__`` so that a light class stays slot-only."""

from __future__ import annotations

RATIO_MEASURES = ("HR", "RR", "OR", "IRR")


class PValueMethods:
    __slots__ = ()

    def __str__(self) -> str:
        rel = "" if self.relation == "=" else self.relation
        return f"P {rel or '= '}{self.value:g}".replace("P <", "P < ").replace("P >", "P > ")


class EffectMethods:
    __slots__ = ()

    @property
    def is_ratio(self) -> bool:
        return self.measure in RATIO_MEASURES


class SubgroupMethods:
    __slots__ = ()

    @property
    def exploratory(self) -> bool:
        # GRADE and ICEMAN: a subgroup is a finding only with a pre-specified, credible interaction test.
        return not (self.prespecified and self.interaction_p is not None)


class StudyMethods:
    __slots__ = ()

    def arm(self, role: str):
        return next(a for a in self.arms if a.role == role)

    @property
    def intervention(self):
        return self.arm("intervention")

    @property
    def comparator(self):
        return self.arm("comparator")

    def outcome(self, outcome_id: str):
        return next((o for o in self.outcomes if o.id == outcome_id), None)


class OutcomeSourceMethods:
    __slots__ = ()

    @property
    def target(self) -> tuple[str, str]:
        """("outcome", id) or ("harm", id)."""
        return ("outcome", self.outcome) if self.outcome is not None else ("harm", self.harm)


class QuestionMethods:
    __slots__ = ()

    def comparison_of(self, study_id: str):
        return next((c for c in self.comparisons if study_id in c.studies), None)

    def context_of(self, study_id: str):
        return next((c for c in self.context if c.study == study_id), None)
