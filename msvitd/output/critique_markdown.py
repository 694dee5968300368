"""`msvitd critique --format markdown`: a pull-request comment."""

from __future__ import annotations

from typing import Sequence

from msvitd.critique.result import CATEGORIES, CritiqueResult
from msvitd.output.diagnostics import severity_summary

_ICON = {"error": "🔴 error", "warning": "🟠 warning", "info": "🔵 info"}
_STATUS = {"pass": "✅ pass", "fail": "❌ fail", "not_applicable": "➖ n/a"}


def _cell(s: str | None) -> str:
    return (s or "").replace("|", "\\|").replace("\n", "<br>")


def render_many(results: Sequence[CritiqueResult]) -> str:
    return "\n".join(render(r) for r in results)


def render(result: CritiqueResult) -> str:
    lines = [f"## msvitd critique: `{result.article}`", "",
             f"Checked against **{result.source_name}** (`{result.source_id}`)"
             + (f"; chosen with {result.source_detected}" if result.source_detected else "") + ".", ""]
    n = len(result.findings)
    lines.append(f"**{n} finding{'' if n == 1 else 's'}**: {severity_summary(result.findings, every=True)}.")
    lines.append("")
    if result.findings:
        lines += ["| Where | Rule | Severity | Quote | Finding | Source says |", "|---|---|---|---|---|---|"]
        for f in result.findings:
            where = f"{f.line}:{f.column}" if f.line else "article"
            quote = f"“{_cell(f.quote)}”" if f.quote else ""
            lines.append(f"| {where} | `{f.code}` {f.name} | {_ICON[f.severity.value]} | {quote} | "
                         f"{_cell(f.message)} | {_cell(f.source_fact)} |")
        lines.append("")
        counts = result.counts()
        lines.append("By category: " + ", ".join(f"{c} {counts[c]}" for c in CATEGORIES if c in counts) + ".")
        lines.append("")
    lines += ["### Checklist", "", "| Criterion | Status | Note |", "|---|---|---|"]
    for c in result.checklist:
        lines.append(f"| {c.label} | {_STATUS.get(c.status, c.status)} | {_cell(c.note)} |")
    return "\n".join(lines) + "\n"
