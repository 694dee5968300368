"""The number matcher's fact index (msvitd/facts/factindex.py) changes how fast a number is judged,
never the verdict: ``judge`` with the index and ``judge`` over every fact of the number's kinds
agree on random facts and numbers (values near each other, rounded, approximate, bounded,
intervals, durations in other units, shared and unshared words)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from msvitd.facts.factindex import lookup
from msvitd.facts.matcher import judge
from msvitd.facts.source import Fact
from msvitd.facts.verdicts import _KINDS, of_kinds
from msvitd.text.numbers import NumberMention

WORDS = ["relapse", "placebo", "activity", "mri", "lesions", "participants", "trial", "effect", "weeks",
         "dose", "risk", "reduction", "disability", "arm", "vitamin", "edss"]
UNITS = {"percent": ["%", "percentage points"], "count": ["participants", "events", "lesions"],
         "duration": ["days", "weeks", "months", "years"], "dose": ["IU"], "concentration": ["ng/mL", "nmol/L"],
         "ratio": ["ratio"], "p_value": [None], "ci_low": [None], "ci_high": [None], "nnt": ["NNT"],
         "multiplier": [None], "fraction": [None], "difference": [None], "other": [None]}
BASE = [0.004, 0.03, 0.5, 0.66, 0.87, 1.0, 2.0, 7.2, 17.9, 21.8, 34.0, 60.3, 74.1, 100.0, 104.0, 303.0,
        14007.0, 100000.0]
MENTION_KINDS = ["percent", "fraction", "count", "duration", "dose", "concentration", "ratio", "difference",
                 "p_value", "multiplier", "nnt", "ci", "other", "range"]


def near(r: random.Random, pool: list[float]) -> float:
    """A value from ``pool`` (or a few figures trials report) as an article might give it: the same,
    rounded (to decimals or to thousands), a few percent off, half a unit off, in another unit, or
    anything."""
    v = r.choice(pool or BASE) if r.random() < 0.5 else r.choice(BASE)
    how = r.choice(["same", "round", "thousands", "near", "half", "scaled", "far"])
    if how == "round":
        return round(v, r.randint(0, 2))
    if how == "thousands":
        return float(round(v, -3))
    if how == "near":
        return v * r.uniform(0.8, 1.3)
    if how == "half":
        return v + r.choice([-0.5, -0.49, -0.05, 0.049, 0.5, 0.51])
    if how == "scaled":
        return v * r.choice([7.0, 1 / 7, 12.0, 365.25 / 12, 12 / 365.25, 0.01, 100.0])
    if how == "far":
        return r.uniform(-10, 200000)
    return v


def facts(r: random.Random) -> list[Fact]:
    out = []
    for i in range(r.randint(0, 25)):
        kind = r.choice(sorted(UNITS))
        formula = r.choice([None, None, "1 - HR 0.66 = 34%", "60.3 - 74.1"]) if kind == "percent" else None
        out.append(Fact(near(r, []), r.choice(UNITS[kind]), kind, f"fact {i}", frozenset(r.sample(WORDS, r.randint(0, 4))),
                        f"cite {i}", path=("outcomes", r.randint(0, 3), r.choice(["arms", "effect"]), r.randint(0, 1), kind),
                        decimals=r.randint(0, 3), relation=r.choice(["=", "=", "<"]),
                        measure=r.choice([None, "HR", "RR"]) if kind == "ratio" else None, formula=formula,
                        derived_from=("x",) if formula else ()))
    return out


def mention(r: random.Random, fs: list[Fact]) -> NumberMention:
    kind = r.choice(MENTION_KINDS)
    v = near(r, [f.value for f in fs if f.kind in _KINDS.get(kind, ("percent", "count", "duration"))])
    unit = r.choice((UNITS.get(kind) or [None]) + ["%", "IU", "years", "participants", None])
    raw = r.choice([f"{v:g}", f"{v:.1f}", f"{v:.0f}", "two thirds", f"about {v:g}", f"{v:,.0f}"])
    return NumberMention(v, unit, kind, 0, len(raw), raw, approx=r.random() < 0.5,
                         relation=r.choice([None, "=", "<", "<=", ">", ">="]),
                         measure=r.choice([None, "HR", "OR"]) if kind == "ratio" else None,
                         upper=v + r.choice([0.0, 0.21, 1.0]) if kind in ("ci", "range") else None,
                         level=95.0 if kind == "ci" else None)


# (the cases are drawn with ``random`` from a seed hypothesis picks: drawing each field through
# hypothesis was a hundred times slower, and these cases found what it missed, a CI with a qualifier)
@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_indexed_judge_is_the_all_pairs_judge(seed):
    r = random.Random(seed)
    for _ in range(12):
        direct, derived = facts(r), facts(r)
        ctx = frozenset(r.sample(WORDS, r.randint(0, 6)))
        for _ in range(5):  # numbers near the facts' values, and any
            m = mention(r, direct + derived)
            assert judge(m, ctx, direct, derived, indexed=True) == judge(m, ctx, direct, derived, indexed=False), m


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_lookup_keeps_the_facts_order_and_kinds(seed):
    r = random.Random(seed)
    fs = facts(r)
    m = mention(r, fs)
    where = {id(f): i for i, f in enumerate(of_kinds(fs, m))}
    got = [id(f) for f in lookup(fs, m, frozenset(WORDS))]
    assert all(g in where for g in got)
    assert [where[g] for g in got] == sorted(where[g] for g in got)


def test_a_number_looks_at_few_facts():
    """The point of the index: among many facts of one kind, a number sees the ones near its value."""
    fs = [Fact(float(v), "%", "percent", f"p{v}", frozenset(), "c") for v in range(1, 100)]
    m = NumberMention(60.3, "%", "percent", 0, 5, "60.3%")
    assert [f.value for f in lookup(fs, m)] == [60.0]
