from msvitd.rules import overstated_certainty as rule


def test_booster_is_a_warning(run):
    got = run("The study clearly demonstrated a reduction in lesion formation.", rule.CODE)
    assert got == [("C102", "warning", "clearly demonstrated a reduction in lesion formation", 1, 11)]


def test_proves(run):
    assert [g[2] for g in run("The trial proves that vitamin D reduces disease activity.", rule.CODE)] == ["proves that vitamin D reduces disease activity"]


def test_present_tense_general_claim_is_info(run):
    assert run("High-dose vitamin D lowers the risk of disease activity.", rule.CODE) == [
        ("C102", "info", "lowers", 1, 21)]


def test_past_tense_report_is_fine(run):
    assert run("High-dose vitamin D lowered the risk of disease activity.", rule.CODE) == []


def test_not_flagged_twice_with_null_outcome_spin():
    from conftest import critique

    codes = [f.rule for f in critique("Vitamin D reduces relapses.").findings if f.quote]
    assert "C202" in codes and "C102" not in codes


# -- evidence boosters and practice advice (issue 12): judged against the study file ---------------

def test_evidence_strength_booster_when_clinical_outcomes_were_null(run):
    got = run("The trial offers convincing evidence for the supplement as a new therapy in early disease.", rule.CODE)
    assert [g[:3] for g in got] == [("C102", "warning", "convincing evidence")]


def test_firm_evidence_of_no_effect_is_fine(run):
    assert run("There is now strong evidence that vitamin D does not prevent relapses.", rule.CODE) == []


def test_practice_advice_standard_care(run):
    text = "Neurologists might think about adding vitamin D to routine care for people with a first episode."
    got = run(text, rule.CODE)
    assert [g[:2] for g in got] == [("C102", "warning")] and got[0][2] == text


def test_imperative_advice_after_a_label(run):
    got = run("Bottom line: offer high-dose vitamin D to every newly diagnosed CIS patient.", rule.CODE)
    assert [g[:2] for g in got] == [("C102", "warning")]


def test_practice_advice_names_the_null_clinical_outcomes():
    from conftest import critique

    (f,) = [f for f in critique("Clinicians should now prescribe vitamin D to patients with CIS.", "C102").findings]
    assert "relapse" in f.message and "did not differ" in f.message
    assert "17.9% vs 21.8%" in f.source_fact


def test_advice_about_research_or_negated_advice_is_fine(run):
    assert run("Vitamin D should be tested in larger trials before anyone changes practice.", rule.CODE) == []
    assert run("Doctors should not prescribe vitamin D on the strength of this trial alone.", rule.CODE) == []


def test_results_confirm_that(run):
    assert [g[2] for g in run("These results confirm that the supplement works in early disease.", rule.CODE)] == [
        "confirm that"]


def test_needed_to_confirm_is_not_a_booster(run):
    assert run("Larger trials are needed to confirm that vitamin D slows disease activity.", rule.CODE) == []


def test_practice_advice_for_the_studied_group_narrowed_from_all_patients(run):
    got = run("Neurologists should offer it to all patients with a first episode.", rule.CODE)
    assert [g[:2] for g in got] == [("C102", "warning")]


def test_caution_and_imperatives_about_something_else_are_fine(run):
    assert run("High-dose vitamin D should be given only under medical supervision.", rule.CODE) == []
    assert run("Consider the numbers: vitamin D cut disease activity from 74.1% to 60.3%.", rule.CODE) == []


def test_practice_advice_is_read_in_french_german_and_spanish(run):
    # the article tables the rule reads (practice, research_need ...) exist in every language msvitd reads
    said = ["Les neurologues devraient désormais prescrire de la vitamine D aux patients atteints de syndrome "
            "cliniquement isolé.",
            "Die Neurologen sollten den Patienten mit einem klinisch isolierten Syndrom jetzt auch Vitamin D "
            "verschreiben, und zwar in hoher Dosis.",
            "Los neurólogos deberían prescribir vitamina D a los pacientes con síndrome clínico aislado."]
    for text in said:
        assert "C102" in [code for code, *_ in run(text, "C102")], text
    careful = "Vor einer Empfehlung müssen die Ergebnisse in größeren Studien bestätigt werden."
    assert run(careful, "C102") == []
