"""Formatters for diagnostics, whatever stage emitted them (validate, critique, diff): the concise
line, json, jsonl, github annotations and a markdown table. msvitd/output/formats.py names them."""

from __future__ import annotations

import json
from typing import Iterable, Sequence

from msvitd.diagnostics import JSON_VERSION, Diagnostic, counts

def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"



def severity_summary(diags: Iterable[Diagnostic], every: bool = False) -> str:
    """"2 errors, 1 warning, 3 infos" (only the severities present, unless ``every``)."""
    c = counts(diags)
    return ", ".join(plural(n, s) for s, n in c.items() if n or every)


def _diagnostics(result) -> list[Diagnostic]:
    """A list of diagnostics, or a command's result that carries them (a diff report)."""
    return list(getattr(result, "diagnostics", result))


def concise_line(d: Diagnostic) -> str:
    """The concise one-line form: ``file:line:col: CODE [severity] path: message``."""
    where = f"{d.path}: " if d.path else ""
    return f"{d.location()}: {d.code} [{d.severity.value}] {where}{d.message}"



def render_concise(result, color: bool = False) -> str:
    diags = _diagnostics(result)
    out = [concise_line(d) for d in diags]
    out.append(f"{plural(len(diags), 'problem')}" + (f": {severity_summary(diags)}" if diags else "") + ".")
    return "\n".join(out) + "\n"


def render_jsonl(result, files: int = 0, color: bool = False) -> str:
    return "".join(json.dumps(d.as_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"
                   for d in _diagnostics(result))


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
    c = counts(diags)
    if c["error"] or c["warning"]:
        summary = f"Found {plural(c['error'], 'error')} and {plural(c['warning'], 'warning')} in {plural(files, 'file')}."
        con.print(Text(summary, style="bold red" if c["error"] else "yellow"))
    else:
        con.print(Text(f"All {plural(files, 'file')} valid.", style="green"))
    stopped = skipped_files(diags)
    if stopped:
        con.print(Text(skipped_note(stopped), style="dim"), soft_wrap=True)
    return export(con, color)


# Errors after which a file has no data or no model, so its numbers and references (S2xx) are not
# checked: the schema's (S1xx) and the YAML errors that leave no data (a duplicate key, an anchor, an
# ambiguous scalar keep the data, and the checks run; an empty, unreadable or non-mapping file has
# nothing to check).
_STOPPING = ("S1", "Y001", "Y004", "Y005", "Y006", "Y007", "Y010")


def skipped_files(diags: Sequence[Diagnostic]) -> list[str]:
    """The files whose number and reference checks did not run: an error stopped them, and no S2xx
    shows that they ran. Without this the S2xx errors came as a surprise once the first were fixed."""
    stopped = {d.file for d in diags if d.severity.value == "error" and d.code.startswith(_STOPPING)}
    ran = {d.file for d in diags if d.code.startswith("S2")}
    return sorted(stopped - ran)


def skipped_note(files: list[str]) -> str:
    which = files[0] if len(files) == 1 else plural(len(files), "file")
    return (f"Numbers and references were not checked in {which}: fix the YAML and schema errors above, "
            f"then run again.")


def render_json(diags: Sequence[Diagnostic], files: int, color: bool = False) -> str:
    c = counts(diags)
    return json.dumps({"version": JSON_VERSION, "files": files, "valid": c["error"] == 0,
                       "summary": {"errors": c["error"], "warnings": c["warning"], "infos": c["info"]},
                       "diagnostics": [d.as_dict() for d in diags]}, ensure_ascii=False, indent=2) + "\n"


def render_github(result, files: int = 0, color: bool = False) -> str:
    from msvitd.output.github import annotation

    diags = _diagnostics(result)
    lines = [annotation(d.severity.value, f"{d.path}: {d.message}" if d.path else d.message, d.file, d.line or 0,
                        d.column or 0, d.end_line or 0, d.end_column or 0,
                        title=f"msvitd {d.code} ({d.name})" if d.name else f"msvitd {d.code}") for d in diags]
    return "".join(ln + "\n" for ln in lines)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(diags: Sequence[Diagnostic], files: int, color: bool = False) -> str:
    c = counts(diags)
    if not diags:
        return f"**msvitd validate**: all {plural(files, 'file')} valid.\n"
    out = [f"**msvitd validate**: {plural(c['error'], 'error')}, {plural(c['warning'], 'warning')} "
           f"in {plural(files, 'file')}.", "", "| Location | Code | Severity | Path | Message |",
           "|---|---|---|---|---|"]
    for d in diags:
        out.append(f"| `{_md_cell(d.location())}` | {d.code} | {d.severity.value} | `{_md_cell(d.path)}` | "
                   f"{_md_cell(d.message)} |")
    stopped = skipped_files(diags)
    if stopped:
        out += ["", skipped_note(stopped)]
    return "\n".join(out) + "\n"
