"""One direction of imports for the judgement code (issue 18.3): facts <- critique/diff, never back.

Function-level imports count too: a lazy import that closes a cycle is still a cycle.
"""

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "msvitd"

# package -> packages it must never import (directly, at any level of a module)
FORBIDDEN = {
    "facts": ("msvitd.critique", "msvitd.diffing", "msvitd.rules", "msvitd.output", "msvitd.report", "msvitd.commands"),
    "critique": ("msvitd.diffing",),
    "rules": ("msvitd.critique.engine", "msvitd.critique.run", "msvitd.diffing", "msvitd.output"),
}


def _imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.lineno, node.module
        elif isinstance(node, ast.Import):
            for a in node.names:
                yield node.lineno, a.name


def test_no_judgement_module_imports_against_the_layers():
    bad = []
    for pkg, forbidden in FORBIDDEN.items():
        for path in sorted((PKG / pkg).glob("*.py")):
            if pkg == "critique" and path.name in ("run.py", "report.py", "facts.py"):
                continue  # run.py is the command's orchestration (the app layer's); facts.py re-exports msvitd.facts
            for line, mod in _imports(path):
                if mod.startswith(forbidden):
                    bad.append(f"msvitd/{pkg}/{path.name}:{line}: imports {mod}")
    assert bad == []


def test_diff_reads_numbers_with_the_one_matcher():
    from msvitd.diffing import numbers as old
    from msvitd.facts import matcher

    assert old.diff_numbers is matcher.diff_numbers
