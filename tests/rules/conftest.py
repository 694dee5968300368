"""Helpers for rule tests: critique a snippet against the bundled D-Lay MS study file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def _library():
    from msvitd.library import load_library

    return load_library([ROOT / "evidence"])


def critique(text: str, rule: str | None = None, others: bool = True):
    from msvitd.critique.engine import critique_text

    lib = _library()
    study = lib.study("d-lay-ms")
    # a rule's pattern checked in isolation: short texts count as whole articles here
    res = critique_text(text, study, others=[e.model for e in lib.studies.values()] if others else [],
                        select=(rule,) if rule else (), whole_article=True)
    for f in res.findings:
        if f.quote is not None:
            assert text[f.start:f.end] == f.quote
    return res


def found(text: str, study: str, lang: str = "en", whole_article: bool = False) -> list[tuple[str, str, str]]:
    """(code, severity, quote) of every finding of ``text`` critiqued against ``study``: as sentences only, or
    with the whole-article checks (omissions, context) when ``whole_article``."""
    from msvitd.critique.engine import critique_text

    lib = _library()
    res = critique_text(text, lib.study(study), others=[e.model for e in lib.studies.values()], lang=lang,
                        whole_article=whole_article)
    return [(f.rule, str(getattr(f.severity, "value", f.severity)), f.quote or "") for f in res.findings]


@pytest.fixture
def run():
    """run(text, "C201") -> [(code, severity, quote, line, column), ...] for that rule."""

    def _run(text: str, rule: str):
        res = critique(text, rule)
        return [(f.rule, f.severity, f.quote, f.line, f.column) for f in res.findings]

    return _run


@pytest.fixture
def study():
    return _library().study("d-lay-ms")
