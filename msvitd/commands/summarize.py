"""`msvitd summarize`."""

from __future__ import annotations

from typing import List, Optional

import typer

from msvitd.output.formats import DEFAULT, choices, render

NAME = "summarize"


Format = choices(NAME)  # the format table in msvitd/output/formats.py names the renderers


def command(
    targets: Optional[List[str]] = typer.Argument(
        None, metavar="ID", help="Study ids, question ids, question/comparison ids or evidence files/folders (default: an "
                   "overview of all the evidence)."),
    format: Format = typer.Option(DEFAULT[NAME], "--format", "-f", metavar="FORMAT",  # type: ignore[valid-type]
                                  help="text, markdown, json or csv."),
    full: bool = typer.Option(False, "--full", help="Every full table (with no id, text and markdown show an "
                                                    "overview; json and csv always hold every table)."),
    evidence: Optional[List[str]] = typer.Option(
        None, "--evidence", "-e", metavar="PATH",
        help="Evidence folder or file to load (repeatable; default: ./evidence or the bundled copy)."),
    width: Optional[int] = typer.Option(None, "--width", min=60, max=400, metavar="N",
                                        help="Line width for text, 60 to 400 (default: the terminal's, else 100)."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour (default: on a terminal)."),
) -> None:
    """Summary of Findings per outcome: effect, absolute effect per 1000, NNT, GRADE certainty, plain words.

    With no argument, an overview: each question's comparisons and each study on one screen, critical
    outcomes first, and the id to type for the full table (`--full` for all of them). A question id pools
    the studies its comparisons allow (random effects, I², forest plot). Files with errors are left out.
    Exit 0 on success, 1 when a table asked for comes from a file with errors, 2 for a usage error or an
    unknown id.
    """
    import os
    import re
    import sys

    from msvitd.app.library_cache import load_library_cached
    from msvitd.library import UsageError, default_paths
    from msvitd.output.term import width as term_width
    from msvitd.summary.build import build, known, usable

    targets = list(dict.fromkeys(targets or []))
    # "question/comparison" is an id (the overview prints them); anything else with a slash is a path.
    paths = [t for t in targets if os.path.exists(t) or t.endswith((".yaml", ".yml"))
             or (os.sep in t and not re.fullmatch(r"[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*", t))]
    ids = [t for t in targets if t not in paths]
    try:
        lib = load_library_cached([*(evidence or default_paths()), *paths])
    except UsageError as exc:
        typer.echo(f"msvitd summarize: {exc}", err=True)
        raise typer.Exit(2)
    lib, left_out = usable(lib)
    if paths:
        ids += _ids_in(lib, paths, ids)
    ids = _articles_to_studies(lib, ids)
    if paths:
        if not ids and not any(_in(f, paths) for f in left_out.values()):
            typer.echo(f"msvitd summarize: no study or question in {', '.join(paths)}", err=True)
            raise typer.Exit(2)
    asked_bad = [i for i in dict.fromkeys([*ids, *(i for i, f in left_out.items() if paths and _in(f, paths))])
                 if i in left_out or i.partition("/")[0] in left_out]
    if asked_bad:
        _refuse(lib, left_out, asked_bad)
    unknown = [i for i in ids if not known(lib, i)]
    if unknown:
        import difflib

        choices = sorted([*lib.questions, *lib.studies])
        close = difflib.get_close_matches(unknown[0], choices, n=1, cutoff=0.5)
        close = close or [c for c in choices if unknown[0].replace("-", "") in c.replace("-", "")][:1]
        mean = f"did you mean {close[0]!r}? " if close else ""
        hint = " (some evidence files have errors: run `msvitd validate`)" if lib.errors else ""
        typer.echo(f"msvitd summarize: unknown id {unknown[0]!r}; {mean}known: {', '.join(choices) or 'none'}{hint}",
                   err=True)
        raise typer.Exit(2)
    if not lib.studies and not lib.questions:
        typer.echo("msvitd summarize: no valid evidence found" + (":" + _bad_files(lib) if lib.errors else ""), err=True)
        raise typer.Exit(2)
    if lib.errors:
        typer.echo(f"msvitd summarize: warning: {_bad_files(lib).strip()}", err=True)
    w = width or term_width()
    if not ids and not full and format.value in ("text", "markdown"):
        sys.stdout.write(_overview(lib, format, w, color))
        return
    from msvitd.output.term import want_color

    sys.stdout.write(render(NAME, format.value, build(lib, ids), color=want_color(color),
                            width=w if format.value == "text" else min(w, 100)))


def _overview(lib, format, w: int, color: Optional[bool]) -> str:
    from msvitd.output.summary_overview import render, render_markdown
    from msvitd.output.term import want_color
    from msvitd.summary.overview import overview

    if format.value == "text":
        return render(overview(lib), color=want_color(color), width=w)
    return render_markdown(overview(lib))


def _in(file: str, paths) -> bool:
    """Is ``file`` one of ``paths`` or inside one of the folders among them?"""
    import os

    f = os.path.normpath(file)
    for p in paths:
        w = os.path.normpath(str(p))
        if f == w or (os.path.isdir(w) and f.startswith(w.rstrip(os.sep) + os.sep)):
            return True
    return False


def _ids_in(lib, paths, ids) -> list[str]:
    """The questions and studies of the files named on the command line: summarise what they hold."""
    out = []
    for kind in (lib.questions, lib.studies, lib.articles):
        for ident, entry in kind.items():
            if _in(entry.file, paths) and ident not in ids and ident not in out:
                out.append(ident)
    return out


def _articles_to_studies(lib, ids: list[str]) -> list[str]:
    """An article id (or file) stands for the studies it is about: summarize tells what the evidence says;
    what the article says of it is `msvitd critique` and `msvitd report`. A note on stderr says so."""
    out: list[str] = []
    for ident in ids:
        entry = lib.articles.get(ident)
        if entry is None or ident in lib.studies or ident in lib.questions:
            out.append(ident)
            continue
        about = [s for s in entry.model.about if s not in out]
        typer.echo(f"msvitd summarize: {ident} is an article about {', '.join(entry.model.about)}; summarising "
                   f"{'that study' if len(entry.model.about) == 1 else 'those studies'} (the article itself: "
                   f"`msvitd report {ident}`)", err=True)
        out += about
    return list(dict.fromkeys(out))


def _bad_files(lib) -> str:
    files = sorted({d.file for d in lib.errors})
    n = len(lib.errors)
    if not files:
        return ""
    names = ", ".join(files)
    return (f" {n} error{'s' if n != 1 else ''} in {names}; {'that file is' if len(files) == 1 else 'those files are'} "
            f"left out (run `msvitd validate`)")


def _refuse(lib, left_out: dict, asked: list[str]) -> None:
    """A table asked for comes from a file with errors: say so, one line per error, exit 1."""
    files = sorted({left_out.get(i) or left_out[i.partition("/")[0]] for i in asked})
    typer.echo(f"msvitd summarize: {', '.join(asked)}: not summarised, {'its file has' if len(files) == 1 else 'their files have'} "
               f"errors (run `msvitd validate {' '.join(files)}`):", err=True)
    for d in lib.errors:
        if d.file in files:
            typer.echo(f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}", err=True)
    raise typer.Exit(1)
