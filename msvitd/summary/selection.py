"""Which outcome and which arms: an outcome or a harm seen the same way, the default pair of arms,
arm look-ups and labels, and the effect estimate a study gives for a pair of arms."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Optional

from msvitd.summary.wording import cap, effect_text


@dataclass(frozen=True)
class OutcomeView:
    """A study outcome or a harm, seen the same way: a harm is a binary outcome with per-arm results only."""

    kind: str  # "outcome" | "harm"
    id: str
    name: str
    role: str
    type: str
    measure: str
    better: str = "lower"
    stands_for: Optional[str] = None
    timepoint: Optional[str] = None
    follow_up_weeks: Optional[float] = None
    arms: Mapping = field(default_factory=dict)
    effect: object = None
    effects: tuple = ()
    significant: Optional[bool] = None
    finding: Optional[str] = None
    nnt: object = None
    thresholds: object = None
    grade: object = None


def view(target) -> OutcomeView:
    if isinstance(target, OutcomeView):
        return target
    if hasattr(target, "measure"):
        return OutcomeView(
            "outcome", target.id, target.name, target.role, target.type, target.measure,
            getattr(target, "better", "lower") or "lower", target.stands_for, target.timepoint,
            target.follow_up_weeks, dict(target.arms), target.effect, tuple(target.effects), target.significant,
            target.finding, target.nnt, target.thresholds, target.grade)
    return OutcomeView("harm", target.id, target.name, "harm", "clinical", "binary", arms=dict(target.arms),
                       finding=target.finding)


def follow_up(outcome) -> Optional[str]:
    if outcome.timepoint:
        return outcome.timepoint
    if outcome.follow_up_weeks:
        return f"{outcome.follow_up_weeks:g} weeks"
    return None


def default_pair(study) -> tuple[str, str]:
    i = next((a for a in study.arms if a.role == "intervention"), None)
    c = next((a for a in study.arms if a.role == "comparator"), None)
    ids = [a.id for a in study.arms]
    i_id = i.id if i else (ids[0] if ids else "intervention")
    c_id = c.id if c else next((x for x in ids if x != i_id), "comparator")
    return i_id, c_id


def effect_pair(effect, default: tuple[str, str]) -> tuple[str, str]:
    """The arms an effect estimate compares: its own ``arms:``, else the study's default pair."""
    return tuple(effect.arms) if effect.arms else default


def find_arm(study, arm_id: str):
    return next((a for a in study.arms if a.id == arm_id), None)


def arm_label(study, arm_id: str) -> str:
    arm = find_arm(study, arm_id)
    return arm.label if arm else arm_id


def arm_name(study, arm_id: str) -> str:
    arm = find_arm(study, arm_id)
    if arm is None:
        return "The intervention"
    return cap(arm.short_label or arm.agent)


def pick_effect(study, o: OutcomeView, arms, others: bool = False
                ) -> tuple[Optional[object], tuple[str, str], bool, list[str]]:
    """The effect for the arm pair: (effect, pair, inverted, notes). ``arms`` None: the outcome's own.
    With ``others``, a note lists the estimates the study reports for other pairs of arms."""
    default = default_pair(study)
    effects = [e for e in (o.effect, *o.effects) if e is not None]

    def pair_of(e):
        return effect_pair(e, default)

    notes: list[str] = []
    if arms is None:
        pair = pair_of(o.effect) if o.effect is not None else default
    else:
        pair = tuple(arms)
    eff = next((e for e in effects if pair_of(e) == pair), None)
    inverted = False
    if eff is None:
        eff = next((e for e in effects if pair_of(e) == pair[::-1]), None)
        inverted = eff is not None
    if others:
        for e in [e for e in effects if pair_of(e) not in (pair, pair[::-1]) and e.estimate is not None]:
            a, b = pair_of(e)
            notes.append(f"{study.name} also reports {arm_label(study, a)} vs {arm_label(study, b)}: "
                         f"{effect_text(e.measure, e.estimate, e.ci)}; not used here, the question takes "
                         f"{arm_label(study, pair[0])} vs {arm_label(study, pair[1])}.")
    return eff, pair, inverted, notes


def outcome_kind(sources) -> tuple[str, Optional[str]]:
    """(outcome type, what it stands for) of a body of evidence: surrogate if any study's outcome is one,
    else composite if any is, else clinical."""
    types = {s.outcome.type for s in sources}
    otype = "surrogate" if "surrogate" in types else ("composite" if "composite" in types else "clinical")
    return otype, next((s.outcome.stands_for for s in sources if s.outcome.stands_for), None)
