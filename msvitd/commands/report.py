"""`msvitd report`: one page to share (HTML or markdown)."""

from __future__ import annotations

from enum import Enum
from typing import List, Optional

import typer

NAME = "report"


class Format(str, Enum):
    html = "html"
    markdown = "markdown"


class Paper(str, Enum):
    a4 = "a4"
    letter = "letter"


def command(
    target: str = typer.Argument(..., metavar="ID_OR_FILE", help="An article id or file (.yaml, .txt, .md, .html), a study id, or a question id."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE",
                                         help="Write the page to this file (default: standard output)."),
    format: Format = typer.Option(Format.html, "--format", "-f", metavar="FORMAT", help="html (one self-contained page) or markdown."),
    force: bool = typer.Option(False, "--force", help="Overwrite the output file(s) if they exist."),
    study: Optional[str] = typer.Option(None, "--source", "--study", "-s", metavar="STUDY",
                                        help="For an article: the study to check it against (default: its `about:`)."),
    evidence: Optional[List[str]] = typer.Option(None, "--evidence", "-e", metavar="PATH",
                                                 help="Evidence files or folders (default: evidence/)."),
    paper: Paper = typer.Option(Paper.a4, "--paper", metavar="SIZE", help="Page size when printed: a4 or letter."),
    lang: Optional[str] = typer.Option(None, "--lang", metavar="LANG", help="For an article: its language, en, "
                                       "fr, de or es (default: detected)."),
) -> None:
    """Write one HTML or Markdown page to share: the Summary of Findings, a forest plot per outcome and, for an article,
    its text with every critique finding highlighted in place, the PICO and number diff and the checklist.

    HTML is self-contained (inline CSS and SVG, no scripts, no network) and prints on A4 or Letter.
    With --format markdown and -o, each forest plot is also written as an SVG file beside the page.
    Exit 0 when the page is written; 2 for a usage error, an unknown id, an existing output without
    --force, or when a section could not be built (the page is still written, with a notice).
    """
    import sys
    from pathlib import Path

    from msvitd.app.report import build_page
    from msvitd.writing import WriteRefused, write_atomic

    def fail(message: str) -> None:
        typer.echo(f"msvitd report: {message}", err=True)
        raise typer.Exit(2)

    targets: list[tuple[Path, str]] = []
    out_path = Path(output) if output and output != "-" else None
    if out_path is not None:
        if out_path.is_dir():
            fail(f"{out_path}: is a directory; name a file, e.g. -o report.{'md' if format is Format.markdown else 'html'}")
        if not out_path.parent.is_dir() and str(out_path.parent):
            fail(f"{out_path.parent}: no such folder")
        if out_path.exists() and not force:
            fail(f"{out_path}: already exists; use --force to overwrite it")
    page = build_page(target, study=study, evidence=evidence, paper=paper.value, lang=lang)
    if format is Format.html:
        from msvitd.report.templating import render_html

        targets.append((out_path, render_html(page)) if out_path else (None, render_html(page)))
    else:
        from msvitd.report.markdown import image_names, render_markdown

        images = image_names(page, out_path) if out_path else {}
        targets.append((out_path, render_markdown(page, images)))
        for fig in page.figures:
            if fig.id in images:
                targets.append((out_path.parent / images[fig.id], fig.svg_text))
    if out_path is None:
        sys.stdout.write(targets[0][1])
    else:
        existing = [str(p) for p, _ in targets[1:] if p.exists()]
        if existing and not force:
            fail(f"{existing[0]}: already exists; use --force to overwrite it")
        try:
            for path, text in targets:
                write_atomic(path, text, force=force)
        except WriteRefused as exc:
            fail(str(exc))
        extra = f" and {len(targets) - 1} SVG file{'s' if len(targets) > 2 else ''}" if len(targets) > 1 else ""
        typer.echo(f"msvitd report: wrote {out_path}{extra}", err=True)
    for problem in page.problems:
        typer.echo(f"msvitd report: {problem}", err=True)
    raise typer.Exit(2 if page.problems else 0)
