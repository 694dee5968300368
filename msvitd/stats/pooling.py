"""Inverse-variance meta-analysis: fixed effect, DerSimonian-Laird and REML random effects.

Works on the analysis scale: log ratios (HR, RR, OR, IRR) or raw differences. Reports Cochran's Q
with its P, I^2 (Higgins & Thompson: (Q - df) / Q), tau^2, and a prediction interval for k >= 3
with t(k - 2) (Higgins, Thompson & Spiegelhalter 2009; Cochrane Handbook 10.10.4.3).

``i2_tau2`` is I^2 as metafor prints it for a random-effects model, tau^2 / (tau^2 + s^2) with s^2 the
"typical" within-study variance (Higgins & Thompson 2002, eq. 9); with DerSimonian-Laird it equals the
Q-based I^2. The Hartung-Knapp(-Sidik-Jonkman) option (``test="knha"``) scales the variance of the
random-effects estimate by sum w (y - mu)^2 / (k - 1) and uses t(k - 1), as metafor's test="knha"
(untruncated; Cochrane Handbook 10.10.4.2 recommends it when there are few studies).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Sequence

from msvitd.stats.distributions import chi2_sf, norm_ppf, norm_sf, t_cdf, t_ppf

__all__ = ["Pooled", "pool", "to_analysis_scale", "from_analysis_scale", "tau2_dl", "tau2_reml", "typical_variance"]

RATIOS = ("HR", "RR", "OR", "IRR")


def to_analysis_scale(measure: str, estimate: float, lo: float, hi: float, level: float = 0.95) -> tuple[float, float]:
    """(y, variance) of one study from its estimate and CI: log scale for ratios."""
    z = norm_ppf(0.5 + level / 2)
    if measure in RATIOS:
        if min(estimate, lo, hi) <= 0:
            raise ValueError(f"{measure} {estimate} ({lo} to {hi}): a ratio and its CI must be positive")
        se = (math.log(hi) - math.log(lo)) / (2 * z)
        return math.log(estimate), se * se
    se = (hi - lo) / (2 * z)
    return estimate, se * se


def from_analysis_scale(measure: str, y: float) -> float:
    return math.exp(y) if measure in RATIOS else y


@dataclass(frozen=True)
class Pooled:
    """One pooled estimate (on the natural scale: ratios exponentiated) and its heterogeneity."""

    measure: str
    k: int
    model: str  # "fixed" or "random"
    tau2_method: Optional[str]  # "DL", "REML" or None for fixed effect
    estimate: float
    lo: float
    hi: float
    y: float  # analysis scale (log for ratios)
    se: float
    z: float
    p: float
    q: float
    q_df: int
    q_p: Optional[float]
    i2: float  # percent, (Q - df) / Q truncated at 0
    tau2: float
    tau: float
    weights: tuple[float, ...]  # percent, summing to 100
    pi_lo: Optional[float] = None  # prediction interval (natural scale), random effects and k >= 3
    pi_hi: Optional[float] = None
    level: float = 0.95
    test: str = "z"  # "z" (normal) or "knha" (Hartung-Knapp, t with k - 1 df)
    df: Optional[int] = None  # degrees of freedom of the t distribution with test="knha"
    i2_tau2: Optional[float] = None  # percent: metafor's I^2 for a random-effects model (from tau^2)


def typical_variance(v: Sequence[float]) -> float:
    """Higgins & Thompson's typical within-study variance: (k - 1) sum w / ((sum w)^2 - sum w^2)."""
    w = [1 / vi for vi in v]
    sw, sw2 = sum(w), sum(wi * wi for wi in w)
    return (len(v) - 1) * sw / (sw * sw - sw2) if sw * sw > sw2 else 0.0


def _fe(y, v):
    w = [1 / vi for vi in v]
    sw = sum(w)
    mu = sum(wi * yi for wi, yi in zip(w, y)) / sw
    q = sum(wi * (yi - mu) ** 2 for wi, yi in zip(w, y))
    return w, sw, mu, q


def tau2_dl(y: Sequence[float], v: Sequence[float]) -> float:
    """DerSimonian-Laird moment estimator of tau^2 (truncated at 0)."""
    w, sw, _, q = _fe(y, v)
    c = sw - sum(wi * wi for wi in w) / sw
    return max(0.0, (q - (len(y) - 1)) / c) if c > 0 else 0.0


