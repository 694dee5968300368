"""`msvitd validate` as a use case: load the library, render its diagnostics, choose the exit code."""

from __future__ import annotations

import os
import sys

from msvitd.diagnostics import exceeds, sorted_diagnostics
from msvitd.errors import InputError


def run(paths, *, fmt: str = "text", strict: bool = False, color=None, jobs: int = 1, out=None) -> int:
    from msvitd.library import default_paths, load_library
    from msvitd.output.formats import render
    from msvitd.output.term import want_color

    lib = load_library(list(paths) or default_paths(), keep_models=False, jobs=jobs or os.cpu_count() or 1)
    if not lib.files:  # before rendering: "All 0 files valid." then exit 2 contradicted itself
        raise InputError("no evidence files found (*.yaml, *.yml)")
    diags = sorted_diagnostics(lib.diagnostics)
    (out or sys.stdout).write(render("validate", fmt, diags, files=lib.files, color=want_color(color)))
    return 1 if exceeds(diags, "warning" if strict else "error") else 0
