"""How wide a text is drawn, and how a label is wrapped (and cut, as a last resort) to fit a column.

Widths are an upper estimate: the advance widths of DejaVu Sans, the widest of the common
sans-serif faces, so a label measured here fits whatever face the reader's browser picks. The
numbers of a forest plot use a monospaced face, whose width is known exactly.
"""

from __future__ import annotations

import unicodedata

# Advance widths in em of DejaVu Sans (the widest of the common sans-serif faces: wider than Arial,
# Helvetica, Liberation Sans, Roboto), rounded up. Used as an upper estimate of a label's width.
_NARROW = dict.fromkeys("ijl|!.,:;'`", 0.32)
_NARROW.update(dict.fromkeys("fIJt()[]{}/\\- ", 0.42))
_NARROW["r"] = 0.42
_WIDE = dict.fromkeys("mw%", 1.0)
_WIDE.update(dict.fromkeys("MW@", 1.0))
_WIDE.update(dict.fromkeys("—…", 1.0))
_UPPER = 0.80
_OTHER = 0.66
MONO_EM = 0.61  # DejaVu Sans Mono, Liberation Mono, Courier, Menlo: 0.60-0.602 em


def char_em(ch: str) -> float:
    if ch in _NARROW:
        return _NARROW[ch]
    if ch in _WIDE:
        return _WIDE[ch]
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.05
    if unicodedata.combining(ch):
        return 0.0
    if ch.isupper():
        return _UPPER
    return _OTHER


def text_width(text: str, font_size: float) -> float:
    """Estimated width in px of ``text`` in the plot's sans-serif face (an upper estimate)."""
    return sum(char_em(c) for c in text) * font_size


def mono_width(text: str, font_size: float) -> float:
    return len(text) * MONO_EM * font_size


def wrap_label(label: str, max_px: float, font_size: float, max_lines: int = 2) -> tuple[tuple[str, ...], bool]:
    """Wrap at spaces into lines no wider than ``max_px``; cut the last line with an ellipsis."""
    text = " ".join(label.split())
    if text_width(text, font_size) <= max_px:
        return (text,), False
    words = text.split(" ")
    lines: list[str] = []
    cur = ""
    i = 0
    while i < len(words) and len(lines) < max_lines - 1:
        w = words[i]
        trial = f"{cur} {w}" if cur else w
        if text_width(trial, font_size) <= max_px:
            cur = trial
            i += 1
            continue
        if not cur:  # one word wider than the column: break it
            cur = _fit(w, max_px, font_size, ellipsis=False)
            words[i] = w[len(cur):]
        lines.append(cur)
        cur = ""
    rest = " ".join(([cur] if cur else []) + words[i:]).strip()
    cut = False
    if rest:
        if text_width(rest, font_size) <= max_px:
            lines.append(rest)
        else:
            lines.append(_fit(rest, max_px, font_size, ellipsis=True))
            cut = True
    return tuple(lines), cut


def two_line_width(text: str, font_size: float, slack: float = 1.25) -> float:
    """A column that holds ``text`` on two lines broken at a space (one line if it has none): the narrowest
    one, or up to ``slack`` times wider when that puts more words on the first line (reads better)."""
    words = text.split(" ")
    splits = [max(text_width(" ".join(words[:i]), font_size), text_width(" ".join(words[i:]), font_size))
              for i in range(1, len(words))]
    if not splits:
        return text_width(text, font_size)
    best = min(splits)
    return next(w for w in reversed(splits) if w <= best * slack)


def _fit(text: str, max_px: float, font_size: float, ellipsis: bool) -> str:
    room = max_px - (text_width("…", font_size) if ellipsis else 0)
    out = ""
    for ch in text:
        if text_width(out + ch, font_size) > room:
            break
        out += ch
    if not out:
        out = text[:1]
    return (out.rstrip() + "…") if ellipsis else out
