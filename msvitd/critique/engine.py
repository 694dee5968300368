"""Run the critique rules over one article against one study.

The article is read once (msvitd.text.reading) and the study's facts derived once
(msvitd.facts); each rule receives the :class:`~msvitd.critique.context.Context` and yields
hits, and the engine stamps who found them (code, name, category, default severity) on the
:class:`~msvitd.critique.result.Finding` records, as yamllint's linter stamps ``problem.rule``.
"""

from __future__ import annotations

from msvitd.critique.checklist import checklist
from msvitd.critique.context import Context, Hit
from msvitd.critique.result import CritiqueResult, Finding
from msvitd.facts.scope import other_study_sentences, other_study_spans  # noqa: F401  (diff imports it here)
from msvitd.facts.study import StudyFacts
from msvitd.text.lexicon import Lexicon, for_language, load_lexicon
from msvitd.text.reading import Reader
from msvitd.text.sentences import LineIndex


def stamp(rule, hit: Hit, ctx: Context) -> Finding:
    """A rule's hit as a finding: the rule's identity and default severity added by the engine."""
    severity = hit.severity or rule.SEVERITY
    if hit.start is None:
        return Finding(rule.CODE, rule.NAME, rule.CATEGORY, severity, hit.message, source_fact=hit.fact)
    line, col = ctx.index.position(hit.start)
    eline, ecol = ctx.index.position(hit.end)
    r = hit.reading
    return Finding(rule.CODE, rule.NAME, rule.CATEGORY, severity, hit.message, ctx.text[hit.start:hit.end],
                   hit.start, hit.end, line, col, eline, ecol, hit.fact,
                   r.sentence.start if r else None, r.sentence.end if r else None)


# Fewer sentences than this is a sentence or a headline being checked, not an article: the
# whole-article omission rules (C601-C604) are not run on it (``whole_article`` decides otherwise).
_WHOLE_ARTICLE = 3


_FACTS: dict[int, StudyFacts] = {}


def facts_of(study) -> StudyFacts:
    """The study's facts, derived once per study model in a process (every number of the file, the
    derived figures): an article checked in a batch, and another study's sentences checked in each
    article, re-derived them every time (issue 17).  Keyed by the model object itself, so an edited
    study (a new model) is derived again; a few studies kept."""
    known = _FACTS.get(id(study))
    if known is None or known.study is not study:
        if len(_FACTS) >= 16:
            _FACTS.clear()
        known = _FACTS[id(study)] = StudyFacts.of(study)
        _kept_numbers(known)
    return known


def _kept_numbers(facts: StudyFacts) -> None:
    """The study's number facts and derived facts from the cache folder, when a run of the same library
    (the same evidence and code: text/cache.py ``derived_key``) derived them; else derived now and kept.
    Deriving them was ~15-20 ms of every one-article run; loading them ~1-2 ms."""
    from msvitd.text import cache

    key = cache.derived_key(facts.study, "number facts")
    if key is None:
        return  # derived on first use (StudyFacts' cached properties)
    hit = cache.load(key, "facts")
    if isinstance(hit, tuple) and len(hit) == 2 and all(isinstance(x, list) for x in hit):
        vars(facts).update(number_facts=hit[0], derived_number_facts=hit[1])  # (the cached properties' slots)
        return
    cache.save(key, (facts.number_facts, facts.derived_number_facts), "facts")


def build_context(text: str, study, others: list | None = None, lexicon: Lexicon | None = None,
                  lang: str = "en", facts: StudyFacts | None = None) -> Context:
    lexicon = for_language(lexicon or load_lexicon(), lang)
    facts = facts if facts is not None and facts.study is study else facts_of(study)
    index = LineIndex(text)
    readings = Reader(lexicon, facts.intervention_terms()).read_text(text, index)
    ctx = Context(text, readings, index, study, facts, lexicon, list(others or []))
    ctx.other_context = other_study_sentences(readings, study, ctx.others, lexicon)
    return ctx


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
        sub = Context(ctx.text, ctx.readings, ctx.index, other, facts_of(other), ctx.lexicon, ctx.others)
        sub.other_context = {r.sentence.index for r in ctx.readings} - idx
        spans = [(r.sentence.start, r.sentence.end) for r in ctx.readings if r.sentence.index in idx]
        for rule in rules:
            for hit in rule.check(sub):
                if hit.start is not None and any(a <= hit.start < b for a, b in spans):
                    f = stamp(rule, hit, sub)
                    out.append(replace(f, message=f"(measured against {other.name}) {f.message}", study=sid))
    return out


def critique_text(text: str, study, *, article: str = "<input>", others: list | None = None,
                  lexicon: Lexicon | None = None, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                  detected: str | None = None, lang: str | None = None,
                  facts: StudyFacts | None = None, whole_article: bool | None = None) -> CritiqueResult:
    """Critique ``text`` against ``study`` (a msvitd Study model); never raises on any text.

    ``lang``: the article's language (default: detected, English when undetermined); the
    rules read its cue tables, and sentences clearly in another language are read in theirs."""
    from msvitd.rules import enabled_rules
    from msvitd.text.language import detect_language, using_language

    if lang is None:
        guess = detect_language(text)
        lang = guess.code if guess.supported else "en"
    # numbers are read the way the article's language writes them (a decimal comma in French), and
    # the language is decided once, not again for every sentence the number reader is given
    with using_language(lang):
        ctx = build_context(text, study, others, lexicon, lang, facts)
        if whole_article is None:
            whole_article = len(ctx.readings) >= _WHOLE_ARTICLE
        seen = set()
        findings: list[Finding] = []
        for rule in enabled_rules(select, ignore):
            if rule.CATEGORY.startswith("omits_") and not whole_article:
                continue  # "never mentions harms" says nothing of a sentence checked on its own
            for hit in rule.check(ctx):
                f = stamp(rule, hit, ctx)
                key = (f.rule, f.start, f.end)
                if key not in seen:
                    seen.add(key)
                    findings.append(f)
        findings += _other_trial_findings(ctx, enabled_rules(select, ignore))
        findings.sort(key=lambda f: f.sort_key)
        items = checklist(ctx, findings)
    return CritiqueResult(article, study.id, study.name, detected, text, tuple(findings),
                          items, len(ctx.readings), language=lang)
