"""Small helpers shared by several rules (not a rule itself; predicates about the study live on the Context)."""

from __future__ import annotations

import re

from msvitd.diagnostics import Severity
from msvitd.text import negation


def lower(severity: str) -> str:
    """One step down: a hedge lowers severity but does not erase a finding."""
    return Severity(severity).one_step_down().value


def negated_after(text: str, end: int) -> bool:
    """True when the words right after ``end`` deny it as a predicate ("Ein Durchbruch ist das nicht")."""
    return bool(negation.after().match(text, end))


def negated_before(text: str, start: int, floor: int) -> bool:
    """True when a negation stands just before ``start`` (within a few words): "no known cure", "kein Beweis",
    "pas de preuve", "sin pruebas" (the words: ``negation: rules:`` in the lexicons, msvitd/text/negation.py)."""
    window = text[max(floor, start - 30):start]
    cut = None
    for cut in negation.contrast().finditer(window):
        pass
    if cut is not None:  # "Anecdote isn't data, but the science has caught up": the negation is before the contrast
        window = window[cut.end():]
    return bool(negation.before().search(window))


def by_strength(default: str, strength: str) -> str:
    """Severity for a claim: the default for a direct claim, one step lower when hedged, two when correlational."""
    if strength == "direct_causal":
        return default
    if strength == "conditional_causal":
        return lower(default)
    return lower(lower(default))


def for_claim(default: str, strength: str, reading, end: int | None = None) -> str:
    """by_strength, and two steps lower for a question ("Does vitamin D stop MS?", also with a
    bracket after it): a question puts the idea forward without asserting it (it stays visible as
    info; the answer may well be no).  ``end``: where the claim ends (absolute offset)."""
    sev = by_strength(default, strength)
    rest = reading.sentence.text[max(0, end - reading.start):] if end is not None else ""
    asked = getattr(reading, "question", False) or bool(_ASKED.match(rest))
    return lower(lower(sev)) if asked else sev


# the claim's own clause ends in a question mark: "stop MS? (the French trial)"
_ASKED = re.compile(r"[^.!?;:]{0,80}\?")
