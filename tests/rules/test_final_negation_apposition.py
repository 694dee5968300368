"""German negates at the end of the clause; an apposition between dashes or in brackets before that
final "nicht" must not cut the negation off from its verb (a careful article's sentence read as a
benefit claim). Sentences written for these tests; PrevANZ: no effect on disease activity."""

from __future__ import annotations

import pytest

from tests.rules.test_earlier_trials import codes

DENIED = [
    "Vitamin D senkte die Krankheitsaktivität – also neue Schübe oder neue Herde im MRT – nicht.",
    "Vitamin D senkte die Krankheitsaktivität (also Schübe oder neue Herde) nicht.",
    "Das Präparat verringerte die Krankheitsaktivität — gemeint sind Schübe und neue Läsionen — nicht.",
]


@pytest.mark.parametrize("text", DENIED)
def test_a_final_negation_after_an_apposition_negates_the_verb(text):
    assert "C202" not in codes(text, "prevanz", "de")


def test_the_same_sentence_without_the_negation_is_still_a_claim():
    text = "Vitamin D senkte die Krankheitsaktivität – also neue Schübe oder neue Herde im MRT – deutlich."
    assert "C202" in codes(text, "prevanz", "de")


def test_a_negation_inside_the_apposition_is_not_moved():
    # the negation belongs to the apposition ("nicht alle"), the main clause is a claim
    text = "Vitamin D senkte die Krankheitsaktivität – wenn auch nicht bei allen – deutlich."
    assert "C202" in codes(text, "prevanz", "de")
