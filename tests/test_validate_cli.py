"""`msvitd validate` as a user and a CI job see it: output formats, exit codes, colour, piping, --jobs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

POSITIVE = Path(__file__).resolve().parent / "fixtures" / "positive" / "evidence"
DEMO = (POSITIVE / "studies" / "demo.yaml").read_text()
ANSI = "\x1b["


@pytest.fixture
def invalid(tmp_path) -> Path:
    """A folder with the valid article, and its study with one error (S203) and one warning (Y012)."""
    (tmp_path / "demo.yaml").write_text(DEMO.replace("percent: 20.0", "percent: 25.0")
                                        .replace('allocation: "1:1"', "allocation: 1:1"))
    shutil.copy(POSITIVE / "articles" / "demo-news.yaml", tmp_path / "demo-news.yaml")
    return tmp_path


def test_valid_exit_0(cli):
    r = cli("validate", POSITIVE)
    assert (r.exit_code, r.stdout, r.stderr) == (0, "All 2 files valid.\n", "")


def test_invalid_exit_1_text(cli, invalid):
    r = cli("validate", invalid)
    assert r.exit_code == 1
    assert r.stdout == (
        f"{invalid}/demo.yaml:14:15: Y012 [warning] design.allocation: unquoted '1:1' is kept as the string '1:1'; "
        "YAML 1.1 tools read it differently: quote it\n"
        f"{invalid}/demo.yaml:37:50: S203 [error] outcomes[0].arms.placebo.percent: 25% does not agree with "
        "20/100 = 20.00%\n"
        "Found 1 error and 1 warning in 2 files.\n")
    assert r.stderr == ""


def test_warnings_pass_unless_strict(cli, tmp_path):
    (tmp_path / "demo.yaml").write_text(DEMO.replace('allocation: "1:1"', "allocation: 1:1"))
    assert cli("validate", tmp_path).exit_code == 0
    r = cli("validate", "--strict", tmp_path)
    assert r.exit_code == 1
    assert r.stdout.endswith("Found 0 errors and 1 warning in 1 file.\n")


def test_json(cli, invalid):
    r = cli("validate", "--format", "json", invalid)
    assert r.exit_code == 1
    assert json.loads(r.stdout) == {
        "version": 2, "files": 2, "valid": False, "summary": {"errors": 1, "warnings": 1, "infos": 0},
        "diagnostics": [
            {"code": "Y012", "severity": "warning", "file": f"{invalid}/demo.yaml", "line": 14, "column": 15,
             "end_line": None, "end_column": None, "path": "design.allocation",
             "message": "unquoted '1:1' is kept as the string '1:1'; YAML 1.1 tools read it differently: quote it"},
            {"code": "S203", "severity": "error", "file": f"{invalid}/demo.yaml", "line": 37, "column": 50,
             "end_line": None, "end_column": None, "path": "outcomes[0].arms.placebo.percent",
             "message": "25% does not agree with 20/100 = 20.00%"}]}


def test_json_valid(cli):
    r = cli("validate", "-f", "json", POSITIVE)
    assert r.exit_code == 0
    assert json.loads(r.stdout) == {"version": 2, "files": 2, "valid": True,
                                    "summary": {"errors": 0, "warnings": 0, "infos": 0}, "diagnostics": []}


def test_github_annotations(cli, tmp_path, monkeypatch):
    # a file name with the characters GitHub's property syntax reserves, a message with '%'
    (tmp_path / "a,b:c.yaml").write_text(DEMO.replace("percent: 20.0", "percent: 25.0"))
    monkeypatch.chdir(tmp_path)  # relative paths, as in a workflow
    r = cli("validate", "--format", "github", ".")
    assert r.exit_code == 1
    assert r.stdout == ("::error file=a%2Cb%3Ac.yaml,line=37,col=50,title=msvitd S203::outcomes[0].arms.placebo.percent: "
                        "25%25 does not agree with 20/100 = 20.00%25\n")


def test_github_warning_is_a_warning_annotation(cli, tmp_path, monkeypatch):
    (tmp_path / "demo.yaml").write_text(DEMO.replace('allocation: "1:1"', "allocation: 1:1"))
    monkeypatch.chdir(tmp_path)
    r = cli("validate", "-f", "github", "demo.yaml")
    assert r.exit_code == 0
    assert r.stdout.startswith("::warning file=demo.yaml,line=14,col=15,title=msvitd Y012::design.allocation: ")


def test_markdown(cli, invalid):
    r = cli("validate", "--format", "markdown", invalid / "demo.yaml")
    assert r.exit_code == 1
    assert r.stdout.splitlines()[:4] == [
        "**msvitd validate**: 1 error, 1 warning in 1 file.", "",
        "| Location | Code | Severity | Path | Message |", "|---|---|---|---|---|"]


@pytest.mark.parametrize("args,message", [
    (["--bogus"], "No such option: --bogus"),
    (["--format", "xml"], "Invalid value for '--format'"),
    (["--jobs", "-1"], "Invalid value for '--jobs'"),
    (["no/such/file.yaml"], "msvitd validate: no/such/file.yaml: no such file or folder"),
    (["-"], "msvitd validate: reading evidence from standard input is not supported; name a file"),
])
def test_usage_errors_exit_2(cli, args, message):
    r = cli("validate", *args)
    assert r.exit_code == 2
    assert message in r.stderr
    assert r.stdout == ""


def test_folder_without_yaml_exit_2_and_nothing_on_stdout(cli, tmp_path):
    (tmp_path / "notes.txt").write_text("no evidence here")
    r = cli("validate", tmp_path)
    assert (r.exit_code, r.stdout, r.stderr) == (2, "", "msvitd validate: no evidence files found (*.yaml, *.yml)\n")


def test_default_path_is_evidence_in_the_current_folder(cli, tmp_path, monkeypatch):
    shutil.copytree(POSITIVE, tmp_path / "evidence")
    monkeypatch.chdir(tmp_path)
    assert cli("validate").stdout == "All 2 files valid.\n"


def test_many_paths_one_exit_code(cli, invalid):
    """pre-commit passes file names in batches: one run, one exit code, each file counted once."""
    r = cli("validate", POSITIVE / "studies" / "demo.yaml", invalid / "demo.yaml", invalid / "demo.yaml")
    assert r.exit_code == 1
    assert r.stdout.endswith("in 2 files.\n")


def test_jobs_give_the_same_output(cli, tmp_path):
    for i in range(12):
        text = DEMO.replace("id: demo\n", f"id: demo-{i}\n")
        if i % 3 == 0:
            text = text.replace("percent: 20.0", "percent: 25.0")
        (tmp_path / f"s{i:02}.yaml").write_text(text)
    (tmp_path / "dup.yaml").write_text(DEMO.replace("id: demo\n", "id: demo-3\n"))
    (tmp_path / "news.yaml").write_text((POSITIVE / "articles" / "demo-news.yaml").read_text()
                                        .replace("about: [demo]", "about: [demo-1, demo-99]"))
    one = cli("validate", "-f", "json", tmp_path)
    two = cli("validate", "-f", "json", "--jobs", "2", tmp_path)
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    # S203 x4, S205 (dup.yaml reuses demo-3), S206 x3 (demo-99; two claims that must now name their study)
    assert json.loads(one.stdout)["summary"]["errors"] == 8


# --- colour and piping -------------------------------------------------------------------------------

@pytest.mark.parametrize("env,args,coloured", [
    ({"NO_COLOR": "1"}, [], False),
    ({"NO_COLOR": "1"}, ["--color"], True),  # the flag wins
    ({"NO_COLOR": "", "FORCE_COLOR": "1"}, [], True),
    ({"NO_COLOR": "", "FORCE_COLOR": "1"}, ["--no-color"], False),
    ({"NO_COLOR": ""}, [], False),  # not a terminal (CliRunner, a pipe): no colour
])
def test_colour(cli, invalid, env, args, coloured):
    r = cli("validate", *args, invalid, env=env)
    assert (ANSI in r.stdout) is coloured


def test_json_and_github_never_coloured(cli, invalid):
    for fmt in ("json", "github", "markdown"):
        r = cli("validate", "--color", "-f", fmt, invalid, env={"FORCE_COLOR": "1"})
        assert ANSI not in r.stdout


def test_piped_output_is_plain_and_unwrapped(invalid):
    """A real process writing to a pipe, with no NO_COLOR and a narrow COLUMNS: no colour codes, and no
    line is wrapped (each diagnostic stays on one line; JSON is not reflowed)."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["COLUMNS"] = "40"
    cmd = [sys.executable, "-m", "msvitd", "validate", str(invalid)]
    text = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)
    assert text.returncode == 1
    assert ANSI not in text.stdout
    lines = text.stdout.splitlines()
    assert len(lines) == 3 and lines[1].endswith("25% does not agree with 20/100 = 20.00%")
    js = subprocess.run(cmd + ["-f", "json"], capture_output=True, text=True, env=env, timeout=60)
    assert ANSI not in js.stdout
    assert json.loads(js.stdout)["summary"]["errors"] == 1


