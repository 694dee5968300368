"""Read one sentence the way an evidence reviewer does.

For each sentence: its clauses; in each clause the causal cues, hedges, negation and
hypothetical ("whether ...") scopes; the outcome and population words; and from these the
claim strength (Yu et al. 2019 four levels), the direction, and the benefit *claims* (a
benefit cue + an outcome concept, neither negated, about the study's intervention).

The work is done by the stages in text/stages/ (cues, clauses, scope, strength, claims,
direction), over the language's data (text/lang/<code>/). All offsets in the returned
records are absolute offsets into the article text.
"""

from __future__ import annotations

import re

from msvitd.text.strength.agree import agree
from msvitd.text.grammar import grammar
from msvitd.text.lexicon import Hit, Lexicon, for_language
from msvitd.text.records import RANK, STRENGTHS, Claim, Clause, Cue, Mention, Reading
from msvitd.text.sentences import LineIndex, Sentence, split_sentences
from msvitd.text.stages.claims import governing_cue, object_mention
from msvitd.text.stages.clauses import (clause_spans, rejoin_final_negation, rejoin_negated_subject,
                                        rejoin_parenthesis_verb, rejoin_reported, within)
from msvitd.text.stages.cues import SentenceCues, find_cues
from msvitd.text.stages.direction import cancel_by_null, direction, take_back
from msvitd.text.stages.scope import Scope, clause_scope
from msvitd.text.stages.strength import clause_strength, cue_strength, hedged_cue, stronger

__all__ = ["STRENGTHS", "Claim", "Clause", "Cue", "Mention", "Reading", "Reader", "strength_of"]
_RANK = RANK
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def _tense(cue_text: str, label: str, g) -> bool:
    """True for a present-tense general statement form ("reduces", "prevents", "slows")."""
    if ":verb:" not in label:
        return False
    word = cue_text.split()[0].lower()
    return bool(g.present_tense.fullmatch(word))


class _Sentence:
    """What the stages accumulate over the clauses of one sentence."""

    def __init__(self) -> None:
        self.clauses: list[Clause] = []
        self.neg_scopes: list[tuple[int, int]] = []
        self.claims: list[Claim] = []
        self.mentions: list[Mention] = []
        self.strength = "none"
        self.benefit = self.cause = self.negated = self.asked = False


