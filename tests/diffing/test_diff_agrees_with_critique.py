"""`diff` and `critique` read an article once and agree (issue 16.8): on an accurate article critique
finds nothing and diff calls no element broader, different or unsupported, and no number a mismatch."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

ACCURATE = """A careful look at a vitamin D trial in early MS

Researchers in France gave 163 adults with a first MS-like episode, known as a clinically isolated
syndrome, 100,000 IU of cholecalciferol every two weeks; 153 others took a placebo. None of them were on
other MS treatments. Over two years, disease activity (a relapse or new lesions on MRI) was seen in 60.3%
of the vitamin D group and 74.1% of the placebo group. New lesions were also less frequent. Relapses and
disability did not differ between the groups, serious side effects were similar, and earlier trials of
vitamin D in MS found no clear benefit. The trial mostly measured MRI results and needs confirming.
"""


def _diff(path, study_id):
    """The diff as `msvitd diff PATH --source STUDY` builds it (the app layer's one input path)."""
    from msvitd.app.diff import diff_article
    from msvitd.app.inputs import choose_study, open_library, resolve_article

    lib = open_library([str(ROOT / "evidence")])
    article = resolve_article(str(path), lib)
    return diff_article(article, choose_study(article, lib, study_id), lib)


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    from msvitd.critique.engine import critique_text
    from msvitd.library import load_library

    lib = load_library([ROOT / "evidence"])
    study = lib.study("d-lay-ms")
    path = tmp_path_factory.mktemp("a") / "accurate.txt"
    path.write_text(ACCURATE, encoding="utf-8")
    crit = critique_text(ACCURATE, study, others=[e.model for e in lib.studies.values()])
    report = _diff(path, "d-lay-ms")
    return crit, report


def test_critique_finds_nothing_in_the_accurate_sentences(both):
    crit, _ = both
    assert [(f.rule, f.quote) for f in crit.findings if f.quote and f.severity != "info"] == []


def test_diff_does_not_contradict_critique(both):
    _, report = both
    rows = {r.element: r.verdict for r in report.pico}
    assert rows["population"] == "same"
    assert rows["intervention"] == "same"
    assert rows["comparator"] == "same"
    for element in ("outcome: disease-activity", "outcome: relapse", "outcome: disability", "outcome: new-lesions"):
        assert rows[element] == "same", (element, rows[element])
    assert not [v for e, v in rows.items() if v in ("broader", "different", "unsupported")]
    assert [n.quote for n in report.numbers if n.verdict == "mismatch"] == []


def test_population_is_broader_exactly_where_critique_finds_extrapolation(tmp_path):
    from msvitd.critique.engine import critique_text
    from msvitd.library import load_library

    text = "High-dose vitamin D slows disease activity in all MS patients, a French trial found."
    lib = load_library([ROOT / "evidence"])
    path = tmp_path / "spun.txt"
    path.write_text(text, encoding="utf-8")
    crit = critique_text(text, lib.study("d-lay-ms"), select=("C301",))
    rows = {r.element: r.verdict for r in _diff(path, "d-lay-ms").pico}
    assert [f.rule for f in crit.findings] == ["C301"] and rows["population"] == "broader"
