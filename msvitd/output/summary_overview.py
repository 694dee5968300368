"""The overview in the terminal: one screen that opens with the point.

Per question comparison (then per study no question covers): its first outcomes, critical first, each as
outcome | effect (95% CI) | certainty on one line and GRADE's plain-language statement under it; then, per
study, what it found and what it did not, patient-important outcomes first. The id to type for the full
table is on the block's first line. No footnotes: a mark only where a number is msvitd's, not the source's.
"""

from __future__ import annotations

import textwrap
from typing import Optional

from msvitd.output import summary_format as F
from msvitd.summary.report import Block, Finding, Overview, Row, StudyLine
from msvitd.summary.wording import lower_first, short

def _wrap(text: str, width: int, **kw) -> list[str]:
    # Never "contrast-" / "enhancing": names and ids break at spaces only.
    return textwrap.wrap(text, width, break_on_hyphens=False, **kw)


CERTAINTY_STYLE = {"high": "green", "moderate": "cyan", "low": "yellow", "very_low": "red"}
MARKS = {"msvitd": "†", "pooled": "‡"}
MARK_WORDS = {"†": "† computed by msvitd", "‡": "‡ pooled by msvitd"}
# The words for each verdict, in the order a reader needs them: what differed, then what did not.
VERDICTS = (("lower", "lower with {subject}"), ("higher", "higher with {subject}"),
            ("differed", "differed"), ("no_difference", "no difference shown"), ("no_result", "no test reported"))
NAME, EFFECT = 34, 26  # column widths; the statement goes on the line below


def effect(row: Row) -> str:
    """The effect as one short cell: the estimate and its interval, or the arms' figures, or why not."""
    r = row.relative
    if r is not None:
        return F.effect(r) + MARKS.get(r.by, "")
    if row.members:
        return f"not pooled, {row.studies} studies"
    figures = [a.percent if a.percent is not None else None for a in row.arms[:2]]
    if len(figures) == 2 and None not in figures:
        return f"{figures[0]:g}% vs {figures[1]:g}%"
    texts = [a.text for a in row.arms[:2] if a.text]
    if len(texts) == 2:
        return f"{texts[0]} vs {texts[1]}"
    return "no numbers reported"


def _row(row: Row, width: int) -> list[tuple[str, Optional[str]]]:
    name, eff, cert = short(row.name), effect(row), F.certainty(row)
    if len(name) <= NAME - 2 and len(eff) <= EFFECT - 1:
        first = f"  {name:<{NAME - 2}} {eff:<{EFFECT - 1}} {cert}".rstrip()
    else:  # too wide for the columns
        first = f"  {name} · {eff} · {cert}".rstrip(" ·")
    level = F.certainty_parts(row)[2]
    out = [(x, None) for x in _wrap(first, width, subsequent_indent="    ")]
    if cert and out:
        out[-1] = (out[-1][0], CERTAINTY_STYLE.get(level))
    out += [(x, "dim") for x in _wrap(row.statement, width, initial_indent="    ", subsequent_indent="    ")]
    return out


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _names(found: list[Finding], numbers: bool = True) -> str:
    # "; " would split the verdicts: names keep their own commas ("EDSS progression, completers only").
    return ", ".join(f.outcome + (_primary(f) if numbers else " (primary)" if f.primary else "") for f in found)


def _primary(f: Finding) -> str:
    """" (primary, HR 0.66 (0.50 to 0.87))": the primary outcome carries its effect, the headline number."""
    if not f.primary:
        return ""
    r = f.relative
    if r is None or r.lo is None or r.hi is None:
        return " (primary)"
    return f" (primary, {F.effect(r)}{MARKS.get(r.by, '')})"


def study_sentences(line: StudyLine, outcomes: str = "", numbers: bool = True) -> list[str]:
    """["Patient-important: no difference shown in relapse, ...", "Surrogate or composite: lower with vitamin D:
    disease activity (primary), ..."]: what the study found and did not, patient-important outcomes first."""
    subject = lower_first(line.intervention)
    out = []
    for group, important in (("Patient-important", True), ("Surrogate/composite", False)):
        parts = []
        for key, words in VERDICTS:
            found = [f for f in line.findings if f.patient_important == important and f.verdict == key]
            if found:
                parts.append(f"{words.format(subject=subject)}: {_names(found, numbers)}")
        if parts:
            out.append(f"{group}{outcomes}: " + "; ".join(parts))
    return out


