"""What the words around a number say it is: a relative reduction (and of what base), an arm's share
with or without the outcome, how many took part, how long the trial ran, the allocation. Each check
compares the number with that fact only; `matcher.diff_numbers` runs them before value matching."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from msvitd.facts.arm_ratio import arm_ratio
from msvitd.facts.binding import incidence_base, names_outcome_without_ratio, outcome_binding
from msvitd.facts.run_length import run_length
from msvitd.facts.source import Fact, fmt
from msvitd.facts.verdicts import _mention_decimals, _overlap
from msvitd.text.grammar import number_roles
from msvitd.text.numbers import NumberMention

# --- what a number claims, read from the words around it ------------------------------------------
# The checks below run before the generic value matching: each reads what the sentence says the
# number *is* (a relative reduction, the number randomised, how long the trial ran, the share
# with or without the outcome) and compares it with that fact only. They are the one reading of
# numbers that `msvitd diff` shows and that critique rule C502 reports.

# What the words around a number say it is (a relative reduction, percentage points, an arm's
# share with or without the outcome, the arm named, the planned size, a phase of the treatment,
# the allocation, how many took part, how long the trial ran) is language data: language.yaml
# `roles:` (text/lang/*/), read as `sf.roles`; each language's patterns are tried with English's.


def _loose_term(term: str) -> str:
    """A study's English name of its intervention as another language may write it: an accent
    on any e, a vowel ending a long word and a hyphen for a space ("vitamin D" -> "vitamine D",
    "vitamina D", "Vitamin-D-Gruppe"; "cholecalciferol" -> "cholécalciférol")."""
    out = []
    for word in term.split():
        w = re.escape(word).replace("e", "[eéèê]").replace("E", "[EÉÈÊ]")
        out.append(w + ("[aeo]?" if len(word) >= 4 and word[-1].isalpha() else ""))
    return r"[\s-]+".join(out)


def _pct_text(v: float) -> str:
    return f"{v:.0f}%" if abs(v - round(v)) < 0.05 or v >= 10 else f"{v:.1f}%"


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    text: str


class _Facts:
    """The facts the semantic checks look up, found once per study by their place in the file."""

    def __init__(self, facts: list[Fact], derived: list[Fact], lang: str = "en"):
        self.facts, self.derived = facts, derived
        self.roles = roles = number_roles(lang)  # how the article's language says what a number is
        terms = sorted(getattr(facts, "intervention_terms", ()), key=len, reverse=True)
        name = re.escape if roles.code == "en" else _loose_term
        own = "|".join(name(t) for t in terms)
        self._arm_words = {
            "comparator": roles.comparator_arm,
            "intervention": re.compile(roles.intervention_arm.pattern + (rf"|\b(?:{own})\b" if own else ""), re.I),
        }
        # the words between a share and the arm it names ("of the", "des patients du groupe")
        self.arm_lead = re.compile(r"^\s*(?:" + roles.arm_lead.pattern + r"|\s)+")
        self.share_clause_end = re.compile(r"[,;:]\s*(?:" + roles.share_clause_end.pattern + r")|[;:]")

        def at(*path):
            return next((f for f in facts if f.path == path), None)

        self.randomised = at("population", "randomised") or at("population", "enrolled")
        self.analysed = at("population", "analysed")
        self.completed = at("population", "completed")
        self.target = at("design", "target_sample_size")
        self.arm_counts = [f for f in facts if f.path[:1] == ("arms",) and f.path[-1] in ("randomised", "analysed")]
        self.baseline_counts = [f for f in facts if f.path[:2] == ("population", "baseline") and f.kind == "count"]
        self.event_counts = [f for f in facts if f.path[:1] == ("outcomes",) and f.kind == "count"]
        self.ratios = [f for f in facts if f.kind == "ratio" and f.path[:1] == ("outcomes",)]
        self.reductions = [f for f in derived if f.kind == "percent" and f.formula and f.formula.startswith("1 -")
                           and f.unit == "%"]
        self.run = [f for f in facts if f.kind == "duration" and (
            f.path in (("design", "duration_weeks"), ("design", "planned_follow_up"))
            or (f.path[:1] == ("arms",) and f.path[-1] == "duration")
            or (f.path[:1] == ("outcomes",) and f.path[-1] == "timepoint"))]
        self.doses = [f for f in facts if f.kind == "dose"]
        self.phases = [f for f in facts if f.kind == "duration" and f.path[:1] == ("arms",) and f.path[-1] == "frequency"]
        self.arm_percents = [f for f in facts if f.kind == "percent" and f.path[:1] == ("outcomes",)
                             and len(f.path) == 5 and f.path[-1] == "percent"]
        self.role = {}  # arm id -> intervention / comparator
        for f in self.arm_percents + self.event_counts:
            if len(f.path) >= 4:
                self.role[f.path[3]] = "intervention" if "intervention" in f.context else (
                    "comparator" if "comparator" in f.context else "")
        self.shares = [f for f in derived if f.label.startswith("share randomised to")]
        self.outcome_concepts = {}  # outcome index -> its concepts in the study file
        for f in facts:
            if f.path[:1] == ("outcomes",) and len(f.path) > 1 and f.concepts:
                self.outcome_concepts.setdefault(f.path[1], set(f.concepts))

    def arm_words(self, role: str) -> "re.Pattern":
        """Words naming an arm: generic ones, and for the intervention the study's own terms."""
        return self._arm_words[role]

    def outcome_of(self, ctx: frozenset, pool: list[Fact]) -> Optional[Fact]:
        """The fact of ``pool`` whose outcome best fits the sentence (the primary outcome on a tie)."""
        if not pool:
            return None
        return max(pool, key=lambda f: (_overlap(ctx, f), f.path[:2] == ("outcomes", 0), -len(f.path)))


