"""Each reading stage on the sentences its comments name (sentences written for these tests)."""

from msvitd.text.grammar import grammar
from msvitd.text.lexicon import load_lexicon
from msvitd.text.reading import Reader, strength_of
from msvitd.text.stages.clauses import clause_spans
from msvitd.text.stages.cues import find_cues
from msvitd.text.stages.direction import cancel_by_null, direction
from msvitd.text.stages.scope import clause_scope, scope_end_short
from msvitd.text.stages.strength import clause_strength

LEX = load_lexicon()
G = grammar("en")


def read(text):
    return strength_of(text, LEX)


# -- cues ------------------------------------------------------------------------------------
def test_cues_month_is_not_a_hedge():
    found = find_cues("The results were released on May 3 in Paris.", LEX, LEX.intervention, G)
    assert found.hedges == []
    found = find_cues("Supplements may lower the relapse rate.", LEX, LEX.intervention, G)
    assert [h.text for h in found.hedges] == ["may"]


def test_cues_population_words_are_not_outcomes():
    found = find_cues("It was given to people with early symptoms of MS.", LEX, LEX.intervention, G)
    assert found.populations and not any(h.label == "symptoms" for h in found.outcomes)


def test_cues_another_agent_after_a_preposition_is_an_object():
    found = find_cues("Many patients lack access to other treatments.", LEX, LEX.intervention, G)
    assert found.others == []


def test_cues_technical_breakthrough_is_not_hype():
    found = find_cues("Breakthrough disease occurred in four patients.", LEX, LEX.intervention, G)
    assert found.hype == []


# -- clauses ---------------------------------------------------------------------------------
def pieces(text):
    return [text[a:b].strip(" ,") for a, b in clause_spans(text, G)]


def test_clauses_split_at_contrast_and_definition():
    assert pieces("Lesions fell, but relapses did not change") == ["Lesions fell", "but relapses did not change"]
    assert pieces("Disease activity, defined as a relapse or a new lesion, fell")[0] == "Disease activity"


def test_clauses_opening_subordinate_ends_at_its_comma():
    assert pieces("While scans improved, symptoms stayed the same") == ["While scans improved",
                                                                       "symptoms stayed the same"]


# -- scope -----------------------------------------------------------------------------------
def test_scope_short_negation_covers_four_words():
    text = "no known cure exists for this slowly progressing illness"
    assert text[:scope_end_short(text, 2, len(text), 4)] == "no known cure exists for"


def claim_levels(text: str) -> list[str]:
    # The claims the critique checks, as the stages read them (the sentence's overall level is the
    # claim-strength classifier's, msvitd/text/strength, which may only lower a claim, never drop it)
    return [c.strength for c in read(text).claims]


def test_scope_even_if_and_whether_or_are_concessive():
    assert claim_levels("Even if your levels are normal, vitamin D slows MS.") == ["direct_causal"]
    assert claim_levels("Whether you are newly diagnosed or have lived with it for years, vitamin D slows MS.") \
        == ["direct_causal"]
    assert claim_levels("Researchers asked whether vitamin D slows MS.") == []
    assert read("Researchers asked whether vitamin D slows MS.").strength == "none"


def test_scope_question_asked_vs_insinuated():
    text = "Does vitamin D slow MS?"
    found = find_cues(text, LEX, LEX.intervention, G)
    scope = clause_scope(text, 0, len(text), found.negations, found.hypotheticals, G, True, False)
    assert scope.asked and scope.hypothetical(0)
    assert read("Could vitamin D slow MS?").strength == "conditional_causal"


def test_scope_answered_question_is_not_a_claim():
    reader = Reader(LEX)
    r1, r2 = reader.read_text("Will vitamin D halt MS?\nREPORTER: Not so fast.")
    assert r1.claims == () and r1.strength == "none"


# -- strength --------------------------------------------------------------------------------
def test_strength_hedge_governs_what_follows_and_reporting_hedges_what_precedes():
    assert read("Vitamin D may help prevent damage.").strength == "conditional_causal"
    assert claim_levels("Vitamin D lowers the risk of relapse, the authors suggest.") == ["conditional_causal"]
    assert claim_levels("Slowing MS with vitamin D could be a turning point.") == ["direct_causal"]


def test_strength_correlational_cue_wins_in_its_clause():
    text = "Higher vitamin D is linked to lower relapse rates"
    found = find_cues(text, LEX, LEX.intervention, G)
    assert clause_strength(found.causal, True, [], False, G) == "correlational"


# -- claims ----------------------------------------------------------------------------------
def test_claims_disease_as_object():
    r = read("High doses of vitamin D slow down the disease.")
    assert [c.concept for c in r.claims] == ["progression"]
    r = read("Vitamin D could delay MS.")
    assert [c.concept for c in r.claims] == ["conversion"]


def test_claims_protective_verbs_on_a_part_of_the_body():
    assert [c.concept for c in read("The vitamin may protect the brain.").claims] == ["damage"]
    assert [c.concept for c in read("Vitamin D keeps your brain protected.").claims] == ["damage"]
    assert read("Vitamin D did not protect the brain.").claims == ()


def test_claims_reduction_in_takes_its_object_after_it():
    r = read("Relapses were common, and vitamin D showed a reduction in new lesions.")
    assert [c.concept for c in r.claims] == ["new_lesions"]


# -- direction -------------------------------------------------------------------------------
def test_direction_null_clause_takes_back_a_claim_in_the_same_sentence():
    r = read("Vitamin D reduced relapses, though the difference was not significant.")
    assert r.claims == () and r.direction == "no_difference"
    assert cancel_by_null([], [], []) == []
    assert direction([], False, False, [], True, False) == "harm"


def test_direction_next_sentence_takes_back_claims():
    reader = Reader(LEX)
    r1, r2 = reader.read_text("Vitamin D cut relapses. The difference was not significant.")
    assert r1.claims == () and r1.direction == "no_difference" and r2.null_ref


def test_direction_null_in_the_next_paragraph_does_not():
    reader = Reader(LEX)
    r1, r2 = reader.read_text("Vitamin D cut relapses.\n\nThe difference was not significant.")
    assert r1.claims and r1.direction == "benefit"
