"""Build Summary of Findings tables from a Library: one per study, or one per comparison of a question."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from msvitd.grading.certainty import DOMAIN_LABELS, DOMAINS, RATIOS, Body, StudyBias, grade, plain_language
from msvitd.stats.effects import absolute_effect, nnt_from_rd, or_from_counts, rd_newcombe, rd_wald, rr_from_counts
from msvitd.stats.pooling import pool, to_analysis_scale
from msvitd.stats.pvalues import decimals_of, p_check, p_interval_from_ci
from msvitd.summary.report import (
    Absolute, ArmFigure, Forest, ForestRow, NNTFigure, Relative, Row, Summary, Table,
)

ROLE_ORDER = {"primary": 0, "secondary": 1, "safety": 2, "exploratory": 3}
IMPORTANCE_ORDER = {"critical": 0, "important": 1, "not_important": 2}


class PoolingRefused(Exception):
    """Studies that must not be combined: different effect measures, or comparisons kept apart."""


# ---------------------------------------------------------------- one study, one outcome


@dataclass(frozen=True)
class StudyOutcome:
    """Everything msvitd knows or computes about one outcome of one study (before grading)."""

    study_id: str
    study_name: str
    outcome: object  # models.study.Outcome
    arms: tuple[ArmFigure, ...]  # (intervention, comparator)
    relative: Optional[Relative]
    p0: Optional[float]
    participants: Optional[int]
    notes: tuple[str, ...]
    counts: Optional[tuple[int, int, int, int]]  # events/total, intervention then comparator
    bias: Optional[str]
    bias_support: Optional[str]
    registered: bool
    randomised: bool
    limitations: dict
    bias_note: Optional[str] = None


def _follow_up(outcome) -> Optional[str]:
    if outcome.timepoint:
        return outcome.timepoint
    if outcome.follow_up_weeks:
        return f"{outcome.follow_up_weeks:g} weeks"
    return None


def _num(x: float) -> str:
    return f"{x:g}"


def _arm_figure(study, arm_id: str, result) -> tuple[ArmFigure, Optional[str]]:
    arm = next((a for a in study.arms if a.id == arm_id), None)
    label = arm.label if arm else arm_id
    if result is None:
        return ArmFigure(arm_id, label, None, None, None), None
    total = result.total if result.total is not None else (arm.analysed if arm else None)
    events, risk, note = result.events, None, None
    if events is None and result.percent is not None and total:
        guess = round(result.percent * total / 100)
        d = decimals_of(result.percent)
        if round(100 * guess / total, d) == round(result.percent, d):
            events = guess
            note = (f"{study.name}, {label}: {guess} events back-calculated by msvitd from "
                    f"{_num(result.percent)}% of {total} (the sources give the percentage only).")
    if events is not None and total:
        risk = events / total
    elif result.percent is not None:
        risk = result.percent / 100
    text = None
    unit = f" {result.unit}" if result.unit else ""
    if result.median is not None:
        text = f"median {_num(result.median)}{unit}"
    elif result.mean is not None:
        text = f"mean {_num(result.mean)}{unit}" + (f" (SD {_num(result.sd)})" if result.sd is not None else "")
    elif result.rate is not None:
        text = f"rate {_num(result.rate)}"
    return ArmFigure(arm_id, label, events, total, risk, note, text), note


def study_outcome(study, outcome) -> StudyOutcome:
    eff = outcome.effect
    i_id, c_id = (eff.arms if eff and eff.arms else (study.intervention.id, study.comparator.id))
    notes: list[str] = []
    fi, ni = _arm_figure(study, i_id, outcome.arms.get(i_id))
    fc, nc = _arm_figure(study, c_id, outcome.arms.get(c_id))
    notes += [n for n in (ni, nc) if n]
    counts = None
    if None not in (fi.events, fi.total, fc.events, fc.total) and fi.total and fc.total:
        counts = (fi.events, fi.total, fc.events, fc.total)
    relative = None
    if eff is not None and eff.estimate is not None:
        lo, hi = eff.ci if eff.ci else (None, None)
        relative = Relative(eff.measure, eff.estimate, lo, hi, str(eff.p) if eff.p else None, "source", eff.method)
    elif counts is not None and outcome.measure in ("binary", "time_to_event"):
        try:
            e = rr_from_counts(*counts)
            relative = Relative("RR", e.estimate, e.lo, e.hi, None, "msvitd", f"risk ratio from counts, {e.method}")
            notes.append(f"{study.name}: no relative effect in the sources; RR {e.estimate:.2f} "
                         f"({e.lo:.2f} to {e.hi:.2f}) computed by msvitd from {counts[0]}/{counts[1]} vs "
                         f"{counts[2]}/{counts[3]} ({e.method}).")
        except ValueError as exc:
            notes.append(f"{study.name}: relative effect not estimable from counts ({exc}).")
    participants = None
    if fi.total is not None and fc.total is not None:
        participants = fi.total + fc.total
    elif study.population.analysed is not None:
        participants = study.population.analysed
    rob = study.risk_of_bias
    bias_note = None
    if rob is not None and rob.outcomes and outcome.id not in rob.outcomes:
        bias_note = f"The file's {rob.tool} assessment covers {', '.join(rob.outcomes)} only."
        rob = None
    limitations: dict = {}
    for li in study.limitations:
        if not li.outcomes or outcome.id in li.outcomes:
            limitations.setdefault(li.domain, []).append(li.text)
    return StudyOutcome(
        study_id=study.id, study_name=study.name, outcome=outcome, arms=(fi, fc), relative=relative,
        p0=fc.risk, participants=participants, notes=tuple(notes), counts=counts,
        bias=rob.overall.judgement if rob else None, bias_support=rob.overall.support if rob else None,
        registered=bool(study.citation.registration), randomised=bool(study.design.randomised),
        limitations=limitations, bias_note=bias_note,
    )


# ---------------------------------------------------------------- absolute effects and NNT


def _computed(counts) -> tuple[Relative, ...]:
    if counts is None:
        return ()
    out = []
    for f, label in ((rr_from_counts, "risk ratio"), (or_from_counts, "odds ratio"), (rd_newcombe, "risk difference")):
        try:
            e = f(*counts)
        except ValueError:
            continue
        out.append(Relative(e.measure, e.estimate, e.lo, e.hi, None, "msvitd", f"{label} from counts, {e.method}"))
    return tuple(out)


def _p_note(name: str, rel: Optional[Relative]) -> Optional[str]:
    """A footnote when the reported P does not match the P implied by the reported CI (statcheck-style)."""
    if rel is None or rel.by != "source" or not rel.p or rel.lo is None or rel.hi is None:
        return None
    try:
        rng = p_interval_from_ci(rel.measure, rel.estimate, rel.lo, rel.hi)
        chk = p_check(rel.p.replace("P", "").strip(), rng)
    except ValueError:
        return None
    if chk.consistent:
        return None
    gross = " and falls on the other side of 0.05" if chk.decision_error else ""
    return (f"{name}: the reported {rel.p} does not match the P that msvitd recomputes from "
            f"{rel.measure} {rel.estimate:g} ({rel.lo:g} to {rel.hi:g}): {rng[0]:.2g} to {rng[1]:.2g}{gross}.")


def _absolute(relative: Optional[Relative], p0: Optional[float]) -> Optional[Absolute]:
    if relative is None or p0 is None:
        return None
    if relative.measure in ("HR", "RR", "OR", "IRR"):
        a = absolute_effect(relative.measure if relative.measure != "IRR" else "RR", relative.estimate,
                            relative.lo, relative.hi, p0)
        return Absolute(a.comparator_per_1000, a.intervention_per_1000, a.difference_per_1000, a.difference_lo,
                        a.difference_hi, a.basis)
    if relative.measure == "RD":
        k = 1000 if abs(relative.estimate) <= 1 else 10  # a proportion, or percentage points
        return Absolute(1000 * p0, 1000 * p0 + k * relative.estimate, k * relative.estimate,
                        None if relative.lo is None else k * relative.lo,
                        None if relative.hi is None else k * relative.hi, "risk difference")
    return None


def _nnt_fig(n, by: str, method: str, **kw) -> NNTFigure:
    return NNTFigure(n.kind, n.value, n.lo, n.hi, n.crosses, n.benefit_bound, n.harm_bound, by, method, **kw)


def _same(a: Optional[float], b: Optional[float], d: int) -> bool:
    return a is not None and b is not None and math.isfinite(b) and round(a, d) == round(b, d)


def _nnt(so: Optional[StudyOutcome], absolute: Optional[Absolute], reported) -> tuple[Optional[NNTFigure], list[str]]:
    notes: list[str] = []
    candidates = []
    if so is not None and so.counts is not None:
        w = rd_wald(*so.counts)
        candidates.append(("Wald risk difference from counts", nnt_from_rd(w.estimate, w.lo, w.hi)))
        nw = rd_newcombe(*so.counts)
        candidates.append(("Newcombe (Wilson) risk difference from counts", nnt_from_rd(nw.estimate, nw.lo, nw.hi)))
    if absolute is not None and absolute.difference:
        lo = None if absolute.lo is None else absolute.lo / 1000
        hi = None if absolute.hi is None else absolute.hi / 1000
        candidates.append((f"relative effect applied to the comparator risk ({absolute.basis})",
                           nnt_from_rd(absolute.difference / 1000, lo, hi)))
    if reported is None:
        if not candidates:
            return None, notes
        # The GRADE absolute effect is what the table shows; prefer it, else counts (Newcombe).
        method, n = candidates[-1] if absolute is not None else candidates[1]
        return _nnt_fig(n, "msvitd", method), notes
    d = max(decimals_of(reported.value), *(decimals_of(x) for x in (reported.ci or ())))
    lo, hi = reported.ci if reported.ci else (None, None)
    match = None
    for method, n in candidates:
        if n.kind != "benefit" or n.crosses or not _same(reported.value, n.value, d):
            continue
        if reported.ci is None or (_same(lo, n.lo, d) and _same(hi, n.hi, d)):
            match = (method, n)
            break
    ci = f" ({lo:.{d}f} to {hi:.{d}f})" if reported.ci else ""
    if match:
        note = (f"The reported NNT {reported.value:.{d}f}{ci} is reproduced by msvitd to its printed precision "
                f"with the {match[0]}.")
        others = [f"{m}: {_nnt_text(n, d)}" for m, n in candidates if m != match[0]]
        if others:
            note += " Other methods give " + "; ".join(others) + "."
    elif candidates:
        note = (f"The reported NNT {reported.value:.{d}f}{ci} could not be reproduced by msvitd: "
                + "; ".join(f"{m} gives {_nnt_text(n, d)}" for m, n in candidates) + ".")
    else:
        note = f"The reported NNT {reported.value:.{d}f}{ci} cannot be checked: no counts or comparator risk."
    notes.append(note)
    fig = NNTFigure("benefit", reported.value, lo, hi, False, None, None, "source",
                    match[0] if match else "as reported", reproduced=bool(match), note=note)
    return fig, notes


def _nnt_text(n, d: int = 1) -> str:
    word = "NNTB" if n.kind == "benefit" else "NNTH" if n.kind == "harm" else "NNT"
    if n.value == math.inf:
        return "NNT ∞ (no difference)"
    if n.crosses:
        b = "∞" if n.benefit_bound == math.inf else f"NNTB {n.benefit_bound:.{d}f}"
        h = "∞" if n.harm_bound == math.inf else f"NNTH {n.harm_bound:.{d}f}"
        return f"{word} {n.value:.{d}f} ({b} to ∞ to {h})"
    return f"{word} {n.value:.{d}f} ({n.lo:.{d}f} to {n.hi:.{d}f})" if n.lo is not None else f"{word} {n.value:.{d}f}"


# ---------------------------------------------------------------- grading


def _given(grades) -> dict:
    out = {}
    if grades is None:
        return out
    for domain in (*DOMAINS, "upgrade"):
        j = getattr(grades, domain)
        if j is not None:
            out[domain] = (j.rating, j.reason)
    return out


def _short(name: str) -> str:
    # Statements read better without the parenthetical definition: "Disease activity (relapse and/or ...)".
    return re.sub(r"\s*\([^)]*\)", "", name).strip() or name


def _direction(so: StudyOutcome) -> Optional[str]:
    fi, fc = so.arms
    vals = []
    for f in (fi, fc):
        m = re.match(r"(?:median|mean|rate) (-?[\d.]+)", f.text or "")
        vals.append(float(m.group(1)) if m else None)
    if None in vals or vals[0] == vals[1]:
        return None
    return "increase" if vals[0] > vals[1] else "decrease"


def _statement(body: Body, certainty, intervention: str, name: str) -> str:
    if body.estimate is None and body.significant and body.direction is None and certainty.level != "very_low":
        return (f"The sources report a significant difference in {_short(name)[0].lower() + _short(name)[1:]} "
                f"but give no numbers; msvitd cannot state its size or direction.")
    return plain_language(body, certainty, intervention, _short(name))


class Footnotes:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, text: str) -> int:
        if text not in self.items:
            self.items.append(text)
        return self.items.index(text) + 1


def _judgement_notes(certainty, book: Footnotes) -> list[int]:
    refs = []
    for j in certainty.judgements:
        if j.domain == "upgrade" or j.steps:
            who = "judged in the evidence file" if j.by == "file" else "suggested by msvitd"
            refs.append(book.add(f"{DOMAIN_LABELS[j.domain]}: {j.label}, {who}. {j.reason}"))
    return refs


# ---------------------------------------------------------------- a study's table


def _intervention_name(study) -> str:
    agent = study.intervention.agent
    return agent[0].upper() + agent[1:]


def _row_from_study(so: StudyOutcome, role: str, intervention: str, book: Footnotes,
                    name: Optional[str] = None, outcome_id: Optional[str] = None) -> Row:
    o = so.outcome
    rel = so.relative
    th = o.thresholds
    absolute = _absolute(rel, so.p0)
    no_numbers = rel is None and all(f.risk is None and f.text is None for f in so.arms)
    body = Body(
        outcome=o.name, randomised=so.randomised, k=1, participants=so.participants,
        measure=rel.measure if rel else None, estimate=rel.estimate if rel else None,
        lo=rel.lo if rel else None, hi=rel.hi if rel else None, p0=so.p0,
        benefit=th.benefit if th else 0.75, harm=th.harm if th else 1.25, thresholds_from_file=th is not None,
        outcome_type=o.type, stands_for=o.stands_for,
        bias=(StudyBias(so.study_name, so.bias, 100.0, so.bias_support),) if so.bias else (),
        registered=so.registered, limitations=so.limitations, no_numbers=no_numbers, bias_note=so.bias_note,
        significant=o.significant, direction=_direction(so),
    )
    certainty = grade(body, _given(o.grade))
    nnt, nnt_notes = _nnt(so, absolute, o.nnt)
    refs = _judgement_notes(certainty, book)
    p_note = _p_note(_short(o.name), rel)
    for note in (*so.notes, *nnt_notes, *([p_note] if p_note else [])):
        refs.append(book.add(note))
    if rel is not None and rel.by == "source" and absolute is not None and rel.measure == "HR":
        fi = so.arms[0]
        if fi.risk is not None:
            refs.append(book.add(
                f"{_short(o.name)}: risk with intervention from the hazard ratio, 1 − (1 − comparator risk)^HR, as "
                f"GRADE applies it: {absolute.intervention:.0f} per 1000 (the arm's observed risk was "
                f"{1000 * fi.risk:.0f} per 1000)."))
    return Row(
        outcome_id=outcome_id or o.id, name=name or o.name, role=role, follow_up=_follow_up(o),
        participants=so.participants, studies=1, study_ids=(so.study_id,), outcome_type=o.type,
        stands_for=o.stands_for, relative=rel, arms=so.arms, absolute=absolute, nnt=nnt, certainty=certainty,
        statement=_statement(body, certainty, intervention, o.name), finding=o.finding, footnotes=tuple(refs),
        computed=_computed(so.counts),
    )


def study_table(study) -> Table:
    book = Footnotes()
    outcomes = sorted(enumerate(study.outcomes), key=lambda t: (ROLE_ORDER.get(t[1].role, 9), t[0]))
    intervention = _intervention_name(study)
    rows = tuple(_row_from_study(study_outcome(study, o), o.role, intervention, book) for _, o in outcomes)
    pop = study.population
    return Table(
        id=study.id, title=f"{study.name}: {study.intervention.label} compared with {study.comparator.label}",
        population=pop.description or pop.condition, setting=pop.setting or (", ".join(study.design.countries) or None),
        intervention=study.intervention.label, comparator=study.comparator.label, rows=rows,
        footnotes=tuple(book.items), kind="study",
    )


# ---------------------------------------------------------------- pooling across studies


def check_poolable(sources: Sequence[StudyOutcome], comparison_of: dict[str, str]) -> str:
    """The one effect measure the sources share; raise PoolingRefused when they must not be combined."""
    groups = {comparison_of.get(s.study_id) for s in sources}
    if len(groups) > 1 or None in groups:
        where = ", ".join(f"{s.study_name} ({comparison_of.get(s.study_id) or 'no comparison'})" for s in sources)
        raise PoolingRefused(f"not pooled: the question keeps these studies in different comparisons: {where}")
    missing = [s.study_name for s in sources if s.relative is None or s.relative.lo is None]
    if missing:
        raise PoolingRefused("not pooled: no effect estimate with a confidence interval for " + ", ".join(missing))
    measures = {s.relative.measure for s in sources}
    if len(measures) > 1:
        what = ", ".join(f"{s.study_name}: {s.relative.measure}" for s in sources)
        raise PoolingRefused(f"not pooled: the studies report different effect measures ({what}); msvitd does not "
                             f"combine a hazard ratio, an odds ratio and a risk ratio")
    measure = measures.pop()
    if measure not in RATIOS and measure not in ("RD", "MD"):
        raise PoolingRefused(f"not pooled: msvitd does not pool {measure}")
    return measure


def pooled_row(sources: Sequence[StudyOutcome], comparison_of: dict[str, str], qo, intervention: str,
               book: Footnotes, method: str = "REML") -> Row:
    measure = check_poolable(sources, comparison_of)
    ys, vs = zip(*(to_analysis_scale(measure, s.relative.estimate, s.relative.lo, s.relative.hi) for s in sources))
    fe = pool(measure, ys, vs, model="fixed")
    re_ = pool(measure, ys, vs, model="random", tau2_method=method)
    rows = tuple(ForestRow(s.study_name, s.relative.estimate, s.relative.lo, s.relative.hi, w, wf,
                           participants=s.participants)
                 for s, w, wf in zip(sources, re_.weights, fe.weights))
    forest = Forest(qo.name, measure, rows, "random", method, re_.i2, re_.tau2, re_.q, re_.q_df, re_.q_p,
                    fixed=ForestRow("Fixed effect", fe.estimate, fe.lo, fe.hi, None, 100.0, pooled=True,
                                    participants=None),
                    pooled=ForestRow(f"Random ({method})", re_.estimate, re_.lo, re_.hi, 100.0, None, pooled=True),
                    pi_lo=re_.pi_lo, pi_hi=re_.pi_hi)
    rel = Relative(measure, re_.estimate, re_.lo, re_.hi, f"P = {re_.p:.2g}", "pooled",
                   f"random effects ({method}), inverse variance on the log scale" if measure in RATIOS else
                   f"random effects ({method}), inverse variance")
    comp = [s for s in sources if s.counts]
    if len(comp) == len(sources):
        p0 = sum(s.counts[2] for s in comp) / sum(s.counts[3] for s in comp)
        p0_note = "pooled comparator risk (all comparator events / all comparator participants)"
    else:
        risks = sorted(s.p0 for s in sources if s.p0 is not None)
        p0 = risks[len(risks) // 2] if risks else None
        p0_note = "median comparator risk of the studies"
    absolute = _absolute(rel, p0)
    participants = sum(s.participants for s in sources) if all(s.participants for s in sources) else None
    given: dict = {}
    notes: list[str] = []
    for domain in ("risk_of_bias", "indirectness", "publication_bias"):
        js = [getattr(s.outcome.grade, domain) if s.outcome.grade else None for s in sources]
        if all(js) and len({j.rating for j in js}) == 1:
            given[domain] = (js[0].rating, " ".join(dict.fromkeys(j.reason for j in js)))
    types = {s.outcome.type for s in sources}
    otype = "surrogate" if "surrogate" in types else ("composite" if "composite" in types else "clinical")
    stands = next((s.outcome.stands_for for s in sources if s.outcome.stands_for), None)
    body = Body(
        outcome=qo.name, randomised=all(s.randomised for s in sources), k=len(sources), participants=participants,
        measure=measure, estimate=re_.estimate, lo=re_.lo, hi=re_.hi, p0=p0, outcome_type=otype, stands_for=stands,
        i2=re_.i2, q_p=re_.q_p, study_cis=tuple((s.relative.lo, s.relative.hi) for s in sources),
        bias=tuple(StudyBias(s.study_name, s.bias, w) for s, w in zip(sources, re_.weights)),
        registered=all(s.registered for s in sources),
    )
    certainty = grade(body, given)
    refs = _judgement_notes(certainty, book)
    pi = ""
    if re_.pi_lo is not None:
        pi = f"; 95% prediction interval {re_.pi_lo:.2f} to {re_.pi_hi:.2f} (t with {re_.k - 2} df)"
    refs.append(book.add(
        f"{qo.name}: {len(sources)} studies pooled by msvitd, {rel.method}: {measure} {re_.estimate:.2f} "
        f"({re_.lo:.2f} to {re_.hi:.2f}); fixed effect {fe.estimate:.2f} ({fe.lo:.2f} to {fe.hi:.2f}); "
        f"I² = {re_.i2:.0f}%, tau² = {re_.tau2:.3f}{pi}. Comparator risk: {p0_note}."))
    for s in sources:
        for n in s.notes:
            refs.append(book.add(n))
    nnt, _ = _nnt(None, absolute, None)
    return Row(
        outcome_id=qo.id, name=qo.name, role=qo.importance, follow_up=_follow_up(sources[0].outcome),
        participants=participants, studies=len(sources), study_ids=tuple(s.study_id for s in sources),
        outcome_type=otype, stands_for=stands, relative=rel, arms=(), absolute=absolute, nnt=nnt,
        certainty=certainty, statement=_statement(body, certainty, intervention, qo.name), finding=None,
        footnotes=tuple(refs), forest=forest, notes=tuple(notes),
    )


def question_tables(question, library) -> list[Table]:
    comparison_of = {sid: c.id for c in question.comparisons for sid in c.studies}
    tables = []
    order = sorted(enumerate(question.outcomes),
                   key=lambda t: (IMPORTANCE_ORDER.get(t[1].importance, 9), -(t[1].rank or 0), t[0]))
    intervention = question.intervention[0].upper() + question.intervention[1:]
    for comp in question.comparisons:
        book = Footnotes()
        rows = []
        table_notes = []
        for _, qo in order:
            sources = []
            for src in qo.from_studies:
                if comparison_of.get(src.study) != comp.id:
                    continue
                entry = library.studies.get(src.study)
                if entry is None:
                    table_notes.append(f"{qo.name}: study {src.study!r} is not in the evidence loaded; left out.")
                    continue
                outcome = entry.model.outcome(src.outcome)
                if outcome is None:
                    table_notes.append(f"{qo.name}: study {src.study!r} has no outcome {src.outcome!r}; left out.")
                    continue
                sources.append(study_outcome(entry.model, outcome))
            if not sources:
                continue
            if len(sources) == 1:
                rows.append(_row_from_study(sources[0], qo.importance, intervention, book, qo.name, qo.id))
                continue
            try:
                rows.append(pooled_row(sources, comparison_of, qo, intervention, book))
            except (PoolingRefused, ValueError) as exc:
                ref = book.add(f"{qo.name}: {exc}.")
                for s in sources:
                    r = _row_from_study(s, qo.importance, intervention, book, f"{qo.name}: {s.study_name}", qo.id)
                    rows.append(replace(r, refused=str(exc), footnotes=(ref, *r.footnotes)))
        apart = [c for c in question.comparisons if c.id != comp.id]
        if apart:
            table_notes.append(f"Kept apart from this comparison: {', '.join(c.label for c in apart)}. {comp.reason}")
        else:
            table_notes.append(comp.reason)
        unassigned = sorted({s.study for qo in question.outcomes for s in qo.from_studies} - set(comparison_of))
        if unassigned:
            table_notes.append("Not in any comparison, so never pooled: " + ", ".join(unassigned) + ".")
        tables.append(Table(
            id=f"{question.id}/{comp.id}", title=f"{question.title}: {comp.label}", population=question.population,
            setting=None, intervention=question.intervention, comparator=question.comparator, rows=tuple(rows),
            footnotes=tuple(book.items), kind="question", notes=tuple(table_notes),
        ))
    return tables


# ---------------------------------------------------------------- entry point


def build(library, ids: Optional[Sequence[str]] = None) -> Summary:
    """Tables for the given study or question ids; all studies and questions when ``ids`` is empty."""
    tables: list[Table] = []
    if not ids:
        ids = [*library.questions, *library.studies]
    for ident in ids:
        if ident in library.questions:
            tables.extend(question_tables(library.questions[ident].model, library))
        elif ident in library.studies:
            tables.append(study_table(library.studies[ident].model))
        else:
            raise KeyError(ident)
    return Summary(tuple(tables))
