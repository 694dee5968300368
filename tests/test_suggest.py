"""The "did you mean" hint every unknown-id message shares."""

from __future__ import annotations

from hypothesis import given, strategies as st

from msvitd.suggest import closest, did_you_mean

IDS = ["d-lay-ms", "solar", "choline", "vidams", "evidims", "prevanz"]


def test_a_typo_is_matched_to_the_id_meant():
    assert did_you_mean("d-lay-sm", IDS) == " (did you mean 'd-lay-ms'?)"
    assert closest("SOLAR", IDS) == "solar"  # case does not matter, the known spelling is returned


def test_nothing_close_says_nothing():
    assert did_you_mean("aspirin-trial", IDS) == ""
    assert did_you_mean("x", []) == ""


@given(st.sampled_from(IDS))
def test_a_known_id_suggests_itself(name):
    assert closest(name, IDS) == name
