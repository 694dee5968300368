"""Every effect measure and its pooling, reproduced against metafor on metafor's own example datasets.

Reference values: computed by running metafor 3.8-1 (R 4.2.2, Debian package r-cran-metafor) on this
machine, printed with sprintf("%.10f"), and hard-coded here so the tests need no R. They are metafor's
output for the calls below, not numbers copied from its documentation:

    d <- dat.normand1999   # stroke units (Normand 1999): m1i sd1i n1i m2i sd2i n2i
    escalc(measure="MD",  m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=d)
    escalc(measure="SMD", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=d)
    b <- dat.bcg           # BCG vaccine trials (Colditz 1994)
    escalc(measure="OR" | "RD", ai=tpos, bi=tneg, ci=cpos, di=cneg, data=b)
    h <- dat.hart1999      # warfarin in atrial fibrillation (Hart 1999): events x and patient-years t
    escalc(measure="IRR", x1i=x1i, t1i=t1i, x2i=x2i, t2i=t2i, data=h)
    rma(yi, vi, method="FE" | "DL" | "REML")  and  rma(yi, vi, method="REML" | "DL", test="knha")
    # REML rows with control=list(threshold=1e-12, maxiter=10000): metafor's default stopping rule (1e-5
    # on tau^2) leaves the estimate a few 1e-7 short of the REML maximum (RD: 2e-7), looser than these tests.
    escalc(measure="OR" | "RR", ai=c(0,3), n1i=c(20,30), ci=c(2,5), n2i=c(20,30))   # a zero cell
    escalc(measure="IRR", x1i=c(0,3), t1i=c(20,30), x2i=c(2,5), t2i=c(20,30))

metafor's I^2 for random effects is tau^2 / (tau^2 + typical variance) (``i2_tau2``); msvitd's ``i2``
stays the Q-based (Q - df) / Q that RevMan prints (equal to metafor's for FE and DL).
Tolerances: 1e-8 on yi/vi, 1e-7 on pooled values (REML iterates), i.e. well inside printed precision.
"""

import math

import pytest

from msvitd.stats.escalc import md, odds_ratio, rate_ratio, risk_difference, risk_ratio, smd
from msvitd.stats.pooling import pool

# dat.normand1999
N1 = [155, 31, 75, 18, 8, 57, 34, 110, 60]
M1 = [55, 27, 64, 66, 14, 19, 52, 21, 30]
SD1 = [47, 7, 17, 20, 8, 7, 45, 16, 27]
N2 = [156, 32, 71, 18, 13, 52, 33, 183, 52]
M2 = [75, 29, 119, 137, 18, 18, 41, 31, 23]
SD2 = [64, 4, 29, 48, 11, 4, 34, 27, 20]
# dat.bcg
TPOS = [4, 6, 3, 62, 33, 180, 8, 505, 29, 17, 186, 5, 27]
TNEG = [119, 300, 228, 13536, 5036, 1361, 2537, 87886, 7470, 1699, 50448, 2493, 16886]
CPOS = [11, 29, 11, 248, 47, 372, 10, 499, 45, 65, 141, 3, 29]
CNEG = [128, 274, 209, 12619, 5761, 1079, 619, 87892, 7232, 1600, 27197, 2338, 17825]
# dat.hart1999
X1, T1 = [9, 8, 3, 6, 7, 20], [413, 263, 487, 237, 489, 507]
X2, T2 = [19, 19, 13, 9, 23, 50], [398, 245, 435, 241, 483, 405]


def _normand(f):
    es = [f(*row) for row in zip(M1, SD1, N1, M2, SD2, N2)]
    return [e.yi for e in es], [e.vi for e in es]


def _bcg(f):
    es = [f(a, a + b, c, c + d) for a, b, c, d in zip(TPOS, TNEG, CPOS, CNEG)]
    return [e.yi for e in es], [e.vi for e in es]


def _hart():
    es = [rate_ratio(*row) for row in zip(X1, T1, X2, T2)]
    return [e.yi for e in es], [e.vi for e in es]


