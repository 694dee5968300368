"""Small helpers shared by several rules (not a rule itself; predicates about the study live on the Context)."""

from __future__ import annotations

import re

from msvitd.diagnostics import Severity

_NEG_BEFORE = re.compile(r"(?:\bno\b|\bnot\b|n[’']t\b|\bnever\b|\bwithout\b|\bfar from\b|\bhardly\b|\bnor\b)[\w\s,'’-]{0,25}$",
                         re.IGNORECASE)


def lower(severity: str) -> str:
    """One step down: a hedge lowers severity but does not erase a finding."""
    return Severity(severity).one_step_down().value


def negated_before(text: str, start: int, floor: int) -> bool:
    """True when a negation stands just before ``start`` (within a few words): "no known cure"."""
    return bool(_NEG_BEFORE.search(text[max(floor, start - 30):start]))


def by_strength(default: str, strength: str) -> str:
    """Severity for a claim: the default for a direct claim, one step lower when hedged, two when correlational."""
    if strength == "direct_causal":
        return default
    if strength == "conditional_causal":
        return lower(default)
    return lower(lower(default))
