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
