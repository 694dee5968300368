"""A number that contradicts the source: wrong N, a percentage the trial did not report, an inverted result.

What it flags
    Numbers found by msvitd.text.numbers in sentences about this trial, checked against the
    study file:
    - a participant count (303 participants, 316 people) that matches none of the study's
      randomised, analysed, completed or per-arm counts (or a reported subgroup size);
    - a percentage in a sentence about one of the study's outcomes that matches none of the
      reported arm percentages, relative reductions (1 - HR) or absolute differences;
    - a "risk reduction" equal to the hazard ratio itself (HR 0.66 told as "66% lower risk");
    - an inverted result: the intervention arm's event rate told as the share *without*
      the outcome ("60.3% had no new activity"), or the two arms' figures swapped.
    Sentences naming another study in the library are skipped.

Why it matters
    Numbers are what readers remember and what other outlets copy.  The D-Lay MS coverage
    already shows the failure modes: HR 0.66 reported as a 66% reduction, the 60.3% / 74.1%
    figures inverted in a press release, 303 analysed told as 303 randomised (Schwitzer
    2008; Yavchitz et al. 2012 on spin propagated from press releases).

Example
    "Vitamin D cut disease activity by 66%."

Better
    "Disease activity: 60.3% vs 74.1% (HR 0.66, a 34% lower hazard)."
"""

from __future__ import annotations

import re
import sys

CODE = "C502"
NAME = "number-mismatch"
CATEGORY = "number_mismatch"
SEVERITY = "error"
_SELF = sys.modules[__name__]

_TRIAL = re.compile(r"\b(trial|study|enrolled|enrol|randomi[sz]ed|randomly|took part|involving|included|recruited|"
                    r"participants|patients|volunteers)\b", re.I)
_REDUCTION = re.compile(r"\b(lower|less|reduc\w*|cut|fewer|drop|decrease\w*|smaller|decline)\b", re.I)
_NO_OUTCOME = re.compile(r"\b(no|free of|free from|without|did not have|didn't have|remained free)\b", re.I)
_PLACEBO = re.compile(r"\b(placebo|dummy|control group|controls|untreated)\b", re.I)


