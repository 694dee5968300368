"""Read one sentence the way an evidence reviewer does.

For each sentence: its clauses; in each clause the causal cues, hedges, negation and
hypothetical ("whether ...") scopes; the outcome and population words; and from these the
claim strength (Yu et al. 2019 four levels), the direction, and the benefit *claims* (a
benefit cue + an outcome concept, neither negated, about the study's intervention).

All offsets in the returned records are absolute offsets into the article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from msvitd.strength.agree import agree
from msvitd.text.lexicon import Hit, Lexicon, Matcher
from msvitd.text.sentences import LineIndex, Sentence, split_sentences

STRENGTHS = ("none", "correlational", "conditional_causal", "direct_causal")
_RANK = {s: i for i, s in enumerate(STRENGTHS)}

# Where one clause ends and another begins: strong punctuation, contrast words, and the
# words that introduce a definition ("disease activity, defined as relapse or new lesions").
_BOUNDARY = re.compile(
    r"[;:]\s+|\s[\u2014\u2013]\s?|\u2014|\s-\s|\(|\)|\?\s"
    r"|,?\s+(?=(?:but|whereas|although|though|however|yet|while|despite|except|unlike)\b)"
    r"|,\s*(?=(?:which|a condition|a disease|an illness|defined|including|such as|a composite|meaning|measured|as well as|compared|versus|vs)\b)"
    r"|\s+(?=(?:defined as|a composite of|which (?:is|was|are|were|includes|included|combines|combined))\b)",
    re.IGNORECASE)
_SUBORDINATE = re.compile(r"^(?:while|although|though|whereas|despite|as|because|since|given|if|when|after|"
                          r"before|with|unlike|in an effort|in addition)\b", re.IGNORECASE)
# Between a benefit verb and the disease it acts on: "slow MS", "slow down MS", "halt the disease".
_DISEASE_OBJECT_GAP = re.compile(r"['’\"”]?(?:\s+(?:down|up|off|back|in|against))?\s+"
                                 r"(?:(?:the|your|their|its|early|early-stage|relapsing|progressive|crippling|debilitating|"
                                 r"disabling|devastating|incurable|chronic|cruel|dreaded)\s+){0,2}", re.IGNORECASE)
_OBJECT_BEFORE = re.compile(r"\b(?:to|than|of|with|alongside|instead|on|taking|from|like|as|afford|access|vs|versus|"
                            r"help|helps|helping|support|supports|supporting|boost|boosts|boosting|balance|balances|"
                            r"regulate|regulates|modulate|modulates|strengthen|strengthens|calm|calms)"
                            r"\b(?:\s+[\w-]+){0,2}\s+$", re.IGNORECASE)
# A question that asks (what, does, should ...) rather than insinuates (can, could, may ...)
_ASKED = re.compile(r"(?:what|which|who|whom|why|how|when|where|does|do|did|is|are|was|were|has|have|had)\b", re.IGNORECASE)
# The start of an answer to the question before it (interviews, Q&A): a quote, "Yes", "No", "Not exactly"
# after a speaker's label in a script or transcript ("REPORTER: Not so fast.", "A: No.")
_ANSWER = re.compile(r"(?:[A-Z][A-Za-z.' ]{0,30}:\s+)?(?:[\"“'‘]|(?:yes|no|not|well|in short)\b)", re.IGNORECASE)
# What a protective verb acts on when it names a part of the body MS harms: "protect the brain"
_PROTECT_VERBS = ("protect", "shield", "safeguard", "preserve", "defend", "spare", "save")
_FORWARD_ONLY = re.compile(r"\b(?:in|of|for|on|against|to)$", re.IGNORECASE)
_POST_HEDGE = re.compile(r"(?:suggest|appear|seem|hint|likely|possibly|probably|perhaps)", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_WORD = re.compile(r"[\w'’%.-]+")


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


def _clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans (relative to ``text``)."""
    cuts = [0]
    for m in _BOUNDARY.finditer(text):
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
        if _SUBORDINATE.match(piece):
            comma = text.find(",", a + lead, b)
            if comma != -1 and comma + 1 < b:
                out.append((a, comma))
                out.append((comma + 1, b))
                continue
        out.append((a, b))
    return out or [(0, len(text))]


def _scope_end_short(text: str, pos: int, limit: int, words: int = 3) -> int:
    n = 0
    end = pos
    for m in _WORD.finditer(text, pos, limit):
        n += 1
        end = m.end()
        if n >= words:
            break
    return end


def _overlaps(a: Hit, hits: list[Hit]) -> bool:
    return any(h.start < a.end and a.start < h.end for h in hits)


