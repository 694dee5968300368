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
    return _rejoin_comments(text, out, g) or [(0, len(text))]


def _rejoin_comments(text: str, spans: list[tuple[int, int]], g: Grammar) -> list[tuple[int, int]]:
    """A reporting clause inserted between commas (", wie die neue Studie zeigt,", ", comme le montre
    l'étude,", ", as the study shows,") joins the clause before it and the words after it: the verb before
    it and the object after it are one claim (the comma before it opens it; the one after it may or may
    not have cut a clause)."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        a, b = spans[i]
        if out and "," in text[out[-1][1]:a + 1]:
            piece = text[a:b].strip(" ")
            head = piece.split(",", 1)[0].strip()
            if head and g.comment_clause.fullmatch(head):
                if head != piece.rstrip(" .!?;:"):
                    out[-1] = (out[-1][0], b)  # "..., wie X zeigt, den Verlauf." cut once, before "wie"
                    i += 1
                    continue
                if i + 1 < len(spans) and "," in text[b:spans[i + 1][0] + 1]:
                    out[-1] = (out[-1][0], spans[i + 1][1])  # cut on both sides of the comment
                    i += 2
                    continue
        out.append((a, b))
        i += 1
    return out


_APPOSITION_OPEN = ("\u2013", "\u2014", "(", " - ")


def rejoin_final_negation(text: str, spans: list[tuple[int, int]], negations: list) -> list[tuple[int, int]]:
    """In a language that negates at the end of the clause, a negation left alone after an
    apposition ("Vitamin D senkte die Krankheitsaktivität – also Schübe oder neue Herde – nicht.")
    closes the clause the apposition interrupted: the three spans become one, so the negation
    governs the verb before the dash (``negations``: the sentence's clause-negation hits)."""
    if len(spans) < 3:
        return spans
    a, b = spans[-1]
    lone = [h for h in negations if h.label == "clause" and a <= h.start < b]
    if not lone or text[a:b].strip(" .,;:!?\"'\u201d\u2019\u00bb)\u2013\u2014-") != text[lone[0].start:lone[0].end]:
        return spans
    (a1, b1), (a2, _) = spans[-3], spans[-2]
    if not any(text[b1:a2 + 1].strip(" ").startswith(o.strip()) for o in _APPOSITION_OPEN):
        return spans
    return spans[:-3] + [(a1, b)]


def rejoin_reported(spans: list[tuple[int, int]], hypotheticals: list) -> list[tuple[int, int]]:
    """A claim reported in order to examine it ("On lit pourtant que X a réduit les poussées", "the post
    says that ..., and that ..."): from the clause of the frame (a hit labelled ``reported``) to the end
    of the sentence is one clause, so the frame's hypothetical scope covers every clause it introduces."""
    frame = next((h for h in hypotheticals if h.label == "reported"), None)
    if frame is None or len(spans) < 2:
        return spans
    i = next((k for k, (a, b) in enumerate(spans) if frame.start < b), None)
    if i is None or i == len(spans) - 1:
        return spans
    return spans[:i] + [(min(spans[i][0], frame.start), spans[-1][1])]


def rejoin_negated_subject(text: str, spans: list[tuple[int, int]], negations: list) -> list[tuple[int, int]]:
    """A negated subject cut off by an aside ("None of the doses, including the highest, reduced
    relapses"; "Aucune dose, y compris ..."): a short clause that opens with the negation and the clause
    after it are one, so the negation governs the verb after the aside."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        a, b = spans[i]
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip(" ,\"'“«"))
        opens = any(h.start == a + lead and h.end <= b for h in negations)
        if opens and i + 1 < len(spans) and len(piece.split()) <= 6 and text[b:spans[i + 1][0] + 1].lstrip().startswith(","):
            out.append((a, spans[i + 1][1]))
            i += 2
            continue
        out.append((a, b))
        i += 1
    return out


def rejoin_parenthesis_verb(text: str, spans: list[tuple[int, int]], negated: list) -> list[tuple[int, int]]:
    """Figures in brackets between a subject and its negated verb ("the share with a relapse (17.9% vs 21.8%)
    did not differ", "la proportion ... (17,9 % contre 21,8 %) n'a pas différé"): a clause after the closing
    bracket that opens with a negation or a null result (``negated``: those hits, within its first two words)
    continues the clause before the bracket, so the three spans become one and the null result reaches the
    outcome named before it."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        if out and i + 1 < len(spans):
            (a1, b1), (a2, b2), (a3, b3) = out[-1], spans[i], spans[i + 1]
            head = text[a3:b3].lstrip(" ")
            lead = a3 + len(text[a3:b3]) - len(head)
            two = lead + sum(len(w) + 1 for w in head.split(" ")[:2])
            if text[b1:a2].strip() == "(" and text[b2:a3].strip() == ")" and head[:1].islower() and \
                    any(lead <= h.start < two for h in negated):
                out[-1] = (a1, b3)
                i += 2
                continue
        out.append(spans[i])
        i += 1
    return out


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
