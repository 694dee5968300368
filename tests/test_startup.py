"""`msvitd --help` and `--version` stay fast: importing the CLI loads none of pydantic, rich or yaml
(each command imports what it needs inside its body). Speed itself is measured in bench/startup_bench.py."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pydantic", "pydantic_core", "rich", "yaml")


def _imported(*args: str) -> set[str]:
    """Top-level packages a real `python -X importtime ...` run imported (read from its import log)."""
    r = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True, timeout=60)
    names = set()
    for line in r.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    assert "msvitd" in names or args[-1] == "pass", r.stderr[-2000:]
    return names


def test_import_cli_loads_no_heavy_module():
    code = ("import sys, msvitd.cli; "
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (r.returncode, r.stdout.strip()) == (0, "")


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_load_no_heavy_module(flag):
    assert _imported("-m", "msvitd", flag) & set(HEAVY) == set()


def test_version_and_help_output():
    from msvitd import __version__

    r = subprocess.run([sys.executable, "-m", "msvitd", "--version"], capture_output=True, text=True, timeout=60)
    assert (r.returncode, r.stdout, r.stderr) == (0, f"msvitd {__version__}\n", "")
    r = subprocess.run([sys.executable, "-m", "msvitd", "--help"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "msvitd [OPTIONS] COMMAND [ARGS]..." in r.stdout.splitlines()[0]
    for command in ("validate", "schema", "new"):
        assert f"\n  {command} " in r.stdout
    assert "--install-completion" in r.stdout  # typer's shell completion is on offer
