from msvitd.rules import surrogate_as_clinical as rule


def test_hedged_damage_claim_is_a_warning(run):
    assert run("Vitamin D May Help Prevent MS Damage", rule.CODE) == [("C201", "warning", "Prevent MS Damage", 1, 20)]


def test_direct_progression_claim_is_an_error(run):
    got = run("High-dose vitamin D slows the progression of MS.", rule.CODE)
    assert got == [("C201", "error", "slows the progression of MS", 1, 21)]


def test_verb_acting_on_the_disease_itself(run):
    assert run("Vitamin D halts multiple sclerosis.", rule.CODE) == [("C201", "error", "halts multiple sclerosis", 1, 11)]


def test_surrogate_result_reported_as_such_is_fine(run):
    assert run("Participants on vitamin D had fewer new lesions on MRI.", rule.CODE) == []
    assert run("Vitamin D reduced disease activity.", rule.CODE) == []


def test_negated_and_hypothetical_are_fine(run):
    assert run("Vitamin D did not slow disability progression.", rule.CODE) == []
    assert run("Trials are needed to see whether vitamin D slows progression.", rule.CODE) == []


def test_correlational_wording_is_not_flagged(run):
    assert run("Higher vitamin D levels are linked to less brain damage.", rule.CODE) == []


def test_source_fact_names_the_surrogate_result():
    from conftest import critique

    f = critique("Vitamin D may slow MS progression.", rule.CODE).findings[0]
    assert "60.3% vs 74.1%" in f.source_fact and "not significant" in f.source_fact


def test_protecting_a_part_of_the_body_claims_less_damage_once(run):
    got = run("This study suggests it can protect the brain in MS.", "C201")
    assert [g[2] for g in got] == ["protect the brain"]
    got = run("Vitamin D protected the brain from damage.", "C201")
    assert len(got) == 1 and "damage" in got[0][2]


def test_the_trials_own_condition_as_object_is_not_a_clinical_claim(run):
    # a CIS trial: "quell CIS" speaks of the condition the trial treated, whose activity it reduced
    assert run("Vitamin D may quell clinically isolated syndrome", "C201") == []
