"""The article discusses no limitation of the evidence.

What it flags
    Whole article: no wording about limitations, caveats, the need for further or larger
    trials, surrogate outcomes, small size or short follow-up, and no null result mentioned
    (msvitd/data/lexicons/article.yaml `limitations:`).

Why it matters
    "Does the story grasp the quality of the evidence?" is a HealthNewsReview criterion;
    omitting limitations is part of spin (Boutron et al. 2010; Haneef et al. 2015).  GRADE
    makes certainty explicit because single trials with surrogate outcomes are often
    overturned.

Example
    "The trial found fewer new lesions with vitamin D." (and nothing more)

Better
    "The trial measured MRI lesions rather than disability, lasted two years, and needs confirming."
"""

from __future__ import annotations

import re

CODE = "C603"
NAME = "omits-limitations"
CATEGORY = "omits_limitations"
SEVERITY = "warning"
_NULL = re.compile(r"\bno\b|\bnot\b|n['’]t\b|differ|similar|fail|missed", re.IGNORECASE)


def check(ctx):
    spans = [(r.start, r.end) for r in ctx.readings if ctx.about_other_study(r)]
    # "PrevANZ found no effect" is about another trial, not a limitation of this one
    if any(not (_NULL.search(h.text) and any(a <= h.start < b for a, b in spans))
           for h in ctx.article_has("limitations")):
        return
    lims = ctx.study.limitations[:3]
    fact = "; ".join(l.text for l in lims) or None
    yield ctx.article_hit("discusses no limitation of the evidence", fact)
