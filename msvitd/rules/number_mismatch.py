"""A number that contradicts the source: wrong N, a reduction the trial did not find, an inverted result.

What it flags
    Every number `msvitd diff` calls a mismatch (one matcher, msvitd/diffing/numbers.py, reads
    what the sentence says a number is and compares it with that fact of the study file):
    - a participant count that is not the trial's: "500 people", "303 randomly assigned"
      (316 were randomised, 303 analysed), "about 500 patients";
    - a relative reduction that is not 1 - HR: "cut by two thirds", "66% less likely" (the
      hazard ratio 0.66 read as a reduction), "halved the risk";
    - an inverted result: the share of an arm *with* the outcome told as the share without it
      ("60.3% had no new activity"), or the two arms' figures swapped;
    - how long the trial ran ("a three-year study" for 24 months); a dose, percentage, ratio,
      confidence interval or P value of an outcome that matches none of the study's.
    Sentences about another study (named, or "an earlier trial") are not checked.

Why it matters
    Numbers are what readers remember and what other outlets copy.  The D-Lay MS coverage
    already shows the failure modes: HR 0.66 reported as a 66% reduction, the 60.3% / 74.1%
    figures inverted in a press release, 303 analysed told as 303 randomised (Schwitzer
    2008; Yavchitz et al. 2012 on spin propagated from press releases).

Example
    "Vitamin D cut disease activity by two thirds."

Better
    "Disease activity: 60.3% vs 74.1% (HR 0.66, a 34% lower hazard)."
"""

from __future__ import annotations


CODE = "C502"
NAME = "number-mismatch"
CATEGORY = "number_mismatch"
SEVERITY = "error"


def _source(row) -> str:
    f = row.source_fact
    if f is None:
        return ""
    text = f"{f.label}: {f.value}"
    if f.formula:
        text += f" ({f.formula})"
    if f.cite:
        text += f" [{f.cite}]"
    return text


def check(ctx):
    for row in ctx.number_rows:
        if row.verdict != "mismatch":
            continue
        reading = ctx.reading_at(row.start)
        if reading is not None and ctx.about_other_study(reading):
            continue
        message = row.note or f"{row.quote.strip()} does not match the trial's numbers"
        yield ctx.hit(row.start, row.end, message, _source(row), reading=reading)
