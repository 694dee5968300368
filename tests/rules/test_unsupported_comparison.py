from msvitd.rules import unsupported_comparison as rule


def test_alternative_to_dmts_hedged_is_a_warning(run):
    got = run("Vitamin D could be an alternative to disease-modifying therapies.", rule.CODE)
    assert got == [("C401", "warning", "alternative to disease-modifying therapies", 1, 23)]


def test_direct_comparison_is_an_error(run):
    got = run("Vitamin D worked as well as interferon.", rule.CODE)
    assert [g[:2] for g in got] == [("C401", "error")]


def test_negated_comparison_is_fine(run):
    assert run("Vitamin D is not a replacement for disease-modifying drugs.", rule.CODE) == []


def test_placebo_comparison_is_fine(run):
    assert run("Vitamin D was compared with placebo.", rule.CODE) == []


def test_naming_what_the_trial_did_not_compare_with_is_fine(run):
    # the careful sentence a fact-checker writes: the treatment is what the trial did NOT test
    assert run("It was compared with placebo, not with disease-modifying drugs.", rule.CODE) == []
    assert run("The study set vitamin D against a dummy pill rather than against interferon.", rule.CODE) == []


def test_not_with_in_french_and_german_is_fine(run):
    assert run("La vitamine D a été comparée à un placebo, et non aux traitements de fond.", rule.CODE) == []
    assert run("Vitamin D wurde mit Placebo verglichen, nicht mit Interferon.", rule.CODE) == []


def test_a_negation_elsewhere_does_not_hide_the_comparison(run):
    got = run("Vitamin D worked as well as interferon, not with the side effects.", rule.CODE)
    assert [g[:2] for g in got] == [("C401", "error")]


def test_a_no_that_does_not_govern_the_treatment_keeps_the_comparison(run):
    # "no access to interferon": the negation is about access; vitamin D is still sold as the alternative
    got = run("Vitamin D is a cheap alternative for people with no access to interferon.", rule.CODE)
    assert [g[0] for g in got] == ["C401"]
