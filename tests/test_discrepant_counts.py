"""A count that the study file's `discrepancies:` give as another report's figure is a published
number, not a misquote; a planned size never excuses a count of who took part. Sentences written
here (CHOLINE: 129 randomised in the registry, 181 in the journal abstract; 200 planned)."""

from __future__ import annotations

from pathlib import Path

import pytest

from msvitd.critique.engine import critique_text
from msvitd.facts.source import discrepant_values

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def choline():
    from msvitd.library import load_library

    return load_library([ROOT / "evidence"]).study("choline")


def _mismatches(text, study):
    return [f.quote for f in critique_text(text, study).findings if f.category == "number_mismatch"]


def test_the_other_reports_count_is_read_from_the_discrepancies(choline):
    assert {181, 126} <= discrepant_values(choline)
    assert 200 not in discrepant_values(choline)  # the planned size: a target, not who took part


def test_an_article_repeating_the_abstracts_count_is_not_called_wrong(choline):
    text = "The journal abstract of the CHOLINE trial gives 181 randomised patients, a figure later corrected."
    assert _mismatches(text, choline) == []


def test_a_count_nobody_reported_is_still_a_mismatch(choline):
    text = "The CHOLINE trial gave vitamin D or placebo to 350 patients on interferon."
    assert _mismatches(text, choline) == ["350 patients"]


@pytest.mark.parametrize("text", [
    "The team analysed 90 patients in the end.",
    "Au final, 90 patients ont été analysés.",
])
def test_a_role_the_study_file_does_not_report_is_no_crash(choline, text):
    # CHOLINE reports no analysed count ("not reported"); 90 is who completed. Asking for the
    # analysed count once ended the whole critique with an internal error on a careful page.
    assert _mismatches(text, choline) == []
