from msvitd.rules import omits_limitations as rule


def test_flagged_without_limitations(run):
    assert run("Vitamin D reduced MRI activity.", rule.CODE) == [("C603", "warning", None, None, None)]


def test_further_research_counts(run):
    assert run("Larger trials are needed.", rule.CODE) == []
