"""Minimal important differences (MIDs) for continuous outcomes: the one a question or study file gives
(with its source), else msvitd's table of known instruments, each entry with where it comes from.

A file's `mid:` wins; the question's overrides the study's. An instrument is recognised by the outcome's
`scale: name:` or, failing that, by its name written as a word in the outcome's name ("Disability (EDSS)").
"""

from __future__ import annotations

import re
from typing import NamedTuple, Optional


class KnownMid(NamedTuple):
    value: float
    above: Optional[float]  # from this baseline on, ``value_above`` applies
    value_above: Optional[float]
    source: str


# Data, not code: add an instrument here with the source of its MID.
KNOWN: dict[str, KnownMid] = {
    "EDSS": KnownMid(1.0, 5.5, 0.5,
                     "msvitd's default for the EDSS: the change usually taken as clinically meaningful, 1.0 point "
                     "(0.5 from a baseline above 5.5), Kragt et al. 2006, as cited in msvitd's meta-analysis review"),
}


def _pick(value: float, above: Optional[float], value_above: Optional[float], baseline: Optional[float]) -> float:
    if above is not None and value_above is not None and baseline is not None and baseline > above:
        return value_above
    return value


def _baseline(outcome) -> Optional[float]:
    """The comparator arm's baseline mean, else the mean of the arms' baselines (what the MID may depend on)."""
    vals = [r.baseline_mean for r in getattr(outcome, "arms", {}).values() if r.baseline_mean is not None]
    return sum(vals) / len(vals) if vals else None


def _known(outcome) -> Optional[KnownMid]:
    scale = getattr(outcome, "scale", None)
    if scale is not None:
        return KNOWN.get(scale.name.strip().upper())
    for name, entry in KNOWN.items():
        if re.search(rf"\b{re.escape(name)}\b", getattr(outcome, "name", "") or "", re.IGNORECASE):
            return entry
    return None


def outcome_mid(outcome, qo=None, baseline: Optional[float] = None) -> tuple[Optional[float], Optional[str]]:
    """(MID, where it comes from) for one outcome, or (None, None) when nothing gives one."""
    baseline = baseline if baseline is not None else _baseline(outcome)
    for holder, who in ((qo, "question file"), (outcome, "study file")):
        mid = getattr(holder, "mid", None) if holder is not None else None
        if mid is not None:
            value = _pick(mid.value, mid.above, mid.value_above, baseline)
            return value, f"set in the {who}: {mid.source}"
    known = _known(outcome)
    if known is None:
        return None, None
    value = _pick(known.value, known.above, known.value_above, baseline)
    at = f"; baseline {baseline:g}" if baseline is not None else f"; no baseline given, so the value up to {known.above:g}"
    return value, known.source + (at if known.above is not None else "")
