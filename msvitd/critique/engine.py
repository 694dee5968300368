"""Run the critique rules over one article against one study."""

from __future__ import annotations

import re

from dataclasses import dataclass, field

from msvitd.critique.facts import StudyFacts
from msvitd.critique.result import CheckItem, CritiqueResult, Finding
from msvitd.text.lexicon import Lexicon, for_language, load_lexicon
from msvitd.text.reading import Reader, Reading
from msvitd.text.sentences import LineIndex


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
    findings: list[Finding] = field(default_factory=list)  # findings of the rules run so far
    other_context: set = field(default_factory=set)  # sentence indexes that are about another study
    _numbers: list | None = None  # the number matcher's rows, filled on first use (number_rows)

    def finding(self, rule, start: int, end: int, message: str, source_fact: str | None = None,
                severity: str | None = None, reading: Reading | None = None) -> Finding:
        line, col = self.index.position(start)
        eline, ecol = self.index.position(end)
        return Finding(rule.CODE, rule.NAME, rule.CATEGORY, severity or rule.SEVERITY, message,
                       self.text[start:end], start, end, line, col, eline, ecol, source_fact,
                       reading.sentence.start if reading else None, reading.sentence.end if reading else None)

    def article_finding(self, rule, message: str, source_fact: str | None = None,
                        severity: str | None = None) -> Finding:
        return Finding(rule.CODE, rule.NAME, rule.CATEGORY, severity or rule.SEVERITY, message, source_fact=source_fact)

    def article_has(self, table: str) -> list:
        """Matches of a whole-article cue table (``article:`` in the lexicon) in the text."""
        m = self.lexicon.article.get(table)
        return m.find(self.text) if m else []

    def about_other_study(self, reading: Reading) -> bool:
        """True when the sentence is about another study (named, or "an earlier trial") in its
        paragraph or under a heading naming one, and does not name this study."""
        return reading.sentence.index in self.other_context

    def flagged(self, start: int, end: int, rules: tuple[str, ...]) -> bool:
        return any(f.rule in rules and f.start is not None and f.start < end and start < f.end for f in self.findings)


_OWN_REF = __import__("re").compile(r"\b(?:this|the new|the current|the latest|the present|the French|the D-Lay)"
                                   r" (?:trial|study|research|results|findings)\b", __import__("re").IGNORECASE)


def _names_regex(studies) -> "re.Pattern | None":
    import re

    names = sorted({n for s in studies for n in [s.name, *s.aliases] if len(n) > 2}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.IGNORECASE)


def _other_study_sentences(readings: list[Reading], study, others: list, lexicon: Lexicon) -> set:
    """Indexes of sentences about some other study: one that names another study or says
    "an earlier trial", the rest of its paragraph, and the section under a heading that does."""
    own = _names_regex([study])
    other = _names_regex([s for s in others if s.id != study.id])
    cue = lexicon.article.get("other_study")
    out = set()
    section = False
    para_no, para = None, False
    for r in readings:
        t = r.sentence.text
        names_own = bool(own and own.search(t))
        names_other = bool(other and other.search(t)) or bool(cue and cue.search(t))
        if r.sentence.heading:
            section = names_other and not names_own
            para_no, para = r.sentence.paragraph, False
            if section:
                out.add(r.sentence.index)
            continue
        if r.sentence.paragraph != para_no:
            para_no, para = r.sentence.paragraph, False
        if names_own or _OWN_REF.search(t):
            para = False
            section = False if not names_other else section
            continue
        if names_other:
            para = True
        if para or section:
            out.add(r.sentence.index)
    return out


def other_study_spans(text: str, study, others: list, lexicon: Lexicon | None = None,
                      readings: list[Reading] | None = None) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``text`` that are about another study than ``study``
    (the reading critique uses; `msvitd diff` leaves their numbers unjudged)."""
    if readings is None:
        from msvitd.text.language import detect_language

        guess = detect_language(text)
        lexicon = for_language(lexicon or load_lexicon(), guess.code if guess.supported else "en")
        readings = Reader(lexicon, StudyFacts.of(study).intervention_terms()).read_text(text, LineIndex(text))
    idx = _other_study_sentences(readings, study, others, lexicon or load_lexicon())
    return [(r.sentence.start, r.sentence.end) for r in readings if r.sentence.index in idx]


def number_rows(ctx: "Context") -> list:
    """The shared number matcher's rows for the article (msvitd.diffing.numbers), computed once."""
    if ctx._numbers is None:
        from msvitd.diffing.facts import derived_facts, study_facts
        from msvitd.diffing.numbers import diff_numbers

        key = id(ctx.study)
        cached = _FACTS.get(key)
        if cached is None or cached[0] is not ctx.study:
            facts = study_facts(ctx.study)
            cached = (ctx.study, facts, derived_facts(facts))
            _FACTS.clear()
            _FACTS[key] = cached
        spans = [(r.sentence.start, r.sentence.end) for r in ctx.readings if r.sentence.index in ctx.other_context]
        rows, _ = diff_numbers(ctx.text, cached[1], cached[2],
                               skip=lambda s, e: any(a <= s < b for a, b in spans))
        ctx._numbers = rows
    return ctx._numbers


_FACTS: dict = {}


# HealthNewsReview-style criteria: id -> the label readers see.
CHECKLIST = {
    "benefits_absolute": "Benefits quantified in absolute terms",
    "harms": "Harms",
    "quality_of_evidence": "Quality of the evidence",
    "novelty": "Novelty established",
    "independent_sources": "Independent sources",
    "alternatives": "Comparison with existing alternatives",
    "costs": "Costs",
}
_CHEAP = re.compile(r"vitamin|supplement|placebo", re.I)


