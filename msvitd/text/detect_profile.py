"""A study file's facts as detection reads them (names, registry numbers, N, doses and schedules,
country, stage, disease, design, its own figures), and how one article's facts weigh for and against it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from msvitd.text.detect_cues import SentenceFacts, cues, period_of, show_period

_REG = re.compile(r"^(NCT\d+|\d{4}-\d{6}-\d{2}|ISRCTN\d+|ACTRN\d+|EUCTR[\w-]+)$")


_EDGE = r"(?<![\w-])"


class _Edged:
    r"""``(?<![\w-])`` + ``body`` as one pattern, searched body first (issue 17).

    A pattern that begins with a look-behind is tried at every character (the regex engine's
    literal-prefix scan cannot start there): ~1 ms for each of the ~30 trial names and ids looked
    for in every article. The body alone starts with its literal; each place it matches is then
    checked with the whole pattern, so ``search`` returns exactly the whole pattern's first match."""

    __slots__ = ("full", "body")

    def __init__(self, body: str, flags: int = 0):
        self.full = re.compile(_EDGE + body, flags)
        self.body = re.compile(body, flags)

    def search(self, text: str):
        body, full = self.body, self.full
        pos = 0
        while True:
            m = body.search(text, pos)
            if m is None:
                return None
            hit = full.match(text, m.start())  # the look-behind sees the text before the position
            if hit is not None:
                return hit
            pos = m.start() + 1


def _word(term: str, case: bool) -> _Edged:
    return _Edged(re.escape(term) + r"(?![\w-])", 0 if case else re.IGNORECASE)


def _name_rx(names) -> _Edged | None:
    # an all-capitals acronym is matched as written: "SOLAR" the trial, not "solar" radiation
    parts = []
    for n in sorted(set(names), key=len, reverse=True):
        body = re.escape(n).replace(r"\ ", r"[\s-]?").replace(r"\-", r"[\s-]?")
        parts.append(body if n.upper() == n and re.search("[A-Z]", n) else f"(?i:{body})")
    return _Edged(r"(?:" + "|".join(parts) + r")(?![\w-])") if parts else None


def fingerprints(study) -> set[tuple[str, float]]:
    """The study's own numbers a report of it would print: (kind, value) pairs. Kinds:
    ``percent`` (an arm's share with an outcome), ``reduction`` (1 - a ratio below 1, in
    percent), ``ratio``, ``count`` (participants), ``days`` (a median or mean in days)."""
    out: set[tuple[str, float]] = set()
    pop = study.population
    for n in (pop.randomised, pop.analysed, pop.completed, getattr(pop, "enrolled", None)):
        if n and n >= 20:
            out.add(("count", float(n)))
    for arm in study.arms:
        for n in (arm.randomised, arm.analysed):
            if n and n >= 20:
                out.add(("count", float(n)))
    for o in study.outcomes:
        for r in o.arms.values():
            if r.percent is not None:
                out.add(("percent", round(float(r.percent), 1)))
            for v in (r.median, r.mean):
                if v is not None and (r.unit or "").startswith("day"):
                    out.add(("days", float(v)))
        for e in [o.effect, *o.effects]:
            if e is not None and e.estimate is not None and e.is_ratio:
                out.add(("ratio", round(float(e.estimate), 2)))
                if e.estimate < 1:
                    out.add(("reduction", round((1 - e.estimate) * 100)))
    return out


def text_numbers(text: str) -> list[tuple[str, float, int]]:
    """The same (kind, value) pairs as they stand in an article, with their offsets."""
    from msvitd.text.numbers import find_numbers

    c = cues()
    out = []
    for m in find_numbers(text):
        if m.kind == "percent" and m.unit == "%":
            after, before = text[m.end:m.end + 30], text[max(0, m.start - 60):m.start]
            if c.reduction_after.match(after) or c.reduction_before.search(before):
                out.append(("reduction", round(m.value), m.start))
            else:
                out.append(("percent", round(m.value, 1), m.start))
        elif m.kind == "count" and m.unit == "participants" and not m.approx and not m.relation:
            out.append(("count", m.value, m.start))
        elif m.kind == "ratio":
            out.append(("ratio", round(m.value, 2), m.start))
        elif m.kind == "duration" and m.unit == "days":
            out.append(("days", m.value, m.start))
        elif m.kind == "other" and m.value >= 20 and float(m.value).is_integer():
            out.append(("days", m.value, m.start))  # "432 vs 224 days": the first takes no unit of its own
            out.append(("count", m.value, m.start))
    return out


