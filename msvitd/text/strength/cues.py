"""The strength cues of one language: the reader's lexicon tables plus msvitd/text/strength/data/<lang>.yaml.

Cue labels are ``kind:word``; the kinds the strength reading knows:

corr        an association ("associated with", "predicts")
comp        comparative risk ("more likely", "at increased risk"): an association too
causal      a causal verb or phrase ("reduces", "protects against")
modal       a modal verb (may, could, can ...): hedges its whole clause
hedge       another hedge (suggests, possibly, potential ...)
neg         a negation to the end of the clause; negshort: the next few words; notneg: "not only"
null        a null result ("no significant difference")
hypo        a hypothesis or aim ("whether", "to test")
nonclaim    known facts, advice and needs ("it is well known that", "should be", "further studies")
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from msvitd.text.strength.tokens import TokenMatcher

_HERE = Path(__file__).resolve().parent / "data"
# The reader's tables these cues come from; other tables of the lexicon are not read.
_LEXICON_FILES = ("causal.yaml", "hedges.yaml", "negation.yaml")


class NoCueData(LookupError):
    """No cue data for the language asked for."""


class CueDataError(ValueError):
    """A lexicon file that cannot be read (one line: the file and the problem)."""


_EXTRA: dict[str, tuple[str, ...]] = {}


def add_lexicons(lang: str, paths: tuple[str, ...]) -> None:
    """Read the user's lexicon files (``--lexicon``) too for ``lang`` from now on."""
    for p in paths:
        if not Path(p).is_file():
            raise CueDataError(f"{p}: lexicon file not found")
        _read_yaml(Path(p))
    _EXTRA[lang] = _EXTRA.get(lang, ()) + tuple(paths)
    load.cache_clear()


@dataclass(frozen=True)
class CueTables:
    lang: str
    matcher: TokenMatcher
    attributive_before: frozenset
    extras: bool  # the strength table of this language exists (English has one)


def _lexicon_dir(lang: str) -> Path | None:
    """Where the reader's lexicon for ``lang`` lives (msvitd/text/lang/<lang>/), None when msvitd has none."""
    from msvitd.text.langdata import LANG_DIR

    d = Path(LANG_DIR) / lang
    return d if d.is_dir() else None


