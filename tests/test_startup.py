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


def test_a_critique_with_a_warm_cache_loads_neither_yaml_nor_typer_s_adapters(tmp_path):
    """One article against a library read before: no YAML is parsed, so PyYAML stays unloaded; and
    msvitd converts its own options (msvitd/commands/coercion.py), so typer's pydantic adapters do too."""
    import os

    env = {**os.environ, "MSVITD_CACHE_DIR": str(tmp_path)}
    env.pop("MSVITD_NO_CACHE", None)
    args = ["-m", "msvitd", "critique", "evidence/articles/seed-vitamin-d-ms-forum.txt", "--source", "d-lay-ms",
            "--format", "json", "--fail-on", "never"]
    root = __import__("pathlib").Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, *args], capture_output=True, timeout=120, env=env, cwd=root)  # fills the cache
    r = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True, timeout=120,
                       env=env, cwd=root)
    modules = {line.rsplit("|", 1)[1].strip() for line in r.stderr.splitlines() if line.count("|") == 2}
    assert r.returncode == 0 and "msvitd.critique.engine" in modules, r.stderr[-2000:]
    assert not {"yaml", "typer._adapters"} & modules


def test_strength_on_one_line_loads_no_pydantic(tmp_path):
    """A warm `msvitd strength -` needs neither the evidence models, YAML nor rich."""
    import os

    env = {**os.environ, "MSVITD_CACHE_DIR": str(tmp_path)}
    env.pop("MSVITD_NO_CACHE", None)
    for flag in ([], ["-X", "importtime"]):  # the first run fills the cache
        r = subprocess.run([sys.executable, *flag, "-m", "msvitd", "strength", "-"], capture_output=True, text=True,
                           timeout=60, input="Vitamin D may slow MS.\n", env=env)
    modules = {line.rsplit("|", 1)[1].strip().split(".")[0] for line in r.stderr.splitlines() if line.count("|") == 2}
    assert r.returncode == 0 and "msvitd" in modules
    assert not {"pydantic", "yaml", "rich"} & modules, sorted({"pydantic", "yaml", "rich"} & modules)
