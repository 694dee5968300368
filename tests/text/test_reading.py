from hypothesis import given
from hypothesis import strategies as st

from msvitd.text.lexicon import load_lexicon
from msvitd.text.reading import Reader, strength_of

LEX = load_lexicon()


def strength(text):
    return strength_of(text, LEX).strength


def test_four_levels():
    assert strength("Vitamin D reduces relapses.") == "direct_causal"
    assert strength("Vitamin D may reduce relapses.") == "conditional_causal"
    assert strength("Vitamin D could help slow MS.") == "conditional_causal"
    assert strength("Low vitamin D is linked to MS.") == "correlational"
    assert strength("Vitamin D levels were associated with fewer lesions.") == "correlational"
    assert strength("The trial enrolled 316 adults in France.") == "none"


def test_negation_and_null_results_are_none():
    assert strength("The study did not find a significant difference in relapse rates.") == "none"
    assert strength("Vitamin D did not reduce relapses.") == "none"
    r = strength_of("There was no difference in relapse or disability.", LEX)
    assert r.direction == "no_difference" and all(m.negated for m in r.outcomes)


def test_hypotheses_are_not_claims():
    assert strength("Trials are needed to see whether vitamin D slows progression.") == "none"


def test_questions_are_hedged():
    assert strength("Can vitamin D stop MS from getting worse?") == "conditional_causal"


def test_contrast_clauses_are_read_apart():
    r = strength_of("Vitamin D reduced lesions but did not reduce relapses.", LEX)
    assert [c.concept for c in r.claims] == ["new_lesions"]
    assert {m.concept: m.negated for m in r.outcomes} == {"new_lesions": False, "relapse": True}


def test_claims_name_outcome_concepts_and_strength():
    r = strength_of("Vitamin D may help prevent MS damage and slow disease progression.", LEX)
    assert [(c.concept, c.strength) for c in r.claims] == [("damage", "conditional_causal"),
                                                          ("progression", "conditional_causal")]


def test_definitions_are_not_claims():
    r = strength_of("Vitamin D reduced disease activity, defined as a relapse or new lesions.", LEX)
    assert [c.concept for c in r.claims] == ["disease_activity"]


def test_cues_carry_offsets_into_the_text():
    text = "Groundbreaking: vitamin D may cut relapses."
    reader = Reader(LEX)
    (r,) = reader.read_text(text)
    for c in r.cues + r.hype:
        assert text[c.start:c.end] == c.text


@given(st.text(max_size=300))
def test_reader_never_raises_and_offsets_round_trip(text):
    reader = Reader(LEX)
    for r in reader.read_text(text):
        for c in r.cues + r.hype:
            assert text[c.start:c.end] == c.text
        for m in r.outcomes + r.populations:
            assert text[m.start:m.end] == m.text
        for cl in r.claims:
            assert r.start <= cl.start < cl.end <= r.end
