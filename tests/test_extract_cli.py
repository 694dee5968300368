"""`msvitd extract`: a draft article file that validates, written safely."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "evidence" / "articles" / "seed-vitamin-d-ms-forum.txt"


def run(*args, cwd=ROOT):
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "msvitd", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def raw(tmp_path):
    p = tmp_path / "news.txt"
    shutil.copy(SEED, p)
    return p


def test_draft_validates_and_holds_the_claims(raw, tmp_path):
    out = tmp_path / "news.yaml"
    r = run("extract", str(raw), "--source", "d-lay-ms", "-o", str(out), "--evidence", str(ROOT / "evidence"))
    assert r.returncode == 0, r.stderr
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert (data["kind"], data["id"], data["about"], data["text_file"]) == ("article", "news", ["d-lay-ms"], "news.txt")
    assert data["title"].startswith("Groundbreaking Research")
    outcomes = {c.get("outcome") for c in data["claims"]["outcomes"]}
    assert {"disease-activity", "relapse", "disability"} <= outcomes
    nums = [n for c in data["claims"]["outcomes"] for n in c.get("numbers", [])]
    assert {(n["quote"], n["value"]) for n in nums} >= {("60.3%", 60.3), ("74.1%", 74.1)}
    v = run("validate", str(out), str(ROOT / "evidence" / "studies"))
    assert v.returncode == 0, v.stdout + v.stderr


def test_refuses_to_overwrite_without_force(raw, tmp_path):
    out = tmp_path / "news.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    r = run("extract", str(raw), "--source", "d-lay-ms", "-o", str(out), "--evidence", str(ROOT / "evidence"))
    assert r.returncode == 2 and "--force" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "keep me\n"
    r = run("extract", str(raw), "--source", "d-lay-ms", "-o", str(out), "--force", "--evidence", str(ROOT / "evidence"))
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8").startswith("# Draft made by `msvitd extract`")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temp file left behind


def test_prints_the_draft_without_output(raw):
    r = run("extract", str(raw), "--source", "d-lay-ms", "--evidence", str(ROOT / "evidence"))
    assert r.returncode == 0, r.stderr
    assert "kind: article" in r.stdout


@pytest.mark.parametrize("args", [("missing.txt", "--source", "d-lay-ms"), ("{raw}", "--source", "no-such-study"),
                                  ("{raw}",)])
def test_usage_errors(raw, args):
    args = [a.replace("{raw}", str(raw)) for a in args]
    r = run("extract", *args, "--evidence", str(ROOT / "evidence"))
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
