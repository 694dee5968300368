"""`msvitd critique` for people: each finding with its sentence, the quote highlighted, the source's figure."""

from __future__ import annotations

from msvitd.critique.report import CATEGORIES, CritiqueResult

_SEV_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_STATUS = {"pass": ("pass", "green"), "fail": ("FAIL", "red"), "not_applicable": ("n/a", "dim")}
_CONTEXT = 110  # characters of the sentence shown around a quote


def _snippet(result: CritiqueResult, f):
    from rich.text import Text

    text = result.text
    s0 = f.sentence_start if f.sentence_start is not None else f.start
    s1 = f.sentence_end if f.sentence_end is not None else f.end
    a, b = max(s0, f.start - _CONTEXT), min(s1, f.end + _CONTEXT)
    pre, quote, post = text[a:f.start], text[f.start:f.end], text[f.end:b]
    t = Text("    ")
    if a > s0:
        t.append("…")
    t.append(pre.replace("\n", " "))
    t.append(quote.replace("\n", " "), style="bold reverse")
    t.append(post.replace("\n", " "))
    if b < s1:
        t.append("…")
    return t


def render(result: CritiqueResult, color: bool = False, width: int | None = None, summary: bool = True) -> str:
    from rich.table import Table
    from rich.text import Text

    from msvitd.output.term import console, export

    con = console(color, width)
    name = result.article
    head = Text()
    head.append(f"{name}", style="bold")
    head.append(f"  against {result.source_name} ({result.source_id})")
    if result.source_detected:
        head.append(f"  [detected: {result.source_detected}]", style="dim")
    con.print(head)
    con.print()
    for f in result.findings:
        line = Text()
        loc = f"{name}:{f.line}:{f.column}" if f.line else f"{name}: whole article"
        line.append(loc, style="bold")
        line.append("  ")
        line.append(f.rule, style="bold")
        line.append(" ")
        line.append(f.severity, style=_SEV_STYLE.get(f.severity, ""))
        line.append(f"  [{f.category}] ", style="dim")
        line.append(f.message)
        con.print(line)
        if f.quote is not None:
            con.print(_snippet(result, f))
        if f.source_fact:
            for i, fact in enumerate(f.source_fact.split("\n")):
                lead = "    source: " if i == 0 else "            "
                con.print(Text(lead, style="dim") + Text(fact, style="green"))
        con.print()
    if summary:
        counts = result.counts()
        sev = result.severity_counts()
        total = len(result.findings)
        con.print(Text(f"{total} finding{'s' if total != 1 else ''}: {sev['error']} error, {sev['warning']} warning, "
                       f"{sev['info']} info", style="bold"))
        if counts:
            t = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
            t.add_column("category")
            t.add_column("findings", justify="right")
            for c in CATEGORIES:
                if c in counts:
                    t.add_row(c, str(counts[c]))
            con.print(t)
        con.print()
        con.print(Text("HealthNewsReview-style checklist", style="bold"))
        t = Table(show_header=False, box=None, pad_edge=False)
        t.add_column("status")
        t.add_column("criterion")
        t.add_column("note")
        for c in result.checklist:
            label, style = _STATUS.get(c.status, (c.status, ""))
            t.add_row(Text(label, style=style), c.label, Text(c.note, style="dim"))
        con.print(t)
    return export(con, color)