class Reader:
    """Reads sentences with one lexicon and one study's intervention words."""

    def __init__(self, lexicon: Lexicon, intervention_terms: tuple[str, ...] = (), mixed: bool = True):
        self.lex = lexicon
        self.g = grammar(lexicon.lang)
        self.terms = tuple(intervention_terms)
        self.intervention = lexicon.with_intervention_terms(intervention_terms) if intervention_terms else lexicon.intervention
        self.mixed = mixed  # read a sentence in another language with that language's data
        self._others: dict[str, "Reader"] = {}

    def for_text(self, text: str) -> "Reader":
        """The reader for one sentence: this one, or the one of the language it is clearly in."""
        if not self.mixed:
            return self
        from msvitd.text.language import sentence_language

        code = sentence_language(text, self.lex.lang)
        if code == self.lex.lang:
            return self
        if code not in self._others:
            self._others[code] = Reader(for_language(self.lex, code), self.terms, mixed=False)
        return self._others[code]

    # -- one sentence --------------------------------------------------------------------
    def read(self, sentence: Sentence, answered: bool = False) -> Reading:
        """``answered``: the next paragraph answers this sentence (a question in an interview)."""
        # words inside a URL ("/reduce-ms-relapses") are not the article's words
        s = _URL.sub(lambda m: " " * len(m.group()), sentence.text)
        base = sentence.start
        found = find_cues(s, self.lex, self.intervention, self.g)
        question = s.rstrip().endswith("?")
        acc = _Sentence()
        acc.asked = question and answered
        spans = clause_spans(s, self.g)
        if self.g.final_negation and found.negations:
            spans = rejoin_final_negation(s, spans, found.negations)
        spans = rejoin_reported(spans, found.hypotheticals)
        if found.negations:
            spans = rejoin_negated_subject(s, spans, found.negations)
        if found.negations or found.nulls:
            spans = rejoin_parenthesis_verb(s, spans, found.negations + found.nulls)
        for a, b in spans:
            self._clause(s, a, b, base, found, question, acc)
        cues = self._cues(found, base)
        null_result = bool(found.nulls)
        claims = cancel_by_null(acc.claims, acc.clauses, acc.mentions) if null_result and acc.claims else acc.claims
        # one strength reading for `msvitd strength` and the critique (issue 14): msvitd/text/strength/agree.py.
        # It caps the claims, so a sentence with claims is classified now; in one without, the level
        # is read only by whoever asks for it (the diff), and most sentences claim nothing (issue 17:
        # the model was a third of the critique's time per article)
        if claims:
            strength, claims = agree(s, acc.strength, claims, self.lex.lang)
        else:
            strength = _Deferred(s, acc.strength, self.lex.lang)
        way = direction(claims, acc.negated, null_result, acc.mentions, acc.cause, acc.benefit)
        return _Read(
            sentence=sentence, strength=strength, direction=way, cues=tuple(cues),
            clauses=tuple(acc.clauses), outcomes=tuple(sorted(acc.mentions, key=lambda m: m.start)),
            populations=tuple(Mention(h.label, base + h.start, base + h.end, h.text) for h in found.populations),
            claims=tuple(claims), hype=tuple(_cue("hype", h, base) for h in found.hype),
            boosters=tuple(_cue("booster", h, base) for h in found.boosters),
            hedged=bool(found.hedges) or question, null_result=null_result,
            null_ref=null_result and not found.outcomes, intervention=bool(found.intervention),
            benefit_context=any(c.benefit_context for c in acc.clauses), question=question,
            extras={"neg_scopes": tuple(acc.neg_scopes)})

    def _clause(self, s: str, a: int, b: int, base: int, found: SentenceCues, question: bool, acc: _Sentence) -> None:
        """One clause through scope, strength and claims; adds to ``acc``."""
        g = self.g

        def here(hits: list[Hit]) -> list[Hit]:
            return within(hits, a, b)

        causal, hedges, outcomes = here(found.causal), here(found.hedges), here(found.outcomes)
        negations, nulls = here(found.negations), here(found.nulls)
        scope = clause_scope(s, a, b, negations, here(found.hypotheticals), g, question, acc.asked)
        acc.asked = scope.asked
        acc.neg_scopes.extend((base + x, base + y) for x, y in scope.negated_spans)
        correl = any(h.label.startswith("correlational") and not scope.negated(h.start) for h in causal)
        live = [h for h in causal if not scope.negated(h.start) and not scope.hypothetical(h.start)]
        strength = clause_strength(live, correl, hedges, question, g)
        acc.strength = stronger(acc.strength, strength)
        about = bool(here(found.intervention)) or not here(found.others)
        mentions = [_mention(h, scope, base) for h in outcomes]
        acc.mentions.extend(mentions)
        benefit_cues = [h for h in live if h.label.startswith("benefit")]
        acc.benefit |= bool(benefit_cues)
        acc.cause |= any(h.label.startswith("cause") for h in live)
        acc.negated |= bool(negations) or bool(nulls)
        if benefit_cues and about:
            self._claims(s, a, b, base, outcomes, mentions, benefit_cues, hedges, correl, scope, question, acc)
        acc.clauses.append(Clause(base + a, base + b, strength, bool(hedges) or question, bool(negations),
                                  scope.hypothetical_from is not None, about, bool(nulls),
                                  bool(benefit_cues) and about, bool(outcomes),
                                  base + scope.hypothetical_from if scope.hypothetical_from is not None else None))

    def _claims(self, s, a, b, base, outcomes, mentions, benefit_cues, hedges, correl, scope, question, acc) -> None:
        """Pair each live outcome mention (and what a benefit verb acts on) with its cue."""
        g = self.g
        targets = [(m, h) for m, h in zip(mentions, outcomes) if not m.negated]
        for bc in benefit_cues:
            m = object_mention(s, bc, a, b, outcomes, scope, self.lex, g, base)
            if m is not None:
                acc.mentions.append(m)
                targets.append((m, Hit(m.start - base, m.end - base, m.concept, m.text)))
        for m, h in targets:
            bc = governing_cue(h, benefit_cues, g)
            if bc is None:
                continue
            hedged = hedged_cue(bc, hedges, question, g)
            qs, qe = min(bc.start, h.start), max(bc.end, h.end)
            acc.claims.append(Claim(m.concept, cue_strength(bc, correl, hedged), _cue("benefit", bc, base),
                                    m, hedged, _tense(bc.text, bc.label, g), base + qs, base + qe))

    @staticmethod
    def _cues(found: SentenceCues, base: int) -> list[Cue]:
        cues = [_cue(h.label.split(":")[0], h, base) for h in found.causal]
        cues += [_cue("hedge", h, base) for h in found.hedges]
        cues += [_cue("booster", h, base) for h in found.boosters]
        cues += [_cue("negation", h, base) for h in found.negations]
        cues += [_cue("null", h, base) for h in found.nulls]
        cues += [_cue("hypothetical", h, base) for h in found.hypotheticals]
        cues.sort(key=lambda c: (c.start, c.end))
        return cues

    # -- a whole text ----------------------------------------------------------------------
    def read_text(self, text: str, index: LineIndex | None = None) -> list[Reading]:
        sents = split_sentences(text, index, self.lex.lang)
        readings = [self.for_text(s.text).read(
                        s, answered=s.text.rstrip().endswith("?") and i + 1 < len(sents)
                        and sents[i + 1].line > s.line and bool(self.g.answer.match(sents[i + 1].text)))
                    for i, s in enumerate(sents)]
        return take_back(readings)


