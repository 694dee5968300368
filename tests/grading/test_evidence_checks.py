"""Issue 19 and 16.2: the fields the effect measures need are validated (one located error each), a file's
GRADE judgement that the handbook contradicts makes `validate` warn, nothing is rated without evidence, and a
question row rated otherwise than the study's own table says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from msvitd.diagnostics import sorted_diagnostics
from msvitd.library import load_library
from msvitd.models.study import Study
from msvitd.summary.build import build
from tests.fake_library import Lib

ROOT = Path(__file__).resolve().parents[2]
DEMO = (ROOT / "tests" / "fixtures" / "positive" / "evidence" / "studies" / "demo.yaml").read_text(encoding="utf-8")

EDSS = """  - id: edss
    name: Disability (EDSS)
    role: secondary
    type: clinical
    measure: continuous
    scale: {name: EDSS, min: 0, max: 10}
    arms:
      drug: {mean: 2.1, sd: 1.1, total: 95, cite: [paper, Table 3]}
      placebo: {mean: 2.3, sd: 1.2, total: 96, cite: [paper, Table 3]}
    cite: paper, Table 3
  - id: arr
    name: Annualised relapse rate
    role: secondary
    type: clinical
    measure: rate
    arms:
      drug: {events: 12, person_years: 190, cite: [paper, Table 3]}
      placebo: {events: 20, person_years: 185, cite: [paper, Table 3]}
    cite: paper, Table 3
limitations:"""


def problems(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "demo.yaml").write_text(text, encoding="utf-8")
    lib = load_library([tmp_path], keep_models=False)
    return [f"{d.line}:{d.column} {d.code} {d.path}: {d.message}" for d in sorted_diagnostics(lib.diagnostics)]


def study_text(old: str = "", new: str = "") -> str:
    text = DEMO.replace("limitations:", EDSS, 1)
    if old:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def test_the_new_fields_are_valid_as_written(tmp_path):
    assert problems(tmp_path, study_text()) == []


@pytest.mark.parametrize("old,new,expected", [
    ("drug: {mean: 2.1, sd: 1.1,", "drug: {mean: 2.1, sd: 0,",
     "S104 outcomes[2].arms.drug.sd: an SD must be positive, got 0"),
    ("placebo: {mean: 2.3,", "placebo: {mean: 12.3,",
     "S104 outcomes[2].arms.placebo.mean: mean 12.3 lies outside the EDSS scale (0 to 10)"),
    ("drug: {events: 12, person_years: 190,", "drug: {events: 12,",
     "S101 outcomes[3].arms.drug: events on a rate outcome without person-time: add `person_years:` for arm 'drug'"),
    ("drug: {mean: 2.1, sd: 1.1, total: 95,", "drug: {mean: 2.1, sd: 1.1, total: 195,",
     "S209 outcomes[2].arms.drug.total: total 195 is larger than the 100 randomised to arm 'drug'"),
    ("      ci: [0.25, 1.0]", "      ci: [0.55, 1.0]",
     "S201 outcomes[0].effect.ci: confidence interval [0.55, 1.00] does not contain the estimate 0.5"),
])
def test_one_located_error_each(tmp_path, old, new, expected):
    got = problems(tmp_path, study_text(old, new))
    assert len(got) == 1, got
    position, rest = got[0].split(" ", 1)
    line, col = map(int, position.split(":"))
    assert line > 0 and col > 0 and rest.startswith(expected)


def test_person_years_not_reported_is_accepted(tmp_path):
    text = study_text("drug: {events: 12, person_years: 190,", "drug: {events: 12, person_years: not reported,")
    assert problems(tmp_path, text) == []


def test_validate_warns_when_the_handbook_contradicts_the_file(tmp_path):
    # RR 0.5 (0.25 to 1.0) but a wider interval 0.5 (0.2 to 1.3) crosses 0.75 and 1.25: very serious, not serious.
    text = study_text("      ci: [0.25, 1.0]\n", "      ci: [0.2, 1.3]\n")
    # the judgement goes at the end of the first outcome, whatever its last line is (a cite, since issue 15)
    text = text.replace("\n  - id: new-lesions", "\n    grade:\n      imprecision: {rating: serious, reason: wide interval}"
                        "\n  - id: new-lesions", 1)
    got = problems(tmp_path, text)
    assert len(got) == 1 and " S230 outcomes[0].grade.imprecision.rating: imprecision rated serious but RR 0.50 " \
        "(0.20 to 1.30) gives very serious by the GRADE handbook's thresholds (0.75 and 1.25)" in " " + got[0]


def _study(outcome: dict) -> Study:
    return Study.model_validate({
        "kind": "study", "id": "t", "name": "T", "citation": {"title": "Trial"},
        "sources": [{"id": "paper", "title": "The paper", "type": "paper"}],
        "design": {"type": "rct", "randomised": True}, "population": {"condition": "MS"},
        "arms": [{"id": "vd", "role": "intervention", "label": "vitamin D", "agent": "vitamin D"},
                 {"id": "pl", "role": "comparator", "label": "placebo", "agent": "placebo"}],
        "outcomes": [{"id": "o", "name": "Fatigue", "role": "secondary", "type": "clinical", "measure": "continuous",
                      **outcome}],
    })


def test_no_numbers_and_no_narrative_result_is_not_estimable():
    (table,) = build(Lib([_study({})], []), ["t"]).tables
    (row,) = table.rows
    assert row.certainty.level == "not_estimable" and row.certainty.symbols == ""
    assert row.certainty.display == "Not estimable"
    assert "⊕" not in row.certainty.display and "cannot state an effect" in row.statement
    # A result in words is a narrative summary: it is rated (here very low), not "not estimable".
    (table,) = build(Lib([_study({"significant": False, "finding": "no difference"})], []), ["t"]).tables
    assert table.rows[0].certainty.level == "very_low"


def test_an_empty_new_study_template_gets_no_certainty(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli("new", "study", "empty-trial").exit_code == 0
    res = cli("summarize", "empty-trial", "--format", "json", "--evidence", "evidence")
    import json
    data = json.loads(res.stdout)
    levels = {r["certainty"]["level"] for t in data["tables"] for r in t["rows"]}
    assert levels == {"not_estimable"}
    # no symbols: JSON says null for what is not there
    assert {r["certainty"]["symbols"] for t in data["tables"] for r in t["rows"]} == {None}
    assert "Not estimable" in cli("summarize", "empty-trial", "--evidence", "evidence").stdout
