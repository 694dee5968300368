"""The page as a reader gets it: findings on their words, everything escaped, pooled plots, structure."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from msvitd.report.highlight import place
from msvitd.report.markdown import render_markdown
from msvitd.report.page import Page, article_view, glance, legend, safe_url, sof_tables
from msvitd.report.templating import render_html
from tests.report.fakes import CheckItem, Critique, Finding, Model, finding_on
from tests.report.htmlcheck import finding_text, parse


def page_with(text: str, findings=(), model=None, tables=(), checklist=()) -> Page:
    a = article_view(text, Critique(tuple(findings), tuple(checklist)), model=model or Model(), study_name="TRIAL")
    return Page(title=a.title, subtitle="sub", kind="article", target="x", tables=tuple(tables), article=a,
                legend=legend(), version="test", glance=glance(tables, a, None))


# ------------------------------------------------------------------------------- highlighting
def test_each_finding_highlighted_on_its_quoted_words():
    text = "A groundbreaking trial.\nIt may slow the progression of MS, a major step forward."
    fs = [finding_on(text, "major step forward", "info"), finding_on(text, "groundbreaking", "warning"),
          finding_on(text, "slow the progression of MS", "error", "surrogate_to_clinical", "C201")]
    parsed = parse(render_html(page_with(text, fs)))
    # numbered in text order
    assert [finding_text(parsed, n) for n in (1, 2, 3)] == ["groundbreaking", "slow the progression of MS",
                                                             "major step forward"]
    assert len(parsed.marks) == 3
    sev = {m.findings[0]: m.attrs["class"] for m in parsed.marks}
    assert sev == {1: "finding sev-warning", 2: "finding sev-error", 3: "finding sev-info"}
    assert parsed.marks[1].attrs["data-code"] == "C201"
    # the source's figure on hover
    assert "Source: HR 0.66 (0.50 to 0.87)" in parsed.marks[0].attrs["title"]
    # the article's text is all there, once, and unchanged
    assert parsed.article_text == text


def test_overlapping_findings_keep_every_label_and_the_text_once():
    text = "alpha beta gamma delta epsilon"
    fs = [finding_on(text, "beta gamma", "info"), finding_on(text, "gamma delta", "error", rule="C201"),
          finding_on(text, "alpha beta gamma delta epsilon", "warning", rule="C401")]
    placed, segs = place(text, fs)
    assert "".join(s.text for s in segs) == text
    parsed = parse(render_html(page_with(text, fs)))
    by_quote = {p.quote: p.number for p in placed}
    for q, n in by_quote.items():
        assert finding_text(parsed, n) == q
    gamma = next(m for m in parsed.marks if m.text == "gamma")
    assert set(gamma.findings) == set(by_quote.values())  # all three labels on the shared words
    assert gamma.attrs["class"] == "finding sev-error"  # the most severe colour
    assert set(gamma.attrs["data-code"].split()) == {"C101", "C201", "C401"}
    assert parsed.article_text == text
    tags = [a for t, a in parsed.tags if t == "a" and "tag" in a.get("class", "")]
    assert sorted(a["href"] for a in tags) == [f"#finding-{n}" for n in (1, 2, 3)]


def test_findings_whose_offsets_do_not_fit_are_listed_not_placed():
    text = "Short text."
    fs = [Finding("C101", "hype", "hype", "warning", "m", "elsewhere", 2, 11),
          Finding("C101", "hype", "hype", "warning", "m", "far", 100, 103),
          Finding("C604", "omits-context", "omits_context", "info", "no earlier trials")]
    placed, segs = place(text, fs)
    assert not any(s.marked for s in segs)
    assert [p.placed for p in placed] == [False, False, False]
    assert "not the quoted words" in placed[0].why_not_placed
    assert "outside the text" in placed[1].why_not_placed
    html = render_html(page_with(text, fs))
    assert "Not highlighted: the text at 2-11 is not the quoted words" in html
    assert "About the article as a whole" in html


# ----------------------------------------------------------------------------------- escaping
NASTY = ('Headline <script>alert("x")</script> & more\n'
         '<img src=x onerror=alert(1)> "quoted" \'single\' </div></pre><b>bold</b>\x07 end')


def test_script_in_an_article_is_escaped_everywhere():
    fs = [finding_on(NASTY, '<script>alert("x")</script>', "error",
                     source_fact='<script>evil()</script>', message="<i>msg</i>")]
    model = Model(title="<script>t()</script>", outlet="<b>outlet</b>", url="javascript:alert(1)")
    html = render_html(page_with(NASTY, fs, model=model,
                                 checklist=[CheckItem("h", "<b>Harms</b>", "fail", "<script>n()</script>")]))
    parsed = parse(html)
    names = [t for t, _ in parsed.tags]
    assert "script" not in names and "img" not in names and "b" not in names and "i" not in names
    assert not re.search(r"<script", html, re.I)
    assert not any(a.get("href", "").strip().lower().startswith("javascript") for _, a in parsed.tags)
    assert "Address given: javascript:alert(1)" in html  # shown as text, not as a link
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    # the text reads back exactly (the bell character shown as U+FFFD)
    assert parsed.article_text == NASTY.replace("\x07", "\ufffd")
    assert finding_text(parsed, 1) == '<script>alert("x")</script>'


def test_markdown_escapes_html_and_markdown():
    fs = [finding_on(NASTY, '<script>alert("x")</script>', "error", message="**bold** | pipe")]
    md = render_markdown(page_with(NASTY, fs, model=Model(title="# <script>x</script>", url="javascript:alert(1)")))
    assert "<script" not in md.lower()
    assert "&lt;script&gt;" in md
    assert "\\*\\*bold\\*\\* \\| pipe" in md
    assert "`javascript:alert(1)`" in md
    assert md.startswith("# \\# &lt;script&gt;x&lt;/script&gt;\n")


def test_only_http_urls_become_links():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil", "http://x\" onmouseover=\"y", "", None):
        assert safe_url(bad) is None


# ------------------------------------------------------------------------ pooled forest plots
def _study(sid, est, lo, hi):
    from msvitd.models.study import Study

    return Study.model_validate({
        "kind": "study", "id": sid, "name": sid.upper(), "citation": {"title": f"Trial {sid}"},
        "sources": [{"id": "paper", "title": "The paper", "type": "paper"}],
        "design": {"type": "rct", "randomised": True}, "population": {"condition": "relapsing MS"},
        "arms": [{"id": "vd", "role": "intervention", "label": "vitamin D", "agent": "vitamin D"},
                 {"id": "pl", "role": "comparator", "label": "placebo", "agent": "placebo"}],
        "outcomes": [{"id": "relapse", "name": "Relapse", "role": "primary", "type": "clinical",
                      "measure": "time_to_event", "effect": {"measure": "HR", "estimate": est, "ci": [lo, hi]}}],
    })


@dataclass
class _Entry:
    model: object


class _Lib:
    def __init__(self, studies, questions):
        self.studies = {s.id: _Entry(s) for s in studies}
        self.questions = {q.id: _Entry(q) for q in questions}


def pooled_tables():
    from msvitd.models.question import Question
    from msvitd.summary.build import build

    studies = [_study("a", 0.66, 0.50, 0.87), _study("b", 0.80, 0.55, 1.16), _study("c", 1.05, 0.70, 1.58)]
    q = Question.model_validate({
        "kind": "question", "id": "vd-ms", "title": "Vitamin D for relapsing MS", "population": "adults with MS",
        "intervention": "vitamin D", "comparator": "placebo",
        "outcomes": [{"id": "relapse", "name": "Relapse", "importance": "critical", "rank": 8,
                      "from_studies": [{"study": s.id, "outcome": "relapse"} for s in studies]}],
        "comparisons": [{"id": "all", "label": "all trials", "studies": ["a", "b", "c"], "reason": "same dose"}],
    })
    summary = build(_Lib(studies, [q]), ["vd-ms"])
    return sof_tables(summary.tables, {s.id: s.name for s in studies})


def test_pooled_outcome_gets_squares_weights_and_a_diamond():
    tables = pooled_tables()
    row = tables[0].rows[0]
    fig = row.figure
    assert fig is not None and fig.number == 1
    svg = str(fig.svg)
    assert svg.count('class="box"') == 3 and svg.count('class="diamond"') == 1
    assert 'class="pi"' in svg  # prediction interval with k = 3
    weights = [float(w) for w in re.findall(r'<g class="row" [^>]*data-weight="([0-9.]+)"', svg)]
    assert weights == pytest.approx([42.04, 30.56, 27.40], abs=0.01)  # metafor rma(method="REML")
    assert '<g class="row pooled"' in svg and ">100.0%<" in svg
    assert svg.count('class="pi-arrow"') == 2  # PI 0.06 to 10.61 runs past both ends of the axis
    assert "0.79 [0.61, 1.04]" in svg  # REML, as metafor gives 0.795 (0.610 to 1.036)
    assert "I² = " in fig.caption and "random effects (REML)" in fig.caption
    html = render_html(Page(title="Q", subtitle="s", kind="question", target="vd-ms", tables=tables,
                            legend=legend(), version="t"))
    parsed = parse(html)
    assert sum(1 for t, a in parsed.tags if t == "svg") == 1
    assert "Figure 1. Relapse." in html


def test_outcome_without_an_estimate_says_why_there_is_no_plot():
    from msvitd.library import load_library
    from msvitd.summary.build import build
    from tests.conftest import ROOT

    lib = load_library([ROOT / "evidence" / "studies" / "d-lay-ms.yaml"])
    tables = sof_tables(build(lib, ["d-lay-ms"]).tables, {"d-lay-ms": "D-Lay MS"})
    rows = {r.name: r for r in tables[0].rows}
    assert rows["Relapse"].figure is not None  # the HR as the trial reported it (issue 15)
    assert "as the source reported it" in rows["Relapse"].figure.caption
    assert "computed by msvitd" in rows["Severe adverse events"].figure.caption  # RR from 17/156 vs 13/147
    no = [r for r in tables[0].rows if r.figure is None]
    assert no and all(r.no_plot for r in no)
    figs = [r.figure for r in tables[0].rows if r.figure]
    assert [f.number for f in figs] == list(range(1, len(figs) + 1))
    assert len({f.id for f in figs}) == len(figs)


# ------------------------------------------------------------------------------------ golden
def test_golden_markdown_page():
    from tests.report.golden import check_golden

    text = "A groundbreaking trial shows vitamin D | stops MS <damage>.\n\nNo side effects."
    fs = [finding_on(text, "groundbreaking", "warning"),
          finding_on(text, "stops MS <damage>", "error", "surrogate_to_clinical", "C201",
                     message="claims a clinical benefit; the trial measured MRI lesions"),
          Finding("C501", "omits-harms", "omits_harms", "warning", "harms are not mentioned",
                  source_fact="Severe adverse events: 11% vs 9%")]
    checklist = [CheckItem("harms", "Harms", "fail", "no mention of side effects"),
                 CheckItem("costs", "Costs", "pass", "mentions cost")]
    page = page_with(text, fs, model=Model(title="Vitamin D *stops* MS", outlet="Example News", date="2025-04-03",
                                           url="https://example.org/news?id=1"),
                     tables=pooled_tables(), checklist=checklist)
    check_golden("page-fixture.md", render_markdown(page, {"forest-1-1": "page-fixture-forest-1-1.svg"}))
