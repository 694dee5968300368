"""Modules stay small enough to hold in one's head (issue 18): no function over 80 lines and no module
over 400 lines, unless the module says why at its top with a ``# long: <reason>`` comment in its first
lines (the reason is then part of the code, where a reviewer reads it)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "msvitd"
MAX_FUNCTION = 80
MAX_MODULE = 400


def _reason(src: str) -> str | None:
    for line in src.splitlines()[:20]:
        if line.startswith("# long:") and line[7:].strip():
            return line[7:].strip()
    return None


def _offences() -> list[str]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        src = path.read_text(encoding="utf-8")
        if _reason(src):
            continue
        rel = path.relative_to(PACKAGE.parent)
        lines = src.count("\n")
        if lines > MAX_MODULE:
            out.append(f"{rel}: {lines} lines (limit {MAX_MODULE})")
        for node in ast.walk(ast.parse(src)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > MAX_FUNCTION:
                    out.append(f"{rel}:{node.lineno}: {node.name} is {n} lines (limit {MAX_FUNCTION})")
    return out


def test_no_long_function_or_module_without_a_reason():
    assert _offences() == []


def test_a_reason_at_the_top_is_read():
    assert _reason('"""Doc."""\n# long: one table of every code\nX = 1\n') == "one table of every code"
    assert _reason("# long:\n") is None  # a reason must say something
