"""Usage errors through the real entry point: one line on stderr, exit 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "msvitd", *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("args,line", [
    (("validate", "--bogus"), "msvitd validate: No such option: --bogus"),
    (("validate", "--format", "xml"), "msvitd validate: Invalid value for '--format' / '-f': 'xml' is not one of"),
    (("nosuch",), "msvitd: No such command 'nosuch'."),
    (("critique",), "msvitd critique: Missing argument 'ARTICLE...'."),
    (("summarize", "--width", "5"), "msvitd summarize: Invalid value for '--width'"),
])
def test_bad_usage_is_one_line_and_exit_2(args, line):
    r = run(*args)
    assert r.returncode == 2
    assert r.stdout == ""
    assert r.stderr.count("\n") == 1 and r.stderr.startswith(line), r.stderr
    assert "Traceback" not in r.stderr


def test_no_command_prints_the_help_and_exits_2():
    r = run()
    assert r.returncode == 2 and r.stdout.startswith("Usage: msvitd [OPTIONS] COMMAND")
    assert "validate" in r.stdout and "critique" in r.stdout


def test_version():
    r = run("--version")
    assert (r.returncode, r.stdout) == (0, "msvitd 0.1.0\n")
