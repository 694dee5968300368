"""Round 6: a dose restated in an apposition after a comma takes the clause before it to say whose dose it is
(msvitd/facts/matcher.py, language.yaml roles: dose_apposition). Sentences written here."""

from __future__ import annotations

import pytest

from conftest import found  # tests/rules/conftest.py


def c502(text: str) -> list[str]:
    return [q for c, _, q in found(text, "d-lay-ms") if c == "C502"]


@pytest.mark.parametrize("text,quote", [
    ("The vitamin group received a big dose, equivalent to about 12,000 IU a day.", "about 12,000 IU a day"),
    ("Participants took a large dose, the equivalent of roughly 10,000 IU a day.", "roughly 10,000 IU a day"),
])
def test_a_wrong_daily_equivalent_in_an_apposition_is_a_mismatch(text, quote):
    assert any(quote in q for q in c502(text))


@pytest.mark.parametrize("text", [
    "Participants took 100,000 IU every two weeks, equivalent to about 7,000 IU a day.",
    "Standard advice is 600 IU, equivalent to 15 micrograms a day.",
])
def test_a_right_or_unrelated_apposition_stays_silent(text):
    assert c502(text) == []
