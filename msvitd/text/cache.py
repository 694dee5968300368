"""A cache of the compiled lexicon in the user's cache folder, so that start-up does not parse
the lexicon YAML and compile ~250 large regexes again on every run (issue 17: 1.3 s of 1.4).

What is stored, keyed by the exact bytes of every lexicon file read (bundled and the user's
``--lexicon`` files), the language, msvitd's and Python's versions: the built Lexicon, each of
its regexes as the program Python's regex compiler produced for it.  Loading rebuilds each
pattern from its program with ``_sre.compile`` (what ``re.compile`` itself calls last),
skipping YAML, phrase translation, regex parse and compile.  That entry point is private, so every step falls back to ``re.compile`` when it
is missing or differs, and a cache that cannot be read or written is ignored: output never
depends on the cache, only speed does.

Folder: ``$MSVITD_CACHE_DIR``, else ``$XDG_CACHE_HOME/msvitd``, else ``~/.cache/msvitd``;
``MSVITD_NO_CACHE=1`` turns it off.  A changed file (a user's edit of their ``--lexicon``)
changes the key, so it takes effect at once.
"""

from __future__ import annotations

import os
import pickle
import re
import sys
from array import array
from pathlib import Path

FORMAT = 2  # 2: programs stored as arrays of 32-bit codes

try:  # BLAKE2b from CPython's own module: ``import hashlib`` loads OpenSSL first (~5 ms of every
    # warm start-up), and CPython's own SHA-256 hashes ~40 MB/s, where a warm critique hashes ~0.8 MB
    # (every lexicon, evidence and data file it reads, for the cache keys): ~20 ms, against ~1 ms
    from _blake2 import blake2b as _blake2b  # type: ignore[import-not-found]

    def hasher(data: bytes = b""):
        """A new hash object over ``data`` (update / hexdigest)."""
        return _blake2b(data, digest_size=32)
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import sha256 as hasher  # type: ignore[assignment]


def digest(data: bytes) -> str:
    """A cache key of ``data`` (BLAKE2b, as hex, its first 32 digits)."""
    return hasher(data).hexdigest()[:32]