def _show(kind: str, v: float) -> str:
    n = f"{v:g}"
    return {"percent": f"{n}%", "reduction": f"{n}% lower", "ratio": f"HR {n}", "days": f"{n} days"}.get(kind, n)


def _near(a: float, b: float, tol: float = 0.05) -> bool:
    return b > 0 and abs(a - b) <= tol * b


@dataclass
class Score:
    """One study's evidence in one article: for (label, points), against (kind, label, points)."""

    study_id: str
    supports: list  # (label, points)
    against: list  # (kind, label, points)
    identity: str | None  # the strongest name-like evidence, if any
    figures: int
    prominence: float = 0.0

    @property
    def net(self) -> float:
        return sum(p for _, p in self.supports) - sum(p for _, _, p in self.against)

    @property
    def total(self) -> float:
        return self.net + self.prominence

    @property
    def distinct(self) -> bool:
        """Something beyond words every vitamin D trial in MS shares."""
        return bool(self.identity or self.figures or any(lab.split(" ")[0] in ("sample", "dose", "journal", "country")
                                                         for lab, _ in self.supports))

    @property
    def hard(self) -> bool:
        """Contradicted on what identifies a study: its number of participants, its design or its
        disease, or on two facts at once (a dose and a schedule, a dose and a country, ...)."""
        kinds = {k for k, _, _ in self.against}
        return bool(kinds & {"participants", "design", "disease"}) or len(kinds - {"disease (short text)"}) >= 2


