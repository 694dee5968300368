"""Normal and t quantiles against published table values (R: qt(0.975, df), qnorm)."""

import pytest
from hypothesis import given, strategies as st

from msvitd.stats.distributions import norm_cdf, norm_ppf, t_cdf, t_ppf


@pytest.mark.parametrize("df, q", [(1, 12.706204736174707), (2, 4.302652729749464), (3, 3.182446305284263),
                                   (4, 2.776445105197799), (5, 2.570581835636314), (10, 2.228138851986274),
                                   (30, 2.042272456301238), (100, 1.983971518523552)])
def test_t_quantile_97_5(df, q):
    assert t_ppf(0.975, df) == pytest.approx(q, rel=1e-10)


def test_normal():
    assert norm_ppf(0.975) == pytest.approx(1.959963984540054, rel=1e-13)
    assert norm_ppf(1e-10) == pytest.approx(-6.361340902404056, rel=1e-10)


@given(st.floats(1e-6, 1 - 1e-6), st.floats(1, 200))
def test_t_roundtrip(p, df):
    assert t_cdf(t_ppf(p, df), df) == pytest.approx(p, rel=1e-8, abs=1e-12)


@given(st.floats(1e-9, 1 - 1e-9))
def test_norm_roundtrip(p):
    assert norm_cdf(norm_ppf(p)) == pytest.approx(p, rel=1e-9)