def _read_yaml(path: Path) -> dict:
    import yaml

    try:
        # the C parser when PyYAML has it: the lexicon is parsed on every start of `msvitd strength`
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as exc:
        raise CueDataError(f"{path}: cannot read lexicon: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise CueDataError(f"{path}: lexicon is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        raise CueDataError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None
    if data is not None and not isinstance(data, dict):
        raise CueDataError(f"{path}: a lexicon file is a mapping of tables (causal:, hedges:, negation: ...)")
    return data or {}


def _verb_forms(lemma) -> list[str]:
    from msvitd.text.phrases import inflect

    if isinstance(lemma, dict):  # French, German, Spanish write their forms out ({lemma, forms}); a raw regex is not read
        return [str(f) for f in lemma.get("forms", []) or []]
    return inflect(str(lemma))


def _lexicon_entries(data: dict) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    causal = data.get("causal", {}) or {}
    for kind in ("benefit", "cause"):
        table = causal.get(kind, {}) or {}
        for lemma in table.get("verbs", []) or []:
            forms = _verb_forms(lemma)
            name = lemma.get("lemma") if isinstance(lemma, dict) else None
            out += [(f"causal:{name or _name(forms[0]).split()[0]}", f) for f in forms] if forms else []
        out += [(f"causal:{_name(p)}", p) for p in table.get("phrases", []) or [] if isinstance(p, str)]
    out += [(f"corr:{_name(p)}", p) for p in causal.get("correlational", []) or [] if isinstance(p, str)]
    out += [(f"hedge:{_name(p)}", p) for p in data.get("hedges", []) or [] if isinstance(p, str)]
    neg = data.get("negation", {}) or {}
    for key, kind in (("clause", "neg"), ("short", "negshort"), ("not_negation", "notneg"),
                      ("null_result", "null"), ("hypothetical", "hypo")):
        out += [(f"{kind}:{_name(p)}", p) for p in neg.get(key, []) or [] if isinstance(p, str)]
    return out


@lru_cache(maxsize=8)
def load(lang: str = "en") -> CueTables:
    """The cue tables of ``lang``; NoCueData when msvitd has no lexicon for it yet.

    Built tables are kept in the user's cache folder (msvitd/text/cache.py), keyed by the bytes
    of every file they are built from and of the code that builds them: a warm start of
    `msvitd strength` then reads no YAML.  Output never depends on the cache."""
    d = _lexicon_dir(lang)
    if d is None:
        raise NoCueData(lang)
    names = [d / n for n in _LEXICON_FILES if (d / n).is_file()] or sorted(d.glob("*.yaml"))
    names += [Path(p) for p in _EXTRA.get(lang, ())]
    key = None
    try:
        from msvitd.text import cache

        here = Path(__file__).resolve().parent
        extra = [_HERE / f"{lang}.yaml"] if (_HERE / f"{lang}.yaml").is_file() else []
        key = cache.key_for([*names, *extra, here / "cues.py", here / "tokens.py"], lang)
        hit = cache.load(key, "strength")
        if isinstance(hit, CueTables):
            return hit
    except Exception:  # no cache module or an unreadable entry: build
        cache = None
    tables = _build(lang, names)
    if cache is not None:
        cache.save(key, tables, "strength")
    return tables


def _build(lang: str, names: list[Path]) -> CueTables:
    data: dict = {}
    for path in names:
        _deep_merge(data, _read_yaml(path))
    extra_path = _HERE / f"{lang}.yaml"
    extra = (_read_yaml(extra_path).get("strength") or {}) if extra_path.is_file() else {}
    entries: list[tuple[str, str]] = []
    # the strength table first: on phrases of equal length the first entry wins
    for key, kind in (("comparative", "comp"), ("correlational", "corr"), ("nonclaim", "nonclaim"),
                      ("modal", "modal"), ("causal", "causal")):
        for p in extra.get(key, []) or []:
            entries.append((f"{kind}:{_name(p)}", p))
    for label, p in _lexicon_entries(data):
        if label.startswith("hedge:") and p.strip().lower() in {"may", "might", "could", "can", "would"}:
            label = f"modal:{p.strip().lower()}"
        entries.append((label, p))
    # verb forms written with "|" (cut|cuts|cutting) are alternatives, not the phrase syntax's groups
    matcher = TokenMatcher((label, f.strip()) for label, p in entries for f in _split_bars(p))
    return CueTables(lang, matcher, frozenset(str(w).lower() for w in extra.get("attributive_before", []) or []),
                     bool(extra))


def _deep_merge(data: dict, more: dict) -> None:
    """Lists appended and mappings merged at every depth, as the reader's lexicon does (text/lexicon.py):
    a second file's ``causal: benefit: phrases:`` adds to the first's benefit table, never replaces it."""
    for key, value in more.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = dict(data[key])
            _deep_merge(data[key], value)
        elif isinstance(value, list) and isinstance(data.get(key), list):
            data[key] = data[key] + value
        else:
            data[key] = value


def _split_bars(p: str) -> list[str]:
    """``cut|cuts|cutting`` (bars outside any group) lists alternatives; bars inside ( ) are the syntax's."""
    from msvitd.text.phrases import split_alternatives  # only when the tables are built, not from the cache

    return [o for o in split_alternatives(str(p)) if o.strip()]


def _name(p) -> str:
    """A readable name for a cue entry: its first surface form."""
    from msvitd.text.strength.tokens import expand

    forms = expand(_split_bars(str(p))[0].strip())
    return (forms[0] if forms else str(p)).strip()
