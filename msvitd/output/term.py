"""Terminal facts every renderer shares: colour on or off, width."""

from __future__ import annotations

import os
import sys


def want_color(flag: bool | None = None, stream=None) -> bool:
    """--color/--no-color wins; then NO_COLOR, then FORCE_COLOR; else colour only on a terminal."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


def width(default: int = 100) -> int:
    try:
        return max(60, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        pass
    try:
        return max(60, os.get_terminal_size().columns) if sys.stdout.isatty() else default
    except OSError:
        return default


def console(color: bool, width_: int | None = None):
    """A rich console that records what it prints, so renderers return plain strings."""
    from rich.console import Console

    return Console(file=_Null(), record=True, highlight=False, soft_wrap=False, width=width_ or width(),
                   force_terminal=color, no_color=not color, color_system="standard" if color else None,
                   emoji=False)


def export(con, color: bool) -> str:
    return con.export_text(styles=color)


class _Null:
    def write(self, _s: str) -> int:
        return 0

    def flush(self) -> None:
        pass
