"""How long the trial ran, as an article tells it ("for three years", "a two-year trial"): against the
arms' durations and follow-up, a schedule's phases, and a planned length the trial did not reach."""

from __future__ import annotations

import re

from msvitd.facts.source import Fact
from msvitd.facts.verdicts import _convert, _mention_decimals, _value_verdict

# nothing but a clause boundary (or the sentence start) before a duration's cue
_CLAUSE_OPEN = re.compile(r"(?:^|[,;:(–—]|\s-)\s*$")


def run_length(text, m, sent, ctx, sf, rows, bounds):
    """How long the trial ran: "for three years", "a two-year trial"."""
    if not (m.kind == "duration" and sf.run):
        return None
    before, after = text[sent.start:m.start], text[m.end:sent.end]
    if sf.roles.not_run.search(before[-12:]) or sf.roles.phase.search(before[-45:]) \
            or sf.roles.phase_after.match(after[:60]):
        return None
    run_before = sf.roles.run_before.search(before[-40:])
    run_cue = run_before or sf.roles.run_after.match(after)
    # "gave ... a dummy pill for three years", "the trial lasted": the trial, not "has had MS for 22 years";
    # a duration that opens its sentence or clause ("Pendant trois ans, les chercheurs ont suivi ...")
    # has its verb after it
    head = before[-40:][:run_before.start()] if run_before is not None else ""
    rel = sf.roles.relative_open.search(head)  # "patients, who for two years took it": a relative clause opens
    opens = run_before is not None and bool(rel or _CLAUSE_OPEN.search(head))
    near = (before[-80:] + " " + after[:100].split(";")[0] if opens else before[-80:]) if run_before \
        else text[sent.start:sent.end]
    if not run_cue or not (sf.roles.run_context.search(near) or sf.arm_words("intervention").search(near)):
        return None
    # the planned follow-up is how long the trial ran only when the sentence says planned ("planned for
    # two years"): a trial cut short (SOLAR: 2 years planned, 48 weeks run) did not run "for two years"
    said_planned = bool(sf.roles.planned_near.search(text[sent.start:sent.end]))
    runs = [f for f in sf.run if said_planned or not _cut_short(f, sf.run)] or sf.run
    fits = []
    for f in runs:
        a = _convert(m.value, m.unit, f.unit)
        v = _value_verdict(a, _mention_decimals(m), m.approx, m, f, f.value) if a is not None else None
        if v:
            fits.append((v != "match", f.unit != m.unit, f, v))
    if fits:
        _, _, f, v = min(fits, key=lambda x: x[:2])
        return v, f, None
    phase = _schedule_phase(m, sf)  # "6,670 IU a day for four weeks, then ...": a phase of the schedule
    if phase is not None:
        return phase
    f = next((f for f in runs if f.path[:1] == ("arms",)), runs[0])
    return "mismatch", f, f"the article says {m.raw.strip()}; treatment and follow-up lasted {f.show()}"


def _cut_short(f: Fact, run: list[Fact]) -> bool:
    """``f`` is a planned follow-up that no actual duration of the trial equals."""
    if f.path != ("design", "planned_follow_up"):
        return False
    return not any(o is not f and o.path != f.path and _convert(f.value, f.unit, o.unit) is not None
                   and abs(_convert(f.value, f.unit, o.unit) - o.value) < 1e-6 for o in run)


def _schedule_phase(m, sf):
    """A duration equal to a phase of an arm's schedule (its frequency text), not how long the trial ran."""
    for f in sf.phases:
        a = _convert(m.value, m.unit, f.unit)
        v = _value_verdict(a, _mention_decimals(m), m.approx, m, f, f.value) if a is not None else None
        if v:
            return v, f, None
    return None
