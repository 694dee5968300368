"""Sentences about another bundled trial are checked against that trial, and say so."""

from __future__ import annotations

from pathlib import Path

import pytest

from msvitd.critique.engine import critique_text
from msvitd.text.detect import attribute_sentences

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = """French trial: high-dose vitamin D slows disease activity in early MS

The D-Lay MS trial enrolled 316 people with a clinically isolated syndrome. Disease activity was seen in 60.3% of the vitamin D group and 74.1% of the placebo group. Relapses did not differ.

The CHOLINE trial, which added vitamin D to interferon in 250 patients, proved that vitamin D prevents relapses.
"""


@pytest.fixture(scope="module")
def lib():
    from msvitd.library import load_library

    return load_library([ROOT / "evidence"])


def test_attribution_names_the_other_trials_sentences(lib):
    studies = {k: e.model for k, e in lib.studies.items()}
    spans = attribute_sentences(ARTICLE, studies, "d-lay-ms")
    assert [(ARTICLE[s:e].split(",")[0], sid) for s, e, sid in spans] == [("The CHOLINE trial", "choline")]
    assert attribute_sentences("The D-Lay MS trial enrolled 316 people.", studies, "d-lay-ms") == []


def test_findings_in_those_sentences_are_measured_against_that_trial(lib):
    others = [e.model for e in lib.studies.values()]
    res = critique_text(ARTICLE, lib.study("d-lay-ms"), others=others)
    other = [f for f in res.findings if f.study == "choline"]
    # 250 is not CHOLINE's 129 randomised; "proved" overstates one trial: both measured against CHOLINE
    assert any(f.category == "number_mismatch" and f.quote == "250 patients" and "129" in f.message for f in other)
    assert all(f.message.startswith("(measured against CHOLINE)") for f in other)
    assert all(f.as_dict()["study"] == "choline" for f in other)
    # and nothing of that sentence is measured against D-Lay MS
    cut = ARTICLE.index("The CHOLINE trial")
    assert not [f for f in res.findings if f.study is None and f.start is not None and f.start >= cut]
    assert "study" not in next(f for f in res.findings if f.study is None).as_dict()