def _checklist(ctx: Context, findings: list[Finding]) -> tuple[CheckItem, ...]:
    cats = {f.category for f in findings}
    serious = {f.category for f in findings if f.severity != "info"}
    verdicts: dict[str, tuple[str, str]] = {}
    absolute = ctx.article_has("absolute")
    if not ctx.facts.positive:
        verdicts["benefits_absolute"] = ("not_applicable", "the trial found no significant benefit to quantify")
    elif absolute:
        verdicts["benefits_absolute"] = ("pass", f"gives absolute figures (\"{absolute[0].text}\")")
    elif ctx.article_has("relative"):
        verdicts["benefits_absolute"] = ("fail", "only a relative effect is given")
    else:
        verdicts["benefits_absolute"] = ("fail", "the size of the benefit is not given in numbers")
    harms = ctx.article_has("harms")
    verdicts["harms"] = (("pass", f"mentions harms (\"{harms[0].text}\")") if harms
                         else ("fail", "no mention of side effects or safety"))
    lim = ctx.article_has("limitations")
    weak = serious & {"surrogate_to_clinical", "certainty_overstated", "null_outcome_spun"}
    if lim and not weak:
        verdicts["quality_of_evidence"] = ("pass", f"discusses limits of the evidence (\"{lim[0].text}\")")
    else:
        verdicts["quality_of_evidence"] = ("fail", "overstates what the evidence shows" if weak
                                           else "no limitation of the evidence is discussed")
    novelty = ctx.article_has("novelty") or ctx.article_has("context")
    verdicts["novelty"] = (("pass", "places the trial among earlier research") if novelty
                           else ("fail", "does not place the trial among earlier research on the same question"))
    ind = ctx.article_has("independent")
    verdicts["independent_sources"] = (("pass", f"quotes or cites an independent source (\"{ind[0].text}\")")
                                       if ind else ("fail", "no source independent of the study team"))
    if "unsupported_comparison" in cats:
        verdicts["alternatives"] = ("fail", "compares with treatments the trial did not test")
    elif ctx.article_has("alternatives"):
        verdicts["alternatives"] = ("pass", "mentions existing treatments without claiming equivalence")
    else:
        verdicts["alternatives"] = ("fail", "does not mention existing treatments")
    cost = ctx.article_has("costs")
    if cost:
        verdicts["costs"] = ("pass", f"mentions cost (\"{cost[0].text}\")")
    elif _CHEAP.search(ctx.study.intervention.agent):
        verdicts["costs"] = ("not_applicable", "cost is not mentioned; the intervention is an inexpensive supplement")
    else:
        verdicts["costs"] = ("fail", "cost is not mentioned")
    return tuple(CheckItem(key, label, *verdicts[key]) for key, label in CHECKLIST.items())


def _other_trial_findings(ctx: Context, rules) -> list[Finding]:
    """Sentences about another bundled study (msvitd.text.detect.attribute_sentences; ones this
    study's rules leave alone) checked against that study, each finding saying which it was."""
    from dataclasses import replace

    from msvitd.text.detect import attribute_sentences

    studies = {s.id: s for s in ctx.others if s.id != ctx.study.id}
    if not studies:
        return []
    index_of = {r.sentence.start: r.sentence.index for r in ctx.readings}
    by_study: dict = {}
    for start, _, sid in attribute_sentences(ctx.text, {ctx.study.id: ctx.study, **studies}, ctx.study.id):
        i = index_of.get(start)
        if i is not None and i in ctx.other_context:
            by_study.setdefault(sid, set()).add(i)
    out: list[Finding] = []
    for sid, idx in by_study.items():
        other = studies[sid]
        sub = Context(ctx.text, ctx.readings, ctx.index, other, StudyFacts.of(other), ctx.lexicon, ctx.others)
        sub.other_context = {r.sentence.index for r in ctx.readings} - idx
        spans = [(r.sentence.start, r.sentence.end) for r in ctx.readings if r.sentence.index in idx]
        for rule in rules:
            sub.findings += [f for f in rule.check(sub) if f.start is not None and any(a <= f.start < b for a, b in spans)]
        out += [replace(f, message=f"(measured against {other.name}) {f.message}", study=sid) for f in sub.findings]
    return out


def critique_text(text: str, study, *, article: str = "<input>", others: list | None = None,
                  lexicon: Lexicon | None = None, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                  detected: str | None = None, lang: str | None = None) -> CritiqueResult:
    """Critique ``text`` against ``study`` (a msvitd Study model); never raises on any text.

    ``lang``: the article's language (default: detected, English when undetermined); the
    rules read its cue tables, and sentences clearly in another language are read in theirs."""
    from msvitd.rules import enabled_rules
    from msvitd.text.language import detect_language

    if lang is None:
        guess = detect_language(text)
        lang = guess.code if guess.supported else "en"
    lexicon = for_language(lexicon or load_lexicon(), lang)
    facts = StudyFacts.of(study)
    index = LineIndex(text)
    reader = Reader(lexicon, facts.intervention_terms())
    readings = reader.read_text(text, index)
    ctx = Context(text, readings, index, study, facts, lexicon, list(others or []))
    ctx.other_context = _other_study_sentences(readings, study, ctx.others, lexicon)
    seen = set()
    for rule in enabled_rules(select, ignore):
        for f in rule.check(ctx):
            key = (f.rule, f.start, f.end)
            if key in seen:
                continue
            seen.add(key)
            ctx.findings.append(f)
    findings = sorted(ctx.findings + _other_trial_findings(ctx, enabled_rules(select, ignore)), key=lambda f: f.sort_key)
    return CritiqueResult(article, study.id, study.name, detected, text, tuple(findings),
                          _checklist(ctx, findings), len(readings), language=lang)
