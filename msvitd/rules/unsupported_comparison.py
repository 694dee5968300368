"""A comparison with treatments the trial did not test ("an alternative to disease-modifying drugs").

What it flags
    A sentence about the study's intervention that sets it beside other treatments (cue:
    alternative, instead of, replace, as effective as, like some MS drugs, cheaper than...;
    treatment: disease-modifying drugs, DMTs, interferon, named MS drugs) when the trial's
    comparator was not that treatment (placebo, low dose, none).  Negated statements ("is
    not a replacement for DMTs") are not flagged.  An error; a warning when hedged.

Why it matters
    A placebo-controlled trial says nothing about how vitamin D compares with disease-modifying
    therapy; suggesting it as an alternative may lead people to delay or stop effective
    treatment.  HealthNewsReview's criterion "Does the story compare the new approach with
    existing alternatives?" asks for a fair comparison, not an invented one; GRADE treats an
    indirect comparison as indirect evidence.

Example
    "...a low-cost alternative, particularly where people have limited access to more expensive disease-modifying therapies."

Better
    "The trial compared vitamin D with placebo, not with MS drugs; it is not a substitute for them."
"""

from __future__ import annotations


from msvitd.rules._common import lower, negated_before

CODE = "C401"
NAME = "unsupported-comparison"
CATEGORY = "unsupported_comparison"
SEVERITY = "error"


def check(ctx):
    if ctx.study.design.comparator_type == "active":
        return
    lex = ctx.lexicon
    for r in ctx.readings:
        if ctx.about_other_study(r):
            continue
        s = r.sentence.text
        cues = lex.comparison_cues.find(s)
        if not cues:
            continue
        treats = lex.comparison_treatments.find(s)
        if not treats:
            continue
        for cue in cues:
            if negated_before(s, cue.start, 0):
                continue
            clause = r.clause_at(r.start + cue.start)
            if clause is not None and clause.hypothetical_at(r.start + cue.start):
                continue
            t = min(treats, key=lambda t: abs(t.start - cue.end))
            start, end = r.start + min(cue.start, t.start), r.start + max(cue.end, t.end)
            if end - start > 160:
                start, end = r.start + cue.start, r.start + cue.end
            sev = lower(SEVERITY) if r.hedged else SEVERITY
            comp = ctx.study.comparator.label
            yield ctx.hit(start, end,
                              f"compares {ctx.study.intervention.agent} with {t.text}, which the trial did not test; "
                              f"its comparison was with {comp}",
                              f"Comparator: {comp}", sev, r)
            break
