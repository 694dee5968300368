"""Formatters for diagnostics: one table from format name to function (text, json, github, markdown)."""

from __future__ import annotations

import json
from typing import Callable, Sequence

from msvitd.diagnostics import Diagnostic

FORMATS = ("text", "json", "github", "markdown")


def _counts(diags: Sequence[Diagnostic]) -> dict:
    out = {"error": 0, "warning": 0, "info": 0}
    for d in diags:
        out[d.severity.value] += 1
    return out


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def line(d: Diagnostic) -> str:
    """The concise one-line form: ``file:line:col: CODE [severity] path: message``."""
    where = f"{d.path}: " if d.path else ""
    return f"{d.location()}: {d.code} [{d.severity.value}] {where}{d.message}"


def render_text(diags: Sequence[Diagnostic], files: int, color: bool = False) -> str:
    from rich.text import Text

    from msvitd.output.term import console, export

    con = console(color)
    style = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    for d in diags:
        t = Text()
        t.append(d.location(), style="bold")
        t.append(": ")
        t.append(d.code, style=style[d.severity.value])
        t.append(f" [{d.severity.value}] ")
        if d.path:
            t.append(f"{d.path}: ", style="dim")
        t.append(d.message)
        con.print(t, soft_wrap=True)
    c = _counts(diags)
    if c["error"] or c["warning"]:
        summary = f"Found {_plural(c['error'], 'error')} and {_plural(c['warning'], 'warning')} in {_plural(files, 'file')}."
        con.print(Text(summary, style="bold red" if c["error"] else "yellow"))
    else:
        con.print(Text(f"All {_plural(files, 'file')} valid.", style="green"))
    return export(con, color)


def render_json(diags: Sequence[Diagnostic], files: int, color: bool = False) -> str:
    c = _counts(diags)
    return json.dumps({"version": 1, "files": files, "valid": c["error"] == 0,
                       "summary": {"errors": c["error"], "warnings": c["warning"], "infos": c["info"]},
                       "diagnostics": [d.as_dict() for d in diags]}, ensure_ascii=False, indent=2) + "\n"


def render_github(diags: Sequence[Diagnostic], files: int, color: bool = False) -> str:
    from msvitd.output.github import annotation

    lines = [annotation(d.severity.value, f"{d.path}: {d.message}" if d.path else d.message, d.file, d.line,
                        d.column, d.end_line, d.end_column, title=f"msvitd {d.code}") for d in diags]
    return "".join(ln + "\n" for ln in lines)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(diags: Sequence[Diagnostic], files: int, color: bool = False) -> str:
    c = _counts(diags)
    if not diags:
        return f"**msvitd validate**: all {_plural(files, 'file')} valid.\n"
    out = [f"**msvitd validate**: {_plural(c['error'], 'error')}, {_plural(c['warning'], 'warning')} "
           f"in {_plural(files, 'file')}.", "", "| Location | Code | Severity | Path | Message |",
           "|---|---|---|---|---|"]
    for d in diags:
        out.append(f"| `{_md_cell(d.location())}` | {d.code} | {d.severity.value} | `{_md_cell(d.path)}` | "
                   f"{_md_cell(d.message)} |")
    return "\n".join(out) + "\n"


RENDERERS: dict[str, Callable[..., str]] = {
    "text": render_text, "json": render_json, "github": render_github, "markdown": render_markdown,
}

