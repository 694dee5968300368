"""One arm's share told as a multiple of the other's: "twice as many patients on placebo", "half as many
in the vitamin D group", "halb so viele", "deux fois moins de", "el doble de ... que con placebo".

Compared with the ratio of the two arms' shares of the outcome the sentence names (facts/derived.py:
"ratio of percentages", the larger share over the smaller): D-Lay MS's 74.1% vs 60.3% is 1.23, so
"half as many" (2) is a mismatch, and so is "twice as many".  A check of facts/wording.py's _CHECKS
(same signature); the words are each language's `roles.arm_ratio_after` and `arm_ratio_fewer`."""

from __future__ import annotations

# how far a stated multiple may be from the arms' ratio and still be the same: "about twice" for 1.9
_TOLERANCE = 0.12


def arm_ratio(text, m, sent, ctx, sf, rows, bounds):
    """(verdict, fact, note) for a multiplier comparing the arms, or None."""
    if m.kind not in ("multiplier", "fraction") or not m.value:
        return None
    after = text[m.end:sent.end][:90]
    if not sf.roles.arm_ratio_after.match(after):
        return None
    # the comparator named in the sentence ("as in the placebo group", "wie unter Placebo"): a comparison of
    # the arms, not "twice as many people take vitamin D as a decade ago"
    if not sf.arm_words("comparator").search(text[sent.start:sent.end]):
        return None
    pool = [d for d in sf.derived if d.kind == "multiplier" and d.label.endswith("ratio of percentages")]
    target = sf.outcome_of(ctx, pool)
    if target is None:
        return None
    said = m.value if m.value >= 1 else 1 / m.value  # "half as many" is the other arm's double
    if said == 1:
        return None
    slack = _TOLERANCE * (2 if m.approx else 1)
    if abs(said - target.value) / target.value <= slack:
        return "derived", target, None
    shares = target.formula.split(" = ")[0] if target.formula else ""
    return "mismatch", target, (f"the article says {m.raw.strip()}{' fewer' if sf.roles.arm_ratio_fewer.match(after) else ''}"
                                f" (a ratio of {said:.1f}); the arms' shares were {shares} (a ratio of "
                                f"{target.value:.2f})")
