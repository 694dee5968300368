from msvitd.rules import benefit_on_null_outcome as rule


def test_direct_relapse_claim_is_an_error_with_the_source_figure(run):
    from conftest import critique

    res = critique("Vitamin D pills cut MS relapses.", rule.CODE)
    (f,) = res.findings
    assert (f.rule, f.severity, f.quote, f.column) == ("C202", "error", "cut MS relapses", 17)
    # the trial's own HR joined the source fact with the evidence audit of 2026-11 (issue 15)
    assert f.source_fact == "Relapse: 17.9% vs 21.8%, HR 0.69 (95% CI 0.42 to 1.16), not significant"


def test_hedged_quality_of_life_claim_is_a_warning(run):
    got = run("This low-cost intervention could help improve quality of life for patients.", rule.CODE)
    assert got == [("C202", "warning", "improve quality of life", 1, 39)]


def test_correct_null_reporting_is_not_flagged(run):
    for text in ("The study did not find a significant difference in the relapse rates between the two groups.",
                 "There was no difference in relapse.",
                 "Vitamin D did not reduce relapses, and disability did not differ.",
                 "Fewer people on vitamin D relapsed, but the difference was not significant.",
                 "Neither relapse rates nor disability scores were significantly different."):
        assert run(text, rule.CODE) == [], text


def test_next_sentence_can_take_the_claim_back(run):
    assert run("Fewer patients on vitamin D had relapses. This difference was not statistically significant.",
               rule.CODE) == []


def test_unmeasured_clinical_outcome(run):
    got = run("Vitamin D improved memory in the trial.", rule.CODE)
    assert [g[:3] for g in got] == [("C202", "error", "improved memory")]


def test_other_agents_are_not_the_intervention(run):
    assert run("Disease-modifying drugs reduce relapses by about a third.", rule.CODE) == []


def test_claims_about_other_studies_are_not_checked_against_this_one(run):
    text = ("An earlier trial, CHOLINE, tested vitamin D with interferon. In completers, it reduced relapses.\n\n"
            "The new trial found no difference in relapses.")
    assert run(text, rule.CODE) == []


def test_words_in_urls_are_ignored(run):
    assert run("Read more: https://example.org/vitamin-d-cuts-ms-relapses", rule.CODE) == []


def test_symptoms_relief_names_the_clinical_outcomes_that_did_not_differ():
    from conftest import critique

    (f,) = critique("Taking the vitamin in high doses can ease the symptoms of early MS.", "C202").findings
    assert f.quote == "ease the symptoms"
    assert "did not differ" in f.message and "relapse" in f.message.lower()


def test_symptoms_appearing_later_is_a_benefit_claim(run):
    got = run("People given the vitamin had their symptoms later than those on dummy pills.", "C202")
    assert [g[0] for g in got] == ["C202"]


def test_less_than_a_number_is_a_quantity_not_a_benefit(run):
    assert run("Participants joined less than 90 days after symptom onset.", "C202") == []


def test_a_new_study_ends_a_passage_about_earlier_studies(run):
    text = ("Older observational studies linked low vitamin D to MS. A new study now reports that "
            "high-dose vitamin D can relieve fatigue.")
    assert [g[0] for g in run(text, "C202")] == ["C202"]


def test_benefit_on_a_null_surrogate_outcome_is_flagged():
    """A trial whose MRI outcome did not differ (VIDAMS in the bundled library): "fewer new lesions" is spin."""
    from conftest import _library

    from msvitd.critique.engine import critique_text

    study = _library().study("vidams")
    res = critique_text("People on the higher dose had fewer new lesions on MRI.", study, select=("C202",))
    assert [(f.rule, f.quote) for f in res.findings] == [("C202", "fewer new lesions")]
