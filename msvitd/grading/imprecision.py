"""GRADE imprecision: the interval against the thresholds of an appreciable effect (ratios: RR 0.75 and 1.25
by default, GRADE 6), or against the minimal important difference (differences), and the optimal information
size; and the handbook's rule applied over a file's judgement that it contradicts."""

from __future__ import annotations

from msvitd.grading.ois import optimal_information_size
from msvitd.grading.types import RATING_LABELS, RATIOS, Body, Judgement


def _fmt(x: float) -> str:
    return f"{x:.2f}"


def default_thresholds(better: str = "lower") -> tuple[float, float]:
    """GRADE's default thresholds (benefit, harm) on the ratio scale: RR 0.75 and 1.25, mirrored when higher is better."""
    return (0.75, 1.25) if better != "higher" else (1.25, 0.75)


def suggest_imprecision(body: Body) -> Judgement:
    if body.no_numbers:
        return Judgement("imprecision", "very_serious",
                         "No numbers in the sources used (no effect estimate, no per-arm results): precision "
                         "cannot be judged.", "msvitd")
    if body.estimate is None or body.lo is None or body.hi is None:
        if body.significant is None:
            # Per-arm figures alone: nothing says how far chance could explain the difference (issue 16.2: no
            # moderate or low certainty beside "msvitd cannot say whether it makes a difference").
            return Judgement("imprecision", "very_serious",
                             "Neither a confidence interval nor a test of the difference in the sources used: "
                             "precision cannot be judged.", "msvitd")
        return Judgement("imprecision", "serious", "No confidence interval reported: precision cannot be checked.",
                         "msvitd")
    ci = f"95% CI {_fmt(body.lo)} to {_fmt(body.hi)}"
    if body.measure not in RATIOS:
        return _imprecision_difference(body, ci)
    b, h = body.benefit, body.harm
    src = body.thresholds_source or ("set in the file" if body.thresholds_from_file else "GRADE default")
    thr = f"thresholds {b:g} and {h:g}, {src}"
    crosses_null = body.lo <= 1 <= body.hi
    # Appreciable benefit lies beyond the benefit threshold, on whichever side of 1 it stands.
    ben = body.lo < b if b < 1 else body.hi > b
    harm = body.hi > h if h > 1 else body.lo < h
    ois = None
    p1_ok = b < 1 or (body.p0 is not None and body.p0 * b < 1)
    if body.p0 is not None and 0 < body.p0 < 1 and b != 1 and p1_ok:
        ois = optimal_information_size(body.p0, 1 - b)
    n = body.participants
    ois_text = ""
    if ois is not None and n is not None:
        change = f"RRR {100 * (1 - b):.0f}%" if b < 1 else f"relative increase {100 * (b - 1):.0f}%"
        ois_text = (f" Optimal information size {ois} participants (comparator risk {100 * body.p0:.1f}%, {change}, "
                    f"α 0.05, power 0.8); {n} analysed.")
    if crosses_null and ben and harm:
        return Judgement("imprecision", "very_serious",
                         f"The {ci} includes no effect and both appreciable benefit and appreciable harm ({thr})."
                         + ois_text, "msvitd")
    if crosses_null and (ben or harm):
        side = "benefit" if ben else "harm"
        return Judgement("imprecision", "serious",
                         f"The {ci} includes no effect and appreciable {side} ({thr})." + ois_text, "msvitd")
    if ois is not None and n is not None and n < ois:
        return Judgement("imprecision", "serious",
                         f"The {ci} {'includes' if crosses_null else 'excludes'} no effect but the optimal "
                         f"information size is not met." + ois_text, "msvitd")
    why = (f"The {ci} excludes no effect." if not crosses_null else
           f"The {ci} excludes appreciable benefit and harm ({thr}).")
    if ois is None or n is None:
        why += " Optimal information size not computed (no comparator risk or participant count)."
    return Judgement("imprecision", "not_serious", why + ois_text, "msvitd")


def _imprecision_difference(body: Body, ci: str) -> Judgement:
    """A difference (MD, SMD, RD): against the minimal important difference when the files give one (GRADE's
    partially contextualised approach: count the thresholds -MID, 0, +MID the interval crosses), else against
    no difference only, and the reason says the MID is missing."""
    crosses_null = body.lo <= 0 <= body.hi
    if body.mid is None:
        why = (f"The {ci} {'includes' if crosses_null else 'excludes'} no difference. No minimal important "
               f"difference for this outcome (set `mid:` with its source), so msvitd cannot tell an important "
               f"difference from a trivial one.")
        return Judgement("imprecision", "serious" if crosses_null else "not_serious", why, "msvitd")
    m = body.mid
    thr = f"minimal important difference {m:g}, {body.mid_source or 'source not given'}"
    below, above = body.lo < -m, body.hi > m
    if below and above:
        return Judgement("imprecision", "very_serious",
                         f"The {ci} includes both an important decrease and an important increase ({thr}).", "msvitd")
    if below or above:
        side = "decrease" if below else "increase"
        what = "no difference" if crosses_null else "a trivial difference"
        return Judgement("imprecision", "serious", f"The {ci} includes {what} and an important {side} ({thr}).",
                         "msvitd")
    if -m < body.lo and body.hi < m:
        return Judgement("imprecision", "not_serious",
                         f"The {ci} lies within ±{m:g}: any difference is smaller than the minimal important "
                         f"difference ({thr}).", "msvitd")
    return Judgement("imprecision", "not_serious", f"The {ci} lies beyond the minimal important difference ({thr}).",
                     "msvitd")


WHOSE = {"file": "study file", "question": "question file"}


def handbook_imprecision(body: Body, given: Judgement) -> Judgement:
    """A written imprecision judgement less severe than the handbook's rule for the same interval is not
    used as it stands: msvitd applies the rule, and the reason quotes both (``file_rating`` keeps the file's).

    Only where the rule is mechanical: an estimate with a confidence interval, judged against the thresholds
    (or the MID) the files set. A file that rates more severely keeps its judgement."""
    if body.estimate is None or body.lo is None or body.hi is None:
        return given
    rule = suggest_imprecision(body)
    if rule.steps <= given.steps:
        return given
    whose = WHOSE.get(given.by, given.by)
    reason = (f"{rule.reason} The {whose} rates imprecision {RATING_LABELS[given.rating].split(' (')[0]} "
              f"(\u201c{given.reason.rstrip('.')}\u201d), which the handbook's rule contradicts for this interval (GRADE 6 "
              f"and 34: rate down one level when it includes no effect and an appreciable effect, two when it "
              f"includes both appreciable benefit and appreciable harm), so msvitd uses "
              f"{RATING_LABELS[rule.rating].split(' (')[0]}. If the thresholds do not fit this outcome, set "
              f"`thresholds:` (or `mid:`) in the file rather than the rating.")
    return Judgement("imprecision", rule.rating, reason, "msvitd", file_rating=given.rating)
