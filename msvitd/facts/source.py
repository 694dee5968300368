"""The source's numbers as a flat list of facts: value, unit, context words, label, cite, data path.

Every fact comes straight from the study model (nothing is computed here except the clearly
labelled derived facts of :func:`derived_facts`). A fact's ``path`` is its place in the study file,
so a renderer can print ``file:line`` beside the cite.

(About 420 lines: one reader per section of the study file plus the derived facts; splitting
`study_facts` by section is the next step, listed in docs/critique.md.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from msvitd.checks import _raw  # the one walker of a document's data by path
from msvitd.text.grammar import role_synonyms
from msvitd.text.numbers import find_numbers

_STOP = frozenset("""a an the of in on at to for with and or by from as is was were be been are than that this
these those who which what vs versus per each all any its their his her it not no nor into over under
about after before during between within without more less most least only also both either group arm
study trial""".split())

# what a number counts, as English writes it: language data (text/lang/en/language.yaml `roles.words`)
_SYNONYMS = role_synonyms("en")


def words(text: str) -> frozenset:
    """Content words of a text, lower-cased and normalised (synonyms folded, stop words dropped)."""
    out = set()
    for w in re.findall(r"[a-z0-9][a-z0-9\-]*", (text or "").lower()):
        w = _SYNONYMS.get(w, w)
        if w in _STOP or w.isdigit() or len(w) < 2:
            continue
        if w.endswith("s") and len(w) > 4 and not w.endswith("ss"):
            w = _SYNONYMS.get(w[:-1], w[:-1])
        out.add(w)
    return frozenset(out)


@dataclass(frozen=True)
class Fact:
    value: float
    unit: Optional[str]
    kind: str  # percent, count, duration, dose, concentration, ratio, p_value, ci_low, ci_high, nnt, multiplier, date
    label: str  # "disease activity, vitamin D arm: % with the outcome"
    context: frozenset
    cite: str
    path: tuple = ()
    decimals: int = 0
    relation: str = "="  # for P values
    measure: Optional[str] = None  # HR, RR, ...
    derived_from: tuple = ()  # labels of the facts a derived fact is computed from
    formula: Optional[str] = None  # "1 - HR 0.66 = 34%"
    concepts: tuple = ()  # an outcome's concepts (outcome facts only)

    @property
    def derived(self) -> bool:
        return bool(self.derived_from)

    def show(self) -> str:
        return f"{fmt(self.value, self.decimals)}{unit_suffix(self.unit)}"


def fmt(value: float, decimals: int = 0) -> str:
    if decimals <= 0 and float(value).is_integer():
        v = int(value)
        return f"{v:,}" if abs(v) >= 10000 else str(v)
    return f"{value:.{max(decimals, 0)}f}" if decimals else f"{value:g}"


def unit_suffix(unit: Optional[str]) -> str:
    if not unit or unit in ("ratio",):
        return ""
    return "%" if unit == "%" else f" {unit}"


def _decimals_of(raw) -> int:
    if raw is None or isinstance(raw, bool):
        return 0
    if isinstance(raw, int):
        return 0
    text = repr(raw) if not isinstance(raw, str) else raw
    m = re.search(r"\.(\d+)", text)
    return len(m.group(1)) if m else 0



_SOURCES: set = set()


def _cite(*cites) -> str:
    """The first non-empty cite list, as "pmc, Abstract (Results); neurologies, Denominators"."""
    for c in cites:
        if c:
            items = list(c) if isinstance(c, (list, tuple)) else [str(c)]
            try:
                from msvitd.checks import parse_cites
                pairs, _ = parse_cites(items, _SOURCES)
            except Exception:  # pragma: no cover - checks is part of the foundation
                pairs = []
            if pairs:
                return "; ".join(f"{sid}, {loc}" if loc else sid for sid, loc in pairs)
            return "; ".join(items)
    return ""


class FactList(list):
    """A study's facts, with the words that name the study and its intervention (from the study file):
    ``identity`` words are in every sentence about the trial and tell no two facts apart;
    ``intervention_terms`` say a figure belongs to the intervention arm ("of the vitamin D group")."""

    identity: frozenset = frozenset()
    intervention_terms: tuple = ()


def _intervention_terms(study) -> tuple:
    terms = []
    for arm in study.arms:
        if arm.role == "intervention":
            terms.append(arm.agent.split("(")[0].strip())
            terms += [x.strip() for x in re.findall(r"\(([^()]+)\)", arm.agent)]
            if getattr(arm, "short_label", None):
                terms.append(arm.short_label)
    return tuple(t for t in dict.fromkeys(terms) if t)


def study_facts(study, data=None) -> list[Fact]:
    """Every number the study file holds, as facts (``data``: the raw YAML mapping, for decimals)."""
    out = FactList()
    out.intervention_terms = _intervention_terms(study)
    out.identity = frozenset(words(" ".join([study.name, *study.aliases, *out.intervention_terms])))
    name_words = words(study.name)
    _SOURCES.clear()
    _SOURCES.update(s.id for s in study.sources)

    def add(value, unit, kind, label, context, cite, path, **kw):
        if value is None:
            return
        raw = _raw(data, path) if data is not None else None
        dec = kw.pop("decimals", None)
        if dec is None:
            dec = _decimals_of(raw if raw is not None else value)
        if path and path[0] == "outcomes" and len(path) > 1 and "concepts" not in kw:
            kw["concepts"] = tuple(study.outcomes[path[1]].concepts)
        out.append(Fact(float(value), unit, kind, label, frozenset(words(context) | name_words), cite, tuple(path),
                        dec, **kw))

    def text_numbers(text, label, context, cite, path, kinds=("count", "duration", "dose", "concentration",
                                                               "percent")):
        for m in find_numbers(text or ""):
            if m.kind in kinds:
                add(m.value, m.unit, m.kind, f"{label}: {m.raw}", f"{context} {text}", cite, path,
                    decimals=m.decimals())
                if m.upper is not None:
                    add(m.upper, m.unit, m.kind, f"{label}: {m.raw} (upper end)", f"{context} {text}", cite, path,
                        decimals=m.decimals())

    d, pop = study.design, study.population
    dcite = _cite(d.cite, study.citation.cite)
    pcite = _cite(pop.cite, dcite)
    add(d.centres, "centres", "count", "centres", "centres sites countries " + " ".join(d.countries), dcite,
        ("design", "centres"))
    add(d.target_sample_size, "participants", "count", "target sample size", "target planned sample size", dcite,
        ("design", "target_sample_size"))
    add(d.duration_weeks, "weeks", "duration", "treatment duration", "duration time treatment follow-up trial lasted",
        dcite, ("design", "duration_weeks"))
    if d.planned_follow_up:
        text_numbers(d.planned_follow_up, "planned follow-up", "planned follow-up time trial lasted duration", dcite,
                     ("design", "planned_follow_up"), kinds=("duration",))
    if d.enrolment:
        for key in ("start", "end"):
            v = getattr(d.enrolment, key)
            if v:
                add(int(v[:4]), None, "date", f"enrolment {key} ({v})", "enrolment recruitment", dcite,
                    ("design", "enrolment", key))
    if d.final_follow_up:
        add(int(d.final_follow_up[:4]), None, "date", f"final follow-up ({d.final_follow_up})", "final follow-up",
            dcite, ("design", "final_follow_up"))
    add(len(study.arms), "arms", "count", "number of arms", "groups arms two", dcite, ("arms",), decimals=0)

    add(pop.randomised, "participants", "count", "participants randomised", "participants randomised total",
        pcite, ("population", "randomised"))
    add(pop.analysed, "participants", "count", "participants analysed", "participants analysed total trial",
        pcite, ("population", "analysed"))
    add(pop.completed, "participants", "count", "participants who completed", "participants completed", pcite,
        ("population", "completed"))
    if pop.age:
        text_numbers(pop.age, "age", "age aged adults years", pcite, ("population", "age"), kinds=("duration", "range",
                                                                                                    "count"))
    for i, inc in enumerate(pop.inclusion):
        text_numbers(inc, "inclusion", "inclusion criteria", pcite, ("population", "inclusion", i))
    for i, b in enumerate(pop.baseline):
        bcite = _cite(b.cite, pcite)
        text_numbers(b.value, f"baseline {b.name}", f"baseline {b.name}", bcite, ("population", "baseline", i, "value"),
                     kinds=("count", "duration", "percent", "other"))
        for m in find_numbers(b.value):
            if m.kind == "other":
                add(m.value, None, "other", f"baseline {b.name}: {m.raw}", f"baseline {b.name}", bcite,
                    ("population", "baseline", i, "value"), decimals=m.decimals())

    for ai, arm in enumerate(study.arms):
        acite = _cite(arm.cite, dcite)
        actx = f"{arm.label} {arm.agent} {arm.role}"
        add(arm.randomised, "participants", "count", f"{arm.label}: randomised", f"{actx} randomised participants",
            acite, ("arms", ai, "randomised"))
        add(arm.analysed, "participants", "count", f"{arm.label}: analysed", f"{actx} analysed participants",
            acite, ("arms", ai, "analysed"))
        if arm.dose is not None:
            add(arm.dose, arm.unit or None, "dose", f"{arm.label}: dose", f"{actx} dose high-dose supplement", acite,
                ("arms", ai, "dose"))
        add(arm.daily_equivalent, f"{arm.unit}/day" if arm.unit else None, "dose", f"{arm.label}: daily equivalent",
            f"{actx} daily dose day", acite, ("arms", ai, "daily_equivalent"))
        if arm.frequency:
            text_numbers(arm.frequency, f"{arm.label}: frequency", f"{actx} every frequency dose", acite,
                         ("arms", ai, "frequency"), kinds=("duration",))
        if arm.duration:
            text_numbers(arm.duration, f"{arm.label}: duration", f"{actx} duration time lasted treatment", acite,
                         ("arms", ai, "duration"), kinds=("duration",))

    arm_label = {a.id: a for a in study.arms}
    for oi, o in enumerate(study.outcomes):
        first_arm = next(iter(o.arms.values()), None)
        ocite = _cite(o.cite, first_arm.cite if first_arm else None, o.effect.cite if o.effect else None)
        octx = f"{o.name} {' '.join(c.replace('_', ' ') for c in o.concepts)}"
        base = ("outcomes", oi)
        for aid, r in o.arms.items():
            arm = arm_label.get(aid)
            alabel = arm.label if arm else aid
            short = arm.agent.split("(")[0].strip() if arm else aid
            actx = f"{octx} {alabel} {arm.agent if arm else ''} {arm.role if arm else ''}"
            rcite = _cite(r.cite, ocite)
            p = base + ("arms", aid)
            add(r.percent, "%", "percent", f"{o.name}, {short}: % with the outcome", actx, rcite, p + ("percent",))
            add(r.events, "participants", "count", f"{o.name}, {short}: events", actx + " events", rcite,
                p + ("events",))
            add(r.total, "participants", "count", f"{o.name}, {short}: total", actx + " total", rcite, p + ("total",))
            unit = r.unit
            if unit in ("day", "days", "week", "weeks", "month", "months", "year", "years"):
                unit = unit if unit.endswith("s") else unit + "s"
                mkind = "duration"
            else:
                mkind = "other"
            add(r.median, unit, mkind, f"{o.name}, {short}: median", actx + " median time", rcite, p + ("median",))
            add(r.mean, unit, mkind, f"{o.name}, {short}: mean", actx + " mean", rcite, p + ("mean",))
            add(r.rate, None, "other", f"{o.name}, {short}: rate", actx + " rate", rcite, p + ("rate",))
        effects = ([("effect", o.effect)] if o.effect else []) + [(("effects", i), e) for i, e in enumerate(o.effects)]
        for key, e in effects:
            ep = base + (key if isinstance(key, tuple) else (key,))
            ecite = _cite(e.cite, ocite)
            ectx = f"{octx} {e.measure} effect"
            mname = {"HR": "hazard ratio", "RR": "risk ratio", "OR": "odds ratio", "IRR": "rate ratio"}.get(e.measure,
                                                                                                           e.measure)
            if e.estimate is not None:
                add(e.estimate, "ratio" if e.is_ratio else None, "ratio" if e.is_ratio else "difference",
                    f"{o.name}: {e.measure}", f"{ectx} {mname}", ecite, ep + ("estimate",), measure=e.measure)
            if e.ci:
                lo, hi = e.ci
                add(lo, None, "ci_low", f"{o.name}: {e.measure} CI lower", ectx + " confidence interval", ecite,
                    ep + ("ci", 0), measure=e.measure)
                add(hi, None, "ci_high", f"{o.name}: {e.measure} CI upper", ectx + " confidence interval", ecite,
                    ep + ("ci", 1), measure=e.measure)
            if e.p is not None:
                add(e.p.value, None, "p_value", f"{o.name}: P", ectx + " significant", ecite, ep + ("p",),
                    relation=e.p.relation, decimals=_decimals_of(_raw(data, ep + ("p",)) if data else e.p.value))
        if o.nnt:
            ncite = _cite(o.nnt.cite, ocite)
            add(o.nnt.value, "NNT", "nnt", f"{o.name}: NNT", f"{octx} number needed treat", ncite, base + ("nnt", "value"))
        if o.timepoint:
            text_numbers(o.timepoint, f"{o.name}: timepoint", f"{octx} time follow-up", ocite, base + ("timepoint",),
                         kinds=("duration",))
        if o.finding:
            for m in find_numbers(o.finding):
                if m.kind == "p_value":
                    add(m.value, None, "p_value", f"{o.name}: P (finding)", f"{octx} significant log-rank", ocite,
                        base + ("finding",), relation=m.relation or "=", decimals=m.decimals())
    for hi_, h in enumerate(study.harms):
        hcite = _cite(h.cite)
        for aid, r in h.arms.items():
            arm = arm_label.get(aid)
            short = arm.agent.split("(")[0].strip() if arm else aid
            ctx = f"{h.name} adverse events side effects {arm.label if arm else aid} {arm.agent if arm else ''}"
            p = ("harms", hi_, "arms", aid)
            add(r.percent, "%", "percent", f"{h.name}, {short}: %", ctx, _cite(r.cite, hcite), p + ("percent",))
            add(r.events, "participants", "count", f"{h.name}, {short}: events", ctx, _cite(r.cite, hcite),
                p + ("events",))
    for si, s in enumerate(study.subgroups):
        if s.interaction_p is not None:
            add(s.interaction_p.value, None, "p_value", f"subgroup {s.variable}: interaction P",
                f"subgroup {s.variable} interaction", _cite(s.cite), ("subgroups", si, "interaction_p"),
                relation=s.interaction_p.relation)
    if study.citation.year:
        add(study.citation.year, None, "date", "publication year", "published publication", _cite(study.citation.cite),
            ("citation", "year"))
    return out


def derived_facts(facts: Iterable[Fact]) -> list[Fact]:
    """Numbers that follow from the source's numbers: 1 - HR, ratios of medians, differences of
    percentages, per-arm sums, relative risks from percentages. Each names the facts it comes from."""
    facts = list(facts)
    out: list[Fact] = []

    def derive(value, unit, kind, label, formula, sources, decimals=1, extra_ctx=frozenset()):
        ctx = frozenset().union(*(s.context for s in sources)) | extra_ctx
        cite = "; ".join(dict.fromkeys(s.cite for s in sources if s.cite))
        out.append(Fact(value, unit, kind, label, ctx, cite, sources[0].path, decimals,
                        derived_from=tuple(s.label for s in sources), formula=formula))

    for f in facts:
        if f.kind == "ratio" and f.value < 1:
            pct = round((1 - f.value) * 100, 6)
            derive(pct, "%", "percent", f"{f.label}: relative reduction",
                   f"1 - {f.measure} {fmt(f.value, f.decimals)} = {fmt(pct, max(f.decimals - 2, 0))}%", [f],
                   decimals=max(f.decimals - 2, 0), extra_ctx=words("lower reduction risk"))
            derive(1 - f.value, None, "fraction", f"{f.label}: relative reduction",
                   f"1 - {f.measure} {fmt(f.value, f.decimals)} = {fmt(1 - f.value, f.decimals)}", [f],
                   decimals=f.decimals, extra_ctx=words("lower reduction risk"))
        if f.kind == "ratio" and f.value > 1:
            pct = round((f.value - 1) * 100, 6)
            derive(pct, "%", "percent", f"{f.label}: relative increase",
                   f"{f.measure} {fmt(f.value, f.decimals)} - 1 = {fmt(pct, 0)}%", [f], decimals=0)
    # per outcome and measure: pairs of arm values
    groups: dict[tuple, list[Fact]] = {}
    for f in facts:
        if f.path[:1] in (("outcomes",), ("harms",)) and len(f.path) >= 5 and f.path[2] == "arms":
            groups.setdefault((f.path[:2], f.path[-1]), []).append(f)
    for (_, field_), group in groups.items():
        if len(group) != 2:
            continue
        a, b = group  # intervention first, as the file lists arms
        if field_ == "percent":
            diff = round(abs(b.value - a.value), 6)
            dec = max(a.decimals, b.decimals)
            derive(diff, "percentage points", "percent", f"{a.label.split(',')[0]}: absolute difference",
                   f"{fmt(b.value, dec)}% - {fmt(a.value, dec)}% = {fmt(diff, dec)} points", [a, b], decimals=dec,
                   extra_ctx=words("difference absolute points"))
            if a.value and b.value:
                lo, hi = sorted((a.value, b.value))
                rr = lo / hi
                derive(round((1 - rr) * 100, 6), "%", "percent", f"{a.label.split(',')[0]}: relative reduction in risk",
                       f"1 - {fmt(lo, dec)}/{fmt(hi, dec)} = {fmt((1 - rr) * 100, 0)}%", [a, b], decimals=0,
                       extra_ctx=words("lower reduction risk"))
                derive(hi / lo, None, "multiplier", f"{a.label.split(',')[0]}: ratio of percentages",
                       f"{fmt(hi, dec)}/{fmt(lo, dec)} = {hi / lo:.2f}", [a, b], decimals=2)
                if b.value > a.value:
                    nnt = 100 / (b.value - a.value)
                    derive(nnt, "NNT", "nnt", f"{a.label.split(',')[0]}: NNT from percentages",
                           f"100 / ({fmt(b.value, dec)} - {fmt(a.value, dec)}) = {nnt:.1f}", [a, b], decimals=1)
        elif field_ in ("events", "total"):
            s = a.value + b.value
            derive(s, a.unit, a.kind, f"{a.label.split(',')[0]}: {field_} in both arms",
                   f"{fmt(a.value)} + {fmt(b.value)} = {fmt(s)}", [a, b], decimals=0)
        elif field_ in ("median", "mean") and a.value and b.value:
            hi, lo = max(a.value, b.value), min(a.value, b.value)
            derive(hi / lo, None, "multiplier", f"{a.label.split(',')[0]}: ratio of {field_}s",
                   f"{fmt(hi)}/{fmt(lo)} = {hi / lo:.2f}", [a, b], decimals=2,
                   extra_ctx=words("long longer time twice"))
            derive(hi - lo, a.unit, a.kind, f"{a.label.split(',')[0]}: difference of {field_}s",
                   f"{fmt(hi)} - {fmt(lo)} = {fmt(hi - lo)}", [a, b], decimals=0)
    # per-arm sums of randomised/analysed
    for field_ in ("randomised", "analysed"):
        arms = [f for f in facts if f.path[:1] == ("arms",) and f.path[-1] == field_]
        if len(arms) >= 2:
            s = sum(f.value for f in arms)
            derive(s, "participants", "count", f"participants {field_} (sum of arms)",
                   " + ".join(fmt(f.value) for f in arms) + f" = {fmt(s)}", arms, decimals=0)
    # each arm's share of those randomised ("half took vitamin D")
    pop_r = next((f for f in facts if f.path == ("population", "randomised")), None)
    for f in facts:
        if pop_r is not None and pop_r.value and f.path[:1] == ("arms",) and f.path[-1] == "randomised":
            share = 100 * f.value / pop_r.value
            derive(round(share, 6), "%", "percent", f"share randomised to {f.label.split(':')[0]}",
                   f"{fmt(f.value)}/{fmt(pop_r.value)} = {share:.0f}%", [f, pop_r], decimals=0,
                   extra_ctx=words("half randomised"))
    # the share *without* the outcome in each arm ("39.7% had no disease activity")
    for f in facts:
        if f.kind == "percent" and f.unit == "%" and f.path[:1] == ("outcomes",) and f.path[-1] == "percent":
            derive(round(100 - f.value, 6), "%", "percent", f"{f.label.replace('% with the outcome', '% without the outcome')}",
                   f"100% - {fmt(f.value, f.decimals)}% = {fmt(100 - f.value, f.decimals)}%", [f], decimals=f.decimals,
                   extra_ctx=words("no free without"))
    # randomised minus analysed; completed as a share of randomised / analysed
    pop = {f.path[-1]: f for f in facts if f.path[:1] == ("population",) and len(f.path) == 2}
    if "randomised" in pop and "analysed" in pop:
        r, a = pop["randomised"], pop["analysed"]
        derive(r.value - a.value, "participants", "count", "randomised but not analysed",
               f"{fmt(r.value)} - {fmt(a.value)} = {fmt(r.value - a.value)}", [r, a], decimals=0)
    if "completed" in pop:
        c = pop["completed"]
        for key in ("randomised", "analysed"):
            if key in pop and pop[key].value:
                share = 100 * c.value / pop[key].value
                derive(share, "%", "percent", f"share completed of {key}",
                       f"{fmt(c.value)}/{fmt(pop[key].value)} = {share:.0f}%", [c, pop[key]], decimals=0,
                       extra_ctx=words("completed"))
    return out
