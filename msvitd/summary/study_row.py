"""One row from one study: its body of evidence, certainty, absolute effect, NNT and footnotes."""

from __future__ import annotations

from dataclasses import replace
from typing import Optional, Sequence

from msvitd.grading.certainty import DOMAINS, RATIOS, Body, StudyBias, default_thresholds, differs, grade
from msvitd.stats.effects import or_from_counts, rd_newcombe, rr_from_counts
from msvitd.stats.pvalues import p_check, p_interval_from_ci
from msvitd.summary.absolute import nnt_figure, to_absolute
from msvitd.summary.report import Absolute, Relative, Row
from msvitd.summary.selection import OutcomeView, follow_up
from msvitd.summary.study_outcome import StudyOutcome, arm_direction
from msvitd.summary.wording import Footnotes, effect_text, judgement_notes, lower_first, pct, per_1000_text, short, statement


def given_grades(grades, by: str = "file") -> dict:
    out = {}
    if grades is None:
        return out
    for domain in (*DOMAINS, "upgrade"):
        j = getattr(grades, domain)
        if j is not None:
            out[domain] = (j.rating, j.reason, by)
    return out


def question_grades(qo) -> dict:
    return given_grades(getattr(qo, "grade", None), "question")


def _thresholds(o: OutcomeView, qo=None) -> tuple[float, float, Optional[str]]:
    if qo is not None and getattr(qo, "thresholds", None) is not None:
        return qo.thresholds.benefit, qo.thresholds.harm, "set in the question file"
    if o.thresholds is not None:
        return o.thresholds.benefit, o.thresholds.harm, "set in the file"
    b, h = default_thresholds(o.better)
    return b, h, None


def _study_body(so: StudyOutcome, qo=None) -> Body:
    o = so.outcome
    rel = so.relative
    b, h, src = _thresholds(o, qo)
    no_numbers = rel is None and all(f.risk is None and f.text is None for f in so.arms)
    mid, mid_source = so.mid_for(qo) if rel is not None and rel.measure == "MD" else (None, None)
    return Body(
        outcome=o.name, randomised=so.randomised, k=1, participants=so.participants,
        measure=rel.measure if rel else None, estimate=rel.estimate if rel else None,
        lo=rel.lo if rel else None, hi=rel.hi if rel else None, p0=so.p0,
        benefit=b, harm=h, thresholds_from_file=src is not None, thresholds_source=src,
        outcome_type=o.type, stands_for=o.stands_for,
        bias=(StudyBias(so.study_name, so.bias, 100.0, so.bias_support),) if so.bias else (),
        registered=so.registered, limitations=so.limitations, no_numbers=no_numbers, bias_note=so.bias_note,
        significant=o.significant, direction=arm_direction(so), better=o.better, direction_unclear=so.conflict is not None,
        narrative=o.significant is not None or bool(o.finding), mid=mid, mid_source=mid_source,
    )


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


def _nnt(so: StudyOutcome, absolute: Optional[Absolute], o: OutcomeView):
    """(the NNT the row shows, notes, the reported NNT when the row shows another one).

    A row's NNT must agree with the absolute effect printed beside it (1000 / 151 fewer per 1000 is 7, not
    the 7.2 a source computed from the raw percentages): with an absolute effect and its interval, the row
    shows the NNT from that effect; a reported NNT is still checked, and kept in a footnote and in json."""
    # From the per-1000 figures as printed (151 fewer, from 250 fewer to 50 fewer -> NNTB 7, 4 to 20), so that
    # a reader who divides 1000 by them finds the NNT shown.
    shown = None if absolute is None else replace(
        absolute, difference=float(round(absolute.difference)),
        lo=None if absolute.lo is None else float(round(absolute.lo)),
        hi=None if absolute.hi is None else float(round(absolute.hi)))
    nnt, notes = nnt_figure(so, shown, o.nnt, o.better)
    if o.nnt is None or shown is None or shown.lo is None or not shown.difference:
        return nnt, notes, None
    mine, _ = nnt_figure(so, shown, None, o.better)
    if mine is None:
        return nnt, notes, None
    return mine, [*notes[:-1], _nnt_note(mine, shown, nnt, notes[-1] if notes else None)], nnt


