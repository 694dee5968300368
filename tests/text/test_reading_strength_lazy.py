"""The reader classifies a sentence's claim strength only when it has claims to cap; other sentences'
level is worked out when first read (issue 17).  What a caller reads is the same either way."""

from __future__ import annotations

import dataclasses
import pickle

from msvitd.text.lexicon import load_lexicon
from msvitd.text.reading import Reader
from msvitd.text.sentences import LineIndex
from msvitd.text.strength import classify

TEXT = ("Vitamin D may be linked to fewer relapses. Researchers gave 100,000 IU every two weeks. "
        "High-dose vitamin D reduces MRI activity in early MS. There were fewer relapses. "
        "The difference was not significant. Patients should ask whether it helps.")


def _readings():
    return Reader(load_lexicon(), ("vitamin D",)).read_text(TEXT, LineIndex(TEXT))


def test_a_sentence_without_claims_reads_the_classifier_level():
    for r in _readings():
        if not r.claims:
            assert r.strength == classify(r.sentence.text, "en").level


def test_the_level_survives_pickling_replace_and_take_back():
    rs = _readings()
    again = pickle.loads(pickle.dumps(rs))  # the level not read yet travels as what computes it
    assert [r.strength for r in again] == [r.strength for r in rs]
    assert again == rs
    r = rs[0]
    assert dataclasses.replace(r, direction="unclear").strength == r.strength
    # "There were fewer relapses. The difference was not significant.": the second takes back the
    # claims of the first, which keeps its class and strength
    taken = next(r for r in rs if r.sentence.text.startswith("There were"))
    assert taken.claims == () and taken.direction == "no_difference"
    assert taken.strength == classify(taken.sentence.text, "en").level
