"""Read a YAML evidence file into plain data plus the position of every value and key.

The document is built from the parser's *event stream* (libyaml's C parser when present)
with an explicit stack, never by PyYAML's constructor. That one pass gives:

- a position for every value and key, so schema errors point at ``line:column``;
- duplicate keys as errors (PyYAML silently keeps the last one);
- aliases refused at the alias itself (no "billion laughs" expansion, ever);
- no recursion, so 10,000 levels of nesting cannot overflow the stack;
- YAML 1.2 core-schema scalars: ``NO``, ``on``, ``1:20`` and ``2025-04-22`` stay strings,
  so a user's value is never silently turned into a boolean, a number or a date.

This package: read_file/parse_bytes/parse_text (here) over decoding.py (bytes to text),
builder.py (events to data and positions), scalars.py (YAML 1.2 scalars, YAML 1.1 traps) and
document.py (the Document they fill).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from msvitd.codes import make
from msvitd.errors import MAX_BYTES, too_large
from msvitd.yamlio.decoding import decode
from msvitd.yamlio.document import Document
from msvitd.yamlio.scalars import YAML11_BOOL, YAML11_TRAP, kind_of, resolve_scalar

__all__ = ["Document", "read_file", "parse_bytes", "parse_text", "decode", "resolve_scalar", "YAML11_BOOL",
           "YAML11_TRAP", "MAX_DEPTH", "MAX_NODES", "MAX_PROBLEMS", "MAX_ALIAS_REPORTS"]

_LIMITS = ("MAX_DEPTH", "MAX_NODES", "MAX_PROBLEMS", "MAX_ALIAS_REPORTS")


def __getattr__(name: str):
    """PyYAML and the event builder load when a file is first parsed, not with the package: a run
    that takes the library from the cache (msvitd/app/library_cache.py) unpickles Documents and
    parses nothing."""
    if name in _LIMITS:
        from msvitd.yamlio import builder

        return getattr(builder, name)
    if name == "_Parser":
        # libyaml's parser (yaml.CParser does not exist); None means PyYAML's pure-Python one. Read at
        # each parse, so the tests can run every case with both.
        import yaml

        globals()["_Parser"] = getattr(yaml, "CBaseLoader", None)
        return globals()["_Parser"]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
_YAML11_BOOL, _YAML11_TRAP = YAML11_BOOL, YAML11_TRAP  # the names msvitd/commands/new.py imports


def read_file(path: str | Path) -> Document:
    """Read and parse one file; every failure becomes a located diagnostic."""
    name = str(path)
    doc = Document(name)
    p = Path(path)
    try:
        if p.is_dir():
            try:
                os.scandir(p).close()
            except OSError as exc:
                doc.diagnostics.append(make("Y011", f"cannot read folder: {exc.strerror or exc}", name))
            else:
                doc.diagnostics.append(make("Y011", "is a directory, not a file", name))
            return doc
        st = p.stat()
        if not stat.S_ISREG(st.st_mode):  # a FIFO would block open() forever, a device never end
            doc.diagnostics.append(make("Y011", "is not a regular file (a pipe, socket or device)", name))
            return doc
        size = st.st_size
        if size > MAX_BYTES:
            doc.diagnostics.append(make("Y004", too_large(size), name))
            return doc
        with open(p, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        doc.diagnostics.append(make("Y011", f"cannot read file: {exc.strerror or exc}", name))
        return doc
    if len(raw) > MAX_BYTES:
        doc.diagnostics.append(make("Y004", too_large(len(raw)), name))
        return doc
    return parse_bytes(raw, name)


def parse_bytes(raw: bytes, name: str = "<input>") -> Document:
    text, problem, line, col = decode(raw)
    if text is None:
        doc = Document(name)
        doc.diagnostics.append(make("Y007", problem, name, line, col))
        return doc
    return parse_text(text, name)


def parse_text(text: str, name: str = "<input>") -> Document:
    doc = Document(name, text=text)
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        doc.diagnostics.append(make("Y008", "empty file: expected a mapping with a `kind:` key", name, 1, 1))
        return doc
    from msvitd.yamlio.builder import Builder

    Builder(doc, globals()["_Parser"] if "_Parser" in globals() else __getattr__("_Parser")).run(text)
    stopped = any(d.code in ("Y001", "Y006") for d in doc.diagnostics)
    # A null top level (`~`, `---`, `null`) has no data *and* no error: without this it passed as valid.
    unusable = doc.data is None and not any(d.severity.value == "error" for d in doc.diagnostics)
    if (unusable or doc.data is not None) and not isinstance(doc.data, dict) and not stopped:
        doc.diagnostics.append(make("Y009", f"the top level is a {kind_of(doc.data)}; expected a mapping with a `kind:` key",
                                    name, *doc.values.get((), (1, 1))))
        doc.data = None
    return doc

