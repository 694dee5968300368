"""`msvitd rules`: list the critique rules, or explain one."""

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
    code: Optional[str] = typer.Argument(None, help="A rule code (C201) or name to explain."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
) -> None:
    """List the critique rules (code, name, category, default severity), or explain one:
    what it flags, why it matters (with the literature), an example and a better wording.

    Exit 0 on success, 2 for an unknown rule.
    """
    import inspect
    import json
    import sys

    from msvitd.rules import all_rules, find_rule, summary

    def info(r) -> dict:
        return {"code": r.CODE, "name": r.NAME, "category": r.CATEGORY, "severity": r.SEVERITY,
                "summary": summary(r), "explanation": inspect.cleandoc(r.__doc__ or "")}

    if code:
        rule = find_rule(code)
        if rule is None:
            typer.echo(f"msvitd rules: unknown rule {code!r} (run `msvitd rules` for the list)", err=True)
            raise typer.Exit(2)
        d = info(rule)
        if format == Format.json:
            sys.stdout.write(json.dumps(d, indent=2, ensure_ascii=False) + "\n")
        elif format == Format.markdown:
            sys.stdout.write(f"## {d['code']} {d['name']}\n\n*category* `{d['category']}`, *default severity* "
                             f"{d['severity']}\n\n```text\n{d['explanation']}\n```\n")
        else:
            sys.stdout.write(f"{d['code']} {d['name']}  (category {d['category']}, default severity {d['severity']})\n\n"
                             f"{d['explanation']}\n")
        return
    rows = [info(r) for r in sorted(all_rules(), key=lambda r: r.CODE)]
    if format == Format.json:
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    elif format == Format.markdown:
        lines = ["| Code | Name | Category | Severity | Summary |", "|---|---|---|---|---|"]
        lines += [f"| {r['code']} | {r['name']} | {r['category']} | {r['severity']} | {r['summary']} |" for r in rows]
        sys.stdout.write("\n".join(lines) + "\n")
    else:
        w = max(len(r["name"]) for r in rows)
        c = max(len(r["category"]) for r in rows)
        for r in rows:
            sys.stdout.write(f"{r['code']}  {r['name']:<{w}}  {r['category']:<{c}}  {r['severity']:<7}  {r['summary']}\n")
