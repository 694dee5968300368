"""The model's scoring: character n-grams added word by word give the scores of the full feature
dict (a model trained with them must read a sentence as training saw it), and a model trained
without them (the shipped one) reads no character n-gram."""

from pathlib import Path

import pytest

from msvitd.text.strength import LEVELS, cues, features, model, predict, reading

TABLES = cues.load("en")
SENTENCES = [
    "Poor sleep worsens migraine in adolescents.",
    "Walking may reduce back pain, and walking more reduces it more.",
    "Vitamin D Lowers Relapse Rate In Trial",
]


def _toy(value: float) -> model.Model:
    """A hand-made model whose every character bucket and feature has a weight of its own."""
    weights = {}
    for text in SENTENCES:
        an = reading.analyse(text, TABLES)
        for name in features.features(an, chars=1.0):
            h = sum(map(ord, name))
            weights[name] = tuple(((h * (k + 3)) % 17 - 8) / 10 for k in range(len(LEVELS)))
    meta = {"chars": str(value)} if value else {}
    return model.Model(LEVELS, (0.1, -0.2, 0.3, 0.0), weights, meta)


@pytest.mark.parametrize("text", SENTENCES)
def test_character_ngrams_scored_word_by_word_equal_the_full_features(text):
    m = _toy(0.2)
    an = reading.analyse(text, TABLES)
    full = m.scores(features.features(an, chars=0.2))
    level, _ = m.predict(features.features(an), features.char_words(an))
    assert level == LEVELS[max(range(len(full)), key=full.__getitem__)]
    by_word = m.scores(features.features(an))
    for w in features.char_words(an):
        by_word = [a + b for a, b in zip(by_word, m.word_row(w))]
    assert by_word == pytest.approx(full, abs=1e-9)


def test_a_model_without_character_ngrams_reads_none():
    m = _toy(0.0)
    assert m.char_value == 0.0
    an = reading.analyse(SENTENCES[0], TABLES)
    assert predict(SENTENCES[0], m).level == m.predict(features.features(an))[0]


def test_the_char_value_survives_the_weights_file(tmp_path: Path):
    m = _toy(0.2)
    model.write(m, tmp_path / "w.tsv.gz")
    back = model.load(tmp_path / "w.tsv.gz")
    assert back.char_value == 0.2
    assert back.predict(features.features(reading.analyse(SENTENCES[1], TABLES)))[0] == m.predict(
        features.features(reading.analyse(SENTENCES[1], TABLES)))[0]


def test_the_shipped_model_has_no_character_ngrams():
    m = model.load()
    assert m.char_value == 0.0 and not any(name.startswith("c:") for name in m.weights)


def test_the_press_release_lines_are_labelled_in_both_conventions():
    path = Path(__file__).parent / "strength" / "press_release_en.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    assert len(rows) == 95 and all(len(r) == 3 and r[0] in LEVELS and r[1] in LEVELS for r in rows)
    # the conventions differ only where msvitd reads none (a negated relation) or conditional ("can")
    assert {(a, b) for a, b, _ in rows if a != b} <= {("none", "correlational"), ("none", "direct_causal"),
                                                       ("conditional_causal", "direct_causal")}


def test_word_vector_shares_make_two_means():
    an = reading.analyse("Walking may reduce back pain in older adults.", TABLES)
    f = features.vector_features(an, {})
    words = [t for t in an.tokens if t[0].isalnum()]
    assert sum(v for k, v in f.items() if k.startswith("v:")) == pytest.approx(1.0)
    assert f["v:walking"] == pytest.approx(1 / len(words))
    # the window: three words on each side of "reduce"
    assert {k[2:] for k in f if k.startswith("u:")} == {"walking", "may", "reduce", "back", "pain", "in"}
    assert sum(v for k, v in f.items() if k.startswith("u:")) == pytest.approx(1.0)
    assert not any(k.startswith("u:") for k in features.vector_features(reading.analyse("We enrolled 40 adults.", TABLES), {}))


def test_a_model_with_word_rows_reads_a_word_the_training_never_saw():
    """The vectors fold into one row per word (train.py); a word outside the corpus but with a
    vector moves the scores as its neighbours would, and only a model trained with them reads them."""
    rows = {"v:slashes": (0.0, 0.0, 0.0, 2.0)}
    m = model.Model(LEVELS, (0.5, 0.0, 0.0, 0.0), rows, {"vectors": "0.1"})
    plain = model.Model(LEVELS, (0.5, 0.0, 0.0, 0.0), rows, {})
    text = "Coffee slashes risk"
    assert m.vectors and not plain.vectors
    assert predict(text, m, convention="yu2019").level == "direct_causal"  # 2.0 / 3 words > 0.5
    assert predict(text, plain, convention="yu2019").level == "none"
