"""`msvitd new study|article ID`: a commented template that validates, never overwriting by accident."""

from __future__ import annotations

import re
from pathlib import Path

import pytest


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_new_study_then_article_validate_strictly(cli, project):
    r = cli("new", "study", "vitamin-d-2030")
    assert (r.exit_code, r.stdout) == (0, "")
    assert r.stderr == "wrote evidence/studies/vitamin-d-2030.yaml: fill in the TODOs, then run `msvitd validate`\n"
    r = cli("new", "article", "news-2030", "--about", "vitamin-d-2030")
    assert r.exit_code == 0
    assert r.stderr == "wrote evidence/articles/news-2030.yaml: fill in the TODOs, then run `msvitd validate`\n"
    assert sorted(p.name for p in (project / "evidence").rglob("*")) == [
        "articles", "news-2030.yaml", "studies", "vitamin-d-2030.yaml"]  # no temporary files left
    # A fresh template validates (no errors), but its TODOs are warnings, and --strict fails on them.
    r = cli("validate")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[-1] == "Found 0 errors and 11 warnings in 2 files."
    assert all(" S213 [warning] " in line and "is left from the template" in line for line in lines[:-1])
    assert "evidence/studies/vitamin-d-2030.yaml:12:7: S213 [warning] name: 'TODO: short name of the trial" in r.stdout
    assert cli("validate", "--strict").exit_code == 1
    # Filled in (every TODO replaced), the pair validates strictly.
    for path in (project / "evidence").rglob("*.yaml"):
        path.write_text(re.sub(r"TODO:? ?", "", path.read_text()))
    r = cli("validate", "--strict")
    assert (r.exit_code, r.stdout) == (0, "All 2 files valid.\n")


@pytest.mark.parametrize("kind,args", [("study", []), ("article", ["--about", "demo"])])
def test_template_is_commented_and_names_its_id(cli, project, kind, args):
    cli("new", kind, "x1", *args)
    text = next((project / "evidence").rglob("x1.yaml")).read_text()
    lines = text.splitlines()
    assert lines[0].startswith(f"# {'An' if kind == 'article' else 'A'} {kind} evidence file")
    assert f"msvitd new {kind} x1" in lines[0] + lines[1]
    assert "\nid: x1\n" in text and "__ID__" not in text and "__ABOUT__" not in text
    assert sum(ln.lstrip().startswith("#") for ln in lines) >= 15  # explains itself


def test_refuses_to_overwrite_without_force(cli, project):
    assert cli("new", "study", "demo").exit_code == 0
    target = project / "evidence" / "studies" / "demo.yaml"
    target.write_text("kind: study  # my work\n")
    r = cli("new", "study", "demo")
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr == "msvitd new: evidence/studies/demo.yaml: already exists; use --force to overwrite it\n"
    assert target.read_text() == "kind: study  # my work\n"
    assert cli("new", "study", "demo", "--force").exit_code == 0
    assert target.read_text().startswith("# A study evidence file")


def test_output_to_a_file_and_to_stdout(cli, project):
    r = cli("new", "study", "demo", "-o", "elsewhere.yaml")
    assert r.exit_code == 0 and (project / "elsewhere.yaml").is_file()
    r = cli("new", "study", "demo", "-o", "-")
    assert r.exit_code == 0 and r.stdout == (project / "elsewhere.yaml").read_text() and r.stderr == ""
    assert not (project / "evidence").exists()


@pytest.mark.parametrize("args,message", [
    (["study", "Demo Trial"], "msvitd new: ID 'Demo Trial' is not a valid id: use lowercase letters, digits, "
                              "'.', '_' and '-', starting with a letter or digit (at most 80 characters)\n"),
    (["study", "../escape"], "msvitd new: ID '../escape' is not a valid id: use lowercase letters, digits, "
                             "'.', '_' and '-', starting with a letter or digit (at most 80 characters)\n"),
    (["article", "news"], "msvitd new: name the study the article reports on: --about STUDY_ID\n"),
    (["article", "news", "--about", "Not An Id"], "msvitd new: --about 'Not An Id' is not a valid id: use "
     "lowercase letters, digits, '.', '_' and '-', starting with a letter or digit (at most 80 characters)\n"),
    (["study", "demo", "--about", "x"], "msvitd new: --about is for articles (the study an article reports on)\n"),
    (["study", "demo", "-o", "no/such/folder/demo.yaml"], "msvitd new: no/such/folder: no such folder\n"),
])
def test_usage_errors_exit_2_and_write_nothing(cli, project, args, message):
    r = cli("new", *args)
    assert (r.exit_code, r.stderr) == (2, message)
    assert list(project.iterdir()) == []


def test_unknown_kind_is_a_usage_error(cli, project):
    r = cli("new", "trial", "demo")
    assert r.exit_code == 2
    assert "Error: Invalid value for 'KIND': Value error, 'trial' is not one of 'study', 'article'." in r.stderr


@pytest.mark.parametrize("ident", ["0", "1e3", "true", "null", "2025-04-22", "no"])
def test_ids_yaml_would_misread_are_quoted(cli, project, ident):
    """`msvitd new study 0` once wrote `id: 0`, the number zero, and the template failed validation."""
    assert cli("new", "study", ident).exit_code == 0
    assert cli("new", "article", f"news-{ident}", "--about", ident).exit_code == 0
    text = (project / "evidence" / "studies" / f"{ident}.yaml").read_text()
    assert f'\nid: "{ident}"\n' in text
    r = cli("validate")
    assert r.exit_code == 0 and " [error] " not in r.stdout  # only the template's TODO warnings
