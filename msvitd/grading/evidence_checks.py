"""Checks on the numbers the effect measures use, and on GRADE judgements the handbook contradicts.

``check_study`` yields ``(code, message, path)`` like msvitd.checks, which calls it:
- per-arm continuous results: an SD (or SD of the change) that is not positive, a mean outside the
  outcome's scale (S104); a rate, or events on a rate outcome, without person-time (S101: write
  ``person_years: not reported`` when the sources do not give it);
- a file's imprecision judgement less severe than the handbook's rule for the same interval (S230, a
  warning: GRADE rates very serious when the CI crosses both thresholds of an appreciable effect).
"""

from __future__ import annotations

from typing import Iterator

from msvitd.datapath import has_path
from msvitd.grading.handbook import file_contradiction


def _arm_checks(outcome, path: tuple, data) -> Iterator[tuple]:
    scale = getattr(outcome, "scale", None)
    for arm_id, res in outcome.arms.items():
        here = path + ("arms", arm_id)
        for field in ("sd", "change_sd"):
            value = getattr(res, field)
            if value is not None and value <= 0:
                yield "S104", f"an SD must be positive, got {value:g}", here + (field,)
        if scale is not None:
            for field in ("mean", "baseline_mean", "median"):
                value = getattr(res, field)
                if value is not None and not scale.min <= value <= scale.max:
                    yield ("S104", f"{field.replace('_', ' ')} {value:g} lies outside the {scale.name} scale "
                                   f"({scale.min:g} to {scale.max:g})", here + (field,))
            span = scale.max - scale.min
            if res.change_mean is not None and abs(res.change_mean) > span:
                yield ("S104", f"a change of {res.change_mean:g} is larger than the whole {scale.name} scale "
                               f"({scale.min:g} to {scale.max:g})", here + ("change_mean",))
        rate_like = res.rate is not None or (outcome.measure == "rate" and res.events is not None)
        if rate_like and res.person_years is None and not has_path(data, here + ("person_years",)):
            what = "a rate" if res.rate is not None else "events on a rate outcome"
            yield ("S101", f"{what} without person-time: add `person_years:` for arm {arm_id!r} "
                           "(or `person_years: not reported` when the sources do not give it)", here)


def check_study(study, data) -> Iterator[tuple]:
    for i, outcome in enumerate(study.outcomes):
        here = ("outcomes", i)
        yield from _arm_checks(outcome, here, data)
        message = file_contradiction(study, outcome)
        if message:
            yield "S230", message, here + ("grade", "imprecision", "rating")