def _tense(cue_text: str, label: str) -> bool:
    """True for a present-tense general statement form ("reduces", "prevents", "slows")."""
    if ":verb:" not in label:
        return False
    word = cue_text.split()[0].lower()
    return word.endswith("s") and not word.endswith("ss") and word not in ("was", "has", "is")


class Reader:
    """Reads sentences with one lexicon and one study's intervention words."""

    def __init__(self, lexicon: Lexicon, intervention_terms: tuple[str, ...] = ()):
        self.lex = lexicon
        self.intervention = lexicon.with_intervention_terms(intervention_terms) if intervention_terms else lexicon.intervention

    # -- one sentence --------------------------------------------------------------------
    def read(self, sentence: Sentence, answered: bool = False) -> Reading:
        """``answered``: the next paragraph answers this sentence (a question in an interview)."""
        lex = self.lex
        # words inside a URL ("/reduce-ms-relapses") are not the article's words
        s = _URL.sub(lambda m: " " * len(m.group()), sentence.text)
        base = sentence.start

        def cue(kind: str, h: Hit) -> Cue:
            return Cue(kind, h.label, base + h.start, base + h.end, h.text)

        causal = lex.causal.find(s)
        hedges = [h for h in lex.hedges.find(s) if not _overlaps(h, causal)
                  and not (h.text.lower() == "may" and re.match(r"\s*\d", s[h.end:h.end + 3]))]
        boosters = lex.boosters.find(s)
        not_neg = [h for h in lex.negation.find(s) if h.label == "not"]
        negations = [h for h in lex.negation.find(s) if h.label != "not" and not _overlaps(h, not_neg)]
        nulls = lex.null_result.find(s)
        hypos = lex.hypothetical.find(s)
        pop_hits = lex.populations.find(s)
        # "people with early symptoms" names who, not what: a population, not an outcome
        outcome_hits = [h for h in lex.outcomes.find(s) if not any(p.start <= h.start and h.end <= p.end for p in pop_hits)]
        interv = self.intervention.find(s)
        # another agent counts against "about the intervention" only as a subject, not as the
        # object of a preposition ("access to other treatments", "better than DMTs")
        others = [h for h in lex.other_agents.find(s) if not _overlaps(h, interv) and not _overlaps(h, pop_hits)
                  and not _OBJECT_BEFORE.search(s[max(0, h.start - 30):h.start])]
        hype_hits = [h for h in lex.hype.find(s) if not _overlaps(h, lex.hype_exclude.find(s))]
        question = s.rstrip().endswith("?")
        asked = question and answered

        clause_spans = _clauses(s)
        clauses: list[Clause] = []
        all_neg_scopes: list[tuple[int, int]] = []
        claims: list[Claim] = []
        mentions: list[Mention] = []
        cues: list[Cue] = []
        sentence_strength = "none"
        direction = "unclear"
        any_benefit = any_cause = any_neg = False

        def inside(h: Hit, a: int, b: int) -> bool:
            return a <= h.start < b

        for a, b in clause_spans:
            c_causal = [h for h in causal if inside(h, a, b)]
            c_hedges = [h for h in hedges if inside(h, a, b)]
            c_neg = [h for h in negations if inside(h, a, b)]
            c_null = [h for h in nulls if inside(h, a, b)]
            c_hypo = [h for h in hypos if inside(h, a, b)]
            c_out = [h for h in outcome_hits if inside(h, a, b)]
            c_interv = [h for h in interv if inside(h, a, b)]
            c_other = [h for h in others if inside(h, a, b)]
            # negated and hypothetical scopes inside the clause
            neg_scopes = []
            for h in c_neg:
                end = b if h.label == "clause" else _scope_end_short(s, h.end, b, 4)
                neg_scopes.append((h.start, end))
            # "Whether you were just diagnosed or have lived with MS for decades, ...": concessive, not a hypothesis
            c_hypo = [h for h in c_hypo if not (h.text.lower() == "whether" and not s[:h.start].strip(" \"'“‘")
                                                and re.search(r"\bor\b", s[h.end:b]))]
            # "Even if your levels are normal, it's worth taking": concessive, the claim holds either way
            c_hypo = [h for h in c_hypo if not (h.text.lower() == "if" and re.search(r"\beven\s+$", s[:h.start], re.I))]
            hypo_start = min((h.start for h in c_hypo), default=None)
            all_neg_scopes.extend((base + x, base + y) for x, y in neg_scopes)
            # "Does vitamin D stop MS?", "Fact check: does it ...?", or a question the next line answers:
            # a question asked, not a claim ("Can vitamin D tame MS?" insinuates, and stays a hedged claim)
            asked = asked or (question and bool(_ASKED.match(s[a:b].lstrip(" \"'“‘"))))
            if asked:
                hypo_start = a

            def negated(pos: int) -> bool:
                return any(x <= pos < y for x, y in neg_scopes)

            def hypothetical(pos: int) -> bool:
                return hypo_start is not None and pos >= hypo_start

            hedged = bool(c_hedges) or question

            def hedges_cue(h: Hit) -> bool:
                # a hedge governs what follows it ("may help prevent"); after the cue only a
                # reporting hedge does ("..., the study suggests"), not "slowing MS could be a game-changer"
                return question or any(x.start < h.start or _POST_HEDGE.match(x.text) for x in c_hedges)
            correl = [h for h in c_causal if h.label.startswith("correlational") and not negated(h.start)]
            live = [h for h in c_causal if not negated(h.start) and not hypothetical(h.start)]
            clause_strength = "none"
            for h in live:
                if h.label.startswith("correlational"):
                    lvl = "correlational"
                elif correl:
                    lvl = "correlational"
                elif hedges_cue(h):
                    lvl = "conditional_causal"
                else:
                    lvl = "direct_causal"
                if _RANK[lvl] > _RANK[clause_strength]:
                    clause_strength = lvl
            if _RANK[clause_strength] > _RANK[sentence_strength]:
                sentence_strength = clause_strength
            about = bool(c_interv) or not c_other
            c_mentions = [Mention(h.label, base + h.start, base + h.end, h.text, negated(h.start) or hypothetical(h.start),
                                  hypothetical(h.start) and not negated(h.start))
                          for h in c_out]
            mentions.extend(c_mentions)
            benefit_cues = [h for h in live if h.label.startswith("benefit")]
            cause_cues = [h for h in live if h.label.startswith("cause")]
            any_benefit |= bool(benefit_cues)
            any_cause |= bool(cause_cues)
            any_neg |= bool(c_neg) or bool(c_null)
            # benefit claims: pair each live outcome mention with its nearest benefit cue
            if benefit_cues and about:
                targets = [(m, h) for m, h in zip(c_mentions, c_out) if not m.negated]
                # a benefit verb whose object is the disease itself: "slows MS", "halt multiple sclerosis"
                for bc in benefit_cues:
                    if ":verb:" not in bc.label:
                        continue
                    window_end = _scope_end_short(s, bc.end, b, 3)
                    if any(bc.end <= h.start < window_end + 1 for h in c_out):
                        continue
                    dt = _DISEASE_OBJECT_GAP.match(s, bc.end)
                    lemma = bc.label.split(":", 2)[2]
                    gap_end = dt.end() if dt else bc.end
                    dt = lex.disease_terms.search(s[gap_end:window_end + 1]) if dt else None
                    if dt and dt.start != 0:
                        dt = None
                    organ = None
                    if dt is None and lemma in _PROTECT_VERBS and not any(
                            bc.end <= h.start < bc.end + 45 for h in c_out):  # "protect the brain from damage": damage
                        # "protect the brain", "shield nerve fibres": the damage MS does to them
                        og = re.match(r"['’\"”]?\s+(?:(?:the|your|their|its|our|people's|patients')\s+)?", s[bc.end:])
                        if og:
                            hit = lex.disease_organs.search(s[bc.end + og.end():bc.end + og.end() + 40])
                            if hit and hit.start == 0 and not negated(bc.start):
                                st, en = bc.end + og.end(), bc.end + og.end() + hit.end
                                organ = Mention(lex.organ_concept, base + st, base + en, s[st:en])
                        # "keeps your brain protected": the part of the body before a protective participle
                        if organ is None and bc.text.lower().endswith(("ed", "en")) and not negated(bc.start):
                            lead = s[max(a, bc.start - 40):bc.start]
                            hits = [x for x in lex.disease_organs.find(lead) if not lead[x.end:].strip()]
                            if hits:
                                st, en = bc.start - len(lead) + hits[-1].start, bc.start - len(lead) + hits[-1].end
                                organ = Mention(lex.organ_concept, base + st, base + en, s[st:en])
                    if organ is not None:
                        mentions.append(organ)
                        targets.append((organ, Hit(organ.start - base, organ.end - base, organ.concept, organ.text)))
                        continue
                    if dt:
                        gap = _DISEASE_OBJECT_GAP.match(s, bc.end).end() - bc.end
                        dt = Hit(dt.start + gap, dt.end + gap, dt.label, dt.text)
                    if dt and not negated(bc.start):
                        concept = lex.disease_verbs.get(lemma, lex.disease_verbs.get("default", "progression"))
                        st, en = bc.end + dt.start, bc.end + dt.end
                        m = Mention(concept, base + st, base + en, s[st:en])
                        mentions.append(m)
                        targets.append((m, Hit(st, en, concept, s[st:en])))
                for m, h in targets:
                    before = [x for x in benefit_cues if x.end <= h.start]
                    # "reduction in", "benefit for": a phrase that takes its object after it
                    after = [x for x in benefit_cues if x.start >= h.end and not _FORWARD_ONLY.search(x.text)]
                    if before:
                        bc = before[-1]
                    elif after:
                        bc = after[0]
                    else:
                        continue
                    if bc.end <= h.start and h.start - bc.end > 60:
                        continue
                    if bc.start >= h.end and bc.start - h.end > 40:
                        continue  # "disability ... and the reduction ... slower progression": too far to govern it
                    hc = hedges_cue(bc)
                    lvl = "correlational" if correl else ("conditional_causal" if hc else "direct_causal")
                    qs, qe = min(bc.start, h.start), max(bc.end, h.end)
                    claims.append(Claim(m.concept, lvl, cue("benefit", bc), m, hc,
                                        _tense(bc.text, bc.label), base + qs, base + qe))
            benefit_context = bool(benefit_cues) and about
            clauses.append(Clause(base + a, base + b, clause_strength, hedged, bool(c_neg), hypo_start is not None,
                                  about, bool(c_null), benefit_context, bool(c_out),
                                  base + hypo_start if hypo_start is not None else None))

        for h in causal:
            cues.append(cue(h.label.split(":")[0], h))
        cues += [cue("hedge", h) for h in hedges]
        cues += [cue("booster", h) for h in boosters]
        cues += [cue("negation", h) for h in negations]
        cues += [cue("null", h) for h in nulls]
        cues += [cue("hypothetical", h) for h in hypos]
        cues.sort(key=lambda c: (c.start, c.end))

        null_result = bool(nulls)
        # Claims are cancelled by a null-result clause of the same sentence that names no other
        # outcome ("..., though the difference was not significant") or names the same one.
        if null_result and claims:
            kept = []
            for cl in claims:
                cancel = False
                for c in clauses:
                    if c.null_result and not (c.start <= cl.cue.start < c.end):
                        names = {m.concept for m in mentions if c.start <= m.start < c.end}
                        if not names or cl.concept in names:
                            cancel = True
                kept.append(cl) if not cancel else None
            claims = kept
        # one strength reading for `msvitd strength` and the critique (issue 14): msvitd/strength/agree.py
        sentence_strength, claims = agree(s, sentence_strength, claims, getattr(lex, "lang", "en"))

        if claims:
            direction = "benefit"
        elif any_neg and (null_result or mentions):
            direction = "no_difference"
        elif any_cause:
            direction = "harm"
        elif any_benefit:
            direction = "benefit"

        pops = tuple(Mention(h.label, base + h.start, base + h.end, h.text) for h in pop_hits)
        hype = tuple(cue("hype", h) for h in hype_hits)
        null_ref = null_result and not outcome_hits
        return Reading(
            sentence=sentence, strength=sentence_strength, direction=direction, cues=tuple(cues),
            clauses=tuple(clauses), outcomes=tuple(sorted(mentions, key=lambda m: m.start)), populations=pops,
            claims=tuple(claims), hype=hype, boosters=tuple(cue("booster", h) for h in boosters),
            hedged=bool(hedges) or question, null_result=null_result, null_ref=null_ref,
            intervention=bool(interv), benefit_context=any(c.benefit_context for c in clauses), question=question,
            extras={"neg_scopes": tuple(all_neg_scopes)})

    # -- a whole text ----------------------------------------------------------------------
    def read_text(self, text: str, index: LineIndex | None = None) -> list[Reading]:
        sents = split_sentences(text, index)
        readings = [self.read(s, answered=s.text.rstrip().endswith("?") and i + 1 < len(sents)
                              and sents[i + 1].line > s.line and bool(_ANSWER.match(sents[i + 1].text)))
                    for i, s in enumerate(sents)]
        # "There were fewer relapses. The difference was not significant.": the second sentence
        # takes back the claims of the first.
        out = []
        for i, r in enumerate(readings):
            nxt = readings[i + 1] if i + 1 < len(readings) else None
            if r.claims and nxt is not None and nxt.null_ref and nxt.sentence.paragraph == r.sentence.paragraph:
                r = Reading(**{**r.__dict__, "claims": (), "direction": "no_difference"})
            out.append(r)
        return out


def strength_of(text: str, lexicon: Lexicon) -> Reading:
    """The reading of one line as a single sentence (for ``msvitd strength``)."""
    sent = Sentence(0, 0, len(text), text, 1, 1, 1, False)
    return Reader(lexicon).read(sent)


def _unused(_: Matcher) -> None:  # keep the import for type checkers
    return None