def _known_counts(study) -> set[float]:
    pop = study.population
    out = {pop.randomised, pop.analysed, pop.completed, study.design.target_sample_size}
    for a in study.arms:
        out |= {a.randomised, a.analysed}
    for b in pop.baseline:
        out |= {float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*", b.value)}
    for o in study.outcomes:
        for r in o.arms.values():
            out |= {r.events, r.total}
    return {float(x) for x in out if x is not None}


def _known_percents(study) -> set[float]:
    out: set[float] = set()
    for o in study.outcomes:
        vals = [r.percent for r in o.arms.values() if r.percent is not None]
        out |= set(vals)
        if len(vals) == 2:
            out.add(round(abs(vals[0] - vals[1]), 1))
        for e in [o.effect, *o.effects]:
            if e is not None and e.estimate is not None and e.is_ratio:
                out.add(round((1 - e.estimate) * 100, 1))
                if e.ci:
                    out |= {round((1 - e.ci[0]) * 100, 1), round((1 - e.ci[1]) * 100, 1)}
    for b in study.population.baseline:
        out |= {float(x) for x in re.findall(r"(\d+(?:\.\d+)?)\s*%", b.value)}
    pop = study.population
    if pop.randomised and pop.completed:
        out.add(round(100 * pop.completed / pop.randomised, 1))
    if pop.analysed and pop.completed:
        out.add(round(100 * pop.completed / pop.analysed, 1))
    for h in study.harms:
        for r in h.arms.values():
            if r.percent is not None:
                out.add(r.percent)
    return out


def _close(v: float, known: set[float], tol: float) -> bool:
    return any(abs(v - k) <= tol for k in known)


def _other_study_named(ctx, sentence: str) -> bool:
    for s in ctx.others:
        if s.id == ctx.study.id:
            continue
        for n in [s.name, *s.aliases]:
            if len(n) > 2 and re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", sentence, re.I):
                return True
    return False


def check(ctx):
    try:
        from msvitd.text.numbers import find_numbers
    except ImportError:  # pragma: no cover - numbers.py ships with msvitd
        return
    study = ctx.study
    counts = _known_counts(study)
    percents = _known_percents(study)
    ratios = {}
    for o in study.outcomes:
        if o.effect is not None and o.effect.estimate is not None and o.effect.is_ratio:
            ratios[o.id] = o.effect.estimate
    for r in ctx.readings:
        if ctx.about_other_study(r):
            continue
        s = r.sentence.text
        if _other_study_named(ctx, s):
            continue
        nums = find_numbers(s)
        concepts = {m.concept for m in r.outcomes}
        outs = [o for c in concepts for o in ctx.facts.by_concept.get(c, [])]
        for n in nums:
            start, end = r.start + n.start, r.start + n.end
            if n.kind == "count" and n.unit == "participants" and _TRIAL.search(s) and n.value >= 20:
                if not _close(n.value, counts, 0.5) and not n.approx:
                    known = sorted(int(x) for x in {study.population.randomised, study.population.analysed} if x)
                    yield ctx.finding(_SELF, start, end,
                                      f"{n.raw} does not match the trial's numbers",
                                      f"Participants: {known[-1] if known else '?'} randomised, "
                                      f"{study.population.analysed or '?'} analysed", SEVERITY, r)
                continue
            if n.kind != "percent" or not outs:
                continue
            after = s[n.end:n.end + 40]
            before = s[max(0, n.start - 40):n.start]
            # HR told as the size of the reduction: "66% lower risk" for HR 0.66
            for oid, hr in ratios.items():
                if abs(n.value - hr * 100) <= 0.5 and abs(n.value - (1 - hr) * 100) > 1 and _REDUCTION.search(after + " " + before):
                    o = study.outcome(oid)
                    if o in outs or o.role == "primary":
                        yield ctx.finding(_SELF, start, end,
                                          f"{n.raw} is the hazard ratio ({hr:g}), not the reduction; "
                                          f"the hazard was {round((1 - hr) * 100):g}% lower",
                                          ctx.facts.fact(o), SEVERITY, r)
                        break
            else:
                o_match = None
                for o in outs:
                    arms = o.arms
                    iv = arms.get(study.intervention.id)
                    cv = arms.get(study.comparator.id)
                    if iv is None or cv is None or iv.percent is None or cv.percent is None:
                        continue
                    o_match = o
                    near_text = s[max(0, n.start - 60):n.end + 60]
                    if abs(n.value - iv.percent) <= 0.05 and _NO_OUTCOME.search(s[n.end:n.end + 50]) and \
                            not re.search(r"\b(had|showed|with)\b[^.]{0,30}\b(activity|lesion|relapse)", s[n.end:n.end + 30], re.I):
                        yield ctx.finding(_SELF, start, end,
                                          f"inverts the result: {n.raw} is the share of the {study.intervention.label.split(' ')[0]} "
                                          f"group *with* the outcome, not without it",
                                          ctx.facts.fact(o), SEVERITY, r)
                        break
                    if abs(n.value - cv.percent) <= 0.05 and abs(cv.percent - iv.percent) > 0.5:
                        pl = _PLACEBO.search(near_text)
                        after_arm = s[n.end:n.end + 40]
                        if not pl and ctx.lexicon.intervention.search(after_arm):
                            yield ctx.finding(_SELF, start, end,
                                              f"swaps the arms: {n.raw} is the comparator ({study.comparator.label}) figure",
                                              ctx.facts.fact(o), SEVERITY, r)
                            break
                else:
                    arm_pcts = {v.percent for o in outs for v in o.arms.values() if v.percent is not None}
                    pct_nums = [m for m in nums if m.kind == "percent"]
                    if (o_match is not None and len(pct_nums) >= 2 and not _close(n.value, arm_pcts, 1.0)
                            and any(_close(m.value, arm_pcts, 1.0) for m in pct_nums if m is not n)
                            and ctx.lexicon.intervention.search(s[n.end:n.end + 40] + " " + s[max(0, n.start - 40):n.start])
                            and not _REDUCTION.search(s[n.end:n.end + 25])):
                        yield ctx.finding(_SELF, start, end,
                                          f"{n.raw} is not the share of either group the trial reported for this outcome",
                                          ctx.facts.fact(o_match), SEVERITY, r)
                        continue
                    if o_match is not None and not _close(n.value, percents, 0.6) and n.value not in (95.0, 90.0, 99.0):
                        if _PLACEBO.search(s) or _REDUCTION.search(s):
                            yield ctx.finding(_SELF, start, end,
                                              f"{n.raw} matches no figure the trial reported for this outcome",
                                              ctx.facts.fact(o_match), SEVERITY, r)
