"""The Summary of Findings as GitHub-flavoured Markdown: one table per comparison, footnotes below."""

from __future__ import annotations

from msvitd.output import summary_format as F
from msvitd.output.forest import render_forest
from msvitd.summary.report import Row, Summary, Table

HEADER = ("Outcome", "№ of participants (studies)", "Relative effect (95% CI)", "Risk with comparator",
          "Difference with intervention (95% CI)", "Certainty", "What happens")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def _row(r: Row) -> str:
    name, *rest = F.outcome(r)
    if r.level == "study":
        outcome = f"↳ {name}" + "".join(f"<br>{x}" for x in rest)
    else:
        outcome = f"**{name}**" + "".join(f"<br>{x}" for x in rest)
    diff = F.difference(r)
    nnt = F.nnt(r.nnt)
    if nnt:
        diff += "<br>" + nnt
    # One <sup> per cell, "1,2,3" (as the report's markdown), not "¹²³" run together.
    refs = f"<sup>{F.refs(r)}</sup>" if r.footnotes else ""
    who = " (this study)" if r.level == "study" else ""
    symbols, label, _ = F.certainty_parts(r)
    cert = "<br>".join(x for x in (symbols, f"{label}{who}" if label else "") if x) + refs
    what = r.statement
    if F.source_words(r):
        what += f"<br>Source: {F.source_words(r)}"
    cells = (outcome, F.participants(r), F.relative(r), F.comparator_risk(r), diff, cert, what)
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _table(t: Table, width: int) -> list[str]:
    out = [f"## {t.title}", "", f"**Population:** {t.population}  "]
    if t.setting:
        out.append(f"**Setting:** {t.setting}  ")
    out += [f"**Intervention:** {t.intervention}  ", f"**Comparison:** {t.comparator}", ""]
    out.append("| " + " | ".join(HEADER) + " |")
    out.append("|" + "---|" * len(HEADER))
    for r in t.rows:
        out.append(_row(r))
        for m in r.members:
            out.append(_row(m))
    out.append("")
    if t.context:
        out += ["**What each trial in this comparison found** (the question file's context lines):", ""]
        out += [f"- {_cell(F.context(line))}" for line in t.context]
        out.append("")
    for i, note in enumerate(t.footnotes, 1):
        out.append(f"{i}. {_cell(note)}")
    if t.footnotes:
        out.append("")
    if t.study_footnotes:
        out += ["Footnotes to the rows of single studies (↳):", ""]
        out += [f"- S{i}. {_cell(note)}" for i, note in enumerate(t.study_footnotes, 1)]
        out.append("")
    for note in t.notes:
        out.append(f"_{_cell(note)}_")
        out.append("")
    out.append("Certainty: ⊕⊕⊕⊕ High, ⊕⊕⊕◯ Moderate, ⊕⊕◯◯ Low, ⊕◯◯◯ Very low (GRADE).")
    for r in t.rows:
        if r.forest is not None:
            out += ["", f"### Forest plot: {r.name}", "", "```", render_forest(r.forest, width).rstrip("\n"), "```"]
    for forest in t.plots:
        out += ["", f"### Forest plot, not pooled: {forest.outcome} ({forest.measure})", "", "```",
                render_forest(forest, width).rstrip("\n"), "```"]
    return out


def render(summary: Summary, width: int = 100) -> str:
    parts: list[str] = ["# Summary of findings", ""]
    for t in summary.tables:
        parts += _table(t, width) + [""]
    return "\n".join(parts).rstrip("\n") + "\n"
