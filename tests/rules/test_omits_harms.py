from msvitd.rules import omits_harms as rule


def test_flagged_without_any_harm_words(run):
    assert run("Vitamin D reduced MRI activity.", rule.CODE) == [("C602", "warning", None, None, None)]


def test_side_effects_mentioned(run):
    assert run("Side effects were rare.", rule.CODE) == []
