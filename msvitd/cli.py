"""The command line: parse options, call an engine, hand the result to a renderer.

Only typer and the command signatures are imported here; every command imports what it needs
inside its body, so `msvitd --help` and `--version` stay fast.
"""

from __future__ import annotations

import functools
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


def _one_line_usage_errors(name: str, command):
    """Every command's usage errors (msvitd.errors.UsageError and its family) end here: one line
    ``msvitd NAME: message`` on stderr and exit 2, written once instead of once per command."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        from msvitd.errors import UsageError

        try:
            return command(*args, **kwargs)
        except UsageError as exc:
            typer.echo(f"msvitd {name}: {exc}", err=True)
            raise typer.Exit(2) from None

    return run


for _module in (validate, schema, summarize, critique, strength, rules, diff, extract, new, report):
    app.command(name=_module.NAME, help=_module.command.__doc__)(_one_line_usage_errors(_module.NAME, _module.command))


def _click_exceptions():
    # typer 0.29 vendors click as typer._click; older typer uses click itself.
    try:
        from typer._click import exceptions  # type: ignore[import-not-found]
    except ImportError:
        from click import exceptions
    return exceptions


class _Never(Exception):
    pass


# --help and --version compile next to nothing: reading the regex cache would only slow them down
_ASKS_HELP = {"--help", "-h", "--version"}


def main() -> None:
    if not _ASKS_HELP.intersection(sys.argv[1:]) and len(sys.argv) > 1:
        from msvitd.text.cache import preload_regexes

        preload_regexes()  # the patterns earlier runs compiled, ready in re's cache (msvitd/text/cache.py)
    errors = _click_exceptions()
    try:
        code = app(standalone_mode=False, prog_name="msvitd")
    except errors.NoArgsIsHelpError as exc:  # `msvitd` alone: the help, and 2 as for any usage error
        print(exc.ctx.get_help())
        sys.exit(2)
    except errors.UsageError as exc:
        # One line instead of click's four: "msvitd validate: No such option: --bogus (see ... --help)".
        where = exc.ctx.command_path if exc.ctx else "msvitd"
        message = exc.format_message().replace("Value error, ", "")
        print(f"{where}: {message} (see `{where} --help`)", file=sys.stderr)
        sys.exit(2)
    except getattr(errors, "Abort", _Never):
        print("msvitd: interrupted", file=sys.stderr)
        sys.exit(130)
    except errors.ClickException as exc:
        print(f"msvitd: {exc.format_message()}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("msvitd: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # the promise: never a traceback, one line and exit 2
        print(f"msvitd: internal error: {type(exc).__name__}: {exc} (please report this)", file=sys.stderr)
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
