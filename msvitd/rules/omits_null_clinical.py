"""The article never says that the clinical outcomes (relapses, disability) did not differ.

What it flags
    Whole article: the study has clinical outcomes with `significant: false` and no sentence
    of the article reports any of them as not different ("no difference in relapses", "did
    not slow disability").

Why it matters
    Leaving out the null clinical outcomes while reporting the positive surrogate one is
    selective reporting, a form of spin (Boutron et al. 2010, JAMA; Chiu et al. 2017).
    Readers cannot weigh a lesion result without knowing relapses and disability were unchanged.

Example
    "Vitamin D cut new MRI lesions over two years." (and nothing about relapses or disability)

Better
    "Relapses and disability did not differ between the groups over two years."
"""

from __future__ import annotations

import re


CODE = "C601"
NAME = "omits-null-clinical-outcomes"
CATEGORY = "omits_null_clinical"
SEVERITY = "warning"


_BREAK = re.compile(r"[.;!?]|\b(?:but|although|though|while|whereas|however|yet|mais|aber|pero)\b", re.IGNORECASE)


def _null_leads_to(ctx, r, start: int) -> bool:
    """A null result that runs on to the outcome across a colon: "what it didn't find: any difference in
    relapses" (the colon starts a new clause, but the list is what was not found)."""
    s = r.sentence.text
    for h in ctx.lexicon.null_result.find(s):
        gap = s[h.end:max(h.end, start - r.start)]
        if h.end <= start - r.start and ":" in s[h.start:start - r.start] and not _BREAK.search(gap):
            return True
    return False


def check(ctx):
    nulls = ctx.facts.null_clinical
    if not nulls and getattr(ctx.facts.primary, "significant", None) is False:
        nulls = [ctx.facts.primary]  # no clinical outcome as such (PrevANZ's composite): the null primary one
    if not nulls:
        return
    concepts = {c for o in nulls for c in o.concepts}
    primary_null = any(o is ctx.facts.primary for o in nulls)
    for r in ctx.readings:
        if ctx.find("anecdote", r):
            continue  # "I haven't had a relapse since I started": one reader's story, not the trial's result
        if primary_null and r.null_ref and not ctx.about_other_study(r):
            return  # "the groups didn't differ at 48 weeks": a null told of the whole trial is its primary result
        for m in r.outcomes:
            if m.concept not in concepts:
                continue
            # the null result must bear on this outcome: its own clause is negated or reports a null
            # ("Although the causes are not understood, deficiency may lead to more disability" does not)
            clause = r.clause_at(m.start)
            here = clause is None or clause.negated or clause.null_result or _null_leads_to(ctx, r, m.start)
            if (m.negated and not m.hypothetical) or (r.null_result and here) or (r.direction == "no_difference" and here):
                return
    names = ", ".join(o.name for o in nulls)
    yield ctx.article_hit(f"never says that these outcomes did not differ between the groups: {names}",
                              "; ".join(ctx.facts.fact(o) for o in nulls))
