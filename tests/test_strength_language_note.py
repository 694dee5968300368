"""`msvitd strength` says on stderr, as critique and diff say it, when it could not tell the input's
language or cannot read it (then it reads English); stdout (one record a line) is unchanged."""

from __future__ import annotations

import json

NOTE = "msvitd strength: language undetermined (too few words to tell), read as English; --lang en|fr|de|es chooses\n"


def _run(cli, text: str, *args):
    from typer.testing import CliRunner

    from msvitd.cli import app

    return CliRunner().invoke(app, ["strength", *args], input=text, env={"NO_COLOR": "1"})


def test_too_few_words_is_said_on_stderr(cli):
    r = _run(cli, "MS: -34%.\n")
    assert r.exit_code == 0
    assert r.stderr == NOTE
    assert r.stdout.startswith("none")


def test_json_stays_one_record_a_line(cli):
    r = _run(cli, "MS: -34%.\n", "-f", "json")
    assert [row["line"] for row in json.loads(r.stdout)] == [1]
    assert r.stderr == NOTE


def test_a_language_msvitd_does_not_read_is_named(cli):
    r = _run(cli, "La vitamina D riduce il rischio di recidiva nei pazienti con sclerosi multipla, secondo lo studio.\n")
    assert r.exit_code == 0
    assert r.stderr == "msvitd strength: Italian is not read yet, read as English; --lang chooses\n"


def test_nothing_said_when_known_or_told(cli):
    assert _run(cli, "The trial found that vitamin D reduces the number of new lesions in the brain.\n").stderr == ""
    assert _run(cli, "MS: -34%.\n", "--lang", "en").stderr == ""
    assert _run(cli, "34%\n").stderr == ""  # no words at all: nothing to tell
