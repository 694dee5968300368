"""A loaded evidence file: its data, where each value and key stands, and its problems."""

from __future__ import annotations

from dataclasses import dataclass, field

from msvitd.codes import make
from msvitd.diagnostics import Diagnostic, format_path

@dataclass
class Document:
    """A loaded file: its data (None when unusable), positions and problems."""

    file: str
    data: object = None
    values: dict = field(default_factory=dict)  # path -> (line, col) of the value
    keys: dict = field(default_factory=dict)  # path -> (line, col) of the key naming it
    diagnostics: list[Diagnostic] = field(default_factory=list)
    text: str = ""

    @property
    def ok(self) -> bool:
        return self.data is not None and not any(d.severity.value == "error" for d in self.diagnostics)

    def position(self, path: tuple, prefer_key: bool = False) -> tuple[int, int]:
        """Where ``path`` stands, or where its closest existing ancestor stands."""
        path = tuple(path)
        while True:
            if prefer_key and path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            if path in self.keys:
                return self.keys[path]
            if not path:
                return (1, 1)
            path = path[:-1]

    def diag(self, code: str, message: str, path: tuple = (), prefer_key: bool = False, **kw) -> Diagnostic:
        line, col = self.position(path, prefer_key)
        return make(code, message, self.file, line, col, format_path(path), **kw)
