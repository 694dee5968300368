"""Read an article's text from .txt, .md or a saved .html page (no network), keeping the way back.

Every command reads articles here, so an encoding or a format is accepted the same way
everywhere: UTF-8 (with or without BOM), else Windows-1252 (what Word and older CMSs save),
else Latin-1. HTML goes through trafilatura (main-text extraction that drops navigation,
comments and page furniture; a stdlib tag stripper when it fails). Markdown is read as rendered
text: emphasis, links, images, inline code and inline HTML are dropped, so `**halts**` reads as
"halts". For both, an `ArticleText` keeps the offset in the file of every character read, so
findings are reported at line:column in the file the user gave.
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from msvitd.errors import MAX_BYTES, InputError, too_large

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
SourceError = InputError  # the name the readers of this module used


@dataclass(frozen=True, eq=False)
class ArticleText:
    """The text msvitd reads and how it maps back to the file (``offsets[i]``: where ``text[i]``
    stands in ``raw``; None when the text is the file's own text)."""

    text: str
    file: str
    raw: str | None = None
    offsets: array | None = None

    def _line_starts(self) -> list[int]:
        cached = self.__dict__.get("_starts")
        if cached is None:
            src = self.raw if self.raw is not None else self.text
            cached = [0] + [m.end() for m in re.finditer("\n", src)]
            object.__setattr__(self, "_starts", cached)
        return cached

    def file_offset(self, offset: int) -> int:
        if self.offsets is None or not len(self.offsets):
            return offset
        return self.offsets[max(0, min(offset, len(self.offsets) - 1))]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of the character at ``offset`` in the text read."""
        at = self.file_offset(offset)
        starts = self._line_starts()
        i = bisect.bisect_right(starts, at) - 1
        return i + 1, at - starts[i] + 1

    def end_position(self, end: int) -> tuple[int, int]:
        """The (line, column) just after the character before ``end`` (an exclusive end)."""
        if self.offsets is None or end <= 0:
            return self.position(end)
        line, col = self.position(end - 1)
        return line, col + 1


def decode(raw: bytes, name: str) -> str:
    if b"\x00" in raw[:4096]:
        raise InputError(f"{name}: looks like a binary file, not an article")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


@lru_cache(maxsize=1)
def _text_parser():
    """The plain tag stripper's class, made on first use: ``html.parser`` and its entity table are
    imported only for HTML input (a .txt or .md critique never needs them)."""
    from html.parser import HTMLParser

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

    return _Text


def html_to_text(markup: str) -> str:
    """The main text of an HTML page: trafilatura when it finds one, else a plain tag stripper."""
    try:
        import trafilatura  # heavy; imported only for HTML input

        extracted = trafilatura.extract(markup, include_comments=False, include_tables=False,
                                        favor_precision=True, with_metadata=False)
    except Exception:  # any extractor failure falls back to the plain parser
        extracted = None
    if extracted and extracted.strip():
        title = ""
        m = re.search(r"<h1[^>]*>(.*?)</h1>", markup, re.I | re.S) or re.search(r"<title[^>]*>(.*?)</title>", markup, re.I | re.S)
        if m:
            import html

            title = html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip()
        body = extracted.strip()
        # trafilatura puts one paragraph per line; make paragraphs explicit for the splitter
        body = re.sub(r"\n(?!\n)", "\n\n", body)
        if title and not body.startswith(title):
            body = f"{title}\n\n{body}"
        return body + "\n"
    p = _text_parser()()
    p.feed(markup)
    text = "".join(p.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


# ---------------------------------------------------------------- mapping extracted HTML back
_HTML_TOKEN = re.compile(r"<!--.*?-->|<(script|style|noscript|template)\b.*?</\1\s*>|<[^>]*>|&#?\w+;", re.I | re.S)


def _visible(markup: str) -> tuple[str, array]:
    """The page's characters outside tags (entities decoded, whitespace dropped) and their offsets."""
    chars: list[str] = []
    where = array("i")
    pos = 0
    for m in _HTML_TOKEN.finditer(markup):
        for i in range(pos, m.start()):
            if not markup[i].isspace():
                chars.append(markup[i])
                where.append(i)
        if m.group(0).startswith("&"):
            import html  # (imported once, on the first entity: HTML input only)

            for ch in html.unescape(m.group(0)):
                if not ch.isspace():
                    chars.append(ch)
                    where.append(m.start())
        pos = m.end()
    for i in range(pos, len(markup)):
        if not markup[i].isspace():
            chars.append(markup[i])
            where.append(i)
    return "".join(chars), where


def map_html(text: str, markup: str) -> array:
    """For each character of the extracted ``text``, its offset in ``markup``: each paragraph is
    found in the page's visible characters (whitespace ignored), searching onwards from the
    previous one and, failing that, from the top (a title moved before the body)."""
    visible, where = _visible(markup)
    out = array("i", [0]) * len(text)
    pos, last = 0, 0
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        squashed = "".join(ch for ch in line if not ch.isspace())
        # a list bullet the extractor wrote ("- item") is not in the page: match without it
        body = squashed.lstrip("-*•·–")
        lead = len(squashed) - len(body)
        at = visible.find(body, pos) if body else -1
        if at < 0 and body:
            at = visible.find(body)
        if at >= 0:
            k, seen = at, 0
            for i in range(m.start(), m.end()):
                if not text[i].isspace():
                    seen += 1
                    if seen > lead and k < len(where):
                        last = where[k]
                        k += 1
                    elif k < len(where):
                        last = where[k]
                out[i] = last
            pos = at + len(body)
            continue
        # the extractor changed characters: match one by one, each within a short reach of the last
        k = pos
        for i in range(m.start(), m.end()):
            ch = text[i]
            if not ch.isspace():
                j = visible.find(ch, k, k + 200)
                if j >= 0:
                    last, k = where[j], j + 1
            out[i] = last
        pos = k
    for i, ch in enumerate(text):  # newlines between paragraphs: where the previous character was
        if ch == "\n" and i:
            out[i] = out[i - 1]
    return out


# ------------------------------------------------------------------------- Markdown, rendered
_MD_TOKEN = re.compile(
    r"(?P<img>!\[(?P<alt>[^\]\n]*)\]\([^)\n]*\))"
    r"|(?P<link>\[(?P<label>[^\]\n]+)\]\([^)\n]*\))"
    r"|(?P<esc>\\[\\`*_{}\[\]()#+\-.!])"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<tag></?[A-Za-z][^>\n]*>)"
    r"|(?P<code>`+)"
    r"|(?P<emph>\*+|_+)", re.S)
