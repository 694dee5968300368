"""The start-up caches (issue 17): the regex programs and the loaded evidence library kept in the
user's cache folder. What a user must see: the same output with the cache cold, warm, off, corrupt
or unwritable; an edited evidence file taking effect at once; a broken one never kept as valid.
Every test uses a temporary MSVITD_CACHE_DIR (never the user's)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "evidence" / "articles" / "seed-vitamin-d-ms-forum.txt"


def _run(*args: str, cache: Path | None, cwd: Path = ROOT) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MSVITD_")}
    env.update(NO_COLOR="1", COLUMNS="100")
    if cache is None:
        env["MSVITD_NO_CACHE"] = "1"
    else:
        env["MSVITD_CACHE_DIR"] = str(cache)
    r = subprocess.run([sys.executable, "-m", "msvitd", *args], capture_output=True, text=True, timeout=300,
                       env=env, cwd=cwd)
    return r.returncode, r.stdout, r.stderr


@pytest.mark.parametrize("args", [("--source", "d-lay-ms"), ()], ids=["source", "detected"])
def test_critique_is_the_same_without_with_a_cold_and_with_a_warm_cache(tmp_path, args):
    cache = tmp_path / "cache"
    off = _run("critique", str(SEED), *args, cache=None)
    cold = _run("critique", str(SEED), *args, cache=cache)
    warm = _run("critique", str(SEED), *args, cache=cache)
    assert off[0] == 1 and off[1].count("\n") > 10 and off[2] == ""
    assert cold == off and warm == off
    assert list(cache.glob("regex-*.pickle")) and list(cache.glob("library-*.pickle"))


def test_a_corrupt_or_unwritable_cache_folder_is_ignored_silently(tmp_path):
    off = _run("critique", str(SEED), "--source", "d-lay-ms", "--format", "json", cache=None)
    cache = tmp_path / "cache"
    _run("critique", str(SEED), "--source", "d-lay-ms", cache=cache)
    for f in cache.glob("*.pickle"):
        f.write_bytes(b"not a pickle" if "regex" in f.name else f.read_bytes()[:50])
    assert _run("critique", str(SEED), "--source", "d-lay-ms", "--format", "json", cache=cache) == off
    blocked = tmp_path / "a-file"
    blocked.write_text("the cache folder is a file here\n")
    assert _run("critique", str(SEED), "--source", "d-lay-ms", "--format", "json", cache=blocked) == off
    assert _run("critique", str(SEED), "--source", "d-lay-ms", "--format", "json", cache=blocked / "sub") == off


def _evidence(tmp_path) -> Path:
    ev = tmp_path / "evidence"
    shutil.copytree(ROOT / "evidence", ev)
    return ev


def test_an_edited_evidence_file_takes_effect_at_once(tmp_path, cache_in):
    from msvitd.app.library_cache import load_library_cached

    ev = _evidence(tmp_path)
    first = load_library_cached([ev])
    assert list(cache_in.glob("library-*.pickle"))
    again = load_library_cached([ev])
    assert again is not first and again.study("d-lay-ms").name == first.study("d-lay-ms").name == "D-Lay MS"
    study = ev / "studies" / "d-lay-ms.yaml"
    study.write_text(study.read_text(encoding="utf-8").replace("name: D-Lay MS", "name: D-Lay MS renamed", 1),
                     encoding="utf-8")
    assert load_library_cached([ev]).study("d-lay-ms").name == "D-Lay MS renamed"


def test_an_edited_article_text_file_is_checked_again(tmp_path, cache_in):
    from msvitd.app.library_cache import load_library_cached

    ev = _evidence(tmp_path)
    assert not load_library_cached([ev]).errors
    (ev / "articles" / "seed-vitamin-d-ms-forum.txt").write_text("A text without the quoted sentences.\n")
    lib = load_library_cached([ev])  # the .yaml did not change; its text_file did
    assert lib.errors and all("seed-vitamin-d-ms-forum" in e.file for e in lib.errors)


def test_a_file_with_errors_is_never_cached(tmp_path, cache_in):
    from msvitd.app.library_cache import load_library_cached

    ev = _evidence(tmp_path)
    study = ev / "studies" / "d-lay-ms.yaml"
    study.write_text(study.read_text(encoding="utf-8").replace("kind: study", "kind: study\nbogus_key: 1", 1),
                     encoding="utf-8")
    for _ in range(2):
        lib = load_library_cached([ev])
        assert any("bogus_key" in d.message for d in lib.errors)
    assert not list(cache_in.glob("library-*.pickle"))


def test_the_regex_cache_gives_the_same_patterns_and_learns_new_ones(tmp_path):
    """A later process finds the patterns an earlier one compiled already in re's cache (nothing
    compiled again), they match as freshly compiled ones do, and a new pattern is added at exit."""
    cache = tmp_path / "cache"
    script = (
        "import re, sys\n"
        "from msvitd.text import cache\n"
        "n = cache.preload_regexes()\n"
        "key = (str, r'(?P<n>\\d+) (?:patients|people)', re.IGNORECASE)\n"
        "had = key in re._cache\n"
        "rx = re.compile(key[1], re.IGNORECASE)\n"
        "m = rx.search('In all, 2316 PATIENTS took part')\n"
        "re.compile('a pattern of run ' + sys.argv[1])\n"
        "print(n > 0, had, m.group('n'), m.span(), rx.groupindex['n'])\n"
    )
    env = {**os.environ, "MSVITD_CACHE_DIR": str(cache)}
    env.pop("MSVITD_NO_CACHE", None)
    out = [subprocess.run([sys.executable, "-c", script, str(i)], capture_output=True, text=True, env=env,
                          timeout=120).stdout.split() for i in range(3)]
    assert out[0] == ["False", "False", "2316", "(8,", "21)", "1"]
    assert out[1] == out[2] == ["True", "True", "2316", "(8,", "21)", "1"]
    import pickle

    (stored,) = cache.glob("regex-*.pickle")
    patterns = {key[1] for key in pickle.loads(stored.read_bytes())["programs"]}
    assert {"a pattern of run 0", "a pattern of run 1", "a pattern of run 2"} <= patterns


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_help_and_version_leave_the_cache_folder_alone(tmp_path, flag):
    """They compile next to nothing: reading or writing the regex cache would only slow them down."""
    cache = tmp_path / "cache"
    code, out, err = _run(flag, cache=cache)
    assert code == 0 and out and err == ""
    assert not cache.exists()


_DATACLASS_PROBE = """
import dataclasses, inspect, sys
from msvitd.text.codecache import preload_dataclass_code
if sys.argv[1] == "hook":
    preload_dataclass_code("probe")
