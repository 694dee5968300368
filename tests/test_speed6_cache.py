"""The sixth round's start-up caches (issue 17): a study's facts kept under the library's key, the
YAML data files kept in one file, one lexicon per process, the last article's numbers kept. What a
user must see: the same findings whether a cache was used, missed, or could not be read; an edited
study file taking effect at once. Every test uses a temporary MSVITD_CACHE_DIR."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_startup_cache import _run  # one copy of the subprocess helper; cache_in: tests/conftest.py

ROOT = Path(__file__).resolve().parents[1]
# written here: one figure of the trial right, one wrong (C502 checks it against the study's facts)
ARTICLE = ("High-dose vitamin D cut disease activity in early MS: 60.3% of patients on vitamin D had disease "
           "activity versus 81.5% on placebo.\n")


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _critique(*args: str, cache: Path | None, cwd: Path = ROOT) -> tuple[int, str, str]:
    return _run("critique", *args, "--format", "json", cache=cache, cwd=cwd)


def test_kept_study_facts_give_the_findings_derived_ones_give(tmp_path, article):
    cache = tmp_path / "cache"
    off = _critique(str(article), "--source", "d-lay-ms", cache=None)
    cold = _critique(str(article), "--source", "d-lay-ms", cache=cache)
    kept = list(cache.glob("facts-*.pickle"))
    warm = _critique(str(article), "--source", "d-lay-ms", cache=cache)
    assert '"C502"' in off[1] and '"81.5%"' in off[1] and off[2] == ""  # the wrong figure, against the facts
    assert cold == off and warm == off and kept
    for f in kept:  # a kept file that cannot be read is derived again, silently
        f.write_bytes(b"not a pickle")
    assert _critique(str(article), "--source", "d-lay-ms", cache=cache) == off


def test_an_edited_study_file_is_not_read_from_kept_facts(tmp_path, article):
    evidence = tmp_path / "evidence"
    (evidence / "studies").mkdir(parents=True)
    study = (ROOT / "evidence" / "studies" / "d-lay-ms.yaml").read_text(encoding="utf-8")
    (evidence / "studies" / "d-lay-ms.yaml").write_text(study, encoding="utf-8")
    cache = tmp_path / "cache"
    args = (str(article), "--source", "d-lay-ms", "--evidence", str(evidence))
    before = _critique(*args, cache=cache)
    assert '"81.5%"' in before[1]
    # the placebo figure edited to the article's: the article's figure is then right (no C502)
    (evidence / "studies" / "d-lay-ms.yaml").write_text(study.replace("74.1", "81.5"), encoding="utf-8")
    after = _critique(*args, cache=cache)
    assert after == _critique(*args, cache=None)
    assert after[0] in (0, 1) and '"findings"' in after[1] and "74.1" not in after[1]
    assert '"81.5%"' not in after[1] and after[1] != before[1]


def test_the_lexicon_is_one_object_however_it_is_asked_for():
    from msvitd.text.lexicon import load_lexicon

    assert load_lexicon() is load_lexicon(lang="en") is load_lexicon((), "en")


def test_a_data_file_read_from_the_cache_is_the_callers_own_copy(cache_in, tmp_path):
    from msvitd.text import cache

    data = tmp_path / "table.yaml"
    data.write_text("words: [one, two]\n", encoding="utf-8")
    first = cache.load_yaml(data)
    first["words"].append("three")  # a caller that merges into what it was given
    assert cache.load_yaml(data) == {"words": ["one", "two"]}
    cache._save_yaml_set()
    assert list(cache_in.glob("yamlset-*.pickle"))
    data.write_text("words: [four]\n", encoding="utf-8")  # an edit takes effect at once
    assert cache.load_yaml(data) == {"words": ["four"]}


def test_a_long_text_read_twice_gives_the_same_numbers_as_a_new_list():
    from msvitd.text.numbers import find_numbers

    text = "Of 316 patients, 60.3% had disease activity versus 74.1% (HR 0.66; 95% CI 0.50-0.87). " * 80
    assert len(text) > 4000
    first, again = find_numbers(text, "en"), find_numbers(text, "en")
    assert first == again and first is not again and len(first) >= 80 * 5
    first.clear()
    assert find_numbers(text, "en") == again
