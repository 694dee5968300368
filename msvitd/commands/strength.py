"""`msvitd strength`: the claim strength of each line, for checking a sentence before publishing."""

from __future__ import annotations

from enum import Enum
from typing import List, Optional

import typer

NAME = "strength"
_LANGS = {"en": "English", "fr": "French", "de": "German", "es": "Spanish"}


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class Convention(str, Enum):
    msvitd = "msvitd"
    yu2019 = "yu2019"


def command(
    file: Optional[str] = typer.Argument(None, metavar="FILE", help="A UTF-8 text file with one sentence a line, or - for standard "
                                         "input (the default)."),
    format: Format = typer.Option(Format.text, "--format", "-f", metavar="FORMAT",
                                  help="text (one line per sentence), json or jsonl."),
    lang: Optional[str] = typer.Option(None, "--lang", metavar="LANG", help="Language of the sentences: en, fr, de, "
                                       "es (default: detected from the input, English when it cannot tell). Only "
                                       "English uses the learned model; other languages are read by their cue words."),
    convention: Convention = typer.Option(Convention.msvitd, "--convention", metavar="NAME",
                                          help="msvitd: \"X can reduce Y\" is conditional causal and a "
                                          "negated relation (\"was not associated with\") is none. yu2019: the "
                                          "conventions of the PubMed corpus the model learnt from (\"can\" as "
                                          "learnt, mostly direct; a negated relation keeps its level)."),
    rules: bool = typer.Option(False, "--rules", help="Use the cue rules only, not the learned model."),
    lexicon: Optional[List[str]] = typer.Option(None, "--lexicon", metavar="FILE", help="An extra lexicon file (repeatable): its "
                                                "causal, hedges and negation tables add cue words."),
) -> None:
    """Print the claim strength of each input line: none, correlational ("linked to", "more likely to"),
    conditional_causal ("may reduce", "can reduce"), direct_causal ("reduces"), with the words that decided it.

    Conventions: "X can reduce Y" is conditional causal; a negated relation ("was not associated with",
    "did not reduce") claims no relation and reads none (--convention yu2019 for the PubMed corpus' own).
    JSON and JSONL give one record per input line, in order, empty lines included (strength null,
    "empty": true), so the output zips with the input.

    Exit 0 on success, 2 for a usage error or input that is not UTF-8 text.
    """
    import sys

    from msvitd.text.strength import NoCueData, classify, classify_many
    from msvitd.text.strength.cues import CueDataError, add_lexicons

    lines = _read_lines(file)
    lang, note = _language(lang, lines)
    try:
        if lexicon:
            add_lexicons(lang, tuple(lexicon))
        if lines:
            classify("", lang)  # loads the cue data once: a missing language is one message, not one a line
    except NoCueData:
        _fail(f"no cue data for {_LANGS.get(lang, lang)} ({lang}) yet; languages with cue data: "
              f"{', '.join(_available())}")
    except CueDataError as exc:
        _fail(str(exc))
    use_model = not rules
    # all lines at once: the reader scores many sentences together (msvitd/text/strength/reader.py)
    read = iter(classify_many([t for t in (line.strip() for line in lines) if t], lang, convention.value, use_model))
    rows = []
    for n, line in enumerate(lines, 1):
        text = line.strip()
        if not text:
            rows.append({"line": n, "text": "", "strength": None, "empty": True, "negated": False, "source": None,
                         "cues": []})
            continue
        s = next(read)
        rows.append({"line": n, "text": text, "strength": s.level, "empty": False, "negated": s.negated,
                     "source": s.source, "cues": [{"text": t, "type": k} for t, k in s.cues]})
    _write(sys.stdout, _render(rows, format))
    if note:  # said as critique and diff say it; after the output, so a usage error stays one line
        print(f"msvitd strength: {note}", file=sys.stderr)


def _render(rows: list, format: Format) -> str:
    import json

    if format == Format.json:
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if format == Format.jsonl:
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    width = max((len(r["strength"]) for r in rows if r["strength"]), default=0)
    out = []
    for row in rows:
        if row["empty"]:
            out.append("\n")
            continue
        cues = ", ".join(f"{c['text']} ({c['type']})" for c in row["cues"])
        out.append(f"{row['strength']:<{width}}  {row['text']}" + (f"  [{cues}]" if cues else "") + "\n")
    return "".join(out)


def _read_lines(file: Optional[str]) -> list[str]:
    import sys
    from pathlib import Path

    name = "<stdin>" if file in (None, "-") else file
    if file in (None, "-"):
        raw = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8", "surrogatepass")
    else:
        p = Path(file)
        if not p.is_file():
            _fail(f"{file}: no such file")
        try:
            raw = p.read_bytes()
        except OSError as exc:
            _fail(f"{file}: cannot read: {exc.strerror or exc}")
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        _fail(f"{name}:{line}:1: a binary file, not text with one sentence a line")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        _fail(f"{name}:{line}:{col}: not UTF-8 text (byte 0x{raw[exc.start]:02x}); convert it first, "
              f"e.g. iconv -f latin1 -t utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    # one record per line as `wc -l` and editors count them: \n, \r\n or \r (not the form feeds and
    # Unicode separators str.splitlines also breaks at, which would shift the records)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _language(lang: Optional[str], lines: list[str]) -> tuple[str, Optional[str]]:
    """--lang, checked; else the language of the input as a whole (msvitd/text/language.py), with
    the note to give when it could not tell or cannot read it (then English)."""
    from msvitd.text.langdata import LanguageError, check_code
    from msvitd.text.language import detect_language, undetermined_note

    if lang:
        try:
            return check_code(lang), None
        except LanguageError as exc:
            _fail(f"--lang: {exc}")
    text = "\n".join(lines)
    guess = detect_language(text)
    # said on stderr (the JSON is one record a line, zipped with the input), as critique and diff say it
    note = undetermined_note(guess, text) or (None if guess.supported or guess.code is None else
                                              f"{guess.name} is not read yet, read as English; --lang chooses")
    return (guess.code if guess.supported else "en"), note


def _available() -> list[str]:
    from msvitd.text.strength import NoCueData
    from msvitd.text.strength.cues import load

    out = []
    for code in _LANGS:
        try:
            load(code)
            out.append(code)
        except NoCueData:
            pass
    return out


def _write(stream, text: str) -> None:
    """Write, and end quietly when the reader has gone (`msvitd strength FILE | head -1`)."""
    import os
    import sys

    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        # the interpreter would flush stdout again at exit and print a traceback: point it at /dev/null
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        raise typer.Exit(0)


def _fail(message: str) -> None:
    typer.echo(f"msvitd strength: {message}", err=True)
    raise typer.Exit(2)
