"""The YAML loader: data, positions and problems, snippet by snippet (yamllint's test style).

Every case runs twice: with libyaml's C parser (what users get) and with PyYAML's pure-Python
parser (the fallback when PyYAML was built without libyaml). Syntax-error wording differs between
the two parsers, so Y001 cases assert the position and the "YAML syntax:" prefix only.
"""

from __future__ import annotations

import pytest

import msvitd.yamlio as yamlio
from msvitd.yamlio import parse_bytes, parse_text


@pytest.fixture(params=["libyaml", "python"], autouse=True)
def parser(request, monkeypatch):
    if request.param == "python":
        monkeypatch.setattr(yamlio, "_Parser", None)
    else:
        assert yamlio._Parser is not None, "PyYAML without libyaml: the C parser is not being tested"
    return request.param


def problems(text: str) -> list[tuple]:
    return [(d.line, d.column, d.code, d.path, d.message) for d in parse_text(text, "f.yaml").diagnostics]


# --- data: YAML 1.2 core schema, nothing silently changed -------------------------------------

DATA = [
    ("kind: study\n", {"kind": "study"}),
    ("a: 012\n", {"a": 12}),  # no YAML 1.1 octal
    ("a: 0o17\n", {"a": 15}),
    ("a: 0x1F\n", {"a": 31}),
    ("a: 1e3\n", {"a": 1000.0}),  # YAML 1.1 (PyYAML) would keep the string '1e3'
    ("a: -.5\n", {"a": -0.5}),
    ("a: .inf\n", {"a": float("inf")}),
    ("a: 1_000\n", {"a": "1_000"}),  # 1.1 would read one thousand
    ("a: 2025-04-22\n", {"a": "2025-04-22"}),  # not a date
    ("a: NO\n", {"a": "NO"}),  # not False (the Norway problem)
    ("a: on\n", {"a": "on"}),
    ("a: 1:20\n", {"a": "1:20"}),  # not sexagesimal 80
    ("a: true\nb: False\nc: TRUE\n", {"a": True, "b": False, "c": True}),
    ("a: ~\nb: null\nc:\n", {"a": None, "b": None, "c": None}),
    ("a: 'true'\nb: \"12\"\n", {"a": "true", "b": "12"}),
    ("a: ! 12\n", {"a": "12"}),  # the non-specific tag makes a string
    ("a: !!str 12\n", {"a": "12"}),
    ("a: !!int 12\nb: !!float 1\n", {"a": 12, "b": 1.0}),
    ("a: !<tag:yaml.org,2002:str> 5\n", {"a": "5"}),
    ("1: one\ntrue: yes-key\nnull: n\n", {"1": "one", "true": "yes-key", "null": "n"}),  # keys are text
    ("{a: 1, b: [x, y], }\n", {"a": 1, "b": ["x", "y"]}),
    ("a: |\n  line one\n  line two\n", {"a": "line one\nline two\n"}),
    ("a: >-\n  folded\n  text\n", {"a": "folded text"}),
    ("kind: study\r\nid: x\r\n", {"kind": "study", "id": "x"}),  # CRLF
    ("\ufeffkind: study\n", {"kind": "study"}),  # BOM
    ("%YAML 1.2\n---\nkind: study\n...\n", {"kind": "study"}),
    ("# comment\nkind: study  # trailing\n", {"kind": "study"}),
]


@pytest.mark.parametrize("text,expected", DATA, ids=[repr(t) for t, _ in DATA])
def test_data(text, expected):
    doc = parse_text(text, "f.yaml")
    assert doc.data == expected  # the value is kept as written even when Y013 asks to quote it
    assert [d for d in doc.diagnostics if d.severity.value == "error" and d.code != "Y013"] == []


def test_positions_of_values_and_keys():
    doc = parse_text("kind: study\narms:\n  - id: a\n    role: intervention\n  - {id: b}\n")
    assert doc.values[("kind",)] == (1, 7)
    assert doc.values[("arms", 0, "role")] == (4, 11)
    assert doc.keys[("arms", 0, "role")] == (4, 5)
    assert doc.values[("arms", 1)] == (5, 5)
    assert doc.values[("arms", 1, "id")] == (5, 10)
    assert doc.position(("arms", 1, "missing")) == (5, 5)  # the closest existing ancestor


def test_positions_count_characters_not_bytes():
    doc = parse_text("é: ééé\nx: [1, ééé, 😀]\n")
    assert doc.values[("é",)] == (1, 4)
    assert doc.values[("x", 2)] == (2, 13)


# --- problems: (line, column, code, path, message) ---------------------------------------------

