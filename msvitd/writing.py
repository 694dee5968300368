"""Writing files safely: never overwrite without --force, never leave a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class WriteRefused(Exception):
    """The file was not written (it exists, or the system refused): the message says why."""


def write_atomic(path: str | Path, text: str | bytes, force: bool = False) -> None:
    """Write to a temporary file beside ``path``, then rename it into place."""
    target = Path(path)
    if target.is_dir():
        raise WriteRefused(f"{target}: is a directory")
    if target.exists() and not force:
        raise WriteRefused(f"{target}: already exists; use --force to overwrite it")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise WriteRefused(f"{parent}: no such folder")
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        _replace(target, parent, data)
    except OSError as exc:
        raise WriteRefused(f"{target}: cannot write: {exc.strerror or exc}") from None


def _replace(target: Path, parent: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            try:
                os.chmod(tmp, target.stat().st_mode & 0o777)
            except OSError:
                pass
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
