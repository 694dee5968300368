"""`msvitd critique --format github`: one workflow annotation per finding."""

from __future__ import annotations

from msvitd.critique.report import CritiqueResult
from msvitd.output.github import annotation


def render(result: CritiqueResult, **_) -> str:
    out = []
    for f in result.findings:
        msg = f.message if f.quote is None else f"\"{f.quote}\": {f.message}"
        if f.source_fact:
            msg += "\nSource: " + f.source_fact
        out.append(annotation(f.severity, msg, result.article, f.line or 0, f.column or 0,
                              f.end_line or 0, f.end_column or 0, title=f"msvitd {f.rule} ({f.name})"))
    return "".join(line if line.endswith("\n") else line + "\n" for line in out)
