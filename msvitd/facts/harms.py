"""Harms the study file records as clearly more frequent on the intervention than on the comparator.

An article may call a treatment "well tolerated" or "a safe way to ..." after a trial whose intervention arm had
several times the comparator's unplanned hospitalisations (VIDAMS: 15 vs 4). That is safety told as settled against
the study's own table; a small excess (D-Lay MS: severe adverse events 17 vs 13) is not, so the threshold is a
clear one: at least twice the comparator's share and at least five more events.
"""

from __future__ import annotations

_MIN_RATIO = 2.0
_MIN_EXTRA = 5


def _share(result) -> float | None:
    """One arm's share with the harm: its percentage, else events over total."""
    if result is None:
        return None
    if getattr(result, "percent", None) is not None:
        return float(result.percent)
    ev, tot = getattr(result, "events", None), getattr(result, "total", None)
    if isinstance(ev, (int, float)) and isinstance(tot, (int, float)) and tot:
        return 100.0 * ev / tot
    return None


def harm_excess(study) -> list:
    """The study's harms clearly more frequent in an intervention arm than in a comparator arm."""
    roles = {a.id: a.role for a in getattr(study, "arms", None) or []}
    out = []
    for h in getattr(study, "harms", None) or []:
        arms = h.arms or {}
        on = [(arms[k], _share(arms[k])) for k in arms if roles.get(k) == "intervention"]
        off = [(arms[k], _share(arms[k])) for k in arms if roles.get(k) == "comparator"]
        for (a, sa) in on:
            for (b, sb) in off:
                if sa is None or sb is None:
                    continue
                ea, eb = getattr(a, "events", None), getattr(b, "events", None)
                extra_ok = ea is None or eb is None or (ea - eb) >= _MIN_EXTRA
                if sa >= _MIN_RATIO * max(sb, 1e-9) and sa > sb and extra_ok and (ea is None or ea >= _MIN_EXTRA):
                    out.append(h)
                    break
            else:
                continue
            break
    return out


def harm_fact(h) -> str:
    """The harm as the study file tells it, for a finding's fact line."""
    return f"{h.name}: {h.finding}" if getattr(h, "finding", None) else str(h.name)
