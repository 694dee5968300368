"""msvitd's own conversion of command-line values (msvitd/commands/coercion.py) gives every command
exactly what typer's pydantic adapters give it: the same values of the same types, and for a bad
value the same error (its message is what the user reads, its class the exit code)."""

from __future__ import annotations

import pytest

from msvitd.commands import coercion

typer_main = pytest.importorskip("typer.main")

# Each command with values of every kind it takes: words, lists, choices, bounds, flags, and the
# unusual or wrong spellings that must fall through to typer ("+3", " 4", "007", "1.0", "2_0", "-1",
# an out-of-range number, a wrong-case or unknown choice).
ARGS = [
    ["critique", "a.txt"],
    ["critique", "a.txt", "b.md", "-", "--source", "d-lay-ms", "--format", "json", "--fail-on", "warning"],
    ["critique", "a.txt", "-f", "jsonl", "--select", "C2,hype", "--select", "C101", "--ignore", "C3",
     "--lexicon", "x.yaml", "--evidence", "ev", "-e", "ev2", "--jobs", "0", "--config", "p.toml", "--color",
     "--lang", "fr"],
    ["critique", "a.txt", "--no-color", "-j", "256"],
    ["critique", "a.txt", "--jobs", "257"],
    ["critique", "a.txt", "--jobs", "-1"],
    ["critique", "a.txt", "--jobs", "+3"],
    ["critique", "a.txt", "--jobs", " 4"],
    ["critique", "a.txt", "--jobs", "007"],
    ["critique", "a.txt", "--jobs", "1.0"],
    ["critique", "a.txt", "--jobs", "2_0"],
    ["critique", "a.txt", "--jobs", "two"],
    ["critique", "a.txt", "--format", "JSON"],
    ["critique", "a.txt", "--format", "xml"],
    ["critique", "a.txt", "--fail-on", "Error"],
    ["critique", "a.txt", "--source", ""],
    ["critique", "caf\u00e9.txt", "--lang", "\udcff"],
    ["critique"],
    ["strength", "-"],
    ["strength", "f.txt", "--format", "json", "--lang", "de", "--convention", "msvitd", "--rules", "--lexicon", "l.yaml"],
    ["strength", "--convention", "nope"],
    ["summarize"],
    ["summarize", "d-lay-ms", "--width", "60", "--full", "--format", "markdown", "-e", "ev"],
    ["summarize", "--width", "59"],
    ["summarize", "--width", "400"],
    ["summarize", "--width", "401"],
    ["validate", "evidence", "--strict", "--jobs", "2", "--format", "json"],
    ["validate", "--format", "xml"],
    ["schema", "study", "--output", "o.json", "--force"],
    ["schema"],
    ["new", "study", "my-trial", "--about", "x", "--output", "f.yaml"],
    ["new", "Study", "x"],
    ["rules", "C101", "--format", "json"],
    ["diff", "art", "--study", "s", "--format", "json", "--no-color"],
    ["extract", "art", "--source", "s", "--output", "o.yaml", "--force", "-e", "a", "-e", "b"],
    ["report", "t", "--output", "o.html", "--format", "html", "--paper", "letter", "--lang", "es"],
    ["report", "t", "--paper", "A5"],
]


def _command(fast: bool):
    """msvitd's click command with every command's body replaced by a recorder of what it receives."""
    from msvitd.cli import app

    cmd = typer_main.get_command(app)
    if fast:
        assert coercion.install(cmd) > 40  # every parameter of every command is a plain kind
    seen: list = []
    for sub in cmd.commands.values():
        sub.callback = lambda **kw: seen.append(kw)
    return cmd, seen


def _outcome(fast: bool, args: list[str]):
    cmd, seen = _command(fast)
    try:
        cmd(list(args), standalone_mode=False, prog_name="msvitd")
    except Exception as exc:  # click's usage errors: class and message are what the user gets
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        return ("error", type(exc).__name__, message, getattr(exc, "exit_code", None))
    assert len(seen) == 1
    return ("ok", {k: (type(v).__name__, v, [type(i).__name__ for i in v] if isinstance(v, (list, tuple)) else None)
                   for k, v in seen[0].items()})


@pytest.mark.parametrize("args", ARGS, ids=lambda a: " ".join(a)[:60])
def test_the_fast_converters_give_what_typer_gives(args):
    assert coercion.supported(), "the typer installed changed: msvitd/commands/coercion.py no longer applies"
    assert _outcome(True, args) == _outcome(False, args)


def test_an_ordinary_run_builds_no_typer_adapter():
    cmd, seen = _command(True)
    cmd(["critique", "a.txt", "--format", "json", "--jobs", "2", "--select", "C2"], standalone_mode=False,
        prog_name="msvitd")
    converters = [type(p._runtime_param).__name__ for sub in cmd.commands.values() for p in sub.params]
    assert seen and set(converters) == {"FastValue"}


def test_a_value_it_does_not_answer_is_typer_s_to_convert():
    cmd, _ = _command(True)
    cmd(["critique", "a.txt", "--jobs", "+3"], standalone_mode=False, prog_name="msvitd")
    jobs = next(p for p in cmd.commands["critique"].params if p.name == "jobs")
    assert type(jobs._runtime_param).__name__ != "FastValue"  # typer's own, built for this value


def test_without_the_interface_nothing_is_installed(monkeypatch):
    monkeypatch.setattr(coercion, "supported", lambda: False)
    cmd, _ = _command(False)
    assert coercion.install(cmd) == 0
    assert all(getattr(p, "_runtime_param", None) is None for sub in cmd.commands.values() for p in sub.params)
