"""`msvitd report`."""

from __future__ import annotations

import typer

NAME = "report"


def command() -> None:
    """(not implemented yet)"""
    typer.echo("msvitd report: not implemented yet", err=True)
    raise typer.Exit(2)
