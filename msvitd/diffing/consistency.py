"""The source checked against itself, the way statcheck and GRIM check a paper.

- percent vs counts (GRIM): does events/total round to the printed percentage?
- P vs CI (statcheck): is the reported P compatible with the estimate and its (rounded) CI?
- NNT vs risks: does the reported NNT agree with 1 / (difference of the arms' risks)?
- totals: do the arms add up to the population, and are events within their totals?
- CI vs estimate: does the interval contain its estimate?

Each result names every number it used, with its cite and its place in the study file.
"""

from __future__ import annotations

from typing import Callable, Optional

from msvitd.datapath import value_at
from msvitd.diffing.result import ConsistencyRow, SourceRef
from msvitd.facts.source import _cite, _decimals_of, fmt, set_sources


def recheck_source(study, data=None, locate: Callable[[tuple], str] = lambda p: "") -> list[ConsistencyRow]:
    """The study file checked against itself (percent vs counts, P vs CI, NNT vs risks, arm totals):
    the source's own consistency, shown beside the diff."""
    set_sources(study)
    rows: list[ConsistencyRow] = []

    def num(label, value, cite, path, decimals=None) -> SourceRef:
        raw = value_at(data, path) if data is not None else None
        if decimals is None:
            decimals = _decimals_of(raw if raw is not None else value)
        return SourceRef(label, fmt(value, decimals), cite, locate(path))

    arms = {a.id: a for a in study.arms}
    for oi, o in enumerate(study.outcomes):
        base = ("outcomes", oi)
        ocite = _cite(o.cite)
        for aid, r in o.arms.items():
            short = arms[aid].agent.split("(")[0].strip() if aid in arms else aid
            p = base + ("arms", aid)
            rc = _cite(r.cite, ocite)
            if r.events is not None and r.total is not None:
                if r.events > r.total:
                    rows.append(ConsistencyRow("events vs total", f"{o.name}, {short}", False,
                                               f"{r.events} events exceed the {r.total} participants",
                                               (num("events", r.events, rc, p + ("events",)),
                                                num("total", r.total, rc, p + ("total",)))))
                if r.percent is not None and r.total:
                    rows.append(_grim(f"{o.name}, {short}", r.events, r.total, r.percent, rc, p, data, num))
            arm = arms.get(aid)
            if arm is not None and r.total is not None and arm.analysed is not None and r.total > arm.analysed:
                ai = study.arms.index(arm)
                rows.append(ConsistencyRow(
                    "totals", f"{o.name}, {short}", False,
                    f"the outcome's total {r.total} exceeds the {arm.analysed} analysed in the arm",
                    (num("outcome total", r.total, rc, p + ("total",)),
                     num("arm analysed", arm.analysed, _cite(arm.cite), ("arms", ai, "analysed")))))
        effects = ([(("effect",), o.effect)] if o.effect else []) + [(("effects", i), e) for i, e in enumerate(o.effects)]
        for key, e in effects:
            ep = base + key
            ec = _cite(e.cite, ocite)
            if e.estimate is None or not e.ci:
                continue
            lo, hi = e.ci
            dec = max(_decimals_of(value_at(data, ep + ("estimate",)) if data else e.estimate),
                      _decimals_of(value_at(data, ep + ("ci", 0)) if data else lo),
                      _decimals_of(value_at(data, ep + ("ci", 1)) if data else hi))
            nums = (num(e.measure, e.estimate, ec, ep + ("estimate",), dec),
                    num("CI lower", lo, ec, ep + ("ci", 0), dec), num("CI upper", hi, ec, ep + ("ci", 1), dec))
            if not (lo <= e.estimate <= hi):
                rows.append(ConsistencyRow("CI vs estimate", o.name, False,
                                           f"{e.measure} {fmt(e.estimate, dec)} lies outside its CI "
                                           f"{fmt(lo, dec)} to {fmt(hi, dec)}", nums))
                continue
            if e.p is not None:
                rows.append(_statcheck(o.name, e, dec, nums + (num("P", e.p.value, ec, ep + ("p",)),)))
        if o.nnt is not None:
            row = _nnt(o, study, base, data, num)
            if row:
                rows.append(row)
    rows.extend(_totals(study, num))
    return rows


def _grim(subject, events, total, percent, cite, p, data, num) -> ConsistencyRow:
    raw = value_at(data, p + ("percent",)) if data is not None else None
    dec = _decimals_of(raw if raw is not None else percent)
    exact = 100 * events / total
    ok = abs(exact - percent) <= 0.5 * 10 ** (-dec) + 1e-9
    msg = (f"{events}/{total} = {exact:.{dec + 2}f}%, printed {fmt(percent, dec)}%"
           + ("" if ok else f": {events}/{total} cannot round to {fmt(percent, dec)}%"))
    return ConsistencyRow("percent vs counts", subject, ok, msg,
                          (num("events", events, cite, p + ("events",)), num("total", total, cite, p + ("total",)),
                           num("percent", percent, cite, p + ("percent",), dec)))


