from pathlib import Path

import pytest

from msvitd.text.detect import NoStudy, detect_study

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def studies():
    from msvitd.library import load_library

    return {k: e.model for k, e in load_library([ROOT / "evidence"]).studies.items()}


def test_registry_number(studies):
    d = detect_study("The trial (NCT01817166) tested vitamin D.", studies)
    assert d.study_id == "d-lay-ms" and "registry number NCT01817166" in d.reasons


def test_trial_name(studies):
    assert "trial name" in detect_study("Results of the D-Lay MS trial were published.", studies).explain()


def test_intervention_population_and_setting(studies):
    text = "A French trial of high-dose vitamin D in 316 people with clinically isolated syndrome."
    d = detect_study(text, studies)
    assert d.study_id == "d-lay-ms" and "population (cis)" in d.reasons


def test_nothing_fits(studies):
    with pytest.raises(NoStudy, match="--source"):
        detect_study("A trial of statins in heart failure.", studies)
