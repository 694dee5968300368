"""Sensational or superlative wording about the research ("groundbreaking", "game-changer", "cure").

What it flags
    Words from the hype lexicon (msvitd/data/lexicons/hype.yaml): groundbreaking, breakthrough,
    game-changer, landmark, striking, miracle, cure, revolutionary, major step forward...
    Strong words are warnings; mild ones ("exciting") and hedged ones ("a potential
    breakthrough", "could be a game-changer") are info, and so is a strong word about another agent
    ("interferon was a breakthrough in the 1990s").  Negated uses ("there is no known
    cure", "not a miracle") and technical terms ("breakthrough disease") are not flagged.

Why it matters
    Hype words are the most recognisable form of spin in health news (Haneef et al. 2015,
    PLoS One; Sumner et al. 2014, BMJ, traced much of it to press releases).  Superlatives
    tell readers the question is settled; a single two-year trial of a surrogate outcome is
    not.  HealthNewsReview.org asked reviewers to fault "sensational language".

Example
    "Groundbreaking Research: Vitamin D May Help Prevent MS Damage"

Better
    "A French trial found fewer signs of MS activity on MRI with high-dose vitamin D"
"""

from __future__ import annotations


from msvitd.rules._common import lower, negated_after, negated_before

CODE = "C101"
NAME = "hype-wording"
CATEGORY = "hype"
SEVERITY = "warning"


def check(ctx):
    for r in ctx.readings:
        for h in r.hype:
            if negated_before(ctx.text, h.start, r.start) or negated_after(ctx.text, h.end):
                continue
            sev = SEVERITY if h.label == "strong" else "info"
            clause = r.clause_at(h.start)
            if (clause is not None and clause.hedged) or r.question:
                sev = lower(sev)
            if clause is not None and clause.hypothetical_at(h.start):
                sev = "info"  # a word someone else used, reported to be examined ("the post promises a cure")
            if (clause is not None and not clause.about_intervention) or ctx.refers_to_other(r) or _unanchored(ctx, r):
                sev = "info"  # about another agent ("the disease-modifying drugs were a breakthrough")
            word = h.text.strip()
            surrogate_only = ctx.facts.positive_surrogate and not [o for o in ctx.facts.positive if o.type == "clinical"]
            msg = (f"\"{word}\" is hype: it tells readers the question is settled, but this is one trial"
                   + (" whose positive results are on surrogate outcomes" if surrogate_only else ""))
            fact = ctx.facts.surrogate_summary() or (ctx.facts.fact(ctx.facts.primary))
            yield ctx.hit(h.start, h.end, msg, fact, sev, r)


def _unanchored(ctx, r) -> bool:
    """A strong word in a body sentence that names neither the intervention (nor "the results", "this study"),
    nor an outcome, nor claims anything, nor refers back to a sentence that does: it describes something else
    ("a striking pattern on the world map of MS", "striking p values. But they are exploratory")."""
    people = [p for p in r.populations if p.concept != "readers"]  # "if you colour in a map": no population
    own = ctx.lexicon.article.get("own_study")  # "this trial is a landmark", "este ensayo es un hito"
    return not (r.sentence.heading or r.intervention or r.outcomes or r.claims or r.boosters or people
                or (own is not None and own.search(r.sentence.text))
                or ctx.lexicon.disease_terms.find(r.sentence.text) or ctx.refers_back(r))
