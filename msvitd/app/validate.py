"""`msvitd validate` as a use case: load the library, render its diagnostics, choose the exit code.

Files named alone (a pre-commit hook, an editor, `msvitd validate one-article.yaml`) refer to studies
in other files. Their references are resolved against the library they belong to (the nearest
folder above them named `evidence` or holding a `studies/` folder), or, when they belong to none and
a reference is left unresolved, against the default library (./evidence, else the bundled copy), as
check-jsonschema resolves a schema's `$ref`s. Only the problems of the files given are reported; one
line on stderr names the library used.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from msvitd.diagnostics import exceeds, sorted_diagnostics
from msvitd.errors import InputError


def run(paths, *, fmt: str = "text", strict: bool = False, color=None, jobs: int = 1, out=None) -> int:
    from msvitd.library import default_paths
    from msvitd.output.formats import render
    from msvitd.output.term import want_color

    chosen = list(paths) or default_paths()
    if not paths and chosen != [Path("evidence")]:
        # no ./evidence here: say which files are checked instead of "All 8 files valid." alone
        print(f"msvitd validate: no ./evidence folder here; checking the evidence bundled with msvitd "
              f"({chosen[0]})", file=sys.stderr)
    diags, files = _check(chosen, jobs=jobs or os.cpu_count() or 1)
    if not files:  # before rendering: "All 0 files valid." then exit 2 contradicted itself
        raise InputError("no evidence files found (*.yaml, *.yml)")
    diags = sorted_diagnostics(diags)
    (out or sys.stdout).write(render("validate", fmt, diags, files=files, color=want_color(color)))
    return 1 if exceeds(diags, "warning" if strict else "error") else 0


def _check(paths: list, jobs: int) -> tuple[list, int]:
    """The diagnostics of the files given, their references resolved against their library."""
    from msvitd.library import default_paths, discover, load_library

    given = discover(paths)
    roots = sorted({_shown(root) for root in map(library_root, paths) if root is not None})
    before = _others(discover(roots), given) if roots else []
    lib = load_library(before + given, keep_models=False, jobs=jobs)
    after: list = []
    homeless = [p for p in paths if not Path(p).is_dir() and library_root(p) is None]
    if homeless and any(d.code == "S206" and d.message.startswith("no study with id") for d in lib.diagnostics):
        # Files outside any library with a dangling reference: try the default library, after the
        # files given, so that a given file wins over a library file with its id (no S205).
        fallback = _shown(default_paths()[0])
        after = _others(discover([fallback]), given + before)
        if after:
            roots.append(fallback)
            lib = load_library(before + given + after, keep_models=False, jobs=jobs)
    if before or after:
        more = len(before) + len(after)
        print(f"msvitd validate: references resolved against {', '.join(roots)} "
              f"({more} more file{'s' if more != 1 else ''}, their problems not reported)", file=sys.stderr)
    mine = {str(p) for p in given}
    return [d for d in lib.diagnostics if d.file in mine], len(given)


def library_root(path) -> Path | None:
    """The evidence library ``path`` lies in: the nearest folder at or above it named `evidence` or
    holding a `studies/` folder, not above the repository's root (a `.git`)."""
    here = Path(os.path.abspath(path))
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        if folder.name == "evidence" or (folder / "studies").is_dir():
            return folder
        if (folder / ".git").exists():
            return None
    return None


def _others(files: list, known: list) -> list:
    """``files`` but those that are one of ``known`` (compared as real paths)."""
    seen = {os.path.realpath(p) for p in known}
    return [p for p in files if os.path.realpath(p) not in seen]


def _shown(folder) -> str:
    """A folder as the user would type it: relative to the current folder when below it."""
    rel = os.path.relpath(folder)
    return rel if not rel.startswith("..") else str(folder)


def study_in_library(study_id: str, near) -> str | None:
    """The library folder ``near`` (a new file's path) belongs to, when none of its study files has the
    id ``study_id`` (read from each file's top-level lines: no parsing, for `msvitd new`); else None."""
    import re

    from msvitd.library import default_paths, discover

    root = library_root(near) or default_paths()[0]
    if not Path(root).is_dir():
        return None
    wanted = re.compile(rf"^id:[ \t]*[\"']?{re.escape(study_id)}[\"']?[ \t]*(?:#.*)?$", re.M)
    kind = re.compile(r"^kind:[ \t]*[\"']?study[\"']?[ \t]*(?:#.*)?$", re.M)
    for path in discover([root]):
        try:
            text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
        except OSError:
            continue
        if kind.search(text) and wanted.search(text):
            return None
    return _shown(root)
