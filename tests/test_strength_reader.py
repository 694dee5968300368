"""The reader (msvitd/text/strength/reader.py): plain Python and numpy read the same, numpy is not
imported for a few sentences, and classify_many equals classify one sentence at a time."""

from __future__ import annotations

import subprocess
import sys

import pytest

from msvitd.text.strength import classify, classify_many, cues, reader, reading

SENTENCES = [
    "Cutting salt might lower blood pressure in older adults.",
    "Coffee drinkers were less likely to develop gout.",
    "The new vaccine reduces hospital admissions by a third.",
    "Our results indicate that the new vaccine probably reduces hospital admissions.",
    "Walking was not associated with knee pain.",
    "We enrolled 412 adults from three clinics.",
    "Lowering cholesterol could help prevent strokes, the authors wrote.",
    "Night-shift workers have a higher risk of ulcers than day workers.",
    "Does green tea slow memory loss?",
    "Even if the benefit is modest, daily walking slows cognitive decline.",
    "",
    "123 456",
]

shipped = reader.load()
needs_reader = pytest.mark.skipif(shipped is None, reason="no reader weights (msvitd/text/strength/data/reader-en.npz)")


def _encoded():
    tables = cues.load("en")
    return [reader.encode(reading.analyse(s, tables), shipped.index) for s in SENTENCES]


@needs_reader
def test_plain_python_and_numpy_give_the_same_log_probabilities():
    pytest.importorskip("numpy")
    enc = _encoded()
    plain = [shipped.log_probs(e) for e in enc]
    batched = shipped.log_probs_many(enc)
    for a, b in zip(plain, batched):
        assert max(abs(x - y) for x, y in zip(a, b)) < 1e-9
        assert abs(sum(2.718281828459045 ** x for x in a) - 1.0) < 1e-9  # probabilities that sum to one


@needs_reader
def test_classify_many_reads_as_classify_one_at_a_time():
    many = SENTENCES * 8  # past reader.NUMPY_FROM: the batched path when numpy is there
    assert len(many) >= reader.NUMPY_FROM
    for conv in ("msvitd", "yu2019"):
        assert [s.level for s in classify_many(many, "en", conv)] == [classify(s, "en", conv).level for s in many]


@needs_reader
def test_a_few_sentences_do_not_import_numpy():
    code = ("import sys; from msvitd.text.strength import classify, reader; "
            "assert reader.load() is not None; print(classify('Salt may raise blood pressure.').level); "
            "print('numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["conditional_causal", "False"]


@needs_reader
def test_the_reader_is_small_and_mixed_with_the_linear_model():
    assert reader.READER.stat().st_size < 1_600_000
    assert 0.0 < shipped.mix < 1.0


def test_each_token_gets_a_cue_class_and_a_scope():
    an = reading.analyse("Salt may not raise blood pressure.", cues.load("en"))
    tags, scope = reader.token_classes(an)
    assert len(tags) == len(scope) == len(an.tokens)
    named = [reader.TAGS[t] for t in tags]
    assert named[an.tokens.index("may")] == "modal"
    assert named[an.tokens.index("raise")] == "causal_neg"  # the relation denied, not a live claim
    assert "m" in reader.SCOPES[scope[0]] and "n" in reader.SCOPES[scope[0]]  # the clause's modal and negation


def test_a_missing_reader_file_leaves_the_linear_model(tmp_path):
    assert reader.load(tmp_path / "absent.npz") is None
