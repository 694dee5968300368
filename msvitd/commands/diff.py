"""`msvitd diff`: the article beside its study, element by element and number by number."""

from __future__ import annotations

from typing import List, Optional

import typer

from msvitd.output.formats import DEFAULT, choices

NAME = "diff"
Format = choices(NAME)


def command(
    article: str = typer.Argument(..., help="An article id, an article evidence file, a raw article (.txt, .md, "
                                            ".html), or - for standard input.", metavar="ARTICLE"),
    study: Optional[str] = typer.Option(None, "--source", "--study", "-s", metavar="STUDY",
                                        help="The study: an id or a study file (default: the article's `about:`, "
                                             "else detected from the text)."),
    evidence: Optional[List[str]] = typer.Option(None, "--evidence", "-e", metavar="PATH",
                                                 help="Evidence files or folders (default: evidence/)."),
    format: Format = typer.Option(DEFAULT[NAME], "--format", "-f", metavar="FORMAT",  # type: ignore[valid-type]
                                  help="text (tables), concise (one line per verdict), json, github, markdown."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour (default: on a terminal)."),
    lang: Optional[str] = typer.Option(None, "--lang", metavar="LANG", help="The article's language: en, fr, de "
                                       "or es (default: detected)."),
) -> None:
    """Show the gap between an article and its trial: PICO side by side, every number checked.

    Each PICO element gets a verdict (same, narrower, broader, different, omitted, unsupported);
    each number a verdict (match, rounded, mismatch, derived, unverified) with the source's value
    and where it stands. The source is also checked against itself (statcheck / GRIM). Verdicts
    other than same/match/rounded/derived are reported under D codes (`msvitd rules D201`).
    Exit 0 when nothing is mismatched or unsupported, 1 otherwise, 2 for a usage error.
    """
    from msvitd.app.diff import run

    raise typer.Exit(run(article, study=study, evidence=evidence or (), fmt=format.value, color=color,
                         lang=lang))
