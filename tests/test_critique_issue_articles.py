"""Three short articles from the issue (tests/critique_corpus/issue/): the accurate one gets no
finding; the hype and numbers ones are matched to D-Lay MS without --source and get the findings
the issue lists."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ISSUE = ROOT / "tests" / "critique_corpus" / "issue"


def _run(cli, name, *extra):
    r = cli("critique", str(ISSUE / name), "--format", "json", *extra)
    assert r.exit_code in (0, 1), r.output
    return r, json.loads(r.stdout)


def _quotes(data, category):
    return [f["quote"] for f in data["findings"] if f["category"] == category]


def test_accurate_article_has_no_finding(cli):
    r, data = _run(cli, "accurate.txt")
    assert r.exit_code == 0 and data["findings"] == []
    assert data["source"]["id"] == "d-lay-ms"


def test_hype_article(cli):
    r, data = _run(cli, "hype.txt")
    assert data["source"]["id"] == "d-lay-ms" and "34% lower" in data["source"]["detected"]
    pops = _quotes(data, "population_extrapolation")
    assert "everyone with MS" in pops and "alongside their usual medication" in pops
    assert any("biggest gains" in q for q in _quotes(data, "subgroup_as_finding"))
    assert "less likely to see their disease get worse" in _quotes(data, "surrogate_to_clinical")


def test_numbers_article(cli):
    r, data = _run(cli, "numbers.txt")
    assert r.exit_code == 1 and data["source"]["id"] == "d-lay-ms"
    assert _quotes(data, "number_mismatch") == ["two thirds", "500 people", "three years", "66%", "60.3%", "74.1%"]
    # the accurate figures in it are not flagged
    assert not {"432 days", "224 days", "nearly twice"} & set(_quotes(data, "number_mismatch"))


def test_undecided_study_is_one_line_naming_candidates(cli, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("A vitamin D trial in people with a clinically isolated syndrome had mixed results.\n")
    r = cli("critique", str(p))
    assert r.exit_code == 2
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "d-lay-ms" in lines[0] and "prevanz" in lines[0] and "--source" in lines[0]
    assert "Traceback" not in r.output


def test_diff_shows_the_same_mismatches(cli):
    r = cli("diff", str(ISSUE / "numbers.txt"), "--format", "json")
    data = json.loads(r.stdout)
    bad = [n["quote"] for n in data["numbers"] if n["verdict"] == "mismatch"]
    assert bad == ["two thirds", "500 people", "three years", "66%", "60.3%", "74.1%"]
