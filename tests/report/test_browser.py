"""The report page in a real browser: headless Chromium (Debian's `chromium` package; .ci/run installs it).

Checks what a reader would notice: the page loads without console errors; the Summary of Findings
table and every forest plot are there and visible; in each plot, labels, plot and numbers do not
overlap with the real fonts; each finding's highlight sits on its quoted words, at the right offset,
with a visible box; the page fits a phone's width and an A4 page. Screenshots are written for a person
to look at (path printed; MSVITD_SCREENSHOTS=DIR keeps them somewhere stable).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.report.cdp import Browser, CDPError, find_browser

EVIDENCE = ROOT / "evidence"
ARTICLE = "seed-vitamin-d-ms-forum"

BROWSER = find_browser()
pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="no Chromium on PATH (install Debian's package: apt-get install -y chromium; .ci/run does it; "
           "or set MSVITD_CHROMIUM to a Chrome/Chromium binary)")

# Collected in the page: every mark with its text, box and offset in the article's text (the text nodes
# before it, leaving out the finding labels inserted after highlighted words).
MARKS_JS = r"""
(() => {
  const root = document.getElementById('article-text');
  const out = [];
  let offset = 0;
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) { offset += child.data.length; continue; }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      if (child.classList.contains('tag')) continue;
      if (child.tagName === 'MARK') {
        const rects = Array.from(child.getClientRects()).map(r => [r.width, r.height]);
        const style = getComputedStyle(child);
        out.push({findings: child.dataset.findings.split(' ').map(Number), text: child.textContent,
                  start: offset, dataStart: Number(child.dataset.start), dataEnd: Number(child.dataset.end),
                  rects, visible: style.visibility !== 'hidden' && style.display !== 'none',
                  background: style.backgroundColor});
      }
      walk(child);
    }
  };
  walk(root);
  return {marks: out, length: offset};
})()
"""

VISIBLE_JS = r"""
((selector) => Array.from(document.querySelectorAll(selector)).map(el => {
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  return {id: el.id, width: r.width, height: r.height, visible: s.visibility !== 'hidden' && s.display !== 'none'
          && parseFloat(s.opacity) > 0};
}))
"""

# For each plot row: the boxes of its label lines, CI/diamond/square and numbers, in screen px.
FOREST_JS = r"""
Array.from(document.querySelectorAll('svg.forest-plot')).map(svg => {
  const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect();
                        return {l: r.left, r: r.right, t: r.top, b: r.bottom}; };
  const axis = box(svg.querySelector('g.axis > line'));
  const rows = Array.from(svg.querySelectorAll('g.row')).map(g => ({
    label: g.dataset.label,
    text: box(g.querySelector('text.label')),
    drawn: Array.from(g.querySelectorAll('text.label tspan')).map(t => t.textContent).join(' '),
    marks: Array.from(g.querySelectorAll('line.ci, rect.box, polygon.diamond')).map(box),
    nums: Array.from(g.querySelectorAll('text.num')).map(box),
  }));
  return {id: svg.id, svg: box(svg), axis, rows};
})
"""


def _keep(tmp_path: Path, name: str) -> Path:
    where = os.environ.get("MSVITD_SCREENSHOTS")
    folder = Path(where) if where else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def _report(cli, tmp_path, *args) -> Path:
    out = tmp_path / "report.html"
    r = cli("report", *args, "-e", EVIDENCE, "-o", out, "--force")
    assert r.exit_code == 0, r.output
    return out


@pytest.fixture(scope="module")
def browser():
    try:
        with Browser(BROWSER, width=1100, height=900) as b:
            yield b
    except CDPError as exc:  # the binary is there but will not run: that is a failure, not a skip
        pytest.fail(f"Chromium at {BROWSER} did not start: {exc}")


def _check_page_basics(b, expect_plots: int):
    assert b.console_errors() == []
    tables = b.evaluate(VISIBLE_JS + "('table.sof-table')")
    assert tables and all(t["visible"] and t["width"] > 300 and t["height"] > 50 for t in tables), tables
    figures = b.evaluate(VISIBLE_JS + "('svg.forest-plot')")
    assert len(figures) == expect_plots
    assert all(f["visible"] and f["width"] > 200 and f["height"] > 60 for f in figures), figures
    # in every plot, with the browser's fonts: label | plot | numbers, rows one under the other
    for plot in b.evaluate(FOREST_JS):
        x0 = plot["axis"]["l"]
        x1 = plot["axis"]["r"]
        previous_bottom = None
        for row in plot["rows"]:
            t = row["text"]
            assert t["r"] <= x0 - 2, f"{plot['id']}: label {row['label']!r} runs into the plot"
            assert t["l"] >= plot["svg"]["l"] - 0.5
            for n in row["nums"]:
                assert n["l"] >= x1 + 2, f"{plot['id']}: numbers of {row['label']!r} run into the plot"
                assert n["r"] <= plot["svg"]["r"] + 0.5, f"{plot['id']}: numbers of {row['label']!r} cut off"
            for m in row["marks"]:
                assert x0 - 0.5 <= m["l"] and m["r"] <= x1 + 0.5
            if previous_bottom is not None:
                assert t["t"] >= previous_bottom - 1, f"{plot['id']}: label {row['label']!r} overlaps the row above"
            previous_bottom = t["b"]
            assert row["drawn"].rstrip("…").split()[0] in row["label"]


def test_article_page_in_chromium(cli, tmp_path, browser, capsys):
    from msvitd.critique.engine import critique_text
    from msvitd.library import load_library
    from msvitd.app.report import build_page

    out = _report(cli, tmp_path, ARTICLE)
    page = build_page(ARTICLE, evidence=[str(EVIDENCE)])
    browser.open(out)
    _check_page_basics(browser, expect_plots=len(page.figures))

    # every finding's highlight on its quoted words, at its offset in the text, with a visible box
    lib = load_library([EVIDENCE])
    text = lib.article_text(ARTICLE)
    result = critique_text(text, lib.study("d-lay-ms"), article=ARTICLE,
                           others=[e.model for e in lib.studies.values()])
    placed = sorted((f for f in result.findings if f.start is not None), key=lambda f: (f.start, f.end))
    got = browser.evaluate(MARKS_JS)
    assert got["length"] == len(text)
    marks = got["marks"]
    assert marks
    for m in marks:
        assert m["start"] == m["dataStart"], m
        assert text[m["dataStart"]:m["dataEnd"]] == m["text"]
        assert m["visible"] and m["rects"] and all(w > 0 and h > 0 for w, h in m["rects"]), m
        assert m["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
    for n, f in enumerate(placed, 1):
        pieces = [m for m in marks if n in m["findings"]]
        assert pieces, f"finding {n} ({f.rule} {f.quote!r}) is not highlighted"
        assert "".join(m["text"] for m in pieces) == f.quote
        assert pieces[0]["start"] == f.start and pieces[-1]["dataEnd"] == f.end

    shot = browser.screenshot(_keep(tmp_path, "report-article.png"))
    top = browser.screenshot(_keep(tmp_path, "report-article-top.png"), full=False)

    # a phone: nothing wider than the screen (forest plots scroll inside their own box)
    browser.open(out, width=375, mobile=True)
    assert browser.console_errors() == []
    assert browser.evaluate("document.documentElement.scrollWidth") <= 376
    # the SoF keeps its columns and scrolls sideways in its own box, the outcome column held in place
    # (it was a stack of cards, the page 54 screens long: newcomer minor 16)
    sof = browser.evaluate("""(() => { const w = document.querySelector('.sof-wrap'), t = w.querySelector('table');
        const th = t.querySelector('tbody th[scope=row]');
        return {overflow: getComputedStyle(w).overflowX, wrap: w.clientWidth, table: t.scrollWidth,
                display: getComputedStyle(t).display, sticky: getComputedStyle(th).position}; })()""")
    assert sof["display"] == "table" and sof["overflow"] == "auto" and sof["sticky"] == "sticky", sof
    assert sof["table"] > sof["wrap"], sof
    # long parts closed; following a footnote mark or a finding's tag opens the part it points into
    closed = browser.evaluate("Array.from(document.querySelectorAll('details.more')).every(d => !d.open)")
    assert closed and browser.evaluate("document.querySelectorAll('details.more').length") >= 4
    browser.evaluate("document.querySelector('a.tag').click()")
    import time

    time.sleep(0.3)
    assert browser.evaluate("document.querySelector('#finding-1').closest('details').open")
    phone = browser.screenshot(_keep(tmp_path, "report-article-phone.png"), full=False)

    # print: A4 content width (210 mm - 26 mm of margins = 695 px at 96 dpi); the page must not overflow
    browser.call("Emulation.setEmulatedMedia", media="print")
    browser.open(out, width=695)
    assert browser.evaluate("document.documentElement.scrollWidth") <= 696
    svg_ok = browser.evaluate("Array.from(document.querySelectorAll('svg.forest-plot')).every("
                              "s => s.getBoundingClientRect().right <= 696)")
    assert svg_ok
    # in print the SoF is a real table (its header row shown), not the phone's cards
    assert browser.evaluate("getComputedStyle(document.querySelector('table.sof-table')).display") == "table"
    assert browser.evaluate("document.querySelector('table.sof-table thead').getBoundingClientRect().height") > 10
    print_shot = browser.screenshot(_keep(tmp_path, "report-article-print.png"), full=False)
    pdf = browser.pdf(_keep(tmp_path, "report-article.pdf"))
    browser.call("Emulation.setEmulatedMedia", media="")
    assert pdf.stat().st_size > 20000
    with capsys.disabled():
        print(f"\n  report screenshots: {shot} (full page), {top}, {phone} (phone), {print_shot} (print); "
              f"print: {pdf}")


QUESTION = "vitamin-d-early-ms"

# Every figure's favours words: the box of each line, and the axis line it sits under.
FAVOURS_JS = r"""
Array.from(document.querySelectorAll('svg.forest-plot')).map(svg => {
  const box = (el) => { const r = el.getBoundingClientRect(); return {l: r.left, r: r.right, t: r.top, b: r.bottom}; };
  const texts = Array.from(svg.querySelectorAll('g.axis text')).map(t => ({cls: t.getAttribute('class'),
    text: t.textContent.replace(/\s+/g, ' ').trim(), box: box(t)}));
  return {id: svg.id, svg: box(svg), texts, nul: box(svg.querySelector('line.null-line'))};
})
"""


def _boxes_apart(a, b) -> bool:
    return a["r"] <= b["l"] + 0.5 or b["r"] <= a["l"] + 0.5 or a["b"] <= b["t"] + 0.5 or b["b"] <= a["t"] + 0.5


def test_question_page_in_chromium(cli, tmp_path, browser, capsys):
    """The bundled review question: every outcome with its studies under it, a plot per outcome that has
    estimates, the favours words whole and apart from the axis labels, and nothing wider than a phone."""
    from msvitd.app.report import build_page

    out = _report(cli, tmp_path, QUESTION)
    page = build_page(QUESTION, evidence=[str(EVIDENCE)])
    assert page.figures
    browser.open(out)
    _check_page_basics(browser, expect_plots=len(page.figures))
    # the per-study rows are drawn, under their outcome and indented
    rows = browser.evaluate("""Array.from(document.querySelectorAll('table.sof-table tr.member')).map(tr => {
        const th = tr.querySelector('th').getBoundingClientRect();
        const body = tr.parentElement.querySelector('tr:not(.member) th').getBoundingClientRect();
        return {visible: th.height > 0, below: th.top >= body.bottom - 1,
                text: tr.querySelector('th').textContent};
    })""")
    members = sum(len(r.members) for t in page.tables for r in t.rows)
    assert len(rows) == members > 0
    assert all(r["visible"] and r["below"] for r in rows), rows
    indent = browser.evaluate("""(() => {
        const m = document.querySelector('tr.member th'); const b = document.querySelector('tbody.outcome tr th');
        const pad = (el) => parseFloat(getComputedStyle(el).paddingLeft);
        return pad(m) - pad(b); })()""")
    assert indent >= 8
    # the favours words: whole (no ellipsis), inside the plot, clear of the ticks and the axis label
    for plot in browser.evaluate(FAVOURS_JS):
        favours = [t for t in plot["texts"] if t["cls"] == "favours"]
        assert len(favours) == 2, plot["id"]
        assert favours[0]["box"]["r"] <= plot["nul"]["l"] and favours[1]["box"]["l"] >= plot["nul"]["r"]
        for f in favours:
            assert "…" not in f["text"] and f["text"].replace("←", "").replace("→", "").strip().startswith("Favours")
            assert plot["svg"]["l"] - 0.5 <= f["box"]["l"] and f["box"]["r"] <= plot["svg"]["r"] + 0.5, f
            for other in plot["texts"]:
                if other["cls"] != "favours":
                    assert _boxes_apart(f["box"], other["box"]), (plot["id"], f["text"], other["text"])
    shot = browser.screenshot(_keep(tmp_path, "report-question.png"))
    top = browser.screenshot(_keep(tmp_path, "report-question-top.png"), full=False)
    browser.open(out, width=375, mobile=True)
    assert browser.console_errors() == []
    assert browser.evaluate("document.documentElement.scrollWidth") <= 376
    phone = browser.screenshot(_keep(tmp_path, "report-question-phone.png"), full=False)
    browser.call("Emulation.setEmulatedMedia", media="print")
    browser.open(out, width=695)
    assert browser.evaluate("document.documentElement.scrollWidth") <= 696
    assert browser.evaluate("Array.from(document.querySelectorAll('svg.forest-plot')).every("
                            "s => s.getBoundingClientRect().right <= 696)")
    browser.call("Emulation.setEmulatedMedia", media="")
    with capsys.disabled():
        print(f"\n  question page screenshots: {shot} (full page), {top}, {phone} (phone)")


def test_pooled_question_page_in_chromium(tmp_path, browser, capsys):
    """Forest plots with several studies, weights and a diamond (the fixture of three trials)."""
    from msvitd.report.page import Page, legend
    from msvitd.report.templating import render_html
    from tests.report.test_page import pooled_tables

    tables = pooled_tables()
    page = Page(title="Vitamin D for relapsing MS", subtitle="three trials", kind="question", target="vd-ms",
                tables=tables, legend=legend(), version="test")
    out = tmp_path / "pooled.html"
    out.write_text(render_html(page), encoding="utf-8")
    browser.open(out)
    _check_page_basics(browser, expect_plots=1)
    diamonds = browser.evaluate(VISIBLE_JS + "('polygon.diamond')")
    assert len(diamonds) == 1 and diamonds[0]["width"] > 5
    fig = browser.evaluate("(() => { const r = document.querySelector('figure.forest').getBoundingClientRect();"
                           " return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}; })()")
    shot = browser.screenshot(_keep(tmp_path, "report-pooled-forest.png"), clip=fig)
    with capsys.disabled():
        print(f"\n  pooled forest plot screenshot: {shot}")


def test_many_rows_with_long_labels_in_chromium(tmp_path, browser):
    """Sixty studies with long names: the browser's fonts never make a label run into the plot."""
    from markupsafe import Markup

    from msvitd.report.forest import PlotRow, layout, render_svg
    from msvitd.report.templating import environment

    rows = [PlotRow(("Multicentre randomised WWW MMM trial of cholecalciferol in relapsing MS " * (i % 3 + 1))
                    if i % 5 == 0 else f"Trial {i} ({2000 + i})", 0.6 + i / 100, 0.3 + i / 150, 1.1 + i / 60,
                    weight=100 / 60) for i in range(60)]
    rows.append(PlotRow("Random effects (REML)", 0.8, 0.7, 0.92, pooled=True))
    svg = render_svg(layout(rows, "HR", id="many"))
    html = environment().from_string(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>t</title></head><body>"
        "<figure>{{ svg }}</figure></body></html>").render(svg=Markup(svg))
    out = tmp_path / "many.html"
    out.write_text(html, encoding="utf-8")
    browser.open(out)
    assert browser.console_errors() == []
    plot = browser.evaluate(FOREST_JS)[0]
    assert len(plot["rows"]) == 61
    x0, x1 = plot["axis"]["l"], plot["axis"]["r"]
    prev = None
    for row in plot["rows"]:
        assert row["text"]["r"] <= x0 - 2, row["label"]
        assert all(n["l"] >= x1 + 2 for n in row["nums"]), row["label"]
        if prev is not None:
            assert row["text"]["t"] >= prev - 1, row["label"]
        prev = row["text"]["b"]
