"""The command line: parse options, call an engine, hand the result to a renderer.

Only typer and the command signatures are imported here; every command imports what it needs
inside its body, so `msvitd --help` and `--version` stay fast.
"""

from __future__ import annotations

import sys

import typer

from msvitd import __version__
from msvitd.commands import critique, diff, extract, new, report, rules, schema, strength, summarize, validate

app = typer.Typer(
    name="msvitd",
    help="Check health-news claims against the trial behind them: graded summaries, critique, diff.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"msvitd {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """msvitd: evidence summaries that make the gap between news and trial checkable."""


for _module in (validate, schema, summarize, critique, strength, rules, diff, extract, new, report):
    app.command(name=_module.NAME, help=_module.command.__doc__)(_module.command)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        print("msvitd: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # the promise: never a traceback, one line and exit 2
        print(f"msvitd: internal error: {type(exc).__name__}: {exc} (please report this)", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
