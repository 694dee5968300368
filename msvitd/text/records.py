"""What reading a sentence yields: cues, outcome and population mentions, benefit claims,
clauses, and the sentence's reading.  All offsets are absolute offsets into the article text."""

from __future__ import annotations

from dataclasses import dataclass, field

from msvitd.text.sentences import Sentence

STRENGTHS = ("none", "correlational", "conditional_causal", "direct_causal")
RANK = {s: i for i, s in enumerate(STRENGTHS)}


@dataclass(frozen=True)
class Cue:
    kind: str  # benefit, cause, correlational, hedge, booster, negation, null, hypothetical, hype
    label: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict:
        return {"text": self.text, "type": self.kind, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Mention:
    concept: str
    start: int
    end: int
    text: str
    negated: bool = False  # negated, or inside a hypothetical scope (then ``hypothetical`` is true too)
    hypothetical: bool = False


@dataclass(frozen=True)
class Claim:
    """A benefit claimed for an outcome concept: "may help prevent MS damage"."""

    concept: str
    strength: str  # correlational / conditional_causal / direct_causal
    cue: Cue
    mention: Mention
    hedged: bool
    present_tense: bool  # "reduces" (a general statement) rather than "reduced" (a trial report)
    start: int  # the quote: from the cue to the concept, whichever comes first
    end: int


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    strength: str
    hedged: bool
    negated: bool
    hypothetical: bool
    about_intervention: bool
    null_result: bool
    benefit_context: bool
    has_concept: bool
    hypothetical_from: int | None = None  # absolute offset where a "whether"/"if" scope starts

    def hypothetical_at(self, offset: int) -> bool:
        """True when ``offset`` lies in the clause's hypothetical scope ("whether it slows MS")."""
        return self.hypothetical and (self.hypothetical_from is None or offset >= self.hypothetical_from)


@dataclass(frozen=True)
class Reading:
    sentence: Sentence
    strength: str
    direction: str  # benefit, harm, no_difference, unclear
    cues: tuple[Cue, ...]
    clauses: tuple[Clause, ...]
    outcomes: tuple[Mention, ...]
    populations: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    hype: tuple[Cue, ...]
    boosters: tuple[Cue, ...]
    hedged: bool
    null_result: bool
    null_ref: bool  # a null-result sentence with no outcome word: "The difference was not significant."
    intervention: bool
    benefit_context: bool
    question: bool
    extras: dict = field(default_factory=dict, compare=False)

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end

    def negated_at(self, offset: int) -> bool:
        """True when ``offset`` lies in the scope of a negation ("not", "no", "without ...")."""
        return any(a <= offset < b for a, b in self.extras.get("neg_scopes", ()))

    def clause_at(self, offset: int) -> Clause | None:
        for c in self.clauses:
            if c.start <= offset < c.end:
                return c
        return self.clauses[-1] if self.clauses else None
