""""Did you mean ...?": the closest known id to one that was mistyped (one helper for every message
that names an unknown id: a source in `cite:`, an arm, an outcome, a study asked for on the command
line), so that all of them suggest alike."""

from __future__ import annotations

import difflib
from typing import Iterable


def closest(name: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known id most like ``name`` (case-insensitive), or None when nothing is close."""
    choices = list(known)
    lowered = {c.lower(): c for c in choices}
    hit = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=cutoff)
    return lowered[hit[0]] if hit else None


def did_you_mean(name: str, known: Iterable[str], cutoff: float = 0.6) -> str:
    """ " (did you mean 'd-lay-ms'?)" when one known id is close to ``name``, else ""."""
    hit = closest(name, known, cutoff)
    return f" (did you mean {hit!r}?)" if hit else ""
