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
from msvitd.commands.helpformat import PlainHelpCommand

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
    app.command(name=_module.NAME, help=_module.command.__doc__, cls=PlainHelpCommand)(_one_line_usage_errors(_module.NAME, _module.command))


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

# A one-article run allocates a few hundred thousand objects that live until the end (modules, the
# library, tables); with Python's default threshold (700) the collector walks them ~130 times, 15% of
# the run.  Every 100,000 allocations instead: a long batch still collects its cycles, a short run
# hardly ever stops for it.
_GC_THRESHOLD = 100_000


def click_command():
    """The click command typer builds from ``app``, its plain parameters converted without typer's
    pydantic adapters (msvitd/commands/coercion.py)."""
    import typer.main

    from msvitd.commands.coercion import install

    cmd = typer.main.get_command(app)
    install(cmd)
    return cmd


def run(argv=None) -> int:
    """``msvitd ARGS``: the exit code (usage errors as one line on stderr, never a traceback)."""
    given = sys.argv[1:] if argv is None else list(argv)
    if not _ASKS_HELP.intersection(given) and given:
        from msvitd.text.cache import preload_regexes
        from msvitd.text.codecache import preload_dataclass_code

        # the patterns earlier runs of this command compiled, ready in re's cache, and the methods
        # @dataclass writes, compiled by an earlier run (msvitd/text/cache.py, codecache.py)
        group = next((a for a in given if not a.startswith("-")), "")
        preload_regexes(group)
        preload_dataclass_code(group)
    errors = _click_exceptions()
    try:
        code = click_command()(argv, standalone_mode=False, prog_name="msvitd")
    except errors.NoArgsIsHelpError as exc:  # `msvitd` alone: the help, and 2 as for any usage error
        print(exc.ctx.get_help())
        return 2
    except errors.UsageError as exc:
        # One line instead of click's four: "msvitd validate: No such option: --bogus (see ... --help)".
        where = exc.ctx.command_path if exc.ctx else "msvitd"
        message = exc.format_message().replace("Value error, ", "")
        print(f"{where}: {message} (see `{where} --help`)", file=sys.stderr)
        return 2
    except getattr(errors, "Abort", _Never):
        print("msvitd: interrupted", file=sys.stderr)
        return 130
    except errors.ClickException as exc:
        print(f"msvitd: {exc.format_message()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("msvitd: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the promise: never a traceback, one line and exit 2
        print(f"msvitd: internal error: {type(exc).__name__}: {exc} (please report this)", file=sys.stderr)
        return 2
    return code if isinstance(code, int) else 0


def main() -> None:
    """The process's entry point (the ``msvitd`` script, ``python -m msvitd``): run, then end the
    process at once (see ``_end``)."""
    import gc

    gc.set_threshold(_GC_THRESHOLD, *gc.get_threshold()[1:])
    _end(run())


def _end(code: int) -> None:
    """Flush, run the exit handlers (the regex cache is written there), and leave with ``os._exit``:
    the interpreter's own teardown (freeing every module and object one by one, and a last garbage
    collection) is 10-20% of a one-article run, and nothing msvitd writes waits on it.  Under a
    profiler, tracer or debugger the ordinary exit runs, so that they can write their results."""
    import os

    if sys.getprofile() is not None or sys.gettrace() is not None or not hasattr(os, "_exit"):
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # a reader that stopped early (`| head`): as a broken pipe in run()
            code = 0 if stream is sys.stdout else code
        except (OSError, ValueError, AttributeError):
            pass
    import atexit

    run_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_handlers is None:  # another Python: its ordinary exit runs them
        sys.exit(code)
    run_handlers()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        pass
    os._exit(code)


if __name__ == "__main__":
    main()
