"""Read a YAML evidence file into plain data plus the position of every value and key.

The document is built from the parser's *event stream* (libyaml's C parser when present)
with an explicit stack, never by PyYAML's constructor. That one pass gives:

- a position for every value and key, so schema errors point at ``line:column``;
- duplicate keys as errors (PyYAML silently keeps the last one);
- aliases refused at the alias itself (no "billion laughs" expansion, ever);
- no recursion, so 10,000 levels of nesting cannot overflow the stack;
- YAML 1.2 core-schema scalars: ``NO``, ``on``, ``1:20`` and ``2025-04-22`` stay strings,
  so a user's value is never silently turned into a boolean, a number or a date.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from msvitd.codes import make
from msvitd.diagnostics import Diagnostic, format_path
from msvitd.errors import MAX_BYTES, too_large

MAX_DEPTH = 64
MAX_NODES = 200_000
MAX_PROBLEMS = 200  # per file, then reading stops with one more line saying so
MAX_ALIAS_REPORTS = 5  # per file; the rest are counted in one more line

_Parser = getattr(yaml, "CBaseLoader", None)  # libyaml's parser (yaml.CParser does not exist)
_CORE = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null")}
_CONTAINER_TAGS = {_CORE + "map", _CORE + "seq"}

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$")
# What YAML 1.1 tools (PyYAML, yamllint's truthy rule, many editors) would read differently.
# yes/no/on/off are an error, not a warning: the same file would give "NO" here and False to
# PyYAML, so a value such as a country code must be quoted to mean one thing everywhere.
_YAML11_BOOL = re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")
_YAML11_TRAP = re.compile(
    r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$"
    r"|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}.*)?$"  # a timestamp
)


Path_ = tuple  # a data path: ("outcomes", 2, "effect", "ci")


# PyYAML's words for the mistakes people make most, said the way a person would (yamllint-style)
_PLAIN = (("that cannot start any token", "\t", "a tab character: YAML indents with spaces"),
          ("did not find expected key", "", "the indentation does not match the lines above (a key at the "
                                            "wrong depth, or a value that should be quoted)"),
          ("expected <block end>, but found", "", "the indentation does not match the lines above (a key at "
                                                  "the wrong depth, or a value that should be quoted)"),
          ("mapping values are not allowed", "", "a second ': ' on the line (quote a value that holds "
                                                 "a colon)"))
# (libyaml's words first, then the pure-Python parser's where they differ)


def _plain(problem: str, text: str, mark) -> str:
    at = text.splitlines()[mark.line][mark.column:mark.column + 1] if mark is not None and \
        mark.line < len(text.splitlines()) else ""
    for raw, char, said in _PLAIN:
        if raw in problem and (not char or at == char):
            return f"{said} ({problem})"
    return problem


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


def resolve_scalar(value: str, plain: bool, tag: str | None):
    """Turn a scalar into Python data with YAML 1.2 core-schema rules."""
    if tag == "!" or (tag is None and not plain):  # `! 12`: the non-specific tag makes a string (YAML spec 6.9.1)
        return value
    if tag == _CORE + "str":
        return value
    if tag in (None, "!", _CORE + "null") and _NULL.match(value):
        return None
    if tag in (None, "!", _CORE + "bool"):
        if _TRUE.match(value):
            return True
        if _FALSE.match(value):
            return False
    if tag in (None, "!", _CORE + "int") and _INT.match(value):
        if value.startswith("0o"):
            return int(value[2:], 8)
        if value.startswith("0x"):
            return int(value[2:], 16)
        return int(value, 10)  # "012" is twelve, not ten (no YAML 1.1 octal)
    if tag in (None, "!", _CORE + "float") and _FLOAT.match(value):
        low = value.lower().lstrip("+")
        if low in (".inf", "-.inf"):
            return float("-inf") if low.startswith("-") else float("inf")
        if low == ".nan":
            return float("nan")
        return float(value)
    if tag in (None, "!"):
        return value
    raise ValueError(f"{value!r} is not a valid {tag.replace(_CORE, '!!')}")


def decode(raw: bytes) -> tuple[str | None, str, int, int]:
    """Decode file bytes; on failure return (None, message, line, col)."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # checked first: FF FE also starts UTF-16 LE
        try:
            return raw.decode("utf-32"), "", 0, 0
        except UnicodeDecodeError:
            return None, "invalid UTF-32 text", 1, 1
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "", 0, 0
        except UnicodeDecodeError:
            return None, "invalid UTF-16 text", 1, 1
    nul = raw.find(b"\x00")
    if nul >= 0:
        return (None, "binary file (contains a NUL byte); evidence files are UTF-8 text",
                *_byte_position(raw, nul))
    try:
        return raw.decode("utf-8-sig"), "", 0, 0
    except UnicodeDecodeError as exc:
        return (None, f"not UTF-8 text: byte 0x{raw[exc.start]:02x} cannot be decoded",
                *_byte_position(raw, exc.start))


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters, as editors count: `café` is 4 wide) of a byte offset."""
    start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, len(raw[start:offset].decode("utf-8", "replace")) + 1


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
    _Builder(doc).run(text)
    stopped = any(d.code in ("Y001", "Y006") for d in doc.diagnostics)
    # A null top level (`~`, `---`, `null`) has no data *and* no error: without this it passed as valid.
    unusable = doc.data is None and not any(d.severity.value == "error" for d in doc.diagnostics)
    if (unusable or doc.data is not None) and not isinstance(doc.data, dict) and not stopped:
        doc.diagnostics.append(make("Y009", f"the top level is a {_kind(doc.data)}; expected a mapping with a `kind:` key",
                                    name, *doc.values.get((), (1, 1))))
        doc.data = None
    return doc


def _offset_position(text: str, offset: int, utf8: bool) -> tuple[int, int]:
    """1-based line and column of a character offset (libyaml counts UTF-8 bytes, PyYAML characters)."""
    if utf8:
        prefix = text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", "replace")
    else:
        prefix = text[:offset]
    lines = re.split(r"\r\n|\r|\n", prefix)
    return len(lines), len(lines[-1]) + 1


def _kind(value) -> str:
    return {dict: "mapping", list: "sequence", str: "string", bool: "boolean", int: "number",
            float: "number", type(None): "null value"}.get(type(value), type(value).__name__)


class _Frame:
    __slots__ = ("container", "path", "key", "is_map", "seen")

    def __init__(self, container, path):
        self.container = container
        self.path = path
        self.key = _NO_KEY
        self.is_map = isinstance(container, dict)
        self.seen: dict[str, tuple[int, int]] = {}


_NO_KEY = object()
_SURROGATE = re.compile("[\ud800-\udfff]")
# First characters of the plain scalars that are not simply strings (null, booleans, numbers, YAML 1.1 traps).
# Any other plain scalar is a string, with no regex to run: most of an evidence file is text.
_SPECIAL_FIRST = frozenset("~nNtTfFyYoO0123456789+-.")


class _Builder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.stack: list[_Frame] = []
        self.nodes = 0
        self.documents = 0
        self.aliases = 0  # anchors, aliases and merge keys: a billion-laughs file has hundreds
        self.more_aliases: tuple | None = None  # (first one not listed, how many)

    def error(self, code: str, message: str, mark, path=()) -> None:
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        if code == "Y003":
            self.aliases += 1
            if self.aliases > MAX_ALIAS_REPORTS:
                first = self.more_aliases[0] if self.more_aliases else (line, col)
                self.more_aliases = (first, self.aliases - MAX_ALIAS_REPORTS)
                return
        self.doc.diagnostics.append(make(code, message, self.doc.file, line, col, format_path(path)))

    def finish(self) -> None:
        if self.more_aliases:
            (line, col), more = self.more_aliases
            self.doc.diagnostics.append(make("Y003", f"{more} more anchors, aliases or merge keys from here on, "
                                                     "refused too (not listed one by one)", self.doc.file, line, col))

    def run(self, text: str) -> None:
        try:
            if _Parser is not None:
                parser = _Parser(text)
                events = iter(parser.get_event, None)
                self._consume(events, parser)
            else:  # pure-Python PyYAML: same events, slower
                loader = yaml.SafeLoader(text)
                try:
                    self._consume(iter(loader.get_event, None), loader)
                finally:
                    loader.dispose()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or exc.context or "invalid YAML"
            if exc.context and exc.problem:
                problem = f"{exc.problem} ({exc.context})"
            if "maximum nesting depth" in problem:
                # libyaml 0.2.6 stops at 1,000 levels while scanning ahead, before our own limit is reached
                self.error("Y004", f"nesting deeper than {MAX_DEPTH} levels", mark)
            else:
                self.error("Y001", f"YAML syntax: {_plain(problem, text, mark)}", mark)
            self.doc.data = None
        except yaml.reader.ReaderError as exc:  # a character YAML forbids (control characters, U+FFFE...)
            line, col = _offset_position(text, exc.position, utf8=_Parser is not None)
            char = exc.character if isinstance(exc.character, int) else ord(exc.character)
            self.doc.diagnostics.append(make(
                "Y007", f"character U+{char:04X} is not allowed in YAML text (a control or non-character code point)",
                self.doc.file, line, col))
            self.doc.data = None
        except yaml.YAMLError as exc:
            self.error("Y001", f"YAML syntax: {' '.join(str(exc).split())}", None)
            self.doc.data = None
        except _Stop:
            self.doc.data = None
        self.finish()

    def _consume(self, events, parser) -> None:
        # The hot loop: plain text scalars and mapping keys take the inline path, the rest the methods below.
        Scalar, Alias = yaml.ScalarEvent, yaml.AliasEvent
        MapStart, SeqStart = yaml.MappingStartEvent, yaml.SequenceStartEvent
        MapEnd, SeqEnd, DocStart = yaml.MappingEndEvent, yaml.SequenceEndEvent, yaml.DocumentStartEvent
        stack = self.stack
        values = self.doc.values
        diagnostics = self.doc.diagnostics
        special = _SPECIAL_FIRST
        # libyaml refuses "\ud800" escapes; PyYAML makes a lone surrogate, which no output can encode.
        surrogates = _Parser is None
        for ev in events:
            kind = type(ev)
            if kind is Scalar:
                self.nodes += 1
                if self.nodes > MAX_NODES or ev.anchor is not None or ev.tag is not None:
                    self._count(ev.start_mark)
                    self._check_anchor_and_tag(ev, containers=False)
                if surrogates and ev.style == '"' and _SURROGATE.search(ev.value):
                    self._surrogate(ev)
                top = stack[-1] if stack else None
                if top is not None and top.is_map and top.key is _NO_KEY:
                    self._key(top, ev)
                    continue
                value = ev.value
                if ev.tag is not None or (not ev.style and ev.implicit[0] and (not value or value[0] in special)):
                    value = self._resolve(ev)
                mark = ev.start_mark
                pos = (mark.line + 1, mark.column + 1)
                if top is None:
                    self.doc.data = value
                    values[()] = pos
                elif top.is_map:
                    key = top.key
                    top.key = _NO_KEY
                    if key.__class__ is not _Duplicate:
                        values[top.path + (key,)] = pos
                        top.container[key] = value
                else:
                    container = top.container
                    values[top.path + (len(container),)] = pos
                    container.append(value)
            elif kind is MapStart or kind is SeqStart:
                self._start(ev, {} if kind is MapStart else [])
            elif kind is MapEnd or kind is SeqEnd:
                stack.pop()
            elif kind is Alias:
                self.error("Y003", f"alias *{ev.anchor} refused: write the value out in full", ev.start_mark,
                           self._child_path())
                self._place(None, ev.start_mark)
            elif kind is DocStart:
                self.documents += 1
                if self.documents > 1:
                    self.error("Y006", "a second YAML document: an evidence file holds exactly one", ev.start_mark)
                    raise _Stop
            if len(diagnostics) >= MAX_PROBLEMS:  # a hostile file: enough has been said, and say so
                self.error("Y004", f"{MAX_PROBLEMS} problems in this file: stopped reading it here", ev.start_mark)
                raise _Stop

    def _child_path(self) -> tuple:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if not top.is_map:
            return top.path + (len(top.container),)
        return top.path + (top.key,) if top.key is not _NO_KEY else top.path

    def _check_anchor_and_tag(self, ev, containers: bool) -> None:
        if ev.anchor is not None:
            self.error("Y003", f"anchor &{ev.anchor} refused: anchors and aliases are not allowed in evidence files",
                       ev.start_mark, self._child_path())
        tag = ev.tag
        if tag is not None and tag != "!" and tag not in (_CONTAINER_TAGS if containers else _PLAIN_TAGS):
            self.error("Y005", f"tag {tag.replace(_CORE, '!!')} refused: only plain strings, numbers, booleans, null, "
                               "mappings and sequences are allowed", ev.start_mark, self._child_path())
            raise _Stop

    def _count(self, mark) -> None:
        if self.nodes > MAX_NODES:
            self.error("Y004", f"more than {MAX_NODES:,} values in one file", mark)
            raise _Stop

    def _start(self, ev, container) -> None:
        self.nodes += 1
        self._count(ev.start_mark)
        stack = self.stack
        if stack and stack[-1].is_map and stack[-1].key is _NO_KEY:
            self.error("Y010", "a mapping key must be a plain scalar, not a mapping or a sequence", ev.start_mark,
                       stack[-1].path)
            raise _Stop
        if len(stack) >= MAX_DEPTH:
            # no data path here: 64 levels of it made a several-hundred-character line
            self.error("Y004", f"nesting deeper than {MAX_DEPTH} levels", ev.start_mark)
            raise _Stop
        if ev.anchor is not None or ev.tag is not None:
            self._check_anchor_and_tag(ev, containers=True)
            if ev.tag not in (None, "!", _CORE + ("map" if isinstance(container, dict) else "seq")):
                self.error("Y005", f"tag {ev.tag.replace(_CORE, '!!')} on a {_kind(container)}", ev.start_mark,
                           self._child_path())
        path = self._child_path()
        self._place(container, ev.start_mark)
        stack.append(_Frame(container, path))

    def _surrogate(self, ev) -> None:
        self.error("Y001", "YAML syntax: a \\u escape gives half of a UTF-16 surrogate pair, not a character",
                   ev.start_mark, self._child_path())
        ev.value = _SURROGATE.sub("\ufffd", ev.value)

    def _resolve(self, ev):
        """A scalar that may be something other than a string: tagged, or plain with a telling first character."""
        plain = ev.implicit[0] and not ev.style  # libyaml gives style '' for plain scalars, PyYAML None
        try:
            value = resolve_scalar(ev.value, plain, ev.tag)
        except ValueError as exc:
            self.error("Y005", str(exc), ev.start_mark, self._child_path())
            value = ev.value
        if plain and _YAML11_BOOL.match(ev.value):
            self.error("Y013", f"unquoted {ev.value!r} is a boolean to YAML 1.1 tools but text here: write "
                               f"\"{ev.value}\" for text, or true/false", ev.start_mark, self._child_path())
        elif plain and _YAML11_TRAP.match(ev.value):
            self.error("Y012", f"unquoted {ev.value!r} is kept as the string {ev.value!r}; YAML 1.1 tools read it "
                               "differently: quote it", ev.start_mark, self._child_path())
        return value

    def _key(self, frame: _Frame, ev) -> None:
        key = ev.value
        mark = (ev.start_mark.line + 1, ev.start_mark.column + 1)
        if key == "<<" and ev.implicit[0] and not ev.style:
            self.error("Y003", "merge key << refused: write the mapping out in full", ev.start_mark, frame.path)
            frame.key = _Duplicate(key)  # not stored: `unknown field <<` would only repeat the problem
            return
        if key in frame.seen:
            first = frame.seen[key]
            self.error("Y002", f"duplicate key {key!r} (first defined at line {first[0]}, column {first[1]}); "
                               "YAML tools would silently keep only the last value", ev.start_mark,
                       frame.path + (key,))
            key = _Duplicate(key)  # keep walking the value, but never store it
        else:
            frame.seen[key] = mark
            self.doc.keys[frame.path + (key,)] = mark
        frame.key = key

    def _place(self, value, mark) -> None:
        pos = (mark.line + 1, mark.column + 1)
        if not self.stack:
            self.doc.data = value
            self.doc.values[()] = pos
            return
        top = self.stack[-1]
        if not top.is_map:
            self.doc.values[top.path + (len(top.container),)] = pos
            top.container.append(value)
        else:
            key = top.key
            top.key = _NO_KEY
            if key.__class__ is _Duplicate:
                return
            self.doc.values[top.path + (key,)] = pos
            top.container[key] = value


class _Duplicate:
    """The key of a repeated entry. Not a str: the value under it is walked (its own problems are reported)
    but must not overwrite the positions recorded for the first entry's values, whose data is kept."""

    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __str__(self) -> str:
        return self.name


class _Stop(Exception):
    pass
