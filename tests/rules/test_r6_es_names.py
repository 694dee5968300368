"""A trial's name written in capitals that is also a common word ("SOLAR": "exposición solar", "protector
solar"; "CHOLINE": the nutrient) names the trial only when it starts with a capital (engine change of round 6,
msvitd/facts/scope.py `name_alternative`). Sentences written here."""

from __future__ import annotations

import pytest

from conftest import found  # tests/rules/conftest.py


def codes(text: str, study: str, lang: str = "es", whole_article: bool = False) -> set[str]:
    return {c for c, sev, _ in found(text, study, lang, whole_article) if sev in ("error", "warning", "info")}


@pytest.mark.parametrize("text", [
    "Aunque uses protector solar, la vitamina D reduce los brotes.",
    "Aunque pases el verano con crema solar, la vitamina D reduce los brotes.",
    "En verano, con el calor y la crema solar, la vitamina D reduce los brotes.",
])
def test_the_common_word_solar_does_not_make_a_sentence_about_the_solar_trial(text):
    assert "C202" in codes(text, "d-lay-ms")


def test_a_lower_case_solar_does_not_place_a_trial_among_earlier_ones():
    text = ("Un ensayo con pacientes de esclerosis múltiple comparó vitamina D y placebo durante 96 semanas. "
            "La autora propone un «protocolo solar» para todos.")
    assert "C604" in codes(text, "choline", whole_article=True)
    named = text + " El ensayo SOLAR tampoco encontró diferencias."
    assert "C604" not in codes(named, "choline", whole_article=True)
