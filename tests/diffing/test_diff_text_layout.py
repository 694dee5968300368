"""`msvitd diff` in a terminal: an element's words (outcome and limitation ids) are never cut mid-word,
and counts are said in proper English (newcomer review, minor 17)."""

from __future__ import annotations

import json
import re

import pytest


@pytest.mark.parametrize("columns", ["80", "100", "120"])
def test_outcome_ids_are_whole(cli, columns):
    data = json.loads(cli("diff", "seed-vitamin-d-ms-forum", "-f", "json").stdout)
    text = cli("diff", "seed-vitamin-d-ms-forum", env={"COLUMNS": columns}).stdout
    cells = [line.split("│")[1].strip() for line in text.splitlines() if line.startswith("│")]
    joined = " ".join(cells).replace("- ", "-")  # a long id may break after one of its hyphens, not elsewhere
    words = set(joined.split())
    for row in data["pico"]:
        for word in row["element"].split():
            assert word in words, (word, columns)


def test_unchecked_numbers_in_proper_english(cli, tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("In 2024 the D-Lay MS trial of vitamin D reported fewer new brain lesions than placebo.\n")
    text = cli("diff", art, "--source", "d-lay-ms").stdout
    assert "number(s)" not in text
    assert re.search(r"^1 number without a unit", text, re.M), text


@pytest.mark.parametrize("columns", ["80", "100", "120"])
def test_long_hyphenated_words_in_the_source_break_after_a_hyphen(cli, columns):
    """The population's "dissemination-in-space" was folded mid-word at 80 columns ("dissemination-in-spa" /
    "ce criteria"): a word too long for its column breaks after one of its hyphens."""
    text = cli("diff", "seed-vitamin-d-ms-forum", env={"COLUMNS": columns}).stdout
    cells = [line.split("│")[2].strip() for line in text.splitlines() if line.startswith("│")]
    joined = " ".join(cells).replace("- ", "-")
    assert "dissemination-in-space" in joined.split(), columns
    assert not re.search(r"dissemination-in-spa\b|^ce criteria", "\n".join(cells), re.M)
