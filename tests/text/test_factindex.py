"""The number matcher's fact index (msvitd/facts/factindex.py) changes how fast a number is judged,
never the verdict: ``judge`` with the index and ``judge`` over every fact of the number's kinds
agree on random facts and numbers (values near each other, rounded, approximate, bounded,
intervals, durations in other units, shared and unshared words)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from msvitd.facts.factindex import lookup
from msvitd.facts.matcher import judge
from msvitd.facts.source import Fact
from msvitd.facts.verdicts import of_kinds
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


def near(draw, pool: list[float]) -> float:
    """A value from ``pool`` (or a few figures trials report) as an article might give it: the same,
    rounded (to decimals or to thousands), a few percent off, in another unit, or anything."""
    v = draw(st.sampled_from(pool or BASE)) if draw(st.booleans()) else draw(st.sampled_from(BASE))
    how = draw(st.sampled_from(["same", "round", "thousands", "near", "half", "scaled", "far"]))
    if how == "round":
        return round(v, draw(st.integers(0, 2)))
    if how == "thousands":
        return float(round(v, -3))
    if how == "near":
        return v * draw(st.floats(0.80, 1.30))
    if how == "half":
        return v + draw(st.sampled_from([-0.5, -0.49, -0.05, 0.049, 0.5, 0.51]))
    if how == "scaled":
        return v * draw(st.sampled_from([7.0, 1 / 7, 12.0, 365.25 / 12, 12 / 365.25, 0.01, 100.0]))
    if how == "far":
        return draw(st.floats(-10, 200000, allow_nan=False))
    return v


@st.composite
def values(draw):
    return near(draw, [])


@st.composite
def facts(draw):
    out = []
    for i in range(draw(st.integers(0, 25))):
        kind = draw(st.sampled_from(sorted(UNITS)))
        v = draw(values())
        formula = draw(st.sampled_from([None, None, "1 - HR 0.66 = 34%", "60.3 - 74.1"])) if kind == "percent" else None
        out.append(Fact(v, draw(st.sampled_from(UNITS[kind])), kind, f"fact {i}",
                        frozenset(draw(st.lists(st.sampled_from(WORDS), max_size=4))), f"cite {i}",
                        path=("outcomes", draw(st.integers(0, 3)), draw(st.sampled_from(["arms", "effect"])),
                              draw(st.integers(0, 1)), kind),
                        decimals=draw(st.integers(0, 3)), relation=draw(st.sampled_from(["=", "=", "<"])),
                        measure=draw(st.sampled_from([None, "HR", "RR"])) if kind == "ratio" else None,
                        formula=formula, derived_from=("x",) if formula else ()))
    return out


def mention(draw, pool: list[float]) -> NumberMention:
    kind = draw(st.sampled_from(MENTION_KINDS))
    v = near(draw, pool)
    unit = draw(st.sampled_from((UNITS.get(kind) or [None]) + ["%", "IU", "years", "participants", None]))
    raw = draw(st.sampled_from([f"{v:g}", f"{v:.1f}", f"{v:.0f}", "two thirds", f"about {v:g}", f"{v:,.0f}"]))
    return NumberMention(v, unit, kind, 0, len(raw), raw, approx=draw(st.booleans()),
                         relation=draw(st.sampled_from([None, "=", "<", "<=", ">", ">="])),
                         measure=draw(st.sampled_from([None, "HR", "OR"])) if kind == "ratio" else None,
                         upper=v + draw(st.sampled_from([0.0, 0.21, 1.0])) if kind in ("ci", "range") else None,
                         level=95.0 if kind == "ci" else None)


@st.composite
def mentions(draw):
    return mention(draw, [])


@settings(max_examples=200, deadline=None)
@given(facts(), facts(), st.data(), st.lists(st.sampled_from(WORDS), max_size=6))
def test_indexed_judge_is_the_all_pairs_judge(direct, derived, data, words):
    ctx = frozenset(words)
    pool = [f.value for f in direct + derived]
    for _ in range(4):  # numbers near the facts' values, and any
        m = data.draw(st.composite(lambda draw: mention(draw, pool))())
        assert judge(m, ctx, direct, derived, indexed=True) == judge(m, ctx, direct, derived, indexed=False)


@settings(max_examples=100, deadline=None)
@given(facts(), mentions())
def test_lookup_keeps_the_facts_order_and_kinds(fs, m):
    where = {id(f): i for i, f in enumerate(of_kinds(fs, m))}
    got = [id(f) for f in lookup(fs, m, frozenset(WORDS))]
    assert all(g in where for g in got)
    assert [where[g] for g in got] == sorted(where[g] for g in got)


def test_a_number_looks_at_few_facts():
    """The point of the index: among many facts of one kind, a number sees the ones near its value."""
    fs = [Fact(float(v), "%", "percent", f"p{v}", frozenset(), "c") for v in range(1, 100)]
    m = NumberMention(60.3, "%", "percent", 0, 5, "60.3%")
    assert [f.value for f in lookup(fs, m)] == [60.0]
