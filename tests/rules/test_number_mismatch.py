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


# -- numbers as the study file counts them (issue 12) ----------------------------------------------

def test_a_percentage_tied_to_the_wrong_outcome(run):
    got = run("Nearly 75% of those on placebo went on to have a relapse.", rule.CODE)
    assert [g[:3] for g in got] == [("C502", "error", "Nearly 75%")]


def test_the_message_names_both_outcomes():
    from conftest import critique

    (f,) = critique("Nearly 75% of those on placebo went on to have a relapse.", rule.CODE).findings
    assert "74.1%" in f.message and "21.8%" in f.message and "relapse" in f.message.lower()


def test_a_composite_told_with_its_parts_is_fine(run):
    assert run("In all, 74.1% of those on placebo had a relapse or new lesions on MRI.", rule.CODE) == []


def test_one_minus_hr_told_as_a_lower_incidence(run):
    got = run("Supplementation gave a 34% lower incidence of disease activity.", rule.CODE)
    assert [g[:3] for g in got] == [("C502", "error", "34%")]


def test_one_minus_hr_told_as_a_lower_risk_is_fine(run):
    assert run("Supplementation gave a 34% lower risk of disease activity.", rule.CODE) == []


def test_cut_in_half(run):
    assert [g[2] for g in run("High doses cut MS activity in half.", rule.CODE)] == ["half"]


def test_enrolled_is_randomised_not_analysed(run):
    assert [g[2] for g in run("The trial enrolled 303 adults with CIS.", rule.CODE)] == ["303 adults"]
    assert run("The trial enrolled 316 adults with CIS.", rule.CODE) == []
    assert run("The trial followed 303 adults with CIS.", rule.CODE) == []


def test_a_dose_in_a_clause_not_about_the_trial_is_unverified(run):
    text = "Although guidelines suggest 2,000 IU a day, the trial used far more."
    assert run(text, rule.CODE) == []


def test_proportion_named_before_the_reduction(run):
    got = run("The supplement reduced the proportion of patients with disease activity by 34%.", rule.CODE)
    assert [g[2] for g in got] == ["34%"]
