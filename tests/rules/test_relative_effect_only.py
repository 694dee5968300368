from msvitd.rules import relative_effect_only as rule


def test_relative_only(run):
    assert run("Vitamin D cut the risk of MS activity by a third.", rule.CODE) == [
        ("C501", "warning", "cut the risk of MS activity by a third", 1, 11)]


def test_absolute_numbers_elsewhere_clear_it(run):
    text = "Vitamin D cut the risk by 34%.\n\nDisease activity: 60.3% with vitamin D vs 74.1% with placebo."
    assert run(text, rule.CODE) == []
