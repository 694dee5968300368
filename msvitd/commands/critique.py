"""`msvitd critique`: flag where an article says more than the trial showed."""

from __future__ import annotations

from enum import Enum
from typing import List, Optional

import typer

from msvitd.output.formats import DEFAULT, choices

NAME = "critique"
Format = choices(NAME)


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def command(
    files: List[str] = typer.Argument(..., help="Articles: .txt, .md, a saved .html page, an article evidence "
                                                "file (.yaml), an article id, or - for standard input.",
                                      metavar="ARTICLE"),
    source: Optional[str] = typer.Option(None, "--source", "--study", "-s", metavar="STUDY", help="The study: an id in the library or a study "
                                         "file. Default: the article's `about:`, else detected from the text."),
    format: Format = typer.Option(DEFAULT[NAME], "--format", "-f", metavar="FORMAT",  # type: ignore[valid-type]
                                  help="concise (one line per finding; also `text`), full (each quote in its "
                                       "sentence and the source's figure), json, jsonl, github, markdown."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", metavar="SEVERITY",
                                             help="Exit 1 when a finding at or above this severity exists: error, "
                                             "warning, info, or never (default: error, or fail-on in [tool.msvitd])."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Rules to run: codes, prefixes, names or "
                                               "categories, comma-separated or repeated (e.g. C2,hype); ALL for every rule.",
                                               metavar="RULES"),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Rules to skip, same syntax as --select.",
                                               metavar="RULES"),
    lexicon: Optional[List[str]] = typer.Option(None, "--lexicon", help="An extra lexicon file (repeatable).",
                                                metavar="FILE"),
    evidence: Optional[List[str]] = typer.Option(None, "--evidence", "-e", help="Evidence files or folders "
                                                 "(default: ./evidence or the bundled library).", metavar="PATH"),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, max=256, metavar="N",
                             help="Worker processes for many articles, 0 to 256 (0: one per CPU). Output is the same."),
    config: Optional[str] = typer.Option(None, "--config", help="A pyproject.toml or msvitd.toml to read "
                                         "[tool.msvitd] from (default: the nearest one).", metavar="FILE"),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour (default: on a terminal)."),
    lang: Optional[str] = typer.Option(None, "--lang", metavar="LANG", help="The articles' language: en, fr, de "
                                       "or es (default: detected per article)."),
) -> None:
    """Critique news coverage against the trial behind it: hype, surrogate outcomes told as clinical,
    benefits claimed for null outcomes, extrapolation, subgroups, numbers, omissions.

    Exit 0 when no finding reaches --fail-on, 1 when one does, 2 for a usage error.
    """
    import sys

    from msvitd.app.critique import run

    code = run(files, source=source, fmt=format.value, fail_on=fail_on.value if fail_on else None,
               select=select or (), ignore=ignore or (), lexicons=lexicon or [], evidence=evidence or [],
               jobs=jobs, config=config, color=color, out=sys.stdout, lang=lang)
    raise typer.Exit(code)