PROBLEMS = [
    ("dup key", "a: 1\nb: 2\na: 3\n",
     [(3, 1, "Y002", "a", "duplicate key 'a' (first defined at line 1, column 1); "
                          "YAML tools would silently keep only the last value")]),
    ("dup key in flow", "{a: 1, a: 2}\n",
     [(1, 8, "Y002", "a", "duplicate key 'a' (first defined at line 1, column 2); "
                          "YAML tools would silently keep only the last value")]),
    ("dup key nested", "x:\n  b: 1\n  b: 2\n",
     [(3, 3, "Y002", "x.b", "duplicate key 'b' (first defined at line 2, column 3); "
                            "YAML tools would silently keep only the last value")]),
    ("anchor and alias", "a: &x 1\nb: *x\n",
     [(1, 4, "Y003", "a", "anchor &x refused: anchors and aliases are not allowed in evidence files"),
      (2, 4, "Y003", "b", "alias *x refused: write the value out in full")]),
    ("merge key", "a: &x {k: 1}\nb:\n  <<: *x\n",
     [(1, 4, "Y003", "a", "anchor &x refused: anchors and aliases are not allowed in evidence files"),
      (3, 3, "Y003", "b", "merge key << refused: write the mapping out in full"),
      (3, 7, "Y003", "b.<<", "alias *x refused: write the value out in full")]),
    ("python object tag", "a: !!python/object/apply:os.system [ls]\n",
     [(1, 4, "Y005", "a", "tag !!python/object/apply:os.system refused: only plain strings, numbers, booleans, "
                          "null, mappings and sequences are allowed")]),
    ("python name tag on a key's value", "a: !!python/name:os.system\n",
     [(1, 4, "Y005", "a", "tag !!python/name:os.system refused: only plain strings, numbers, booleans, "
                          "null, mappings and sequences are allowed")]),
    ("binary tag", "a: !!binary aGk=\n",
     [(1, 4, "Y005", "a", "tag !!binary refused: only plain strings, numbers, booleans, null, mappings and "
                          "sequences are allowed")]),
    ("unknown local tag", "a: !vitamin x\n",
     [(1, 4, "Y005", "a", "tag !vitamin refused: only plain strings, numbers, booleans, null, mappings and "
                          "sequences are allowed")]),
    ("timestamp tag", "a: !!timestamp 2025-01-01\n",
     [(1, 4, "Y005", "a", "tag !!timestamp refused: only plain strings, numbers, booleans, null, mappings and "
                          "sequences are allowed")]),
    ("set tag", "a: !!set {x}\n",
     [(1, 4, "Y005", "a", "tag !!set refused: only plain strings, numbers, booleans, null, mappings and "
                          "sequences are allowed")]),
    ("int tag on text", "a: !!int many\n", [(1, 4, "Y005", "a", "'many' is not a valid !!int")]),
    ("map tag on a sequence", "a: !!map [1]\n", [(1, 4, "Y005", "a", "tag !!map on a sequence")]),
    ("second document", "a: 1\n---\nb: 2\n",
     [(2, 1, "Y006", "", "a second YAML document: an evidence file holds exactly one")]),
    ("complex key", "? [a, b]\n: 1\n",
     [(1, 3, "Y010", "", "a mapping key must be a plain scalar, not a mapping or a sequence")]),
    ("top level a list", "- a\n- b\n",
     [(1, 1, "Y009", "", "the top level is a sequence; expected a mapping with a `kind:` key")]),
    ("top level a string", "just text\n",
     [(1, 1, "Y009", "", "the top level is a string; expected a mapping with a `kind:` key")]),
    ("top level null", "~\n",
     [(1, 1, "Y009", "", "the top level is a null value; expected a mapping with a `kind:` key")]),
    ("only a document marker", "---\n",
     [(2, 1, "Y009", "", "the top level is a null value; expected a mapping with a `kind:` key")]),
    ("empty", "", [(1, 1, "Y008", "", "empty file: expected a mapping with a `kind:` key")]),
    ("only comments", "# nothing\n\n   # here\n", [(1, 1, "Y008", "", "empty file: expected a mapping with a `kind:` key")]),
    ("control character", "a: 1\nb: x\x1b[31m\n",
     [(2, 5, "Y007", "", "character U+001B is not allowed in YAML text (a control or non-character code point)")]),
    ("control character after non-ASCII", "a: éé\x07\n",
     [(1, 6, "Y007", "", "character U+0007 is not allowed in YAML text (a control or non-character code point)")]),
    ("ambiguous NO", "country: NO\n",
     [(1, 10, "Y013", "country", "unquoted 'NO' is a boolean to YAML 1.1 tools but text here: write \"NO\" for "
                                 "text, or true/false")]),
    ("ambiguous date", "published: 2025-03-10\n",
     [(1, 12, "Y012", "published", "unquoted '2025-03-10' is kept as the string '2025-03-10'; YAML 1.1 tools read "
                                   "it differently: quote it")]),
    ("ambiguous ratio", "allocation: 1:1\n",
     [(1, 13, "Y012", "allocation", "unquoted '1:1' is kept as the string '1:1'; YAML 1.1 tools read it "
                                    "differently: quote it")]),
    ("deep nesting", "a: " + "[" * 100 + "]" * 100 + "\n", [(1, 67, "Y004", "", "nesting deeper than 64 levels")]),
]


