"""Round 6, English and the shared engine: patterns found on web3_a_blind (a statistics course page, a club
newsletter, a news-app summary). Every sentence is written here for one pattern; none comes from a corpus."""

from __future__ import annotations

import pytest

from conftest import found  # tests/rules/conftest.py


def codes(text: str, study: str, lang: str = "en") -> set[str]:
    return {c for c, _, _ in found(text, study, lang)}


def loud(text: str, study: str, lang: str = "en") -> set[str]:
    return {c for c, sev, _ in found(text, study, lang) if sev in ("error", "warning")}


# -- a P value above 0.05 is a null result; the sentence after a claim takes it back -----------------------

@pytest.mark.parametrize("text", [
    "Relapses looked rarer with the vitamin. Yet the p value was 0.31, well short of significance.",
    "The relapse rate seemed to drop with vitamin D. P = 0.2, so chance explains it just as well.",
])
def test_a_p_value_above_005_in_the_next_sentence_takes_the_claim_back(text):
    assert not loud(text, "solar") & {"C201", "C202"}


def test_a_small_p_value_takes_nothing_back():
    assert "C202" in loud("Vitamin D cut relapses. The p value was 0.003.", "solar")


# -- the arms' figures told as close: the null result is reported ------------------------------------------

@pytest.mark.parametrize("text", [
    "Vitamin D was compared at two doses. The relapse numbers were almost identical in the two arms.",
    "Both doses were tested; relapse rates were much the same in both groups.",
    "The relapse figures were close: roughly a third of each group relapsed.",
])
def test_close_figures_report_the_null_clinical_outcome(text):
    assert "C601" not in {c for c, _, _ in found(text, "vidams", whole_article=True)}


def test_an_article_without_them_still_omits_the_null():
    assert "C601" in {c for c, _, _ in found("Vitamin D was compared at two doses over two years.", "vidams",
                                             whole_article=True)}


# -- a relative effect whose own clause names an outcome the article sized in both arms ---------------------

def test_a_relative_effect_of_a_rate_given_in_both_arms_is_not_relative_only():
    text = ("The yearly relapse rate was 0.28 on the vitamin and 0.41 on placebo. Some would call that a 32% "
            "reduction in relapses.")
    assert "C501" not in codes(text, "solar")


def test_a_relative_effect_alone_is_still_relative_only():
    assert "C501" in codes("Vitamin D brought a 32% reduction in relapses.", "solar")


# -- a claim someone else made, quoted to be examined -------------------------------------------------------

@pytest.mark.parametrize("text", [
    'A poster in the waiting room says "vitamin D halts MS". Ask what the trial measured.',
    'The brochure claims that the vitamin prevents relapses, which the trial did not show.',
    'That modest result was spun into "a third fewer relapses" by several outlets.',
    "It is tempting to conclude that vitamin D prevents relapses; the data do not allow it.",
    "Readers often skim the abstract and announce that vitamin D stops relapses.",
    "Some commentators wrongly concluded that the vitamin stopped relapses.",
])
def test_a_claim_quoted_to_be_examined_is_not_the_pieces_claim(text):
    assert not loud(text, "d-lay-ms") & {"C201", "C202", "C302"}


def test_the_researchers_finding_is_still_a_claim():
    assert loud("The investigators said that vitamin D prevents relapses.", "d-lay-ms") & {"C201", "C202"}


# -- a strong word about something other than the trial ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Vitamin D was tested. Those are remarkable p values, and the authors dwell on them.",
    "Vitamin D was tested. Plot cases by latitude and a striking gradient appears.",
])
def test_a_strong_word_about_something_else_is_info(text):
    assert "C101" not in loud(text, "d-lay-ms")


@pytest.mark.parametrize("text", [
    "The results were remarkable.",
    "A breakthrough for people with MS.",
    "Vitamin D is a breakthrough.",
])
def test_a_strong_word_about_the_result_stays_a_warning(text):
    assert "C101" in loud("Vitamin D was tested. " + text, "d-lay-ms")


# -- the science told as catching up; a negation before a contrast denies nothing after it ------------------

@pytest.mark.parametrize("text", [
    "My sister swears by it, and research is finally catching up with her.",
    "It's only one story, but the science seems to be catching up.",
])
def test_science_catching_up_is_settled_wording(text):
    assert "C102" in loud(text, "vidams")


def test_a_denied_booster_stays_silent():
    assert "C102" not in loud("Vitamin D has not been proven to prevent relapses.", "vidams")


# -- the intervention told as worth taking after a trial with no clinical benefit ----------------------------

@pytest.mark.parametrize("text", [
    "If you have MS, it's worth adding a vitamin D supplement to your routine.",
    "A high-dose capsule is well worth trying this winter.",
    "It would be worth taking vitamin D every day.",
])
def test_worth_taking_is_advice(text):
    assert "C102" in loud(text, "vidams")


@pytest.mark.parametrize("text", [
    "It's worth asking your neurologist whether a vitamin D test makes sense.",
    "The full VIDAMS paper is worth reading.",
])
def test_worth_asking_or_reading_is_not_advice(text):
    assert "C102" not in loud(text, "vidams")


# -- the disease kept quiet --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "A daily capsule of vitamin D keeps MS quiet.",
    "Vitamin D kept the disease under control in the high-dose group.",
])
def test_the_disease_kept_quiet_is_a_clinical_claim(text):
    assert loud(text, "vidams") & {"C201", "C202"}


def test_keeping_levels_stable_is_no_claim():
    assert not loud("Take the capsule with food to keep your vitamin D levels stable.", "vidams") & {"C201", "C202"}


# -- safety told as settled against the study's own harms table --------------------------------------------

@pytest.mark.parametrize("text", [
    "The high dose was remarkably well tolerated.",
    "Vitamin D at 5,000 IU is a safe way to support your nerves.",
    "Patients tolerated the high dose without any problems.",
])
def test_tolerance_praised_when_the_intervention_had_more_harms(text):
    assert "C102" in loud(text, "vidams")


@pytest.mark.parametrize("text", [
    "The high dose was well tolerated, although more people on it were admitted to hospital.",
    "The high dose was not as well tolerated as hoped.",
    "Was the high dose well tolerated?",
])
def test_tolerance_qualified_denied_or_asked_stays_silent(text):
    assert "C102" not in loud(text, "vidams")


def test_tolerance_is_silent_without_a_clear_excess_of_harms():
    # D-Lay MS: severe adverse events 17 vs 13, no clear excess on the vitamin
    assert "C102" not in loud("The high dose was well tolerated.", "d-lay-ms")


# -- a strong word about "this trial" is anchored even when the sentence names no intervention (lead, merge) --
@pytest.mark.parametrize("text,lang", [
    ("Put plainly: this trial is a landmark.", "en"),
    ("Dicho sin rodeos: este ensayo es un hito.", "es"),
])
def test_a_strong_word_about_this_trial_stays_a_warning(text, lang):
    assert ("C101", "warning") in {(c, s) for c, s, _ in found(text, "d-lay-ms", lang)}
