"""Command-line values into Python values without building a pydantic TypeAdapter per parameter.

typer (0.2x) converts each parameter's value with a pydantic TypeAdapter that it builds, lazily,
for every parameter of the command that runs, set or not: about 0.1 s of CPU plus the import of
pydantic before any msvitd code runs (issue 17).  msvitd's parameters are all of five plain kinds
(a str, a list of str, an Enum of choices, an int between bounds, a flag), and for the values a
user types for them the adapter's answer is known: the same str, a list of the same strs, the
member whose value is the word typed, the int the digits spell, None when unset.  ``install``
gives each such parameter a converter that answers exactly those cases and hands every other value
(anything unusual, and so every error) to typer's own adapter, built at that moment: help texts,
error messages and exit codes stay typer's.

The converter sits in the slot where typer keeps a parameter's converter once built
(``_runtime_param``, private).  ``install`` checks that the typer installed has that slot and the
converter interface it calls (``coerce(value, param, ctx)``); when it does not, nothing is installed
and typer runs as it is, only slower.  tests/cli/test_coercion.py runs every command's options
through both and compares what the command receives.
"""

from __future__ import annotations

import re
from enum import Enum

_NO = object()  # "not a case answered here": typer's adapter decides
_DIGITS = re.compile(r"0|[1-9][0-9]{0,17}")  # what pydantic reads as that int (ASCII, no sign, no "_")


def supported() -> bool:
    """Whether the typer installed keeps converters the way ``install`` expects."""
    try:
        import inspect

        from typer import _coercion, core
    except ImportError:
        return False
    cls = getattr(core, "_TyperParameter", None)
    runtime = getattr(_coercion, "RuntimeParam", None)
    if cls is None or runtime is None or not callable(getattr(cls, "get_runtime_param", None)):
        return False
    try:
        names = list(inspect.signature(runtime.coerce).parameters)
    except (TypeError, ValueError):
        return False
    return names == ["self", "value", "param", "ctx"]


def _kind(descriptor) -> tuple | None:
    """What a parameter holds, when it is one of the plain kinds; None leaves it to typer."""
    from typing import get_args, get_origin

    info = descriptor.parameter_info
    if getattr(descriptor, "file_annotation", None) is not None or getattr(info, "parser", None) is not None:
        return None
    ann = descriptor.annotation
    if ann is str:
        return ("str",)
    if ann is bool:
        return ("bool",)
    if get_origin(ann) is list and get_args(ann) == (str,):
        return ("strs",)
    if isinstance(ann, type) and issubclass(ann, Enum):
        return ("enum", tuple(ann), bool(getattr(info, "case_sensitive", True)))
    if ann is int and not getattr(info, "clamp", False):
        return ("int", getattr(info, "min", None), getattr(info, "max", None))
    return None


class FastValue:
    """A parameter's converter: the plain cases here, the rest by typer's own (built on first need)."""

    def __init__(self, param, kind: tuple):
        self.param = param
        self.kind = kind

    def coerce(self, value, param, ctx):
        multi = param.multiple or param.nargs == -1
        if value is None:  # an option not given: what typer's converter answers before any adapter
            return () if multi else None
        out = self.quick(value, multi, ctx)
        return out if out is not _NO else self.typer_converter().coerce(value, param=param, ctx=ctx)

    def quick(self, value, multi: bool, ctx):
        kind = self.kind[0]
        if kind == "str":
            return value if not multi and type(value) is str else _NO
        if kind == "strs":
            if multi and type(value) in (tuple, list) and all(type(v) is str for v in value):
                return list(value)
            return _NO
        if kind == "enum" and not multi:
            choices, case_sensitive = self.kind[1], self.kind[2]
            if any(value is c for c in choices):
                return value
            if type(value) is str and case_sensitive and getattr(ctx, "token_normalize_func", None) is None:
                for choice in choices:
                    if str(choice.value) == value:
                        return choice
            return _NO
        if kind == "int" and not multi:
            if type(value) is str and _DIGITS.fullmatch(value):
                value = int(value)
            elif type(value) is not int:
                return _NO
            low, high = self.kind[1], self.kind[2]
            return value if (low is None or value >= low) and (high is None or value <= high) else _NO
        return _NO

    def typer_converter(self):
        """typer's converter for this parameter, built the way typer builds it (and kept there)."""
        param = self.param
        param._runtime_param = None
        return type(param).get_runtime_param(param)

    def __getattr__(self, name):  # anything else typer asks of a converter: its own
        if name.startswith("__") or "param" not in self.__dict__:
            raise AttributeError(name)
        return getattr(self.typer_converter(), name)


def _commands(command):
    yield command
    for sub in (getattr(command, "commands", None) or {}).values():
        yield from _commands(sub)


def _give(param) -> bool:
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or getattr(param, "_runtime_param", _NO) is not None:
        return False
    kind = _kind(descriptor)
    if kind is None:
        return False
    param._runtime_param = FastValue(param, kind)
    return True


def _on_help_option(command) -> None:
    """The --help option is made when a command first parses (it needs the context): give it one too."""
    made = getattr(command, "get_help_option", None)
    if made is None:
        return

    def get_help_option(ctx):
        option = made(ctx)
        if option is not None:
            _give(option)
        return option

    command.get_help_option = get_help_option


def install(command) -> int:
    """Give every plain parameter of ``command`` (and its subcommands) a FastValue; returns how many."""
    if not supported():
        return 0
    n = 0
    for cmd in _commands(command):
        n += sum(_give(param) for param in cmd.params)
        _on_help_option(cmd)
    return n
