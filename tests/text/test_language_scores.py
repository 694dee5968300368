"""language.scores is written for speed (it runs on every sentence of a page, to read a quoted
English abstract in English): it must give exactly what the plain definition gives, a weighted
count of function words plus a little per typical letter, summed in the same order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from msvitd.text import language


def plain_scores(text: str) -> dict[str, float]:
    weighted, _, letters = language._profiles()
    out: dict[str, float] = {}
    for tok in language._TOKEN.findall(text.lower().replace("’", "'")):
        for code, w in weighted.get(tok, {}).items():
            out[code] = out.get(code, 0.0) + w
    for code, table in letters.items():
        for ch, w in table.items():
            n = text.count(ch)
            if n:
                out[code] = out.get(code, 0.0) + w * min(n, 5)
    return out


WORDS = ["the", "de", "la", "les", "der", "die", "los", "und", "que", "l'", "d’", "qu'", "é", "ß", "ñ", "¿",
         "ã", "Straße", "über", "l'évolution", "niño", "MS", "vitamin", "Schübe", "la", "a", "e", "o", "y", "—", "日本"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=40).map(" ".join))
def test_scores_equal_the_plain_definition(text):
    got = language.scores(text)
    assert got == plain_scores(text)
    assert list(got) == list(plain_scores(text))  # the same order: ties break the same way


def test_a_page_is_detected_once_however_many_readers_ask():
    text = "Les chercheurs ont suivi les patients pendant deux ans dans des hôpitaux de la région."
    language._detect.cache_clear()
    first = language.detect_language(text)
    for _ in range(5):
        assert language.detect_language(text) == first
    assert language._detect.cache_info().hits == 5
