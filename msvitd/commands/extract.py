"""`msvitd extract`."""

from __future__ import annotations

from typing import List, Optional

import typer

NAME = "extract"


def command(
    article: str = typer.Argument(..., metavar="ARTICLE", help="A raw article: .txt, .md or .html."),
    source: str = typer.Option(..., "--source", "--study", "-s", metavar="STUDY", help="The id of the study the article is about."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write the draft here (default: print it)."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing output file."),
    evidence: Optional[List[str]] = typer.Option(None, "--evidence", "-e", metavar="PATH",
                                                 help="Evidence files or folders (default: evidence/)."),
) -> None:
    """Draft an article evidence file from a raw article, for a person to review and commit.

    The draft holds the metadata, a reference to the text, and the claims found (quotes, outcome
    links, numbers). It passes `msvitd validate`. Refuses to overwrite a file without --force.
    Exit 0 on success, 2 for a usage error.
    """
    import sys
    from pathlib import Path

    from msvitd.app.inputs import YAML_SUFFIXES, choose_study, open_library, resolve_article
    from msvitd.diffing.extract import check, draft, dump
    from msvitd.errors import InputError
    from msvitd.writing import WriteRefused, write_atomic

    src = Path(article)
    if not src.is_file():
        raise InputError(f"{article}: no such file")
    if src.suffix.lower() in YAML_SUFFIXES:  # its text would be YAML, and the draft garbage
        raise InputError(f"{article}: is an evidence file already; extract drafts one from a raw article "
                         f"(.txt, .md, .html)")
    out = Path(output) if output else None
    if out is not None and out.exists() and not force:
        raise InputError(f"{out}: already exists; use --force to overwrite it")
    lib = open_library(evidence)
    read = resolve_article(article, lib)
    data = draft(src, read.text, choose_study(read, lib, source).entry, out)
    text = dump(data)
    where = str(out) if out is not None else str(Path(".") / f"{data['id']}.yaml")
    problems = check(text, where)
    if problems:
        # a claim the draft cannot hold verbatim is dropped rather than written invalid
        claims = data.get("claims", {})
        for key in ("outcomes", "limitations"):
            claims[key] = [c for c in claims.get(key, []) if c["quote"] in Path(src).read_text(encoding="utf-8")]
            if not claims[key]:
                claims.pop(key)
        text = dump(data)
        problems = check(text, where)
    if problems:
        typer.echo(f"msvitd extract: the draft would not validate: {problems[0].message}", err=True)
        raise typer.Exit(2)
    if out is None:
        sys.stdout.write(text)
        raise typer.Exit(0)
    try:
        write_atomic(out, text, force=force)
    except WriteRefused as exc:
        typer.echo(f"msvitd extract: {exc}", err=True)
        raise typer.Exit(2)
    typer.echo(f"msvitd extract: wrote {out} (a draft: review the claims before committing)", err=True)
