"""Property tests (hypothesis): whatever the input, the loader and each command's input path give
valid evidence or located one-line problems, never an exception.

Reproducible: tests/conftest.py loads the "ci" profile (derandomize=True, bounded examples);
HYPOTHESIS_PROFILE=dev explores more.
"""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

from hypothesis import given, settings, strategies as st

from msvitd.library import load_library
from msvitd.validation import validate_document
from msvitd.yamlio import Document, parse_bytes, parse_text

POSITIVE = Path(__file__).resolve().parent / "fixtures" / "positive" / "evidence"
STUDY = (POSITIVE / "studies" / "demo.yaml").read_text()
ARTICLE = (POSITIVE / "articles" / "demo-news.yaml").read_text()
YAMLISH = st.text(alphabet=st.sampled_from(list(":-[]{}#&*!|>'\"%@,?.~ \n\t") + list("kindstuyNO019e")), max_size=200)


def assert_located(doc: Document, text: str | None = None) -> None:
    """The contract: data to validate, or problems, each one line with a position inside the file."""
    lines = (text.count("\n") + 2) if text is not None else None
    for d in doc.diagnostics:
        assert d.code[0] == "Y" and d.file == doc.file
        assert d.message and "\n" not in d.message and "\r" not in d.message
        assert d.line >= 0 and d.column >= 0
        if lines is not None:
            assert d.line <= lines
    if doc.data is not None:
        assert isinstance(doc.data, dict)
        _plain(doc.data)
    else:
        assert any(d.severity.value == "error" for d in doc.diagnostics)


def _plain(value) -> None:
    """Only JSON-like values, never a date, bytes, a set or a Python object; text always encodable."""
    if isinstance(value, dict):
        for k, v in value.items():
            assert isinstance(k, str)
            k.encode("utf-8")
            _plain(v)
    elif isinstance(value, list):
        for v in value:
            _plain(v)
    else:
        assert value is None or type(value) in (str, int, float, bool), type(value)
        if isinstance(value, str):
            value.encode("utf-8")


def assert_validated(doc: Document) -> None:
    model, problems = validate_document(doc)
    assert (model is None) == bool(problems) or doc.data is None
    for d in problems:
        assert d.code[0] == "S" and "\n" not in d.message and d.line >= 1 and d.column >= 1


@given(st.text(max_size=300))
def test_any_text(text):
    doc = parse_text(text, "f.yaml")
    assert_located(doc, text)
    assert_validated(doc)


@given(YAMLISH)
def test_yaml_punctuation_soup(text):
    doc = parse_text("kind: study\n" + text, "f.yaml")
    assert_located(doc)
    assert_validated(doc)


@given(st.binary(max_size=300))
def test_any_bytes(raw):
    doc = parse_bytes(raw, "f.yaml")
    assert_located(doc)
    assert_validated(doc)


# YAML, unlike JSON, forbids raw DEL, C1 controls and U+FFFE/U+FFFF (JSON escapes only C0 controls).
TEXT = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(TEXT, max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(TEXT, max_size=8), children, max_size=4),
    max_leaves=30)


@given(st.dictionaries(st.text(TEXT, max_size=8), json_values, max_size=5))
def test_json_is_read_back_unchanged(data):
    """JSON is (almost) YAML 1.2: whatever JSON a tool writes, the loader reads the same values back."""
    doc = parse_text(json.dumps(data, ensure_ascii=False), "f.yaml")
    assert [d for d in doc.diagnostics if d.severity.value == "error"] == []
    assert _same(doc.data, data)


def _same(a, b) -> bool:
    if isinstance(b, float):
        return isinstance(a, float) and (a == b or math.isclose(a, b))
    if isinstance(b, dict):
        return isinstance(a, dict) and a.keys() == b.keys() and all(_same(a[k], b[k]) for k in b)
    if isinstance(b, list):
        return isinstance(a, list) and len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


# --- mutated evidence, through the whole library (schema, checks, references) -------------------------

def _mutate(text: str, data) -> str:
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        op = data.draw(st.sampled_from(["delete", "insert", "duplicate", "swap", "indent", "replace"]))
        i = data.draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, line)
        elif op == "swap":
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent":
            lines[i] = data.draw(st.sampled_from(["", " ", "  ", "\t", "    "])) + line.lstrip(" ")
        elif op in ("insert", "replace"):
            pos = data.draw(st.integers(0, len(line)))
            piece = data.draw(st.sampled_from(["", ":", "- ", "[", "]", "{", "}", "#", "&a ", "*a", "!!python/name:x ",
                                               "'", '"', "NO", "1e3", "2025-04-22", "~", ",", "|", "\x00", "é"]))
            end = pos + (data.draw(st.integers(0, 5)) if op == "replace" else 0)
            lines[i] = line[:pos] + piece + line[end:]
        if not lines:
            lines = [""]
    return "\n".join(lines)


@settings(max_examples=60)
@given(st.data())
def test_mutated_study_and_article(data):
    study, article = _mutate(STUDY, data), _mutate(ARTICLE, data)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "demo.yaml").write_bytes(study.encode("utf-8", "surrogatepass"))
        (folder / "demo-news.yaml").write_bytes(article.encode("utf-8", "surrogatepass"))
        lib = load_library([folder], keep_models=False)
    assert lib.files == 2
    for d in lib.diagnostics:
        assert Path(d.file).name in ("demo.yaml", "demo-news.yaml")
        assert "\n" not in d.message and d.line >= 0 and d.column >= 0
        assert d.line <= max(study.count("\n"), article.count("\n")) + 2


# --- each command's input path, in-process (an exception would be result.exception) -------------------

def _cli(*args: str, stdin: str | None = None):
    from typer.testing import CliRunner

    from msvitd.cli import app

    result = CliRunner().invoke(app, list(args), input=stdin, env={"NO_COLOR": "1", "COLUMNS": "100"})
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return result


@settings(max_examples=40)
@given(st.text(max_size=200) | YAMLISH)
def test_validate_command_on_any_file(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        for fmt in ("text", "json", "github"):
            r = _cli("validate", "--format", fmt, str(path))
            assert r.exit_code in (0, 1) and r.stderr == ""
            if fmt == "json":
                assert json.loads(r.stdout)["files"] == 1


@settings(max_examples=40)
@given(st.text(max_size=40))
def test_new_command_on_any_id(ident):
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "x.yaml"
        r = _cli("new", "study", ident, "-o", str(target))
        assert r.exit_code in (0, 2)
        if r.exit_code == 0:  # an id it accepts gives a file that validates (its TODOs are warnings, S213)
            assert _cli("validate", str(target)).exit_code == 0
        else:
            assert r.stderr.startswith("msvitd new: ") and not target.exists()


@settings(max_examples=25)
@given(st.text(max_size=300))
def test_text_commands_on_any_article_text(text):
    """critique, diff and strength read raw article text: any text gives a result or a one-line refusal."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        for args in (["critique", str(path), "--source", "d-lay-ms", "-f", "json"],
                     ["diff", str(path), "--study", "d-lay-ms", "-f", "json"]):
            r = _cli(*args)
            assert r.exit_code in (0, 1, 2)
            if r.exit_code == 2:
                assert r.stderr.count("\n") == 1 and r.stderr.startswith(f"msvitd {args[0]}: ")
            else:
                json.loads(r.stdout)
        r = _cli("strength", "-", stdin=text)
        assert r.exit_code in (0, 2)
