"""`msvitd diff` as a use case: inputs, the diff engine, its verdicts as D-coded diagnostics at
line:column in the article file, one renderer and one exit code."""

from __future__ import annotations

import re
from dataclasses import replace

from msvitd.app.inputs import ArticleInput, StudyChoice, choose_study, open_library, resolve_article
from msvitd.codes import CODES, DIFF_CODES
from msvitd.diagnostics import Diagnostic, exceeds, sorted_diagnostics


def _span(text: str, quote: str | None) -> tuple[int, int] | None:
    if not quote:
        return None
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    m = re.search(r"\s+".join(map(re.escape, quote.split())), text)
    return (m.start(), m.end()) if m else None


def _at(article: ArticleInput, code: str, message: str, span, **extra) -> Diagnostic:
    src = article.source
    rule = CODES[code]
    if span is None:
        return Diagnostic(code, rule.severity, message, src.file, None, None, "", None, None,
                          name=rule.name, category="diff", **extra)
    (line, col), (eline, ecol) = src.position(span[0]), src.end_position(span[1])
    return Diagnostic(code, rule.severity, message, src.file, line, col, "", eline, ecol, name=rule.name,
                      category="diff", quote=src.text[span[0]:span[1]], start=span[0], end=span[1], **extra)


def verdicts(report, article: ArticleInput) -> tuple[Diagnostic, ...]:
    """Every PICO and number verdict that is not an agreement, and every failed source check."""
    out = []
    for row in report.pico:
        code = DIFF_CODES.get(("pico", row.verdict))
        if code:
            said = f"the article: {row.article}; " if row.article else ""
            msg = f"{row.element}: {row.verdict}: {said}the study: {row.source}" + (f" ({row.note})" if row.note else "")
            out.append(_at(article, code, msg, _span(article.text, row.quote), source_fact=row.source or None))
    for n in report.numbers:
        code = DIFF_CODES.get(("number", n.verdict))
        if code:
            fact = n.source_fact
            said = f"; the study: {fact.label} {fact.value} ({fact.cite})" if fact else ""
            msg = f"{n.quote}: {n.verdict}{said}" + (f" ({n.note})" if n.note else "")
            out.append(_at(article, code, msg, (n.start, n.end),
                           source_fact=f"{fact.label}: {fact.value}" if fact else None))
    for c in report.consistency:
        if not c.ok:
            where = c.numbers[0].location if c.numbers else ""
            file, line, col = (where.rsplit(":", 2) + ["", ""])[:3] if where.count(":") >= 2 else (where, "0", "0")
            rule = CODES["D301"]
            out.append(Diagnostic("D301", rule.severity, f"{c.check}, {c.subject}: {c.message}", file,
                                  int(line or 0), int(col or 0), name=rule.name, category="diff"))
    return tuple(sorted_diagnostics(out))


def diff_article(article: ArticleInput, study: StudyChoice, lib):
    """The diff report of one article, with its verdicts as diagnostics."""
    from pathlib import Path

    from msvitd.diffing.engine import build_report
    from msvitd.text.language import using_language

    with using_language(article.lang):  # numbers are read the way the article's language writes them
        report = build_report(study.entry, article.model, article.text, article_label=Path(article.name).name,
                              others=[e.model for e in lib.studies.values()])
    return replace(report, diagnostics=verdicts(report, article), language=article.lang,
                   language_note=article.lang_note)  # said as critique says it


def run(name: str, *, study: str | None = None, evidence=(), fmt: str = "text", color=None, out=None,
        lang: str | None = None) -> int:
    import sys

    from msvitd.output.formats import render
    from msvitd.output.term import want_color, width

    lib = open_library(evidence)
    article = resolve_article(name, lib, sys.stdin.read() if name == "-" else None, lang)
    report = diff_article(article, choose_study(article, lib, study), lib)
    (out or sys.stdout).write(render("diff", fmt, report, color=want_color(color), width=width()))
    return 1 if exceeds(report.diagnostics, "error") else 0
