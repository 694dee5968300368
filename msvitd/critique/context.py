"""What a rule sees: the article read once, the study's facts, and shared predicates.

Rules receive a :class:`Context` and yield :class:`Hit` records (where, what, the contradicting
fact); the engine stamps each with the rule's code, name, category and default severity, as
yamllint's linter does. Everything two rules need is computed here once (cached on the context),
so no rule imports another and no rule depends on another having run first.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from msvitd.facts.harms import harm_excess
from msvitd.facts.study import StudyFacts
from msvitd.text.grammar import grammar
from msvitd.text.lexicon import Lexicon
from msvitd.text.reading import Reading
from msvitd.text.sentences import LineIndex


@dataclass(frozen=True)
class Hit:
    """What a rule found: a span of the article (None for the whole article), why, and the fact."""

    start: int | None
    end: int | None
    message: str
    fact: str | None = None
    severity: str | None = None  # None: the rule's default
    reading: Reading | None = None


@dataclass
class Context:
    """Everything a rule's ``check(ctx)`` may look at."""

    text: str
    readings: list[Reading]
    index: LineIndex
    study: object
    facts: StudyFacts
    lexicon: Lexicon
    others: list = field(default_factory=list)  # the library's other studies (for context)
    other_context: set = field(default_factory=set)  # sentence indexes that are about another study

    # -- what rules yield ------------------------------------------------------------------
    def hit(self, start: int, end: int, message: str, fact: str | None = None, severity: str | None = None,
            reading: Reading | None = None) -> Hit:
        return Hit(start, end, message, fact, severity, reading)

    def article_hit(self, message: str, fact: str | None = None, severity: str | None = None) -> Hit:
        return Hit(None, None, message, fact, severity)

    # -- the article -------------------------------------------------------------------------
    def article_has(self, table: str) -> list:
        """Matches of a whole-article cue table (``article:`` in the lexicon) in the text."""
        m = self.lexicon.article.get(table)
        return m.find(self.text) if m else []

    def find(self, table: str, reading: Reading) -> list:
        """Matches of an ``article:`` cue table in one sentence, in article offsets."""
        m = self.lexicon.article.get(table)
        if not m:
            return []
        return [type(h)(reading.start + h.start, reading.start + h.end, h.label, h.text)
                for h in m.find(reading.sentence.text)]

    def about_other_study(self, reading: Reading) -> bool:
        """True when the sentence is about another study (named, or "an earlier trial") in its
        paragraph or under a heading naming one, and does not name this study."""
        return reading.sentence.index in self.other_context

    def reading_at(self, offset: int) -> Reading | None:
        # readings are in text order: a bisection per call, not a scan (a number-heavy megabyte
        # asks this once per number)
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.readings[i].start <= offset < self.readings[i].end:
            return self.readings[i]
        return next((r for r in self.readings if r.start <= offset < r.end), None)

    @cached_property
    def _starts(self) -> list[int]:
        return [r.start for r in self.readings]

    @cached_property
    def number_rows(self) -> list:
        """The one number matcher's rows for the article (msvitd.facts.matcher), computed once."""
        from msvitd.facts.matcher import diff_numbers

        spans = [(r.sentence.start, r.sentence.end) for r in self.readings if r.sentence.index in self.other_context]
        rows, _ = diff_numbers(self.text, self.facts.number_facts, self.facts.derived_number_facts,
                               skip=lambda s, e: any(a <= s < b for a, b in spans))
        return rows

    @cached_property
    def intervention_words(self):
        """The study's intervention as articles name it (lexicon words and the study file's terms)."""
        return self.lexicon.with_intervention_terms(self.facts.intervention_terms())

    # -- shared predicates -----------------------------------------------------------------
    def names_dose(self, reading: Reading) -> bool:
        """The sentence names a supplement dose by its units ("14,000 IU a day", "100k every two
        weeks", "5.000 UI"): advice to take it names the intervention without its name."""
        return bool(_DOSE.search(reading.sentence.text))

    def _antecedent(self, reading: Reading) -> Reading | None:
        """The sentence before, in the same paragraph, when this one opens with a pronoun subject."""
        i = reading.sentence.index
        if i == 0 or i > len(self.readings) or not grammar(self.lexicon.lang).pronoun_subject.match(reading.sentence.text):
            return None
        before = self.readings[i - 1]
        ok = before.sentence.index == i - 1 and before.sentence.paragraph == reading.sentence.paragraph
        return before if ok else None

    def refers_back(self, reading: Reading) -> bool:
        """The sentence opens with a pronoun subject ("It also works for ...", "Cela vaut aussi pour ...") and the
        sentence before it, in the same paragraph, names the intervention: the claim runs over both sentences."""
        before = self._antecedent(reading)
        return before is not None and (
            bool(before.intervention) or any(c.about_intervention and c.benefit_context for c in before.clauses))

    def refers_to_other(self, reading: Reading) -> bool:
        """The pronoun subject stands for another agent the sentence before named ("Interferon is a standard drug.
        It also works for ...")."""
        before = self._antecedent(reading)
        return before is not None and not before.intervention and any(not c.about_intervention for c in before.clauses)

    def outcome_label(self, concept: str) -> str:
        return self.lexicon.outcome_info.get(concept, {}).get("label", concept.replace("_", " "))

    def surrogate_inference(self, reading: Reading) -> bool:
        """The sentence reports a supported surrogate result and draws a clinical inference from it."""
        if not self.lexicon.inference.search(reading.sentence.text):
            return False
        for m in reading.outcomes:
            info = self.lexicon.outcome_info.get(m.concept, {})
            if not m.negated and info.get("kind") == "surrogate" and self.facts.status(m.concept).status == "supported":
                return True
        return False

    def observational(self, reading: Reading) -> bool:
        """A "linked to" sentence about the exposure's levels (epidemiology, not the trial)."""
        exposure = self.lexicon.article.get("exposure")
        return any(m.concept in self.exposure_concepts for m in reading.outcomes) or bool(
            exposure and exposure.search(reading.sentence.text))

    def names_own_condition(self, claim) -> bool:
        """ "may quell CIS" in a CIS trial: the disease the claim acts on is the trial's own population,
        so the claim is about the trial's own outcome, not a clinical one read into it."""
        text = claim.mention.text
        pops = self.lexicon.populations.find(text)
        return bool(pops) and all(self.population_covered(self.lexicon.population_info.get(p.label, {}).get("scope", ""),
                                                          p.label) for p in pops)

    def disease_is_agent(self, claim, reading: Reading) -> bool:
        """ "The disease slows patients down", "Die Krankheit bremst die Patienten im Alltag": the verb's
        subject is the disease itself (a term of `disease_object.terms`, at most two words more before the
        verb, no intervention word), so the sentence says what the disease does, not what the trial found."""
        clause = reading.clause_at(claim.cue.start)
        start = clause.start if clause is not None else reading.start
        head = self.text[start:claim.cue.start]
        if claim.cue.start <= start or self.intervention_words.search(head):
            return False
        for d in self.lexicon.disease_terms.find(head):
            if start + d.end > claim.mention.start and start + d.start < claim.mention.end:
                continue  # the disease inside the outcome told ("la maladie progressait moins vite")
            rest = _LEAD.sub("", head[:d.start]) + " " + head[d.end:]
            if len(_WORDS.findall(rest)) <= 2:
                return True
        return False

    def surrogate_told_as_clinical(self, claim, reading: Reading) -> bool:
        """A claim on a clinical concept the trial did not support, when its positive results were
        surrogate: an idea news reads into imaging (damage, progression, symptoms) or inferred in
        the sentence from a surrogate result."""
        concept = claim.concept
        info = self.lexicon.outcome_info.get(concept, {})
        composite = self.composite_only(concept) and not (
            info.get("technical") and re.search(str(info["technical"]), claim.mention.text))
        if info.get("kind") != "clinical" or (self.facts.status(concept).status == "supported" and not composite):
            return False
        if not self.facts.positive_surrogate or self.names_own_condition(claim) or self.disease_is_agent(claim, reading):
            return False
        return composite or bool(info.get("told_from_surrogate")) or self.surrogate_inference(reading) or \
            self.told_as_time(reading)

    def composite_only(self, concept: str) -> bool:
        """A clinical idea the study supports only through composite outcomes while its clinical outcomes did not
        differ ("went on to develop MS", "holds off MS" in a CIS trial whose composite of relapse or new lesions
        was met on the lesions, relapses alone not): the composite's surrogate part told as the clinical event."""
        status = self.facts.status(concept)
        return (status.status == "supported" and bool(status.outcomes) and bool(self.facts.null_clinical)
                and all(o.type == "composite" for o in status.outcomes))

    def told_as_time(self, reading: Reading) -> bool:
        """The sentence tells a lengthened time before a clinical event ("the time before it flared up again
        almost doubled", "le délai avant une nouvelle poussée a doublé"): when the trial's positive results are
        surrogate, a time it lengthened was the time to the surrogate (``article.time_to_event``, per language)."""
        return bool(self.find("time_to_event", reading))

    def null_outcome_claim(self, claim, reading: Reading) -> str | None:
        """ "null" / "not_measured" when the claim is a benefit on a clinical outcome the trial found
        no difference in, or did not measure (and it is not a surrogate told as clinical)."""
        if (claim.strength == "correlational" and self.observational(reading)) or \
                self.surrogate_told_as_clinical(claim, reading) or self.names_own_condition(claim) or \
                self.disease_is_agent(claim, reading):
            return None
        status = self.facts.status(claim.concept)
        st = status.status
        if self.exploratory_only(claim.concept) and not self.find("restricted_analysis", reading):
            # only an exploratory analysis (completers only) found it, the planned one did not, and the
            # sentence does not say it is that analysis
            st = "null"
        if st == "null" and claim.concept not in self.exposure_concepts:
            return st  # any outcome the trial found no difference in, surrogate ones too ("cut MRI activity")
        if self.lexicon.outcome_info.get(claim.concept, {}).get("kind") != "clinical":
            return None
        return st if st == "not_measured" else None

    def exploratory_support(self, concept: str) -> list:
        """The outcomes that support ``concept`` when every one of them is exploratory (completers only, an
        exploratory MRI measure); [] otherwise."""
        status = self.facts.status(concept)
        if status.status != "supported" or not all(o.role == "exploratory" for o in status.outcomes):
            return []
        return list(status.outcomes)

    def exploratory_only(self, concept: str) -> list:
        """``exploratory_support``, when the planned analysis of the same concept found no difference; []
        otherwise."""
        outs = self.exploratory_support(concept)
        if not any(o.significant is False and o.role != "exploratory" for o in self.facts.by_concept.get(concept, [])):
            return []
        return outs

    def spun(self, claim, reading: Reading) -> bool:
        """The claim is already surrogate-as-clinical or null-outcome spin (C201/C202 report it)."""
        if claim.strength == "correlational" and self.observational(reading):
            return False
        return self.surrogate_told_as_clinical(claim, reading) or self.null_outcome_claim(claim, reading) is not None

    @cached_property
    def _subgroup_populations(self) -> set[str]:
        """Populations the study reported a subgroup for ("met 2017 McDonald criteria for RRMS")."""
        out = set()
        for g in self.study.subgroups:
            for h in self.lexicon.populations.find(f"{g.variable}. {g.finding}"):
                out.add(h.label)
        return out

    def population_covered(self, scope: str, concept: str = "") -> bool:
        """Whether the study's population covers a population scope of the lexicon."""
        if concept and concept in self._subgroup_populations:
            return True
        s = self.study
        pop = s.population
        if scope.startswith("stage:"):
            covers = _STAGE_COVERS.get(pop.stage or "", None)
            return True if covers is None else scope.split(":", 1)[1] in covers
        if scope == "everyone":
            return pop.stage == "at_risk"
        if scope == "treated":
            return s.design.therapy == "add_on"
        if scope == "untreated":
            return s.design.therapy != "add_on"
        if scope == "setting":
            return bool(_LOW_RESOURCE.search(pop.setting or ""))
        if scope == "pregnancy":
            return False  # a group no trial enrolled as such; a file lists it as a subgroup if one did (above)
        lo, hi = _age_bounds(pop.age)
        if scope == "children":
            return lo < 18
        if scope == "older":
            return hi >= 65
        if scope == "not_deficient":
            return not self._requires_low_exposure
        return True

    @cached_property
    def _requires_low_exposure(self) -> bool:
        """An inclusion criterion requires deficiency or caps the exposure's level ("25-hydroxyvitamin D
        below 100 nmol/L"): people with normal levels were not studied."""
        deficiency = self.lexicon.article.get("deficiency")
        for inc in self.study.population.inclusion:
            if deficiency and deficiency.search(inc):
                return True
            if any(m.label in self.exposure_concepts for m in self.lexicon.outcomes.find(inc)) and _CEILING.search(inc):
                return True
        return False

    @cached_property
    def exposure_concepts(self) -> frozenset:
        """Outcome concepts that are the exposure itself (``exposure: true`` in outcomes.yaml)."""
        return frozenset(k for k, v in (self.lexicon.data.get("outcomes") or {}).items()
                         if isinstance(v, dict) and v.get("exposure"))

    def narrowed(self, reading: Reading, m) -> bool:
        """A broad group narrowed at once to a population the study covers ("all patients with CIS")."""
        for p in reading.populations:
            scope = self.lexicon.population_info.get(p.concept, {}).get("scope", "")
            if p.start >= m.end and _NARROWED.fullmatch(self.text[m.end:p.start]) and \
                    self.population_covered(scope, p.concept):
                return True
        return False

    def uncovered_population(self, reading: Reading) -> bool:
        """The sentence names a population the study did not include ("anyone on a DMT")."""
        for m in reading.populations:
            scope = self.lexicon.population_info.get(m.concept, {}).get("scope", "")
            if scope and not self.population_covered(scope, m.concept) and not self.narrowed(reading, m):
                return True
        return False

    @cached_property
    def harm_excess(self) -> list:
        """Harms the study file records clearly more often on the intervention (msvitd/facts/harms.py)."""
        return harm_excess(self.study)

    @cached_property
    def weak_clinical_evidence(self) -> bool:
        """The trial gives no clinical benefit to stand on: clinical outcomes null or only surrogates positive."""
        # a clinical result of an exploratory analysis (completers only) in a trial whose primary
        # outcome was not met is no clinical benefit to stand on
        primary_null = getattr(self.facts.primary, "significant", None) is False
        clinical_positive = [o for o in self.facts.positive if o.type == "clinical"
                             and not (primary_null and o.role == "exploratory")]
        return not clinical_positive and bool(self.facts.null_clinical or self.facts.positive_surrogate or primary_null)


