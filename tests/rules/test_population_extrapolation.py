from msvitd.rules import population_extrapolation as rule


def test_limited_access_setting(run):
    text = "This could mark a major step forward, especially for those who may have limited access to other treatments."
    assert [g[:3] for g in run(text, rule.CODE)] == [("C301", "info", "limited access")]


def test_ms_in_general_with_a_direct_claim_is_a_warning(run):
    assert run("Vitamin D slows disease activity in all MS patients.", rule.CODE) == [
        ("C301", "warning", "all MS patients", 1, 37)]


def test_already_treated_people_for_a_monotherapy_trial(run):
    got = run("The supplement could benefit people who are already taking disease-modifying drugs.", rule.CODE)
    assert [g[0] for g in got] == ["C301"]


def test_studied_population_is_fine(run):
    assert run("Vitamin D reduced disease activity in people with clinically isolated syndrome.", rule.CODE) == []
    assert run("It may be particularly useful in the early stages of MS.", rule.CODE) == []


def test_description_without_a_claim_is_fine(run):
    assert run("MS affects about 2.8 million people with MS worldwide.", rule.CODE) == []


def test_negated_advice_is_fine(run):
    assert run("It is too early to recommend vitamin D for everyone with MS.", rule.CODE) == []


def test_benefit_stated_for_the_disease_as_a_whole(run):
    got = run("The trial shows that high-dose vitamin D lowers the activity of multiple sclerosis.", rule.CODE)
    assert [g[:3] for g in got] == [("C301", "warning", "multiple sclerosis")]


def test_disease_as_a_modifier_or_with_its_stage_is_fine(run):
    assert run("High-dose vitamin D lowered MS activity seen on MRI in people with a first episode.", rule.CODE) == []
    assert run("Vitamin D reduced the activity of multiple sclerosis in its earliest stage.", rule.CODE) == []


def test_all_patients_narrowed_to_the_studied_group_is_fine(run):
    assert run("Vitamin D lowered disease activity in all patients with a first episode.", rule.CODE) == []
