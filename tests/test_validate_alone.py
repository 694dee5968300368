"""One file validated on its own (an editor, a pre-commit hook passing file names): its references are
resolved against the library it lies in, only its own problems are reported, and stderr says which
library was used. Duplicate ids give one S205, no cascade, exit 1."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
POSITIVE = ROOT / "tests" / "fixtures" / "positive" / "evidence"


@pytest.fixture
def library(tmp_path) -> Path:
    """A library whose study has an error of its own (S203), beside a valid article about it."""
    root = tmp_path / "evidence"
    shutil.copytree(POSITIVE, root)
    study = root / "studies" / "demo.yaml"
    study.write_text(study.read_text().replace("percent: 20.0", "percent: 25.0"))
    return root


def test_an_article_alone_is_checked_against_its_library(cli, library):
    article = library / "articles" / "demo-news.yaml"
    r = cli("validate", article)
    assert (r.exit_code, r.stdout) == (0, "All 1 file valid.\n")  # was S206 "no study with id 'demo'"
    # the study's own S203 is not this run's business; the library used is named once
    assert r.stderr == f"msvitd validate: references resolved against {library} (1 more file, their problems " \
                       "not reported)\n"


def test_the_bundled_article_alone(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    r = cli("validate", "evidence/articles/seed-vitamin-d-ms-forum.yaml")
    assert (r.exit_code, r.stdout) == (0, "All 1 file valid.\n")
    assert r.stderr.startswith("msvitd validate: references resolved against evidence (")


def test_a_reference_the_library_lacks_is_still_reported(cli, library):
    article = library / "articles" / "demo-news.yaml"
    article.write_text(article.read_text().replace("about: [demo]", "about: [demo-nowhere]"))
    r = cli("validate", "-f", "json", article)
    assert r.exit_code == 1
    found = json.loads(r.stdout)
    assert found["files"] == 1
    assert {(d["code"], d["file"]) for d in found["diagnostics"]} == {("S206", str(article))}


def test_a_file_outside_any_library_uses_the_default_library(cli, tmp_path, monkeypatch):
    shutil.copytree(POSITIVE, tmp_path / "evidence")
    elsewhere = tmp_path / "drafts"
    elsewhere.mkdir()
    shutil.copy(POSITIVE / "articles" / "demo-news.yaml", elsewhere / "demo-news.yaml")
    monkeypatch.chdir(tmp_path)
    r = cli("validate", "drafts/demo-news.yaml")
    assert (r.exit_code, r.stdout) == (0, "All 1 file valid.\n")
    assert "references resolved against evidence (2 more files" in r.stderr


def test_a_file_outside_any_library_with_nothing_to_resolve_says_nothing(cli, tmp_path):
    shutil.copy(POSITIVE / "studies" / "demo.yaml", tmp_path / "demo.yaml")
    r = cli("validate", tmp_path / "demo.yaml")
    assert (r.exit_code, r.stdout, r.stderr) == (0, "All 1 file valid.\n", "")


def test_a_new_file_reusing_an_id_of_its_library_is_reported(cli, library):
    copy = library / "studies" / "demo-copy.yaml"
    shutil.copy(POSITIVE / "studies" / "demo.yaml", copy)
    r = cli("validate", copy)
    assert r.exit_code == 1
    assert r.stdout.splitlines() == [
        f"{copy}:3:5: S205 [error] id: id 'demo' is already used by {library / 'studies' / 'demo.yaml'}:3:5",
        "Found 1 error and 0 warnings in 1 file."]


def test_a_folder_inside_a_library_is_checked_against_it(cli, library):
    r = cli("validate", library / "articles")
    assert (r.exit_code, r.stdout) == (0, "All 1 file valid.\n")


def test_duplicate_id_one_error_no_cascade_exit_1(cli, tmp_path, monkeypatch):
    """The review's case: a copy of a study next to the library gave S205 then 19 false S206."""
    monkeypatch.chdir(ROOT)
    (tmp_path / "d-lay-ms.yaml").write_text((ROOT / "evidence" / "studies" / "d-lay-ms.yaml").read_text())
    r = cli("validate", "evidence", tmp_path / "d-lay-ms.yaml")
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert [line.split(" ")[1] for line in lines[:-1]] == ["S205"]
    assert lines[-1] == "Found 1 error and 0 warnings in 9 files."


def test_new_article_about_a_study_its_library_lacks_warns(cli, library, monkeypatch):
    """`msvitd new article x --about nonexistent` wrote the file in silence; validate then failed (minor 8)."""
    monkeypatch.chdir(library.parent)
    r = cli("new", "article", "x", "--about", "nowhere")
    assert r.exit_code == 0 and (library / "articles" / "x.yaml").is_file()
    assert r.stderr.splitlines()[-1] == ("msvitd new: warning: no study 'nowhere' in evidence yet: add it "
                                         "(`msvitd new study nowhere`)")
    ok = cli("new", "article", "y", "--about", "demo")
    assert "warning" not in ok.stderr
