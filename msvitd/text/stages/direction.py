"""Stage 6: what a sentence says happened (benefit, harm, no difference) once null results have
taken back the claims they contradict, in the same sentence or the one before."""

from __future__ import annotations

from msvitd.text.records import Claim, Clause, Mention, Reading


def cancel_by_null(claims: list[Claim], clauses: list[Clause], mentions: list[Mention]) -> list[Claim]:
    """Claims a null-result clause of the same sentence takes back: one that names no other
    outcome ("..., though the difference was not significant") or names the same one."""
    kept = []
    for cl in claims:
        cancel = False
        for c in clauses:
            if c.null_result and not (c.start <= cl.cue.start < c.end):
                names = {m.concept for m in mentions if c.start <= m.start < c.end}
                if not names or cl.concept in names:
                    cancel = True
        if not cancel:
            kept.append(cl)
    return kept


def direction(claims: list[Claim], negated: bool, null_result: bool, mentions: list[Mention],
              cause: bool, benefit: bool) -> str:
    if claims:
        return "benefit"
    if negated and (null_result or mentions):
        return "no_difference"
    if cause:
        return "harm"
    if benefit:
        return "benefit"
    return "unclear"


def take_back(readings: list[Reading]) -> list[Reading]:
    """"There were fewer relapses. The difference was not significant.": the second sentence
    takes back the claims of the first (same paragraph)."""
    out = []
    for i, r in enumerate(readings):
        nxt = readings[i + 1] if i + 1 < len(readings) else None
        if r.claims and nxt is not None and nxt.null_ref and nxt.sentence.paragraph == r.sentence.paragraph:
            # the reading's own class and fields as stored (a sentence strength not worked out yet stays so)
            r = type(r)(**{**r.__dict__, "claims": (), "direction": "no_difference"})
        out.append(r)
    return out
