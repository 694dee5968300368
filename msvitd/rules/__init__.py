"""The critique rules: one module per rule, listed here in the order they run.

Each module defines CODE (permanent, "C" family), NAME (kebab-case), CATEGORY (one of
msvitd.critique.result.CATEGORIES), SEVERITY (default), a docstring that is the user
documentation (What it flags / Why it matters / Example / Better), and ``check(ctx)``, a
generator of msvitd.critique.result.Finding records.
"""

from __future__ import annotations

import importlib
from types import ModuleType

MODULES = (
    "hype_wording",
    "surrogate_as_clinical",
    "benefit_on_null_outcome",
    "overstated_certainty",
    "population_extrapolation",
    "subgroup_as_finding",
    "unsupported_comparison",
    "relative_effect_only",
    "number_mismatch",
    "omits_null_clinical",
    "omits_harms",
    "omits_limitations",
    "omits_context",
)

_cache: dict[str, ModuleType] = {}


def all_rules() -> list[ModuleType]:
    out = []
    for name in MODULES:
        if name not in _cache:
            _cache[name] = importlib.import_module(f"msvitd.rules.{name}")
        out.append(_cache[name])
    return out


def by_code() -> dict[str, ModuleType]:
    return {r.CODE: r for r in all_rules()}


def find_rule(code_or_name: str) -> ModuleType | None:
    key = code_or_name.strip()
    for r in all_rules():
        if r.CODE.lower() == key.lower() or r.NAME == key.lower():
            return r
    return None


def _matches(rule: ModuleType, patterns: tuple[str, ...]) -> bool:
    """A code prefix ("C2", "C201", "C"), a rule name, or a category."""
    for p in patterns:
        p = p.strip()
        if not p:
            continue
        if rule.CODE.upper().startswith(p.upper()) or rule.NAME == p.lower() or rule.CATEGORY == p.lower():
            return True
    return False


def unknown_patterns(patterns: tuple[str, ...]) -> list[str]:
    rules = all_rules()
    return [p for p in patterns if p.strip() and not any(_matches(r, (p,)) for r in rules)]


def enabled_rules(select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> list[ModuleType]:
    rules = all_rules()
    if select:
        rules = [r for r in rules if _matches(r, select)]
    if ignore:
        rules = [r for r in rules if not _matches(r, ignore)]
    return rules


def summary(rule: ModuleType) -> str:
    """The first line of the rule's documentation."""
    doc = (rule.__doc__ or "").strip()
    return doc.splitlines()[0] if doc else ""