_PUNCT = re.compile(r"[^\w\s]")


def _is_delimiter(src: str, s: int, e: int) -> bool:
    """A run of * or _ that opens or closes emphasis (CommonMark's flanking rules, simplified);
    a lone `*` between spaces, a list marker and snake_case are text."""
    before = src[s - 1] if s > 0 else " "
    after = src[e] if e < len(src) else " "
    left = not after.isspace() and (not _PUNCT.match(after) or before.isspace() or bool(_PUNCT.match(before)))
    right = not before.isspace() and (not _PUNCT.match(before) or after.isspace() or bool(_PUNCT.match(after)))
    if src[s] == "_":
        return (left and not before.isalnum()) or (right and not after.isalnum())
    return left or right


def _render_md(src: str, a: int, b: int, parts: list[str], where: array) -> None:
    pos = a
    for m in _MD_TOKEN.finditer(src, a, b):
        parts.append(src[pos:m.start()])
        where.extend(range(pos, m.start()))
        kind = m.lastgroup if m.lastgroup not in ("alt", "label") else ("img" if m.group("img") else "link")
        if kind == "img":
            parts.append(src[m.start("alt"):m.end("alt")])
            where.extend(range(m.start("alt"), m.end("alt")))
        elif kind == "link":
            _render_md(src, m.start("label"), m.end("label"), parts, where)
        elif kind == "esc":
            parts.append(src[m.start() + 1])
            where.append(m.start() + 1)
        elif kind == "emph" and not _is_delimiter(src, m.start(), m.end()):
            parts.append(m.group(0))
            where.extend(range(m.start(), m.end()))
        pos = m.end()  # comments, tags, code ticks and emphasis delimiters are dropped
    parts.append(src[pos:b])
    where.extend(range(pos, b))


def render_markdown(src: str) -> tuple[str, array]:
    """Markdown as a reader sees it, and each character's offset in ``src``. Line-start markers
    (#, >, list bullets) stay: the sentence splitter reads them as structure."""
    parts: list[str] = []
    where = array("i")
    _render_md(src, 0, len(src), parts, where)
    return "".join(parts), where


# ------------------------------------------------------------------------------- entry points
def article_from_string(raw: str, file: str, suffix: str = "") -> ArticleText:
    """The text to read from a file's decoded content, by its suffix (or its look, for stdin)."""
    if suffix in HTML_SUFFIXES or looks_like_html(raw):
        text = html_to_text(raw)
        return ArticleText(text, file, raw, map_html(text, raw))
    if suffix in MARKDOWN_SUFFIXES:
        text, where = render_markdown(raw)
        return ArticleText(text, file, raw, where) if text != raw else ArticleText(raw, file)
    return ArticleText(raw, file)


def read_text_file(path: str) -> str:
    """A file's decoded text, or an InputError saying in one line why it cannot be read."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: a symbolic link to nothing (broken, or a loop)" if p.is_symlink()
                         else f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a folder, not an article file")
    if not p.is_file():  # reading a pipe with no writer would wait for ever
        raise InputError(f"{path}: is not a regular file (a pipe, socket or device)")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {too_large(size)}")
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode(raw, path)


def read_source(path: str, stdin_text: str | None = None, file: str | None = None) -> ArticleText:
    """The article at ``path`` (``-``: ``stdin_text``), reported against ``file`` (default: path)."""
    name = file or ("<stdin>" if path == "-" else path)
    if path == "-":
        if len((stdin_text or "").encode("utf-8", "replace")) > MAX_BYTES:
            raise InputError(f"{name}: {too_large(len(stdin_text.encode('utf-8', 'replace')))}")
        art = article_from_string(stdin_text or "", name)
    else:
        art = article_from_string(read_text_file(path), name, Path(path).suffix.lower())
    if not art.text.strip():
        raise InputError(f"{name}: the article is empty")
    return art


def read_article(path: str, stdin_text: str | None = None) -> str:
    """The text to critique from a file path (or ``-`` with ``stdin_text``)."""
    return read_source(path, stdin_text).text
