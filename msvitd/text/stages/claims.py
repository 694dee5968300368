"""Stage 5: benefit claims: a benefit cue paired with the outcome it acts on.

The outcome is an outcome word of the clause, or what the verb acts on when that is the
disease itself ("slows MS": the concept the lexicon's ``disease_object.verbs`` gives the verb)
or, for a protective verb, a part of the body MS harms ("protect the brain", "keeps your brain
protected": ``disease_object.organ_concept``).  A cue governs an outcome up to 60 characters
after it, or 40 before it for a cue that does not take its object after it ("reduction in").
"""

from __future__ import annotations

from msvitd.text.grammar import Grammar
from msvitd.text.lexicon import Hit, Lexicon
from msvitd.text.records import Mention
from msvitd.text.stages.scope import Scope, scope_end_short


def _organ_after(s: str, bc: Hit, lex: Lexicon, g: Grammar, base: int) -> Mention | None:
    """"protect the brain", "shield nerve fibres": the damage MS does to them."""
    og = g.organ_gap.match(s[bc.end:])
    if not og:
        return None
    hit = lex.disease_organs.search(s[bc.end + og.end():bc.end + og.end() + 40])
    if not (hit and hit.start == 0):
        return None
    st, en = bc.end + og.end(), bc.end + og.end() + hit.end
    return Mention(lex.organ_concept, base + st, base + en, s[st:en])


def _organ_before(s: str, bc: Hit, a: int, lex: Lexicon, base: int) -> Mention | None:
    """"keeps your brain protected": the part of the body before a protective participle."""
    lead = s[max(a, bc.start - 40):bc.start]
    hits = [x for x in lex.disease_organs.find(lead) if not lead[x.end:].strip()]
    if not hits:
        return None
    st, en = bc.start - len(lead) + hits[-1].start, bc.start - len(lead) + hits[-1].end
    return Mention(lex.organ_concept, base + st, base + en, s[st:en])


def _disease_before_final_verb(s: str, bc: Hit, a: int, b: int, lex: Lexicon) -> tuple[int, int] | None:
    """Where the verb closes its clause (German "dass Vitamin D die Krankheit bremst"), the disease
    named just before it is its object; (start, end) in ``s``, or None."""
    if s[bc.end:b].strip(" \t.,;:!?\"'»”)"):
        return None
    lead = s[max(a, bc.start - 40):bc.start]
    hits = [x for x in lex.disease_terms.find(lead) if not lead[x.end:].strip()]
    if not hits:
        return None
    off = bc.start - len(lead)
    return off + hits[-1].start, off + hits[-1].end


def object_mention(s: str, bc: Hit, a: int, b: int, outcomes: list[Hit], scope: Scope, lex: Lexicon,
                   g: Grammar, base: int) -> Mention | None:
    """What a benefit verb acts on when no outcome word follows it closely: the disease
    ("slow down MS", "halt the crippling disease") or a part of the body ("protect the brain")."""
    if ":verb:" not in bc.label:
        return None
    window_end = scope_end_short(s, bc.end, b, g.object_window)
    if any(bc.end <= h.start < window_end + 1 for h in outcomes):
        return None  # an outcome word follows: it is the object
    gap = g.object_gap.match(s, bc.end)
    lemma = bc.label.split(":", 2)[2]
    disease = lex.disease_terms.search(s[gap.end():window_end + 1]) if gap else None
    if disease and disease.start != 0:
        disease = None
    # (an outcome word just before the verb is its object already: "das Fortschreiten der Erkrankung bremsen")
    if disease is None and g.final_verb_object and not any(0 <= bc.start - h.end <= 40 for h in outcomes):
        before = _disease_before_final_verb(s, bc, a, b, lex)
        if before is not None:
            if scope.negated(bc.start):
                return None
            concept = lex.disease_verbs.get(lemma, lex.disease_verbs.get("default", "progression"))
            return Mention(concept, base + before[0], base + before[1], s[before[0]:before[1]])
    if disease is None and lemma in g.protect_verbs and not scope.negated(bc.start) and not any(
            bc.end <= h.start < bc.end + 45 for h in outcomes):  # "protect the brain from damage": damage
        organ = _organ_after(s, bc, lex, g, base)
        if organ is None and bc.text.lower().endswith(g.participle_endings):
            organ = _organ_before(s, bc, a, lex, base)
        if organ is not None:
            return organ
    if disease is None or scope.negated(bc.start):
        return None
    concept = lex.disease_verbs.get(lemma, lex.disease_verbs.get("default", "progression"))
    st, en = gap.end() + disease.start, gap.end() + disease.end
    return Mention(concept, base + st, base + en, s[st:en])


def governing_cue(h: Hit, benefit_cues: list[Hit], g: Grammar) -> Hit | None:
    """The benefit cue that acts on the outcome at ``h``: the nearest before it, else the first
    after it that does not take its object after it; None when it is too far to govern it."""
    before = [x for x in benefit_cues if x.end <= h.start]
    after = [x for x in benefit_cues if x.start >= h.end and not g.forward_only.search(x.text)]
    if before:
        bc = before[-1]
    elif after:
        bc = after[0]
    else:
        return None
    if bc.end <= h.start and h.start - bc.end > 60:
        return None
    if bc.start >= h.end and bc.start - h.end > 40:
        return None  # "disability ... and the reduction ... slower progression": too far to govern it
    return bc
