"""The page as GitHub-flavoured markdown: the same content as the HTML page, for a pull-request
comment or a wiki. Forest plots come as text in a code block and, when the page is written to a
file, also as SVG files beside it (``report-forest-1-1.svg``), linked as images."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from msvitd.report.templating import markdown_environment


def image_names(page, out_path: Optional[Path]) -> dict[str, str]:
    """{figure id: file name beside the markdown file}."""
    if out_path is None:
        return {}
    stem = out_path.stem or "report"
    return {f.id: f"{stem}-{f.id}.svg" for f in page.figures}


def render_markdown(page, images: Optional[dict] = None) -> str:
    text = markdown_environment().get_template("report.md.j2").render(page=page, images=images or {})
    # no run of blank lines longer than one, whatever the template's branches left behind
    lines, blank = [], 0
    for line in text.splitlines():
        blank = blank + 1 if not line.strip() else 0
        if blank <= 1:
            lines.append(line.rstrip() if not line.endswith("  ") else line)
    return "\n".join(lines).strip("\n") + "\n"
