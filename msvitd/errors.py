"""The one family of usage errors: bad input the user can fix (exit 2, one line, no traceback).

Standard library only, so that every layer (loading, reading, configuration, the app layer) can
raise a member without importing the others; the command line catches the base class once.
"""

from __future__ import annotations


class UsageError(Exception):
    """Exit 2 with one line: the message, already prefixed with the file (and line:col) it is about."""


class InputError(UsageError):
    """An article or evidence path that cannot be read: missing, a folder, binary, too large, empty."""


class ConfigError(UsageError, ValueError):
    """A configuration file that does not parse or holds an unknown key or a bad value."""


class UnknownId(UsageError):
    """An id (article, study, question, rule) that names nothing msvitd knows."""


# One size limit for every file msvitd reads (evidence YAML, articles): 5 MiB.
MAX_BYTES = 5 * 1024 * 1024


def too_large(size: int) -> str:
    """The one wording of the size limit, used by every reader (after ``path:``)."""
    return f"file is {size:,} bytes; the limit is 5 MiB ({MAX_BYTES:,} bytes)"
