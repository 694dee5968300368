"""Exploratory subgroup results presented as established ("particularly beneficial for the deficient").

What it flags
    A sentence that singles out a subgroup as benefiting most ("particularly", "especially",
    "the most significant improvement", "benefited most") together with a subgroup variable
    (vitamin D deficiency, BMI, spinal lesions, age, sex: msvitd/data/lexicons/subgroups.yaml
    plus the study's own `subgroups:`), without saying the analysis was exploratory
    ("subgroup analysis", "post hoc", "needs confirmation").  Not flagged when every matching
    study subgroup was pre-specified with a reported interaction test.  Also a benefit that only an
    exploratory analysis of the study file found (completers only) while the planned analysis of the
    same outcome did not, told as the trial's result without saying so ("the patients who stuck with
    it had fewer relapses").

Why it matters
    Most subgroup "effects" do not replicate (Sun et al. 2010, BMJ; Wallach et al. 2017,
    JAMA Intern Med).  GRADE and the ICEMAN tool (Schandelmaier et al. 2020, CMAJ) treat a
    subgroup difference as credible only with a pre-specified hypothesis and a convincing
    interaction test.  Presenting subgroups as findings is one of the spin strategies
    catalogued by Boutron et al. 2010 (JAMA).

Example
    "Vitamin D could be particularly beneficial for those who are deficient in vitamin D."

Better
    "An exploratory analysis hinted at larger effects in people with severe deficiency; this needs confirming."
"""

from __future__ import annotations

import re

from msvitd.text.lexicon import Hit


CODE = "C302"
NAME = "subgroup-as-finding"
CATEGORY = "subgroup_as_finding"
SEVERITY = "warning"
# words of a subgroup description that do not tell one subgroup from another
_COMMON = {"the", "a", "an", "of", "in", "at", "with", "and", "or", "to", "participants", "patients", "people", "years",
           "year", "baseline", "diagnosis", "than", "d", "who", "had", "were", "was"}


def _study_subgroup_text(study) -> str:
    """What the study file says about its exploratory subgroups, to recognise them in a sentence."""
    return " ".join(f"{g.variable} {g.favours or ''} {g.finding or ''}" for g in study.subgroups if g.exploratory).lower()


def _names_study_subgroup(hits, text: str) -> bool:
    """A subgroup word of the sentence ("severe deficiency", "normal BMI") is one the study reports."""
    return any(h.text.lower()[:6] in text for h in hits if len(h.text) >= 3)


_WORD = re.compile(r"[a-z0-9]+")


def _study_subgroup_words(ctx) -> list[set[str]]:
    """Each exploratory subgroup of the study file as its distinctive words ("over", "65"): the
    words of its variable and whom it favours, less those that name the trial or its people."""
    common = set(ctx.facts.number_facts.identity) | _COMMON
    out = []
    for g in ctx.study.subgroups:
        if g.exploratory:
            ws = set(_WORD.findall(f"{g.variable} {g.favours or ''}".lower())) - common
            if ws:
                out.append(ws)
    return out


def _study_subgroup_hits(r, subgroup_words: list[set[str]]) -> list:
    """Where the sentence names a subgroup of the study file by two or more of its words."""
    found = []
    low = r.sentence.text.lower()
    for ws in subgroup_words:
        spans = [m for m in _WORD.finditer(low) if m.group() in ws]
        if len({m.group() for m in spans}) >= 2:
            found.append(Hit(spans[0].start(), spans[-1].end(), "variable", r.sentence.text[spans[0].start():spans[-1].end()]))
    return found


def _subgroup_fact(study) -> str:
    if not study.subgroups:
        return "No subgroup analysis is reported in the sources used"
    parts = []
    for g in study.subgroups:
        status = "exploratory" if g.exploratory else "pre-specified, interaction " + str(g.interaction_p)
        parts.append(f"{g.favours or g.variable} ({status})")
    return "Subgroups: " + "; ".join(parts)


def _other_names(ctx):
    """Any name of another study of the library, as whole words ("the French D-Lay MS trial later reported")."""
    names = sorted({n for o in ctx.others if o.id != ctx.study.id for n in [o.name, *o.aliases] if len(n) > 2},
                   key=lambda n: (-len(n), n))
    from msvitd.facts.scope import name_alternative  # "solar" in lower case is no trial

    return re.compile(r"(?<![\w-])(?:" + "|".join(name_alternative(n) for n in names) + r")(?!\w)", re.I) \
        if names else None


def _qualified(ctx, i: int) -> bool:
    """The result is set beside a null clinical result in its sentence, said to be exploratory in its paragraph
    or the next sentence, or qualified by a later sentence of its paragraph naming the restricted analysis or
    a limitation ("But this restricted analysis is no longer protected by randomisation"; a restriction told
    before it only introduces it)."""
    lex, readings, r = ctx.lexicon, ctx.readings, ctx.readings[i]
    if r.null_result or any(m.negated and lex.outcome_info.get(m.concept, {}).get("kind") == "clinical"
                            for m in r.outcomes):
        return True  # set beside the null clinical result ("fewer new lesions, but not fewer relapses")
    para = [x for x in readings if x.sentence.paragraph == r.sentence.paragraph]
    if any(lex.subgroup_exploratory.search(x.sentence.text) for x in para + readings[i + 1:i + 2]):
        return True
    return any(ctx.find("restricted_analysis", x) or ctx.find("limitations", x) for x in para if x.start > r.start)


