"""Colour contrast of the page's palette: every text/background pair it uses meets WCAG AA (4.5:1)."""

from __future__ import annotations

import re

import pytest

from msvitd.report.templating import TEMPLATES


def palette() -> dict[str, str]:
    css = (TEMPLATES / "report.css.j2").read_text(encoding="utf-8")
    root = re.search(r":root\s*{([^}]*)}", css).group(1)
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", root))


def luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


P = palette()
WHITE = "#ffffff"
PAIRS = [
    ("ink", "paper"), ("muted", "paper"), ("muted", "band"), ("ink", "band"), ("link", "paper"), ("link", "band"),
    ("ink", "err-bg"), ("ink", "warn-bg"), ("ink", "info-bg"), ("ink", "ok-bg"),  # highlighted words
    ("neutral", "paper"),
]
ON_WHITE_TEXT = ["err", "warn", "info", "ok", "neutral", "ink"]  # badges, finding labels, table headers


@pytest.mark.parametrize("fg,bg", PAIRS)
def test_text_on_background_meets_aa(fg, bg):
    assert contrast(P[fg], P[bg]) >= 4.5, f"{fg} on {bg}: {contrast(P[fg], P[bg]):.2f}"


@pytest.mark.parametrize("bg", ON_WHITE_TEXT)
def test_white_text_on_badges_meets_aa(bg):
    assert contrast(WHITE, P[bg]) >= 4.5, f"white on {bg}: {contrast(WHITE, P[bg]):.2f}"


def test_severities_differ_by_more_than_colour():
    css = (TEMPLATES / "report.css.j2").read_text(encoding="utf-8")
    styles = {s: re.search(rf"mark\.sev-{s} {{[^}}]*border-bottom: [0-9]+px (\w+)", css).group(1)
              for s in ("error", "warning", "info")}
    assert len(set(styles.values())) == 3  # solid, dashed, dotted: readable without colour vision too


def test_svg_colours_are_dark_on_white():
    svg = (TEMPLATES / "forest.svg.j2").read_text(encoding="utf-8")
    for colour in set(re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{6})"', svg)) - {"#ffffff", "#f2f4f7"}:
        assert contrast(colour, WHITE) >= 3.0, colour  # graphical objects: WCAG 1.4.11 asks 3:1
