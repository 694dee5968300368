"""Usage errors through the real entry point: one line on stderr, exit 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest


def run(*args: str, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "msvitd", *args], capture_output=True, text=True, timeout=60,
                          stdin=stdin)


@pytest.mark.parametrize("args,line", [
    (("validate", "--bogus"), "msvitd validate: No such option: --bogus"),
    (("validate", "--format", "xml"), "msvitd validate: Invalid value for '--format' / '-f': 'xml' is not one of"),
    (("nosuch",), "msvitd: No such command 'nosuch'."),
    (("critique",), "msvitd critique: Missing argument 'ARTICLE'."),
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


@pytest.mark.parametrize("command", ["critique", "diff"])
def test_an_article_redirected_without_dash_is_told_to_give_dash(command, tmp_path):
    """`msvitd critique < article.txt`: the one error line says standard input is read as `-`."""
    article = tmp_path / "a.txt"
    article.write_text("Vitamin D cut disease activity in the D-Lay MS trial.\n", encoding="utf-8")
    with article.open() as fh:
        r = run(command, stdin=fh)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1
    assert f"Missing argument 'ARTICLE'. Standard input is read only when named `-`: msvitd {command} - < FILE" \
        in r.stderr, r.stderr
    piped = subprocess.run(f"echo 'Vitamin D.' | {sys.executable} -m msvitd {command}", shell=True,
                           capture_output=True, text=True, timeout=60)
    assert piped.returncode == 2 and "named `-`" in piped.stderr
    forgot = run(command)  # standard input is /dev/null here: the argument was only forgotten
    assert forgot.stderr.startswith(f"msvitd {command}: Missing argument 'ARTICLE'. (see"), forgot.stderr
    assert "named `-`" not in forgot.stderr


# -- --help reads like ruff's or git's -------------------------------------------------------

COMMANDS = ["validate", "schema", "summarize", "critique", "strength", "rules", "diff", "extract", "new", "report"]


def _help(cli, *args, width=80):
    r = cli(*args, "--help", env={"COLUMNS": str(width)})
    assert r.exit_code == 0, r.output
    return r.stdout


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_plain_metavars_and_no_python_types(cli, command, width):
    text = _help(cli, command, width=width)
    for rough in ("<", ">", "{", "}", "list[", "str]", "int range", "<=x", "x>="):
        assert rough not in text, f"{command} --help shows {rough!r}:\n{text}"
    assert max(len(line) for line in text.splitlines()) <= width
    usage = text.splitlines()[0]
    assert usage.startswith(f"Usage: msvitd {command} [OPTIONS]")
    assert all(piece.strip("[].").isupper() for piece in usage.split()[4:]), usage


@pytest.mark.parametrize("command", COMMANDS)
def test_help_lists_each_choice_once_in_words(cli, command):
    """An option with choices shows a plain metavar (FORMAT), and its help names every choice."""
    import enum

    from typer.main import get_command

    from msvitd.cli import app

    text = " ".join(_help(cli, command).split())
    cmd = get_command(app).commands[command]
    for param in cmd.params:
        ann = getattr(getattr(param, "type_descriptor", None), "annotation", None)
        if not (isinstance(ann, type) and issubclass(ann, enum.Enum)):
            continue
        assert param.metavar and param.metavar.isupper(), param.name
        words = " ".join((param.help or "").split())
        assert words in text
        for choice in ann:
            assert choice.value in words, f"{command} {param.name}: {choice.value!r} not in {words!r}"


def test_command_summaries_are_whole_phrases(cli):
    text = _help(cli)
    listing = text.split("Commands:", 1)[1]
    assert "..." not in listing
    assert "  critique   Critique news coverage against the trial behind it\n" in listing
    assert "  report     Write one HTML or Markdown page to share\n" in listing


def test_critique_help_usage_and_jobs_line(cli):
    text = _help(cli, "critique")
    assert text.splitlines()[0] == "Usage: msvitd critique [OPTIONS] ARTICLE..."
    assert "\n  ARTICLE...  Articles:" in text
    assert "  -j, --jobs N " in text and "[default: 1]" in text
    assert "  -f, --format FORMAT " in text


# -- --source that the text plainly contradicts ------------------------------------------------

DLAY_TEXT = ("Vitamin D every two weeks cut disease activity in the D-Lay MS trial, published in JAMA.\n"
             "The French trial gave 100,000 IU of cholecalciferol or placebo to 316 people with a clinically "
             "isolated syndrome for two years; 60.3% on vitamin D and 74.1% on placebo had disease activity.\n")


def test_source_contradicted_by_the_text_warns_on_stderr_only(tmp_path):
    """`--source prevanz` on an article plainly about D-Lay MS: one warning line on stderr; stdout and
    the exit code are what the findings against PrevANZ give (the user's choice is kept)."""
    article = tmp_path / "dlay.txt"
    article.write_text(DLAY_TEXT, encoding="utf-8")
    r = run("critique", str(article), "--source", "prevanz", "--format", "json", "--fail-on", "never")
    assert r.returncode == 0
    lines = r.stderr.splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(f"msvitd critique: warning: {article}: --source prevanz, but the text reads as "
                               "about d-lay-ms (")
    assert lines[0].endswith("the findings measure it against prevanz")
    import json

    assert "prevanz" in json.dumps(json.loads(r.stdout)["source"])  # checked against the study named
    same = run("critique", str(article), "--source", "d-lay-ms", "--format", "json", "--fail-on", "never")
    assert (same.returncode, same.stderr) == (0, "")


@pytest.mark.parametrize("width", [80, 140])
def test_rules_table_fits_a_terminal(width):
    """`msvitd rules` on a terminal wraps each summary under its column (or under the code on a narrow
    one): its lines were 160 columns wide and folded anywhere (newcomer minor 23); piped, one line a code."""
    from msvitd.commands.rules import table_text

    rows = [{"code": "C101", "name": "hype-wording", "category": "hype", "severity": "warning",
             "summary": "Sensational or superlative wording about the research, said at length so that it cannot "
                        "fit on one line of any ordinary terminal at all."},
            {"code": "S206", "name": "dangling-reference-to-something", "category": "validate-and-more",
             "severity": "error", "summary": "A reference to nothing."}]
    text = table_text(rows, width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert " ".join(text.split()).count("fit on one line of any ordinary terminal at all.") == 1
    piped = table_text(rows)
    assert len(piped.splitlines()) == 2
