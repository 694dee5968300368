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


def test_the_studys_own_figures_identify_it(studies):
    text = ("Researchers in France gave 500 people with early multiple sclerosis either high-dose vitamin D or a "
            "dummy pill. Only 60.3% of patients on vitamin D had no new activity, compared with 74.1% on placebo. "
            "Time to disease activity: 432 days versus 224 days.")
    d = detect_study(text, studies)
    assert d.study_id == "d-lay-ms"
    assert "60.3%" in d.explain() and "432 days" in d.explain()


def test_a_relative_reduction_is_matched_as_one_minus_the_hazard_ratio(studies):
    # 34% is also an arm's share in VIDAMS; told as a reduction it is D-Lay MS's 1 - HR 0.66
    d = detect_study("Patients who took vitamin D were 34% less likely to see their disease get worse.", studies)
    assert d.study_id == "d-lay-ms" and "34% lower" in d.explain()
    with pytest.raises(NoStudy):
        detect_study("In the trial, 34% of patients on vitamin D relapsed.", studies)


def test_undecided_names_the_candidates(studies):
    with pytest.raises(NoStudy, match=r"could be d-lay-ms, (?:evidims, )?prevanz; name one with --source"):
        detect_study("A vitamin D trial in people with a clinically isolated syndrome.", studies)
    with pytest.raises(NoStudy, match=r"could be .*d-lay-ms.*prevanz|could be .*prevanz.*d-lay-ms"):
        detect_study("The D-Lay MS and PrevANZ trials tested vitamin D.", studies)


def test_the_trial_named_more_often_and_with_its_figures_wins(studies):
    text = ("PrevANZ, with 204 people, found no effect. D-Lay MS was different: its 316 participants took "
            "100,000 IU every two weeks and disease activity fell to 60.3% from 74.1%.")
    assert detect_study(text, studies).study_id == "d-lay-ms"
