from hypothesis import given
from hypothesis import strategies as st

from msvitd.text.sentences import LineIndex, split_sentences


def texts(t):
    return [s.text for s in split_sentences(t)]


def test_abbreviations_and_decimals_do_not_split():
    t = "Thouvenot et al. found 60.3% vs. 74.1% had activity. Dr. Smith agreed, e.g. on MRI. The U.S. team did too."
    assert texts(t) == ["Thouvenot et al. found 60.3% vs. 74.1% had activity.",
                        "Dr. Smith agreed, e.g. on MRI.", "The U.S. team did too."]


def test_ms_at_the_end_of_a_sentence_splits():
    assert texts("It often progresses to MS. The researchers argue otherwise.") == [
        "It often progresses to MS.", "The researchers argue otherwise."]


def test_headlines_without_a_full_stop_are_sentences():
    ss = split_sentences("Vitamin D May Help Prevent MS Damage\n\nThe trial was in France.")
    assert [(s.text, s.heading, s.line, s.column) for s in ss] == [
        ("Vitamin D May Help Prevent MS Damage", True, 1, 1), ("The trial was in France.", False, 3, 1)]


def test_hard_wrapped_paragraph_is_joined():
    t = ("The trial enrolled adults with a first episode of symptoms\n"
         "suggestive of MS and followed them for two years with regular\n"
         "MRI scans. Disease activity was lower with vitamin D than with\n"
         "placebo.\n")
    assert len(split_sentences(t)) == 2


def test_markdown_markers_are_outside_the_sentence():
    t = "# Vitamin D and MS\n\n- Fewer lesions were seen.\n> A quote here."
    ss = split_sentences(t)
    assert [s.text for s in ss] == ["Vitamin D and MS", "Fewer lesions were seen.", "A quote here."]
    assert [(s.line, s.column) for s in ss] == [(1, 3), (3, 3), (4, 3)]


def test_question_and_quotes():
    assert texts('Can vitamin D slow MS? "Maybe," she said. Yes!') == ["Can vitamin D slow MS?", '"Maybe," she said.', "Yes!"]


def test_line_index_columns_count_characters():
    idx = LineIndex("é\nab\n")
    assert idx.position(0) == (1, 1) and idx.position(2) == (2, 1) and idx.position(3) == (2, 2)


@given(st.text(alphabet=st.sampled_from(list("abc DMS.!?\n\t,;:-—\"'()%0123456789é#*>")), max_size=300))
def test_offsets_always_round_trip(text):
    idx = LineIndex(text)
    last = -1
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
        assert s.start > last
        last = s.start
        line, col = idx.position(s.start)
        assert (s.line, s.column) == (line, col)
        assert text.splitlines(keepends=True)[line - 1][col - 1] == text[s.start] if text[s.start] != "\n" else True


@given(st.text(max_size=400))
def test_never_raises_on_any_string(text):
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
