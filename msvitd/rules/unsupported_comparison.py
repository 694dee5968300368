"""A comparison with treatments the trial did not test ("an alternative to disease-modifying drugs").

What it flags
    A sentence about the study's intervention that sets it beside other treatments (cue:
    alternative, instead of, replace, as effective as, like some MS drugs, cheaper than...;
    treatment: disease-modifying drugs, DMTs, interferon, named MS drugs) when the trial's
    comparator was not that treatment (placebo, low dose, none).  Negated statements ("is
    not a replacement for DMTs", "compared with placebo, not with DMTs") are not flagged.  An error; a warning when hedged.

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

import re


from msvitd.rules._common import lower, negated_before
from msvitd.text import negation
from msvitd.text.grammar import number_roles

CODE = "C401"
NAME = "unsupported-comparison"
CATEGORY = "unsupported_comparison"
SEVERITY = "error"


# "people on interferon", "taking their injections", "added to interferon": who the people are, not a rival
_ON = re.compile(r"\b(?:on|taking|receiving|using|alongside|added\s+to|plus|with|sous|unter|con|bajo|junto\s+con)\s+"
                 r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


# "compared with placebo, not with disease-modifying drugs": the treatment is what the trial did NOT
# compare with; saying so is the careful reading, not an invented comparison
# (the preposition is required: "no worse than interferon" is a comparison; the words: negation.yaml)
def _background(study, words: str) -> bool:
    """The treatment words name a co-treatment every arm of the study received (an add-on trial)."""
    arms = list(getattr(study, "arms", None) or [])
    co = [" ".join(getattr(a, "co_treatments", None) or []).lower() for a in arms]
    head = words.lower().split()
    return bool(arms) and all(c for c in co) and any(w in c for w in head if len(w) > 4 for c in co)


def _in_negation(r, cue: int, treatment: int) -> bool:
    """The cue inside the reader's negation scope ("ne remplace pas un traitement de fond", "should never
    stop your DMT"), or the treatment's own determiner negated ("ersetzen keine Basistherapie"): a careful
    statement, in every language whose negation the reader knows (scopes from the language's tables).
    "people with no access to interferon" keeps the comparison: the negation is about access."""
    scopes = (getattr(r, "extras", None) or {}).get("neg_scopes", ())
    return any(x <= cue < y or 0 <= treatment - x <= 12 for x, y in scopes)


def _own_comparison(after: str, roles) -> bool:
    """The cue's object is the trial's own comparator ("compared with placebo", "frente al placebo",
    "gegenüber Placebo"): the sentence states what the trial compared, whatever else it names."""
    return bool(roles.comparator_arm.search(after[:16]))


def check(ctx):
    if ctx.study.design.comparator_type == "active":
        return
    lex = ctx.lexicon
    roles = number_roles(getattr(lex, "lang", "en"))
    for r in ctx.readings:
        if ctx.about_other_study(r):
            continue
        s = r.sentence.text
        cues = lex.comparison_cues.find(s)
        if not cues:
            continue
        # "people on interferon who took vitamin D": a therapy every arm took is the trial's setting
        treats = [t for t in lex.comparison_treatments.find(s)
                  if not (_background(ctx.study, t.text) and _ON.search(s[max(0, t.start - 25):t.start]))
                  and not negation.not_with().search(s[max(0, t.start - 30):t.start])]
        if not treats:
            continue
        for cue in cues:
            if negated_before(s, cue.start, 0) or _own_comparison(s[cue.end:], roles):
                continue
            near = min(treats, key=lambda t: abs(t.start - cue.end))
            if _in_negation(r, r.start + cue.start, r.start + near.start):
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
