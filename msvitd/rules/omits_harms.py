"""The article says nothing about harms or side effects.

What it flags
    Whole article: no mention of side effects, adverse events, safety, hypercalcaemia, kidney
    stones or toxicity (msvitd/data/lexicons/article.yaml `harms:`).

Why it matters
    "Does the story adequately explain the harms?" is a HealthNewsReview criterion; news
    stories most often fail it (Schwitzer 2008, PLoS Med).  High-dose vitamin D can raise
    calcium; readers considering 100,000 IU every two weeks need to know what was seen.

Example
    "High-dose vitamin D every two weeks cut disease activity over two years." (and nothing on side effects)

Better
    "Serious side effects were similar in both groups; no severe hypercalcaemia was seen."
"""

from __future__ import annotations


CODE = "C602"
NAME = "omits-harms"
CATEGORY = "omits_harms"
SEVERITY = "warning"


def check(ctx):
    if ctx.article_has("harms"):
        return
    harms = ctx.study.harms
    fact = "; ".join(f"{h.name}: {h.finding}" for h in harms if h.finding) or "harms: not reported in the sources used"
    yield ctx.article_hit("says nothing about side effects or safety", fact)
