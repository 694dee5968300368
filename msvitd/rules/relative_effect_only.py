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


CODE = "C501"
NAME = "relative-effect-only"
CATEGORY = "relative_only"
SEVERITY = "warning"


_ARM_FIGURE = (": % with the outcome", ": events", ": absolute difference", ": NNT", ": rate")


def _outcome_of_relative(ctx, start: int, end: int) -> str | None:
    """The study outcome a relative effect belongs to, from the number matcher's reading of it."""
    for row in ctx.number_rows:
        f = row.source_fact
        if start <= row.start < end and f is not None and f.formula and f.formula.startswith("1 -"):
            return f.label.split(": ")[0]
    return None


def _absolute_for(ctx, outcome: str) -> bool:
    """The article gives that outcome's figures in each arm, an absolute difference or an NNT."""
    return any(row.verdict in ("match", "rounded", "derived") and row.source_fact is not None
               and row.source_fact.label.startswith(outcome) and any(k in row.source_fact.label for k in _ARM_FIGURE)
               for row in ctx.number_rows)


def _named_outcomes(ctx, reading, start: int) -> list[str]:
    """The study outcomes the relative effect's own clause names ("a 32% reduction in relapses": the relapse
    rate), whose arm figures size it even when the matcher tied the percentage to another outcome's ratio."""
    clause = reading.clause_at(start) if reading is not None else None
    if clause is None:
        return []
    concepts = {m.concept for m in reading.outcomes if clause.start <= m.start < clause.end}
    return [o.name for o in ctx.study.outcomes if concepts & set(o.concepts or ())]


def check(ctx):
    rel = ctx.article_has("relative")
    if not rel:
        return
    h = rel[0]
    reading = ctx.reading_at(h.start)
    start, end = h.start, h.end
    if reading is not None:
        end = min(end, reading.end)
    outcome = None
    for cand in rel:  # the first relative effect the matcher ties to an outcome of the study
        r = ctx.reading_at(cand.start)
        outcome = _outcome_of_relative(ctx, r.start if r else cand.start, r.end if r else cand.end)
        if outcome is not None:
            start, end, reading = cand.start, min(cand.end, r.end) if r else cand.end, r
            break
    if outcome is not None:
        # absolute figures of another outcome ("relapse 17.9% vs 21.8%") do not size this effect
        if _absolute_for(ctx, outcome) or any(_absolute_for(ctx, o) for o in _named_outcomes(ctx, reading, start)):
            return
    elif ctx.article_has("absolute"):
        return
    o = next((x for x in ctx.study.outcomes if outcome and x.name == outcome), ctx.facts.primary)
    yield ctx.hit(start, end,
                  "gives a relative effect only; the article never says how many people had the outcome in each group",
                  ctx.facts.fact(o), reading=reading)
