"""`msvitd validate` as a use case: load the library, render its diagnostics, choose the exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from msvitd.diagnostics import exceeds, sorted_diagnostics
from msvitd.errors import InputError


def run(paths, *, fmt: str = "text", strict: bool = False, color=None, jobs: int = 1, out=None) -> int:
    from msvitd.library import default_paths, load_library
    from msvitd.output.formats import render
    from msvitd.output.term import want_color

    chosen = list(paths) or default_paths()
    if not paths and chosen != [Path("evidence")]:
        # no ./evidence here: say which files are checked instead of "All 8 files valid." alone
        print(f"msvitd validate: no ./evidence folder here; checking the evidence bundled with msvitd "
              f"({chosen[0]})", file=sys.stderr)
    lib = load_library(chosen, keep_models=False, jobs=jobs or os.cpu_count() or 1)
    if not lib.files:  # before rendering: "All 0 files valid." then exit 2 contradicted itself
        raise InputError("no evidence files found (*.yaml, *.yml)")
    diags = sorted_diagnostics(lib.diagnostics)
    (out or sys.stdout).write(render("validate", fmt, diags, files=lib.files, color=want_color(color)))
    return 1 if exceeds(diags, "warning" if strict else "error") else 0
