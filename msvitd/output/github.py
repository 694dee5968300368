"""GitHub Actions workflow commands (annotations), with the escaping the runner expects."""

from __future__ import annotations


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def annotation(severity: str, message: str, file: str = "", line: int = 0, column: int = 0,
               end_line: int = 0, end_column: int = 0, title: str = "") -> str:
    props = []
    if file:
        props.append(f"file={escape_property(file)}")
    if line:
        props.append(f"line={line}")
        if column:
            props.append(f"col={column}")
        if end_line:
            props.append(f"endLine={end_line}")
        if end_column:
            props.append(f"endColumn={end_column}")
    if title:
        props.append(f"title={escape_property(title)}")
    head = _LEVEL.get(severity, "notice")
    return f"::{head} {','.join(props)}::{escape_data(message)}" if props else f"::{head}::{escape_data(message)}"
