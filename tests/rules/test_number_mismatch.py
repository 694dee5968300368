from msvitd.rules import number_mismatch as rule


def test_wrong_sample_size(run):
    assert run("A total of 400 patients were randomised in the trial.", rule.CODE) == [
        ("C502", "error", "400 patients", 1, 12)]


def test_right_sample_sizes(run):
    assert run("The trial randomised 316 patients; 303 participants received at least one dose.", rule.CODE) == []


def test_hazard_ratio_told_as_reduction(run):
    got = run("Vitamin D reduced the risk of disease activity by 66%.", rule.CODE)
    assert [g[:3] for g in got] == [("C502", "error", "66%")]


def test_inverted_result(run):
    got = run("Overall, 60.3% of patients on vitamin D had no new disease activity, compared with 74.1% on placebo.",
              rule.CODE)
    assert [g[2] for g in got] == ["60.3%", "74.1%"]


def test_accurate_figures(run):
    assert run("Only 60.3% of the vitamin D group showed disease activity, compared to 74.1% in the placebo group.",
               rule.CODE) == []
    assert run("The hazard ratio was 0.66, a 34% lower risk.", rule.CODE) == []


def test_other_studies_numbers_are_not_checked(run):
    assert run("The VIDAMS trial enrolled 172 patients.", rule.CODE) == []


def test_numbers_in_a_paragraph_about_an_earlier_trial_are_not_checked(run):
    text = "A previous study of vitamin D in relapsing MS had mixed results. It enrolled 229 patients."
    assert run(text, rule.CODE) == []
