"""Run the critique rules over one article against one study.

The article is read once (msvitd.text.reading) and the study's facts derived once
(msvitd.facts); each rule receives the :class:`~msvitd.critique.context.Context` and yields
hits, and the engine stamps who found them (code, name, category, default severity) on the
:class:`~msvitd.critique.report.Finding` records, as yamllint's linter stamps ``problem.rule``.
"""

from __future__ import annotations

from msvitd.critique.checklist import checklist
from msvitd.critique.context import Context, Hit
from msvitd.critique.report import CritiqueResult, Finding
from msvitd.facts.scope import other_study_sentences, other_study_spans  # noqa: F401  (diff imports it here)
from msvitd.facts.study import StudyFacts
from msvitd.text.lexicon import Lexicon, load_lexicon
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


def build_context(text: str, study, others: list | None = None, lexicon: Lexicon | None = None) -> Context:
    lexicon = lexicon or load_lexicon()
    facts = StudyFacts.of(study)
    index = LineIndex(text)
    readings = Reader(lexicon, facts.intervention_terms()).read_text(text, index)
    ctx = Context(text, readings, index, study, facts, lexicon, list(others or []))
    ctx.other_context = other_study_sentences(readings, study, ctx.others, lexicon)
    return ctx


def critique_text(text: str, study, *, article: str = "<input>", others: list | None = None,
                  lexicon: Lexicon | None = None, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                  detected: str | None = None) -> CritiqueResult:
    """Critique ``text`` against ``study`` (a msvitd Study model); never raises on any text."""
    from msvitd.rules import enabled_rules

    ctx = build_context(text, study, others, lexicon)
    seen = set()
    findings: list[Finding] = []
    for rule in enabled_rules(select, ignore):
        for hit in rule.check(ctx):
            f = stamp(rule, hit, ctx)
            key = (f.rule, f.start, f.end)
            if key not in seen:
                seen.add(key)
                findings.append(f)
    findings.sort(key=lambda f: f.sort_key)
    return CritiqueResult(article, study.id, study.name, detected, text, tuple(findings),
                          checklist(ctx, findings), len(ctx.readings))
