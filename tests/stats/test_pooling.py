"""Pooling reproduced against metafor 3.8-1 (R 4.2.2, Debian r-cran-metafor), dataset dat.bcg
(BCG vaccine trials, Colditz et al. 1994):

    dat <- escalc(measure="RR", ai=tpos, bi=tneg, ci=cpos, di=cneg, data=dat.bcg)
    rma(yi, vi, data=dat, method="FE" | "DL" | "REML")

Values below were printed by R with %.10f and are hard-coded: the tests do not need R.
Prediction interval: metafor's predict() uses z; msvitd uses t(k-2) (Higgins 2009), which R gives as
exp(b + c(-1, 1) * qt(.975, k - 2) * sqrt(tau2 + se^2)) = 0.1342064423 to 1.7848089059 (REML).
"""

import math

import pytest
from hypothesis import given, strategies as st

from msvitd.stats.pooling import pool, tau2_dl, tau2_reml, to_analysis_scale

TPOS = [4, 6, 3, 62, 33, 180, 8, 505, 29, 17, 186, 5, 27]
TNEG = [119, 300, 228, 13536, 5036, 1361, 2537, 87886, 7470, 1699, 50448, 2493, 16886]
CPOS = [11, 29, 11, 248, 47, 372, 10, 499, 45, 65, 141, 3, 29]
CNEG = [128, 274, 209, 12619, 5761, 1079, 619, 87892, 7232, 1600, 27197, 2338, 17825]


def bcg():
    y, v = [], []
    for a, b, c, d in zip(TPOS, TNEG, CPOS, CNEG):
        y.append(math.log((a / (a + b)) / (c / (c + d))))
        v.append(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d))
    return y, v


def test_fixed_effect_matches_metafor():
    r = pool("RR", *bcg(), model="fixed")
    assert r.y == pytest.approx(-0.4302851637, abs=1e-9)
    assert r.se == pytest.approx(0.0404987517, abs=1e-9)
    assert r.q == pytest.approx(152.2330080824, abs=1e-7)
    assert r.i2 == pytest.approx(92.1173468546, abs=1e-7)
    assert math.log(r.lo) == pytest.approx(-0.5096612584, abs=1e-9)


def test_dersimonian_laird_matches_metafor():
    r = pool("RR", *bcg(), model="random", tau2_method="DL")
    assert r.y == pytest.approx(-0.7141172221, abs=1e-9)
    assert r.se == pytest.approx(0.1787420895, abs=1e-9)
    assert r.tau2 == pytest.approx(0.3087602629, abs=1e-9)
    assert (math.log(r.lo), math.log(r.hi)) == pytest.approx((-1.0644452801, -0.3637891641), abs=1e-9)
    assert round(r.estimate, 4) == 0.4896  # predict(..., transf=exp): 0.4896 (0.3449, 0.6950)


def test_reml_matches_metafor():
    r = pool("RR", *bcg(), model="random", tau2_method="REML")
    assert r.y == pytest.approx(-0.7145323484, abs=1e-7)
    assert r.se == pytest.approx(0.1797815318, abs=1e-7)
    assert r.tau2 == pytest.approx(0.3132433260, abs=1e-7)
    assert (round(r.estimate, 4), round(r.lo, 4), round(r.hi, 4)) == (0.4894, 0.3441, 0.6962)
    assert (r.pi_lo, r.pi_hi) == pytest.approx((0.1342064423, 1.7848089059), abs=1e-6)
    assert sum(r.weights) == pytest.approx(100)
    assert r.q_p < 1e-10


def test_ratio_ci_to_analysis_scale():
    y, v = to_analysis_scale("HR", 0.66, 0.50, 0.87)
    assert y == pytest.approx(math.log(0.66))
    assert math.sqrt(v) == pytest.approx((math.log(0.87) - math.log(0.5)) / 3.919927969, rel=1e-9)


def test_single_study_is_itself():
    r = pool("HR", [math.log(0.66)], [0.02], model="random")
    assert r.estimate == pytest.approx(0.66) and r.tau2 == 0 and r.pi_lo is None and r.q_p is None


studies = st.lists(st.tuples(st.floats(-3, 3), st.floats(0.001, 2)), min_size=2, max_size=12)


@given(studies)
def test_pooling_properties(rows):
    y = [r[0] for r in rows]
    v = [r[1] for r in rows]
    fe = pool("RR", y, v, model="fixed")
    dl = pool("RR", y, v, model="random", tau2_method="DL")
    re = pool("RR", y, v, model="random", tau2_method="REML")
    assert min(y) - 1e-9 <= fe.y <= max(y) + 1e-9
    assert min(y) - 1e-9 <= re.y <= max(y) + 1e-9
    assert tau2_dl(y, v) >= 0 and tau2_reml(y, v) >= 0
    assert dl.se >= fe.se - 1e-12 and re.se >= fe.se - 1e-12
    assert 0 <= fe.i2 < 100
    # swapping the arms negates every log ratio: the pooled ratio inverts
    inv = pool("RR", [-x for x in y], v, model="random", tau2_method="DL")
    assert inv.y == pytest.approx(-dl.y, abs=1e-9)