def _nnt_note(mine, shown: Absolute, reported, reported_note: Optional[str]) -> str:
    """Why the row's NNT and the source's differ, in one footnote: the row's is 1000 over the absolute
    effect printed beside it, rounded up; a source's NNT from the arms' observed proportions (D-Lay MS:
    7.2 from 60.3% vs 74.1%) differs from the one the hazard ratio implies for the comparator risk
    (6.6, shown as 7), and neither is wrong."""
    from msvitd.summary.absolute import whole

    if mine.crosses or mine.lo is None or mine.hi is None:
        table = (f"The table's NNT is 1000 divided by the absolute effect in the same row "
                 f"({per_1000_text(shown.difference)} per 1000), rounded up to whole people.")
    else:
        word = "NNTB" if mine.kind == "benefit" else "NNTH"
        table = (f"The table's {word} {whole(mine.value)} ({whole(mine.lo)} to {whole(mine.hi)}) is 1000 divided by "
                 f"the absolute effect in the same row ({per_1000_text(shown.difference)} per 1000, from "
                 f"{per_1000_text(shown.lo)} to {per_1000_text(shown.hi)}): {mine.value:.1f} ({mine.lo:.1f} to "
                 f"{mine.hi:.1f}), rounded up to whole people as Cochrane and GRADE print NNTs.")
    counts_based = reported is not None and reported.reproduced and "from counts" in (reported.method or "")
    if not counts_based:
        return f"{reported_note} {table}" if reported_note else table
    from msvitd.stats.pvalues import decimals_of

    d = max(decimals_of(x) for x in (reported.value, reported.lo, reported.hi) if x is not None)
    ci = "" if reported.lo is None else f" ({reported.lo:.{d}f} to {reported.hi:.{d}f})"
    than = "larger" if reported.value > mine.value else "smaller"
    return (f"{table} The source's NNT {reported.value:.{d}f}{ci} is {than} because it comes from the proportions "
            f"observed in each arm (msvitd reproduces it with the {reported.method}), while the table's absolute "
            f"effect comes from the relative effect applied to the comparator risk ({shown.basis}), as GRADE "
            f"does; both are right for what they measure.")


def _p_note(name: str, rel: Optional[Relative]) -> Optional[str]:
    """A footnote when the reported P does not match the P implied by the reported CI (statcheck-style)."""
    if rel is None or rel.by != "source" or not rel.p or rel.lo is None or rel.hi is None:
        return None
    try:
        rng = p_interval_from_ci(rel.measure, rel.estimate, rel.lo, rel.hi)
        chk = p_check(rel.p.replace("P", "").strip(), rng)
    except (ValueError, ZeroDivisionError, OverflowError):
        return None
    if chk.consistent:
        return None
    gross = " and falls on the other side of 0.05" if chk.decision_error else ""
    return (f"{name}: the reported {rel.p} does not match the P that msvitd recomputes from "
            f"{effect_text(rel.measure, rel.estimate, (rel.lo, rel.hi))}: {rng[0]:.2g} to {rng[1]:.2g}{gross}.")


