"""`msvitd critique --format github`: one workflow annotation per finding."""

from __future__ import annotations

from typing import Sequence

from msvitd.critique.result import CritiqueResult
from msvitd.output.github import annotation


def render(results: Sequence[CritiqueResult]) -> str:
    return "".join(render_one(r) for r in results)


def render_one(result: CritiqueResult) -> str:
    out = []
    for f in result.findings:
        msg = f.message if f.quote is None else f"\"{f.quote}\": {f.message}"
        if f.source_fact:
            msg += "\nSource: " + f.source_fact
        out.append(annotation(f.severity.value, msg, f.file or result.article, f.line or 0, f.column or 0,
                              f.end_line or 0, f.end_column or 0, title=f"msvitd {f.code} ({f.name})"))
    return "".join(line if line.endswith("\n") else line + "\n" for line in out)
