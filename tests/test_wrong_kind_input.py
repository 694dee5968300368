"""A study or question evidence file given where an article is expected says so in one line (exit 2),
instead of "no study with id 'd-lay-ms' in the evidence being checked" (newcomer review, minor 24)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("command", ["critique", "diff"])
@pytest.mark.parametrize("path,kind", [("evidence/questions/vitamin-d-early-ms.yaml", "question"),
                                       ("evidence/studies/d-lay-ms.yaml", "study")])
def test_not_an_article(cli, monkeypatch, command, path, kind):
    monkeypatch.chdir(ROOT)
    r = cli(command, path)
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr == f"msvitd {command}: {path}: a {kind} evidence file, not an article (a .txt, .md or .html " \
                       "article, an article .yaml or id)\n"
