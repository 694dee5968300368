"""`msvitd report` as a user runs it: files written or refused, exit codes, one-line errors, structure."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.conftest import ROOT
from tests.report.htmlcheck import finding_text, parse

EVIDENCE = ROOT / "evidence"
ARTICLE = "seed-vitamin-d-ms-forum"


@pytest.fixture(scope="module")
def seed_html(tmp_path_factory):
    from typer.testing import CliRunner

    from msvitd.cli import app

    out = tmp_path_factory.mktemp("report") / "seed.html"
    r = CliRunner().invoke(app, ["report", ARTICLE, "-e", str(EVIDENCE), "-o", str(out)])
    assert r.exit_code == 0, r.output
    return out.read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------ usage
def test_unknown_id_exits_2_with_one_line(cli):
    r = cli("report", "no-such-thing", "-e", EVIDENCE)
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("msvitd report: unknown id 'no-such-thing'")
    assert "Traceback" not in r.output


def test_missing_article_file_exits_2(cli, tmp_path):
    r = cli("report", tmp_path / "gone.txt", "--study", "d-lay-ms", "-e", EVIDENCE)
    assert r.exit_code == 2
    assert r.stderr.strip() == f"msvitd report: {tmp_path / 'gone.txt'}: no such file"


def test_study_option_is_for_articles_only(cli):
    r = cli("report", "d-lay-ms", "--study", "d-lay-ms", "-e", EVIDENCE)
    assert r.exit_code == 2 and len(r.stderr.strip().splitlines()) == 1


def test_bad_format_is_a_usage_error(cli):
    r = cli("report", "d-lay-ms", "--format", "pdf", "-e", EVIDENCE)
    assert r.exit_code == 2


def test_refuses_to_overwrite_without_force(cli, tmp_path):
    out = tmp_path / "report.html"
    out.write_text("keep me")
    r = cli("report", "d-lay-ms", "-e", EVIDENCE, "-o", out)
    assert r.exit_code == 2
    assert "already exists; use --force" in r.stderr
    assert out.read_text() == "keep me"
    r = cli("report", "d-lay-ms", "-e", EVIDENCE, "-o", out, "--force")
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # atomic: no leftovers


def test_output_into_a_missing_folder_or_a_folder(cli, tmp_path):
    r = cli("report", "d-lay-ms", "-e", EVIDENCE, "-o", tmp_path / "nope" / "r.html")
    assert r.exit_code == 2 and "no such folder" in r.stderr
    r = cli("report", "d-lay-ms", "-e", EVIDENCE, "-o", tmp_path)
    assert r.exit_code == 2 and "is a directory" in r.stderr


def test_html_to_stdout_without_output(cli):
    r = cli("report", "d-lay-ms", "-e", EVIDENCE)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("<!DOCTYPE html>") and r.stdout.rstrip().endswith("</html>")


def test_markdown_writes_svg_plots_beside_it_and_refuses_to_clobber_them(cli, tmp_path):
    out = tmp_path / "dlay.md"
    r = cli("report", "d-lay-ms", "-e", EVIDENCE, "-o", out, "--format", "markdown")
    assert r.exit_code == 0, r.output
    md = out.read_text(encoding="utf-8")
    svgs = sorted(p.name for p in tmp_path.glob("dlay-forest-*.svg"))
    assert svgs and all(f"]({name})" in md for name in svgs)
    assert md.count("```text") == len(svgs)  # each plot also as text
    assert "| Outcome | № of participants (studies) |" in md
    out.unlink()
    (tmp_path / svgs[0]).write_text("mine")
    r = cli("report", "d-lay-ms", "-e", EVIDENCE, "-o", out, "--format", "markdown")
    assert r.exit_code == 2 and svgs[0] in r.stderr
    assert not out.exists() and (tmp_path / svgs[0]).read_text() == "mine"  # nothing written at all


def test_markdown_to_stdout_has_text_plots_only(cli):
    r = cli("report", ARTICLE, "-e", EVIDENCE, "--format", "markdown")
    assert r.exit_code == 0, r.stderr
    assert "```text" in r.stdout and ".svg)" not in r.stdout
    assert "### Findings in the text" in r.stdout and "### Checklist" in r.stdout


def test_paper_size(cli):
    a4 = cli("report", "d-lay-ms", "-e", EVIDENCE).stdout
    letter = cli("report", "d-lay-ms", "-e", EVIDENCE, "--paper", "letter").stdout
    assert "@page { size: A4;" in a4 and "@page { size: letter;" in letter


def test_raw_article_file_with_markup_is_escaped(cli, tmp_path):
    raw = tmp_path / "post.txt"
    raw.write_text("D-Lay MS: a <script>alert('x')</script> groundbreaking cure for MS damage!\n", encoding="utf-8")
    out = tmp_path / "post.html"
    r = cli("report", raw, "--study", "d-lay-ms", "-e", EVIDENCE, "-o", out)
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"<script", html, re.I)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert parse(html).marks  # the critique found something and it is highlighted


# ------------------------------------------------------------------------- the seed article
def test_every_critique_finding_is_on_its_words(seed_html):
    from msvitd.critique.engine import critique_text
    from msvitd.library import load_library

    lib = load_library([EVIDENCE])
    text = lib.article_text(ARTICLE)
    result = critique_text(text, lib.study("d-lay-ms"), article=ARTICLE,
                           others=[e.model for e in lib.studies.values()])
    parsed = parse(seed_html)
    assert parsed.article_text == text
    placed = [f for f in result.findings if f.start is not None]
    assert placed, "the seed article has findings in its text"
    # numbered in text order: n-th placed finding is the n-th by (start, end)
    ordered = sorted(placed, key=lambda f: (f.start, f.end))
    for n, f in enumerate(ordered, 1):
        assert finding_text(parsed, n) == f.quote == text[f.start:f.end]
    whole = [f for f in result.findings if f.start is None]
    for f in whole:
        assert f.message.split(":")[0] in seed_html.replace("&#39;", "'").replace("&#34;", '"')


def test_page_structure_and_accessibility(seed_html):
    parsed = parse(seed_html)
    tags = Counter(t for t, _ in parsed.tags)
    # self-contained: no scripts, no external resources, a CSP that forbids them
    assert tags["script"] == 0 and tags["link"] == 0 and tags["img"] == 0 and tags["iframe"] == 0
    for t, a in parsed.tags:
        assert "src" not in a
        if t == "a":
            assert a["href"].startswith(("#", "https://", "http://"))
    csp = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    assert any(t == "meta" and a.get("name") == "viewport" for t, a in parsed.tags)
    assert next(a for t, a in parsed.tags if t == "html").get("lang") == "en"
    # headings: one h1, no skipped levels
    levels = [lvl for lvl, _ in parsed.headings]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    # unique ids, and every in-page link lands on one
    assert len(parsed.ids) == len(set(parsed.ids))
    ids = set(parsed.ids)
    for t, a in parsed.tags:
        if t == "a" and a["href"].startswith("#"):
            assert a["href"][1:] in ids, a["href"]
    # tables have captions and header cells with scope
    assert tags["table"] == tags["caption"] >= 4
    assert all(a.get("scope") in ("col", "row") for t, a in parsed.tags if t == "th")
    # figures: SVG with role=img, a title and a description it points to, and a caption
    svgs = [a for t, a in parsed.tags if t == "svg"]
    assert svgs and tags["figure"] == len(svgs) == tags["figcaption"]
    for a in svgs:
        assert a["role"] == "img"
        for ref in a["aria-labelledby"].split():
            assert ref in ids
    # print stylesheet
    assert "@page { size: A4;" in seed_html and "@media print" in seed_html
    assert "@media screen and (max-width: 700px)" in seed_html  # phones only: A4 print is 695 px wide


def test_seed_page_has_the_sections_a_reader_needs(seed_html):
    parsed = parse(seed_html)
    heads = [t for _, t in parsed.headings]
    for h in ("At a glance", "What the evidence says", "The article, with the findings in place",
              "Findings, one by one", "Checklist", "The article against the study: PICO and numbers"):
        assert h in heads
    assert "HR 0.66 (0.50 to 0.87)" in seed_html
    assert "⊕⊕⊕◯" in seed_html and "Moderate" in seed_html
    assert "probably reduces disease activity" in seed_html


def test_page_opens_on_the_summary_with_long_parts_collapsed(seed_html):
    """A phone reader meets the summary first and the long parts one tap away (newcomer minor 16): at a
    glance before the contents, footnotes, forest plots, the findings list and the diff tables in
    <details> (closed), each summary saying what is inside."""
    assert seed_html.index('id="glance"') < seed_html.index('<nav class="toc"') < seed_html.index('id="evidence"')
    summaries = re.findall(r'<details class="more">\s*<summary>(.*?)</summary>', seed_html, re.S)
    assert len(summaries) >= 6
    assert any(s.startswith("Footnotes (") for s in summaries)
    assert any(s.startswith("Forest plots (") for s in summaries)
    assert any(re.match(r"\d+ findings: each quote", s) for s in summaries)
    assert any(s.startswith("Population, intervention, comparison and outcomes (") for s in summaries)
    assert any(s.startswith("Numbers (") for s in summaries)
    assert "<details open" not in seed_html
    assert "infos" not in seed_html and re.search(r"\d+ warnings, \d+ info\)", seed_html)  # the CLI's counting
    # every footnote and finding is inside one of them, and the SoF table is not (it is the summary)
    for anchor in ('id="sof-d-lay-ms-fn-1"', 'id="finding-1"', 'class="forest"'):
        i = seed_html.index(anchor)
        assert seed_html.rfind("<details", 0, i) > seed_html.rfind("</details>", 0, i), anchor
    body = seed_html[seed_html.index("<body"):]
    i = body.index('<table class="sof-table"')
    assert body.rfind("<details", 0, i) <= body.rfind("</details>", 0, i)
