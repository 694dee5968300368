"""Numbers that follow from the source's numbers: 1 - HR, differences and ratios of the arms'
percentages, per-arm sums, each arm's share of those randomised, the share without the outcome,
randomised but not analysed. Each derived fact names the facts it comes from and its formula, so a
reader sees how "34% lower" follows from "HR 0.66".

One function per family of formulas, run in the order of ``_FAMILIES`` (the matcher prefers an
earlier fact on a tie: keep the order).
"""

from __future__ import annotations

from typing import Iterable, Iterator

from msvitd.facts.source import Fact, fmt, words


def _derive(value, unit, kind, label, formula, sources, decimals=1, extra_ctx=frozenset()) -> Fact:
    ctx = frozenset().union(*(s.context for s in sources)) | extra_ctx
    cite = "; ".join(dict.fromkeys(s.cite for s in sources if s.cite))
    return Fact(value, unit, kind, label, ctx, cite, sources[0].path, decimals,
                derived_from=tuple(s.label for s in sources), formula=formula)


def _from_ratios(facts: list[Fact]) -> Iterator[Fact]:
    """HR 0.66: a 34% (0.34) relative reduction; HR 1.2: a 20% relative increase."""
    for f in facts:
        if f.kind == "ratio" and f.value < 1:
            pct = round((1 - f.value) * 100, 6)
            yield _derive(pct, "%", "percent", f"{f.label}: relative reduction",
                          f"1 - {f.measure} {fmt(f.value, f.decimals)} = {fmt(pct, max(f.decimals - 2, 0))}%", [f],
                          decimals=max(f.decimals - 2, 0), extra_ctx=words("lower reduction risk"))
            yield _derive(1 - f.value, None, "fraction", f"{f.label}: relative reduction",
                          f"1 - {f.measure} {fmt(f.value, f.decimals)} = {fmt(1 - f.value, f.decimals)}", [f],
                          decimals=f.decimals, extra_ctx=words("lower reduction risk"))
        if f.kind == "ratio" and f.value > 1:
            pct = round((f.value - 1) * 100, 6)
            yield _derive(pct, "%", "percent", f"{f.label}: relative increase",
                          f"{f.measure} {fmt(f.value, f.decimals)} - 1 = {fmt(pct, 0)}%", [f], decimals=0)


def _from_percent_pair(a: Fact, b: Fact) -> Iterator[Fact]:
    """Two arms' percentages: the difference in points, the relative reduction, their ratio, NNT."""
    name = a.label.split(",")[0]
    diff = round(abs(b.value - a.value), 6)
    dec = max(a.decimals, b.decimals)
    yield _derive(diff, "percentage points", "percent", f"{name}: absolute difference",
                  f"{fmt(b.value, dec)}% - {fmt(a.value, dec)}% = {fmt(diff, dec)} points", [a, b], decimals=dec,
                  extra_ctx=words("difference absolute points"))
    if not (a.value and b.value):
        return
    lo, hi = sorted((a.value, b.value))
    rr = lo / hi
    yield _derive(round((1 - rr) * 100, 6), "%", "percent", f"{name}: relative reduction in risk",
                  f"1 - {fmt(lo, dec)}/{fmt(hi, dec)} = {fmt((1 - rr) * 100, 0)}%", [a, b], decimals=0,
                  extra_ctx=words("lower reduction risk"))
    yield _derive(hi / lo, None, "multiplier", f"{name}: ratio of percentages",
                  f"{fmt(hi, dec)}/{fmt(lo, dec)} = {hi / lo:.2f}", [a, b], decimals=2)
    if b.value > a.value:
        nnt = 100 / (b.value - a.value)
        yield _derive(nnt, "NNT", "nnt", f"{name}: NNT from percentages",
                      f"100 / ({fmt(b.value, dec)} - {fmt(a.value, dec)}) = {nnt:.1f}", [a, b], decimals=1)


