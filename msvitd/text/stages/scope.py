"""Stage 3: what a clause's negation, hypothesis and question words govern.

- a clause negation ("did not") runs to the end of its clause, a short one ("no", "without")
  over the next four words;
- a hypothesis ("whether", "to test if") runs from its cue to the end of the clause, except a
  concessive one: a sentence-opening "Whether X or Y," or "Even if ...";
- a question that asks ("Does vitamin D stop MS?", or one the next line answers) is not a
  claim; one that insinuates ("Can vitamin D tame MS?") stays a hedged claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from msvitd.text.grammar import Grammar
from msvitd.text.lexicon import Hit

_WORD = re.compile(r"[\w'’%.-]+")
_OPENERS = " \"'“‘«¿¡"


def scope_end_short(text: str, pos: int, limit: int, words: int = 3) -> int:
    """The end of the next ``words`` words after ``pos`` (not past ``limit``)."""
    n = 0
    end = pos
    for m in _WORD.finditer(text, pos, limit):
        n += 1
        end = m.end()
        if n >= words:
            break
    return end


def _negated_span(s: str, a: int, b: int, h: Hit, g: Grammar) -> tuple[int, int]:
    """A clause negation runs to the end of its clause, a short one over four words; in a
    language that negates at the end of the clause ("Vitamin D senkte die Schübe nicht"), a
    clause negation with nothing after it (or only a separable verb's particle: "hielt die Schübe nicht
    auf") negates the whole clause."""
    if h.label != "clause":
        return h.start, scope_end_short(s, h.end, b, 4)
    # what follows up to a comma: "senkte die Schübe nicht, so die Autoren" ends the claim at the comma
    rest = s[h.end:b].split(",", 1)[0].strip(" .;:!?\"'”’»)")
    if g.final_negation and (not rest or g.final_particles.fullmatch(rest)):
        return a, b
    return h.start, b


@dataclass(frozen=True)
class Scope:
    negated_spans: tuple[tuple[int, int], ...]
    hypothetical_from: int | None  # relative offset where the clause stops being a claim
    asked: bool

    def negated(self, pos: int) -> bool:
        return any(x <= pos < y for x, y in self.negated_spans)

    def hypothetical(self, pos: int) -> bool:
        return self.hypothetical_from is not None and pos >= self.hypothetical_from


def concessive(h: Hit, s: str, b: int, g: Grammar) -> bool:
    """"Whether you were just diagnosed or have lived with MS for decades, ..." and "Even if
    your levels are normal, ...": the claim holds either way, so not a hypothesis."""
    word = h.text.lower()
    if word == g.concessive_whether and not s[:h.start].strip(_OPENERS) and g.concessive_or.search(s[h.end:b]):
        return True
    return word == g.concessive_if and bool(g.concessive_if_before.search(s[:h.start]))


def clause_scope(s: str, a: int, b: int, negations: list[Hit], hypotheticals: list[Hit], g: Grammar,
                 question: bool, asked: bool) -> Scope:
    spans = tuple(_negated_span(s, a, b, h, g) for h in negations)
    hypos = [h for h in hypotheticals if not concessive(h, s, b, g)]
    hypo_start = min((h.start for h in hypos), default=None)
    # a question asked, not a claim ("Fact check: does it ...?" is asked too)
    asked = asked or (question and bool(g.asked.match(s[a:b].lstrip(_OPENERS))))
    if asked:
        hypo_start = a
    return Scope(spans, hypo_start, asked)
