"""`msvitd summarize`."""

from __future__ import annotations

import typer

NAME = "summarize"


def command() -> None:
    """(not implemented yet)"""
    typer.echo("msvitd summarize: not implemented yet", err=True)
    raise typer.Exit(2)
