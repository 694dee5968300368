"""README promises that CI proves: the set-up commands, the command list, the exit codes."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _setup_commands() -> list[str]:
    section = README.split("## Set-up on a fresh machine", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.S)]


def test_exactly_two_setup_commands_install_then_run():
    first, second = _setup_commands()
    assert first == "python3 -m pip install . && msvitd summarize"
    assert second.startswith("python3 -m pip install '.[test]'") and "pytest" in second


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = _setup_commands()[1]
    assert test_command in ci.splitlines()


def test_every_command_is_documented():
    from msvitd.cli import app

    names = {c.name for c in app.registered_commands}
    documented = set(re.findall(r"^\| `msvitd (\w+)", README, re.M))
    assert names <= documented, f"commands missing from README: {sorted(names - documented)}"
