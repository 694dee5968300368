"""Effect arithmetic: properties (hypothesis) and D-Lay MS's published figures."""

import pytest
from hypothesis import assume, given, strategies as st

from msvitd.stats.effects import (
    absolute_effect, invert, nnt_from_rd, or_from_counts, rd_newcombe, rd_wald, risk, risk_with_intervention,
    rr_from_counts, wilson,
)

# D-Lay MS primary outcome (Thouvenot et al., JAMA Neurol 2025): 94/156 vitamin D vs 109/147 placebo.
A, N1, C, N2 = 94, 156, 109, 147


def test_dlay_published_risks():
    assert round(100 * risk(A, N1), 1) == 60.3
    assert round(100 * risk(C, N2), 1) == 74.1


def test_dlay_published_nnt_is_wald_risk_difference():
    # Reported: NNT 7.2 (95% CI 4.1-29.0). The Wald interval of the risk difference reproduces it;
    # Newcombe's (4.2-30.3) and the HR applied to the placebo risk (6.6) do not.
    rd = rd_wald(A, N1, C, N2)
    n = nnt_from_rd(rd.estimate, rd.lo, rd.hi)
    assert (n.kind, round(n.value, 1), round(n.lo, 1), round(n.hi, 1)) == ("benefit", 7.2, 4.1, 29.0)
    nw = rd_newcombe(A, N1, C, N2)
    n2 = nnt_from_rd(nw.estimate, nw.lo, nw.hi)
    assert (round(n2.lo, 1), round(n2.hi, 1)) == (4.2, 30.3)
    ab = absolute_effect("HR", 0.66, 0.50, 0.87, C / N2)
    assert round(ab.comparator_per_1000) == 741 and round(ab.intervention_per_1000) == 591
    assert (round(ab.difference_lo), round(ab.difference_hi)) == (-250, -50)


def test_newcombe_reference_value():
    # Newcombe (1998) Stat Med 17:873, Table II example (e): 56/70 vs 48/80 -> 0.2000 (0.0524, 0.3339).
    e = rd_newcombe(56, 70, 48, 80)
    assert (round(e.estimate, 4), round(e.lo, 4), round(e.hi, 4)) == (0.2, 0.0524, 0.3339)


def test_wilson_reference():
    # Wilson interval for 81/263: 0.2553 to 0.3662 (Newcombe 1998a, Stat Med 17:857, Table I).
    lo, hi = wilson(81, 263)
    assert (round(lo, 4), round(hi, 4)) == (0.2553, 0.3662)


def test_nnt_crossing_zero_never_negative():
    n = nnt_from_rd(-0.04, -0.12, 0.05)
    assert n.crosses and n.kind == "benefit" and n.value == pytest.approx(25)
    assert n.benefit_bound == pytest.approx(1 / 0.12) and n.harm_bound == pytest.approx(20)
    assert all(x is None or x > 0 for x in (n.lo, n.hi, n.benefit_bound, n.harm_bound))


counts = st.tuples(st.integers(1, 500), st.integers(1, 500)).flatmap(
    lambda t: st.tuples(st.integers(0, t[0]), st.just(t[0]), st.integers(0, t[1]), st.just(t[1])))


@given(counts)
def test_swapping_arms_inverts_ratios(c):
    a, n1, cc, n2 = c
    assume(not (a == 0 and cc == 0) and not (a == n1 and cc == n2))
    for f in (rr_from_counts, or_from_counts):
        e, s = f(a, n1, cc, n2), f(cc, n2, a, n1)
        assert s.estimate == pytest.approx(1 / e.estimate, rel=1e-9)
        assert s.lo == pytest.approx(1 / e.hi, rel=1e-9) and s.hi == pytest.approx(1 / e.lo, rel=1e-9)
        assert invert(e).estimate == pytest.approx(s.estimate, rel=1e-9)
    d, ds = rd_newcombe(a, n1, cc, n2), rd_newcombe(cc, n2, a, n1)
    assert ds.estimate == pytest.approx(-d.estimate, abs=1e-12)
    assert (ds.lo, ds.hi) == pytest.approx((-d.hi, -d.lo), abs=1e-9)
    assert d.lo <= d.estimate <= d.hi


@given(st.floats(0, 1), st.sampled_from(["RR", "OR", "HR"]))
def test_ratio_of_one_gives_zero_difference(p0, measure):
    assert risk_with_intervention(measure, 1.0, p0) == pytest.approx(p0, abs=1e-12)
    ab = absolute_effect(measure, 1.0, 1.0, 1.0, p0)
    assert ab.difference_per_1000 == pytest.approx(0, abs=1e-9)


@given(st.floats(0.001, 0.999), st.floats(0.05, 0.99), st.sampled_from(["RR", "OR", "HR"]))
def test_ratio_below_one_lowers_risk_monotonically(p0, r, measure):
    lower = risk_with_intervention(measure, r, p0)
    assert lower <= p0 + 1e-12
    assert risk_with_intervention(measure, r / 2, p0) <= lower + 1e-12


@given(st.floats(-1, 1).filter(lambda x: abs(x) > 1e-9))
def test_nnt_is_reciprocal_of_risk_difference(rd):
    n = nnt_from_rd(rd)
    assert n.value == pytest.approx(1 / abs(rd))
    assert n.kind == ("benefit" if rd < 0 else "harm")
    assert nnt_from_rd(rd, events_are_bad=False).kind == ("harm" if rd < 0 else "benefit")


@given(st.floats(-0.9, 0.9), st.floats(0.001, 0.5), st.floats(0.001, 0.5))
def test_nnt_ci_positive_and_ordered(rd, dl, dh):
    n = nnt_from_rd(rd, rd - dl, rd + dh)
    for x in (n.lo, n.hi, n.benefit_bound, n.harm_bound):
        assert x is None or x > 0
    if not n.crosses:
        assert n.lo <= n.value <= n.hi
    else:
        assert (rd - dl) <= 0 <= (rd + dh)
