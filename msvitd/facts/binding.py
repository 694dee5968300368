"""What outcome, and what base, an article ties a number to (two checks of the number matcher).

- Outcome binding: "almost 75% of the placebo group had a relapse" when 74.1% is the placebo
  group's *disease activity* and relapse was 21.8%. The outcome words next to a percentage are
  read with the outcomes lexicon and compared with the study's outcomes by their concepts: the
  outcome that names exactly those concepts is the one the article speaks of.
- Relative-effect base: "a 34% lower incidence" when 34% is 1 − HR (a lower hazard) and the
  incidences were 60.3% vs 74.1% (19% lower in relative terms).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from msvitd.text.grammar import number_roles

# What the relative effect is a share of (the proportion of people with the outcome, not the
# hazard) and where the words about one number stop (its clause) are language data: language.yaml
# `roles:` incidence, number_clause_end, number_clause_start (text/grammar.number_roles).


def _roles(roles):
    return roles if roles is not None else number_roles("en")


@lru_cache(maxsize=None)
def _outcomes_matcher(lang: str = "en"):
    from msvitd.text.lexicon import load_lexicon

    return load_lexicon(lang=lang).outcomes


def concepts_in(text: str, lang: str = "en") -> set[str]:
    """Outcome concepts the outcomes lexicon finds in ``text``: English's, and the article's
    language's ("poussée", "Schub", "brote" -> relapse)."""
    found = {h.label for h in _outcomes_matcher("en").find(text or "")}
    if lang != "en":
        found |= {h.label for h in _outcomes_matcher(lang).find(text or "")}
    return found


def _window(text: str, start: int, end: int, sent_start: int, sent_end: int, prev_end: int, next_start: int,
            roles=None) -> str:
    """The words of the number's own clause: back to the previous number or clause break, on to the next."""
    lo = max(sent_start, prev_end, start - 100)
    before = text[lo:start]
    roles = _roles(roles)
    m = roles.number_clause_start.match(before)
    if m:
        before = before[m.end():]
    hi = min(sent_end, next_start, end + 100)
    after = text[end:hi]
    cut = roles.number_clause_end.search(after)
    if cut:
        after = after[:cut.start()]
    if lo == prev_end > sent_start and roles.pair_between.match(before):
        # the second figure of a pair ("new lesions in 46.2% versus 59.2%, contrast-enhancing lesions in ..."):
        # its outcome was named before the first figure; words after a comma begin the next pair
        after = re.split(r"[,;]", after, maxsplit=1)[0]
    return before + " " + after


def clause_words(text: str, m, sent, bounds, roles=None) -> str:
    """The text of the number's own clause (see :func:`_window`), in the language of ``roles``."""
    return _window(text, m.start, m.end, sent.start, sent.end, bounds[0], bounds[1], roles)


def bound_outcome(outcome_concepts: dict, named: set[str]) -> Optional[int]:
    """The one study outcome whose own concepts cover every concept named, if exactly one does."""
    if not named:
        return None
    own = [i for i, concepts in outcome_concepts.items() if named <= concepts]
    return own[0] if len(own) == 1 else None


def outcome_binding(text: str, m, fits, arm_percents: list, outcome_concepts: dict, sent, bounds,
                    roles=None) -> Optional[tuple]:
    """(verdict, fact, note) when a percentage equals one outcome's arm figure but the article ties it
    to another outcome of the study, whose figure for that arm differs; None otherwise."""
    roles = _roles(roles)
    window = _window(text, m.start, m.end, sent.start, sent.end, bounds[0], bounds[1], roles)
    all_concepts = set().union(*outcome_concepts.values()) if outcome_concepts else set()
    named = concepts_in(window, roles.code) & all_concepts
    if not named:
        return None
    fitting = [f for f in arm_percents if fits(f)]
    if not fitting:
        return None
    bound = bound_outcome(outcome_concepts, named)
    if bound is None or any(f.path[1] == bound for f in fitting):
        return None  # no single outcome named, or the number is that outcome's own figure
    f = fitting[0]
    told = [g for g in arm_percents if g.path[1] == bound and g.path[3] == f.path[3]]
    if not told:
        return None
    name = told[0].label.split(",")[0]
    return "mismatch", told[0], (f"ties {m.raw.strip()} to {name.lower()}; {f.show()} is the figure for "
                                 f"{f.label.split(':')[0]}, and {name.lower()} was {told[0].show()}")


def names_outcome_without_ratio(text: str, m, sent, bounds, outcome_concepts: dict, with_ratio: set,
                                roles=None) -> bool:
    """The number's clause names exactly one study outcome, and that outcome has no ratio to compare a
    relative reduction with ("cut relapses by 30%" when only the rates 0.28 and 0.41 are reported):
    another outcome's ratio says nothing about it, so the number stays unverified."""
    all_concepts = set().union(*outcome_concepts.values()) if outcome_concepts else set()
    roles = _roles(roles)
    named = concepts_in(clause_words(text, m, sent, bounds, roles), roles.code) & all_concepts
    bound = bound_outcome(outcome_concepts, named)
    return bound is not None and bound not in with_ratio


def incidence_base(text: str, m, sent, roles=None) -> bool:
    """The relative effect is said to be a share of people ("34% lower incidence", "34% fewer patients")."""
    after = text[m.end:sent.end][:45]
    before = re.split(r"[,;:()]", text[sent.start:m.start][-80:])[-1]  # "reduced the proportion of ... by 34%"
    incidence = _roles(roles).incidence
    return bool(incidence.search(after) or incidence.search(before))
