"""The real entry point ends the process without the interpreter's teardown (msvitd/cli.py ``_end``):
what it printed arrives whole, its exit code is kept, the exit handlers still run (the regex cache
is written by one), and under a profiler the ordinary exit lets the profiler write its file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "evidence/articles/seed-vitamin-d-ms-forum.txt"


def _run(*args: str, cache: Path, prefix=("-m", "msvitd")) -> subprocess.CompletedProcess:
    env = {**os.environ, "MSVITD_CACHE_DIR": str(cache)}
    env.pop("MSVITD_NO_CACHE", None)
    return subprocess.run([sys.executable, *prefix, *args], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, env=env)


def test_a_large_output_arrives_whole_through_a_pipe(tmp_path):
    r = _run("schema", cache=tmp_path)  # ~90 KB: more than a pipe holds at once
    assert r.returncode == 0, r.stderr
    assert len(r.stdout) > 65536 and json.loads(r.stdout)


def test_the_exit_code_and_the_output_of_a_critique_are_kept_and_the_exit_handlers_run(tmp_path):
    r = _run("critique", str(SEED), "--source", "d-lay-ms", "--format", "json", "--fail-on", "info", cache=tmp_path)
    assert r.returncode == 1, r.stderr  # a finding at or above --fail-on
    assert json.loads(r.stdout)["findings"]
    # the regex cache (msvitd/text/cache.py) is written by an exit handler
    assert list(tmp_path.glob("regex-*.pickle"))


def test_a_usage_error_is_one_line_and_exit_2(tmp_path):
    r = _run("critique", str(SEED), "--jobs", "lots", cache=tmp_path)
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("msvitd critique: Invalid value for '--jobs'")


def test_under_a_profiler_the_ordinary_exit_lets_it_write_its_results(tmp_path):
    out = tmp_path / "run.prof"
    r = _run("--version", cache=tmp_path, prefix=("-m", "cProfile", "-o", str(out), "-m", "msvitd"))
    assert (r.returncode, r.stdout) == (0, "msvitd 0.1.0\n")
    assert out.stat().st_size > 0