# measure -> (data, FE, DL, REML, REML+knha, DL+knha); each model: (b, se, ci.lb, ci.ub, tau2, I2, QE)
REF = {
    "MD": (lambda: _normand(md),
           (-3.4636126278, 0.7648275212, -4.9626470236, -1.9645782319, 0.0, 96.6515401508, 238.9158108620),
           (-13.9817218170, 5.1266983392, -24.0298659215, -3.9335777125, 205.4093754679, 96.6515401508, None),
           (-15.1060274735, 8.9465528398, -32.6409488252, 2.4288938782, 684.6461519297, 98.9712743474, None),
           (-15.1060274735, 9.1989087466, -36.3187490826, 6.1066941356, 0.1391840373),
           (-13.9817218170, 8.7368066650, -34.1288341149, 6.1653904809, 0.1481942693)),
    "SMD": (lambda: _normand(smd),
            (-0.4106114194, 0.0616027515, -0.5313505938, -0.2898722451, 0.0, 93.5342706555, 123.7292743597),
            (-0.5307373106, 0.2592186057, -1.0387964419, -0.0226781794, 0.5397143748, 93.5342706555, None),
            (-0.5371082584, 0.3086614903, -1.1420736628, 0.0678571459, 0.7908429138, 95.4949370734, None),
            (-0.5371082584, 0.3092856339, -1.2503222091, 0.1761056922, 0.1206645322),
            (-0.5307373106, 0.3086582553, -1.2425045237, 0.1810299024, 0.1238398155)),
    "OR": (lambda: _bcg(odds_ratio),
           (-0.4361390761, 0.0422654570, -0.5189778496, -0.3533003026, 0.0, 92.6454777446, 163.1649151808),
           (-0.7473923497, 0.1922628490, -1.1242206093, -0.3705640902, 0.3663434067, 92.6454777446, None),
           (-0.7451777708, 0.1860279128, -1.1097857800, -0.3805697617, 0.3377720331, 92.0726912933, None),
           (-0.7451777708, 0.1867261877, -1.1520191842, -0.3383363575, 0.0017912676),
           (-0.7473923497, 0.1872359396, -1.1553444172, -0.3394402823, 0.0017881652)),
    "RD": (lambda: _bcg(risk_difference),
           (-0.0009142635, 0.0002260339, -0.0013572818, -0.0004712451, 0.0, 95.6596235199, 276.4737127045),
           (-0.0070552636, 0.0015633902, -0.0101194521, -0.0039910751, 0.0000187347, 95.6596235199, None),
           (-0.0251732881, 0.0108281142, -0.0463960019, -0.0039505744, 0.0014214031, 99.9402318614, None),
           (-0.0251732881, 0.0110723471, -0.0492978600, -0.0010487163, 0.0421684894),
           (-0.0070552636, 0.0050528085, -0.0180643876, 0.0039538604, 0.1879155465)),
    "IRR": (_hart,
            (-1.0168157148, 0.1634592501, -1.3371899579, -0.6964414717, 0.0, 0.0, 2.9624555044),
            (-1.0168157148, 0.1634592501, -1.3371899579, -0.6964414717, 0.0, 0.0, None),
            (-1.0168157148, 0.1634592501, -1.3371899579, -0.6964414717, 0.0, 0.0, None),
            (-1.0168157148, 0.1258202136, -1.3402468703, -0.6933845593, 0.0004700163),
            (-1.0168157148, 0.1258202136, -1.3402468703, -0.6933845593, 0.0004700163)),
    "RR": (lambda: _bcg(risk_ratio),
           (-0.4302851637, 0.0404987517, -0.5096612584, -0.3509090689, 0.0, 92.1173468546, 152.2330080824),
           (-0.7141172221, 0.1787420895, -1.0644452801, -0.3637891641, 0.3087602629, 92.1173468546, None),
           (-0.7145323422, 0.1797815161, -1.0668976388, -0.3621670455, 0.3132432581, 92.2213845213, None),
           (-0.7145323422, 0.1807917441, -1.1084437137, -0.3206209706, 0.0019200151),
           (-0.7141172221, 0.1806966283, -1.1078213542, -0.3204130900, 0.0019207668)),
}

YI = {
    "MD": ([-20, -2, -55, -71, -4, 1, 11, -10, 7],
           [40.5080231596, 2.0806451613, 15.6984037559, 150.2222222222, 17.3076923077, 1.1673414305, 94.5891265597,
            6.3108792846, 19.8423076923]),
    "SMD": ([-0.3551696409, -0.3479400227, -2.3175691602, -1.8879822529, -0.3839641412, 0.1721486691, 0.2720520739,
             -0.4245962719, 0.2895562301],
            [0.0130646755, 0.0644688761, 0.0458121103, 0.1606177359, 0.2054332784, 0.0369105700, 0.0602671258,
             0.0148630384, 0.0362717342]),
    "OR": ([-0.9386941409, -1.6661907290, -1.3862943611, -1.4564435493, -0.2191410857, -0.9581220408, -1.6337758382,
            0.0120206015, -0.4717460358, -1.4012101393, -0.3408496464, 0.4466346823, -0.0173418739],
           [0.3571249523, 0.2081323937, 0.4334130781, 0.0203144130, 0.0519517773, 0.0099052655, 0.2270096752,
            0.0040069620, 0.0569771240, 0.0754217263, 0.0125251338, 0.5341621725, 0.0716351173]),
    "IRR": ([-0.7842099895, -0.9358932591, -1.5792551608, -0.3887283158, -1.2019299027, -1.1409146684],
            [0.1637426901, 0.1776315789, 0.4102564103, 0.2777777778, 0.1863354037, 0.07]),
}


@pytest.mark.parametrize("measure", sorted(YI))
def test_per_study_effects_match_escalc(measure):
    y, v = REF[measure][0]()
    assert y == pytest.approx(YI[measure][0], abs=1e-8)
    assert v == pytest.approx(YI[measure][1], abs=1e-8)


