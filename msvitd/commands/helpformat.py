"""`--help` as ruff and git print it: plain metavars (FILE, ID, N, FORMAT), choices listed once.

typer (0.2x) writes a parameter's Python type beside its name (``ARTICLE... <list[str]>``,
``--jobs <int range>``, ``-f <concise|text|...>`` before a help text that lists the same choices),
puts braces around required arguments in the usage line (``{ARTICLE}``), adds click's range
(``[0<=x<=256]``) and cuts each command's summary at 45 characters with "...".  Every msvitd
command is built with `PlainHelpCommand` instead: the name column shows only the option and its
metavar, the usage line only the metavar, the summary is the docstring's first phrase, and the help
texts in msvitd/commands/*.py say the choices and ranges in words (tests/test_cli_usage.py checks
every command's help for each of these).  Only typer's core is imported here: `--help` stays fast.
"""

from __future__ import annotations

import re
import sys

from typer.core import TyperCommand

_EXTRA = re.compile(r"\s*\[([^\[\]]*)\]$")  # typer's "  [default: 1; 0<=x<=256; required]" at the end


def metavar(param) -> str:
    """The plain word a value is shown as: the one the command gave (FILE, FORMAT, N), else the name."""
    word = getattr(param, "metavar", None) or (param.name or "value").upper()
    return word.rstrip(".")


def argument_name(param) -> str:
    return metavar(param) + ("..." if param.nargs != 1 else "")


def _usage_piece(param) -> str:
    name = argument_name(param)
    if param.required:
        return name
    return f"[{metavar(param)}]" + ("..." if param.nargs != 1 else "")


def _help(param, ctx) -> str:
    """typer's own help and extras (the default shown as typer shows it), without the range click
    adds (the help text says it in words) and without "required" for an argument (the usage says it)."""
    record = param.get_help_record(ctx)
    text = record[1] if record else (param.help or "")
    m = _EXTRA.search(text)
    if not m:
        return text
    drop = {"required"} if param.param_type_name == "argument" else set()
    ranged = getattr(param, "_get_number_range_help_str", None)
    if callable(ranged) and ranged():
        drop.add(ranged())
    kept = [e for e in m.group(1).split("; ") if e not in drop]
    body = text[:m.start()]
    return f"{body}  [{'; '.join(kept)}]" if kept else body


def _name(param) -> str:
    if param.param_type_name == "argument":
        return argument_name(param)
    from typer.core import _click

    takes_value = not (getattr(param, "is_flag", False) or getattr(param, "count", False))
    names = []
    for opts in (param.opts, param.secondary_opts):
        if opts:
            joined = _click.formatting.join_options(opts)[0]
            names.append(f"{joined} {metavar(param)}" if takes_value else joined)
    return " / ".join(names)


def summary(help_text: str | None) -> str:
    """A command's one-line summary for `msvitd --help`: its docstring's first phrase (up to the first
    colon or full stop), without a parenthesis."""
    first = (help_text or "").strip().split("\n\n")[0]
    first = " ".join(first.split())
    phrase = re.split(r"(?<=[a-z)]):\s|\.\s|\.$", first)[0]
    return re.sub(r"\s*\([^)]*\)", "", phrase).strip()


class PlainHelpCommand(TyperCommand):
    """A typer command whose --help reads like ruff's (see the module docstring), and whose missing
    article argument, when standard input is not a terminal, says to give `-` for it."""

    def get_short_help_str(self, limit: int = 45) -> str:
        return summary(self.short_help or self.help)

    def collect_usage_pieces(self, ctx) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(_usage_piece(param))
        return pieces

    def format_options(self, ctx, formatter) -> None:
        sections: dict[str, list] = {"Arguments": [], "Options": []}
        for param in self.get_params(ctx):
            if getattr(param, "hidden", False):
                continue
            where = "Arguments" if param.param_type_name == "argument" else "Options"
            sections[where].append((_name(param), _help(param, ctx)))
        for title, rows in sections.items():
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, args)
        except Exception as exc:
            _hint_stdin(exc)
            raise


def _hint_stdin(exc) -> None:
    """`msvitd critique < article.txt`: the argument is missing because standard input is read only
    as `-`; say so in the one error line (ruff and flake8 ask for `-` too)."""
    param = getattr(exc, "param", None)
    if type(exc).__name__ != "MissingParameter" or getattr(param, "param_type_name", "") != "argument":
        return
    if "- for standard input" not in (param.help or ""):
        return
    import os
    import stat

    try:  # a file or a pipe behind standard input (a terminal or /dev/null: the argument was just forgotten)
        mode = os.fstat(sys.stdin.fileno()).st_mode
        piped = stat.S_ISREG(mode) or stat.S_ISFIFO(mode)
    except (AttributeError, ValueError, OSError):
        piped = False
    if piped:
        where = exc.ctx.command_path if exc.ctx else "msvitd"
        exc.message = f"Standard input is read only when named `-`: {where} - < FILE"
