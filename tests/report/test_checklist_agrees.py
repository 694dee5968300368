"""The checklist agrees with the findings beside it (newcomer minor 19): figures that the number check
flags as contradicting the trial do not pass "Benefits quantified in absolute terms"."""

from __future__ import annotations

from tests.conftest import ROOT

SWAPPED = ("Vitamin D slows MS, D-Lay MS trial finds\n\nIn the D-Lay MS trial of 316 people with a clinically "
           "isolated syndrome in France, 74.1% of those on vitamin D had disease activity against 60.3% on placebo.\n")
RIGHT = SWAPPED.replace("74.1%", "X").replace("60.3%", "74.1%").replace("X", "60.3%")


def _benefits(text: str):
    from msvitd.critique.engine import critique_text
    from msvitd.library import load_library

    lib = load_library([ROOT / "evidence"])
    res = critique_text(text, lib.study("d-lay-ms"), article="a.txt")
    item = next(c for c in res.checklist if c.id == "benefits_absolute")
    swapped = [f for f in res.findings if f.rule == "C502"]
    return item, swapped


def test_swapped_figures_fail_the_benefits_item():
    item, swapped = _benefits(SWAPPED)
    assert swapped, "the number check must flag the swapped arms"
    assert item.status == "fail" and "contradict the trial" in item.note, item


def test_right_figures_pass_it():
    item, swapped = _benefits(RIGHT)
    assert not swapped
    assert item.status == "pass", item
