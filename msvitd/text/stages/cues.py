"""Stage 1: the lexicon's hits in one sentence, with the overlaps that cancel them removed."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from msvitd.text.grammar import Grammar
from msvitd.text.lexicon import Hit, Lexicon, Matcher


@dataclass(frozen=True)
class SentenceCues:
    """Every hit in a sentence; offsets relative to the sentence text."""

    causal: list[Hit]
    hedges: list[Hit]
    boosters: list[Hit]
    negations: list[Hit]
    nulls: list[Hit]
    hypotheticals: list[Hit]
    populations: list[Hit]
    outcomes: list[Hit]
    intervention: list[Hit]
    others: list[Hit]
    hype: list[Hit]


def overlaps(a: Hit, hits: list[Hit]) -> bool:
    """Does ``a`` overlap one of ``hits``, one table's matches (left to right, disjoint, so their
    ends rise too): the first hit ending after ``a`` starts is the only one to look at.  A
    sentence of 20,000 words has thousands of hits; comparing each with each was quadratic."""
    if len(hits) < 8:
        return any(h.start < a.end and a.start < h.end for h in hits)
    i = bisect_right(hits, a.start, key=_end)
    return i < len(hits) and hits[i].start < a.end


def _within_one(a: Hit, hits: list[Hit]) -> bool:
    """Is ``a`` inside one of ``hits`` (one table's disjoint matches, left to right): only the
    last one starting at or before ``a`` can hold it."""
    if len(hits) < 8:
        return any(p.start <= a.start and a.end <= p.end for p in hits)
    i = bisect_right(hits, a.start, key=_start) - 1
    return i >= 0 and a.end <= hits[i].end


def _start(h: Hit) -> int:
    return h.start


def _end(h: Hit) -> int:
    return h.end


def find_cues(s: str, lex: Lexicon, intervention: Matcher, g: Grammar) -> SentenceCues:
    causal = lex.causal.find(s)
    # a hedge inside a causal phrase is part of it; a hedge that is a month before a day
    # number ("May 3") is a date
    hedges = [h for h in lex.hedges.find(s) if not overlaps(h, causal)
              and not (h.text.lower() in g.month_hedges and re.match(r"\s*\d", s[h.end:h.end + 3]))]
    neg_hits = lex.negation.find(s)
    not_neg = [h for h in neg_hits if h.label == "not"]  # "not only", "no longer"
    negations = [h for h in neg_hits if h.label != "not" and not overlaps(h, not_neg)]
    pops = lex.populations.find(s)
    # "people with early symptoms" names who, not what: a population, not an outcome
    outcomes = [h for h in lex.outcomes.find(s) if not _within_one(h, pops)]
    interv = intervention.find(s)
    # another agent counts against "about the intervention" only as a subject, not as the
    # object of a preposition ("access to other treatments", "better than DMTs")
    agents = [h for h in lex.other_agents.find(s) if not overlaps(h, interv) and not overlaps(h, pops)]
    others = [h for h in agents if not g.object_before.search(s[max(0, h.start - 30):h.start])]
    others = sorted(others + _relative_others(s, agents, interv, g), key=_start)
    excluded = lex.hype_exclude.find(s)  # "breakthrough disease" is a technical term
    hype = [h for h in lex.hype.find(s) if not overlaps(h, excluded)]
    return SentenceCues(causal, hedges, lex.boosters.find(s), negations, lex.null_result.find(s),
                        lex.hypothetical.find(s), pops, outcomes, interv, others, hype)


def _relative_others(s: str, others: list[Hit], interv: list[Hit], g: Grammar) -> list[Hit]:
    """A relative clause whose antecedent is another agent ("proven therapies, which remain far better at
    preventing relapses") is about that agent: its relative pronoun counts as the agent, so the clause's
    benefit is not read as the study intervention's. The antecedent is the nearest agent before the comma
    (the intervention or another one) within a few words."""
    out = []
    for m in g.relative.finditer(s):
        before = [h for h in others + interv if h.end <= m.start() and m.start() - h.end <= 40]
        if before and max(before, key=_end) in others:
            out.append(Hit(m.start("w"), m.end("w"), "other", m.group("w")))
    return out
