"""Cell texts shared by the summary renderers (text, markdown, csv): numbers formatted one way everywhere."""

from __future__ import annotations

import math
from typing import Optional

from msvitd.summary.absolute import whole  # noqa: F401  (the one rounding of an NNT; renderers import it here)
from msvitd.summary.report import ContextLine, NNTFigure, Row

ROLE_LABELS = {"primary": "primary", "secondary": "secondary", "safety": "safety", "exploratory": "exploratory",
               "critical": "critical", "important": "important", "not_important": "not important", "harm": "harm"}


def ratio(x: Optional[float]) -> str:
    return "—" if x is None else f"{x:.2f}"


def interval(lo: Optional[float], hi: Optional[float]) -> str:
    """The one way summaries print a confidence interval (msvitd.summary.wording.interval): "0.50 to 0.87"."""
    return f"{ratio(lo)} to {ratio(hi)}"


def effect(r) -> str:
    """"HR 0.66 (0.50 to 0.87)", or "(CI not reported)"."""
    ci = f" ({interval(r.lo, r.hi)})" if r.lo is not None and r.hi is not None else " (CI not reported)"
    return f"{r.measure} {ratio(r.estimate)}{ci}"


def relative(row: Row) -> str:
    r = row.relative
    if r is None:
        if row.members and row.refused:
            return row.refused
        return "not reported"
    by = {"source": "", "msvitd": ", computed by msvitd", "pooled": ", pooled by msvitd"}.get(r.by, "")
    return f"{effect(r)}{by}"


def source_words(row: Row) -> Optional[str]:
    """The source's own words on a row ("Source: no significant difference in relapse"), shown wherever the
    relative effect is not the source's (none, or computed by msvitd): the same rule in text, markdown and
    the report, so that every format says the same thing."""
    finding, rel = getattr(row, "finding", None), getattr(row, "relative", None)
    if getattr(row, "members", ()) or not finding:
        return None
    if rel is not None and getattr(rel, "by", "source") == "source":
        return None
    return finding


def certainty_parts(row: Row) -> tuple[str, str, str]:
    """(symbols, label, level) of a row's certainty, whatever it carries: a GRADE level, a rating without
    symbols ("not estimable"), or none at all (nothing to rate: no symbols, no label)."""
    c = getattr(row, "certainty", None)
    if c is None:
        return "", "", "none"
    return (getattr(c, "symbols", "") or "", getattr(c, "label", "") or "", getattr(c, "level", "") or "none")


def certainty(row: Row) -> str:
    """"⊕⊕⊕◯ Moderate", "Not estimable", or "" when the row carries no rating."""
    symbols, label, _ = certainty_parts(row)
    return " ".join(x for x in (symbols, label) if x)


def per_1000(x: float) -> str:
    return f"{abs(x):.0f} {'fewer' if x < 0 else 'more'}" if round(x) != 0 else "0 fewer"


def _pct(x: float) -> str:
    return f"{x:g}%"


def comparator_risk(row: Row) -> str:
    if row.absolute is not None:
        return f"{row.absolute.comparator:.0f} per 1000"
    comp = row.arms[1] if len(row.arms) > 1 else None
    if comp is not None and comp.percent is not None:
        return _pct(comp.percent)
    if comp is not None and comp.risk is not None:
        return f"{1000 * comp.risk:.0f} per 1000"
    if comp is not None and comp.text:
        return comp.text
    return "—"


def difference(row: Row) -> str:
    a = row.absolute
    if a is not None:
        text = f"{per_1000(a.difference)} per 1000"
        if a.lo is not None:
            text += f" (from {per_1000(a.lo)} to {per_1000(a.hi)})"
        else:
            text += " (no CI)"
        return text
    if row.members and row.relative is None:
        return "not pooled: see each study"
    inter = row.arms[0] if row.arms else None
    if inter is not None and inter.percent is not None:
        text = f"{_pct(inter.percent)} with intervention"
    elif inter is not None and inter.text:
        text = f"{inter.text} with intervention"
    elif inter is not None and inter.risk is not None:
        text = f"{1000 * inter.risk:.0f} per 1000 with intervention"
    else:
        return "not estimable"
    if row.absolute_note:
        text += f"; {row.absolute_note}"
    return text




def nnt(n: Optional[NNTFigure]) -> str:
    if n is None:
        return ""
    if n.value == math.inf:
        return "NNT ∞"
    word = "NNTB" if n.kind == "benefit" else "NNTH"
    if n.crosses:
        b = "∞" if n.benefit_bound in (None, math.inf) else f"NNTB {whole(n.benefit_bound)}"
        h = "∞" if n.harm_bound in (None, math.inf) else f"NNTH {whole(n.harm_bound)}"
        text = f"{word} {whole(n.value)} ({b} to ∞ to {h})"
    elif n.lo is not None and n.hi is not None:
        text = f"{word} {whole(n.value)} ({whole(n.lo)} to {whole(n.hi)})"
    else:
        text = f"{word} {whole(n.value)}"
    if n.by == "source":
        text += ", reported" + ("; reproduced" if n.reproduced else "; not reproduced by msvitd")
    return text


def participants(row: Row) -> str:
    if row.participants is None:
        n = "—"
    else:
        n = f"≥ {row.participants}" if row.participants_partial else str(row.participants)
    return f"{n} ({row.studies} {'study' if row.studies == 1 else 'studies'})"


def outcome(row: Row) -> list:
    """[name, detail, ...]: the outcome's name, then what a reader needs to place the row."""
    if row.level == "study":
        bits = [row.study_name or row.name]
        if row.measured:
            bits.append(row.measured)
        if row.follow_up:
            bits.append(f"follow-up {row.follow_up}")
        return bits
    bits = [row.name]
    in_question = row.role in ("critical", "important", "not_important")
    if row.studies == 1 and row.study_name and in_question:
        bits.append(f"{row.study_name}: {row.measured}" if row.measured else row.study_name)
    if row.follow_up:
        bits.append(f"follow-up {row.follow_up}")
    bits.append(ROLE_LABELS.get(row.role, row.role))
    return bits


def ref(row: Row, i: int) -> str:
    """A footnote mark: 3 for a body row's footnote, S3 for a per-study row's (Table.study_footnotes)."""
    return f"S{i}" if row.level == "study" else str(i)


def refs(row: Row) -> str:
    return ",".join(ref(row, i) for i in row.footnotes)


def met(flag: Optional[bool]) -> str:
    return {True: "primary outcome met", False: "primary outcome not met", None: "primary outcome: not reported"}[flag]


def context(line: ContextLine) -> str:
    return f"{line.summary} [{met(line.primary_met)}]"
