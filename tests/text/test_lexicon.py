import pytest

from msvitd.text.lexicon import LexiconError, inflect, load_lexicon, phrase_regex


def test_inflection():
    assert inflect("reduce") == ["reduce", "reduces", "reduced", "reducing"]
    assert inflect("stop|stops|stopped|stopping") == ["stop", "stops", "stopped", "stopping"]
    assert inflect("ward off") == ["ward off", "wards off", "warded off", "warding off"]


def test_phrase_syntax():
    import re

    rx = re.compile(phrase_regex("relapse(s)"), re.I)
    assert rx.fullmatch("relapse") and rx.fullmatch("Relapses")
    assert re.fullmatch(phrase_regex("game changer"), "game-changer")
    assert re.fullmatch(phrase_regex("(MS|multiple sclerosis) progression"), "multiple sclerosis progression")
    assert not re.fullmatch(phrase_regex("MS"), "ms", re.I)  # short capitals are case-sensitive


def test_bundled_outcome_vocabulary_has_the_shared_ids():
    ids = set(load_lexicon().outcome_info)
    assert {"disease_activity", "mri_activity", "new_lesions", "enhancing_lesions", "relapse", "disability",
            "progression", "conversion", "damage", "symptoms", "quality_of_life", "fatigue", "depression",
            "cognition", "mortality", "vitamin_d_level", "adverse_events"} <= ids


def test_user_file_extends_tables(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text("hype:\n  strong: [earth-shattering]\noutcomes:\n  relapse:\n    phrases: [bout(s)]\n")
    lex = load_lexicon((str(f),))
    assert lex.hype.search("an earth-shattering result").text == "earth-shattering"
    assert lex.outcomes.search("fewer bouts").label == "relapse"
    assert lex.hype.search("a breakthrough")  # the bundled words stay


def test_bad_user_files_are_usage_errors(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("nonsense: [x]\n")
    with pytest.raises(LexiconError, match="unknown lexicon table"):
        load_lexicon((str(f),))
    with pytest.raises(LexiconError, match="not found"):
        load_lexicon((str(tmp_path / "missing.yaml"),))


def test_alternatives_split_only_at_bars_outside_groups():
    from msvitd.text.phrases import split_alternatives

    assert split_alternatives("cut|cuts|(lower|reduce) risk") == ["cut", "cuts", "(lower|reduce) risk"]
    assert split_alternatives("a||b") == ["a", "", "b"]  # an empty alternative is kept: it makes the choice optional
