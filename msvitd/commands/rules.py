"""`msvitd rules`."""

from __future__ import annotations

import typer

NAME = "rules"


def command() -> None:
    """(not implemented yet)"""
    typer.echo("msvitd rules: not implemented yet", err=True)
    raise typer.Exit(2)
