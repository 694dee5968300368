"""`msvitd extract`."""

from __future__ import annotations

import typer

NAME = "extract"


def command() -> None:
    """(not implemented yet)"""
    typer.echo("msvitd extract: not implemented yet", err=True)
    raise typer.Exit(2)
