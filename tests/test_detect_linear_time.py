"""The speed fixes of issue 17 change no output: each faster search gives what the plain scan gave.
(Timings are measured in bench/critique_speed.py, never asserted here.)"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from msvitd.diffing.numbers import sentence_at
from msvitd.text.numbers import _Taken, find_numbers


def _sentence_at_by_scan(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("! ", 0, start),
               text.rfind("? ", 0, start))
    left = 0 if left < 0 else left + 1
    cands = [i for i in (text.find(". ", end), text.find("\n", end), text.find("! ", end), text.find("? ", end))
             if i >= 0]
    right = min(cands) + 1 if cands else len(text)
    return text[left:right].strip()


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab .!?\n", max_size=40), st.data())
def test_the_sentence_around_a_number_is_the_same(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert sentence_at(text, start, end) == _sentence_at_by_scan(text, start, end)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 6)), max_size=12), st.integers(0, 70), st.integers(0, 8))
def test_a_claimed_span_is_found_as_by_a_scan(spans, q, width):
    taken, plain = _Taken(), []
    for s, w in spans:  # claim only free spans, as the scanner does
        if all(s + w <= a or s >= b for a, b in plain):
            taken.append((s, s + w))
            plain.append((s, s + w))
    assert taken.free(q, q + width) == all(q + width <= a or q >= b for a, b in plain)


def test_numbers_in_a_long_text_are_all_found():
    one = "In 316 patients, 60.3% vs 74.1% had disease activity (HR 0.66; 95% CI 0.50-0.87; P = .004). "
    text = one * 400
    assert len(find_numbers(text)) == 400 * len(find_numbers(one))
