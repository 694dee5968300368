from msvitd.rules import hype_wording as rule


def test_strong_hype_is_a_warning_with_its_column(run):
    assert run("The results were striking.", rule.CODE) == [("C101", "warning", "striking", 1, 18)]


def test_headline_hype_words(run):
    got = run("Groundbreaking Research: Vitamin D May Help Prevent MS Damage", rule.CODE)
    assert [g[2] for g in got] == ["Groundbreaking"]


def test_hedged_hype_is_lowered_to_info(run):
    assert run("It could be a game changer.", rule.CODE) == [("C101", "info", "game changer", 1, 15)]


def test_negated_cure_is_not_hype(run):
    assert run("There is no known cure for MS.", rule.CODE) == []
    assert run("Vitamin D is not a miracle.", rule.CODE) == []


def test_technical_breakthrough_disease_is_not_hype(run):
    assert run("Some patients have breakthrough disease on interferon.", rule.CODE) == []


def test_mild_words_are_info(run):
    assert run("An exciting new avenue for treatment.", rule.CODE) == [("C101", "info", "exciting", 1, 4)]


def test_metadata():
    assert rule.CATEGORY == "hype" and rule.SEVERITY == "warning" and rule.NAME == "hype-wording"
