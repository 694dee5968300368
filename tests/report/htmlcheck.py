"""Reading the page back with the standard library's HTML parser: tags, marks, headings, ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Mark:
    findings: tuple[int, ...]
    attrs: dict
    text: str = ""


@dataclass
class Parsed:
    tags: list = field(default_factory=list)  # (name, attrs)
    marks: list = field(default_factory=list)
    headings: list = field(default_factory=list)  # (level, text)
    ids: list = field(default_factory=list)
    article_text: str = ""


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = Parsed()
        self.stack: list[str] = []
        self.mark: Mark | None = None
        self.heading: list | None = None
        self.in_article = 0
        self.in_tag = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.out.tags.append((tag, a))
        if "id" in a:
            self.out.ids.append(a["id"])
        if tag in VOID:
            return
        self.stack.append(tag)
        if self.in_article:
            self.in_article += 1
        if a.get("id") == "article-text":
            self.in_article = 1
        if self.in_article and tag == "a" and "tag" in a.get("class", "").split():
            self.in_tag = self.in_article
        if tag == "mark" and "data-findings" in a:
            self.mark = Mark(tuple(int(x) for x in a["data-findings"].split()), a)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading = [int(tag[1]), ""]

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.stack:
            self.stack.pop()
        if self.in_article:
            if self.in_tag == self.in_article:
                self.in_tag = 0
            self.in_article -= 1
        if tag == "mark" and self.mark is not None:
            self.out.marks.append(self.mark)
            self.mark = None
        if tag[0] == "h" and tag[1:].isdigit() and self.heading is not None:
            self.out.headings.append(tuple(self.heading))
            self.heading = None

    def handle_data(self, data):
        if self.mark is not None:
            self.mark.text += data
        if self.heading is not None:
            self.heading[1] += data
        if self.in_article and not self.in_tag:
            self.out.article_text += data


def parse(html: str) -> Parsed:
    p = _Parser()
    p.feed(html)
    p.close()
    return p.out


def finding_text(parsed: Parsed, n: int) -> str:
    """The words highlighted for finding ``n``: its mark pieces joined in order."""
    return "".join(m.text for m in parsed.marks if n in m.findings)
