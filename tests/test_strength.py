"""Claim strength per error pattern of issue 14, with sentences written for these tests.

Each pattern is checked on the rule reading (what French, German and Spanish get, and what
`--rules` prints) and on classify(), the reading `msvitd strength` and the critique use.
"""

import pytest

from msvitd.text.strength import classify, cues, reading

TABLES = cues.load("en")


def rules(text, convention="msvitd"):
    return reading.rule_level(reading.analyse(text, TABLES), convention)[0]


def both(text, convention="msvitd"):
    return rules(text, convention), classify(text, "en", convention).level


CORRELATIONAL_WITHOUT_CLASSIC_CUE = [
    "Resting heart rate predicts heart failure in older women.",
    "Smoking and obesity were significant risk factors for hip fracture.",
    "Night-shift nurses have elevated risk of type 2 diabetes.",
    "A high ferritin level is a marker of chronic inflammation.",
]
CAUSAL_VERBS = [
    "Heavy drinking doubles the risk of atrial fibrillation.",
    "Long-term air pollution shortens lives in large cities.",
    "Poor sleep worsens migraine in adolescents.",
    "The booster dose protects against severe influenza.",
    "Early mobilisation affected survival after hip surgery.",
]
COMPARATIVE_RISK = [
    "Shift workers are more likely to have peptic ulcers.",
    "Children of smokers are at increased risk for asthma.",
    "People with gum disease have a higher risk of stroke.",
]
NON_CLAIMS = [
    "It is well known that stopping smoking reduces the risk of cancer.",
    "Statins should be considered to prevent a second stroke.",
    "Further trials are needed to determine whether zinc shortens colds.",
]
MODAL_SCOPE = [
    "Lowering cholesterol could help older adults.",
    "Cutting salt might lower blood pressure in teenagers.",
    "Regular walking may reduce back pain.",
]


@pytest.mark.parametrize("text", CORRELATIONAL_WITHOUT_CLASSIC_CUE)
def test_associations_told_without_a_classic_cue(text):
    assert both(text) == ("correlational", "correlational")


@pytest.mark.parametrize("text", CAUSAL_VERBS)
def test_causal_verbs_the_lexicon_lacked(text):
    assert both(text) == ("direct_causal", "direct_causal")


@pytest.mark.parametrize("text", COMPARATIVE_RISK)
def test_comparative_risk_is_an_association_not_an_effect(text):
    assert both(text) == ("correlational", "correlational")


@pytest.mark.parametrize("text", NON_CLAIMS)
def test_causal_words_in_known_facts_advice_and_aims_are_no_claim(text):
    assert both(text) == ("none", "none")


def test_a_place_name_that_is_also_a_verb_is_no_cue():
    assert both("The survey covered households in Lower Saxony.") == ("none", "none")
    assert both("Vitamin D Lowers Relapse Rate In Trial") == ("direct_causal", "direct_causal")  # a title, not a name


@pytest.mark.parametrize("text", MODAL_SCOPE)
def test_a_modal_hedges_its_whole_clause_subject_included(text):
    assert both(text) == ("conditional_causal", "conditional_causal")


def test_associated_with_inside_a_noun_phrase_leaves_the_claim_causal():
    text = "Stretching reduces the knee pain associated with running."
    assert both(text) == ("direct_causal", "direct_causal")
    assert both("Knee pain was associated with running.") == ("correlational", "correlational")


def test_convention_can_reduce_is_conditional_and_yu2019_as_learnt():
    assert both("Daily aspirin can reduce the risk of bowel cancer.") == ("conditional_causal", "conditional_causal")
    assert rules("Daily aspirin can reduce the risk of bowel cancer.", "yu2019") == "direct_causal"


def test_convention_negated_relation_is_none_and_yu2019_keeps_its_level():
    assert both("Coffee drinking was not associated with pancreatic cancer.") == ("none", "none")
    assert both("Coffee drinking was not associated with pancreatic cancer.", "yu2019") == ("correlational",
                                                                                            "correlational")
    assert both("The exercise programme did not reduce falls.") == ("none", "none")
    assert both("The exercise programme did not reduce falls.", "yu2019")[0] == "direct_causal"


def test_a_negation_of_one_relation_leaves_the_others():
    assert both("Fish oil did not lower triglycerides, but it reduced angina.") == ("direct_causal", "direct_causal")


def test_plain_levels():
    assert both("Regular exercise reduces depressive symptoms.") == ("direct_causal", "direct_causal")
    assert both("Tea intake was linked to lower blood pressure.") == ("correlational", "correlational")
    assert both("The trial enrolled 412 adults in three countries.") == ("none", "none")


