"""D103 (round 5): an outcome named in a careful sentence that denies something else is not told as "no
difference". Sentences written here."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _rows(tmp_path, text, study="d-lay-ms"):
    from msvitd.app.diff import diff_article
    from msvitd.app.inputs import choose_study, open_library, resolve_article

    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    lib = open_library([str(ROOT / "evidence")])
    article = resolve_article(str(path), lib)
    return {r.element: r.verdict for r in diff_article(article, choose_study(article, lib, study), lib).pico}


@pytest.mark.parametrize("text", [
    "The study looked at MRI activity, only a surrogate, so it cannot tell us whether vitamin D slows disability.",
    "Researchers counted MRI activity, which cannot show whether the supplement prevents disability.",
])
def test_a_surrogate_named_beside_a_limitation_is_not_denied(tmp_path, text):
    assert _rows(tmp_path, text).get("outcome: mri-activity") != "different"


def test_a_denied_surrogate_is_still_different(tmp_path):
    rows = _rows(tmp_path, "Vitamin D did not reduce MRI activity in the trial.")
    assert rows.get("outcome: mri-activity") == "different"
