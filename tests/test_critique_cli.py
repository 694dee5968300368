"""`msvitd critique`, `strength` and `rules` as a user runs them: exit codes, options, formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_TXT = "evidence/articles/seed-vitamin-d-ms-forum.txt"
SEED_YAML = "evidence/articles/seed-vitamin-d-ms-forum.yaml"


@pytest.fixture(autouse=True)
def _in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_article_evidence_file_uses_its_about_and_reports_against_the_text_file(cli):
    r = cli("critique", SEED_YAML, "--format", "json")
    data = json.loads(r.stdout)
    assert r.exit_code == 1
    assert data["article"].endswith("seed-vitamin-d-ms-forum.txt") and data["source"]["detected"] is None


def test_an_article_id_from_the_library_reads_as_its_file(cli):
    by_id = json.loads(cli("critique", "seed-vitamin-d-ms-forum", "--format", "json").stdout)
    by_file = json.loads(cli("critique", SEED_YAML, "--format", "json").stdout)
    assert by_id["article"].endswith("seed-vitamin-d-ms-forum.txt")
    assert by_id["findings"] == by_file["findings"] and by_id["findings"]


def test_detection_says_which_study(cli, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Vitamin D in 316 people with clinically isolated syndrome in France cut MS relapses.\n")
    data = json.loads(cli("critique", str(f), "--format", "json").stdout)
    assert data["source"]["id"] == "d-lay-ms" and "population (cis)" in data["source"]["detected"]


def test_no_study_fits_is_exit_2_with_one_line(cli, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Statins in heart failure.\n")
    r = cli("critique", str(f))
    assert r.exit_code == 2 and "--source" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_fail_on_levels(cli, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Vitamin D trial (NCT01817166): It could be a game changer. Relapses did not differ. Side effects "
                 "were rare; earlier trials were negative; more research is needed. 60.3% vs 74.1% had activity.\n")
    assert cli("critique", str(f)).exit_code == 0
    assert cli("critique", str(f), "--fail-on", "info").exit_code == 1
    assert cli("critique", str(f), "--fail-on", "never").exit_code == 0


def test_select_and_ignore(cli):
    data = json.loads(cli("critique", SEED_TXT, "-s", "d-lay-ms", "-f", "json", "--select", "C1").stdout)
    assert {f["rule"] for f in data["findings"]} == {"C101", "C102"}
    data = json.loads(cli("critique", SEED_TXT, "-s", "d-lay-ms", "-f", "json", "--ignore", "hype,C3").stdout)
    assert not {f["rule"] for f in data["findings"]} & {"C101", "C301", "C302"}


def test_unknown_rule_is_a_usage_error(cli):
    r = cli("critique", SEED_TXT, "--select", "C999")
    assert r.exit_code == 2 and "C999" in r.stderr


def test_pyproject_config(cli, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.msvitd]\nignore = ["C101"]\nfail-on = "never"\n')
    art = tmp_path / "a.txt"
    art.write_text((ROOT / SEED_TXT).read_text())
    monkeypatch.chdir(tmp_path)
    r = cli("critique", str(art), "--source", "d-lay-ms", "--evidence", str(ROOT / "evidence"), "-f", "json")
    assert r.exit_code == 0
    assert "C101" not in {f["rule"] for f in json.loads(r.stdout)["findings"]}


def test_bad_config_is_exit_2(cli, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.msvitd]\nfail-on = "sometimes"\n')
    monkeypatch.chdir(tmp_path)
    r = cli("critique", str(ROOT / SEED_TXT), "--evidence", str(ROOT / "evidence"))
    assert r.exit_code == 2 and "fail-on" in r.stderr


def test_user_lexicon(cli, tmp_path):
    lex = tmp_path / "lex.yaml"
    lex.write_text("hype:\n  strong: [earth-shattering]\n")
    art = tmp_path / "a.txt"
    art.write_text("An earth-shattering D-Lay MS result.\n")
    data = json.loads(cli("critique", str(art), "--lexicon", str(lex), "-f", "json", "--select", "C101").stdout)
    assert [f["quote"] for f in data["findings"]] == ["earth-shattering"]


def test_missing_file_and_unknown_source(cli):
    r = cli("critique", "nope.txt")
    assert r.exit_code == 2 and "nope.txt" in r.stderr
    r = cli("critique", SEED_TXT, "--source", "no-such-study")
    assert r.exit_code == 2 and "no-such-study" in r.stderr


def test_stdin(cli):
    from typer.testing import CliRunner

    from msvitd.cli import app

    r = CliRunner().invoke(app, ["critique", "-", "-s", "d-lay-ms", "-f", "json", "--select", "C202"],
                           input="Vitamin D cut MS relapses.\n")
    assert [f["quote"] for f in json.loads(r.stdout)["findings"]] == ["cut MS relapses"]


def test_jsonl_many_articles_with_jobs(tmp_path):
    import subprocess
    import sys

    paths = []
    for i in range(6):
        p = tmp_path / f"a{i}.txt"
        p.write_text(f"Article {i}: High-dose vitamin D slows MS, a French CIS trial (NCT01817166) found.\n")
        paths.append(str(p))
    r = subprocess.run([sys.executable, "-m", "msvitd", "critique", "-f", "jsonl", "--jobs", "2", *paths],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert r.returncode == 1 and [x["article"] for x in lines] == paths
    assert all(any(f["rule"] == "C201" for f in x["findings"]) for x in lines)


def test_html_article(cli, tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><body><nav>Home</nav><article><h1>Vitamin D halts MS</h1><p>The D-Lay MS trial of 303 "
                    "participants found vitamin D cut relapses in people with CIS, researchers in France said on "
                    "Monday in a statement released to the press.</p></article></body></html>")
    data = json.loads(cli("critique", str(page), "-f", "json", "--select", "C2").stdout)
    assert {f["rule"] for f in data["findings"]} == {"C201", "C202"}


def test_strength_text_and_json(cli):
    from typer.testing import CliRunner

    from msvitd.cli import app

    lines = "Vitamin D reduces relapses.\nVitamin D may reduce relapses.\nLow vitamin D is linked to MS.\n" \
            "The study did not find a significant difference in relapse.\n"
    r = CliRunner().invoke(app, ["strength", "--format", "json"], input=lines)
    data = json.loads(r.stdout)
    assert [d["strength"] for d in data] == ["direct_causal", "conditional_causal", "correlational", "none"]
    assert set(data[0]) >= {"text", "strength", "cues"} and data[0]["cues"][0]["text"] == "reduces"
    r = CliRunner().invoke(app, ["strength"], input="Vitamin D may help.\n")
    assert r.stdout.startswith("conditional_causal  Vitamin D may help.")


def test_rules_list_and_explain(cli):
    r = cli("rules")
    assert r.exit_code == 0 and r.stdout.splitlines()[0].startswith("C101  hype-wording")
    r = cli("rules", "C201")
    assert r.exit_code == 0 and "Why it matters" in r.stdout and "Boutron" in r.stdout
    assert cli("rules", "C999").exit_code == 2
    data = json.loads(cli("rules", "--format", "json").stdout)
    assert len([d for d in data if d["code"].startswith("C")]) == 13
    assert {"code", "name", "category", "severity", "explanation"} <= set(data[0])


def test_rules_explains_every_code_msvitd_prints(cli):
    """`msvitd rules CODE` covers the codes validate (Y, S) and diff (D) print, not only C."""
    for code in ("Y002", "S206", "D201", "d104"):
        r = cli("rules", code)
        assert r.exit_code == 0 and r.stdout.startswith(code.upper() + " "), r.output
    codes = {d["code"] for d in json.loads(cli("rules", "--format", "json").stdout)}
    assert {"Y001", "S101", "S210", "D101", "D301"} <= codes


def test_a_single_sentence_is_not_an_article_missing_things(tmp_path):
    # newcomer review, minor 20: "never mentions harms" (C601-C604) is noise on one sentence being checked
    from msvitd.critique.engine import critique_text
    from msvitd.library import default_paths, load_library

    study = load_library(default_paths()).study("d-lay-ms")
    one = critique_text("Vitamin D slows MS progression.", study)
    assert [f.rule for f in one.findings] == ["C201"]
    three = critique_text("Vitamin D slows MS progression. Patients took it for two years. It is cheap.", study)
    assert {"C602", "C603"} <= {f.rule for f in three.findings}