@pytest.mark.parametrize("name,text,expected", PROBLEMS, ids=[p[0] for p in PROBLEMS])
def test_problem(name, text, expected):
    assert problems(text) == expected


def test_duplicate_key_keeps_the_first_value_and_its_positions():
    doc = parse_text("design:\n  type: rct\ndesign:\n  type: rtc\n  extra: 1\n")
    assert doc.data == {"design": {"type": "rct"}}
    assert doc.values[("design", "type")] == (2, 9)
    assert [d.code for d in doc.diagnostics] == ["Y002"]


def test_quoted_ambiguous_values_give_no_warning():
    assert problems("a: 'NO'\nb: \"2025-03-10\"\nc: '1:1'\n") == []


SYNTAX = [  # (text, line, column): the wording is the parser's own
    ("kind: study\n\tid: x\n", 2, 1),  # a tab in indentation
    ("a: [1, 2\n", 2, 1),
    ("a: b: c\n", 1, 5),
    ("a:\n  - 1\n  b: 2\n", 3, 3),
    ("key: 'unterminated\n", 2, 1),
    ("a: 1\n a: 2\n", 2, 3),
    ("a: @b\n", 1, 4),
    ("%YAML 2.0\n---\na: 1\n", 1, 1),
    ("...\n", 1, 1),
]


@pytest.mark.parametrize("text,line,column", SYNTAX, ids=[repr(t) for t, _, _ in SYNTAX])
def test_syntax_error_is_one_located_line(text, line, column):
    (d,) = parse_text(text, "f.yaml").diagnostics
    assert (d.code, d.line, d.column) == ("Y001", line, column)
    assert d.message.startswith("YAML syntax: ") and "\n" not in d.message
    assert parse_text(text).data is None


# --- bytes: encodings ------------------------------------------------------------------------------

ENCODED = [
    ("utf-16 LE with BOM", "\ufeffkind: study\n".encode("utf-16-le"), {"kind": "study"}, []),
    ("utf-16 BE with BOM", "\ufeffkind: study\n".encode("utf-16-be"), {"kind": "study"}, []),
    ("utf-32 with BOM", "kind: study\n".encode("utf-32"), {"kind": "study"}, []),
    ("utf-8 with BOM", "\ufeffkind: é\n".encode("utf-8"), {"kind": "é"}, []),
    ("utf-16 without BOM", "kind: study\n".encode("utf-16-le"), None,
     [(1, 2, "Y007", "binary file (contains a NUL byte); evidence files are UTF-8 text")]),
    ("NUL byte", b"kind: study\nid: a\x00b\n", None,
     [(2, 6, "Y007", "binary file (contains a NUL byte); evidence files are UTF-8 text")]),
    ("latin-1", "kind: study\nname: café\n".encode("latin-1"), None,
     [(2, 10, "Y007", "not UTF-8 text: byte 0xe9 cannot be decoded")]),
    ("truncated utf-16", "\ufeffkind: x\n".encode("utf-16-le") + b"x", None,
     [(1, 1, "Y007", "invalid UTF-16 text")]),
    ("a PNG", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None,
     [(3, 1, "Y007", "binary file (contains a NUL byte); evidence files are UTF-8 text")]),
]


@pytest.mark.parametrize("name,raw,data,expected", ENCODED, ids=[e[0] for e in ENCODED])
def test_bytes(name, raw, data, expected):
    doc = parse_bytes(raw, "f.yaml")
    assert doc.data == data
    assert [(d.line, d.column, d.code, d.message) for d in doc.diagnostics] == expected


def test_lone_surrogate_escape_is_an_error_and_never_reaches_the_data():
    doc = parse_text('kind: study\nid: "\\ud800"\n"\\udc00": 1\n', "f.yaml")
    assert [(d.code, d.line) for d in doc.diagnostics][:1] == [("Y001", 2)]
    assert "\ud800" not in repr(doc.data) and "\udc00" not in repr(doc.data)


def test_a_file_with_hundreds_of_problems_stops_and_says_so():
    doc = parse_text("kind: study\n" + "".join(f"k: {i}\n" for i in range(300)), "f.yaml")
    assert [d.code for d in doc.diagnostics] == ["Y002"] * 200 + ["Y004"]
    last = doc.diagnostics[-1]
    assert (last.line, last.message) == (202, "200 problems in this file: stopped reading it here")
    assert doc.data is None


@pytest.mark.parametrize("text, said", [
    ("a:\n\tb: 1\n", "a tab character: YAML indents with spaces"),
    ("a:\n  b: 1\n c: 2\n", "the indentation does not match the lines above"),
    ("a: b: c\n", "a second ': ' on the line (quote a value that holds a colon)"),
])
def test_common_syntax_mistakes_are_said_plainly(text, said):
    # newcomer review, minor 12: PyYAML's raw words ("found character that cannot start any token")
    # come after a sentence a person can act on, as yamllint words them
    (diag,) = [d for d in parse_text(text, "x.yaml").diagnostics if d.code == "Y001"]
    assert diag.message.startswith(f"YAML syntax: {said}")