def _fits(value: float, target: float, approx: bool, decimals: int, relation: Optional[str], loose: float = 0.0) -> bool:
    if relation in (">", ">="):
        return value - 1e-9 <= target <= value * 1.25 + 1e-9
    if relation in ("<", "<="):
        return value * 0.8 - 1e-9 <= target <= value + 1e-9
    if abs(value - target) <= 0.5 * 10 ** (-decimals) + 1e-9:
        return True
    if approx and target and abs(value - target) / abs(target) <= 0.10:
        return True
    return loose > 0 and abs(value - target) <= loose


def _reduction_value(text: str, m: NumberMention, sent: _Sentence, roles) -> Optional[float]:
    """The size of a relative reduction the number states, in percent, or None if it states none."""
    before = text[sent.start:m.start][-90:]
    after = text[m.end:sent.end][:40]
    if roles.points.match(after):
        return None
    framed = bool(roles.reduction_before.search(before)) or bool(roles.reduction_after.match(after))
    if m.kind == "percent" and m.unit == "%":
        return m.value if framed else None
    if m.kind == "fraction" and abs(m.value - 0.5) < 1e-9 and not re.search(r"\d", m.raw) \
            and roles.in_half.search(before):
        return 50.0  # "cut in half", "réduit de moitié", "se redujo a la mitad"
    if m.kind == "fraction" and m.value < 1:
        if framed or re.match(r"^\s+(?:less|lower|fewer)\b", after, re.I):
            return m.value * 100
        return None
    if m.kind == "multiplier" and re.search(r"halved", m.raw, re.I):
        return 50.0
    return None


# --- the checks, tried in order by _semantic -----------------------------------------------------
# Each takes (text, mention, sentence, context words, facts, rows so far, bounds) and returns
# (verdict, fact, note), or None where it has nothing to say. The number kinds they read barely
# overlap (a reduction is a percent, fraction or multiplier; participants a count; the run a
# duration), and the order settles the rest: a reduction before an arm's share.


