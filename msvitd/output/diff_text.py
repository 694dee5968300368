"""`msvitd diff` in the terminal: source | article | verdict, grouped by element, numbers last."""

from __future__ import annotations

import re

from msvitd.output.diagnostics import plural
from msvitd.output.term import console, export

STYLE = {
    "same": "green", "match": "green", "rounded": "green", "derived": "cyan",
    "narrower": "yellow", "broader": "yellow", "omitted": "yellow", "unverified": "dim",
    "different": "magenta", "mismatch": "bold red", "unsupported": "bold red",
}
MARK = {"same": "=", "match": "=", "rounded": "≈", "derived": "→", "narrower": "<", "broader": ">",
        "omitted": "-", "unverified": "?", "different": "≠", "mismatch": "≠", "unsupported": "!"}


def summary_line(report) -> str:
    counts = report.counts()
    order = ("same", "narrower", "broader", "different", "omitted", "unsupported", "match", "rounded", "derived",
             "mismatch", "unverified")
    parts = [f"{counts[k]} {k}" for k in order if counts.get(k)]
    status = "FAIL: mismatched or unsupported claims" if report.failing else "OK: no mismatch or unsupported claim"
    return f"{status} ({', '.join(parts)})"


def _group(element: str) -> str:
    return element.split(":")[0]


def render(report, color: bool = False, width: int | None = None) -> str:
    from rich.table import Table
    from rich.text import Text

    con = console(color, width)
    con.print(Text(f"msvitd diff: {report.article_title}", style="bold"))
    con.print(f"source: {report.study_name} ({report.study_id})   claims: {report.claims_from}")
    if getattr(report, "language_note", None):
        con.print(Text(f"note: {report.language_note}", style="yellow"))
    for n in report.notes:
        con.print(Text(f"note: {n}", style="yellow"))

    def verdict_cell(v: str, note: str | None = None) -> Text:
        t = Text(f"{MARK.get(v, ' ')} {v}", style=STYLE.get(v, ""))
        if note:
            t.append(f"\n{note}", style="dim")
        return t

    table = Table(show_header=True, header_style="bold", expand=True, show_lines=False, pad_edge=False)
    # wide enough for the longest word of an element (an outcome id such as time-to-disease-activity):
    # folding cut ids mid-word ("disease-activit|y")
    longest = max((len(word) for r in report.pico for word in r.element.split()), default=8)
    wide = min(longest, 26 if con.width >= 100 else 16 if con.width >= 70 else 10)
    table.add_column("element", width=wide, overflow="fold")
    table.add_column("source", ratio=4, overflow="fold")
    table.add_column("article", ratio=4, overflow="fold")
    table.add_column("verdict", width=14, overflow="fold")  # "! unsupported" and a note, never cut mid-word
    # the narrowest the source and article columns can be: a longer hyphenated word ("dissemination-in-space")
    # is broken after a hyphen here rather than folded mid-word by the terminal ("dissemination-in-spa|ce")
    text_col = max(8, (con.width - wide - 14 - 10) // 2 - 2)
    last = None
    for r in report.pico:
        g = _group(r.element)
        if last is not None and g != last:
            table.add_section()
        last = g
        art = Text(_long_words(r.article, text_col))
        if r.quote:
            art.append(f"\n“{_long_words(_clip(r.quote, 160), text_col)}”", style="italic dim")
        table.add_row(_hyphen_wrap(r.element, wide), _long_words(r.source, text_col), art,
                      verdict_cell(r.verdict, r.note))
    con.print(table)

    con.print(Text("numbers", style="bold"))
    nt = Table(show_header=True, header_style="bold", expand=True, pad_edge=False)
    nt.add_column("article", ratio=3, overflow="fold")
    nt.add_column("source", ratio=6, overflow="fold")
    nt.add_column("verdict", ratio=2, overflow="fold")
    for n in report.numbers:
        sf = n.source_fact
        if sf is None:
            src = Text("(no source fact to check against)", style="dim")
        else:
            src = Text(f"{sf.value}", style="bold")
            src.append(f"  {sf.label}")
            if sf.formula:
                src.append(f"\n{sf.formula}", style="cyan")
            src.append(f"\n[{sf.cite}] {sf.location}", style="dim")
        art = Text(n.quote.strip(), style="bold")
        art.append(f"\n“{_clip(n.sentence, 90)}”", style="italic dim")
        nt.add_row(art, src, verdict_cell(n.verdict, n.note))
    if not report.numbers:
        nt.add_row("(no numbers)", "", "")
    con.print(nt)
    if report.unchecked:
        con.print(Text(f"{plural(report.unchecked, 'number')} without a unit (dates, page furniture) not judged",
                       style="dim"))

    problems = [c for c in report.consistency if not c.ok]
    con.print(Text("source consistency (statcheck / GRIM)", style="bold"))
    con.print(f"{len(report.consistency) - len(problems)} of {len(report.consistency)} checks agree "
              f"(percent vs counts, P vs CI, NNT vs risks, totals)")
    for c in problems:
        con.print(Text(f"✗ {c.check}, {c.subject}: {c.message}", style="bold red"))
        for x in c.numbers:
            con.print(Text(f"    {x.label} {x.value}  [{x.cite}] {x.location}", style="dim"))
    con.print(Text(summary_line(report), style="bold red" if report.failing else "bold green"))
    return export(con, color)


def _hyphen_wrap(text: str, width: int) -> str:
    """Words longer than ``width`` broken after a hyphen ("time-to-disease-" / "activity"), not
    mid-word as the terminal's folding would; a word without a hyphen that fits is left whole."""
    out = []
    for word in text.split(" "):
        line = ""
        for part in re.findall(r"[^-]+-?|-", word) if len(word) > width else [word]:
            if line and len(line) + len(part) > width:
                out.append(line + "\n")
                line = ""
            line += part
        out.append(line + " ")
    return "".join(out).replace(" \n", "\n").rstrip()


def _long_words(text: str, width: int) -> str:
    """Only the words longer than ``width`` broken after a hyphen (see _hyphen_wrap); the rest is left
    for the table to wrap."""
    if not text or all(len(w) <= width for w in text.split()):
        return text
    return " ".join(_hyphen_wrap(w, width) if len(w) > width else w for w in text.split(" "))


def _clip(s: str, n: int) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"