@pytest.mark.parametrize("measure", sorted(REF))
@pytest.mark.parametrize("which,model,method", [(1, "fixed", "DL"), (2, "random", "DL"), (3, "random", "REML")])
def test_pooled_estimate_ci_tau2_i2_match_rma(measure, which, model, method):
    y, v = REF[measure][0]()
    b, se, lb, ub, tau2, i2, qe = REF[measure][which]
    r = pool(measure, y, v, model=model, tau2_method=method)
    assert (r.y, r.se) == pytest.approx((b, se), abs=1e-7, rel=1e-9)
    assert r.tau2 == pytest.approx(tau2, abs=1e-7, rel=1e-7)
    ratio = measure in ("OR", "RR", "IRR")
    got = (math.log(r.lo), math.log(r.hi)) if ratio else (r.lo, r.hi)
    assert got == pytest.approx((lb, ub), abs=1e-7)
    shown_i2 = r.i2 if model == "fixed" else r.i2_tau2
    assert shown_i2 == pytest.approx(i2, abs=1e-6)
    if qe is not None:
        assert r.q == pytest.approx(qe, abs=1e-6)
    if method == "DL" or model == "fixed":  # for FE and DL metafor's I² is the Q-based one msvitd prints
        assert r.i2 == pytest.approx(i2, abs=1e-6)


@pytest.mark.parametrize("measure", sorted(REF))
@pytest.mark.parametrize("which,method", [(4, "REML"), (5, "DL")])
def test_hartung_knapp_matches_rma_knha(measure, which, method):
    y, v = REF[measure][0]()
    b, se, lb, ub, pval = REF[measure][which]
    r = pool(measure, y, v, model="random", tau2_method=method, test="knha")
    assert r.test == "knha" and r.df == len(y) - 1
    ratio = measure in ("OR", "RR", "IRR")
    got = (math.log(r.lo), math.log(r.hi)) if ratio else (r.lo, r.hi)
    assert (r.y, r.se) == pytest.approx((b, se), abs=1e-7)
    assert got == pytest.approx((lb, ub), abs=1e-6)
    assert r.p == pytest.approx(pval, abs=1e-7)


def test_zero_cells_as_escalc():
    assert (odds_ratio(0, 20, 2, 20).yi, odds_ratio(0, 20, 2, 20).vi) == pytest.approx((-1.7120920665, 2.5028345419))
    assert (odds_ratio(3, 30, 5, 30).yi, odds_ratio(3, 30, 5, 30).vi) == pytest.approx((-0.5877866649, 0.6103703704))
    assert (risk_ratio(0, 20, 2, 20).yi, risk_ratio(0, 20, 2, 20).vi) == pytest.approx((-1.6094379124, 2.3047619048))
    assert (rate_ratio(0, 20, 2, 20).yi, rate_ratio(0, 20, 2, 20).vi) == pytest.approx((-1.6094379124, 2.4))
    assert "0.5 added" in odds_ratio(0, 20, 2, 20).note


@pytest.mark.parametrize("call,match", [
    (lambda: md(1, 0, 10, 2, 1, 10), "SD \\(intervention\\) must be positive"),
    (lambda: smd(1, 1, 10, 2, -1, 10), "SD \\(comparator\\) must be positive"),
    (lambda: rate_ratio(3, 0, 4, 10), "person-time"),
    (lambda: odds_ratio(0, 10, 0, 12), "not estimable"),
    (lambda: risk_ratio(11, 10, 2, 12), "between 0 and the arm's total"),
])
def test_bad_input_is_a_stated_error_never_a_number(call, match):
    with pytest.raises(ValueError, match=match):
        call()


from hypothesis import given, strategies as st  # noqa: E402

arm = st.tuples(st.integers(0, 60), st.integers(1, 60)).map(lambda t: (min(t), max(t)))


@given(arm, arm)
def test_swapping_the_arms_negates_every_effect(i, c):
    # Intervention and comparator swapped: log ratios and differences change sign, variances stay.
    (a, n1), (b, n2) = i, c
    for f in (odds_ratio, risk_ratio, risk_difference):
        try:
            e, r = f(a, n1, b, n2), f(b, n2, a, n1)
        except ValueError as exc:  # not estimable both ways round, and said
            assert "not estimable" in str(exc) or "no variance" in str(exc)
            continue
        assert e.yi == pytest.approx(-r.yi, abs=1e-12) and e.vi == pytest.approx(r.vi, rel=1e-12)
        est, lo, hi = e.natural()
        assert lo <= est <= hi


@given(st.floats(-50, 50), st.floats(0.1, 30), st.integers(2, 500), st.floats(-50, 50), st.floats(0.1, 30),
       st.integers(2, 500))
def test_smd_shrinks_the_raw_standardised_difference(m1, s1, n1, m2, s2, n2):
    g = smd(m1, s1, n1, m2, s2, n2)
    sp = math.sqrt(((n1 - 1) * s1 ** 2 + (n2 - 1) * s2 ** 2) / (n1 + n2 - 2))
    d = (m1 - m2) / sp
    assert abs(g.yi) <= abs(d) + 1e-12 and g.vi > 0
    assert md(m1, s1, n1, m2, s2, n2).yi == pytest.approx(m1 - m2)
