from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def dlay():
    from msvitd.validation import validate_document
    from msvitd.yamlio import read_file

    doc = read_file(ROOT / "evidence" / "studies" / "d-lay-ms.yaml")
    model, problems = validate_document(doc)
    assert model is not None, problems
    return model, doc


@pytest.fixture(scope="session")
def facts(dlay):
    from msvitd.facts.derived import derived_facts
    from msvitd.facts.source import study_facts

    model, doc = dlay
    f = study_facts(model, doc.data)
    return f, derived_facts(f)
