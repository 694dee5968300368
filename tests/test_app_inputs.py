"""The input layer (msvitd/app/): every command reads an article the same way, once, and reports
positions in the file the user gave (issues 16.4, 16.5, 16.6, 18.2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from msvitd.text.source import article_from_string, render_markdown

ROOT = Path(__file__).resolve().parents[1]

# A saved page written for this test: navigation, a script and an aside around the article.
PAGE = """<!doctype html>
<html>
<head>
<title>Health news</title>
<script>var tracker = "a miracle cure";</script>
</head>
<body>
<nav><a href="/">Home</a> | <a href="/health">Health</a></nav>
<article>
<h1>Vitamin D pills cure multiple sclerosis, trial shows</h1>
<p>A French trial of people with a first episode suggestive of multiple sclerosis gave high-dose
vitamin D or placebo every two weeks for two years, and fewer of those on vitamin D had new
disease activity. Doctors called it a breakthrough for everyone living with MS.</p>
<p>The researchers said larger trials are needed before any change in practice &amp; care.</p>
</article>
<aside>Sponsored: our best supplements</aside>
</body>
</html>
"""


def _lines(text: str) -> list[str]:
    return text.split("\n")


def test_markdown_is_read_as_rendered_text_with_offsets_into_the_file():
    src = "# Vitamin D **halts** MS, says *JAMA* trial\n\nRelapses were *fewer* in [the trial](https://x.org).\n"
    text, where = render_markdown(src)
    assert text == "# Vitamin D halts MS, says JAMA trial\n\nRelapses were fewer in the trial.\n"
    assert len(where) == len(text)
    assert all(src[where[i]] == ch for i, ch in enumerate(text))  # every character read is in the file


@pytest.mark.parametrize("src", ["5 * 3 = 15\n", "snake_case_name stays\n", "* a list item\n"])
def test_markdown_text_that_is_not_emphasis_stays(src):
    assert render_markdown(src)[0] == src


def test_markdown_headline_claim_is_flagged_in_the_md_file(cli, tmp_path):
    md = tmp_path / "news.md"
    md.write_text("# Vitamin D **halts** MS, says *JAMA* trial\n\nRelapses were *fewer* with vitamin D.\n",
                  encoding="utf-8")
    data = json.loads(cli("critique", md, "--source", "d-lay-ms", "--format", "json", "--fail-on", "never").stdout)
    c201 = [f for f in data["findings"] if f["code"] == "C201"]
    assert c201, data["findings"]
    first = c201[0]
    assert first["line"] == 1 and first["column"] == 15  # "halts" in the .md file, after "**"
    assert all("*" not in (f["quote"] or "") for f in data["findings"])


def test_html_positions_point_into_the_saved_page(cli, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    r = cli("critique", page, "--source", "d-lay-ms", "--format", "json", "--fail-on", "never")
    data = json.loads(r.stdout)
    lines = _lines(PAGE)
    placed = [f for f in data["findings"] if f["line"]]
    assert placed
    for f in placed:  # each quote's first word stands at line:column of the HTML file
        first_word = f["quote"].split()[0]
        assert lines[f["line"] - 1][f["column"] - 1:].startswith(first_word), (f["quote"], f["line"], f["column"])
    hype = [f for f in placed if f["code"] == "C101" and f["quote"].lower() == "breakthrough"]
    assert hype and hype[0]["line"] == 13


def test_html_github_annotations_use_page_lines(cli, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    out = cli("critique", page, "--source", "d-lay-ms", "--format", "github", "--select", "C101").stdout
    assert "line=13," in out


def test_html_mapping_follows_entities_and_tags():
    art = article_from_string(PAGE, "page.html", ".html")
    i = art.text.index("care")
    line, col = art.position(i)
    assert _lines(PAGE)[line - 1][col - 1:].startswith("care")


def test_cp1252_article_is_accepted_by_critique_and_diff_alike(cli, tmp_path):
    art = tmp_path / "word.txt"
    art.write_bytes("Vitamin D \x93halts\x94 MS relapses, a French trial of 316 people shows.\n".encode("latin-1"))
    assert cli("critique", art, "--source", "d-lay-ms").exit_code in (0, 1)
    r = cli("diff", art, "--source", "d-lay-ms")
    assert r.exit_code in (0, 1), r.output


def test_report_reads_the_article_once(monkeypatch):
    import msvitd.app.inputs as inputs
    from msvitd.app.report import build_page

    calls = []
    real = inputs.read_source

    def counting(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(inputs, "read_source", counting)
    build_page(str(ROOT / "evidence" / "articles" / "seed-vitamin-d-ms-forum.txt"), study="d-lay-ms")
    assert len(calls) == 1


def test_config_that_does_not_parse_is_one_line_and_exit_2(cli, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.msvitd\nselect = ["C5"]\n', encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text("Vitamin D halts MS.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = cli("critique", "a.txt", "--source", "d-lay-ms")
    assert r.exit_code == 2
    assert r.stderr.splitlines() == [r.stderr.strip()]
    assert r.stderr.startswith("msvitd critique: pyproject.toml:1:13: not valid TOML")


def test_repeated_select_accumulates_and_all_selects_every_rule(cli):
    seed = str(ROOT / "evidence" / "articles" / "seed-vitamin-d-ms-forum.txt")

    def codes(*args):
        data = json.loads(cli("critique", seed, "--source", "d-lay-ms", "--format", "json", *args).stdout)
        return {f["code"] for f in data["findings"]}

    assert codes("--select", "C101", "--select", "C201") == {"C101", "C201"}
    assert codes("--select", "ALL") == codes()


def test_jobs_zero_means_one_per_cpu_everywhere(cli):
    seed = str(ROOT / "evidence" / "articles" / "seed-vitamin-d-ms-forum.txt")
    assert cli("critique", seed, seed, "--source", "d-lay-ms", "-j", "0").exit_code == 1
    assert cli("validate", "-j", "0").exit_code == 0


def test_diff_github_annotations_carry_d_codes(cli):
    r = cli("diff", "seed-vitamin-d-ms-forum", "--format", "github")
    assert r.exit_code == 1
    assert "title=msvitd D105 (unsupported)" in r.stdout
    assert all(line.startswith("::") for line in r.stdout.splitlines())


def test_shared_page_shows_no_absolute_path():
    from msvitd.report.page import shareable

    assert shareable("/somewhere/else/evidence/studies/d-lay-ms.yaml:127:22") == "d-lay-ms.yaml:127:22"
    assert shareable("evidence/studies/d-lay-ms.yaml:127:22") == "evidence/studies/d-lay-ms.yaml:127:22"
    # an installed package's bundled copy: named inside the package, from any working folder
    assert shareable(str(ROOT / "msvitd" / "_evidence" / "studies" / "x.yaml") + ":1:2") == \
        "msvitd/_evidence/studies/x.yaml:1:2"


def test_unknown_ids_suggest_the_close_one(cli):
    r = cli("critique", str(ROOT / "evidence" / "articles" / "seed-vitamin-d-ms-forum.txt"), "--source", "dlay-ms")
    assert r.exit_code == 2 and "did you mean 'd-lay-ms'?" in r.stderr
    r = cli("report", "d-lay")
    assert r.exit_code == 2 and "did you mean 'd-lay-ms'?" in r.stderr


def test_a_folder_stands_for_its_articles(cli, tmp_path):
    (tmp_path / "a.txt").write_text("Vitamin D halts MS, a French trial shows.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Vitamin D **halts** MS\n", encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("x: 1\n", encoding="utf-8")
    data = json.loads(cli("critique", tmp_path, "--source", "d-lay-ms", "--format", "json").stdout)
    assert [Path(r["article"]).name for r in data["results"]] == ["a.txt", "b.md"]


def test_html_list_items_map_back_although_the_extractor_adds_bullets():
    page = ("<html><body><article><h1>Vitamin D and MS</h1>\n<p>A first paragraph long enough for the "
            "extractor to keep it, about a trial of vitamin D in France with three hundred people.</p>\n"
            "<ul><li>Fewer new lesions with vitamin D.</li><li>No difference in relapses.</li></ul>\n"
            "</article></body></html>")
    art = article_from_string(page, "p.html", ".html")
    for word in ("Fewer", "relapses"):
        line, col = art.position(art.text.index(word))
        assert _lines(page)[line - 1][col - 1:].startswith(word)
