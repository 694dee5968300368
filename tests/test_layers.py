"""The import graph keeps the direction docs/architecture.md draws: no cycle, and each layer
imports only its own layer and those below it.

Every import counts, the ones inside functions too (they are where cycles hid). A new top-level
package must be placed in LAYERS: the test names it when it is not.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "msvitd"

# Top to bottom; a module may import from its own layer and any layer below.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("command line", ("msvitd.cli", "msvitd.__main__", "msvitd.commands")),
    ("use cases", ("msvitd.app",)),
    ("renderers", ("msvitd.output", "msvitd.report")),
    ("engines", ("msvitd.critique", "msvitd.rules", "msvitd.diffing", "msvitd.summary")),
    ("text and facts", ("msvitd.text", "msvitd.facts")),
    ("evidence and input", ("msvitd.library", "msvitd.checks", "msvitd.cite_checks", "msvitd.validation",
                            "msvitd.yamlio", "msvitd.models", "msvitd.codes", "msvitd.schema", "msvitd.config",
                            "msvitd.writing", "msvitd.text.source")),
    # GRADE's rules over numbers: the summary applies them, and validate warns where a file's own
    # judgement contradicts them
    ("grading", ("msvitd.grading",)),
    ("arithmetic", ("msvitd.stats",)),  # pure functions of numbers; the checks recompute P from CI
    ("records", ("msvitd.diagnostics", "msvitd.errors", "msvitd.suggest", "msvitd.datapath", "msvitd")),
]

# Cycles allowed while work in progress removes them; each names its edge. None now.
KNOWN_CYCLES: list[set[str]] = []


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, name: str) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("msvitd"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            if base.startswith("msvitd"):
                out.add(base)
                out.update(f"{base}.{a.name}" for a in node.names)  # `from msvitd.x import module`
    return out


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        graph[name] = {m for m in _imports(path, name) if m in modules and m != name}
    return graph


def _layer(module: str) -> int | None:
    best, rank = -1, None
    for i, (_, prefixes) in enumerate(LAYERS):
        for p in prefixes:
            if (module == p or (p != "msvitd" and module.startswith(p + "."))) and len(p) > best:
                best, rank = len(p), i
    return rank


def _package(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    import sys

    sys.setrecursionlimit(10_000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_every_module_has_a_layer():
    unplaced = sorted(m for m in _graph() if _layer(m) is None)
    assert not unplaced, f"place these in LAYERS of tests/test_layers.py: {unplaced}"


def test_imports_point_down():
    graph = _graph()
    upward = []
    for module, targets in graph.items():
        for t in targets:
            if _layer(t) is not None and _layer(module) is not None and _layer(t) < _layer(module):
                upward.append(f"{module} ({LAYERS[_layer(module)][0]}) imports {t} ({LAYERS[_layer(t)][0]})")
    assert not upward, "imports against the layer order:\n" + "\n".join(sorted(upward))


def _package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The graph between top-level packages (msvitd.critique, msvitd.diffing, ...)."""
    out: dict[str, set[str]] = {}
    for module, targets in graph.items():
        out.setdefault(_package(module), set()).update(_package(t) for t in targets if _package(t) != _package(module))
    for targets in list(out.values()):
        for t in targets:
            out.setdefault(t, set())
    return out


@pytest.mark.parametrize("level", ["module", "package"])
def test_no_import_cycle(level):
    graph = _graph() if level == "module" else _package_graph(_graph())
    bad = []
    for comp in _cycles(graph):
        packages = {_package(m) for m in comp}
        if any(packages <= known for known in KNOWN_CYCLES) or any(
                known <= packages and packages <= set().union(*KNOWN_CYCLES) for known in KNOWN_CYCLES):
            continue
        bad.append(" -> ".join(comp))
    assert not bad, "import cycles:\n" + "\n".join(bad)


@pytest.mark.parametrize("pair", [("msvitd.report.page", "msvitd.report.templating")])
def test_the_report_cycle_stays_broken(pair):
    """report/page -> forest -> templating -> page was a cycle (safe_url now lives in templating)."""
    graph = _graph()
    assert pair[0] not in graph[pair[1]]
