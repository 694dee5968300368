"""`msvitd diff` and critique rule C502 read numbers with one matcher: the same mismatches."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

TEXTS = [
    "Vitamin D cuts MS activity by two thirds, study finds\n\nResearchers in France gave 500 people with early "
    "multiple sclerosis either high-dose vitamin D or a dummy pill for three years.\n\nVitamin D reduced the risk of "
    "disease activity by 66%. Only 60.3% of patients on vitamin D had no new activity, compared with 74.1% on "
    "placebo.\n\nTime to disease activity was nearly twice as long with vitamin D: 432 days versus 224 days.\n",
    "The D-Lay MS trial randomly assigned 303 adults to 100,000 IU or placebo. Over 24 months, 60.3% of patients "
    "taking vitamin D had disease activity, compared with 74.1% of those on placebo (HR 0.66).\n",
    "In PrevANZ, 204 people took up to 10,000 IU a day. In VIDAMS, relapses were 34% and 32%.\n\nD-Lay MS was "
    "different: its 316 participants took 100,000 IU every two weeks.\n",
]


@pytest.fixture(scope="module")
def lib():
    from msvitd.library import load_library

    return load_library([ROOT / "evidence"])


@pytest.mark.parametrize("text", TEXTS)
def test_diff_mismatches_are_critique_findings(lib, text):
    from msvitd.critique.engine import critique_text
    from msvitd.diffing.engine import build_report

    entry = lib.studies["d-lay-ms"]
    others = [e.model for e in lib.studies.values()]
    diff = build_report(entry, None, text, others=others)
    crit = critique_text(text, entry.model, others=others, select=("C502",))
    assert {(r.start, r.end) for r in diff.numbers if r.verdict == "mismatch"} == \
        {(f.start, f.end) for f in crit.findings}
    notes = {r.note for r in diff.numbers if r.verdict == "mismatch"}
    assert {f.message for f in crit.findings} == notes


def test_the_issue_examples(lib):
    from msvitd.critique.engine import critique_text

    res = critique_text(TEXTS[0], lib.study("d-lay-ms"), select=("C502",))
    assert [f.quote for f in res.findings] == ["two thirds", "500 people", "three years", "66%", "60.3%", "74.1%"]
    res = critique_text(TEXTS[2], lib.study("d-lay-ms"), others=[e.model for e in lib.studies.values()],
                        select=("C502",))
    assert res.findings == ()
