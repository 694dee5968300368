"""The one table of output formats (msvitd/output/formats.py) serves every command that prints
results; no command writes its own format dispatch (issue 18.1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from msvitd.output.formats import DEFAULT, TABLE, renderer

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("command,fmt", [(c, f) for c, fs in TABLE.items() for f in fs])
def test_every_format_names_a_renderer(command, fmt):
    assert callable(renderer(command, fmt))


def test_defaults_are_in_the_table():
    assert all(DEFAULT[c] in TABLE[c] for c in TABLE)


@pytest.mark.parametrize("command", sorted(TABLE))
def test_commands_take_their_choices_from_the_table(command):
    source = (ROOT / "msvitd" / "commands" / f"{command}.py").read_text(encoding="utf-8")
    assert "choices(NAME)" in source and "class Format(" not in source


def test_diff_json_carries_version_and_d_coded_diagnostics(cli):
    data = json.loads(cli("diff", "seed-vitamin-d-ms-forum", "--format", "json").stdout)
    assert data["version"] == 2 and data["failing"] is True
    codes = {d["code"] for d in data["diagnostics"]}
    assert codes and all(c.startswith("D") for c in codes) and "D105" in codes
    errors = [d for d in data["diagnostics"] if d["severity"] == "error"]
    assert errors  # the exit code follows the error-severity verdicts, as `failing` does


def test_every_diff_code_is_documented():
    from msvitd.codes import CODES

    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    for code, entry in CODES.items():
        if code.startswith("D"):
            assert f"| {code} | {entry.name} | {entry.severity.value} |" in doc, code