def study_row(so: StudyOutcome, role: str, book: Footnotes, name: Optional[str] = None,
              outcome_id: Optional[str] = None, *, qo=None, level: str = "body", extra_notes: Sequence[str] = (),
              fit: Sequence[str] = (), in_question: bool = False) -> Row:
    o = so.outcome
    rel = so.relative
    body = _study_body(so, qo)
    given = given_grades(o.grade, "file")
    if qo is not None:
        given.update(question_grades(qo))
    suggested = {}
    if fit and "indirectness" not in given:
        base = grade(body).judgement("indirectness")
        rating = base.rating if base.steps >= 1 else "serious"
        suggested["indirectness"] = replace(base, rating=rating, reason=base.reason.rstrip(".")
                                            + f"; and the study differs from the comparison: {', '.join(fit)}.")
    certainty = grade(body, given, suggested)
    absolute = None if so.conflict else to_absolute(rel, so.p0)
    gaps = list(so.gaps)
    absolute_note = None
    fi, fc = so.arms
    notes: list[str] = []
    if so.conflict:
        absolute_note = "no absolute effect or NNT: the effect and the percentages point different ways"
        nnt, nnt_notes, nnt_reported = None, [], None
        notes.append(so.conflict)
    else:
        if absolute is None and rel is None and fi.risk is not None and fc.risk is not None:
            absolute = Absolute(1000 * fc.risk, 1000 * fi.risk, 1000 * (fi.risk - fc.risk), None, None,
                                "difference of the per-arm risks")
            notes.append(f"{short(o.name)} ({so.study_name}): {per_1000_text(absolute.difference)} per 1000 is "
                         f"msvitd's arithmetic from {pct(fi)} vs {pct(fc)}; no confidence interval (no per-arm "
                         f"counts in the sources used).")
        nnt, nnt_notes, nnt_reported = _nnt(so, absolute, o)
        if absolute is None:
            if so.p0 is None and rel is not None:
                gaps.append("an absolute effect (no comparator risk: no per-arm proportion in the sources used)")
            elif rel is not None and rel.measure not in RATIOS and rel.measure != "RD":
                gaps.append(f"an absolute effect (a {rel.measure} has no risk to apply it to)")
        if nnt is None and absolute is not None and rel is None:
            gaps.append("an NNT (the difference has no confidence interval)")
    who = {"file": "judged in the study file"} if in_question else None
    prefix = f"{so.study_name}, " if in_question else ""
    refs = judgement_notes(certainty, book, prefix, who)
    if in_question:  # the same outcome may be rated otherwise in the study's own table: say why (issue 16.2)
        why = differs(grade(_study_body(so), given_grades(o.grade, "file")), certainty, so.study_name)
        if why:
            refs.append(book.add(why))
    p_note = _p_note(short(o.name), rel)
    mine = [*nnt_notes, *([p_note] if p_note else [])]
    if in_question:
        mine = [f"{so.study_name}: {n[0].lower() + n[1:] if n.startswith('The ') else n}" for n in mine]
    for note in (*extra_notes, *so.notes, *notes, *mine):
        refs.append(book.add(note))
    if fit:
        refs.append(book.add(f"{so.study_name} and this comparison: {', '.join(fit)}."))
    if rel is not None and rel.by == "source" and absolute is not None and rel.measure == "HR":
        if fi.risk is not None:
            who = f"{so.study_name}, {lower_first(short(o.name))}" if in_question else short(o.name)
            refs.append(book.add(
                f"{who}: risk with intervention from the hazard ratio, 1 − (1 − comparator risk)^HR, as "
                f"GRADE applies it: {absolute.intervention:.0f} per 1000 (the arm's observed risk was "
                f"{1000 * fi.risk:.0f} per 1000)."))
    if gaps:
        who = f"{so.study_name}: msvitd" if in_question else "msvitd"
        refs.append(book.add(f"{who} cannot show " + "; ".join(gaps) + "."))
    refs = sorted(dict.fromkeys(refs))
    shown_name = name or o.name
    return Row(
        outcome_id=outcome_id or o.id, name=shown_name, role=role, follow_up=follow_up(o),
        participants=so.participants, studies=1, study_ids=(so.study_id,), outcome_type=o.type,
        stands_for=o.stands_for, relative=rel, arms=so.arms, absolute=absolute, nnt=nnt, certainty=certainty,
        statement=statement(body, certainty, so.intervention, o.name), finding=o.finding, footnotes=tuple(refs),
        computed=_computed(so.counts), level=level, gaps=tuple(gaps), study_name=so.study_name,
        measured=o.name if shown_name != o.name else None, better=o.better, absolute_note=absolute_note,
        significant=o.significant, direction=body.direction, nnt_reported=nnt_reported,
    )
