"""Stage 2: where one clause ends and the next begins (strong punctuation, contrast words, the
words that open a definition), and an opening subordinate clause cut at its first comma."""

from __future__ import annotations

from bisect import bisect_left

from msvitd.text.grammar import Grammar


def clause_spans(text: str, g: Grammar) -> list[tuple[int, int]]:
    """Clause spans (relative to ``text``)."""
    cuts = [0]
    for m in g.boundary.finditer(text):
        if m.start() > cuts[-1]:
            cuts.append(m.start())
        if m.end() > cuts[-1]:
            cuts.append(m.end())
    cuts.append(len(text))
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        if b > a and text[a:b].strip(" ,;:\u2014\u2013()"):
            spans.append((a, b))
    # A subordinate clause opening the sentence ("While X, Y") ends at its first comma.
    out = []
    for a, b in spans:
        piece = text[a:b].lstrip(" ,")
        lead = b - a - len(piece)
        if g.subordinate.match(piece):
            comma = text.find(",", a + lead, b)
            if comma != -1 and comma + 1 < b:
                out.append((a, comma))
                out.append((comma + 1, b))
                continue
        out.append((a, b))
    return out or [(0, len(text))]


def inside(start: int, a: int, b: int) -> bool:
    return a <= start < b


def within(hits: list, a: int, b: int) -> list:
    """The hits that start in [a, b), in order.  Hits come sorted by start (a table's matches left
    to right), so two binary searches find them: a sentence of 20,000 words has thousands of
    clauses, and filtering every hit list for each clause made reading it quadratic."""
    if not hits or hits[-1].start < a or hits[0].start >= b:
        return []
    i = bisect_left(hits, a, key=_start)
    j = bisect_left(hits, b, key=_start)
    return hits[i:j]


def _start(hit) -> int:
    return hit.start