def tau2_reml(y: Sequence[float], v: Sequence[float], tol: float = 1e-10, max_iter: int = 500) -> float:
    """Restricted maximum-likelihood tau^2 by Fisher scoring (as metafor's rma(method="REML")), from DL."""
    tau2 = tau2_dl(y, v)
    for _ in range(max_iter):
        w = [1 / (vi + tau2) for vi in v]
        sw = sum(w)
        mu = sum(wi * yi for wi, yi in zip(w, y)) / sw
        sw2 = sum(wi * wi for wi in w)
        # REML score for tau^2 (times 2), stepped with the approximate information sum(w^2) / 2:
        # the fixed point is tau^2 = sum w^2((y - mu)^2 - v) / sum w^2 + 1 / sum w (Viechtbauer 2005).
        num = sum(wi * wi * (yi - mu) ** 2 for wi, yi in zip(w, y)) - sw + sw2 / sw
        new = max(0.0, tau2 + num / sw2)
        if abs(new - tau2) <= tol * max(1.0, tau2):
            return new
        tau2 = new
    return tau2


def pool(measure: str, y: Sequence[float], v: Sequence[float], model: str = "random", tau2_method: str = "REML",
         level: float = 0.95, test: str = "z") -> Pooled:
    """Pool studies given on the analysis scale (``y`` log ratios or differences, ``v`` variances).

    ``test="knha"`` applies the Hartung-Knapp adjustment to a random-effects model (k >= 2)."""
    if test not in ("z", "knha"):
        raise ValueError(f"unknown test {test!r} (z or knha)")
    k = len(y)
    if k == 0 or k != len(v):
        raise ValueError("pooling needs one variance per estimate and at least one study")
    if any(vi <= 0 or math.isnan(vi) for vi in v):
        raise ValueError("every study needs a positive variance (a CI with some width)")
    w_fe, sw_fe, mu_fe, q = _fe(y, v)
    df = k - 1
    q_p = chi2_sf(q, df) if df > 0 else None
    i2 = max(0.0, (q - df) / q) * 100 if q > 0 and df > 0 else 0.0
    if model == "fixed":
        tau2, w, method = 0.0, w_fe, None
    elif model == "random":
        method = tau2_method.upper()
        if method == "DL":
            tau2 = tau2_dl(y, v)
        elif method == "REML":
            tau2 = tau2_reml(y, v) if k > 1 else 0.0
        else:
            raise ValueError(f"unknown tau^2 estimator {tau2_method!r} (DL or REML)")
        w = [1 / (vi + tau2) for vi in v]
    else:
        raise ValueError(f"unknown model {model!r} (fixed or random)")
    sw = sum(w)
    mu = sum(wi * yi for wi, yi in zip(w, y)) / sw
    se = math.sqrt(1 / sw)
    zc = norm_ppf(0.5 + level / 2)
    t_df = None
    if test == "knha" and model == "random" and k >= 2:
        s2 = sum(wi * (yi - mu) ** 2 for wi, yi in zip(w, y)) / (k - 1)
        se, t_df = math.sqrt(s2 / sw), k - 1
        zc = t_ppf(0.5 + level / 2, t_df)
    z = mu / se if se > 0 else math.copysign(math.inf, mu) if mu else 0.0
    p = 2 * t_cdf(-abs(z), t_df) if t_df else 2 * norm_sf(abs(z))
    i2_tau2 = None
    if model == "random" and k > 1:
        vt = typical_variance(v)
        i2_tau2 = 100 * tau2 / (tau2 + vt) if tau2 + vt > 0 else 0.0
    pi_lo = pi_hi = None
    if model == "random" and k >= 3:
        t = t_ppf(0.5 + level / 2, k - 2)
        half = t * math.sqrt(tau2 + se * se)
        pi_lo, pi_hi = from_analysis_scale(measure, mu - half), from_analysis_scale(measure, mu + half)
    return Pooled(
        measure=measure, k=k, model=model, tau2_method=method, estimate=from_analysis_scale(measure, mu),
        lo=from_analysis_scale(measure, mu - zc * se), hi=from_analysis_scale(measure, mu + zc * se), y=mu, se=se,
        z=z, p=p, q=q, q_df=df, q_p=q_p, i2=i2, tau2=tau2, tau=math.sqrt(tau2),
        weights=tuple(100 * wi / sw for wi in w), pi_lo=pi_lo, pi_hi=pi_hi, level=level,
        test="knha" if t_df else "z", df=t_df, i2_tau2=i2_tau2,
    )
