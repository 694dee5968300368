"""`msvitd diff`."""

from __future__ import annotations

import typer

NAME = "diff"


def command() -> None:
    """(not implemented yet)"""
    typer.echo("msvitd diff: not implemented yet", err=True)
    raise typer.Exit(2)
