"""Odd inputs a user can give any command: a pipe (FIFO) with no writer, a symbolic-link loop. Each is
one line on stderr and exit 2, never a hang or a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


def _run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "msvitd", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("command", ["critique", "diff"])
def test_a_fifo_article_is_refused_not_waited_for(tmp_path, command):
    os.mkfifo(tmp_path / "news.txt")
    r = _run(command, "news.txt", "--source", "d-lay-ms", "-e", str(ROOT / "evidence"), cwd=tmp_path)
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == f"msvitd {command}: news.txt: is not a regular file (a pipe, socket or device)\n"


def test_a_symlink_loop_is_named(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    r = _run("critique", "a.txt", "--source", "d-lay-ms", "-e", str(ROOT / "evidence"), cwd=tmp_path)
    assert (r.returncode, r.stderr) == (2, "msvitd critique: a.txt: a symbolic link to nothing (broken, or a loop)\n")


def test_a_fifo_in_the_evidence_is_reported_not_waited_for(tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")
    r = _run("summarize", "-e", "pipe.yaml", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr == ("msvitd summarize: no valid evidence found: 1 error in pipe.yaml; that file is left out "
                        "(run `msvitd validate`)\n")
    v = _run("validate", "pipe.yaml", cwd=tmp_path)
    assert (v.returncode, v.stdout.splitlines()[0]) == (
        1, "pipe.yaml:1:1: Y011 [error] is not a regular file (a pipe, socket or device)")
