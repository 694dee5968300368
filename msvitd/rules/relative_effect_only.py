"""A relative effect ("34% lower risk", "cut the risk by a third") with no absolute numbers anywhere.

What it flags
    The first relative effect in an article (msvitd/data/lexicons/article.yaml `relative:`)
    when the article gives no absolute figures at all (both arms' percentages, "x of y",
    a number needed to treat, percentage points).

Why it matters
    Relative effects alone make benefits look larger and are understood worse than absolute
    ones (Gigerenzer et al. 2007, Psychol Sci Public Interest; Cochrane review by Akl et al.
    2011).  "Benefits quantified in absolute terms" was the first HealthNewsReview criterion;
    Moynihan et al. 2000 (NEJM) found most news reported relative benefits only.

Example
    "Vitamin D cut the risk of disease activity by 34%."

Better
    "60.3% on vitamin D had disease activity within two years vs 74.1% on placebo (about 14 fewer per 100)."
"""

from __future__ import annotations

import sys

CODE = "C501"
NAME = "relative-effect-only"
CATEGORY = "relative_only"
SEVERITY = "warning"
_SELF = sys.modules[__name__]


def check(ctx):
    if ctx.article_has("absolute"):
        return
    rel = ctx.article_has("relative")
    if not rel:
        return
    h = rel[0]
    reading = next((r for r in ctx.readings if r.start <= h.start < r.end), None)
    start, end = h.start, h.end
    if reading is not None:
        end = min(end, reading.end)
    o = ctx.facts.primary
    yield ctx.finding(_SELF, start, end,
                      "gives a relative effect only; the article never says how many people had the outcome in each group",
                      ctx.facts.fact(o), SEVERITY, reading)