@dataclass
class Profile:
    study: object
    names: _Edged | None
    ids: tuple  # (label, pattern)
    journal: re.Pattern | None
    counts: frozenset
    doses: frozenset
    pairs: frozenset  # (dose, days between doses)
    weeks: float | None
    countries: tuple
    stage: str
    conditions: frozenset
    co_terms: re.Pattern | None
    co_name: str
    agent: re.Pattern | None
    prints: frozenset

    @property
    def agent_label(self) -> str:
        """How the study file names what was given ("vitamin D": the arm's short label, else its agent)."""
        arm = next((a for a in self.study.arms if a.role == "intervention"), None)
        if arm is None:
            return "the intervention"
        return getattr(arm, "short_label", None) or arm.agent.split("(")[0].strip()

    def named_in(self, text: str) -> bool:
        return bool(self.names and self.names.search(text)) or any(rx.search(text) for _, rx in self.ids)

    def score(self, text: str, visible: list[SentenceFacts], nums: set, shared: set):
        sup: list = []
        ag: list = []
        identity = None
        for label, rx in self.ids:
            if not rx.search(text):
                continue
            if label.startswith("author"):
                sup.append((label, 6))
                identity = identity or "first author"
            else:
                sup.append((label, 10))
                identity = "registry number, DOI or PubMed id"
        if self.names:
            m = self.names.search(text)
            if m:
                sup.append((f"trial name \"{m.group(0)}\"", 8))
                if identity in (None, "first author"):
                    identity = "trial name"
        self._journal(text, sup)
        own = sorted((self.prints - shared) & nums)
        if own:
            shown = ", ".join(_show(k, v) for k, v in own[:4]) + (" ..." if len(own) > 4 else "")
            sup.append((f"the study's own figures ({shown})", 3 + 2 * (len(own) - 1)))
        trial = [f for f in visible if f.trial]
        # a figure that fits the study is evidence wherever it stands; one that contradicts it
        # only in a sentence about a study (not "adults need 600 IU a day")
        self._participants(visible, trial, sup, ag)
        self._doses(visible, trial, sup, ag)
        self._setting(visible, trial, sup, ag)
        self._design(text, visible, sup, ag)
        return Score(self.study.id, sup, ag, identity, len(own))

    def _journal(self, text: str, sup: list) -> None:
        if self.journal and self.journal.search(text):
            sup.append((f"journal ({self.study.citation.journal})", 2))

    def _participants(self, visible: list, trial: list, sup: list, ag: list) -> None:
        counts = [c for f in trial for c in f.counts]
        hit = [c for f in visible for c in f.counts if c in self.counts]
        if hit:
            sup.append((f"sample size ({hit[0]:.0f})", 3))
        elif counts and self.counts:
            ag.append(("participants", f"participants: the article's {counts[0]:,.0f} (the study: "
                       f"{', '.join(f'{c:,.0f}' for c in sorted(self.counts, reverse=True)[:3])})", 4))

    def _doses(self, visible: list, trial: list, sup: list, ag: list) -> None:
        doses = [d for f in trial for d in f.doses]
        fitting = [(v, d) for f in visible for v, d in f.doses if any(_near(v, a) for a in self.doses)]
        doses += [x for x in fitting if x not in doses]
        if not doses or not self.doses:
            return
        pair = [(v, d) for v, d in doses if d and any(_near(v, a) and d == b for a, b in self.pairs)]
        same = [(v, d) for v, d in doses if any(_near(v, a) for a in self.doses)]
        unit = self.study.intervention.unit or "IU"
        if pair:
            v, d = pair[0]
            sup.append((f"dose and schedule ({v:,.0f} {unit}{show_period(d)})", 4))
        elif same:
            sup.append((f"dose ({same[0][0]:,.0f} {unit})", 2))
            timed = [(v, d) for v, d in same if d]
            if timed:
                ag.append(("schedule", f"schedule: the article's {timed[0][0]:,.0f} {unit}{show_period(timed[0][1])} "
                           f"(the study: {self.study.intervention.frequency})", 3))
        else:
            ag.append(("dose", f"dose: the article's {doses[0][0]:,.0f} {unit} (the study: "
                       f"{', '.join(f'{a:,.0f}' for a in sorted(self.doses, reverse=True)[:3])} {unit})", 3))

    def _setting(self, visible: list, trial: list, sup: list, ag: list) -> None:
        said = set().union(*(f.countries for f in visible)) if visible else set()
        if self.countries:
            mine = [c for c in self.countries if c in said]
            if mine:
                sup.append((f"country ({mine[0]})", 2))
            else:
                elsewhere = sorted(set().union(*(f.countries for f in trial)) - set(self.countries)) if trial else []
                if elsewhere:
                    ag.append(("country", f"country: the article's {elsewhere[0]} "
                               f"(the study: {', '.join(self.countries)})", 2))
        stages = set().union(*(f.stages for f in visible)) if visible else set()
        fits = {"cis_or_rrms": {"cis", "rrms"}}.get(self.stage, {self.stage})
        if stages & fits:
            sup.append((f"population ({self.stage.replace('_', ' ')})", 2))
        elif stages and self.stage in ("cis", "rrms", "cis_or_rrms", "progressive"):
            ag.append(("stage", f"population: the article's {', '.join(sorted(stages))} (the study: "
                       f"{self.stage.replace('_', ' ')})", 2))
        weeks = [w for f in trial for w in f.weeks]
        if self.weeks and any(_near(w, self.weeks, 0.1) for w in weeks):
            sup.append((f"duration ({self.weeks:g} weeks)", 1))

    def _design(self, text: str, visible: list, sup: list, ag: list) -> None:
        if self.agent and self.agent.search(text):
            sup.append(("intervention", 1))
        if self.conditions and not any(f.conditions & self.conditions for f in visible):
            wider = {w for c in self.conditions for w in cues().broader.get(c, ())}
            if not any(cues().conditions[c].search(text) for c in self.conditions | wider if c in cues().conditions):
                # no points (every bundled study may share the disease); a veto in an article of some length
                kind = "disease" if len(visible) >= 5 else "disease (short text)"
                ag.append((kind, f"disease: the article does not mention {' or '.join(sorted(self.conditions))}", 0))
        rct = getattr(self.study.design, "randomised", False)
        if rct and any(f.observational for f in visible) and not any(f.randomised for f in visible):
            ag.append(("design", "design: the article describes an observational study (the study was randomised)", 5))
        therapy = self.study.design.therapy
        mono = any(f.monotherapy for f in visible)
        # the co-treatment's name, not "alongside": articles say that of a patient's usual medicines
        added = bool(self.co_terms and any(self.co_terms.search(f.text) for f in visible))
        if therapy == "monotherapy" and mono:
            sup.append((f"{self.agent_label} alone", 1))
        elif therapy == "add_on" and added:
            sup.append((f"added to {self.co_name}", 1))
        elif therapy == "add_on" and mono:
            ag.append(("therapy", f"therapy: the article's {self.agent_label} alone (the study: added to another "
                                  "treatment)", 2))


_CACHE: dict = {}


@lru_cache(maxsize=1)
def _agent_forms() -> tuple[tuple[str, frozenset], ...]:
    """(agent, its plain written forms in every language msvitd reads), from the languages' detection data.
    Forms written with the phrase syntax's groups or wildcards are left to the lexicon reader."""
    from msvitd.text.cache import load_yaml
    from msvitd.text.langdata import LANG_DIR

    table: dict[str, set] = {}
    for path in sorted(Path(LANG_DIR).glob("*/detection.yaml")):
        data = load_yaml(path) or {}
        for key, forms in ((data.get("detection") or {}).get("agents") or {}).items():
            plain = {str(f).lower() for f in forms or [] if not re.search(r"[()|*\\]", str(f))}
            table.setdefault(str(key).lower(), set()).update(plain | {str(key).lower()})
    return tuple((k, frozenset(v)) for k, v in sorted(table.items()))


