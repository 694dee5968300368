"""`msvitd critique --format markdown`: a pull-request comment."""

from __future__ import annotations

from msvitd.critique.report import CATEGORIES, CritiqueResult

_ICON = {"error": "🔴 error", "warning": "🟠 warning", "info": "🔵 info"}
_STATUS = {"pass": "✅ pass", "fail": "❌ fail", "not_applicable": "➖ n/a"}


def _cell(s: str | None) -> str:
    return (s or "").replace("|", "\\|").replace("\n", "<br>")


def render(result: CritiqueResult, **_) -> str:
    lines = [f"## msvitd critique: `{result.article}`", "",
             f"Checked against **{result.source_name}** (`{result.source_id}`)"
             + (f", detected from {result.source_detected}" if result.source_detected else "") + ".", ""]
    sev = result.severity_counts()
    lines.append(f"**{len(result.findings)} findings**: {sev['error']} error, {sev['warning']} warning, {sev['info']} info.")
    lines.append("")
    if result.findings:
        lines += ["| Where | Rule | Severity | Quote | Finding | Source says |", "|---|---|---|---|---|---|"]
        for f in result.findings:
            where = f"{f.line}:{f.column}" if f.line else "article"
            quote = f"“{_cell(f.quote)}”" if f.quote else ""
            lines.append(f"| {where} | `{f.rule}` {f.name} | {_ICON.get(f.severity, f.severity)} | {quote} | "
                         f"{_cell(f.message)} | {_cell(f.source_fact)} |")
        lines.append("")
        counts = result.counts()
        lines.append("By category: " + ", ".join(f"{c} {counts[c]}" for c in CATEGORIES if c in counts) + ".")
        lines.append("")
    lines += ["### Checklist", "", "| Criterion | Status | Note |", "|---|---|---|"]
    for c in result.checklist:
        lines.append(f"| {c.label} | {_STATUS.get(c.status, c.status)} | {_cell(c.note)} |")
    return "\n".join(lines) + "\n"
