"""Two outcomes told as two pairs of figures in one sentence ("new lesions in A versus B, contrast-enhancing
lesions in C versus D"): the second figure of each pair belongs to the outcome named before its pair, not
to the one after the comma. A correct figure called wrong is the worst error a fact-checker can meet.
Sentences written here, D-Lay MS figures (new lesions 46.2% vs 59.2%, enhancing 18.6% vs 34.0%)."""

from __future__ import annotations

import pytest

from conftest import found


def mismatches(text: str, lang: str) -> list[str]:
    return [q for c, _, q in found(text, "d-lay-ms", lang) if c == "C502"]


@pytest.mark.parametrize("text, lang", [
    ("The MRI outcomes favoured vitamin D: new lesions in 46.2% versus 59.2%, contrast-enhancing lesions in "
     "18.6% versus 34.0%.", "en"),
    ("Neue Läsionen bei 46,2 gegenüber 59,2 Prozent, kontrastmittelaufnehmende Läsionen bei 18,6 gegenüber "
     "34,0 Prozent.", "de"),
    ("Nouvelles lésions chez 46,2 % contre 59,2 %, lésions rehaussées chez 18,6 % contre 34,0 %.", "fr"),
    ("Nuevas lesiones en el 46,2 % frente al 59,2 %, lesiones con contraste en el 18,6 % frente al 34,0 %.", "es"),
])
def test_two_pairs_of_correct_figures_are_not_called_wrong(text, lang):
    assert mismatches(text, lang) == []


@pytest.mark.parametrize("text, lang", [
    ("Contrast-enhancing lesions were seen in 46.2% versus 59.2%.", "en"),
    ("Nuevas lesiones en el 18,6 % frente al 34,0 %.", "es"),
])
def test_a_pair_told_for_the_other_outcome_is_still_wrong(text, lang):
    assert mismatches(text, lang)
