"""`msvitd diff --format markdown`: tables a reviewer can paste into an issue or a pull request."""

from __future__ import annotations

from msvitd.output.diagnostics import plural
from msvitd.output.diff_text import summary_line


def _cell(text) -> str:
    return ("" if text is None else str(text)).replace("|", "\\|").replace("\n", " ").strip()


def render(report) -> str:
    out = [f"# msvitd diff: {report.article_title} vs {report.study_name}", ""]
    out.append(f"Claims from: {report.claims_from}.")
    if getattr(report, "language_note", None):
        out.append(f"> Note: {report.language_note}")
    for n in report.notes:
        out.append(f"> Note: {n}")
    out += ["", "## PICO", "", "| Element | Source | Article | Verdict |", "|---|---|---|---|"]
    for r in report.pico:
        art = r.article + (f" — “{r.quote}”" if r.quote else "")
        verdict = f"**{r.verdict}**" if r.verdict in ("unsupported", "different") else r.verdict
        note = f" {_cell('(' + r.note + ')')}" if r.note else ""
        out.append(f"| {_cell(r.element)} | {_cell(r.source)} | {_cell(art)} | {verdict}{note} |")
    out += ["", "## Numbers", "", "| Article | Source | Verdict |", "|---|---|---|"]
    for n in report.numbers:
        sf = n.source_fact
        src = "" if sf is None else (f"{sf.value} — {sf.label} ({sf.cite}; {sf.location})"
                                     + (f"; {sf.formula}" if sf.formula else ""))
        verdict = f"**{n.verdict}**" if n.verdict == "mismatch" else n.verdict
        note = f" {_cell('(' + n.note + ')')}" if n.note else ""
        out.append(f"| {_cell(n.quote)} | {_cell(src)} | {verdict}{note} |")
    if report.unchecked:
        out.append(f"\n{plural(report.unchecked, 'number')} without a unit (dates, page furniture) "
                   f"{'was' if report.unchecked == 1 else 'were'} not judged.")
    problems = [c for c in report.consistency if not c.ok]
    out += ["", "## Source consistency", ""]
    out.append(f"{len(report.consistency) - len(problems)} of {len(report.consistency)} checks agree.")
    for c in problems:
        where = "; ".join(f"{x.label} {x.value} ({x.cite}; {x.location})" for x in c.numbers)
        out.append(f"- **{c.check}**, {c.subject}: {c.message}. Numbers: {where}")
    out += ["", summary_line(report), ""]
    return "\n".join(out)
