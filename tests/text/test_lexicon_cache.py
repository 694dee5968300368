"""The lexicon cache (text/cache.py): same reading with or without it, a user's edit at once."""

import re

import pytest

from msvitd.text import cache
from msvitd.text.lexicon import load_lexicon
from msvitd.text.reading import strength_of

SENTENCES = ["Vitamin D may help prevent MS damage.", "Groundbreaking: the vitamin cut relapses by a third.",
             "The difference in relapses was not significant."]


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setenv("MSVITD_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("MSVITD_NO_CACHE", raising=False)
    load_lexicon.cache_clear()
    yield tmp_path
    load_lexicon.cache_clear()


def _reading(lex):
    return [(r.strength, r.direction, [(c.concept, c.strength) for c in r.claims], [h.text for h in r.hype])
            for r in (strength_of(s, lex) for s in SENTENCES)]


def test_cached_lexicon_reads_the_same(cache_in):
    cold = load_lexicon((), "en")
    assert list(cache_in.glob("lexicon-*.pickle"))
    load_lexicon.cache_clear()
    warm = load_lexicon((), "en")
    assert warm is not cold
    assert warm.causal.regex.pattern == cold.causal.regex.pattern
    assert warm.causal.labels == cold.causal.labels
    assert _reading(warm) == _reading(cold)


def test_an_edited_user_lexicon_takes_effect_at_once(cache_in, tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("hype:\n  strong: [wondrous]\n", encoding="utf-8")
    lex = load_lexicon((str(extra),))
    assert [h.text for h in lex.hype.find("A wondrous, earth-shaking pill")] == ["wondrous"]
    extra.write_text("hype:\n  strong: [earth-shaking]\n", encoding="utf-8")
    load_lexicon.cache_clear()
    lex = load_lexicon((str(extra),))
    assert [h.text for h in lex.hype.find("A wondrous, earth-shaking pill")] == ["earth-shaking"]


def test_a_broken_cache_is_ignored(cache_in):
    load_lexicon((), "fr")
    for p in cache_in.glob("*.pickle"):
        p.write_bytes(b"not a pickle")
    load_lexicon.cache_clear()
    assert load_lexicon((), "fr").hype.find("une avancée majeure")


def test_no_cache_when_turned_off(cache_in, monkeypatch):
    monkeypatch.setenv("MSVITD_NO_CACHE", "1")
    load_lexicon((), "de")
    assert not list(cache_in.glob("lexicon-*.pickle"))


def test_a_program_rebuilds_the_same_pattern():
    rx = re.compile(r"(?<![\w])(?:(?P<g0>slow(?:s|ed)?)|(?P<g1>halt))(?![\w])", re.IGNORECASE)
    back = cache.rebuild(cache.program_of(rx))
    assert back.pattern == rx.pattern and back.groupindex == rx.groupindex
    assert back.search("It Slowed MS").group() == "Slowed"
