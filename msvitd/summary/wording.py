"""The words msvitd puts around the numbers: footnote numbering, judgement footnotes, plain-language
statements, and the small text helpers the rows share."""

from __future__ import annotations

import re
from typing import Optional, Sequence

from msvitd.grading import body as across
from msvitd.grading.certainty import DOMAIN_LABELS, Body, plain_language
from msvitd.grading.plain_language import statement as grade_wording
from msvitd.summary.report import ArmFigure


def num(x: float) -> str:
    return f"{x:g}"


def interval(lo: float, hi: float) -> str:
    """The one way summaries print a confidence interval: two decimals and "to" ("0.50 to 0.87"); a hyphen
    would read as a minus sign beside negative differences."""
    return f"{lo:.2f} to {hi:.2f}"


def effect_text(measure: str, estimate: float, ci) -> str:
    """"HR 0.66 (0.50 to 0.87)", or "HR 0.66 (CI not reported)"."""
    ci_text = f"({interval(*ci)})" if ci else "(CI not reported)"
    return f"{measure} {estimate:.2f} {ci_text}"


def cap(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


def short(name: str) -> str:
    # Statements read better without the parenthetical definition: "Disease activity (relapse and/or ...)".
    return re.sub(r"\s*\([^)]*\)", "", name).strip() or name


def lower_first(text: str) -> str:
    return text[0].lower() + text[1:] if len(text) > 1 and text[1:2].islower() else text


def pct(f: ArmFigure) -> str:
    return f"{num(f.percent)}%" if f.percent is not None else f"{100 * f.risk:.1f}%"


def per_1000_text(x: float) -> str:
    return f"{abs(x):.0f} {'fewer' if x < 0 else 'more'}" if round(x) != 0 else "0 fewer"


class Footnotes:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, text: str) -> int:
        if text not in self.items:
            self.items.append(text)
        return self.items.index(text) + 1


WHO = {"file": "judged in the evidence file", "question": "judged in the question file", "msvitd": "suggested by msvitd"}


def judgement_notes(certainty, book: Footnotes, prefix: str = "", who: Optional[dict] = None) -> list[int]:
    who = {**WHO, **(who or {})}
    refs = []
    for j in certainty.judgements:
        if j.domain == "upgrade" or j.steps:
            label = DOMAIN_LABELS[j.domain] if not prefix else DOMAIN_LABELS[j.domain].lower()
            refs.append(book.add(f"{prefix}{label}: {j.label}, {who[j.by]}. {j.reason}"))
    return refs


def statement(body: Body, certainty, intervention: str, name: str) -> str:
    outcome = lower_first(short(name))
    if body.estimate is None and certainty.level != "very_low":
        if body.significant and body.direction is None:
            return (f"The sources report a significant difference in {outcome} but give no numbers; msvitd cannot "
                    f"state its size or direction.")
        if body.significant is False and (body.lo is None or body.hi is None):
            return (f"The sources report no significant difference in {outcome} but no confidence interval; msvitd "
                    f"cannot say whether {lower_first(intervention)} makes little or no difference.")
        if body.significant is None:
            if body.no_numbers:
                return f"The sources give no numbers for {outcome}; msvitd cannot state an effect."
            return (f"The sources give no effect estimate or test for {outcome}; msvitd cannot say whether "
                    f"{lower_first(intervention)} makes a difference.")
    return plain_language(body, certainty, intervention, short(name))


def body_statement(certainty, results: Sequence[across.StudyResult], intervention: str, name: str) -> str:
    """A plain-language statement for studies shown side by side (GRADE's grade_wording where it applies)."""
    outcome = short(name)
    if certainty.level == "very_low":
        return grade_wording("very_low", "important", intervention, outcome)
    known = [r for r in results if r.verdict is not None]
    kinds = {r.verdict for r in known}
    if not known:
        return f"No study gives a result msvitd can summarise for {lower_first(outcome)}."
    if not any(r.has_ci for r in results):
        found = "; ".join(f"{r.name}: {r.verdict_text.split(' (')[0]}" for r in known)
        return (f"No study gives a confidence interval ({found}); msvitd cannot say whether or how much "
                f"{lower_first(intervention)} changes {lower_first(outcome)}.")
    if kinds == {"none"}:
        return grade_wording(certainty.level, "trivial", intervention, outcome)
    if len(kinds) == 1:
        texts = {r.verdict_text.split(",")[0].split(" (")[0] for r in known}
        direction = "decrease" if all("reduction" in t for t in texts) else "increase" if all(
            "increase" in t for t in texts) else None
        if direction:
            return grade_wording(certainty.level, "important", intervention, outcome, direction)
    found = "; ".join(f"{r.name}: {r.verdict_text.split(', ')[0].split(' (')[0]}" for r in known)
    return f"The studies' results differ ({found}); msvitd does not combine them."
