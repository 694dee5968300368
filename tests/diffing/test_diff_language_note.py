"""`msvitd diff` says, as `critique` does, when a text was too short to tell its language (and was
read as English): in the text header, the markdown and the JSON; nothing when the language is known."""

from __future__ import annotations

import json

import pytest

NOTE = "language undetermined (too few words to tell), read as English; --lang en|fr|de|es chooses"


@pytest.fixture
def short(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("Vitamin D 34%.\n", encoding="utf-8")
    return path


def test_text_header_says_the_language_was_not_told(cli, short):
    r = cli("diff", short, "--source", "d-lay-ms")
    assert r.stdout.splitlines()[2] == f"note: {NOTE}"


def test_markdown_says_it(cli, short):
    r = cli("diff", short, "--source", "d-lay-ms", "-f", "markdown")
    assert f"> Note: {NOTE}" in r.stdout.splitlines()[:5]


def test_json_says_it_as_critique_does(cli, short):
    diff = json.loads(cli("diff", short, "--source", "d-lay-ms", "-f", "json").stdout)
    critique = json.loads(cli("critique", short, "--source", "d-lay-ms", "-f", "json").stdout)
    assert (diff["language"], diff["language_note"]) == (critique["language"], critique["language_note"]) == ("en", NOTE)


def test_nothing_said_when_the_language_is_known(cli, short):
    short.write_text("Vitamin D reduced new lesions in people with a first episode of MS, the trial found.\n")
    data = json.loads(cli("diff", short, "--source", "d-lay-ms", "-f", "json").stdout)
    assert data["language"] == "en" and "language_note" not in data
    assert "language undetermined" not in cli("diff", short, "--source", "d-lay-ms").stdout
    forced = json.loads(cli("diff", short, "--source", "d-lay-ms", "--lang", "fr", "-f", "json").stdout)
    assert forced["language"] == "fr"
