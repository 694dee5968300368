"""`[tool.msvitd]` settings: found in the nearest pyproject.toml (or msvitd.toml / .msvitd.toml).

Keys (all optional):
    select = ["C1", "C201"]      rule codes, code prefixes, names or categories to run
    ignore = ["C604"]            ... to skip
    fail-on = "error"            error | warning | info | never
    lexicons = ["my-words.yaml"] extra lexicon files, relative to the config file

Unknown keys and bad values are usage errors (exit 2) naming the file and key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FAIL_ON = ("error", "warning", "info", "never")
KNOWN = {"select", "ignore", "fail-on", "fail_on", "lexicons", "extend-select", "extend-ignore"}


class ConfigError(ValueError):
    pass


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
                return d / name
        pp = d / "pyproject.toml"
        if pp.is_file():
            try:
                import tomllib

                data = tomllib.loads(pp.read_text(encoding="utf-8"))
            except Exception:
                data = {}
            if "msvitd" in data.get("tool", {}):
                return pp
        if (d / ".git").exists() or d == home:
            break
    return None


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
    import tomllib

    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    table = data.get("tool", {}).get("msvitd", {}) if Path(path).name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.msvitd] must be a table")
    where = f"{path} [tool.msvitd]" if Path(path).name == "pyproject.toml" else str(path)
    unknown = sorted(k for k in table if k not in KNOWN)
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
