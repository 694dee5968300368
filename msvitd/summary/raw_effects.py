"""Effects msvitd computes from a study's raw per-arm data: counts (RR, OR, RD), means and SDs (MD, SMD),
changes from baseline (MD), events and person-time (IRR), as metafor's escalc does (msvitd.stats.escalc).

``raw_data`` reads one outcome's arms; ``relative_from_raw`` turns the data into the measure asked for,
or says why it cannot (a ValueError with the reason).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from msvitd.stats import escalc
from msvitd.summary.report import Relative

# What each kind of raw data can give, the default first (RR for counts, as GRADE presents relative effects).
MEASURES = {"counts": ("RR", "OR", "RD"), "means": ("MD", "SMD"), "changes": ("MD",), "rates": ("IRR",)}
KIND_WORDS = {"counts": "event counts", "means": "means and SDs", "changes": "mean changes from baseline and "
              "their SDs", "rates": "events and person-time"}


@dataclass(frozen=True)
class RawData:
    kind: str  # counts | means | changes | rates
    values: tuple  # counts (a, n1, c, n2); means/changes (m1, sd1, n1, m2, sd2, n2); rates (x1, t1, x2, t2)
    note: str = ""  # how msvitd obtained a value the sources do not give directly

    @property
    def measures(self) -> tuple[str, ...]:
        return MEASURES[self.kind]

    def describe(self) -> str:
        v = self.values
        if self.kind == "counts":
            return f"{v[0]}/{v[1]} vs {v[2]}/{v[3]}"
        if self.kind == "rates":
            return f"{v[0]:g} events in {v[1]:g} person-years vs {v[2]:g} in {v[3]:g}"
        what = "mean change" if self.kind == "changes" else "mean"
        return f"{what} {v[0]:g} (SD {v[1]:g}, n {v[2]}) vs {v[3]:g} (SD {v[4]:g}, n {v[5]})"


def _n(result, arm) -> Optional[int]:
    if result.total is not None:
        return result.total
    return arm.analysed if arm is not None else None


def raw_data(o, counts, pair, arms_of) -> Optional[RawData]:
    """The raw data one outcome gives for (intervention, comparator): counts first, then changes from
    baseline (Cochrane prefers one kind per meta-analysis; a file giving both is read as its change), means,
    and events with person-time. ``arms_of`` maps an arm id to the study's arm (for its analysed count)."""
    if counts is not None:
        return RawData("counts", counts)
    ri, rc = o.arms.get(pair[0]), o.arms.get(pair[1])
    if ri is None or rc is None:
        return None
    ni, nc = _n(ri, arms_of(pair[0])), _n(rc, arms_of(pair[1]))
    if ni and nc:
        for kind, m, sd in (("changes", "change_mean", "change_sd"), ("means", "mean", "sd")):
            vi, vc = (getattr(ri, m), getattr(ri, sd)), (getattr(rc, m), getattr(rc, sd))
            if None not in (*vi, *vc):
                return RawData(kind, (vi[0], vi[1], ni, vc[0], vc[1], nc))
    if o.measure == "rate" and ri.person_years and rc.person_years:
        xi, xc, note = ri.events, rc.events, ""
        if (xi is None or xc is None) and ri.rate is not None and rc.rate is not None:
            xi, xc = ri.rate * ri.person_years, rc.rate * rc.person_years
            note = ("events taken as rate × person-years (exact for crude rates; a model-based rate makes the "
                    "interval approximate)")
        if xi is not None and xc is not None:
            return RawData("rates", (xi, ri.person_years, xc, rc.person_years), note)
    return None


FUNCS = {"RR": escalc.risk_ratio, "OR": escalc.odds_ratio, "RD": escalc.risk_difference, "MD": escalc.md,
         "SMD": escalc.smd, "IRR": escalc.rate_ratio}


def relative_from_raw(raw: RawData, measure: str) -> tuple[Relative, str]:
    """(the relative effect, a footnote saying how msvitd computed it); ValueError when it cannot."""
    if measure not in raw.measures:
        raise ValueError(f"a {measure} cannot be computed from {KIND_WORDS[raw.kind]} (they give "
                         f"{' or '.join(raw.measures)})")
    e = FUNCS[measure](*raw.values)
    est, lo, hi = e.natural()
    how = e.method + (f"; {e.note}" if e.note else "") + (f"; {raw.note}" if raw.note else "")
    rel = Relative(measure, est, lo, hi, None, "msvitd", how)
    note = (f"no {measure} in the sources; {measure} {est:.2f} ({lo:.2f} to {hi:.2f}) computed by msvitd from "
            f"{raw.describe()} ({how}).")
    return rel, note
