"""What the rules need to know about a study, derived once from its evidence file: which outcomes
were significant, null or surrogate, per outcome concept; its primary outcome; its numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


def _num(x: float | None) -> str:
    if x is None:
        return "?"
    return f"{x:g}"


def outcome_fact(outcome, study) -> str:
    """The source's figure for one outcome: "Relapse: 17.9% vs 21.8%, not significant"."""
    parts = []
    try:
        arm_i, arm_c = study.intervention.id, study.comparator.id
    except StopIteration:  # pragma: no cover - a study always has both roles
        arm_i = arm_c = None
    ai, ac = outcome.arms.get(arm_i), outcome.arms.get(arm_c)
    if ai is not None and ac is not None and ai.percent is not None and ac.percent is not None:
        parts.append(f"{_num(ai.percent)}% vs {_num(ac.percent)}%")
    elif ai is not None and ac is not None and ai.rate is not None and ac.rate is not None:
        parts.append(f"{_num(ai.rate)} vs {_num(ac.rate)}")
    elif ai is not None and ac is not None and ai.median is not None and ac.median is not None:
        unit = f" {ai.unit}" if ai.unit else ""
        parts.append(f"median {_num(ai.median)} vs {_num(ac.median)}{unit}")
    eff = outcome.effect
    if eff is not None and eff.estimate is not None:
        from msvitd.stats.printed import as_printed

        # as papers print it, and as the SoF beside it does: "HR 0.66 (95% CI 0.50 to 0.87)"
        est, lo, hi = as_printed(eff.estimate, *(eff.ci or (None, None)))
        e = f"{eff.measure} {est}"
        if eff.ci:
            e += f" (95% CI {lo} to {hi})"
        parts.append(e)
    if outcome.significant is False:
        parts.append("not significant")
    elif outcome.significant is True and eff is not None and eff.p is not None:
        parts.append(str(eff.p))
    body = ", ".join(parts) if parts else (outcome.finding or ("significant" if outcome.significant else "no significant difference"))
    name = outcome.name
    return f"{name}: {body}"


@dataclass
class ConceptStatus:
    status: str  # supported / null / not_measured
    outcomes: list = field(default_factory=list)


@dataclass
class StudyFacts:
    study: object
    by_concept: dict[str, list] = field(default_factory=dict)
    positive: list = field(default_factory=list)  # significant outcomes
    positive_surrogate: list = field(default_factory=list)  # significant surrogate/composite outcomes
    null: list = field(default_factory=list)
    null_clinical: list = field(default_factory=list)

    @classmethod
    def of(cls, study) -> "StudyFacts":
        f = cls(study)
        for o in study.outcomes:
            for c in o.concepts:
                f.by_concept.setdefault(c, []).append(o)
            if o.significant:
                f.positive.append(o)
                if o.type in ("surrogate", "composite"):
                    f.positive_surrogate.append(o)
            elif o.significant is False:
                f.null.append(o)
                if o.type == "clinical":
                    f.null_clinical.append(o)
        return f

    @cached_property
    def number_facts(self) -> list:
        """Every number of the study file as a fact (msvitd.facts.source), read once."""
        from msvitd.facts.source import study_facts

        return study_facts(self.study)

    @cached_property
    def derived_number_facts(self) -> list:
        from msvitd.facts.derived import derived_facts

        return derived_facts(self.number_facts)

    @property
    def intervention(self):
        return self.study.intervention

    def status(self, concept: str) -> ConceptStatus:
        outs = self.by_concept.get(concept, [])
        if any(o.significant for o in outs):
            return ConceptStatus("supported", [o for o in outs if o.significant])
        if outs and all(o.significant is False for o in outs):
            return ConceptStatus("null", outs)
        if outs:
            return ConceptStatus("unknown", outs)
        return ConceptStatus("not_measured", [])

    def fact(self, outcome) -> str:
        return outcome_fact(outcome, self.study)

    @property
    def primary(self):
        return next((o for o in self.study.outcomes if o.role == "primary"), self.study.outcomes[0])

    def surrogate_summary(self) -> str:
        """The study's positive surrogate result in one line (its primary outcome first)."""
        outs = sorted(self.positive_surrogate, key=lambda o: o.role != "primary")
        return self.fact(outs[0]) if outs else ""

    def surrogate_names(self, limit: int = 2) -> str:
        """The positive surrogate outcomes by short name: "disease activity, MRI activity, new MRI lesions"."""
        outs = sorted(self.positive_surrogate, key=lambda o: o.role != "primary")
        names, seen = [], set()
        for o in outs:
            if set(o.concepts) <= seen:
                continue  # "time to disease activity" after "disease activity"
            seen |= set(o.concepts)
            n = o.name.split("(")[0].strip()
            n = n[:1].lower() + n[1:] if n[1:2].islower() else n
            if n and n not in names:
                names.append(n)
        return ", ".join(names[:limit])

    def intervention_terms(self) -> tuple[str, ...]:
        """The words that name the intervention and the study, escaped for a reader's pattern: the
        intervention arms' terms (facts.source.arm_terms), the study's aliases (not registry
        numbers) and its name, each once whatever its case."""
        from msvitd.facts.source import arm_terms

        s = self.study
        terms = list(arm_terms(s))
        terms += [a for a in s.aliases if not a[:1].isdigit() and not a.upper().startswith("NCT")]
        terms.append(s.name)
        out = []
        for t in terms:
            t = t.strip()
            if t and t.lower() not in {x.lower() for x in out}:
                out.append("".join("\\" + ch if ch in "()|?*\\" else ch for ch in t))
        return tuple(out)
