"""`msvitd rules`: list every code msvitd prints (critique rules C, evidence problems Y and S, diff
verdicts D), or explain one."""

from __future__ import annotations

from enum import Enum
from typing import Optional

import typer

NAME = "rules"


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


def command(
    code: Optional[str] = typer.Argument(None, metavar="CODE", help="A code (C201, S206, Y002, D201) or a rule name to explain."),
    format: Format = typer.Option(Format.text, "--format", "-f", metavar="FORMAT",
                                  help="text (a table, or the explanation), json or markdown."),
) -> None:
    """List every code msvitd prints (code, name, category, default severity), or explain one.
    A critique rule (C) says what it flags, why it matters (with the literature), an example and a
    better wording; an evidence problem (Y, S) or a diff verdict (D) says what it means.

    Exit 0 on success, 2 for an unknown code.
    """
    import inspect
    import json
    import sys

    from msvitd.codes import CODES
    from msvitd.errors import UnknownId
    from msvitd.rules import all_rules, find_rule, summary

    def info(r) -> dict:
        return {"code": r.CODE, "name": r.NAME, "category": r.CATEGORY, "severity": r.SEVERITY,
                "summary": summary(r), "explanation": inspect.cleandoc(r.__doc__ or "")}

    def catalogued(c: str) -> dict:
        entry = CODES[c]
        stage = "diff" if c.startswith("D") else "validate"
        return {"code": c, "name": entry.name, "category": stage, "severity": entry.severity.value,
                "summary": entry.summary, "explanation": f"{entry.summary}\n\nReported by `msvitd {stage}`."}

    if code:
        rule = find_rule(code)
        if rule is None and code.upper() not in CODES:
            raise UnknownId(f"unknown code {code!r} (run `msvitd rules` for the list)")
        d = info(rule) if rule is not None else catalogued(code.upper())
        if format == Format.json:
            sys.stdout.write(json.dumps(d, indent=2, ensure_ascii=False) + "\n")
        elif format == Format.markdown:
            sys.stdout.write(f"## {d['code']} {d['name']}\n\n*category* `{d['category']}`, *default severity* "
                             f"{d['severity']}\n\n```text\n{d['explanation']}\n```\n")
        else:
            sys.stdout.write(f"{d['code']} {d['name']}  (category {d['category']}, default severity {d['severity']})\n\n"
                             f"{d['explanation']}\n")
        return
    rows = [info(r) for r in sorted(all_rules(), key=lambda r: r.CODE)] + [catalogued(c) for c in CODES]
    if format == Format.json:
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    elif format == Format.markdown:
        lines = ["| Code | Name | Category | Severity | Summary |", "|---|---|---|---|---|"]
        lines += [f"| {r['code']} | {r['name']} | {r['category']} | {r['severity']} | {r['summary']} |" for r in rows]
        sys.stdout.write("\n".join(lines) + "\n")
    else:
        import shutil

        # on a terminal the summaries wrap under their column; piped, one line per code (for grep)
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        sys.stdout.write(table_text(rows, width))


def table_text(rows: list, width: int | None = None) -> str:
    """`msvitd rules` as text: code, name, category, severity, summary; with ``width``, each summary wrapped
    under its own column (it made 160-column lines that the terminal folded anywhere)."""
    import textwrap

    w = max(len(r["name"]) for r in rows)
    c = max(len(r["category"]) for r in rows)
    indent = len(rows[0]["code"]) + 2 + w + 2 + c + 2 + 7 + 2
    out = []
    for r in rows:
        head = f"{r['code']}  {r['name']:<{w}}  {r['category']:<{c}}  {r['severity']:<7}  "
        if width is None:
            out.append(head + r["summary"])
            continue
        if width - indent < 30:  # a narrow terminal: the summary under the code, indented
            out.append(head.rstrip())
            indent_here, first = 6, []
        else:
            indent_here, first = indent, None
        lines = textwrap.wrap(r["summary"], width - indent_here) or [""]
        if first is None:
            out.append(head + lines[0])
            lines = lines[1:]
        out.extend(" " * indent_here + line for line in lines)
    return "\n".join(out) + "\n"
