"""`msvitd validate`: check evidence files, one line per problem, for people and for CI."""

from __future__ import annotations

from enum import Enum
from typing import List, Optional

import typer

NAME = "validate"


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    markdown = "markdown"


def command(
    paths: Optional[List[str]] = typer.Argument(None, help="Evidence files or folders (default: evidence/)."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings too."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour (default: on a terminal)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0,
                             help="Check files in this many processes (0: one per CPU). Output is the same."),
) -> None:
    """Validate evidence files: YAML, schema, numbers that must agree, references across files.

    Exit 0 when all is valid, 1 when evidence is invalid, 2 for a usage error.
    """
    import os
    import sys

    from msvitd.diagnostics import sorted_diagnostics
    from msvitd.library import UsageError, default_paths, load_library
    from msvitd.output.diagnostics import RENDERERS
    from msvitd.output.term import want_color

    try:
        lib = load_library(paths or default_paths(), keep_models=False, jobs=jobs or os.cpu_count() or 1)
    except UsageError as exc:
        typer.echo(f"msvitd validate: {exc}", err=True)
        raise typer.Exit(2)
    if not lib.files:  # before rendering: "All 0 files valid." then exit 2 contradicted itself
        typer.echo("msvitd validate: no evidence files found (*.yaml, *.yml)", err=True)
        raise typer.Exit(2)
    diags = sorted_diagnostics(lib.diagnostics)
    sys.stdout.write(RENDERERS[format.value](diags, lib.files, color=want_color(color)))
    failing = [d for d in diags if d.severity.value == "error" or (strict and d.severity.value == "warning")]
    raise typer.Exit(1 if failing else 0)
