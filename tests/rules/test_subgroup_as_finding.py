import pytest

from msvitd.rules import subgroup_as_finding as rule


def test_particularly_beneficial_for_the_deficient(run):
    text = "Vitamin D supplementation could be particularly beneficial for those who are deficient in vitamin D."
    assert run(text, rule.CODE) == [("C302", "warning", "particularly beneficial for those who are deficient", 1, 36)]


def test_benefited_most(run):
    got = run("People with the lowest vitamin D levels benefited most from the supplement.", rule.CODE)
    assert [g[0] for g in got] == ["C302"]


def test_exploratory_wording_is_fine(run):
    assert run("In an exploratory subgroup analysis, people with normal BMI seemed to benefit most; this needs "
               "confirmation.", rule.CODE) == []


def test_emphasis_without_a_subgroup_variable_is_fine(run):
    assert run("It could help, particularly for those in the early stages of the disease.", rule.CODE) == []


def test_subgroup_named_in_the_study_file_without_emphasis_on_benefit(run):
    # "especially" targets advice at a subgroup the study file lists as exploratory
    got = run("Talk to untreated patients about vitamin D, especially those with a low body mass index.", rule.CODE)
    assert [g[0] for g in got] == ["C302"]


def test_most_likely_to_benefit(run):
    got = run("Those most likely to benefit were patients without spinal cord lesions.", rule.CODE)
    assert [g[0] for g in got] == ["C302"]


def test_a_subgroup_said_to_benefit_less(run):
    assert [g[0] for g in run("Overweight patients saw less benefit from the supplement.", rule.CODE)] == ["C302"]


@pytest.mark.parametrize("text", [
    "Besonders Menschen mit starkem Vitamin-D-Mangel profitierten von der Behandlung.",
    "Los pacientes con un déficit grave de vitamina D se beneficiaron especialmente del tratamiento.",
    "Les patients avec une carence sévère en vitamine D en ont particulièrement bénéficié.",
])
def test_subgroup_benefit_words_come_from_the_language_data(run, text):
    # the benefit that makes an emphasised subgroup a finding is read in the article's language
    # (a German verb at the end of the sentence, further from the emphasis than in English)
    assert [code for code, *_ in run(text, "C302")] == ["C302"]
