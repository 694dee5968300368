"""The source's numbers as a flat list of facts: value, unit, context words, label, cite, data path.

Every fact comes straight from the study model (nothing is computed here except the clearly
labelled derived facts of :func:`derived_facts`). A fact's ``path`` is its place in the study file,
so a renderer can print ``file:line`` beside the cite.

The sections of the study file are tables (``_DESIGN``, ``_ARM``, ``_RESULT``, ...) read by one
``_Reader``; the numbers that follow from these are in :mod:`msvitd.facts.derived`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Optional

from msvitd.datapath import value_at
from msvitd.text.grammar import role_synonyms
from msvitd.text.numbers import find_numbers

_STOP = frozenset("""a an the of in on at to for with and or by from as is was were be been are than that this
these those who which what vs versus per each all any its their his her it not no nor into over under
about after before during between within without more less most least only also both either group arm
study trial""".split())

# what a number counts, as English writes it: language data (text/lang/en/language.yaml `roles.words`)
_SYNONYMS = role_synonyms("en")


_WORD = re.compile(r"[a-z0-9][a-z0-9\-]*")


@lru_cache(maxsize=4096)
def words(text: str) -> frozenset:
    """Content words of a text, lower-cased and normalised (synonyms folded, stop words dropped).

    Cached: the same labels and contexts are read for every fact of every article about a study
    (about 150 calls an article), and the result is a frozenset, so sharing it is safe."""
    out = set()
    for w in _WORD.findall((text or "").lower()):
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


_SOURCES: set = set()  # the study's source ids, for _cite; set by set_sources


def set_sources(study) -> None:
    """Make ``_cite`` read cites against this study's ``sources:`` ids."""
    _SOURCES.clear()
    _SOURCES.update(s.id for s in study.sources)