def _statcheck(name, e, dec, nums) -> ConsistencyRow:
    from msvitd.stats.pvalues import p_check, p_interval_from_ci

    try:
        lo_p, hi_p = p_interval_from_ci(e.measure, e.estimate, e.ci[0], e.ci[1], e.ci_level, decimals=dec)
        res = p_check(e.p, (lo_p, hi_p))
    except (ValueError, ZeroDivisionError) as exc:
        return ConsistencyRow("P vs CI", name, False, f"cannot recompute P: {exc}", nums)
    rec = f"{lo_p:.4f} to {hi_p:.4f}" if abs(hi_p - lo_p) > 5e-5 else f"{lo_p:.4f}"
    msg = (f"{e.measure} {fmt(e.estimate, dec)} ({fmt(e.ci[0], dec)} to {fmt(e.ci[1], dec)}) implies P {rec}; "
           f"reported {res.reported}")
    if not res.consistent:
        msg += " (a decision error: the two fall on different sides of 0.05)" if res.decision_error else " (inconsistent)"
    return ConsistencyRow("P vs CI", name, res.consistent, msg, nums)


def _nnt(o, study, base, data, num) -> Optional[ConsistencyRow]:
    i_arm, c_arm = study.intervention.id, study.comparator.id
    ri, rc = o.arms.get(i_arm), o.arms.get(c_arm)
    if ri is None or rc is None:
        return None
    ncite = _cite(o.nnt.cite, o.cite)
    nnt_ref = num("NNT", o.nnt.value, ncite, base + ("nnt", "value"))
    ndec = _decimals_of(value_at(data, base + ("nnt", "value")) if data else o.nnt.value)
    half_n = 0.5 * 10 ** (-ndec)
    if None not in (ri.events, ri.total, rc.events, rc.total) and ri.total and rc.total:
        diff = rc.events / rc.total - ri.events / ri.total
        if diff <= 0:
            return ConsistencyRow("NNT vs risks", o.name, False, "the arms' risks show no benefit, yet an NNT is given",
                                  (nnt_ref,))
        exact = 1 / diff
        ok = abs(exact - o.nnt.value) <= half_n + 1e-9
        p = base + ("arms",)
        used = (num("events", rc.events, _cite(rc.cite), p + (c_arm, "events")),
                num("total", rc.total, _cite(rc.cite), p + (c_arm, "total")),
                num("events", ri.events, _cite(ri.cite), p + (i_arm, "events")),
                num("total", ri.total, _cite(ri.cite), p + (i_arm, "total")), nnt_ref)
        msg = (f"1 / ({rc.events}/{rc.total} - {ri.events}/{ri.total}) = {exact:.2f}; reported NNT "
               f"{fmt(o.nnt.value, ndec)}")
        return ConsistencyRow("NNT vs risks", o.name, ok, msg, used)
    if ri.percent is not None and rc.percent is not None:
        d1 = _decimals_of(value_at(data, base + ("arms", i_arm, "percent")) if data else ri.percent)
        h = 0.5 * 10 ** (-d1)
        dmin, dmax = rc.percent - ri.percent - 2 * h, rc.percent - ri.percent + 2 * h
        if dmax <= 0:
            return None
        lo, hi = 100 / dmax, (100 / dmin if dmin > 0 else float("inf"))
        ok = lo - half_n <= o.nnt.value <= hi + half_n
        msg = (f"100 / ({fmt(rc.percent, d1)} - {fmt(ri.percent, d1)}) = {100 / (rc.percent - ri.percent):.2f} "
               f"(from {lo:.2f} to {hi:.2f} given rounding); reported NNT {fmt(o.nnt.value, ndec)}")
        return ConsistencyRow("NNT vs risks", o.name, ok, msg, (nnt_ref,))
    return None


def _totals(study, num) -> list[ConsistencyRow]:
    rows = []
    pop = study.population
    pc = _cite(pop.cite)
    for key in ("randomised", "analysed"):
        total = getattr(pop, key)
        per_arm = [(i, a, getattr(a, key)) for i, a in enumerate(study.arms)]
        if total is None or any(v is None for _, _, v in per_arm):
            continue
        s = sum(v for _, _, v in per_arm)
        nums = tuple(num(f"{a.id} {key}", v, _cite(a.cite), ("arms", i, key)) for i, a, v in per_arm)
        nums += (num(f"population {key}", total, pc, ("population", key)),)
        rows.append(ConsistencyRow("totals", f"participants {key}", s == total,
                                   " + ".join(str(v) for _, _, v in per_arm) + f" = {s}; population {key} {total}", nums))
    for key in ("analysed", "completed"):  # no more analysed (completed) than randomised
        n = getattr(pop, key)
        if pop.randomised is not None and n is not None and n > pop.randomised:
            rows.append(ConsistencyRow("totals", "participants", False, f"{n} {key} exceeds {pop.randomised} randomised",
                                       (num(key, n, pc, ("population", key)),
                                        num("randomised", pop.randomised, pc, ("population", "randomised")))))
    return rows
