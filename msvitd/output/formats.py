"""The one table of output formats: for each command, format name -> renderer.

Renderers are named by reference ("module:function") and imported only when chosen, so this
module (read by the command signatures for their --format choices) stays standard-library only.
Every renderer takes the command's result first and any of the keywords ``color``, ``width``,
``files`` (validate) it declares; `render` passes only those it accepts. Adding a format is a
line here and a function in its module. Machine formats (json, jsonl, github, csv) are stable;
human ones (concise, full, text, markdown) may change between versions.
"""

from __future__ import annotations

import enum
import importlib
import inspect
from typing import Callable

_D = "msvitd.output.diagnostics"
_C = "msvitd.output.critique"

TABLE: dict[str, dict[str, str]] = {
    "validate": {
        "text": f"{_D}:render_text", "concise": f"{_D}:render_text", "json": f"{_D}:render_json",
        "jsonl": f"{_D}:render_jsonl", "github": f"{_D}:render_github", "markdown": f"{_D}:render_markdown",
    },
    "critique": {
        "concise": f"{_C}_text:render_concise", "text": f"{_C}_text:render_concise",
        "full": f"{_C}_text:render", "json": f"{_C}_json:render_many", "jsonl": f"{_C}_json:render_lines",
        "github": f"{_C}_github:render", "markdown": f"{_C}_markdown:render_many",
    },
    "diff": {
        "text": "msvitd.output.diff_text:render", "concise": f"{_D}:render_concise",
        "json": "msvitd.output.diff_json:render", "github": f"{_D}:render_github",
        "markdown": "msvitd.output.diff_markdown:render",
    },
    "summarize": {  # the renderers' insides belong to the summary's owners
        "text": "msvitd.output.summary_text:render", "markdown": "msvitd.output.summary_markdown:render",
        "json": "msvitd.output.summary_json:render", "csv": "msvitd.output.summary_csv:render",
    },
}
DEFAULT = {"validate": "text", "critique": "concise", "diff": "text", "summarize": "text"}


def formats(command: str) -> tuple[str, ...]:
    return tuple(TABLE[command])


def choices(command: str) -> type[enum.Enum]:
    """The --format choices of ``command`` as the str Enum typer wants."""
    return enum.Enum(f"{command.title()}Format", {f: f for f in TABLE[command]}, type=str)  # type: ignore[return-value]


def renderer(command: str, fmt: str) -> Callable[..., str]:
    module, _, name = TABLE[command][fmt].partition(":")
    return getattr(importlib.import_module(module), name)


def render(command: str, fmt: str, result, **options) -> str:
    """Render ``result`` with the chosen format, passing the options the renderer declares."""
    fn = renderer(command, fmt)
    params = inspect.signature(fn).parameters
    if any(p.kind is p.VAR_KEYWORD for p in params.values()):
        return fn(result, **options)
    return fn(result, **{k: v for k, v in options.items() if k in params})
