"""Rule selection, lexicons and the fail threshold: the command line over `[tool.msvitd]`, read once
for critique and report alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from msvitd.errors import UnknownId, UsageError


def split_patterns(values) -> tuple[str, ...]:
    """Repeated options accumulate and each may hold a comma- or space-separated list:
    ``--select C101 --select C2,hype`` -> ("C101", "C2", "hype")."""
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for value in values or ():
        out += [v.strip() for v in value.replace(" ", ",").split(",") if v.strip()]
    return tuple(out)


@dataclass(frozen=True)
class RuleSettings:
    select: tuple[str, ...] = ()  # () runs every rule
    ignore: tuple[str, ...] = ()
    lexicons: tuple[str, ...] = ()
    fail_on: str = "error"
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    def lexicon(self):
        """The lexicon with the extra files, loaded once."""
        if "lexicon" not in self._cache:
            from msvitd.text.lexicon import LexiconError, load_lexicon

            try:
                # load_lexicon() as the engine calls it when no file is added: one lru_cache entry,
                # so the bundled lexicon is read once per run, not twice
                self._cache["lexicon"] = load_lexicon(self.lexicons) if self.lexicons else load_lexicon()
            except LexiconError as exc:
                raise UsageError(str(exc)) from None
        return self._cache["lexicon"]


def rule_settings(select=(), ignore=(), lexicons=(), config: str | None = None,
                  fail_on: str | None = None) -> RuleSettings:
    """The settings for a run: options given on the command line win over the config file's."""
    from msvitd.config import load_config
    from msvitd.rules import unknown_patterns

    cfg = load_config(Path(config)) if config else load_config()
    sel = split_patterns(select) or cfg.select
    if "ALL" in sel:  # ruff's spelling for "every rule"
        sel = ()
    ign = split_patterns(ignore) + cfg.ignore
    bad = unknown_patterns(sel + ign)
    if bad:
        raise UnknownId(f"unknown rule code or name: {', '.join(bad)} (see `msvitd rules`)")
    return RuleSettings(sel, ign, tuple(cfg.lexicons) + tuple(lexicons), fail_on or cfg.fail_on or "error")