def study_text(line: StudyLine, named: bool = True) -> str:
    """"D-Lay MS [d-lay-ms], primary outcome met. Patient-important: ... Surrogate/composite: ..."."""
    met = {True: "primary outcome met", False: "primary outcome not met"}.get(line.primary_met)
    head = f"{line.name} [{line.id}]" + (f", {met}" if met else "") if named else (met or "").capitalize()
    body = ". ".join(study_sentences(line))
    return ". ".join(x for x in (head, body) if x) + "."


def _study(line: StudyLine, width: int, named: bool = True) -> list[tuple[str, Optional[str]]]:
    return [(x, None) for x in _wrap(study_text(line, named), width, initial_indent="  ",
                                             subsequent_indent="    ")]


def _block(block: Block, width: int) -> list[tuple[str, Optional[str]]]:
    head = f"{block.title} [{block.id}]"
    out = [("", None)] + [(x, "bold") for x in _wrap(head, width)]
    for row in block.rows:
        out += _row(row, width)
    # The full table's other outcomes are in the studies' lines below; what no study reports is said here.
    more = f"{len(block.hidden)} more outcome{'s' if len(block.hidden) != 1 else ''} in the full table" \
        if block.hidden else ""
    if block.absent:
        more += ("; " if more else "") + "no study reports " + ", ".join(_lower(a) for a in block.absent)
    if more:
        out += [(x, "dim") for x in _wrap(more[:1].upper() + more[1:] + ".", width, initial_indent="  ",
                                                  subsequent_indent="    ")]
    for line in block.studies:
        out += _study(line, width, named=block.kind != "study")
    return out


def lines(overview: Overview, width: int = 100) -> list[tuple[str, Optional[str]]]:
    nq = len(overview.questions)
    ns = sum(len(b.studies) for g in overview.questions for b in g.blocks) + len(overview.studies)
    comps = sum(len(g.blocks) for g in overview.questions)
    bits = []
    if nq:
        bits.append(f"{nq} question{'s' if nq > 1 else ''} ({comps} comparison{'s' if comps != 1 else ''})")
    bits.append(f"{ns} stud{'ies' if ns != 1 else 'y'}")
    full = f"all {overview.tables} tables: --full" if overview.tables > 1 else "or --full"
    head = [(f"Summary of findings: {', '.join(bits)}; critical outcomes first.", "bold"),
            (f"Full table with footnotes: msvitd summarize ID (ids in brackets); {full}.", None)]
    out = [(x, s) for text, s in head for x in _wrap(text, width)]
    for group in overview.questions:
        out.append(("", None))
        out += [(x, "bold") for x in _wrap(f"Question [{group.id}]: {group.title}", width)]
        for block in group.blocks:
            out += _block(block, width)
    for block in overview.studies:
        out += _block(block, width)
    marks = [m for m in MARKS.values() if any(m in text for text, _ in out)]
    legend = "Certainty (GRADE): ⊕⊕⊕⊕ high, ⊕⊕⊕◯ moderate, ⊕⊕◯◯ low, ⊕◯◯◯ very low."
    legend += "".join(f" {MARK_WORDS[m]}." for m in marks)
    out.append(("", None))
    out += [(x, "dim") for x in _wrap(legend, width)]
    return out


