"""Shared test set-up: a plain terminal, a CLI runner, a fixed hypothesis profile.

Keep this file small: fixtures used by one test module belong in that module.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"

# What a user's CI sees: no colour, a fixed width, no terminal.
os.environ["NO_COLOR"] = "1"
os.environ["COLUMNS"] = "100"
os.environ.pop("FORCE_COLOR", None)
# msvitd's caches (msvitd/text/cache.py) in a folder of this session's, never the user's.
os.environ["MSVITD_CACHE_DIR"] = tempfile.mkdtemp(prefix="msvitd-test-cache-")

# Property tests are reproducible in CI: the same examples on every run, a bounded number of them.
# HYPOTHESIS_PROFILE=dev explores more (and randomly) on a developer's machine.
settings.register_profile("ci", derandomize=True, max_examples=100, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def cli():
    """Run `msvitd ARGS...` in-process; returns click's Result (exit_code, stdout, stderr)."""
    from typer.testing import CliRunner

    from msvitd.cli import app

    runner = CliRunner()

    def invoke(*args: str, env: dict | None = None):
        return runner.invoke(app, [str(a) for a in args], env={"NO_COLOR": "1", "COLUMNS": "100", **(env or {})})

    return invoke


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    """An empty cache folder of the test's own (two start-up cache modules use it)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("MSVITD_CACHE_DIR", str(folder))
    monkeypatch.delenv("MSVITD_NO_CACHE", raising=False)
    return folder
