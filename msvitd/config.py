"""`[tool.msvitd]` settings: found in the nearest pyproject.toml (or msvitd.toml / .msvitd.toml).

Keys (all optional):
    select = ["C1", "C201"]      rule codes, code prefixes, names or categories to run
    ignore = ["C604"]            ... to skip
    fail-on = "error"            error | warning | info | never
    lexicons = ["my-words.yaml"] extra lexicon files, relative to the config file

In msvitd.toml / .msvitd.toml the keys stand at the top level (no [tool.msvitd] header).
A file that does not parse, unknown keys and bad values are usage errors (exit 2), one line
``path:line:col: message`` naming the file and key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from msvitd.diagnostics import FAIL_ON
from msvitd.errors import ConfigError

KNOWN = {"select", "ignore", "fail-on", "fail_on", "lexicons", "extend-select", "extend-ignore"}


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    lexicons: tuple[str, ...] = ()
    file: str | None = None


def find_config(start: Path | None = None) -> Path | None:
    """The nearest config file from ``start`` upwards, stopping at a repository root or home."""
    here = (start or Path.cwd()).resolve()
    home = Path.home().resolve()
    for d in [here, *here.parents]:
        for name in ("msvitd.toml", ".msvitd.toml"):
            if (d / name).is_file():
                return _relative(d / name)
        pp = d / "pyproject.toml"
        if pp.is_file():
            text = _read(_relative(pp))
            # a pyproject.toml that does not parse is our error only when it holds our table;
            # then the user's select, ignore and fail-on must not be dropped in silence
            if "tool.msvitd" in text:
                data = _parse(text, _relative(pp))
            else:
                data = {}
            if "msvitd" in data.get("tool", {}):
                return _relative(pp)
        if (d / ".git").exists() or d == home:
            break
    return None


def _relative(path: Path) -> Path:
    """The path as a user would type it from here (messages name it)."""
    try:
        return path.relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _read(path: Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None


def _parse(text: str, path: Path) -> dict:
    """The TOML document, or ConfigError ``path:line:col: message``."""
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\s*\(at line (\d+), column (\d+)\)$", msg)
        if m:
            msg = msg[:m.start()]
            raise ConfigError(f"{path}:{m.group(1)}:{m.group(2)}: not valid TOML: {msg}") from None
        m = re.search(r"\s*\(at end of document\)$", msg)
        if m:
            lines = text.split("\n")
            msg = msg[:m.start()]
            raise ConfigError(f"{path}:{len(lines)}:{len(lines[-1]) + 1}: not valid TOML: {msg}") from None
        raise ConfigError(f"{path}:1:1: not valid TOML: {msg}") from None


def _strings(value, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: `{key}` must be a list of strings")
    return tuple(value)


def load_config(path: Path | None = None, *, search: bool = True) -> Config:
    if path is None:
        path = find_config() if search else None
    if path is None:
        return Config()
    data = _parse(_read(Path(path)), Path(path))
    table = data.get("tool", {}).get("msvitd", {}) if Path(path).name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.msvitd] must be a table")
    where = f"{path} [tool.msvitd]" if Path(path).name == "pyproject.toml" else str(path)
    unknown = sorted(k for k in table if k not in KNOWN)
    if unknown == ["tool"] and isinstance(table["tool"], dict) and "msvitd" in table["tool"]:
        raise ConfigError(f"{path}: in {Path(path).name} the keys stand at the top level: remove the [tool.msvitd] line")
    if unknown:  # a typo such as `selekt` would otherwise be ignored in silence
        raise ConfigError(f"{where}: unknown key `{unknown[0]}` (known: {', '.join(sorted(KNOWN - {'fail_on'}))})")
    select = _strings(table.get("select", []), "select", where) + _strings(table.get("extend-select", []), "extend-select", where)
    ignore = _strings(table.get("ignore", []), "ignore", where) + _strings(table.get("extend-ignore", []), "extend-ignore", where)
    fail_on = table.get("fail-on", table.get("fail_on"))
    if fail_on is not None and fail_on not in FAIL_ON:
        raise ConfigError(f"{where}: `fail-on` must be one of {', '.join(FAIL_ON)}, got {fail_on!r}")
    base = Path(path).parent
    lex = tuple(str((base / p) if not Path(p).is_absolute() else Path(p)) for p in _strings(table.get("lexicons", []), "lexicons", where))
    return Config(select, ignore, fail_on, lex, str(path))