_DOSE = re.compile(r"\b\d[\d.,\s\u202f]*\s?(?:k\b|IU\b|UI\b|IE\b|I\.E\.|international units|unités|unidades|Einheiten)",
                   re.IGNORECASE)
_STAGE_COVERS = {
    "cis": {"cis", "early"},
    "rrms": {"rrms", "early"},
    "cis_or_rrms": {"cis", "early", "rrms"},
    "progressive": {"progressive"},
    "mixed": {"cis", "early", "rrms", "progressive", "any"},
    "at_risk": {"everyone"},
}
_NARROWED = re.compile(r"\s+(?:with|who\s+(?:have|had|are|were)|living\s+with|after|following|in)\s+"
                       r"(?:a|an|the|their|its)?\s*", re.IGNORECASE)
_LEAD = re.compile(r"^[\W\d_]*")
_WORDS = re.compile(r"[^\W\d_]+")
_LOW_RESOURCE = re.compile(r"low[- ]income|resource|developing", re.IGNORECASE)
_CEILING = re.compile(r"(?:below|under|less than|lower than|<|≤)\s*\d", re.IGNORECASE)


def _age_bounds(age: str | None) -> tuple[float, float]:
    nums = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", age or "")]
    if len(nums) >= 2:
        return nums[0], nums[1]
    return 0.0, 200.0
