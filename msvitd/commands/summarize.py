"""`msvitd summarize`."""

from __future__ import annotations

from typing import List, Optional

import typer

from msvitd.output.formats import DEFAULT, choices, render

NAME = "summarize"


Format = choices(NAME)  # the format table in msvitd/output/formats.py names the renderers


def command(
    targets: Optional[List[str]] = typer.Argument(
        None, help="Study ids, question ids or evidence files/folders (default: all bundled evidence)."),
    format: Format = typer.Option(DEFAULT[NAME], "--format", "-f", help="text, markdown, json or csv."),  # type: ignore[valid-type]
    evidence: Optional[List[str]] = typer.Option(
        None, "--evidence", "-e", help="Evidence folder or file to load (repeatable; default: ./evidence or the bundled copy)."),
    width: Optional[int] = typer.Option(None, "--width", min=60, max=400, help="Line width for text (default: terminal, 100)."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour (default: on a terminal)."),
) -> None:
    """Summary of Findings per outcome: effect, absolute effect per 1000, NNT, GRADE certainty, plain words.

    With no argument, every study and question in the evidence. A question id pools the studies its
    comparisons allow (random effects, I², forest plot). Exit 0 on success, 2 for a usage error or an unknown id.
    """
    import os
    import sys

    from msvitd.library import UsageError, default_paths, load_library
    from msvitd.output.term import want_color
    from msvitd.output.term import width as term_width
    from msvitd.summary.build import build

    targets = list(targets or [])
    paths = [t for t in targets if os.path.exists(t) or t.endswith((".yaml", ".yml")) or os.sep in t]
    ids = [t for t in targets if t not in paths]
    try:
        lib = load_library([*(evidence or default_paths()), *paths])
    except UsageError as exc:
        typer.echo(f"msvitd summarize: {exc}", err=True)
        raise typer.Exit(2)
    if paths:
        # A file named on the command line: summarise what it holds.
        from pathlib import Path

        wanted = {os.path.normpath(str(p)) for p in paths}
        for kind in (lib.questions, lib.studies):
            for ident, entry in kind.items():
                f = os.path.normpath(entry.file)
                if f in wanted or any(f.startswith(w.rstrip(os.sep) + os.sep) for w in wanted
                                      if Path(w).is_dir()):
                    if ident not in ids:
                        ids.append(ident)
        if not ids:
            typer.echo(f"msvitd summarize: no valid study or question in {', '.join(paths)} "
                       f"(run `msvitd validate {' '.join(paths)}`)", err=True)
            raise typer.Exit(2)
    unknown = [i for i in ids if i not in lib.studies and i not in lib.questions]
    if unknown:
        known = ", ".join(sorted([*lib.questions, *lib.studies])) or "none"
        hint = " (some evidence files have errors: run `msvitd validate`)" if lib.errors else ""
        typer.echo(f"msvitd summarize: unknown id {unknown[0]!r}; known: {known}{hint}", err=True)
        raise typer.Exit(2)
    if not lib.studies and not lib.questions:
        typer.echo("msvitd summarize: no valid evidence found", err=True)
        raise typer.Exit(2)
    if lib.errors:
        typer.echo(f"msvitd summarize: warning: {len(lib.errors)} problem(s) in the evidence; invalid files are "
                   f"left out (run `msvitd validate`)", err=True)
    summary = build(lib, ids)
    w = width or term_width()
    out = render(NAME, format.value, summary, color=want_color(color), width=w if format.value == "text" else min(w, 100))
    sys.stdout.write(out)
