"""`msvitd schema`: the JSON Schema of the evidence files, for editors and other validators."""

from __future__ import annotations

from enum import Enum
from typing import Optional

import typer

NAME = "schema"


class Kind(str, Enum):
    all = "all"
    study = "study"
    article = "article"
    question = "question"


def command(
    kind: Kind = typer.Argument(Kind.all, metavar="KIND", show_default=False,
                                help="Which kind of file: study, article, question, or all (the default: a oneOf "
                                     "on `kind`)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE",
                                         help="Write to this file instead of stdout."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing output file."),
) -> None:
    """Print the JSON Schema of evidence files (use it with yaml-language-server or check-jsonschema)."""
    import json
    import sys

    from msvitd.schema import json_schema
    from msvitd.writing import WriteRefused, write_atomic

    text = json.dumps(json_schema(kind.value), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(output, text, force=force)
    except WriteRefused as exc:
        typer.echo(f"msvitd schema: {exc}", err=True)
        raise typer.Exit(2)
