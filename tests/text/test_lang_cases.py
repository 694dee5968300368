"""French, German and Spanish sentences, written for msvitd's tests (never taken from coverage),
each with what a reviewer reads in it: claims (concept, strength), negated outcome concepts,
hype, boosters, and whether it reports a null result.  Hedged and negated variants of the same
claim stand side by side: a correctly reported null result is not a finding."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msvitd.text.lexicon import load_lexicon
from msvitd.text.reading import Reader
from msvitd.text.sentences import Sentence


# (sentence, claims, negated concepts, hype?, booster?, null?)
CASES = {
    "fr": [
        ("La vitamine D réduit les poussées chez les patients.", [("relapse", "direct_causal")], [], False, False, False),
        ("La vitamine D pourrait réduire les poussées.", [("relapse", "conditional_causal")], [], False, False, False),
        ("La vitamine D n'a pas réduit les poussées.", [], ["relapse"], False, False, True),
        ("La vitamine D ne réduit pas les rechutes.", [], ["relapse"], False, False, False),
        ("Il n’y avait pas de différence significative sur les rechutes ni sur le handicap.", [],
         ["relapse", "disability"], False, False, True),
        ("Le complément freine l’évolution de la maladie, une avancée majeure.", [("progression", "direct_causal")],
         [], True, False, False),
        ("Des doses élevées pourraient ralentir la sclérose en plaques.", [("progression", "conditional_causal")],
         [], False, False, False),
        ("Les chercheurs voulaient vérifier si la vitamine D ralentit la maladie.", [], [], False, False, False),
        ("Il est désormais prouvé que la vitamine D diminue l'activité de la maladie.",
         [("disease_activity", "direct_causal")], [], False, True, False),
        ("La vitamine D est associée à une diminution des lésions.", [("new_lesions", "correlational")], [],
         False, False, False),
        ("Le nombre de poussées était similaire dans les deux groupes.", [], [], False, False, True),
    ],
    "de": [
        ("Vitamin D senkt die Schubrate bei Betroffenen.", [("relapse", "direct_causal")], [], False, False, False),
        ("Vitamin D könnte die Schubrate senken.", [("relapse", "conditional_causal")], [], False, False, False),
        ("Vitamin D senkte die Zahl der Schübe nicht.", [], ["relapse"], False, False, False),
        ("Bei der Behinderung gab es keinen signifikanten Unterschied.", [], [], False, False, True),
        ("Ein Durchbruch: hochdosiertes Vitamin D verringert die Krankheitsaktivität.",
         [("disease_activity", "direct_causal")], [], True, False, False),
        ("Das Vitamin könnte das Fortschreiten der Erkrankung bremsen.", [("progression", "conditional_causal")],
         [], False, False, False),
        ("Es ist nun bewiesen, dass Vitamin D neue Läsionen verhindert.", [("new_lesions", "direct_causal")], [],
         False, True, False),
        ("Die Forscher wollten prüfen, ob Vitamin D die Schübe verringert.", [], [], False, False, False),
        ("Ein niedriger Vitamin-D-Spiegel ist mit mehr Schüben verbunden.", [], [], False, False, False),
    ],
    "es": [
        ("La vitamina D reduce los brotes en los pacientes.", [("relapse", "direct_causal")], [], False, False, False),
        ("La vitamina D podría reducir los brotes.", [("relapse", "conditional_causal")], [], False, False, False),
        ("La vitamina D no redujo los brotes.", [], ["relapse"], False, False, True),
        ("No hubo diferencias significativas en los brotes ni en la discapacidad.", [], ["relapse", "disability"],
         False, False, True),
        ("Un gran avance: la vitamina D frena la progresión de la enfermedad.", [("progression", "direct_causal")],
         [], True, False, False),
        ("¿Puede la vitamina D frenar la esclerosis múltiple?", [("progression", "conditional_causal")], [], False,
         False, False),
        ("¿Qué sabemos de la vitamina D y la esclerosis múltiple?", [], [], False, False, False),
        ("Los investigadores querían comprobar si la vitamina D reduce los brotes.", [], [], False, False, False),
        ("Queda demostrado que la vitamina D disminuye las lesiones nuevas.", [("new_lesions", "direct_causal")], [],
         False, True, False),
    ],
}


PARAMS = [(code, *case) for code, cases in CASES.items() for case in cases]


def read(code, text):
    return Reader(load_lexicon((), code), ("vitamin D",)).read(Sentence(0, 0, len(text), text, 1, 1, 1, False))


@pytest.mark.parametrize("code,text,claims,negated,hype,booster,null", PARAMS)
def test_sentence(code, text, claims, negated, hype, booster, null):
    r = read(code, text)
    assert [(c.concept, c.strength) for c in r.claims] == claims
    assert sorted({m.concept for m in r.outcomes if m.negated and not m.hypothetical}) == sorted(negated)
    assert bool(r.hype) == hype, r.hype
    assert bool(r.boosters) == booster, r.boosters
    if null:
        assert r.null_result or r.direction == "no_difference"
        assert r.claims == ()


APOSTROPHES = st.sampled_from(["'", "’"])
SPACES = st.sampled_from([" ", "\u00a0", "\u202f"])


def _verdict(code, text):
    r = read(code, text)
    return (r.strength, r.direction, tuple((c.concept, c.strength) for c in r.claims),
            tuple(sorted((m.concept, m.negated) for m in r.outcomes)), bool(r.hype), bool(r.boosters), r.null_result)


@given(st.sampled_from(PARAMS), APOSTROPHES, SPACES)
def test_verdict_does_not_depend_on_the_apostrophe_or_a_no_break_space(case, apostrophe, space):
    code, text = case[0], case[1]
    base = _verdict(code, text.replace("’", "'"))
    varied = text.replace("'", apostrophe).replace("’", apostrophe)
    # a no-break space where French typography puts one (before ; : ! ? %), and between words
    varied = varied.replace(" :", space + ":").replace(" ?", space + "?").replace(" ", space, 1)
    assert _verdict(code, varied) == base
