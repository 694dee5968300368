"""`msvitd new study ID` / `msvitd new article ID`: write a commented template that validates."""

from __future__ import annotations

from enum import Enum
from typing import Optional

import typer

NAME = "new"


class Kind(str, Enum):
    study = "study"
    article = "article"


_FOLDER = {"study": "studies", "article": "articles"}


def command(
    kind: Kind = typer.Argument(..., metavar="KIND", help="What to create: study or article."),
    ident: str = typer.Argument(..., metavar="ID", help="The new file's id: lowercase letters, digits, '.', '_', '-'."),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Where to write it ('-' for standard output; default: evidence/studies/ID.yaml "
                                     "or evidence/articles/ID.yaml, folders created)."),
    about: Optional[str] = typer.Option(None, "--about", metavar="STUDY",
                                        help="For an article (required): the id of the study it reports on."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Write a commented study or article template that validates, for you to fill in.

    Refuses to overwrite a file unless --force is given. Exit 0 on success, 2 otherwise.
    """
    import re
    import sys
    from importlib import resources
    from pathlib import Path

    from msvitd.writing import WriteRefused, write_atomic

    id_form = re.compile(r"^[a-z0-9][a-z0-9._-]*$")  # models.common.Id, without importing pydantic
    for label, value in (("ID", ident), ("--about", about)):
        if value is not None and (not id_form.match(value) or len(value) > 80):
            typer.echo(f"msvitd new: {label} {value!r} is not a valid id: use lowercase letters, digits, '.', '_' "
                       "and '-', starting with a letter or digit (at most 80 characters)", err=True)
            raise typer.Exit(2)
    if about is not None and kind is Kind.study:
        typer.echo("msvitd new: --about is for articles (the study an article reports on)", err=True)
        raise typer.Exit(2)
    if about is None and kind is Kind.article:
        # without it the file could not validate: `about:` must name a study file
        typer.echo("msvitd new: name the study the article reports on: --about STUDY_ID", err=True)
        raise typer.Exit(2)

    template = (resources.files("msvitd") / "templates" / f"{kind.value}.yaml").read_text(encoding="utf-8")
    text = (template.replace("id: __ID__", f"id: {_scalar(ident)}")
            .replace("about: [__ABOUT__]", f"about: [{_scalar(about or '')}]")
            .replace("__ID__", ident))
    if output == "-":
        sys.stdout.write(text)
        return
    target = Path(output) if output else Path("evidence") / _FOLDER[kind.value] / f"{ident}.yaml"
    if output is None:
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_atomic(target, text, force=force)
    except WriteRefused as exc:
        typer.echo(f"msvitd new: {exc}", err=True)
        raise typer.Exit(2)
    typer.echo(f"wrote {target}: fill in the TODOs, then run `msvitd validate`", err=True)
    from msvitd.app.validate import study_in_library

    missing = study_in_library(about, target) if about else None
    if missing:  # the file is written, but `validate` will say S206 until the study exists
        typer.echo(f"msvitd new: warning: no study {about!r} in {missing} yet: add it (`msvitd new study {about}`)",
                   err=True)


def _scalar(ident: str) -> str:
    """The id as YAML: quoted when plain it would be read as something else (`0`, `1e3`, `true`, `null`)
    or warned about (`2025-04-22`, `no`)."""
    from msvitd.yamlio import _YAML11_BOOL, _YAML11_TRAP, resolve_scalar

    if isinstance(resolve_scalar(ident, True, None), str) and not (_YAML11_TRAP.match(ident)
                                                                    or _YAML11_BOOL.match(ident)):
        return ident
    return f'"{ident}"'
