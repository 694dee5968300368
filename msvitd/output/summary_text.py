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
    rating = F.certainty(r)
    cert = Text(f"{rating}{who}" if rating else "", style=CERTAINTY_STYLE.get(F.certainty_parts(r)[2], ""))
    if r.footnotes:
        cert.append(f" [{F.refs(r)}]" if rating else f"[{F.refs(r)}]", style="dim")
    cert.append(("\n" if cert.plain else "") + r.statement)
    if F.source_words(r):
        cert.append(f"\nSource: {F.source_words(r)}", style="dim")
    # Text, never markup: a "[...]" in the evidence must print as written.
    cells = (cell, Text(F.participants(r)), Text(F.relative(r)), Text(F.comparator_risk(r)), Text(diff), cert)
    if isinstance(tab, list):  # a narrow terminal: one card per outcome, as the page does on a phone
        tab.append(cells)
    else:
        tab.add_row(*cells)


# A card's labels, for the five cells after the outcome's name (a table of six columns cannot be read
# below this many columns: its words fold letter by letter)
CARD_LABELS = ("Participants", "Relative (95% CI)", "Comparator risk", "Difference", "Certainty")
CARDS_BELOW = 72


def _cards(con, rows: list) -> None:
    from rich.table import Table as RichTable
    from rich.text import Text

    for name, *cells in rows:
        con.print()
        card = RichTable.grid(padding=(0, 1, 0, 2))  # 2 to the left: the values stand under the name
        card.add_column(style="dim", width=max(map(len, CARD_LABELS)) + 2, no_wrap=True)
        card.add_column(overflow="fold")
        for label, cell in zip(CARD_LABELS, cells):
            card.add_row(Text(label), cell)
        con.print(name)
        con.print(card)


def _table(con, t: Table, width: int) -> None:
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    con.print(Text(t.title, style="bold"))
    con.print(Text(f"Population: {t.population}"))
    if t.setting:
        con.print(Text(f"Setting: {t.setting}"))
    con.print(Text(f"Intervention: {t.intervention}   Comparison: {t.comparator}"))
    # Six columns: certainty and the plain-language statement share the last one. Words fold, never "…":
    # a number cut short is a number lost.
    tab = RichTable(box=box.SIMPLE_HEAD, show_lines=True, show_edge=False, expand=False, pad_edge=False, padding=(0, 1, 0, 0))
    heads = ("Outcome", "No. (studies)", "Relative effect (95% CI)", "Risk with comparator",
             "Difference with intervention (95% CI)", "Certainty: what happens") if width >= 80 else NARROW
    for head, w in zip(heads, column_widths(width)):
        tab.add_column(head, width=w, overflow="fold")
    cards: list = []
    for r in t.rows:
        for one in (r, *r.members):
            _add_row(cards if width < CARDS_BELOW else tab, one)
    if cards:
        _cards(con, cards)
    else:
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


# Widths at 100 columns, and how much each column takes of any width beyond 100 (the effect columns first,
# so that "151 fewer per 1000 (from 250 fewer to 50 fewer)" stops wrapping word by word) and below it.
BASE = (18, 11, 13, 11, 15, 26)
MORE = (0.15, 0.0, 0.2, 0.05, 0.3, 0.3)
LEAST = (9, 9, 9, 8, 9, 12)
# Below 80 columns the headings' words must fit their columns, or they fold mid-word ("Relativ|e").
NARROW = ("Outcome", "N (trials)", "Relative (95% CI)", "Control risk", "Absolute (95% CI)", "Certainty")


def column_widths(width: int) -> list[int]:
    """The six columns' widths for a line of ``width`` characters (one space between columns)."""
    extra = width - 100
    if extra >= 0:
        ws = [b + int(extra * m) for b, m in zip(BASE, MORE)]
    else:  # narrower: every column gives up its share down to its least width
        ws = [max(lo, b + int(extra * b / 95)) for b, lo in zip(BASE, LEAST)]
    ws[-1] = max(LEAST[-1], width - sum(ws[:-1]) - len(ws))
    return ws


def render(summary: Summary, color: bool = False, width: int = 100) -> str:
    con = console(color, width)
    for i, t in enumerate(summary.tables):
        if i:
            con.print()
        _table(con, t, width)
    return export(con, color)