def test_classify_names_the_cue_words_that_decided():
    s = classify("Cutting salt might lower blood pressure in teenagers.")
    assert ("might", "modal") in s.cues and ("lower", "causal") in s.cues
    assert s.source == "model"
    assert classify("Cutting salt might lower blood pressure.", use_model=False).source == "rules"


def test_no_cue_data_for_a_language_is_an_error_not_english():
    with pytest.raises(cues.NoCueData):
        classify("Le café réduit le risque.", "xx")


# A condition or a concession opened at the start of the sentence ends at its comma; the main
# clause after it makes the claim ("Even if the effect is small, X slows Y" claims X slows Y).
CONCESSIVE = [
    ("Even if the benefit is modest, daily walking slows cognitive decline.", "direct_causal"),
    ("Although the sample was small, yoga reduced anxiety in nurses.", "direct_causal"),
    ("Even though few patients took part, the new dressing prevents wound infection.", "direct_causal"),
    ("While the effect was modest, fish oil may lower triglycerides.", "conditional_causal"),
    ("Even if replicated, the trial shows that zinc was linked to shorter colds.", "correlational"),
]


@pytest.mark.parametrize("text,level", CONCESSIVE)
def test_a_concession_or_condition_before_the_comma_leaves_the_main_claim(text, level):
    assert both(text) == (level, level)


def test_the_condition_itself_stays_no_claim():
    # the relation sits inside the condition only: nothing is claimed
    assert both("If vitamin D slows MS, a larger trial will show it.") == ("none", "none")
    assert both("Whether statins reduce dementia remains unclear.") == ("none", "none")


def test_weights_read_lazily_score_and_write_back_the_same():
    # rows stay text until a sentence uses them; scoring and writing must not tell the difference
    from msvitd.text.strength import features, model

    shipped = model.load()
    fresh = model.loads(model.dumps(shipped))
    an = reading.analyse("Cutting salt might lower blood pressure in teenagers.", TABLES)
    assert fresh.scores(features.features(an)) == shipped.scores(features.features(an))
    assert model.dumps(fresh) == model.dumps(shipped)


def test_a_question_asks_and_one_with_a_modal_insinuates_a_hedged_claim():
    assert both("Does the new vaccine prevent shingles?") == ("none", "none")
    assert both("Will fasting cure migraine?") == ("none", "none")
    assert both("Could green tea slow memory loss?") == ("conditional_causal", "conditional_causal")


# A hypothesis the sentence supports is its claim; one it only states or tests is not.
SUPPORTED_HYPOTHESIS = [
    ("The cohort data support the hypothesis that night work is associated with breast cancer.", "correlational"),
    ("Our results are consistent with the idea that folic acid lowers homocysteine.", "direct_causal"),
]


@pytest.mark.parametrize("text,level", SUPPORTED_HYPOTHESIS)
def test_a_supported_hypothesis_is_the_sentences_claim(text, level):
    assert both(text) == (level, level)


def test_a_hypothesis_only_stated_or_tested_stays_no_claim():
    assert both("We tested the hypothesis that night work is associated with breast cancer.") == ("none", "none")
    assert both("The trial was designed to test the idea that folic acid lowers homocysteine.") == ("none", "none")


def test_an_aim_inside_a_noun_phrase_ends_at_the_clause_modal():
    # "programmes aimed at ..." names a kind of programme; the clause's own verb makes the claim
    text = "Programmes aimed at reducing loneliness may improve sleep in older adults."
    assert both(text) == ("conditional_causal", "conditional_causal")
    assert both("We aimed to find out whether yoga may improve sleep in older adults.") == ("none", "none")


def test_a_hedge_in_the_verb_group_makes_the_claim_conditional():
    assert both("Fish oil appears to lower triglycerides in older adults.") == ("conditional_causal",) * 2
    assert both("Our results indicate that the new vaccine probably reduces hospital admissions.") == (
        "conditional_causal",) * 2


def test_a_reported_relation_is_still_asserted():
    assert both("Daily walking was found to reduce falls in care homes.") == ("direct_causal", "direct_causal")


def test_scope_features_say_where_the_modal_stands():
    from msvitd.text.strength.scope import scope_features

    def places(text):
        f = scope_features(reading.analyse(text, TABLES), {})
        return {k.split("modal=")[1] for k in f if k.startswith("sc:causal|modal=")}

    assert places("Regular walking may reduce back pain.") == {"near:may"}
    assert places("Cycling to work may, in older commuters, lower blood pressure.") == {"far"}
    assert places("Regular walking reduces back pain; yoga may be cheaper.") == {"other"}
    assert places("Lowering salt could help older adults.") >= {"after"}  # the cue is in the modal's subject
    assert places("Regular walking reduces back pain.") == {"none"}
