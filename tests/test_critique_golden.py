"""Golden output of `msvitd critique` on the seed article, one file per format.

MSVITD_UPDATE_GOLDEN=1 python3 -m pytest tests/test_critique_golden.py rewrites them after a
deliberate change; review the diff before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "critique"
SEED = "evidence/articles/seed-vitamin-d-ms-forum.txt"


@pytest.fixture(autouse=True)
def _in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def _golden(name: str, text: str):
    path = GOLDEN / name
    if os.environ.get("MSVITD_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"differs from {path}; MSVITD_UPDATE_GOLDEN=1 to accept"


@pytest.mark.parametrize("fmt,ext", [("concise", "txt"), ("full", "full.txt"), ("json", "json"), ("jsonl", "jsonl"), ("github", "github.txt"),
                                     ("markdown", "md")])
def test_seed_golden(cli, fmt, ext):
    r = cli("critique", SEED, "--source", "d-lay-ms", "--format", fmt)
    assert r.exit_code == 1, r.output
    _golden(f"seed-vitamin-d-ms-forum.{ext}", r.stdout)


def test_seed_json_quotes_are_exact_substrings(cli):
    text = (ROOT / SEED).read_text(encoding="utf-8")
    data = json.loads(cli("critique", SEED, "--source", "d-lay-ms", "--format", "json").stdout)
    assert data["source"]["id"] == "d-lay-ms"
    for f in data["findings"]:
        assert set(f) >= {"code", "rule", "category", "severity", "message", "quote", "start", "end", "line", "column",
                          "source_fact"}
        if f["quote"] is None:  # a whole-article finding: no position, null rather than 0
            assert f["start"] is None and f["line"] is None and f["column"] is None
        else:
            assert text[f["start"]:f["end"]] == f["quote"]
            line_start = text.rfind("\n", 0, f["start"]) + 1
            assert f["line"] == text.count("\n", 0, f["start"]) + 1
            assert f["column"] == f["start"] - line_start + 1
    assert data["version"] == 2
    assert {c["id"] for c in data["checklist"]} == {"benefits_absolute", "harms", "quality_of_evidence", "novelty",
                                                     "independent_sources", "alternatives", "costs"}


def test_default_is_one_line_per_finding(cli):
    """Issue 16.9: the default output is `path:line:col: CODE [severity] message`, one line each."""
    r = cli("critique", SEED, "--source", "d-lay-ms")
    full = cli("critique", SEED, "--source", "d-lay-ms", "--format", "json")
    n = len(json.loads(full.stdout)["findings"])
    lines = r.stdout.splitlines()
    assert len(lines) == n + 2  # a header, one line per finding, a summary
    assert lines[1].startswith(f"{SEED}:1:1: C101 [warning] ")
    assert cli("critique", SEED, "--source", "d-lay-ms", "--format", "text").stdout == r.stdout
