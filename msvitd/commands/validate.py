"""`msvitd validate`: check evidence files, one line per problem, for people and for CI."""

from __future__ import annotations

from typing import List, Optional

import typer

from msvitd.output.formats import DEFAULT, choices

NAME = "validate"
Format = choices(NAME)


def command(
    paths: Optional[List[str]] = typer.Argument(None, help="Evidence files or folders (default: evidence/).",
                                                metavar="PATH"),
    format: Format = typer.Option(DEFAULT[NAME], "--format", "-f", metavar="FORMAT",  # type: ignore[valid-type]
                                  help="text (one line per problem; also `concise`), json, jsonl, github, markdown."),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings too."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour (default: on a terminal)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, max=256, metavar="N",
                             help="Check files in this many processes, 0 to 256 (0: one per CPU). Output is the same."),
) -> None:
    """Validate evidence files: YAML, schema, numbers that must agree, references across files.

    Exit 0 when all is valid, 1 when evidence is invalid, 2 for a usage error.
    """
    from msvitd.app.validate import run

    raise typer.Exit(run(paths or [], fmt=format.value, strict=strict, color=color, jobs=jobs))