def _exploratory_only(ctx):
    """A benefit on an outcome that only an exploratory analysis of the study file found (completers only,
    an exploratory MRI measure), told as the trial's finding without saying it was exploratory ("among
    those who finished the trial, relapses were halved"). Claims already reported as spin are left to
    C201/C202; a sentence naming another study of the library is about that one."""
    other = None
    for i, r in enumerate(ctx.readings):
        if not r.claims or r.question or ctx.about_other_study(r):
            continue
        spun = [o for o in r.claims if ctx.spun(o, r)]
        hits = [c for c in r.claims if ctx.exploratory_support(c.concept)
                and not any(o.start < c.end and c.start < o.end for o in spun)]  # the same words told as spin
        if not hits or _qualified(ctx, i):
            continue
        other = other if other is not None else (_other_names(ctx) or re.compile(r"(?!x)x"))
        if other.search(r.sentence.text):
            continue
        c = hits[0]
        outs = ctx.exploratory_support(c.concept)
        yield ctx.hit(c.start, c.end, "presents a result found only in an exploratory analysis as the trial's "
                                      "finding, without saying it was exploratory",
                      "; ".join(ctx.facts.fact(o) for o in outs[:2]), SEVERITY, r)


def check(ctx):
    yield from _exploratory_results(ctx)
    yield from _emphasised_subgroups(ctx)


def _exploratory_results(ctx):
    """A result only an exploratory analysis found, told as the trial's: the outcome supported by exploratory
    analyses alone (``_exploratory_only``), and the completers' benefit where the planned analysis of the same
    outcome was null (``_exploratory_claims``, also when C202 reports the same words); one finding a span."""
    found = []
    for hit in _exploratory_only(ctx):
        found.append(hit)
        yield hit
    for hit in _exploratory_claims(ctx):
        if not any(h.start < hit.end and hit.start < h.end for h in found):
            yield hit


def _emphasised_subgroups(ctx):
    """A subgroup singled out as benefiting most (the emphasis and variable tables, the study's subgroups)."""
    lex = ctx.lexicon
    study_subgroups = ctx.study.subgroups
    if study_subgroups and all(not g.exploratory for g in study_subgroups):
        return
    readings = ctx.readings
    subgroup_text = _study_subgroup_text(ctx.study)
    subgroup_words = _study_subgroup_words(ctx)  # once per article, not per sentence
    for i, r in enumerate(readings):
        if ctx.about_other_study(r):
            continue
        s = r.sentence.text
        emph = lex.subgroup_emphasis.find(s)
        if not emph:
            continue
        own = _study_subgroup_hits(r, subgroup_words)
        var = lex.subgroup_variables.find(s) + own
        if not var or lex.subgroup_exploratory.search(s):
            continue
        # "... benefited most. These were exploratory analyses.": the next sentence qualifies it
        nxt = readings[i + 1].sentence.text if i + 1 < len(readings) else ""
        if nxt and lex.subgroup_exploratory.search(nxt):
            continue
        e = emph[0]
        near = s[max(0, e.start - 60):e.end + 60].lower()  # a German verb comes last: "besonders ... profitierten"
        # a subgroup the study file lists as exploratory, singled out in a sentence about the
        # intervention ("discuss it with patients, especially those with severe deficiency"), is a
        # finding whatever the emphasis words
        benefitish = (r.benefit_context or bool(lex.subgroup_benefit.search(near))
                      or bool(lex.advice.search(s))
                      or (bool(r.intervention) and (bool(own) or _names_study_subgroup(var, subgroup_text))))
        if not benefitish:
            continue
        clause = r.clause_at(r.start + e.start)
        if clause is not None and clause.hypothetical_at(r.start + e.start):
            continue
        var.sort(key=lambda v: v.start)
        after = [v for v in var if v.start >= e.start]
        v = after[0] if after else var[0]
        start, end = r.start + min(e.start, v.start), r.start + max(e.end, v.end)
        # "Young people may profit most: among 18- to 30-year-olds the effect was largest": the claim
        # runs to the last emphasis or subgroup word of the sentence
        last = max(emph + var, key=lambda h: h.end)
        if r.start + last.end - start <= 160:
            end = max(end, r.start + last.end)
        if end - start > 160:
            start, end = r.start + e.start, r.start + e.end
        why = ("subgroup results in this trial were exploratory (not shown to be pre-specified, no interaction "
               "test reported)") if study_subgroups else "the study file reports no subgroup result"
        yield ctx.hit(start, end, "presents a subgroup as benefiting more, but " + why,
                          _subgroup_fact(ctx.study), SEVERITY, r)


def _exploratory_claims(ctx):
    """A benefit only an exploratory analysis found (CHOLINE's completers: relapse rate, EDSS), told as the
    trial's finding while the planned analysis of the same outcome was null: a subset of the trial told as its
    result. Silent when the sentence or the next one says the analysis was exploratory or its result is null
    ("..., but the primary outcome was not met") or the next one discusses the restricted analysis."""
    lex = ctx.lexicon
    readings = ctx.readings
    for i, r in enumerate(readings):
        if not r.claims or r.question or r.null_result or ctx.about_other_study(r):
            continue
        nxt = readings[i + 1] if i + 1 < len(readings) else None
        # the next sentence discusses the analysis ("This restricted analysis is no longer randomised")
        if lex.subgroup_exploratory.search(r.sentence.text) or (
                nxt is not None and (lex.subgroup_exploratory.search(nxt.sentence.text) or nxt.null_ref
                                     or ctx.find("restricted_analysis", nxt))):
            continue
        for c in r.claims:
            outs = ctx.exploratory_only(c.concept)
            if not outs:
                continue
            names = "; ".join(o.name for o in outs[:2])
            yield ctx.hit(c.start, c.end, f"tells as the trial's result a benefit found only in an exploratory "
                                          f"analysis ({names}); the planned analysis found no difference",
                          ctx.facts.fact(outs[0]), SEVERITY, r)
            break
