"""Optimal information size (GRADE guidelines 6, Guyatt et al. 2011): the sample a single adequately
powered trial would need to detect the smallest appreciable relative effect."""

from __future__ import annotations

import math

from msvitd.stats.distributions import norm_ppf


def optimal_information_size(p0: float, rrr: float = 0.25, alpha: float = 0.05, power: float = 0.80) -> int:
    """Total participants (both arms, 1:1) to detect a relative risk reduction ``rrr`` from comparator risk ``p0``.

    Normal approximation for two proportions: n per arm = (z_a/2 + z_b)^2 [p0(1-p0) + p1(1-p1)] / (p0 - p1)^2.
    """
    if not 0 < p0 < 1:
        raise ValueError(f"comparator risk must be between 0 and 1, got {p0}")
    p1 = p0 * (1 - rrr)
    z = norm_ppf(1 - alpha / 2) + norm_ppf(power)
    per_arm = z * z * (p0 * (1 - p0) + p1 * (1 - p1)) / (p0 - p1) ** 2
    return 2 * math.ceil(per_arm)
