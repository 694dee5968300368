"""An entry that opens with an optional group ("(völlig |komplett )?nebenwirkungsfrei") matches with and without
the group: the first-letter buckets must not file it under the group's letters only (such entries never matched
without their group before the sixth round)."""

from __future__ import annotations

import pytest

from msvitd.text.phrases import Matcher


@pytest.mark.parametrize("entry,text,found", [
    ("(very |truly )?cheap remedy", "It is a cheap remedy.", "cheap remedy"),
    ("(very |truly )?cheap remedy", "It is a truly cheap remedy.", "truly cheap remedy"),
    ("(völlig |komplett )?nebenwirkungsfrei", "Das Mittel sei nebenwirkungsfrei.", "nebenwirkungsfrei"),
    ("(de forma |de manera )?rutinaria", "Se receta rutinaria y sin análisis.", "rutinaria"),
])
def test_an_optional_opening_group_may_be_absent(entry, text, found):
    assert [h.text for h in Matcher([("x", entry)]).find(text)] == [found]


def test_a_required_opening_group_still_needs_one_of_its_words():
    m = Matcher([("x", "(a|the) safe way")])
    assert [h.text for h in m.find("the safe way to start")] == ["the safe way"]
    assert m.find("one safe way to start") == []
