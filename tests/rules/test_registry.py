"""Every rule: unique permanent code, kebab-case name, known category, documented, tested."""

import re
from pathlib import Path

from msvitd.critique.result import CATEGORIES
from msvitd.rules import MODULES, all_rules, enabled_rules

HERE = Path(__file__).parent


def test_every_rule_is_complete():
    codes = set()
    for r in all_rules():
        assert re.fullmatch(r"C[1-9]\d\d", r.CODE), r.CODE
        assert r.CODE not in codes
        codes.add(r.CODE)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", r.NAME)
        assert r.CATEGORY in CATEGORIES
        assert r.SEVERITY in ("error", "warning", "info")
        for heading in ("What it flags", "Why it matters", "Example", "Better"):
            assert heading in r.__doc__, (r.CODE, heading)
        assert (HERE / f"test_{r.__name__.rsplit('.', 1)[1]}.py").exists()


def test_every_category_has_a_rule():
    assert {r.CATEGORY for r in all_rules()} == set(CATEGORIES)


def test_select_and_ignore_by_prefix_name_and_category():
    assert [r.CODE for r in enabled_rules(("C2",))] == ["C201", "C202"]
    assert [r.CODE for r in enabled_rules(("hype",))] == ["C101"]
    assert "C604" not in [r.CODE for r in enabled_rules((), ("omits-context",))]
    assert len(enabled_rules()) == len(MODULES)
