"""`msvitd diff`."""

from __future__ import annotations

from enum import Enum
from typing import List, Optional

import typer

NAME = "diff"


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


def command(
    article: str = typer.Argument(..., help="An article id, an article evidence file, or a raw article (.txt, .md, .html)."),
    study: Optional[str] = typer.Option(None, "--source", "--study", "-s",
                                        help="The study id (default: the article's `about:`)."),
    evidence: Optional[List[str]] = typer.Option(None, "--evidence", "-e",
                                                 help="Evidence files or folders (default: evidence/)."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour (default: on a terminal)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="The article's language: en, fr, de or es "
                                       "(default: detected)."),
) -> None:
    """Show the gap between an article and its trial: PICO side by side, every number checked.

    Each PICO element gets a verdict (same, narrower, broader, different, omitted, unsupported);
    each number a verdict (match, rounded, mismatch, derived, unverified) with the source's value
    and where it stands. The source is also checked against itself (statcheck / GRIM).
    Exit 0 when nothing is mismatched or unsupported, 1 otherwise, 2 for a usage error.
    """
    import sys

    from msvitd.diffing.engine import DiffUsageError, run

    try:
        report = run(article, study, evidence, lang)
    except DiffUsageError as exc:
        typer.echo(f"msvitd diff: {exc}", err=True)
        raise typer.Exit(2)
    if format is Format.json:
        from msvitd.output.diff_json import render as render_json

        out = render_json(report)
    elif format is Format.markdown:
        from msvitd.output.diff_markdown import render as render_md

        out = render_md(report)
    else:
        from msvitd.output.diff_text import render as render_text
        from msvitd.output.term import want_color, width

        out = render_text(report, color=want_color(color), width=width())
    sys.stdout.write(out)
    raise typer.Exit(1 if report.failing else 0)
