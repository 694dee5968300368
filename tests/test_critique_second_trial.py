"""A made-up trial in another field (tests/fixtures/second-trial: a salt substitute in hypertension, its own
study file, a domain lexicon and two short articles written here) goes through validate, summarize,
critique and diff with no line of trial-specific code (issue 18.6)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
FIX = HERE / "fixtures" / "second-trial"
EVIDENCE = str(FIX / "evidence")
LEXICON = str(FIX / "lexicon.yaml")


def msvitd(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "msvitd", *args], capture_output=True, text=True, timeout=120)


def critique(name: str) -> list[tuple]:
    p = msvitd("critique", str(FIX / "articles" / name), "--source", "saltswap", "-e", EVIDENCE, "--lexicon", LEXICON,
               "--format", "json", "--fail-on", "never")
    assert p.returncode == 0, p.stderr
    return [(f["rule"], f["severity"], f["quote"]) for f in json.loads(p.stdout)["findings"]]


def test_validate_and_summarize():
    assert msvitd("validate", EVIDENCE).returncode == 0
    p = msvitd("summarize", "saltswap", "-e", EVIDENCE, "--width", "120")
    assert p.returncode == 0 and "Traceback" not in p.stderr
    assert "RR 0.74" in p.stdout and "Stroke" in p.stdout


@pytest.fixture(scope="module")
def spun():
    return critique("saltswap-news.txt")


def test_spun_article_findings_come_from_its_own_study_file(spun):
    quoted = {(code, quote) for code, _, quote in spun if quote}
    assert ("C101", "Landmark") in quoted                      # hype
    assert ("C202", "slashes stroke") in quoted                # benefit on a null clinical outcome
    assert ("C502", "40%") in quoted                           # 1 - RR is 26%, not 40%
    assert any(c == "C302" and "over 65" in q for c, q in quoted)   # the study's exploratory subgroup
    assert any(c == "C301" for c, q in quoted)                 # healthy people were not studied
    assert {"C601", "C602", "C603"} <= {code for code, _, quote in spun if quote is None}


def test_correct_numbers_of_the_spun_article_are_not_flagged(spun):
    assert not [q for c, _, q in spun if c == "C502" and q in ("480 adults", "38.2%", "51.3%")]


def test_careful_article_is_clean():
    assert [f for f in critique("saltswap-careful.txt") if f[1] in ("error", "warning")] == []


def test_diff_agrees_on_the_careful_article():
    p = msvitd("diff", str(FIX / "articles" / "saltswap-careful.txt"), "--study", "saltswap", "-e", EVIDENCE,
               "--format", "json")
    assert p.returncode == 0, p.stderr
    d = json.loads(p.stdout)
    assert [n["quote"] for n in d["numbers"] if n["verdict"] == "mismatch"] == []
    rows = {r["element"]: r["verdict"] for r in d["pico"]}
    assert rows["intervention"] == "same" and rows["comparator"] == "same"
    assert rows["outcome: uncontrolled-bp"] == "same"
    assert not [e for e, v in rows.items() if v in ("broader", "different", "unsupported")]


def test_no_trial_words_in_judgement_code():
    """The words of the bundled trial live in its study file and the MS lexicons, not in code."""
    import re

    pkg = HERE.parent / "msvitd"
    files = [*(pkg / "rules").glob("*.py"), *(pkg / "facts").glob("*.py"), pkg / "critique" / "engine.py",
             pkg / "critique" / "context.py", pkg / "critique" / "checklist.py", pkg / "diffing" / "pico.py"]
    bad = []
    for f in files:
        code = re.sub(r'"""(?:.|\n)*?"""|#.*', "", f.read_text(encoding="utf-8"))  # docstrings and comments may cite
        for word in ("D-Lay", "cholecalciferol", "vitamin", "France", "French", "CIS"):
            if re.search(rf"\b{word}\b", code, re.I if word != "CIS" else 0):
                bad.append(f"{f.name}: {word}")
    assert bad == []
