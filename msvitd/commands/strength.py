"""`msvitd strength`."""

from __future__ import annotations

import typer

NAME = "strength"


def command() -> None:
    """(not implemented yet)"""
    typer.echo("msvitd strength: not implemented yet", err=True)
    raise typer.Exit(2)