def _relative_reduction(text, m, sent, ctx, sf, rows, bounds):
    """A relative reduction: "cut ... by two thirds", "66 per cent less likely", "halved the risk"."""
    red = _reduction_value(text, m, sent, sf.roles)
    if red is None or not sf.ratios:
        return None
    if names_outcome_without_ratio(text, m, sent, bounds, sf.outcome_concepts, {f.path[1] for f in sf.ratios},
                                   sf.roles):
        return None
    hr = sf.outcome_of(ctx, sf.ratios)
    same = [r for r in sf.reductions if r.path == hr.path]
    target = same[0] if same else None
    decimals = _mention_decimals(m) if m.kind == "percent" else 0
    loose = 3.5 if m.kind in ("fraction", "multiplier") else 0.0
    if target is not None and incidence_base(text, m, sent, sf.roles):
        # "34% lower incidence": the share of people, so 1 - (60.3/74.1), not 1 - HR
        rrr = next((d for d in sf.derived if d.path[:2] == target.path[:2] and d.formula
                    and d.label.endswith("relative reduction in risk")), None)
        if rrr is not None:
            if _fits(red, rrr.value, m.approx, decimals, m.relation, loose):
                return "derived", rrr, None
            return "mismatch", rrr, (f"{m.raw.strip()} is 1 - HR ({target.formula}), a lower hazard, told as a lower "
                                     f"share of people; the shares were {rrr.formula.split(' = ')[0][4:]} "
                                     f"({_pct_text(rrr.value)} lower in relative terms)")
    for r in sf.reductions:  # any outcome's 1 - HR the number fits, the best-fitting outcome first
        if _fits(red, r.value, m.approx, decimals, m.relation, loose) and (
                target is None or r is target or _overlap(ctx, r) > _overlap(ctx, target)):
            return "derived", r, None
    if target is None:
        return None
    if abs(red - hr.value * 100) <= 0.5 + 1e-9:
        return "mismatch", target, (f"{m.raw.strip()} is the hazard ratio ({fmt(hr.value, hr.decimals)}) read as "
                                    f"a reduction; the hazard was {_pct_text(target.value)} lower "
                                    f"({target.formula})")
    return "mismatch", target, (f"the article says a reduction of {m.raw.strip()}"
                                f"{'' if m.kind == 'percent' else ' (' + _pct_text(red) + ')'}; "
                                f"the source's is {_pct_text(target.value)} ({target.formula})")


def _bound_share(text, m, sent, ctx, sf, rows, bounds):
    """An arm's share tied to another outcome ("75% of the placebo group relapsed": 74.1% had disease
    activity)."""
    if m.kind == "percent" and m.unit == "%" and sf.arm_percents and _reduction_value(text, m, sent, sf.roles) is None:
        return outcome_binding(text, m, lambda f: _fits(m.value, f.value, m.approx, _mention_decimals(m), m.relation),
                               sf.arm_percents, sf.outcome_concepts, sent, bounds, sf.roles)
    if m.kind == "fraction" and 0 < m.value < 1 and sf.arm_percents and _reduction_value(text, m, sent, sf.roles) is None:
        # "three quarters of the placebo group relapsed", "fast drei Viertel der Placebogruppe erlitten einen Schub"
        share = m.value * 100
        return outcome_binding(text, m, lambda f: _fits(share, f.value, True, 0, m.relation, 3.5),
                               sf.arm_percents, sf.outcome_concepts, sent, bounds, sf.roles)
    return None


