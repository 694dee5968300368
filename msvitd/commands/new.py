"""`msvitd new`."""

from __future__ import annotations

import typer

NAME = "new"


def command() -> None:
    """(not implemented yet)"""
    typer.echo("msvitd new: not implemented yet", err=True)
    raise typer.Exit(2)
