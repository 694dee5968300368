from msvitd.rules import relative_effect_only as rule


def test_relative_only(run):
    assert run("Vitamin D cut the risk of MS activity by a third.", rule.CODE) == [
        ("C501", "warning", "cut the risk of MS activity by a third", 1, 11)]


def test_absolute_numbers_elsewhere_clear_it(run):
    text = "Vitamin D cut the risk by 34%.\n\nDisease activity: 60.3% with vitamin D vs 74.1% with placebo."
    assert run(text, rule.CODE) == []


def test_absolute_figures_of_another_outcome_do_not_size_the_effect(run):
    text = ("Vitamin D lowered the risk of disease activity by 34%. Relapse rates did not differ "
            "(17.9% vs 21.8%).")
    assert [g[:3] for g in run(text, rule.CODE)] == [("C501", "warning", "lowered the risk of disease activity by 34%")]


def test_absolute_figures_of_the_same_outcome_are_enough(run):
    text = "Vitamin D lowered the risk of disease activity by 34%: 60.3% had activity vs 74.1% on placebo."
    assert run(text, rule.CODE) == []


def test_an_intransitive_german_relative_effect_counts(run):
    # "the risk fell by 34 per cent", verb first: relative only, no per-arm figures in the article
    text = ("Die Studie lief zwei Jahre lang. Bei den Patienten mit Vitamin D sank das Risiko für neue "
            "Krankheitsaktivität um 34 Prozent. Die Forscher sind zufrieden.")
    assert [code for code, *_ in run(text, "C501")] == ["C501"]