def _cite(*cites) -> str:
    """The first non-empty cite list, as "pmc, Abstract (Results); neurologies, Denominators"."""
    for c in cites:
        if c:
            items = list(c) if isinstance(c, (list, tuple)) else [str(c)]
            try:
                from msvitd.models.cites import parse_cites
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
    ``intervention_terms`` say a figure belongs to the intervention arm ("of the vitamin D group");
    ``reported_elsewhere`` are the whole numbers the file's `discrepancies:` list as another report's
    value and did not use (CHOLINE's abstract says 181 randomised, the registry 129): an article that
    gives one of them repeats a published figure, which is not a misquote."""

    identity: frozenset = frozenset()
    intervention_terms: tuple = ()
    reported_elsewhere: frozenset = frozenset()


_WHOLE = re.compile(r"(?<![\w.,])\d{2,6}(?![\w.,]\d)(?!\s?%)")
# a discrepancy about how many people took part ("number randomised", "number of participants"); a
# planned size is what a trial aimed for, so an article's count is never excused by it
_ABOUT_PEOPLE = re.compile(r"\b(?:number|randomi[sz]\w*|enrol\w*|particip\w*|analy[sz]\w*|patients)\b", re.I)
_ABOUT_PLAN = re.compile(r"\b(?:planned|plan|target\w*|size)\b", re.I)


def discrepant_values(study) -> frozenset:
    """Whole numbers (20 or more; not years, not percentages) that a discrepancy about how many people
    took part lists among its values but not in what was used; the sources' remarks in brackets
    ("(2019 review)") are not values."""
    out = set()
    for d in getattr(study, "discrepancies", ()) or ():
        if not _ABOUT_PEOPLE.search(str(d.about)) or _ABOUT_PLAN.search(str(d.about)):
            continue
        used = {int(x) for x in _WHOLE.findall(str(d.used))}
        for value in d.values:
            plain = re.sub(r"\([^()]*\)", " ", str(value))
            out.update(n for n in map(int, _WHOLE.findall(plain)) if n >= 20 and n not in used
                       and not 1900 <= n <= 2100)
    return frozenset(out)


def arm_terms(study) -> tuple:
    """The intervention arms' names: "cholecalciferol (vitamin D3)" gives the agent, the name in
    brackets, and the arm's short label."""
    terms = []
    for arm in study.arms:
        if arm.role == "intervention":
            terms.append(arm.agent.split("(")[0].strip())
            terms += [x.strip() for x in re.findall(r"\(([^()]+)\)", arm.agent)]
            if getattr(arm, "short_label", None):
                terms.append(arm.short_label)
    return tuple(t for t in dict.fromkeys(terms) if t)


# --- the study file's fields that hold numbers, section by section --------------------------------
# A row is one field: ``_Num`` holds a number (one fact), ``_Text`` a phrase whose numbers are read
# ("3 years", "18-55 years"). Labels and context words are templates over the names of the record
# read ({arm}, {ctx}, ...); the context words are what the matcher compares with a sentence. Rows
# are read in order, and the order is the matcher's preference on a tie: keep it.


class _Num(NamedTuple):
    field: str
    unit: Optional[str]  # "{unit}" is the record's own unit (None where it has none)
    kind: str
    label: str
    context: str


class _Text(NamedTuple):
    field: str
    label: str
    context: str
    kinds: tuple


_DESIGN = (
    _Num("centres", "centres", "count", "centres", "centres sites countries {countries}"),
    _Num("target_sample_size", "participants", "count", "target sample size", "target planned sample size"),
    _Num("duration_weeks", "weeks", "duration", "treatment duration", "duration time treatment follow-up trial lasted"),
    _Text("planned_follow_up", "planned follow-up", "planned follow-up time trial lasted duration", ("duration",)),
)
_POPULATION = (
    _Num("randomised", "participants", "count", "participants randomised", "participants randomised total"),
    _Num("analysed", "participants", "count", "participants analysed", "participants analysed total trial"),
    _Num("enrolled", "participants", "count", "participants enrolled", "participants enrolled randomised total"),  # PrevANZ
    _Num("completed", "participants", "count", "participants who completed", "participants completed"),
    _Text("age", "age", "age aged adults years", ("duration", "range", "count")),
)
_ARM = (
    _Num("randomised", "participants", "count", "{arm}: randomised", "{ctx} randomised participants"),
    _Num("analysed", "participants", "count", "{arm}: analysed", "{ctx} analysed participants"),
    _Num("dose", "{unit}", "dose", "{arm}: dose", "{ctx} dose high-dose supplement"),
    _Num("daily_equivalent", "{unit}/day", "dose", "{arm}: daily equivalent", "{ctx} daily dose day"),
    # a schedule's phases ("6,670 IU/day for the first 4 weeks"): the trial's own dose and length
    _Text("frequency", "{arm}: frequency", "{ctx} every frequency dose", ("duration", "dose")),
    _Text("duration", "{arm}: duration", "{ctx} duration time lasted treatment", ("duration",)),
)
# an outcome's result in one arm; a median or mean is a duration when its unit is a time
_RESULT = (
    _Num("percent", "%", "percent", "{o}, {arm}: % with the outcome", "{ctx}"),
    _Num("events", "participants", "count", "{o}, {arm}: events", "{ctx} events"),
    _Num("total", "participants", "count", "{o}, {arm}: total", "{ctx} total"),
    _Num("median", "{unit}", "{measured}", "{o}, {arm}: median", "{ctx} median time"),
    _Num("mean", "{unit}", "{measured}", "{o}, {arm}: mean", "{ctx} mean"),
    _Num("rate", None, "other", "{o}, {arm}: rate", "{ctx} rate"),
)
_HARM = (
    _Num("percent", "%", "percent", "{h}, {arm}: %", "{ctx}"),
    _Num("events", "participants", "count", "{h}, {arm}: events", "{ctx}"),
)
_TIME_UNITS = ("day", "days", "week", "weeks", "month", "months", "year", "years")
_MEASURE_NAMES = {"HR": "hazard ratio", "RR": "risk ratio", "OR": "odds ratio", "IRR": "rate ratio"}
_TEXT_KINDS = ("count", "duration", "dose", "concentration", "percent")


class _Reader:
    """Collects a study's facts: each number with its unit, kind, label, context words, cite and path
    (``data``, the raw YAML mapping, gives the decimals as written)."""

    def __init__(self, study, data):
        self.study, self.data = study, data
        self.out = FactList()
        self.out.intervention_terms = arm_terms(study)
        self.out.reported_elsewhere = discrepant_values(study)
        self.out.identity = frozenset(words(" ".join([study.name, *study.aliases, *self.out.intervention_terms])))
        self.name_words = words(study.name)

    def add(self, value, unit, kind, label, context, cite, path, **kw):
        if value is None:
            return
        raw = value_at(self.data, path) if self.data is not None else None
        dec = kw.pop("decimals", None)
        if dec is None:
            dec = _decimals_of(raw if raw is not None else value)
        if path and path[0] == "outcomes" and len(path) > 1 and "concepts" not in kw:
            kw["concepts"] = tuple(self.study.outcomes[path[1]].concepts)
        self.out.append(Fact(float(value), unit, kind, label, frozenset(words(context) | self.name_words), cite,
                             tuple(path), dec, **kw))

    def text_numbers(self, text, label, context, cite, path, kinds=_TEXT_KINDS):
        for m in find_numbers(text or "", "en"):  # study files are written in English
            if m.kind in kinds:
                self.add(m.value, m.unit, m.kind, f"{label}: {m.raw}", f"{context} {text}", cite, path,
                         decimals=m.decimals())
                if m.upper is not None:
                    self.add(m.upper, m.unit, m.kind, f"{label}: {m.raw} (upper end)", f"{context} {text}", cite,
                             path, decimals=m.decimals())

    def fields(self, record, rows, cite, path: tuple, **names):
        """One fact per ``_Num`` row that holds a number, the numbers of each ``_Text`` row's phrase."""
        for row in rows:
            value = getattr(record, row.field)
            label, context = row.label.format(**names), row.context.format(**names)
            if isinstance(row, _Text):
                if value:
                    self.text_numbers(value, label, context, cite, path + (row.field,), kinds=row.kinds)
                continue
            unit = row.unit
            if unit is not None and "{unit}" in unit:
                unit = None if names.get("unit") is None else unit.format(**names)
            self.add(value, unit, row.kind.format(**names), label, context, cite, path + (row.field,))


def _design(r: _Reader, dcite: str) -> None:
    d = r.study.design
    r.fields(d, _DESIGN, dcite, ("design",), countries=" ".join(d.countries))
    if d.enrolment:
        for key in ("start", "end"):
            v = getattr(d.enrolment, key)
            if v:
                r.add(int(v[:4]), None, "date", f"enrolment {key} ({v})", "enrolment recruitment", dcite,
                      ("design", "enrolment", key))
    if d.final_follow_up:
        r.add(int(d.final_follow_up[:4]), None, "date", f"final follow-up ({d.final_follow_up})", "final follow-up",
              dcite, ("design", "final_follow_up"))
    r.add(len(r.study.arms), "arms", "count", "number of arms", "groups arms two", dcite, ("arms",), decimals=0)


def _population(r: _Reader, pcite: str) -> None:
    pop = r.study.population
    r.fields(pop, _POPULATION, pcite, ("population",))
    for i, inc in enumerate(pop.inclusion):
        r.text_numbers(inc, "inclusion", "inclusion criteria", pcite, ("population", "inclusion", i))
    for i, b in enumerate(pop.baseline):
        bcite = _cite(b.cite, pcite)
        path = ("population", "baseline", i, "value")
        r.text_numbers(b.value, f"baseline {b.name}", f"baseline {b.name}", bcite, path,
                       kinds=("count", "duration", "percent", "other"))
        for m in find_numbers(b.value, "en"):
            if m.kind == "other":
                r.add(m.value, None, "other", f"baseline {b.name}: {m.raw}", f"baseline {b.name}", bcite, path,
                      decimals=m.decimals())


def _arms(r: _Reader, dcite: str) -> None:
    for ai, arm in enumerate(r.study.arms):
        r.fields(arm, _ARM, _cite(arm.cite, dcite), ("arms", ai), arm=arm.label, unit=arm.unit or None,
                 ctx=f"{arm.label} {arm.agent} {arm.role}")


def _outcome(r: _Reader, oi: int, o) -> None:
    arms = {a.id: a for a in r.study.arms}
    first_arm = next(iter(o.arms.values()), None)
    ocite = _cite(o.cite, first_arm.cite if first_arm else None, o.effect.cite if o.effect else None)
    octx = f"{o.name} {' '.join(c.replace('_', ' ') for c in o.concepts)}"
    base = ("outcomes", oi)
    for aid, res in o.arms.items():
        arm = arms.get(aid)
        unit, measured = res.unit, "other"
        if unit in _TIME_UNITS:
            unit, measured = (unit if unit.endswith("s") else unit + "s"), "duration"
        r.fields(res, _RESULT, _cite(res.cite, ocite), base + ("arms", aid), o=o.name,
                 arm=arm.agent.split("(")[0].strip() if arm else aid, unit=unit, measured=measured,
                 ctx=f"{octx} {arm.label if arm else aid} {arm.agent if arm else ''} {arm.role if arm else ''}")
    effects = ([(("effect",), o.effect)] if o.effect else []) + [(("effects", i), e) for i, e in enumerate(o.effects)]
    for key, e in effects:
        _effect(r, o, e, base + key, _cite(e.cite, ocite), f"{octx} {e.measure} effect")
    if o.nnt:
        r.add(o.nnt.value, "NNT", "nnt", f"{o.name}: NNT", f"{octx} number needed treat", _cite(o.nnt.cite, ocite),
              base + ("nnt", "value"))
        if getattr(o.nnt, "ci", None):  # the NNT's own interval: "7.2 (95% CI 4.1-29.0)" is not the HR's
            for j, (v, kind) in enumerate(zip(o.nnt.ci, ("ci_low", "ci_high"))):
                r.add(v, None, kind, f"{o.name}: NNT CI {kind[3:]}", f"{octx} number needed treat confidence interval",
                      _cite(o.nnt.cite, ocite), base + ("nnt", "ci", j), measure="NNT")
    if o.timepoint:
        r.text_numbers(o.timepoint, f"{o.name}: timepoint", f"{octx} time follow-up", ocite, base + ("timepoint",),
                       kinds=("duration",))
    for m in find_numbers(o.finding or "", "en"):
        if m.kind == "p_value":
            r.add(m.value, None, "p_value", f"{o.name}: P (finding)", f"{octx} significant log-rank", ocite,
                  base + ("finding",), relation=m.relation or "=", decimals=m.decimals())


def _effect(r: _Reader, o, e, ep: tuple, ecite: str, ectx: str) -> None:
    if e.estimate is not None:
        r.add(e.estimate, "ratio" if e.is_ratio else None, "ratio" if e.is_ratio else "difference",
              f"{o.name}: {e.measure}", f"{ectx} {_MEASURE_NAMES.get(e.measure, e.measure)}", ecite,
              ep + ("estimate",), measure=e.measure)
    if e.ci:
        lo, hi = e.ci
        r.add(lo, None, "ci_low", f"{o.name}: {e.measure} CI lower", ectx + " confidence interval", ecite,
              ep + ("ci", 0), measure=e.measure)
        r.add(hi, None, "ci_high", f"{o.name}: {e.measure} CI upper", ectx + " confidence interval", ecite,
              ep + ("ci", 1), measure=e.measure)
    if e.p is not None:
        r.add(e.p.value, None, "p_value", f"{o.name}: P", ectx + " significant", ecite, ep + ("p",),
              relation=e.p.relation, decimals=_decimals_of(value_at(r.data, ep + ("p",)) if r.data else e.p.value))


def _harms_and_rest(r: _Reader) -> None:
    study = r.study
    arms = {a.id: a for a in study.arms}
    for hi, h in enumerate(study.harms):
        hcite = _cite(h.cite)
        for aid, res in h.arms.items():
            arm = arms.get(aid)
            r.fields(res, _HARM, _cite(res.cite, hcite), ("harms", hi, "arms", aid), h=h.name,
                     arm=arm.agent.split("(")[0].strip() if arm else aid,
                     ctx=f"{h.name} adverse events side effects {arm.label if arm else aid} {arm.agent if arm else ''}")
    for si, s in enumerate(study.subgroups):
        if s.interaction_p is not None:
            r.add(s.interaction_p.value, None, "p_value", f"subgroup {s.variable}: interaction P",
                  f"subgroup {s.variable} interaction", _cite(s.cite), ("subgroups", si, "interaction_p"),
                  relation=s.interaction_p.relation)
    if study.citation.year:
        r.add(study.citation.year, None, "date", "publication year", "published publication", _cite(study.citation.cite),
              ("citation", "year"))


def study_facts(study, data=None) -> list[Fact]:
    """Every number the study file holds, as facts (``data``: the raw YAML mapping, for decimals),
    in the file's order: design, population, arms, outcomes, harms, subgroups, citation."""
    set_sources(study)
    r = _Reader(study, data)
    dcite = _cite(study.design.cite, study.citation.cite)
    _design(r, dcite)
    _population(r, _cite(study.population.cite, dcite))
    _arms(r, dcite)
    for oi, o in enumerate(study.outcomes):
        _outcome(r, oi, o)
    _harms_and_rest(r)
    return r.out
