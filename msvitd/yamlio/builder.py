"""The YAML event stream to data and positions, in one pass with an explicit stack.

PyYAML's constructor is never used: each event is placed by hand, which gives a position for every
value and key, duplicate keys as errors, aliases refused at the alias itself (no "billion laughs"),
no recursion (10,000 levels of nesting cannot overflow the stack), and limits on depth, size and
the number of problems a hostile file can make msvitd print. Scalars are resolved by scalars.py.
"""

from __future__ import annotations

import re

import yaml

from msvitd.codes import make
from msvitd.diagnostics import format_path
from msvitd.yamlio.decoding import offset_position
from msvitd.yamlio.document import Document
from msvitd.yamlio.scalars import (CONTAINER_TAGS, CORE, PLAIN_TAGS, SPECIAL_FIRST, YAML11_BOOL, YAML11_TRAP, kind_of,
                                   resolve_scalar)

MAX_DEPTH = 64
MAX_NODES = 200_000
MAX_PROBLEMS = 200  # per file, then reading stops with one more line saying so
MAX_ALIAS_REPORTS = 5  # per file; the rest are counted in one more line

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


class Builder:
    """Builds ``doc.data`` and its positions from ``parser_class``'s events (libyaml's, or PyYAML's
    pure-Python parser when None); every problem becomes one of ``doc.diagnostics``."""

    def __init__(self, doc: Document, parser_class=None):
        self.doc = doc
        self.parser_class = parser_class
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
            if self.parser_class is not None:
                parser = self.parser_class(text)
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
            line, col = offset_position(text, exc.position, utf8=self.parser_class is not None)
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
        special = SPECIAL_FIRST
        # libyaml refuses "\ud800" escapes; PyYAML makes a lone surrogate, which no output can encode.
        surrogates = self.parser_class is None
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
        if tag is not None and tag != "!" and tag not in (CONTAINER_TAGS if containers else PLAIN_TAGS):
            self.error("Y005", f"tag {tag.replace(CORE, '!!')} refused: only plain strings, numbers, booleans, null, "
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
            if ev.tag not in (None, "!", CORE + ("map" if isinstance(container, dict) else "seq")):
                self.error("Y005", f"tag {ev.tag.replace(CORE, '!!')} on a {kind_of(container)}", ev.start_mark,
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
        if plain and YAML11_BOOL.match(ev.value):
            self.error("Y013", f"unquoted {ev.value!r} is a boolean to YAML 1.1 tools but text here: write "
                               f"\"{ev.value}\" for text, or true/false", ev.start_mark, self._child_path())
        elif plain and YAML11_TRAP.match(ev.value):
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
