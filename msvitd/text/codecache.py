"""The methods ``@dataclass`` writes, compiled once and kept in the user's cache folder between runs
(issue 17; split from msvitd/text/cache.py, whose folder, hashing and format it uses)."""

from __future__ import annotations

import os
import sys

from msvitd.text.cache import FORMAT, cache_dir, hasher

# -- the methods @dataclass writes, compiled once between runs -------------------------------------
# ``@dataclass`` writes each class's __init__, __repr__, __eq__ ... as source text and compiles it
# with ``exec``: ~1 ms a class, and a critique's modules define ~50 classes (a tenth of a warm
# one-article run).  ``preload_dataclass_code`` (called once by the command line, never on import)
# gives the dataclasses module an ``exec`` that compiles each distinct text once and keeps the code
# objects in the cache folder (marshal, keyed by Python's version): the same text compiled the same
# way (no inherited ``from __future__`` flags, as dataclasses' own ``exec`` has none), so the classes
# are the same; any surprise means ordinary compilation.

_DC: dict = {}
_DC_LIMIT = 4000  # distinct method texts kept (a critique makes ~250)


def _dc_file(group: str = "") -> str:
    tag = hasher(f"{FORMAT}|{sys.version}|{sys.implementation.cache_tag}".encode()).hexdigest()[:16]
    group = "".join(c for c in group if c.isalnum())[:20]
    return f"dataclass-{tag}-{group}.marshal" if group else f"dataclass-{tag}.marshal"


def preload_dataclass_code(group: str = "") -> int:
    """Install the caching ``exec`` in the dataclasses module, with the code an earlier run of
    ``group`` (the command) stored; returns how many texts were loaded."""
    folder = cache_dir()
    if _DC or folder is None:
        return 0
    import builtins
    import dataclasses
    import marshal

    if "exec" in vars(dataclasses):  # someone else's hook: leave it alone
        return 0
    # text -> the marshalled code, made a code object when first used (a run uses most of its
    # command's file; a file read whole and unmarshalled piece by piece costs ~1 ms)
    stored: dict = {}
    try:
        with open(folder / _dc_file(group), "rb") as fh:
            data = marshal.loads(fh.read())  # (marshal.load reads a file in small pieces: 15x slower)
        if isinstance(data, dict) and data.get("version") == sys.version and isinstance(data.get("codes"), dict):
            stored = data["codes"]
    except Exception:
        stored = {}
    made: dict = {}
    _DC.update(stored=stored, made=made, file=_dc_file(group))
    real_exec = builtins.exec

    def exec_(source, globals=None, locals=None, /):
        if type(source) is str and globals is not None:
            code = made.get(source)
            if code is None:
                raw = stored.get(source)
                try:
                    code = marshal.loads(raw) if raw is not None else None
                except Exception:
                    code = None
                if code is None:
                    code = compile(source, "<string>", "exec", dont_inherit=True)
                made[source] = code
            source = code
        elif globals is None:  # (dataclasses always passes its namespace; the caller's otherwise)
            frame = sys._getframe(1)
            globals, locals = frame.f_globals, frame.f_locals if locals is None else locals
        return real_exec(source, globals, locals)

    dataclasses.exec = exec_
    import atexit

    atexit.register(save_dataclass_code)
    return len(stored)


def save_dataclass_code() -> None:
    """Add the texts this run compiled to its command's file (at exit; silent on any error)."""
    try:
        import marshal

        folder = cache_dir()
        stored, made = _DC.get("stored"), _DC.get("made")
        if folder is None or stored is None or made is None:
            return
        new = {text: marshal.dumps(code) for text, code in made.items() if text not in stored}
        if not new:
            return
        base = dict(stored) if len(stored) + len(new) <= _DC_LIMIT else {}
        base.update(new)
        folder.mkdir(parents=True, exist_ok=True)
        name = _DC.get("file") or _dc_file()
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            marshal.dump({"version": sys.version, "codes": base}, fh)
        os.replace(tmp, folder / name)
        _DC["stored"] = base
    except Exception:
        return
