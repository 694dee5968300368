"""`msvitd critique` for people: one line per finding (concise, the default), or each finding with
its sentence, the quote highlighted and the source's figure (full)."""

from __future__ import annotations

from typing import Sequence

from msvitd.critique.result import CATEGORIES, CritiqueResult
from msvitd.output.diagnostics import concise_line, plural, severity_summary

_SEV_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_STATUS = {"pass": ("pass", "green"), "fail": ("FAIL", "red"), "not_applicable": ("n/a", "dim")}
_CONTEXT = 110  # characters of the sentence shown around a quote


def _snippet(result: CritiqueResult, f, room: int):
    """The quote in its sentence, cut to fit ``room`` columns, and the caret line under it."""
    from rich.text import Text

    text = result.text
    s0, s1 = f.context if f.context is not None else (f.start, f.end)
    quote = text[f.start:f.end].replace("\n", " ")
    spare = max(10, room - len(quote) - 2)
    before = min(f.start - s0, spare // 2 if (s1 - f.end) > spare // 2 else spare - (s1 - f.end))
    before = max(0, before)
    after = max(0, min(s1 - f.end, spare - before))
    a, b = f.start - before, f.end + after
    pre = ("…" if a > s0 else "") + text[a:f.start].replace("\n", " ")
    post = text[f.end:b].replace("\n", " ") + ("…" if b < s1 else "")
    line = Text("    | ", style="dim")
    line.append(pre)
    line.append(quote, style="bold reverse")
    line.append(post)
    carets = Text("    | " + " " * len(pre), style="dim")
    carets.append("^" * max(1, len(quote)), style="bold red")
    return line, carets


def render_concise(results: Sequence[CritiqueResult], color: bool = False) -> str:
    """``file:line:col: CODE [severity] message``, one line per finding, as ruff's and flake8's
    concise output; a whole-article finding stands at 1:1. One summary line at the end."""
    from rich.text import Text

    from msvitd.output.term import console, export

    con = console(color, 10_000)
    found = []
    for result in results:
        head = Text(f"{result.article}: checked against {result.source_name} ({result.source_id})", style="dim")
        if result.source_detected:
            head.append(f"; chosen with {result.source_detected}")
        if getattr(result, "language_note", None):
            head.append(f"; {result.language_note}")
        con.print(head, soft_wrap=True)
        for f in result.findings:
            line = Text(concise_line(f))
            at = len(f.location()) + 2 + len(f.code) + 1
            line.stylize(_SEV_STYLE[f.severity.value], at, at + len(f.severity.value) + 2)
            con.print(line, soft_wrap=True)
        found.extend(result.findings)
    tail = f"{plural(len(found), 'finding')}" + (f": {severity_summary(found)}" if found else "")
    con.print(Text(tail + "; --format full shows each quote in its sentence and the source's figure.", style="bold"),
              soft_wrap=True)
    return export(con, color)


def render(results: Sequence[CritiqueResult], color: bool = False, width: int | None = None) -> str:
    """Today's full layout, one block per article."""
    return "\n".join(render_one(r, color=color, width=width) for r in results)


def render_one(result: CritiqueResult, color: bool = False, width: int | None = None, summary: bool = True) -> str:
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from msvitd.output.term import console, export
    from msvitd.output.term import width as term_width

    w = width or term_width()
    con = console(color, w)
    name = result.article
    head = Text()
    head.append(f"{name}", style="bold")
    head.append(f"  against {result.source_name} ({result.source_id})")
    if result.source_detected:
        head.append(f"  [detected: {result.source_detected}]", style="dim")
    con.print(head)
    con.print()
    shown: dict[str, str] = {}  # a source figure printed in full -> where
    for f in result.findings:
        line = Text()
        loc = f"{name}:{f.line}:{f.column}:" if f.line else f"{name}: (whole article)"
        line.append(loc, style="bold")
        line.append(" ")
        line.append(f.code, style="bold")
        line.append(" ")
        line.append(f.severity.value, style=_SEV_STYLE.get(f.severity.value, ""))
        line.append(f" [{f.category}] {f.name}", style="dim")
        con.print(line, overflow="ignore", crop=False, soft_wrap=True)
        con.print(Padding(Text(f.message), (0, 0, 0, 4)))
        if f.quote is not None:
            for piece in _snippet(result, f, w - 8):
                con.print(piece, overflow="ignore", crop=False, soft_wrap=True)
        if f.source_fact and f.source_fact in shown:
            # the same figure, printed in full once: the population's four lines came 8 times
            label = f.source_fact.split("\n")[0].split(":")[0].split(" (")[0]
            con.print(Padding(Text(f"source: {label}, as given above at {shown[f.source_fact]}", style="green"),
                              (0, 0, 0, 4)))
        elif f.source_fact:
            shown[f.source_fact] = f"{f.line}:{f.column}" if f.line else "the whole-article finding"
            for i, fact in enumerate(f.source_fact.split("\n")):
                con.print(Padding(Text(fact, style="green"), (0, 0, 0, 4 if i == 0 else 8)) if i else
                          Padding(Text("source: " + fact, style="green"), (0, 0, 0, 4)))
        con.print()
    if summary:
        counts = result.counts()
        total = len(result.findings)
        con.print(Text(f"{plural(total, 'finding')}: {severity_summary(result.findings, every=True)}", style="bold"))
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
    out = export(con, color)
    return "\n".join(line.rstrip() for line in out.split("\n"))
