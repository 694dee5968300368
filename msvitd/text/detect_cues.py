"""What an article says about the study it describes, read once: who took part and how many, the
dose and how often, for how long, where, which disease and stage, and how the study was designed.

The words come from a data table (msvitd/data/detect.yaml, extended by any
msvitd/text/lang/<code>/detect.yaml), never from code; every fact keeps the sentence it stands in,
so that detection can leave out the sentences that are about another, named study."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent.parent / "data" / "detect.yaml"
_LANG = Path(__file__).resolve().parent / "lang"
_NUM = r"(?<![\d.,])(\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+(?:[.,]\d+)?)"


def _merge(base: dict, extra: dict) -> None:
    for key, value in (extra or {}).items():
        if key not in base:
            base[key] = value
        elif isinstance(base[key], list) and isinstance(value, list):
            base[key] = base[key] + [v for v in value if v not in base[key]]
        elif isinstance(base[key], dict) and isinstance(value, dict):
            _merge(base[key], value)


def _alt(words, flags=re.IGNORECASE) -> re.Pattern:
    body = "|".join(f"(?:{w})" for w in words) or r"(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", flags)


@dataclass(frozen=True)
class Cues:
    """The compiled table."""

    participants: re.Pattern
    count: re.Pattern  # "316 patients", "n = 303"
    trial: re.Pattern
    randomised: re.Pattern
    observational: re.Pattern
    dose: re.Pattern  # "100,000 IU"
    bare_dose: re.Pattern  # "100,000 every two weeks"
    schedules: tuple[tuple[int, re.Pattern], ...]
    duration: re.Pattern
    duration_units: tuple[tuple[re.Pattern, float], ...]
    number_words: dict
    monotherapy: re.Pattern
    add_on: re.Pattern
    conditions: dict  # condition name -> pattern
    stages: dict  # stage -> pattern
    countries: dict  # country -> pattern
    any_country: re.Pattern  # all of them at once: most sentences name none, and 30 searches each cost
    journal_cue: str
    own_reference: re.Pattern
    reduction_after: re.Pattern
    reduction_before: re.Pattern
    routes: frozenset
    broader: dict  # a condition -> the wider ones it is a form of
    review: re.Pattern
    year_before: re.Pattern
    approximate: re.Pattern  # "more than" right before a count
    negation: re.Pattern  # a cue just after one of these words is denied ("not randomised")


@lru_cache(maxsize=1)
def cues() -> Cues:
    from msvitd.text.cache import load_yaml  # parsed once, then read from the user's cache folder

    table = load_yaml(_DATA)
    if _LANG.is_dir():
        for extra in sorted(_LANG.glob("*/detect.yaml")):
            _merge(table, load_yaml(extra) or {})
    people = "|".join(f"(?:{w})" for w in table["participants"])
    words = {k.lower(): v for k, v in table["number_words"].items()}
    num_or_word = _NUM + "|(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
    units = "|".join(f"(?:{u})" for u in table["durations"])
    # schedules that can follow a bare number ("100,000 every two weeks"), not "a day" ("7,000 a day" may be steps)
    bare = [w for v in table["schedules"].values() for w in v
            if not w.startswith(("a ", "per ", "/", "par ", "pro ", "al ", "por "))]
    return Cues(
        participants=_alt(table["participants"]),
        count=re.compile(rf"{_NUM}\s+(?:[\w-]+\s+){{0,2}}?(?:{people})(?![\w])|\b[nN]\s?=\s?(\d[\d,]*)"),
        trial=_alt(table["trial_words"]),
        randomised=_alt(table["randomised"]),
        observational=_alt(table["observational"]),
        dose=re.compile(rf"{_NUM}\s?(?:{'|'.join(f'(?:{u})' for u in table['dose_units'])})(?![\w])"),
        schedules=tuple((int(k), _alt(v)) for k, v in table["schedules"].items()),
        bare_dose=re.compile(_NUM + r"\s+(" + "|".join(f"(?:{w})" for w in bare) + r")(?![\w])", re.IGNORECASE),
        duration=re.compile(rf"(?<![\w-])(?:{num_or_word})[\s-]*(?P<u>{units})(?![\w])", re.IGNORECASE),
        duration_units=tuple((re.compile(rf"(?:{k})", re.IGNORECASE), float(v)) for k, v in table["durations"].items()),
        number_words=words,
        monotherapy=_alt(table["monotherapy"]),
        add_on=_alt(table["add_on"]),
        conditions={k: _alt(v) for k, v in table["conditions"].items()},
        stages={k: _alt(v) for k, v in table["stages"].items()},
        countries={k: _alt(v) for k, v in table["countries"].items()},
        any_country=_alt([w for v in table["countries"].values() for w in v]),
        journal_cue="|".join(f"(?:{w})" for w in table["journal_cues"]),
        own_reference=_alt(table["own_reference"]),
        reduction_after=re.compile("|".join(table["reduction_after"]), re.IGNORECASE),
        reduction_before=re.compile("|".join(table["reduction_before"]), re.IGNORECASE),
        routes=frozenset(w.lower() for w in table.get("routes", [])),
        broader={k: tuple(v) for k, v in (table.get("broader") or {}).items()},
        review=_alt(table["review"]),
        year_before=re.compile(r"(?:^|\W)(?:" + "|".join(table["year_before"]) + r")\s+$", re.IGNORECASE),
        approximate=re.compile(r"(?:^|\W)(?:" + "|".join(table["approximate"]) + r")\s*$", re.IGNORECASE),
        negation=re.compile(r"(?:^|\W)(?:" + "|".join(table["negations"]) + r")\W+(?:\w+\W+)?$", re.IGNORECASE),
    )


def number(raw: str) -> float | None:
    """"100,000", "100 000", "100.000" -> 100000; "0.66" -> 0.66."""
    raw = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:[,. ]\d{3})+", raw):
        return float(re.sub(r"[,. ]", "", raw))
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        return None


def period_of(phrase: str) -> int | None:
    """Days between doses that a schedule phrase ("every 2 weeks", "daily") stands for."""
    for days, rx in cues().schedules:
        if rx.search(phrase or ""):
            return days
    return None


def show_period(days: int | None) -> str:
    """" every 2 weeks" for 14 days between doses ("" when not known)."""
    if not days:
        return ""
    return {1: " a day", 2: " every other day", 7: " a week", 14: " every 2 weeks", 30: " a month"}.get(
        days, f" every {days} days")


@dataclass
class SentenceFacts:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    heading: bool
    trial: bool = False  # about a study: trial words or a count of people
    counts: list = field(default_factory=list)  # participants
    doses: list = field(default_factory=list)  # (value, days between doses or None)
    weeks: list = field(default_factory=list)  # durations, in weeks
    countries: set = field(default_factory=set)
    stages: set = field(default_factory=set)
    conditions: set = field(default_factory=set)
    randomised: bool = False
    observational: bool = False
    review: bool = False
    monotherapy: bool = False
    add_on: bool = False


def _schedule_near(text: str, start: int, end: int) -> int | None:
    c = cues()
    after = text[end:end + 45]
    before = text[max(0, start - 30):start]
    best = None
    for days, rx in c.schedules:
        m = rx.search(after)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), days)
    if best:
        return best[1]
    for days, rx in c.schedules:
        if rx.search(before):
            return days
    return None


def _durations(text: str) -> list[float]:
    c = cues()
    out = []
    for m in c.duration.finditer(text):
        v = number(m.group(1)) if m.group(1) else c.number_words.get(m.group(2).lower())
        unit = m.group("u")
        for rx, weeks in c.duration_units:
            if v and rx.fullmatch(unit):
                out.append(round(v * weeks, 1))
                break
    return out


def _place(text: str, m: re.Match) -> bool:
    """A country, not part of a name: "American" in "the American Medical Association" is not a place."""
    return not (m.group(0)[:1].isupper() and re.match(r"\s+[A-Z][a-z]", text[m.end():m.end() + 3]))


def read_sentence(s) -> SentenceFacts:
    """The facts of one sentence (``s`` a msvitd Sentence)."""
    c = cues()
    t = s.text
    f = SentenceFacts(s.index, s.start, s.end, t, s.paragraph, s.heading)
    for m in c.count.finditer(t):
        v = number(m.group(1) or m.group(2))
        before = t[max(0, m.start() - 25):m.start()]
        if not v or not v.is_integer() or not 10 <= v < 10**7 or c.approximate.search(before):
            continue
        if m.group(1) and m.group(1).isdigit() and 1950 <= v <= 2100 and c.year_before.search(before):
            continue  # "in 2013 patients were recruited": a year
        f.counts.append(v)
    for m in c.dose.finditer(t):
        v = number(m.group(1))
        if v and v >= 100:
            f.doses.append((v, _schedule_near(t, m.start(), m.end())))
    for m in c.bare_dose.finditer(t):  # "100,000 every two weeks": a dose whose unit is left out
        v = number(m.group(1))
        if v and v >= 1000 and not any(d[0] == v for d in f.doses):
            f.doses.append((v, period_of(m.group(2))))
    f.weeks = _durations(t)
    if c.any_country.search(t):
        f.countries = {k for k, rx in c.countries.items() if any(_place(t, m) for m in rx.finditer(t))}
    f.stages = {k for k, rx in c.stages.items() if rx.search(t)}
    f.conditions = {k for k, rx in c.conditions.items() if rx.search(t)}
    f.randomised = any(not c.negation.search(t[max(0, m.start() - 25):m.start()]) for m in c.randomised.finditer(t))
    f.observational = bool(c.observational.search(t))
    f.review = bool(c.review.search(t))
    f.monotherapy = bool(c.monotherapy.search(t))
    f.add_on = bool(c.add_on.search(t))
    f.trial = bool(f.counts or c.trial.search(t))
    return f


def read_article(text: str) -> list[SentenceFacts]:
    from msvitd.text.sentences import split_sentences

    return [read_sentence(s) for s in split_sentences(text)]