def render(overview: Overview, color: bool = False, width: int = 100) -> str:
    from rich.text import Text

    from msvitd.output.term import console, export

    con = console(color, width)
    for text, style in lines(overview, width):
        con.print(Text(text, style=style or ""), soft_wrap=True)
    return export(con, color)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(overview: Overview) -> str:
    """The overview as GitHub-flavoured Markdown: a four-column table per block (GRADEpro's order), then
    what each study found."""
    out = ["# Summary of findings", "",
           f"Critical outcomes first. Full table with footnotes: `msvitd summarize ID`; all {overview.tables} "
           "tables: `msvitd summarize --full`.", ""]
    blocks = [(f"Question: {g.title} (`{g.id}`)", g.blocks) for g in overview.questions]
    if overview.studies:
        blocks.append(("Studies in no question", overview.studies))
    for title, group in blocks:
        out += [f"## {_md(title)}", ""]
        for b in group:
            out += [f"### {_md(b.title)} (`{b.id}`)", "", "| Outcome | Effect (95% CI) | Certainty | What happens |",
                    "|---|---|---|---|"]
            out += [f"| {_md(short(r.name))} | {_md(effect(r))} | {_md(F.certainty(r))} | {_md(r.statement)} |"
                    for r in b.rows]
            out.append("")
            if b.hidden:
                out += ["Also in the full table: " + _md(", ".join(_lower(short(n)) for n in b.hidden)) + ".", ""]
            if b.absent:
                out += ["No study reports " + _md(", ".join(_lower(a) for a in b.absent)) + ".", ""]
            out += [f"- {_md(study_text(line, b.kind != 'study'))}" for line in b.studies]
            out.append("")
    marks = [m for m in MARKS.values() if any(m in line for line in out)]
    out.append("Certainty (GRADE): ⊕⊕⊕⊕ high, ⊕⊕⊕◯ moderate, ⊕⊕◯◯ low, ⊕◯◯◯ very low."
               + "".join(f" {MARK_WORDS[m]}." for m in marks))
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------------ "At a glance"
def _headline(row: Row, label: str = "") -> str:
    """"Relapse (critical): Vitamin D may make little or no difference to relapse. RR 0.82 (0.52 to 1.30),
    computed by msvitd; certainty low (⊕⊕◯◯).\""""
    symbols, name, _ = F.certainty_parts(row)
    rating = f"certainty {name.lower()} ({symbols})" if symbols else (f"certainty {name.lower()}" if name else "")
    numbers = F.relative(row) if row.relative is not None else ""
    tail = "; ".join(x for x in (numbers, rating) if x)
    tail = tail[:1].upper() + tail[1:]
    return f"{short(row.name)}{label}: {row.statement.rstrip('.')}." + (f" {tail}." if tail else "")


def _lead_rows(table) -> list[tuple[Row, str]]:
    """The rows a glance leads with: the first critical (else patient-important) row, then the primary
    outcome when it is another one (a surrogate primary outcome is told after, never instead)."""
    rows = list(table.rows)
    first = next((r for r in rows if getattr(r, "importance", None) == "critical" or r.role == "critical"), None)
    first = first or next((r for r in rows if r.outcome_type == "clinical" and r.relative is not None), None)
    out = [(first, " (critical)" if first is not None and "critical" in (first.role, first.importance) else "")]
    primary = next((r for r in rows if r.role == "primary"), None)
    if primary is not None and primary is not first:
        out.append((primary, " (the primary outcome" + ("" if primary.outcome_type == "clinical"
                                                         else f", {primary.outcome_type}") + ")"))
    return [(r, label) for r, label in out if r is not None]


def glance_sentences(tables, question: str = "") -> tuple[str, ...]:
    """The evidence sentences of the report's "At a glance", critical outcomes first, and what did not
    differ: a study's table gives its lead rows and what it found and did not; a question's comparison gives
    its first critical row and, per outcome, whether any difference was shown."""
    out = []
    for t in tables:
        if t.kind == "study":
            out += [_headline(r, label) for r, label in _lead_rows(t)]
            line = StudyLine(t.id, t.id, t.subject or t.intervention, findings_of(t))
            # The primary outcome's numbers are in its own sentence above.
            out += [f"{s}." for s in study_sentences(line, " outcomes", numbers=False)]
            continue
        rows = list(t.rows)
        none = [_lower(short(r.name)) for r in rows if _body_verdict(r) == "no_difference"]
        text = " ".join(x for x in (_headline(rows[0]) if rows else "",
                                    f"No difference shown in: {', '.join(none)}." if none else "") if x)
        if text:
            out.append(f"{_label_of(t.title, question)} — {text}")
    return tuple(out)


def _label_of(title: str, question: str) -> str:
    label = title[len(question) + 2:] if question and title.startswith(question + ": ") else title
    return label[:1].upper() + label[1:]


def _body_verdict(row: Row) -> str:
    """A body row's verdict: its own, or the one its studies share."""
    from msvitd.summary.overview import verdict

    if row.members and row.relative is None:
        kinds = {verdict(m) for m in row.members}
        return kinds.pop() if len(kinds) == 1 else "mixed"
    return verdict(row)


def findings_of(table):
    from msvitd.summary.overview import findings

    return findings(table)
