"""The one walker of a YAML document's data by path (``("outcomes", 0, "arms", "vitd", "percent")``).

The load stage (checks.py), grading's evidence checks and facts/ each need the value a model field
came from (to count its decimals as written, or to tell ``person_years: not reported`` from a
missing key), and grading sits below the load stage, so the walker lives here, in the records
layer every layer may import. Standard library only.
"""

from __future__ import annotations

_MISSING = object()


def value_at(data, path: tuple, default=None):
    """The value at ``path`` in nested mappings and lists, or ``default`` where the path stops."""
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return default
    return node


def has_path(data, path: tuple) -> bool:
    """Whether ``path`` is written in the data (a key present with a null value counts)."""
    return value_at(data, path, _MISSING) is not _MISSING
