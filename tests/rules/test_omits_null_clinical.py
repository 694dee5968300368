from msvitd.rules import omits_null_clinical as rule


def test_flagged_when_never_mentioned():
    from conftest import critique

    (f,) = critique("Vitamin D reduced MRI activity.", rule.CODE).findings
    assert f.rule == "C601" and f.quote is None and f.line is None
    # with the trial's own HR since the evidence audit of 2026-11 (issue 15)
    assert "Relapse: 17.9% vs 21.8%, HR 0.69 (95% CI 0.42 to 1.16), not significant" in f.source_fact


def test_a_null_mention_clears_it(run):
    assert run("Vitamin D reduced MRI activity. Relapse rates did not differ.", rule.CODE) == []


def test_a_negation_in_another_clause_does_not_report_a_null_outcome(run):
    text = ("Although the causes of MS are not understood, low vitamin D may lead to more disability. "
            "High-dose vitamin D cut new lesions.")
    assert [g[0] for g in run(text, "C601")] == ["C601"]
