"""`msvitd critique`: flag where an article says more than the trial showed."""

from __future__ import annotations

from enum import Enum
from typing import List, Optional

import typer

NAME = "critique"


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    github = "github"
    markdown = "markdown"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def command(
    files: List[str] = typer.Argument(..., help="Articles: .txt, .md, a saved .html page, an article evidence "
                                                "file (.yaml), or - for standard input."),
    source: Optional[str] = typer.Option(None, "--source", "--study", "-s", help="The study: an id in the library or a study "
                                         "file. Default: the article's `about:`, else detected from the text."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Exit 1 when a finding at or above this "
                                             "severity exists (default: error, or fail-on in [tool.msvitd])."),
    select: Optional[str] = typer.Option(None, "--select", help="Rules to run: codes, prefixes, names or "
                                         "categories, comma-separated (e.g. C2,hype)."),
    ignore: Optional[str] = typer.Option(None, "--ignore", help="Rules to skip, same syntax as --select."),
    lexicon: Optional[List[str]] = typer.Option(None, "--lexicon", help="An extra lexicon file (repeatable)."),
    evidence: Optional[List[str]] = typer.Option(None, "--evidence", "-e", help="Evidence files or folders "
                                                 "(default: ./evidence or the bundled library)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, max=256, help="Worker processes for many articles."),
    config: Optional[str] = typer.Option(None, "--config", help="A pyproject.toml or msvitd.toml to read "
                                         "[tool.msvitd] from (default: the nearest one)."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour (default: on a terminal)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="The articles' language: en, fr, de or es "
                                       "(default: detected per article)."),
) -> None:
    """Critique news coverage against the trial behind it: hype, surrogate outcomes told as clinical,
    benefits claimed for null outcomes, extrapolation, subgroups, numbers, omissions.

    Exit 0 when no finding reaches --fail-on, 1 when one does, 2 for a usage error.
    """
    import sys

    from msvitd.critique.run import UsageProblem, run_critique

    try:
        code = run_critique(files, source=source, fmt=format.value, fail_on=fail_on.value if fail_on else None,
                            select=select, ignore=ignore, lexicons=lexicon or [], evidence=evidence or [],
                            jobs=jobs, config=config, color=color, out=sys.stdout, lang=lang)
    except UsageProblem as exc:
        typer.echo(f"msvitd critique: {exc}", err=True)
        raise typer.Exit(2)
    raise typer.Exit(code)
