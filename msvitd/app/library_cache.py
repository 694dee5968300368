"""The evidence library of the last run, kept in the user's cache folder (issue 17): a second
``msvitd critique`` (diff, report, extract) on the same evidence skips YAML parsing, pydantic
validation and the checks, and only unpickles what they produced.

The key is made of the exact bytes of every evidence file (and the name it is reported under),
msvitd's version and the state of its code (the size and time of every file in the package, so a
working copy's edit counts too); the article text files the checks read are recorded with their
bytes' hash and compared on every hit.  A changed file therefore takes effect at once; a library
with an error is never stored (the next run reads it again and reports again); a cache that cannot
be read or written is ignored, and ``MSVITD_NO_CACHE=1`` turns it off (msvitd/text/cache.py)."""

from __future__ import annotations

import os
from pathlib import Path

from msvitd.text.cache import hasher

_KIND = "library"
_CODE: list[str] = []


def _code_state() -> str:
    """Every file of the package by name, size and modification time (a few ms; no file is read)."""
    if not _CODE:
        root = Path(__file__).resolve().parent.parent
        h = hasher()
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
            for name in sorted(files):
                if name.endswith((".py", ".yaml", ".yml", ".json")):
                    st = os.stat(os.path.join(folder, name))
                    h.update(f"{folder}/{name}|{st.st_size}|{st.st_mtime_ns}\n".encode())
        _CODE.append(h.hexdigest()[:16])
    return _CODE[0]


def _key(files: list[Path]) -> str | None:
    from msvitd.models.light import FORMAT
    from msvitd.text.cache import _engine_id

    h = hasher(f"{_engine_id()}|{_code_state()}|light {FORMAT}".encode())
    for p in files:
        if not p.is_file():
            return None  # a pipe would block the read; the loader reports it (Y011)
        try:
            h.update(str(p).encode() + b"\0" + p.read_bytes() + b"\0")
        except OSError:
            return None  # reported by the loader, and its wording depends on more than bytes
    return h.hexdigest()[:32]


def _digest(path: Path) -> str | None:
    try:
        return hasher(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _read_files(lib) -> list[Path]:
    """The other files the checks read: each article's ``text_file``."""
    out = []
    for entry in lib.articles.values():
        model = entry.model
        if getattr(model, "text", None) is None and getattr(model, "text_file", None):
            out.append(Path(entry.file).parent / model.text_file)
    return out


def load_library_cached(paths):
    """``msvitd.library.load_library(paths)``, from the cache when nothing it read has changed."""
    from msvitd.library import discover, load_library
    from msvitd.text import cache

    files = discover(paths)
    key = _key(files) if cache.cache_dir() is not None else None
    hit = cache.load(key, _KIND)
    try:
        lib, deps = hit
        if all(_digest(Path(p)) == d for p, d in deps):
            cache.tag_library(key, lib.studies)  # what the critique derives from a study is kept too
            return lib
    except Exception:
        pass  # no entry, or not one this code wrote
    lib = load_library(files)
    if key is not None and not lib.errors:
        deps = [(str(p), _digest(p)) for p in _read_files(lib)]
        if all(d is not None for _, d in deps):
            cache.save(key, (lib, deps), _KIND)
            cache.tag_library(key, lib.studies)
    return lib
