"""The Summary of Findings in the terminal: a rich table per comparison, footnotes, forest plots."""

from __future__ import annotations

from msvitd.output import summary_format as F
from msvitd.output.forest import render_forest
from msvitd.output.term import console, export
from msvitd.summary.report import Row, Summary, Table

CERTAINTY_STYLE = {"high": "green", "moderate": "cyan", "low": "yellow", "very_low": "red", "not_estimable": "dim"}


def _add_row(tab, r: Row) -> None:
    from rich.text import Text

    name, *rest = F.outcome(r)
    if r.level == "study":
        cell = Text("· " + name, style="bold")
    else:
        cell = Text(name, style="bold")
    for bit in rest:
        cell.append("\n" + bit, style="dim")
    diff = F.difference(r)
    nnt = F.nnt(r.nnt)
    if nnt:
        diff += "\n" + nnt
    who = ", this study" if r.level == "study" else ""
    cert = Text(f"{r.certainty.symbols} {r.certainty.label}{who}", style=CERTAINTY_STYLE[r.certainty.level])
    if r.footnotes:
        cert.append(f" [{F.refs(r)}]", style="dim")
    cert.append("\n" + r.statement)
    if r.relative is None and r.finding and not r.members:
        cert.append(f"\nSource: {r.finding}", style="dim")
    # Text, never markup: a "[...]" in the evidence must print as written.
    tab.add_row(cell, Text(F.participants(r)), Text(F.relative(r)), Text(F.comparator_risk(r)), Text(diff), cert)


def _table(con, t: Table, width: int) -> None:
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    con.print(Text(t.title, style="bold"))
    con.print(Text(f"Population: {t.population}"))
    if t.setting:
        con.print(Text(f"Setting: {t.setting}"))
    con.print(Text(f"Intervention: {t.intervention}   Comparison: {t.comparator}"))
    # Six columns fit 100 characters: certainty and the plain-language statement share the last one.
    tab = RichTable(box=box.SIMPLE_HEAD, show_lines=True, show_edge=False, expand=False, pad_edge=False, padding=(0, 1, 0, 0))
    tab.add_column("Outcome", width=18, overflow="fold")
    tab.add_column("No. (studies)", width=9)
    tab.add_column("Relative effect (95% CI)", width=12)
    tab.add_column("Risk with comparator", width=10)
    tab.add_column("Difference with intervention (95% CI)", width=15)
    tab.add_column("Certainty: what happens", width=max(20, width - 64 - 11))
    for r in t.rows:
        _add_row(tab, r)
        for m in r.members:
            _add_row(tab, m)
    con.print(tab)
    if t.context:
        con.print(Text("What each trial in this comparison found (the question file's context lines)", style="bold"))
        for line in t.context:
            con.print(Text(f"- {F.context(line)}"))
    if t.footnotes:
        con.print(Text("Footnotes", style="bold"))
        for i, note in enumerate(t.footnotes, 1):
            con.print(Text(f"{i}. {note}"))
    if t.study_footnotes:
        con.print(Text("Footnotes to the rows of single studies (·)", style="bold"))
        for i, note in enumerate(t.study_footnotes, 1):
            con.print(Text(f"S{i}. {note}"))
    for note in t.notes:
        con.print(Text(note, style="dim"))
    con.print(Text("Certainty: ⊕⊕⊕⊕ High, ⊕⊕⊕◯ Moderate, ⊕⊕◯◯ Low, ⊕◯◯◯ Very low (GRADE). Per 1000: anticipated "
              "absolute effects from the relative effect applied to the comparator risk."))
    for r in t.rows:
        if r.forest is not None:
            con.print()
            con.print(Text(render_forest(r.forest, width).rstrip("\n")), soft_wrap=True)
    for forest in t.plots:
        con.print()
        con.print(Text(render_forest(forest, width).rstrip("\n")), soft_wrap=True)


def render(summary: Summary, color: bool = False, width: int = 100) -> str:
    con = console(color, width)
    for i, t in enumerate(summary.tables):
        if i:
            con.print()
        _table(con, t, width)
    return export(con, color)
