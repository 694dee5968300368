"""The page's content as plain view objects, built from the engines' results; the templates only
lay them out. msvitd/app/report.py runs the engines a target needs and calls these builders.

Every cell text is formatted here, once, so the HTML and the markdown page say the same thing in
the same words. The view builders take any objects with the engines' attribute names, so they are
tested without them. This module builds the article, diff and at-a-glance sections and is the one
import for the rest: the Summary of Findings tables (sof.py), their forest plot figures
(figures.py) and the records (views.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from msvitd.report.figures import favours, outcome_figures
from msvitd.report.highlight import place
from msvitd.report.sof import arm_short_names, legend, sof_tables
from msvitd.report.templating import safe_url
from msvitd.report.views import ArticleView, CheckRow, ConsistencyView, DiffView, NumberView, Page, PicoView, SofTable
from msvitd.summary.wording import cap

__all__ = ["PAPERS", "Page", "article_view", "diff_view", "glance", "shareable", "sof_tables", "arm_short_names",
           "legend", "favours", "outcome_figures", "safe_url"]

SEVERITIES = ("error", "warning", "info")
SEVERITY_WORDS = {"error": "error", "warning": "warning", "info": "info"}  # the CLI's words
PICO_CLASS = {"same": "ok", "narrower": "info", "broader": "warning", "different": "error", "omitted": "warning",
              "unsupported": "error"}
NUMBER_CLASS = {"match": "ok", "rounded": "ok", "derived": "info", "unverified": "neutral", "mismatch": "error"}
CHECK_MARKS = {"pass": ("✓", "met", "ok"), "fail": ("✗", "not met", "error"),
               "not_applicable": ("–", "not applicable", "neutral")}
PAPERS = {"a4": "A4", "letter": "letter"}


# ------------------------------------------------------------------------------------- article
def article_view(text: str, critique=None, *, model=None, title: str = "", study_name: str = "",
                 critique_error: Optional[str] = None) -> ArticleView:
    findings = list(getattr(critique, "findings", ()) or ())
    placed, segs = place(text, findings)
    inline = tuple(p for p in placed if p.placed)
    whole = tuple(p for p in placed if not p.placed)
    counts = {s: sum(1 for p in placed if p.severity == s) for s in SEVERITIES}
    checklist = tuple(
        CheckRow(c.label, *CHECK_MARKS.get(c.status, ("?", c.status, "neutral")), c.note)
        for c in (getattr(critique, "checklist", ()) or ()))
    url = getattr(model, "url", None)
    return ArticleView(
        id=getattr(model, "id", None), title=getattr(model, "title", None) or title or "Article",
        outlet=getattr(model, "outlet", None), author=getattr(model, "author", None),
        date=getattr(model, "date", None), url=safe_url(url), url_text=url,
        study_name=getattr(critique, "source_name", None) or study_name,
        study_detected=getattr(critique, "source_detected", None), segments=tuple(segs), findings=inline,
        whole=whole, checklist=checklist, counts=counts, critique_error=critique_error)


# ---------------------------------------------------------------------------------------- diff
def shareable(location: str) -> str:
    """A ``file:line:col`` fit for a page others read: relative to the working folder, or to the
    package for the bundled evidence; never this machine's absolute path."""
    file, sep, rest = location.partition(".yaml")
    if not sep or not Path(file).is_absolute():
        return location
    path = Path(file + sep)
    for base, shown in ((Path.cwd(), ""), (Path(__file__).resolve().parents[1], "msvitd/")):
        try:
            return shown + path.resolve().relative_to(base.resolve()).as_posix() + rest
        except ValueError:
            continue
    return path.name + rest


def diff_view(report) -> DiffView:
    pico = tuple(PicoView(r.element, r.source, r.article, r.verdict, PICO_CLASS.get(r.verdict, "neutral"),
                          r.quote, r.note, r.cite) for r in report.pico)
    numbers = []
    for n in report.numbers:
        sf = n.source_fact
        numbers.append(NumberView(
            quote=n.quote, sentence=n.sentence, verdict=n.verdict, css=NUMBER_CLASS.get(n.verdict, "neutral"),
            source_label=sf.label if sf else "", source_value=sf.value if sf else "",
            source_cite=sf.cite if sf else "", source_location=shareable(sf.location) if sf else "",
            formula=getattr(sf, "formula", None) if sf else None, note=n.note))
    consistency = tuple(ConsistencyView(c.check, c.subject, c.ok, c.message)
                        for c in getattr(report, "consistency", ()))
    return DiffView(claims_from=report.claims_from, pico=pico, numbers=tuple(numbers), consistency=consistency,
                    unchecked=getattr(report, "unchecked", 0), notes=tuple(getattr(report, "notes", ())),
                    counts=report.counts())


# -------------------------------------------------------------------------------------- glance
def glance(tables: Sequence[SofTable], article: Optional[ArticleView], diff: Optional[DiffView],
           question: Optional[str] = None, evidence: Optional[Sequence[str]] = None) -> tuple[str, ...]:
    """Three or four sentences for the top of the page: the evidence, how sure, where the article went.

    For a question (``question``: its title), one sentence per comparison, named by its label. ``evidence``:
    the summary's own sentences (critical outcomes first, and what did not differ), used when given."""
    out = list(evidence or ())
    for t in (() if evidence else tables if question else tables[:2]):
        main = next((r for r in t.rows if r.details and r.details[-1] in ("primary", "critical")), None)
        main = main or (t.rows[0] if t.rows else None)
        if main is not None:
            where = ""
            if question:
                label = t.title[len(question) + 2:] if t.title.startswith(question + ": ") else t.title
                where = f"{cap(label)} — "
            sym = f" ({main.certainty_symbols})" if main.certainty_symbols else ""  # none when not estimable
            out.append(f"{where}{main.name}: {main.statement.rstrip('.')}. {cap(main.relative)}; certainty "
                       f"{main.certainty_label.lower()}{sym}.")
    if article is not None and article.critique_error is None:
        c = article.counts
        n = sum(c.values())
        if n:
            # as the CLI counts them: "3 errors, 6 warnings, 1 info" ("info" takes no plural)
            parts = [f"{c[s]} {SEVERITY_WORDS[s]}{'' if c[s] == 1 or s == 'info' else 's'}" for s in SEVERITIES if c[s]]
            out.append(f"The article goes beyond the evidence in {n} place{'' if n == 1 else 's'} "
                       f"({', '.join(parts)}), each one shown below.")
        else:
            out.append("The critique found nothing in the article that goes beyond the evidence.")
        if article.checklist:
            met = sum(1 for r in article.checklist if r.css == "ok")
            out.append(f"Checklist: {met} of {len(article.checklist)} items met.")
    if diff is not None:
        bad = {k: v for k, v in diff.counts.items() if k in ("mismatch", "unsupported", "broader", "different",
                                                              "omitted")}
        if bad:
            out.append("Against the study: " + ", ".join(f"{v} {k}" for k, v in bad.items()) + ".")
    return tuple(out)
