"""The quality bar of issue 5 on the seed article: what must be flagged, what must not."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed():
    from msvitd.critique.engine import critique_text
    from msvitd.library import load_library

    lib = load_library([ROOT / "evidence"])
    text = lib.article_text("seed-vitamin-d-ms-forum")
    res = critique_text(text, lib.study("d-lay-ms"), others=[e.model for e in lib.studies.values()])
    return text, res


def _flagged(res, category):
    return [f.quote for f in res.findings if f.category == category]


def test_headline_prevent_ms_damage(seed):
    assert "Prevent MS Damage" in _flagged(seed[1], "surrogate_to_clinical")


def test_hype_words(seed):
    hype = {q.lower() for q in _flagged(seed[1], "hype")}
    assert {"groundbreaking", "game-changer", "landmark", "striking"} <= hype


def test_slowing_the_progression(seed):
    assert "slowing the progression of MS" in _flagged(seed[1], "surrogate_to_clinical")


def test_limited_access_extrapolation(seed):
    quotes = _flagged(seed[1], "population_extrapolation")
    assert any("limited access" in q for q in quotes)


def test_subgroup_sentence(seed):
    assert any(q.startswith("particularly beneficial for") for q in _flagged(seed[1], "subgroup_as_finding"))


def test_accurate_sentences_are_not_flagged(seed):
    text, res = seed
    for sentence in ("Only 60.3% of the vitamin D group showed disease activity, compared to 74.1% in the placebo group.",
                     "Despite the promising results, the study did not find a significant difference in the relapse "
                     "rates or symptom severity between the two groups, which highlights the need for further "
                     "investigation."):
        start = text.index(sentence)
        end = start + len(sentence)
        hits = [f for f in res.findings if f.start is not None and f.start < end and start < f.end]
        assert hits == [], (sentence, hits)