from msvitd.critique.result import CritiqueResult
from msvitd.text.detect_cues import Cues
for cls in (CritiqueResult, Cues):
    f = cls.__init__
    print(cls.__name__, inspect.signature(f), f.__annotations__, f.__qualname__, f.__code__.co_filename,
          [f.name for f in dataclasses.fields(cls)], getattr(cls.__hash__, "__qualname__", cls.__hash__), cls.__eq__.__qualname__)
"""


def test_the_dataclass_code_cache_makes_the_same_classes(tmp_path):
    # the methods @dataclass writes, compiled by an earlier run: the same signatures, annotations
    # (no `from __future__` flag leaks into them) and names as compiled now, cold and warm
    env = {k: v for k, v in os.environ.items() if not k.startswith("MSVITD_")}
    env["MSVITD_CACHE_DIR"] = str(tmp_path / "cache")

    def probe(mode: str) -> str:
        r = subprocess.run([sys.executable, "-c", _DATACLASS_PROBE, mode], capture_output=True, text=True,
                           timeout=120, env=env, cwd=ROOT)
        assert r.returncode == 0, r.stderr
        return r.stdout

    plain = probe("plain")
    assert "tuple[Diagnostic, ...]" in plain
    assert probe("hook") == plain  # cold: compiled here, stored at exit
    assert list((tmp_path / "cache").glob("dataclass-*-probe.marshal"))
    assert probe("hook") == plain  # warm: from the file
    (next((tmp_path / "cache").glob("dataclass-*-probe.marshal"))).write_bytes(b"not marshal")
    assert probe("hook") == plain  # a corrupt file: compiled again


def test_the_cached_library_reads_a_study_file_positions_when_asked(tmp_path, cache_in):
    # the library cache keeps each YAML document as bytes until used: the positions a diff and the
    # full format print are the same as from the files
    from msvitd.app.library_cache import load_library_cached
    from msvitd.library import default_paths, load_library

    fresh = load_library(default_paths())
    load_library_cached(default_paths())
    cached = load_library_cached(default_paths())
    for sid, entry in fresh.studies.items():
        again = cached.studies[sid]
        assert again.file == entry.file
        assert again.doc.values == entry.doc.values and again.doc.file == entry.doc.file
        assert again.model == entry.model


def test_a_study_intervention_matcher_from_the_cache_finds_the_same_words(cache_in):
    from msvitd.text import lexicon as lx

    words = ("cholecalciferol", "vitamin D3", "high-dose vitamin D")
    sentence = "Patients took cholecalciferol; high-dose vitamin D was compared with placebo."
    lexicon = lx.load_lexicon.__wrapped__((), "en")
    built = lexicon.with_intervention_terms(words).find(sentence)
    assert "cholecalciferol" in [h.text for h in built]
    again = lx.load_lexicon.__wrapped__((), "en")  # a new process's view: from the cache folder
    assert list(cache_in.glob("terms-*.pickle"))
    assert again.with_intervention_terms(words).find(sentence) == built