def _from_arm_pairs(facts: list[Fact]) -> Iterator[Fact]:
    """Per outcome (or harm) and field, the two arms' values side by side (intervention first, as the
    file lists arms): percentages as above, events and totals summed, medians and means compared."""
    groups: dict[tuple, list[Fact]] = {}
    for f in facts:
        if f.path[:1] in (("outcomes",), ("harms",)) and len(f.path) >= 5 and f.path[2] == "arms":
            groups.setdefault((f.path[:2], f.path[-1]), []).append(f)
    for (_, field_), group in groups.items():
        if len(group) != 2:
            continue
        a, b = group
        name = a.label.split(",")[0]
        if field_ == "percent":
            yield from _from_percent_pair(a, b)
        elif field_ in ("events", "total"):
            s = a.value + b.value
            yield _derive(s, a.unit, a.kind, f"{name}: {field_} in both arms",
                          f"{fmt(a.value)} + {fmt(b.value)} = {fmt(s)}", [a, b], decimals=0)
        elif field_ in ("median", "mean") and a.value and b.value:
            hi, lo = max(a.value, b.value), min(a.value, b.value)
            yield _derive(hi / lo, None, "multiplier", f"{name}: ratio of {field_}s",
                          f"{fmt(hi)}/{fmt(lo)} = {hi / lo:.2f}", [a, b], decimals=2,
                          extra_ctx=words("long longer time twice"))
            yield _derive(hi - lo, a.unit, a.kind, f"{name}: difference of {field_}s",
                          f"{fmt(hi)} - {fmt(lo)} = {fmt(hi - lo)}", [a, b], decimals=0)


def _arm_sums(facts: list[Fact]) -> Iterator[Fact]:
    """The arms' randomised (analysed) added up."""
    for field_ in ("randomised", "analysed"):
        arms = [f for f in facts if f.path[:1] == ("arms",) and f.path[-1] == field_]
        if len(arms) >= 2:
            s = sum(f.value for f in arms)
            yield _derive(s, "participants", "count", f"participants {field_} (sum of arms)",
                          " + ".join(fmt(f.value) for f in arms) + f" = {fmt(s)}", arms, decimals=0)


def _arm_shares(facts: list[Fact]) -> Iterator[Fact]:
    """Each arm's share of those randomised ("half took the supplement")."""
    pop_r = next((f for f in facts if f.path == ("population", "randomised")), None)
    if pop_r is None or not pop_r.value:
        return
    for f in facts:
        if f.path[:1] == ("arms",) and f.path[-1] == "randomised":
            share = 100 * f.value / pop_r.value
            yield _derive(round(share, 6), "%", "percent", f"share randomised to {f.label.split(':')[0]}",
                          f"{fmt(f.value)}/{fmt(pop_r.value)} = {share:.0f}%", [f, pop_r], decimals=0,
                          extra_ctx=words("half randomised"))


def _without_outcome(facts: list[Fact]) -> Iterator[Fact]:
    """The share *without* the outcome in each arm ("39.7% had no disease activity")."""
    for f in facts:
        if f.kind == "percent" and f.unit == "%" and f.path[:1] == ("outcomes",) and f.path[-1] == "percent":
            yield _derive(round(100 - f.value, 6), "%", "percent",
                          f"{f.label.replace('% with the outcome', '% without the outcome')}",
                          f"100% - {fmt(f.value, f.decimals)}% = {fmt(100 - f.value, f.decimals)}%", [f],
                          decimals=f.decimals, extra_ctx=words("no free without"))


def _population_flow(facts: list[Fact]) -> Iterator[Fact]:
    """Randomised minus analysed; completed as a share of randomised and of analysed."""
    pop = {f.path[-1]: f for f in facts if f.path[:1] == ("population",) and len(f.path) == 2}
    if "randomised" in pop and "analysed" in pop:
        r, a = pop["randomised"], pop["analysed"]
        yield _derive(r.value - a.value, "participants", "count", "randomised but not analysed",
                      f"{fmt(r.value)} - {fmt(a.value)} = {fmt(r.value - a.value)}", [r, a], decimals=0)
    if "completed" in pop:
        c = pop["completed"]
        for key in ("randomised", "analysed"):
            if key in pop and pop[key].value:
                share = 100 * c.value / pop[key].value
                yield _derive(share, "%", "percent", f"share completed of {key}",
                              f"{fmt(c.value)}/{fmt(pop[key].value)} = {share:.0f}%", [c, pop[key]], decimals=0,
                              extra_ctx=words("completed"))


_FAMILIES = (_from_ratios, _from_arm_pairs, _arm_sums, _arm_shares, _without_outcome, _population_flow)


def derived_facts(facts: Iterable[Fact]) -> list[Fact]:
    """Numbers that follow from the source's numbers, each naming the facts it comes from."""
    facts = list(facts)
    return [d for family in _FAMILIES for d in family(facts)]
