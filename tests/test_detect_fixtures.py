"""Study detection on short articles written for it (tests/fixtures/detect/): trials that are not in
the library, observational studies, two trials in one article, French, German and Spanish cues.
No wrong pick; the articles about a bundled trial are decided; the others are declined with why."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from msvitd.text.detect import NoStudy, detect_study

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures" / "detect"
LABELS = yaml.safe_load((FIX / "labels.yaml").read_text(encoding="utf-8"))["files"]


@pytest.fixture(scope="module")
def studies():
    from msvitd.library import load_library

    return {k: e.model for k, e in load_library([ROOT / "evidence"]).studies.items()}


@pytest.mark.parametrize("name,want", sorted(LABELS.items()))
def test_no_wrong_pick(studies, name, want):
    text = (FIX / name).read_text(encoding="utf-8")
    if want in ("none", "ambiguous"):
        with pytest.raises(NoStudy):
            detect_study(text, studies)
    else:
        assert detect_study(text, studies).study_id == want


@pytest.mark.parametrize("name,words", [
    ("iran-weekly-rrms.txt", ["80 patients", "Iran", "50,000 IU a week"]),
    ("french-monthly-cis.txt", ["60 patients", "France", "100,000 IU a month"]),
    ("norway-cohort.txt", ["observational study", "2,100", "Norway"]),
    ("diabetes-trial.txt", ["2,423"]),
])
def test_a_study_not_in_the_library_is_named_as_such(studies, name, words):
    with pytest.raises(NoStudy) as exc:
        detect_study((FIX / name).read_text(encoding="utf-8"), studies)
    msg = str(exc.value)
    assert exc.value.not_in_library and "not in the library" in msg and "--source" in msg
    for w in words:
        assert w in msg


def test_two_trials_told_equally_name_both_candidates_with_their_support(studies):
    with pytest.raises(NoStudy) as exc:
        detect_study((FIX / "two-trials-equal.txt").read_text(encoding="utf-8"), studies)
    msg = str(exc.value)
    assert "could be d-lay-ms, prevanz" in msg and 'trial name "PrevANZ"' in msg


def test_the_main_trial_is_chosen_and_the_other_is_said(studies):
    d = detect_study((FIX / "column-dlay-and-choline.txt").read_text(encoding="utf-8"), studies)
    assert d.study_id == "d-lay-ms" and d.others == ("choline",)
    assert "also discussed: choline" in d.explain()
    d = detect_study((FIX / "solar-main-dlay-aside.txt").read_text(encoding="utf-8"), studies)
    assert d.study_id == "solar" and "d-lay-ms" in d.others and d.confidence == "high"


@pytest.mark.parametrize("name", ["fr-dlay-cues.txt", "de-dlay-cues.txt", "es-dlay-cues.txt"])
def test_french_german_spanish_cues(studies, name):
    d = detect_study((FIX / name).read_text(encoding="utf-8"), studies)
    assert d.study_id == "d-lay-ms"
    assert "dose and schedule (100,000 IU every 2 weeks)" in d.reasons and "journal (JAMA)" in d.reasons


def test_a_contradiction_is_said_but_the_studys_own_figures_outweigh_it(studies):
    d = detect_study((FIX / "dlay-wrong-n.txt").read_text(encoding="utf-8"), studies)
    assert d.study_id == "d-lay-ms" and any(a.startswith("participants: the article's 500") for a in d.against)


def test_an_observational_study_is_not_a_randomised_trial(studies):
    text = ("Vitamin D and MS relapses in a French cohort\n\nAn observational study followed 316 people with "
            "a clinically isolated syndrome in France who took vitamin D on their own.\n")
    with pytest.raises(NoStudy, match="observational study of 316 people in France"):
        detect_study(text, studies)
