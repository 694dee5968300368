"""The bundled review question's page: every outcome with its body of evidence, the studies under it,
why nothing is pooled, one forest plot per outcome with estimates, and "Favours ..." on the right sides."""

from __future__ import annotations

import dataclasses
import re
from types import SimpleNamespace

import pytest

from msvitd.app.report import build_page
from msvitd.report.page import favours, outcome_figures
from msvitd.report.templating import render_html
from msvitd.summary.report import ArmFigure, Forest, ForestRow, Relative
from tests.conftest import ROOT
from tests.report.golden import check_golden
from tests.report.htmlcheck import parse

EVIDENCE = ROOT / "evidence"
QUESTION = "vitamin-d-early-ms"
WRONG = "no effect estimate between the arms was reported or could be computed"


@pytest.fixture(scope="module")
def page():
    return dataclasses.replace(build_page(QUESTION, evidence=[str(EVIDENCE)]), version="test")


@pytest.fixture(scope="module")
def html(page):
    return render_html(page)


def _text(fragment: str) -> str:
    """What a reader sees of an HTML fragment: tags out, entities read, spaces collapsed."""
    import html as h

    return " ".join(h.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _group(html: str, row_id: str) -> str:
    """The row group (an outcome and its studies' rows) whose first row has this id."""
    start = html.index(f'<tr id="{row_id}"')
    return html[html.rindex("<tbody", 0, start):html.index("</tbody>", start)]


def test_golden_question_page_markdown(page):
    from msvitd.report.markdown import image_names, render_markdown
    from pathlib import Path

    check_golden("question-vitamin-d-early-ms.md",
                 render_markdown(page, image_names(page, Path("question-vitamin-d-early-ms.md"))))


def test_unpooled_outcome_says_why_and_shows_its_studies_under_it(page, html):
    t = page.tables[0]  # vitamin D alone vs placebo: D-Lay MS and PrevANZ
    row = next(r for r in t.rows if r.name == "Disease activity or conversion to MS")
    reason = "not pooled: only one study (D-Lay MS) reports an estimate with a confidence interval"
    assert row.refused == reason and row.relative == reason
    assert [m.name for m in row.members] == ["D-Lay MS", "PrevANZ"]
    group = _group(html, row.id)
    cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", group, re.S)
    # the outcome row: the reason in its relative-effect cell, not "no effect estimate ..."
    assert _text(cells[2]) == reason
    assert WRONG not in html
    # then one row per study, in the same row group, marked as a study row, each with its own estimate
    members = re.findall(r'<tr id="[^"]+" role="row" class="member [^"]*">(.*?)</tr>', group, re.S)
    assert len(members) == 2
    assert _text(members[0]).startswith("↳ One study: D-Lay MS Disease activity")
    assert "HR 0.66 (0.50 to 0.87)" in _text(members[0])
    assert _text(members[1]).startswith("↳ One study: PrevANZ")
    # their footnotes are marked S1, S2 ... and land in the list of study footnotes
    assert re.search(r'href="#(sof-[^"]+-sfn-1)"', members[0])
    sfn = re.search(r'href="#(sof-[^"]+-sfn-1)"', members[0]).group(1)
    assert f'id="{sfn}"' in html and "Footnotes to the rows of single studies" in html
    # the forest plot of the outcome: D-Lay MS's estimate alone, no diamond, the caption says why
    fig = row.figures[0]
    assert "D-Lay MS" in fig.description and 'class="diamond"' not in str(fig.svg)
    assert "Not pooled: only one study (D-Lay MS) reports an estimate with a confidence interval." in fig.caption
    assert "Not in this plot: PrevANZ (no effect estimate)." in fig.caption


def test_outcomes_without_any_estimate_say_so_in_the_summary_words(page, html):
    t = page.tables[1]  # vitamin D added to interferon: SOLAR and CHOLINE
    relapse = next(r for r in t.rows if r.name == "Relapse")
    assert not relapse.figures
    assert relapse.no_plot == "not pooled: no study reports an estimate with a confidence interval (SOLAR, CHOLINE)"
    assert [m.name for m in relapse.members] == ["SOLAR", "CHOLINE"]
    assert f"No forest plot for Relapse: {relapse.no_plot}." in _text(html)
    disability = next(r for r in page.tables[0].rows if r.name.startswith("Disability"))
    assert disability.no_plot.startswith("msvitd cannot show a relative effect (no effect estimate")


def test_context_lines_and_every_outcome_with_estimates_has_a_plot(page, html):
    text = _text(html)
    for t in page.tables:
        assert t.context, t.title
        for c in t.context:
            assert f"{_text(c.summary)} [{c.met}]" in text
        for r in t.rows:
            assert r.figures or r.no_plot, r.name
    figs = page.figures
    assert [f.number for f in figs] == list(range(1, len(figs) + 1))
    assert len({f.id for f in figs}) == len(figs)
    assert html.count("<figure") == len(figs)


def test_favours_follow_which_way_is_better(page):
    assert favours("lower", "vitamin D", "placebo") == ("Favours vitamin D", "Favours placebo")
    assert favours("higher", "vitamin D", "placebo") == ("Favours placebo", "Favours vitamin D")
    by_outcome = {(t.id.split("/")[1], r.name): r for t in page.tables for r in t.rows}
    # relapse-like outcomes (lower is better): vitamin D on the left
    da = by_outcome[("alone-vs-placebo", "Disease activity or conversion to MS")].figures[0]
    assert "← Favours vitamin D" in da.text and "Favours placebo →" in da.text
    # SOLAR's outcome is no evidence of disease activity (higher is better): vitamin D on the right
    neda = by_outcome[("add-on-vs-placebo", "Disease activity or conversion to MS")].figures[0]
    assert "← Favours placebo" in neda.text and "Favours vitamin D →" in neda.text
    # a dose comparison names both doses
    sae = by_outcome[("add-on-vs-low-dose", "Serious or severe adverse events")].figures[0]
    assert "← Favours high-dose vitamin D" in sae.text and "Favours low-dose vitamin D →" in sae.text


def _svg_favours(svg: str):
    """(left words, right words, x of the line of no effect, x of each side's text) from an SVG."""
    null_x = float(re.search(r'class="null-line" x1="([0-9.]+)"', svg).group(1))
    sides = re.findall(r'<text class="favours" x="([0-9.]+)" y="[0-9.]+" text-anchor="(end|start)">(.*?)</text>',
                       svg, re.S)
    return null_x, [(float(x), anchor, _text(words)) for x, anchor, words in sides]


@pytest.mark.parametrize("better, left, right", [
    ("lower", "← Favours vitamin D", "Favours placebo →"),
    ("higher", "← Favours placebo", "Favours vitamin D →"),
])
def test_favours_sides_in_the_drawn_plot(better, left, right):
    arms = (ArmFigure("vd", "cholecalciferol 100,000 IU", None, None, None),
            ArmFigure("pl", "placebo every 2 weeks", None, None, None))
    row = SimpleNamespace(name="Outcome", better=better, members=(), forest=None, refused=None, gaps=(),
                          study_ids=("t",), study_name="TRIAL", arms=arms,
                          relative=Relative("OR", 0.8, 0.5, 1.3))
    names = {("t", "vd"): "vitamin D", ("t", "pl"): "placebo"}
    for plots in ((), (Forest("Outcome", "OR", (ForestRow("TRIAL", 0.8, 0.5, 1.3, None),), note="not pooled"),)):
        figs, why = outcome_figures(row, plots, 1, "f", {"t": "TRIAL"}, names)
        assert why is None and len(figs) == 1
        null_x, sides = _svg_favours(str(figs[0].svg))
        assert [(a, w) for _, a, w in sides] == [("end", left), ("start", right)]
        assert sides[0][0] < null_x < sides[1][0]  # each on its own side of the line of no effect
    # without the library's short names, the arms' own labels
    figs, _ = outcome_figures(row, (), 1, "f", {"t": "TRIAL"})
    assert "Favours placebo every 2 weeks" in figs[0].text


def test_question_page_structure(html):
    parsed = parse(html)
    assert not re.search(r"<script", html, re.I)
    levels = [lvl for lvl, _ in parsed.headings]
    assert levels.count(1) == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    assert len(parsed.ids) == len(set(parsed.ids))
    ids = set(parsed.ids)
    links = [a["href"] for t, a in parsed.tags if t == "a" and a.get("href", "").startswith("#")]
    assert links and all(h[1:] in ids for h in links)
    assert all(a.get("scope") in ("col", "row") for t, a in parsed.tags if t == "th")
    tags = [t for t, _ in parsed.tags]
    assert tags.count("table") == tags.count("caption")
    assert tags.count("figure") == tags.count("figcaption") == tags.count("svg")


def test_an_outcome_with_estimates_on_two_measures_gets_a_plot_for_each():
    rels = {"A": Relative("HR", 0.7, 0.5, 0.9), "B": Relative("RR", 0.9, 0.6, 1.3, by="msvitd"), "C": None}
    members = tuple(SimpleNamespace(study_name=n, study_ids=(n.lower(),), arms=(), relative=rel)
                    for n, rel in rels.items())
    row = SimpleNamespace(name="Relapse", better="lower", members=members, forest=None, gaps=(), study_ids=(),
                          refused="not pooled: the studies report different measures (HR, RR)", relative=None)
    plots = (Forest("Relapse", "HR", (ForestRow("A", 0.7, 0.5, 0.9, None),), note=row.refused),
             Forest("Relapse", "RR", (ForestRow("B", 0.9, 0.6, 1.3, None, by="msvitd"),), note=row.refused))
    figs, why = outcome_figures(row, plots, 4, "forest-1-2", {})
    assert why is None
    assert [(f.number, f.id) for f in figs] == [(4, "forest-1-2"), (5, "forest-1-2-2")]
    assert "Not in this plot: B (RR, in its own plot); C (no effect estimate)." in figs[0].caption
    assert "Not in this plot: A (HR, in its own plot); C (no effect estimate)." in figs[1].caption
    assert "B †" in figs[1].text and "computed by msvitd" in figs[1].caption
    assert all("Not pooled: the studies report different measures (HR, RR)." in f.caption for f in figs)