def profile(study) -> Profile:
    """The study's detection profile, built once per study object."""
    hit = _CACHE.get(id(study))
    if hit is not None and hit.study is study:
        return hit
    p = _build(study)
    if len(_CACHE) > 256:
        _CACHE.clear()
    _CACHE[id(study)] = p
    return p


def _build(study) -> Profile:
    c = cues()
    cit = study.citation
    ids = []
    for rid in dict.fromkeys([r.split()[-1] for r in cit.registration] + [a for a in study.aliases if _REG.match(a)]):
        ids.append((f"registry number {rid}", _word(rid, True)))
    if cit.doi:
        ids.append((f"DOI {cit.doi}", re.compile(re.escape(cit.doi), re.IGNORECASE)))
    if cit.pmid:
        ids.append((f"PubMed {cit.pmid}", re.compile(r"(?:pubmed|pmid)[^\d]{0,40}" + cit.pmid, re.IGNORECASE)))
    if cit.authors:
        first = re.split(r"[ ,]", cit.authors.strip())[0]
        if len(first) > 3:
            ids.append((f"author ({first})", _word(first, True)))
    names = [n for n in [study.name, *study.aliases] if len(n) > 2 and not _REG.match(n)]
    journal = None
    if cit.journal:
        j = re.escape(cit.journal)
        plain = cit.journal[:1].isupper() and cit.journal[1:].islower() and " " not in cit.journal
        journal = re.compile(rf"(?:{c.journal_cue})\s+{j}\b" if plain else rf"(?<![\w-]){j}(?![\w-])")
    pop = study.population
    # what was enrolled, randomised, analysed or completed; not the planned size, which reports rarely give
    counts = {float(n) for n in (pop.randomised, pop.analysed, pop.completed, getattr(pop, "enrolled", None)) if n}
    for arm in study.arms:
        counts |= {float(n) for n in (arm.randomised, arm.analysed) if n}
    for b in pop.baseline or []:
        m = re.match(r"(\d[\d,]*) (?:participants|patients|people)", str(b.value))
        if m:
            counts.add(float(m.group(1).replace(",", "")))
    doses, pairs = set(), set()
    for arm in study.arms:
        if arm.dose:
            doses.add(float(arm.dose))
            days = period_of(arm.frequency or "")
            if days:
                pairs.add((float(arm.dose), days))
        if arm.daily_equivalent:
            doses.add(float(arm.daily_equivalent))
            pairs.add((float(arm.daily_equivalent), 1))
    cond = pop.condition or ""
    conds = frozenset(k for k in c.conditions if k.lower() in cond.lower() or c.conditions[k].search(cond))
    co = [w for t in study.intervention.co_treatments for w in re.findall(r"[A-Za-z][\w-]{4,}", t)[:2]
          if w.lower() not in c.routes][:1]
    co_terms = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in co) + r")", re.IGNORECASE) if co else None
    agents = {w for a in study.arms if a.role == "intervention"
              for w in re.findall(r"[a-z][a-z0-9]{3,}", a.agent.lower())}
    # what the study file calls its agent ("cholecalciferol (vitamin D3)", short label "vitamin D"), and how
    # each language writes those names (the `agents:` table of msvitd/text/lang/<code>/detection.yaml)
    named = {t.lower() for a in study.arms if a.role == "intervention"
             for t in [a.agent.split("(")[0].strip(), *re.findall(r"\(([^()]+)\)", a.agent),
                       getattr(a, "short_label", None) or ""] if t.strip()}
    agents |= {n for n in named if len(n) > 3}
    for key, forms in _agent_forms():
        if key in named or key in agents or any(key in n for n in named):
            agents |= forms | {f.replace(" ", "-") for f in forms}  # "vitamin-D" too
    agent = (re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(agents)) + r")(?![\w-])",
                        re.IGNORECASE) if agents else None)
    return Profile(study, _name_rx(names), tuple(ids), journal, frozenset(counts), frozenset(doses), frozenset(pairs),
                   study.design.duration_weeks, tuple(study.design.countries), pop.stage or "", conds, co_terms,
                   co[0] if co else "", agent, frozenset(fingerprints(study)))
