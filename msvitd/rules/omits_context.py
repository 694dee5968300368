"""The article does not say that earlier trials of the same idea were negative.

What it flags
    Whole article: no mention of earlier or other trials, mixed or negative results,
    reviews or meta-analyses, and none of the library's other studies by name.  The message
    lists, one line each, the library's other studies (evidence/studies/) whose primary
    outcome was not significant and that the article does not mention.

Why it matters
    A positive trial read alone looks like a discovery; read with earlier negative trials
    (SOLAR, CHOLINE, VIDAMS, EVIDIMS, PrevANZ for vitamin D in MS) it is one signal among
    several.  HealthNewsReview's novelty criterion and the "context" items of reporting
    guides (Schwitzer 2008) ask for this; the UK MS Society's own coverage of D-Lay MS did it.

Example
    "This discovery could mark a major step forward in MS management."

Better
    "Earlier trials of vitamin D in MS (SOLAR, VIDAMS, PrevANZ) found no benefit; D-Lay MS is the first positive one."
"""

from __future__ import annotations

import re

CODE = "C604"
NAME = "omits-context"
CATEGORY = "omits_context"
SEVERITY = "info"


def _mentioned(text: str, study) -> bool:
    from msvitd.facts.scope import name_alternative  # "protocolo solar" does not name SOLAR

    names = [study.name] + list(study.aliases)
    return any(re.search(r"(?<!\w)" + name_alternative(n) + r"(?!\w)", text, re.I) for n in names if len(n) > 2)


def _line(study) -> str:
    prim = next((o for o in study.outcomes if o.role == "primary"), study.outcomes[0])
    from msvitd.facts.study import outcome_fact

    cit = study.citation
    who = f"{(cit.authors or '').split(',')[0].split(' ')[0]} {cit.year or ''}".strip()
    return f"{study.name} ({who}; {study.population.condition}): {outcome_fact(prim, study)}"


def earlier_negative(ctx) -> list:
    out = []
    for s in ctx.others:
        if s.id == ctx.study.id:
            continue
        prim = next((o for o in s.outcomes if o.role == "primary"), None)
        if prim is not None and prim.significant is False:
            out.append(s)
    return out


def check(ctx):
    negatives = earlier_negative(ctx)
    if ctx.article_has("context"):
        return
    missing = [s for s in negatives if not _mentioned(ctx.text, s)]
    if negatives and len(missing) < len(negatives):
        return  # it names at least one of the earlier negative trials: the result is placed in context
    own_primary = next((o for o in ctx.study.outcomes if o.role == "primary"), None)
    if own_primary is not None and own_primary.significant is False and any(
            _mentioned(ctx.text, s) for s in ctx.others if s.id != ctx.study.id):
        return  # a null trial set beside any other trial of the same idea (a positive one too) is placed
    if missing:
        msg = ("does not mention that earlier trials of the same idea were negative: "
               + "; ".join(s.name for s in missing))
        fact = "\n".join(_line(s) for s in missing)
    else:
        msg = "does not place the trial among earlier research on the same question"
        fact = None
    yield ctx.article_hit(msg, fact)