def test_closed_pipe_is_not_a_traceback(tmp_path):
    """`msvitd validate ... | true`: the reader is gone before 100 KB of problems are written."""
    for j in range(4):
        (tmp_path / f"f{j}.yaml").write_text("kind: study\n" + "".join(f"k: {i}\n" for i in range(300)))
    cmd = f"{sys.executable} -m msvitd validate {tmp_path} | true"
    r = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=60)
    assert r.stderr == ""


# --- checks that did not run are said (newcomer review, minor 12: errors came in rounds) ---------------

def test_a_schema_error_says_the_number_checks_did_not_run(cli, tmp_path):
    (tmp_path / "demo.yaml").write_text(DEMO.replace("percent: 20.0", "percent: 25.0").replace("id: demo\n", "id: demo\nbogus: 1\n"))
    r = cli("validate", tmp_path / "demo.yaml")
    assert r.exit_code == 1
    assert r.stdout.splitlines()[-2:] == [
        "Found 1 error and 0 warnings in 1 file.",
        f"Numbers and references were not checked in {tmp_path / 'demo.yaml'}: fix the YAML and schema errors "
        "above, then run again."]
    md = cli("validate", "-f", "markdown", tmp_path / "demo.yaml").stdout
    assert md.endswith("fix the YAML and schema errors above, then run again.\n")


