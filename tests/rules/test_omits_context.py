from msvitd.rules import omits_context as rule


def test_flagged_without_context(run):
    assert run("Vitamin D reduced MRI activity.", rule.CODE) == [("C604", "info", None, None, None)]


def test_earlier_trials_mentioned(run):
    assert run("Earlier trials of vitamin D in MS were negative.", rule.CODE) == []


def test_lists_earlier_negative_trials_from_the_library(study):
    other = study.model_copy(update={"id": "solar-like", "name": "SOLAR-like", "aliases": [],
                                     "outcomes": [study.outcomes[0].model_copy(update={"significant": False})]})
    from msvitd.critique.engine import critique_text

    res = critique_text("Vitamin D reduced MRI activity.", study, others=[study, other], select=(rule.CODE,), whole_article=True)
    (f,) = res.findings
    assert "SOLAR-like" in f.message and f.source_fact.count("\n") == 0 and "SOLAR-like" in f.source_fact


def test_earlier_results_said_to_be_inconsistent_give_context(run):
    assert run("Vitamin D cut new lesions, though previous results have been inconsistent.", "C604") == []


def test_background_research_alone_gives_no_context(run):
    text = "Previous research has linked low vitamin D to MS. A new trial found fewer lesions with high doses."
    assert [g[0] for g in run(text, "C604")] == ["C604"]
