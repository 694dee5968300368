"""File bytes to text (UTF-8, or UTF-16/32 with a byte-order mark), and positions as editors count them."""

from __future__ import annotations

import re


# UTF-32 first: its little-endian mark FF FE 00 00 also starts with UTF-16's FF FE
_BOMS = (((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"), "utf-32"), ((b"\xff\xfe", b"\xfe\xff"), "utf-16"))


def decode(raw: bytes) -> tuple[str | None, str, int, int]:
    """Decode file bytes; on failure return (None, message, line, col)."""
    for boms, codec in _BOMS:
        if raw.startswith(boms):
            try:
                return raw.decode(codec), "", 0, 0
            except UnicodeDecodeError:
                return None, f"invalid {codec.upper()} text", 1, 1
    nul = raw.find(b"\x00")
    if nul >= 0:
        return (None, "binary file (contains a NUL byte); evidence files are UTF-8 text",
                *_byte_position(raw, nul))
    try:
        return raw.decode("utf-8-sig"), "", 0, 0
    except UnicodeDecodeError as exc:
        return (None, f"not UTF-8 text: byte 0x{raw[exc.start]:02x} cannot be decoded",
                *_byte_position(raw, exc.start))


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters, as editors count: `café` is 4 wide) of a byte offset."""
    start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, len(raw[start:offset].decode("utf-8", "replace")) + 1


def offset_position(text: str, offset: int, utf8: bool) -> tuple[int, int]:
    """1-based line and column of a character offset (libyaml counts UTF-8 bytes, PyYAML characters)."""
    if utf8:
        prefix = text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", "replace")
    else:
        prefix = text[:offset]
    lines = re.split(r"\r\n|\r|\n", prefix)
    return len(lines), len(lines[-1]) + 1