def cache_dir() -> Path | None:
    if os.environ.get("MSVITD_NO_CACHE"):
        return None
    base = os.environ.get("MSVITD_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "msvitd" if xdg else Path.home() / ".cache" / "msvitd"


def _engine_id() -> str:
    try:
        import _sre

        magic = getattr(_sre, "MAGIC", "")
    except ImportError:  # pragma: no cover - CPython always has it
        magic = ""
    from msvitd import __version__

    return f"{FORMAT}|{__version__}|{sys.version}|{magic}|{_code_id()}"


# The modules whose code decides what a cached lexicon holds: a change to them (between releases, or
# in a working copy, where the version stays the same) must not load an object built by older code.
_BUILDERS = ("cache.py", "lexicon.py", "phrases.py", "langdata.py", "grammar.py")
_CODE_ID: list[str] = []


def _code_id() -> str:
    if not _CODE_ID:
        h = hasher()
        here = Path(__file__).resolve().parent
        for name in _BUILDERS:
            try:
                h.update((here / name).read_bytes())
            except OSError:
                h.update(name.encode())
        _CODE_ID.append(h.hexdigest()[:16])
    return _CODE_ID[0]


def key_for(paths: list[Path], lang: str) -> str | None:
    """A key that changes when any file's bytes change; None when a file cannot be read."""
    h = hasher(_engine_id().encode())
    h.update(lang.encode())
    for p in paths:
        try:
            h.update(str(p.name).encode() + b"\0" + p.read_bytes() + b"\0")
        except OSError:
            return None
    return h.hexdigest()[:32]


def rebuild(args) -> re.Pattern:
    """A compiled pattern from the program ``program_of`` recorded (re.compile if that fails)."""
    try:
        return _sre_compile(args)
    except Exception:
        return re.compile(args[0], args[1] & ~re.UNICODE if isinstance(args[0], str) else args[1])


def _sre_compile(args) -> re.Pattern:
    """``_sre.compile`` of a stored program (its code list kept as an array: see ``_program``)."""
    import _sre

    pattern, flags, code, *rest = args
    return _sre.compile(pattern, flags, code if isinstance(code, list) else code.tolist(), *rest)


def program_of(compiled: re.Pattern):
    """What to store for a compiled pattern: its program, or just (pattern, flags)."""
    _SKIP_PATTERNS.add(compiled.pattern)  # stored here: the regex cache need not hold it too
    return _program(compiled.pattern, compiled.flags) or (compiled.pattern, compiled.flags)


def _program(pattern: str, flags: int):
    """The arguments ``re.compile`` passes to ``_sre.compile`` for ``pattern`` (or None)."""
    try:
        try:
            from re import _compiler, _parser  # Python 3.11+
        except ImportError:  # Python 3.10
            import sre_compile as _compiler  # type: ignore
            import sre_parse as _parser  # type: ignore
        p = _parser.parse(pattern, flags)
        code = _compiler._code(p, flags)
        groupindex = p.state.groupdict
        indexgroup = [None] * p.state.groups
        for k, i in groupindex.items():
            indexgroup[i] = k
        # an array of 32-bit codes, not a list of ints: a run unpickles ~400,000 codes, and a list of
        # ints took ~25 ms of a warm start-up to load where the array's bytes take well under one
        # (a code beyond 32 bits, which no current engine makes, is kept as a list of plain ints)
        try:
            codes = array("I", code) if array("I").itemsize == 4 else [int(c) for c in code]
        except OverflowError:
            codes = [int(c) for c in code]
        return (pattern, int(flags | p.state.flags), codes, p.state.groups - 1, dict(groupindex), tuple(indexgroup))
    except Exception:
        return None


def load(key: str | None, kind: str = "lexicon", folder: Path | None = None):
    folder = folder or cache_dir()
    if key is None or folder is None:
        return None
    try:
        with open(folder / f"{kind}-{key}.pickle", "rb") as fh:
            data = pickle.load(fh)
        return data.get("value") if isinstance(data, dict) and data.get("format") == FORMAT else None
    except Exception:
        return None


def save(key: str | None, value, kind: str = "lexicon", folder: Path | None = None) -> None:
    folder = folder or cache_dir()
    if key is None or folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{kind}-{key}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            pickle.dump({"format": FORMAT, "value": value}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{kind}-{key}.pickle")
        _prune(folder, kind)
    except Exception:
        return


def _prune(folder: Path, kind: str, keep: int = 24) -> None:
    """Old entries (lexicon files edited since) go, newest kept."""
    files = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for p in files[keep:]:
        p.unlink(missing_ok=True)


def load_yaml(path: Path):
    """``yaml.safe_load`` of a data file, cached by the file's bytes (no YAML import on a hit).

    Every data file's entry is kept in one file (``yamlset``), read once per process: a critique
    reads ~30 data files, and opening and unpickling one cache file for each was ~5 ms of a warm
    run.  Each entry is the pickled value, unpickled on every call, so that a caller that changes
    what it was given (a merge) changes its own copy, as with a value parsed from the file."""
    raw = path.read_bytes()
    key = hasher(_engine_id().encode() + b"\0" + raw).hexdigest()[:32]
    known = _yaml_set()
    blob = known.get(key) if known is not None else None
    if blob is not None:
        try:
            return pickle.loads(blob)
        except Exception:
            pass
    import yaml

    value = yaml.safe_load(raw.decode("utf-8"))
    if known is not None:
        try:
            _YAML["new"][key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            return value
        if not _YAML.get("exit"):
            import atexit

            _YAML["exit"] = True
            atexit.register(_save_yaml_set)
        known[key] = _YAML["new"][key]
    return value


_YAML: dict = {}  # "key": the set's cache key, "all": key -> pickled value, "new": entries of this run
_YAML_LIMIT = 400  # entries (~35 a language's files); beyond it the set starts again


def _yaml_set() -> dict | None:
    """The YAML data files' entries (None: no cache folder)."""
    folder = cache_dir()
    if folder is None:
        return None
    if _YAML.get("folder") != folder:  # (first use, or a test that moved the cache folder)
        _save_yaml_set()
        _YAML["folder"], _YAML["key"] = folder, digest(f"yaml|{_engine_id()}".encode())
        stored = load(_YAML["key"], "yamlset", folder)
        _YAML["all"] = dict(stored) if isinstance(stored, dict) else {}
        _YAML["new"] = {}
    return _YAML["all"]


def _save_yaml_set() -> None:
    """Add this run's parsed data files to the set (at exit; silent on any error)."""
    try:
        new, folder = _YAML.get("new"), _YAML.get("folder")
        if not new or folder is None:
            return
        _YAML["new"] = {}
        stored = load(_YAML["key"], "yamlset", folder)  # (another run may have added entries meanwhile)
        base = dict(stored) if isinstance(stored, dict) and len(stored) + len(new) <= _YAML_LIMIT else {}
        base.update(new)
        save(_YAML["key"], base, "yamlset", folder)
    except Exception:
        return


# -- every regular expression a run compiles, between runs ------------------------------------
# Modules compile their patterns at import and rules compile theirs inline (re.search(pattern, ...)):
# ~350 patterns, 0.6 s of a one-article critique.  ``preload_regexes`` (called once by the command
# line, never on import) puts the programs a previous run recorded into ``re``'s own compile cache,
# so ``re.compile``/``re.search`` find them there and compile nothing; at exit the patterns this run
# compiled that the file lacked are added.  The file is keyed by Python's version and its regex
# engine's magic number (a program is only valid for the compiler that made it); the key of each
# entry is what ``re`` itself keys on (type, pattern, flags), so a pattern whose text changed is a
# new entry, never a stale one.  Any surprise (another Python, no ``re._cache``, a bad file) means
# plain compilation: output never depends on this cache.

_RX: dict = {}  # "keys": the entries loaded (key -> stored program), "on": preloaded once
_RX_LIMIT = 1500  # entries (a run of one language uses ~450); beyond it the file starts again
_SKIP_PATTERNS: set = set()  # the lexicon's own patterns: its cache stores them (program_of)


def _rx_file(group: str = "") -> str:
    try:
        import _sre

        magic = getattr(_sre, "MAGIC", "")
    except ImportError:  # pragma: no cover
        magic = ""
    tag = hasher(f"{FORMAT}|{sys.version}|{magic}".encode()).hexdigest()[:16]
    # one file per command: `strength` on one line compiles ~10% of what a critique does, and
    # rebuilding a critique's ~850 programs it never uses was a tenth of its run
    group = "".join(c for c in group if c.isalnum())[:20]
    return f"regex-{tag}-{group}.pickle" if group else f"regex-{tag}.pickle"


def _cacheable(key) -> bool:
    return (isinstance(key, tuple) and len(key) == 3 and key[0] in (str, bytes) and isinstance(key[2], int)
            and not key[2] & (re.DEBUG | re.LOCALE) and key[1] not in _SKIP_PATTERNS)


def preload_regexes(group: str = "") -> int:
    """Fill ``re``'s compile cache from the regex cache file of ``group`` (the command that runs);
    returns how many patterns it put there."""
    if _RX:
        return 0
    _RX["keys"] = {}
    _RX["file"] = _rx_file(group)
    folder = cache_dir()
    compile_cache = getattr(re, "_cache", None)
    if folder is None or not isinstance(compile_cache, dict):
        return 0
    _RX["on"] = True
    import atexit

    atexit.register(save_regexes)
    try:
        with open(folder / _RX["file"], "rb") as fh:
            data = pickle.load(fh)
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != sys.version:
            return 0
        stored = data["programs"]
        built = {}
        for key, args in stored.items():  # save_regexes stored only keys _cacheable accepts
            if key not in compile_cache and args[0] == key[1]:
                built[key] = _sre_compile(args)  # checks the program (invalid code raises)
        compile_cache.update(built)
        _RX["keys"] = stored
        return len(built)
    except Exception:
        _RX["keys"] = {}
        return 0


def save_regexes() -> None:
    """Add the patterns this run compiled to the regex cache file (run at exit; silent on any error)."""
    try:
        folder = cache_dir()
        if not _RX.get("on") or folder is None:
            return
        stored = _RX.get("keys") or {}
        now = [k for k in list(getattr(re, "_cache", {})) if _cacheable(k)]
        new = [k for k in now if k not in stored]
        if not new:
            return
        # over the limit (patterns of many languages, studies and lexicon versions gathered over time)
        # the file starts again from this run's new patterns; the next runs add back what they use
        base = dict(stored) if len(stored) + len(new) <= _RX_LIMIT else {}
        for key in new:
            args = _program(key[1], key[2])
            if args is not None:
                base[key] = args
        folder.mkdir(parents=True, exist_ok=True)
        name = _RX.get("file") or _rx_file()
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            pickle.dump({"format": FORMAT, "version": sys.version, "programs": base}, fh,
                        protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / name)
        _RX["keys"] = base
    except Exception:
        return


# -- what is derived from a cached library's studies, between runs ---------------------------------
# A study's facts (every number of its file, and the figures that follow from them) are derived on
# first use: ~15-20 ms of a one-article critique, the same every run.  A library that came from (or
# went into) the library cache has a key that changes with every evidence file's bytes and every file
# of msvitd's code and data (app/library_cache.py), so what is derived from one of its study models
# can be kept under that key and the study's id: ``tag_library`` records it for each model of the
# process, and ``derived_key`` gives the key of a derived value (None for a model from elsewhere,
# a study file named with --source, or a library read without the cache).

_MODELS: dict[int, tuple[object, str]] = {}


def tag_library(key: str | None, studies: dict) -> None:
    """Record the library cache ``key`` for each study model of ``studies`` (id -> entry)."""
    if key is None:
        return
    if len(_MODELS) > 256:
        _MODELS.clear()
    for sid, entry in studies.items():
        model = getattr(entry, "model", None)
        if model is not None:
            _MODELS[id(model)] = (model, f"{key}|{sid}")


def derived_key(model, what: str) -> str | None:
    """The cache key of ``what`` derived from ``model`` (None: not a tagged library's model)."""
    known = _MODELS.get(id(model))
    if known is None or known[0] is not model:
        return None
    return digest(f"{what}|{known[1]}".encode())
