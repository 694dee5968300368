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


def _section(doc: str, name: str) -> str:
    m = re.search(rf"^{name}\n(.*?)(?=^\S|\Z)", doc, re.M | re.S)
    return m.group(1).strip() if m else ""


def _quoted(text: str) -> str | None:
    """The example sentence of a docstring section: its first quotation (a note in brackets may follow)."""
    m = re.search(r'"(.+?)"(?=\s*(?:\(|$))', text, re.S)
    return re.sub(r"\s*\n\s*", " ", m.group(1)) if m else None


def test_every_docstring_example_is_flagged_and_every_better_is_not():
    """`msvitd rules CODE` shows Example and Better: each does what it says (ruff's fixtures, run as tests)."""
    from conftest import critique

    for r in all_rules():
        example, better = _quoted(_section(r.__doc__, "Example")), _quoted(_section(r.__doc__, "Better"))
        assert example and better, (r.CODE, "Example and Better must quote an article sentence")
        assert [f.rule for f in critique(example, r.CODE).findings], (r.CODE, "Example is not flagged", example)
        assert [f.rule for f in critique(better, r.CODE).findings] == [], (r.CODE, "Better is flagged", better)


def test_rules_import_neither_the_engine_nor_each_other():
    import ast

    for path in (HERE.parents[1] / "msvitd" / "rules").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("msvitd.critique.engine"), path.name
                if node.module.startswith("msvitd.rules."):
                    assert node.module == "msvitd.rules._common", (path.name, node.module)