def _share_wording(text, m, sent, ctx, sf, rows, bounds):
    """An arm's share with the outcome, told as the share without it, or given to the other arm."""
    if not (m.kind == "percent" and m.unit == "%" and not m.approx and sf.arm_percents):
        return None
    same = [f for f in sf.arm_percents if abs(m.value - f.value) <= 0.5 * 10 ** (-max(_mention_decimals(m), 0)) + 1e-9]
    if not same:
        return None
    after = text[m.end:sent.end]
    f = sf.outcome_of(ctx, same)
    role = sf.role.get(f.path[3], "")
    clause_end = sf.share_clause_end.search(after)
    tail = after[:clause_end.start() if clause_end else 60][:60]
    if len(tail) == 60 and len(after) > 60:
        tail = re.sub(r"\S+$", "", tail)  # a word cut at 60 characters ("no" of "not") is no cue
    prev = rows[-1] if rows else None
    arm = f.label.rsplit(":", 1)[0].rsplit(", ", 1)[-1]
    inverted = (f"inverts the result: {m.raw.strip()} is the share of the {arm} group *with* the outcome "
                f"({f.label.split(',')[0]}), so {fmt(100 - f.value, f.decimals)}% had none")
    # an outcome that is itself an absence ("No evidence of disease activity", "Free from EDSS
    # progression": the study file's English label) is the share free of something: no inversion
    if not number_roles("en").inverted.match(f.label):
        inv = _inversion(text, m, sent, sf, tail, prev)
        if inv:
            return "mismatch", f, inverted
    near_after = after[:40]
    other = "intervention" if role == "comparator" else "comparator"
    if role and sf.arm_words(other).match(sf.arm_lead.sub("", near_after)) \
            and not sf.arm_words(role).search(near_after):
        sib = [g for g in sf.arm_percents if g.path[:2] == f.path[:2] and g.path[3] != f.path[3]]
        if sib and abs(sib[0].value - f.value) > 0.5:
            return "mismatch", sib[0], (f"swaps the arms: {m.raw.strip()} is the "
                                        f"{'comparator' if role == 'comparator' else 'intervention'} group's "
                                        f"figure; the {other} group's was {sib[0].show()}")
    return None


def _inversion(text, m, sent, sf, tail: str, prev) -> bool:
    """The share is told as the share *without* the outcome, after the number, before it, or as
    the second of a pair whose first was."""
    # "Ohne Krankheitsaktivität blieben 60,3 %", "Aucune activité ... chez 60,3 %": told before the number
    if sf.roles.inverted_before.match(re.split(r"[,;:]", text[sent.start:m.start])[-1]):
        return True
    inv = sf.roles.inverted.search(tail)
    # "had had a relapse, ... no ...": the outcome told before the cue is the share *with* it
    if inv and not sf.roles.with_outcome.search(tail[:30]) and not sf.roles.with_outcome.search(tail[:inv.start()]):
        return True
    return bool(prev is not None and prev.note and prev.note.startswith("inverts the result")
                and m.start - prev.end < 90 and sf.roles.pair_and.search(text[prev.end:m.start]))


def _participants(text, m, sent, ctx, sf, rows, bounds):
    """How many took part: the number randomised, analysed or completed, as the words around it say."""
    if not (m.kind == "count" and m.unit == "participants" and sf.randomised is not None):
        return None
    lo = max(sent.start, bounds[0], m.start - 70)
    hi = min(sent.end, bounds[1], m.end + 50)
    window = sf.roles.trial_adjective.sub(" trial", text[lo:m.start]) + " " + text[m.end:hi]
    if sf.roles.not_trial.search(window) or not sf.roles.took_part.search(window):
        return None
    if m.value in (100, 1000, 10000) and sf.roles.per_every.search(text[max(lo, m.start - 25):m.start]):
        return None  # "out of 100 people treated, 14 fewer ...": a share told as a natural frequency
    after = text[m.end:sent.end]
    dec = _mention_decimals(m)
    known = [sf.randomised, sf.analysed, sf.completed, sf.target, *sf.arm_counts, *sf.baseline_counts,
             *sf.event_counts] + [d for d in sf.derived if d.kind == "count" and d.unit == "participants"]
    known = [k for k in known if k is not None]
    arm_named = bool(sf.arm_words("intervention").search(after[:45]) or sf.arm_words("comparator").search(after[:45]))
    # "a planned 80", "Geplant waren 80", "200 were planned": the target, whatever follows
    planned = sf.target is not None and (sf.roles.planned.search(text[max(lo, m.start - 30):m.start])
                                         or sf.roles.planned_near.search(text[lo:m.start][-25:])
                                         or sf.roles.planned_after.match(text[m.end:hi]))
    want, role_word = _participants_asked(window, sf, known, arm_named, bool(planned))
    hit = [w for w in want if _fits(m.value, w.value, m.approx, dec, m.relation)]
    if hit and _planned_exactly(m, sf, want, hit[0], dec):
        hit = []  # "some 240 patients" when 240 were planned and 204 took part: the plan, not a rounding
    if hit:
        return "match", hit[0], None
    other = [k for k in known if _fits(m.value, k.value, m.approx, dec, m.relation)]
    if other and role_word and want:  # want is empty when the study file lacks that count
        o = other[0]
        return "mismatch", want[0], (f"the article says {m.raw.strip()} {role_word}; {fmt(o.value)} is the "
                                     f"{o.label.replace('participants ', 'number ')}, and {fmt(want[0].value)} were "
                                     f"{role_word}")
    if other and other[0] is sf.target and sf.target not in want:
        return "mismatch", sf.randomised, (f"the article says {m.raw.strip()}; {fmt(sf.target.value)} is the planned "
                                           f"sample size, and {fmt(sf.randomised.value)} were randomised")
    if other or m.value < 20:
        return None
    if not m.approx and m.value in getattr(sf.facts, "reported_elsewhere", ()):
        return None  # another report's figure, recorded in the study file's discrepancies

    n_a = fmt(sf.analysed.value) if sf.analysed else "?"
    return "mismatch", (want[0] if role_word else sf.randomised), (
        f"the article says {m.raw.strip()}; the trial randomised {fmt(sf.randomised.value)} participants "
        f"({n_a} analysed)")


