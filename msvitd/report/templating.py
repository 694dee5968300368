"""The Jinja2 environments: HTML and SVG with autoescaping on, markdown with its own escaping filter.

Everything that comes from an evidence file or an article reaches the page through a template
variable, so it is escaped on the way out; no HTML is built by string concatenation.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=None)
def environment():
    """HTML/SVG templates: autoescape on for every template, undefined names are errors."""
    return _environment(True, {"r1": r1})


@lru_cache(maxsize=None)
def markdown_environment():
    """Markdown templates: no HTML autoescaping (it would show &amp; literally); use ``|md`` and ``|cell``."""
    return _environment(False, {"md": md, "cell": cell, "code": code, "fenced": fenced, "link": link})


def _environment(autoescape: bool, filters: dict):
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=autoescape, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, finalize=_finalize)
    env.filters.update(filters)
    return env


_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Characters XML and HTML forbid (control characters, lone surrogates) as U+FFFD, one for one,
    so offsets into an article's text still hold."""
    return _INVALID.sub("\ufffd", text)


def _finalize(value):
    # every {{ expression }} passes here before escaping: strings from files are cleaned; markup made by
    # an autoescaping template (the forest SVG) passes as it is
    if hasattr(value, "__html__"):
        return value
    return clean(value) if isinstance(value, str) else ("" if value is None else value)


def r1(v: float) -> str:
    """A coordinate with one decimal and no trailing ``.0``."""
    s = f"{float(v):.1f}"
    if s == "-0.0":
        s = "0.0"
    return s[:-2] if s.endswith(".0") else s


_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def md(text) -> str:
    """Text for a markdown paragraph: HTML characters as entities (GitHub renders raw HTML), markdown
    punctuation backslash-escaped, so an article's ``<script>`` or ``**`` shows as written."""
    s = "" if text is None else str(text)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    # a line starting with "1. ", "- ", "+ " or ">" would become a list or a quote
    s = re.sub(r"(?m)^(\s*)(\d+)\.(\s)", r"\1\2\\.\3", s)
    s = re.sub(r"(?m)^(\s*)([-+])(\s)", r"\1\\\2\3", s)
    return s


def cell(text) -> str:
    """Text for one markdown table cell: as :func:`md`, on one line."""
    return " ".join(md(text).split())


def code(text) -> str:
    """Inline code that survives backticks in the text."""
    s = " ".join(("" if text is None else str(text)).split())
    fence = "`"
    while fence in s:
        fence += "`"
    pad = " " if s.startswith("`") or s.endswith("`") else ""
    return f"{fence}{pad}{s}{pad}{fence}"


def fenced(text, info: str = "text") -> str:
    """A fenced code block longer than any backtick run inside, so the text cannot close it."""
    s = "" if text is None else str(text)
    n = 3
    for run in re.findall(r"`+", s):
        n = max(n, len(run) + 1)
    return f"{'`' * n}{info}\n{s}\n{'`' * n}"


def safe_url(url: Optional[str]) -> Optional[str]:
    """Only plain http(s) URLs become links (never javascript:, data:, or relative paths)."""
    if not url:
        return None
    u = url.strip()
    return u if re.match(r"^https?://[^\s<>\"']+$", u, re.I) else None


def link(url) -> str:
    """An autolink for a plain http(s) URL; anything else as inline code (never a live link)."""
    u = safe_url(url)
    return f"<{u}>" if u else code(url)


def render_html(page) -> str:
    return environment().get_template("report.html.j2").render(page=page)
