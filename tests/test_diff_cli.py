"""`msvitd diff` as a user runs it: the seed article against D-Lay MS, formats, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "diff"
SEED_RAW = ROOT / "evidence" / "articles" / "seed-vitamin-d-ms-forum.txt"


def run(*args, cwd=ROOT):
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "msvitd", "diff", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def _golden(name: str, text: str):
    path = GOLDEN / name
    if os.environ.get("MSVITD_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"differs from {path}; MSVITD_UPDATE_GOLDEN=1 to accept"


def test_golden_seed_text():
    r = run("seed-vitamin-d-ms-forum")
    assert r.returncode == 1, r.stderr
    _golden("seed-vitamin-d-ms-forum.txt", r.stdout)


def test_golden_seed_markdown():
    r = run("seed-vitamin-d-ms-forum", "--format", "markdown")
    assert r.returncode == 1, r.stderr
    _golden("seed-vitamin-d-ms-forum.md", r.stdout)


@pytest.fixture(scope="module")
def seed_json():
    r = run("seed-vitamin-d-ms-forum", "--format", "json")
    assert r.returncode == 1, r.stderr
    return json.loads(r.stdout)


def _row(data, element):
    return next(r for r in data["pico"] if r["element"] == element)


def test_seed_pico_verdicts(seed_json):
    assert _row(seed_json, "population")["verdict"] == "broader"
    assert "18 to 55" in _row(seed_json, "population")["source"]
    assert "France" in _row(seed_json, "population")["source"]
    dose = _row(seed_json, "intervention: dose")
    assert (dose["verdict"], dose["source"]) == ("omitted", "100,000 IU")
    assert _row(seed_json, "comparator")["verdict"] == "same"
    assert _row(seed_json, "outcome: disease-activity")["verdict"] == "same"
    relapse = _row(seed_json, "outcome: relapse")
    assert (relapse["verdict"], relapse["note"]) == ("same", "acknowledged null")
    assert _row(seed_json, "outcome: disability")["verdict"] == "unsupported"  # "slowing progression"
    assert _row(seed_json, "outcome: damage")["verdict"] == "unsupported"
    assert _row(seed_json, "limitation: surrogate-driven")["verdict"] == "same"
    assert _row(seed_json, "limitation: population-narrow")["verdict"] == "omitted"


def test_seed_numbers(seed_json):
    nums = {(n["quote"], n["verdict"]) for n in seed_json["numbers"]}
    assert {("60.3%", "match"), ("74.1%", "match"), ("303 participants", "match"), ("two years", "match")} <= nums
    n = next(n for n in seed_json["numbers"] if n["quote"] == "60.3%")
    assert set(n) >= {"quote", "start", "end", "value", "unit", "verdict", "source_fact"}
    text = SEED_RAW.read_text(encoding="utf-8")
    assert text[n["start"]:n["end"]] == "60.3%"
    assert n["source_fact"]["location"].startswith("evidence/studies/d-lay-ms.yaml:")
    assert set(_row(seed_json, "population")) >= {"element", "source", "article", "verdict", "quote"}


def test_raw_article_uses_the_text_reading():
    r = run(str(SEED_RAW), "--study", "d-lay-ms", "--format", "json")
    assert r.returncode == 1, r.stderr
    data = json.loads(r.stdout)
    assert data["claims_from"] == "text reading"
    assert _row(data, "population")["verdict"] == "broader"
    assert _row(data, "intervention: dose")["verdict"] == "omitted"
    assert _row(data, "outcome: relapse")["verdict"] == "same"
    assert _row(data, "outcome: disability")["verdict"] == "unsupported"


def test_exit_0_when_nothing_fails(tmp_path):
    art = tmp_path / "good.txt"
    art.write_text("In the D-Lay MS trial, 60.3% of the vitamin D group showed disease activity, "
                   "compared to 74.1% in the placebo group (HR 0.66, 95% CI 0.50-0.87).\n", encoding="utf-8")
    r = run(str(art), "--study", "d-lay-ms", "--format", "json", "--evidence", str(ROOT / "evidence"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert all(n["verdict"] in ("match", "rounded", "derived") for n in json.loads(r.stdout)["numbers"])


def test_exit_1_on_a_mismatch(tmp_path):
    art = tmp_path / "bad.md"
    art.write_text("# D-Lay MS\n\nVitamin D lowered the risk of disease activity by 66%.\n", encoding="utf-8")
    r = run(str(art), "--study", "d-lay-ms", "--format", "json", "--evidence", str(ROOT / "evidence"))
    assert r.returncode == 1
    (n,) = json.loads(r.stdout)["numbers"]
    assert (n["verdict"], n["source_fact"]["value"]) == ("mismatch", "34%")


@pytest.mark.parametrize("args", [("no-such-article",), ("seed-vitamin-d-ms-forum", "--study", "nope"),
                                  ("seed-vitamin-d-ms-forum", "--format", "xml")])
def test_usage_errors_exit_2_with_one_line(args):
    r = run(*args)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr


def test_raw_article_without_study_is_a_usage_error(tmp_path):
    art = tmp_path / "x.txt"
    art.write_text("Vitamin D is good.\n", encoding="utf-8")
    r = run(str(art), "--evidence", str(ROOT / "evidence"))
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "--source" in r.stderr


def test_binary_input_is_a_usage_error(tmp_path):
    art = tmp_path / "x.txt"
    art.write_bytes(b"\x00\x01\x02")
    r = run(str(art), "--study", "d-lay-ms", "--evidence", str(ROOT / "evidence"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
