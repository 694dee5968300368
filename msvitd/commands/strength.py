"""`msvitd strength`: the claim strength of each line, for checking a sentence before publishing."""

from __future__ import annotations

from enum import Enum
from typing import List, Optional

import typer

NAME = "strength"


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def command(
    file: Optional[str] = typer.Argument(None, help="A file with one sentence a line, or - for standard input "
                                         "(the default)."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    lexicon: Optional[List[str]] = typer.Option(None, "--lexicon", help="An extra lexicon file (repeatable)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="The sentences' language: en, fr, de or es "
                                       "(default: detected from the input; English when it cannot tell)."),
) -> None:
    """Print the claim strength of each input line: none, correlational ("linked to"),
    conditional_causal ("may reduce"), direct_causal ("reduces"), with the words that decided it.

    Exit 0 on success, 2 for a usage error.
    """
    import json
    import sys
    from pathlib import Path

    from msvitd.text.lexicon import LexiconError, load_lexicon
    from msvitd.text.reading import Reader
    from msvitd.text.sentences import Sentence

    from msvitd.text.langdata import LanguageError, check_code

    try:
        lang = check_code(lang) if lang else None
    except LanguageError as exc:
        typer.echo(f"msvitd strength: --lang: {exc}", err=True)
        raise typer.Exit(2)
    if file in (None, "-"):
        data = sys.stdin.read()
    else:
        p = Path(file)
        if not p.is_file():
            typer.echo(f"msvitd strength: {file}: no such file", err=True)
            raise typer.Exit(2)
        try:
            data = p.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            typer.echo(f"msvitd strength: {file}: cannot read: {exc.strerror or exc}", err=True)
            raise typer.Exit(2)
    if lang is None:
        from msvitd.text.language import detect_language

        guess = detect_language(data)
        lang = guess.code if guess.supported else "en"
    try:
        lex = load_lexicon(tuple(lexicon or ()), lang)
    except LexiconError as exc:
        typer.echo(f"msvitd strength: {exc}", err=True)
        raise typer.Exit(2)
    reader = Reader(lex)
    rows = []
    for n, line in enumerate(data.splitlines(), 1):
        text = line.strip()
        if not text:
            continue
        r = reader.for_text(text).read(Sentence(0, 0, len(text), text, n, 1, 1, False))
        cues = [c.as_dict() for c in r.cues if c.kind in ("benefit", "cause", "correlational", "hedge", "booster",
                                                            "negation", "null", "hypothetical")]
        rows.append({"line": n, "text": text, "strength": r.strength, "direction": r.direction, "cues": cues})
    if format == Format.json:
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    elif format == Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        width = max((len(r["strength"]) for r in rows), default=0)
        for row in rows:
            cues = ", ".join(f"{c['text']} ({c['type']})" for c in row["cues"])
            sys.stdout.write(f"{row['strength']:<{width}}  {row['text']}" + (f"  [{cues}]" if cues else "") + "\n")
