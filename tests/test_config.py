"""[tool.msvitd] in pyproject.toml or msvitd.toml: honoured when right, one clear line when wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "evidence" / "articles" / "seed-vitamin-d-ms-forum.txt"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _rules(cli) -> tuple[int, set]:
    r = cli("critique", SEED, "--source", "d-lay-ms", "-e", ROOT / "evidence", "--format", "json")
    return r.exit_code, {f["rule"] for f in json.loads(r.stdout)["findings"]}


def test_select_ignore_and_fail_on_from_pyproject(cli, project):
    (project / "pyproject.toml").write_text('[tool.msvitd]\nselect = ["hype", "C2"]\nignore = ["C202"]\n'
                                            'fail-on = "never"\n')
    code, rules = _rules(cli)
    assert code == 0  # the seed has error-level findings, but fail-on = "never"
    assert rules == {"C101", "C201"}


def test_msvitd_toml_is_found_from_a_subfolder(cli, project):
    (project / "msvitd.toml").write_text('select = ["C101"]\n')
    (project / "sub").mkdir()
    import os

    os.chdir(project / "sub")
    assert _rules(cli)[1] == {"C101"}


@pytest.mark.parametrize("name,toml,message", [
    ("pyproject.toml", '[tool.msvitd]\nselekt = ["C1"]\n', "unknown key `selekt`"),
    ("pyproject.toml", '[tool.msvitd]\nfail-on = "sometimes"\n', "`fail-on` must be one of"),
    ("pyproject.toml", '[tool.msvitd]\nselect = 3\n', "`select` must be a list of strings"),
    # a broken pyproject.toml may belong to someone else and is passed over; msvitd.toml is ours
    ("msvitd.toml", "select = [\n", "not valid TOML"),
    # the README's [tool.msvitd] example pasted into msvitd.toml said "unknown key `tool`"
    ("msvitd.toml", '[tool.msvitd]\nselect = ["C1"]\n', "the keys stand at the top level: remove the [tool.msvitd] line"),
])
def test_a_bad_config_is_one_line_naming_the_file_and_exit_2(cli, project, name, toml, message):
    (project / name).write_text(toml)
    r = cli("critique", SEED, "--source", "d-lay-ms", "-e", ROOT / "evidence")
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1 and name in r.stderr and message in r.stderr, r.stderr