def strength_of(text: str, lexicon: Lexicon) -> Reading:
    """The reading of one line as a single sentence (for ``msvitd strength``)."""
    sent = Sentence(0, 0, len(text), text, 1, 1, 1, False)
    return Reader(lexicon).read(sent)



class _Deferred:
    """A sentence's strength level (``agree``'s, with no claims to cap), worked out when it is read."""

    __slots__ = ("text", "rule_level", "lang")

    def __init__(self, text: str, rule_level: str, lang: str):
        self.text, self.rule_level, self.lang = text, rule_level, lang

    def __call__(self) -> str:
        return agree(self.text, self.rule_level, [], self.lang)[0]

    def __reduce__(self):
        return (_Deferred, (self.text, self.rule_level, self.lang))


class _Level:
    """``Reading.strength`` of the reader's readings: a ``_Deferred`` level is worked out on first
    read and kept; equality, repr, ``dataclasses.replace`` and pickling all read it the same way."""

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__["strength"]
        if isinstance(value, _Deferred):
            value = obj.__dict__["strength"] = value()
        return value

    def __set__(self, obj, value) -> None:
        obj.__dict__["strength"] = value


class _Read(Reading):
    """A Reading whose sentence strength may be worked out on first read (see Reader.read)."""

    strength = _Level()  # type: ignore[assignment]


def _cue(kind: str, h: Hit, base: int) -> Cue:
    return Cue(kind, h.label, base + h.start, base + h.end, h.text)


def _mention(h: Hit, scope: Scope, base: int) -> Mention:
    """An outcome word; inside a negation or a hypothesis it is negated (and, in a hypothesis
    only, hypothetical)."""
    neg, hyp = scope.negated(h.start), scope.hypothetical(h.start)
    return Mention(h.label, base + h.start, base + h.end, h.text, neg or hyp, hyp and not neg)