def _planned_exactly(m, sf, want, near, dec) -> bool:
    """An approximate count that is exactly the planned size, not the total it is near."""
    t = sf.target
    return bool(m.approx and t is not None and t not in want and near.value != m.value
                and _fits(m.value, t.value, False, dec, m.relation))


def _participants_asked(window: str, sf: _Facts, known: list, arm_named: bool,
                        planned: bool = False) -> tuple[list, str]:
    """The facts a count of participants may be (planned, randomised, analysed, completed, else any
    known count but the planned size), and the word for what the sentence says it is."""
    if planned:
        want, role_word = [sf.target], "planned"
    elif sf.roles.randomised.search(window):
        want = [sf.randomised] + ([f for f in sf.arm_counts if f.path[-1] == "randomised"] if arm_named else [])
        role_word = "randomised"
    elif sf.roles.analysed.search(window):
        want = [sf.analysed] + ([f for f in sf.arm_counts if f.path[-1] == "analysed"] if arm_named else [])
        role_word = "analysed"
    elif sf.roles.completed.search(window):
        want, role_word = [sf.completed], "completed"
    else:
        # the planned size is what the trial aimed for, not how many took part ("had 200 patients")
        want, role_word = [k for k in known if k is not sf.target], ""
    return [w for w in want if w is not None], role_word


def _allocation(text, m, sent, ctx, sf, rows, bounds):
    """Half of the participants took the intervention: the allocation, not an outcome."""
    after = text[m.end:sent.end]
    if m.kind in ("fraction", "percent") and sf.shares and (
            sf.roles.allocation.match(after.lstrip()) or sf.roles.allocation_of.search(after[:25])) \
            and not _reduction_value(text, m, sent, sf.roles):
        v = m.value * 100 if m.kind == "fraction" else m.value
        hit = [f for f in sf.shares if _fits(v, f.value, True, 0, m.relation, 3.5)]
        if hit:
            return "derived", hit[0], None
    return None


# (arm_ratio first: a multiple of the other arm's share, "half as many ... as", is never a reduction or a share)
_CHECKS = (arm_ratio, _relative_reduction, _bound_share, _share_wording, _participants, run_length, _allocation)


def _semantic(text: str, m: NumberMention, sent: _Sentence, ctx: frozenset, sf: _Facts, rows: list,
              bounds: tuple[int, int] = (0, 10 ** 9)):
    """(verdict, fact, note) from what the sentence says the number is, or None to match by value:
    the first of ``_CHECKS`` that has something to say."""
    for check in _CHECKS:
        verdict = check(text, m, sent, ctx, sf, rows, bounds)
        if verdict is not None:
            return verdict
    return None
