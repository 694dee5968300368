"""Load an article's text from .txt, .md or a saved .html page (no network).

HTML goes through trafilatura (main-text extraction that drops navigation, comments and
page furniture); when trafilatura is not installed a plain stdlib fallback keeps the
paragraph text.  Markdown is kept as written (the splitter skips heading and list markers,
so offsets still point into the file).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

MAX_BYTES = 5_000_000
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", "")


class SourceError(Exception):
    """The article cannot be read (missing, binary, too large, empty): a usage error."""


def decode(raw: bytes, name: str) -> str:
    if b"\x00" in raw[:4096]:
        raise SourceError(f"{name}: looks like a binary file, not an article")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


class _Text(HTMLParser):
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote",
             "header", "footer", "title"}
    SKIP = {"script", "style", "noscript", "nav", "aside", "form", "svg", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The main text of an HTML page: trafilatura when available, else a plain tag stripper."""
    try:
        import trafilatura  # noqa: WPS433 (heavy; imported only for HTML input)

        extracted = trafilatura.extract(markup, include_comments=False, include_tables=False,
                                        favor_precision=True, with_metadata=False)
        if extracted and extracted.strip():
            title = ""
            m = re.search(r"<h1[^>]*>(.*?)</h1>", markup, re.I | re.S) or re.search(r"<title[^>]*>(.*?)</title>", markup, re.I | re.S)
            if m:
                title = html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip()
            body = extracted.strip()
            # trafilatura puts one paragraph per line; make paragraphs explicit for the splitter
            body = re.sub(r"\n(?!\n)", "\n\n", body)
            if title and not body.startswith(title):
                body = f"{title}\n\n{body}"
            return body + "\n"
    except Exception:  # any extractor failure falls back to the plain parser
        pass
    p = _Text()
    p.feed(markup)
    text = "".join(p.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


def read_article(path: str, stdin_text: str | None = None) -> str:
    """The text to critique from a file path (or ``-`` with ``stdin_text``)."""
    if path == "-":
        text = stdin_text or ""
        return html_to_text(text) if looks_like_html(text) else text
    p = Path(path)
    if not p.exists():
        raise SourceError(f"{path}: no such file")
    if p.is_dir():
        raise SourceError(f"{path}: is a folder, not an article file")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(f"{path}: file is {size:,} bytes; the limit is {MAX_BYTES:,}")
        raw = p.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from None
    text = decode(raw, path)
    if p.suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        text = html_to_text(text)
    if not text.strip():
        raise SourceError(f"{path}: the article is empty")
    return text
