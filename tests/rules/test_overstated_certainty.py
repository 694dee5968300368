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