def test_no_such_note_when_the_checks_ran(cli, invalid, tmp_path):
    assert "not checked" not in cli("validate", invalid).stdout  # S203 shows they ran
    (tmp_path / "dup.yaml").write_text(DEMO.replace("id: demo\n", "id: demo\nid: demo\n"))
    r = cli("validate", tmp_path / "dup.yaml")  # a duplicate key keeps the data: the checks ran, clean
    assert [line.split()[1] for line in r.stdout.splitlines()[:-1]] == ["Y002"]
    (tmp_path / "empty.yaml").write_text("")
    assert "not checked" not in cli("validate", tmp_path / "empty.yaml").stdout  # nothing there to check


def test_a_duplicate_study_id_is_one_error_not_a_cascade(cli, tmp_path):
    """A second study file with an id already in the library (a template named after it) is one S205;
    references keep resolving against the first file (they gave 19 false S206: newcomer minor 11)."""
    template = tmp_path / "d-lay-ms.yaml"
    r = cli("new", "study", "d-lay-ms", "-o", template)
    assert r.exit_code == 0, r.output
    r = cli("validate", Path(__file__).resolve().parents[1] / "evidence", template)
    assert r.exit_code == 1
    codes = [line.split()[1] for line in r.stdout.splitlines() if ": S" in line or ": Y" in line]
    assert codes.count("S205") == 1 and "S206" not in codes, r.stdout
