"""The pre-commit hook exactly as shipped in .pre-commit-hooks.yaml (check-jsonschema's practice):
its `files` pattern selects evidence files, and its entry passes the positive fixtures and fails
the negative ones, naming each problem."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
(HOOK,) = [h for h in HOOKS if h["id"] == "msvitd-validate"]

# negative fixture -> the code it must be reported with
NEGATIVE = {
    "articles/dangling-and-misquoted.yaml": ["S206", "S207"],
    "studies/ci-excludes-estimate.yaml": ["S201"],
    "studies/duplicate-key.yaml": ["Y002"],
    "studies/percent-mismatch.yaml": ["S203"],
    "studies/python-tag.yaml": ["Y005"],
    "studies/wrong-type.yaml": ["S103"],
}


def run_hook(repo: Path, filenames: list[str]) -> subprocess.CompletedProcess:
    """What pre-commit does: entry + args (+ the staged file names if pass_filenames), from the repo root."""
    cmd = shlex.split(HOOK["entry"]) + HOOK.get("args", [])
    if HOOK.get("pass_filenames", True):
        cmd += filenames
    assert cmd[0] == "msvitd"
    cmd = [sys.executable, "-m", "msvitd", *cmd[1:]]  # this checkout, whatever is on PATH
    return subprocess.run(cmd, cwd=repo, capture_output=True, text=True, timeout=120)


def staged(repo: Path) -> list[str]:
    files = sorted(str(p.relative_to(repo)) for p in repo.rglob("*") if p.is_file())
    return [f for f in files if re.search(HOOK["files"], f)]


def test_hook_definition():
    assert HOOK["language"] == "python" and HOOK["entry"].startswith("msvitd validate")
    assert HOOK["pass_filenames"] is False  # cross-file references need the whole evidence folder


@pytest.mark.parametrize("path,selected", [
    ("evidence/studies/d-lay-ms.yaml", True),
    ("evidence/articles/news.yml", True),
    ("sub/project/evidence/studies/x.yaml", True),
    ("evidence/articles/news.txt", False),
    (".github/workflows/ci.yaml", False),
    ("my-evidence/x.yaml", False),
    ("config.yaml", False),
])
def test_files_pattern(path, selected):
    assert bool(re.search(HOOK["files"], path)) is selected


def test_fixture_files_are_selected():
    assert len(staged(FIXTURES / "positive")) == 2
    assert len(staged(FIXTURES / "negative")) == len(NEGATIVE)


def test_positive_fixtures_pass():
    r = run_hook(FIXTURES / "positive", staged(FIXTURES / "positive"))
    assert (r.returncode, r.stdout, r.stderr) == (0, "All 2 files valid.\n", "")


def test_negative_fixtures_fail_each_with_its_code():
    r = run_hook(FIXTURES / "negative", staged(FIXTURES / "negative"))
    assert r.returncode == 1 and r.stderr == ""
    found: dict[str, list[str]] = {}
    *lines, summary, skipped = r.stdout.splitlines()
    assert skipped == "Numbers and references were not checked in 2 files: fix the YAML and schema errors above, then run again."
    for line in lines:
        m = re.match(r"evidence/(\S+?):\d+:\d+: (\w\d{3}) \[error\]", line)
        assert m, line
        found.setdefault(m.group(1), []).append(m.group(2))
    assert found == NEGATIVE
    assert summary == f"Found 7 errors and 0 warnings in {len(NEGATIVE)} files."


@pytest.mark.parametrize("name", sorted(NEGATIVE))
def test_each_negative_fixture_fails_on_its_own(name):
    r = subprocess.run([sys.executable, "-m", "msvitd", "validate", f"evidence/{name}"],
                       cwd=FIXTURES / "negative", capture_output=True, text=True, timeout=60)
    assert r.returncode == 1, r.stdout
    assert {m for m in re.findall(r": (\w\d{3}) \[error\]", r.stdout)} >= set(NEGATIVE[name])
