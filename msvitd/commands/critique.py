"""`msvitd critique`."""

from __future__ import annotations

import typer

NAME = "critique"


def command() -> None:
    """(not implemented yet)"""
    typer.echo("msvitd critique: not implemented yet", err=True)
    raise typer.Exit(2)
