"""P recomputed from a CI (Altman & Bland 2011) and the reported-vs-recomputed consistency test."""

import math

import pytest
from hypothesis import given, strategies as st

from msvitd.stats.pvalues import decimals_of, p_check, p_consistent, p_from_ci, p_interval_from_ci


def test_dlay_primary_p_from_hr_ci():
    # D-Lay MS: HR 0.66 (0.50-0.87), reported P = .004.
    assert p_from_ci("HR", 0.66, 0.50, 0.87) == pytest.approx(0.00328, abs=1e-5)
    lo, hi = p_interval_from_ci("HR", 0.66, 0.50, 0.87)
    assert lo < 0.004 < hi
    assert p_consistent(0.004, (lo, hi))
    assert p_consistent(0.004, p_from_ci("HR", 0.66, 0.50, 0.87))


@pytest.mark.parametrize("hr, lo, hi, p", [(0.71, 0.53, 0.95, 0.02), (0.61, 0.44, 0.84, 0.003),
                                           (0.47, 0.30, 0.75, 0.001)])
def test_dlay_mri_outcomes_consistent(hr, lo, hi, p):
    assert p_consistent(p, p_interval_from_ci("HR", hr, lo, hi))


def test_inconsistent_and_decision_error():
    rng = p_interval_from_ci("HR", 0.66, 0.50, 0.87)
    assert not p_consistent("<.001", rng)
    assert not p_consistent(0.04, rng)
    chk = p_check(0.20, rng)
    assert not chk.consistent and chk.decision_error
    assert p_check(0.04, rng).decision_error is False  # wrong but still on the same side of .05


def test_reported_forms():
    class PV:  # anything with relation and value, like msvitd.models.common.PValue
        relation, value = "<", 0.05
    assert p_consistent(PV(), 0.01)
    assert p_consistent("P = .003", (0.0025, 0.0034))
    assert p_consistent("> .05", (0.2, 0.3))
    assert not p_consistent("> .05", (0.01, 0.02))


def test_difference_scale():
    # MD 2.0 (0.04 to 3.96): SE = 1, z = 2, P = 0.0455.
    assert p_from_ci("MD", 2.0, 0.04, 3.96) == pytest.approx(0.0455, abs=1e-4)


def test_decimals_of():
    assert decimals_of(0.004) == 3 and decimals_of(0.66) == 2 and decimals_of(7) == 0
    assert decimals_of("29.0") == 1 and decimals_of(1e-5) == 5


@given(est=st.floats(0.05, 20), half=st.floats(0.05, 2))
def test_symmetric_ratio_and_null(est, half):
    lo, hi = est * math.exp(-half), est * math.exp(half)
    p = p_from_ci("RR", est, lo, hi)
    assert 0 <= p <= 1
    # inverting the ratio and its CI leaves P unchanged
    assert p_from_ci("RR", 1 / est, 1 / hi, 1 / lo) == pytest.approx(p, rel=1e-9, abs=1e-300)
    assert p_from_ci("RR", 1.0, lo / est, hi / est) == pytest.approx(1.0)


@given(st.floats(0.001, 0.999))
def test_ci_excluding_null_means_p_below_alpha(p):
    # A 95% CI that just touches 1 gives P = 0.05.
    from msvitd.stats.distributions import Z95
    se = 0.3
    est = math.exp(Z95 * se)
    assert p_from_ci("OR", est, 1.0, est * est) == pytest.approx(0.05, rel=1e-9)
