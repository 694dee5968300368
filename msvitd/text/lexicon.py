"""The word lists the reader works from, loaded from YAML data files and compiled to regexes.

The bundled files live in ``msvitd/text/lang/<code>/`` (one folder per language, see
msvitd/text/langdata.py); users add their own with ``--lexicon FILE`` or ``[tool.msvitd]
lexicons = [...]`` (a user's file extends every language).  Every file holds one or more top-level tables
(``hype:``, ``hedges:``, ``outcomes:`` ...); lists are appended, mappings merged key by key.
docs/lexicons.md documents the tables and the phrase syntax.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable

from msvitd.text.langdata import LANG_DIR, language_facts, lexicon_files
from msvitd.text.phrases import Hit, LexiconError, Matcher, inflect, phrase_regex

__all__ = ["Hit", "Lexicon", "LexiconError", "Matcher", "for_language", "inflect", "load_lexicon", "phrase_regex"]

DATA_DIR = LANG_DIR / "en"


def _merge(base: dict, extra: dict, where: str) -> None:
    for key, value in extra.items():
        if key not in base:
            base[key] = value
        elif isinstance(base[key], list) and isinstance(value, list):
            base[key] = base[key] + [v for v in value if v not in base[key]]
        elif isinstance(base[key], dict) and isinstance(value, dict):
            _merge(base[key], value, f"{where}.{key}")
        else:
            base[key] = value


def _read(path: Path) -> dict:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: a lexicon file is a mapping of tables (hype:, hedges:, outcomes: ...)")
    unknown = set(data) - KNOWN_TABLES
    if unknown:
        raise LexiconError(f"{path}: unknown lexicon table(s) {', '.join(sorted(unknown))}; "
                           f"known: {', '.join(sorted(KNOWN_TABLES))}")
    return data


KNOWN_TABLES = {"hype", "hedges", "boosters", "causal", "negation", "outcomes", "disease_object",
                "populations", "comparisons", "other_agents", "intervention", "subgroups", "article", "advice",
                "detection", "settles"}


class Lexicon:
    """All tables merged, with compiled matchers."""

    def __init__(self, data: dict, lang: str = "en", extra: tuple[str, ...] = ()):
        self.data = data
        self.lang = lang
        self.extra = tuple(extra)  # the user's files, so that other languages can be loaded alike
        self.verb_forms = str(language_facts(lang).get("verb_forms", "listed"))
        try:
            self._compile()
        except (KeyError, TypeError, AttributeError) as exc:
            raise LexiconError(f"lexicon table is malformed: {exc}") from None

    def _compile(self) -> None:
        d = self.data
        hype = d.get("hype", {})
        self.hype = Matcher([("strong", p) for p in hype.get("strong", [])] + [("mild", p) for p in hype.get("mild", [])])
        self.hype_exclude = Matcher([("x", p) for p in hype.get("exclude", [])])
        self.hedges = Matcher([("hedge", p) for p in d.get("hedges", [])])
        self.boosters = Matcher([("booster", p) for p in d.get("boosters", [])])
        # boosters that settle a question for good ("proves", "chose faite"): C102 without a claim
        self.settles = Matcher([("settles", p) for p in d.get("settles", [])])
        causal = d.get("causal", {})
        cues: list[tuple[str, object]] = []
        english_forms = self.verb_forms == "english"
        for kind in ("benefit", "cause"):
            table = causal.get(kind, {})
            for lemma in table.get("verbs", []):
                if isinstance(lemma, dict) and "re" in lemma:  # {lemma: keep, re: ...}: a verb pattern as a regex
                    cues.append((f"{kind}:verb:{lemma.get('lemma', 'verb')}", {"re": lemma["re"]}))
                    continue
                if isinstance(lemma, dict):  # {lemma: slow, forms: [ralenti*, freine*]}: another language's
                    for form in lemma.get("forms", []):  # forms, labelled with the shared (English) lemma
                        cues.append((f"{kind}:verb:{lemma.get('lemma', 'verb')}", form))
                    continue
                base = lemma.split("|")[0].strip()
                for form in (inflect(lemma) if english_forms else [lemma]):
                    cues.append((f"{kind}:verb:{base}", form))
            for p in table.get("phrases", []):
                cues.append((f"{kind}:phrase:{p}", p))
        for p in causal.get("correlational", []):
            cues.append(("correlational:phrase:" + str(p), p))
        self.causal = Matcher(cues)
        self.inference = Matcher([("inference", p) for p in causal.get("inference", [])])
        neg = d.get("negation", {})
        self.negation = Matcher([("clause", p) for p in neg.get("clause", [])] +
                                [("short", p) for p in neg.get("short", [])] +
                                [("not", p) for p in neg.get("not_negation", [])])
        self.null_result = Matcher([("null", p) for p in neg.get("null_result", [])])
        self.hypothetical = Matcher([("hypothetical", p) for p in neg.get("hypothetical", [])]
                                    + [("reported", p) for p in neg.get("reported", [])])  # to the sentence's end
        outcomes = d.get("outcomes", {})
        # every key of a concept but its phrases: flags a rule reads (told_from_surrogate, exposure,
        # disease_is_endpoint ...) stay data
        self.outcome_info = {k: {**{f: x for f, x in v.items() if f != "phrases"},
                                 "label": v.get("label", k.replace("_", " ")), "kind": v.get("kind", "clinical"),
                                 "told_from_surrogate": bool(v.get("told_from_surrogate", False))}
                             for k, v in outcomes.items()}
        self.outcomes = Matcher([(k, p) for k, v in outcomes.items() for p in v.get("phrases", [])])
        dobj = d.get("disease_object", {})
        self.disease_terms = Matcher([("disease", p) for p in dobj.get("terms", [])])
        self.disease_verbs = dict(dobj.get("verbs", {}))
        self.disease_organs = Matcher([("organ", p) for p in dobj.get("organs", [])])
        self.organ_concept = str(dobj.get("organ_concept", "damage"))
        pops = d.get("populations", {})
        self.population_info = {k: {"label": v.get("label", k), "scope": v.get("scope", ""), "context": v.get("context", "")}
                                for k, v in pops.items()}
        self.populations = Matcher([(k, p) for k, v in pops.items() for p in v.get("phrases", [])])
        comp = d.get("comparisons", {})
        self.comparison_cues = Matcher([("cue", p) for p in comp.get("cues", [])])
        self.comparison_treatments = Matcher([("treatment", p) for p in comp.get("treatments", [])])
        self.advice = Matcher([("advice", p) for p in d.get("advice", [])])
        self.other_agents = Matcher([("other", p) for p in d.get("other_agents", [])])
        self.intervention_words = list(d.get("intervention", []))
        self.intervention = Matcher([("intervention", p) for p in self.intervention_words])
        sub = d.get("subgroups", {})
        self.subgroup_emphasis = Matcher([("emphasis", p) for p in sub.get("emphasis", [])])
        self.subgroup_variables = Matcher([("variable", p) for p in sub.get("variables", [])])
        self.subgroup_exploratory = Matcher([("exploratory", p) for p in sub.get("exploratory", [])])
        # words that make an emphasised subgroup a claim of benefit ("benefited", "profitierten")
        self.subgroup_benefit = Matcher([("benefit", p) for p in sub.get("benefit", [])])
        art = d.get("article", {})
        self.article = {k: Matcher([(k, p) for p in v]) for k, v in art.items()}
        # study detection words (text/detect.py compiles what it needs: stages, agents, countries ...)
        self.detection = dict(d.get("detection", {}))

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_with_terms", None)  # matchers built for studies are not part of the lexicon
        state.pop("_key", None)  # set by load_lexicon on the object it returns
        return state

    def with_intervention_terms(self, terms: Iterable[str]) -> Matcher:
        """The intervention matcher extended with a study's own words (agent, aliases); built once
        per study's words (compiling it was a quarter of the time of each article read in a batch)."""
        words = tuple(self.intervention_words + [t for t in terms if t])
        built = self.__dict__.setdefault("_with_terms", {})  # not in __init__: cached lexicons lack it
        if words not in built:
            if len(built) >= 32:
                built.clear()
            built[words] = _terms_matcher(words, self.__dict__.get("_key"))
        return built[words]


def _terms_matcher(words: tuple[str, ...], lexicon_key: str | None) -> Matcher:
    """The intervention matcher of ``words``, from the cache folder when a run of this lexicon
    (``lexicon_key``: its cache key, None for a lexicon built in memory) built it before: compiling
    it and reading its prefixes was ~15 ms of every one-article run (issue 17)."""
    if lexicon_key is None:
        return Matcher([("intervention", p) for p in words])
    from msvitd.text import cache

    key = cache.digest("\0".join((lexicon_key, *words)).encode())
    hit = cache.load(key, "terms")
    if isinstance(hit, Matcher):
        return hit
    matcher = Matcher([("intervention", p) for p in words])
    cache.save(key, matcher, "terms")
    return matcher


def _bundled_files(lang: str = "en") -> list[Path]:
    return lexicon_files(lang)


# What every language shares with English: the concept ids and what they mean for the rules
# (kind, scope ...). A language's own files add only how it writes them (phrases, terms, verbs).
# Every key of a concept is shared but the ones that say how it is written.
_WRITTEN = frozenset({"phrases", "terms", "verbs"})
_SHARED = ("outcomes", "populations")


def _shared_from_english() -> dict:
    en: dict = {}
    for path in _bundled_files("en"):
        _merge(en, _read(path), path.name)
    out: dict = {}
    for table in _SHARED:
        out[table] = {k: {key: x for key, x in v.items() if key not in _WRITTEN}
                      for k, v in en.get(table, {}).items() if isinstance(v, dict)}
    dobj = en.get("disease_object", {})
    out["disease_object"] = {"organ_concept": dobj.get("organ_concept", "damage"),
                             "verbs": dict(dobj.get("verbs", {}))}
    return out


def load_lexicon(extra: tuple[str, ...] = (), lang: str = "en") -> Lexicon:
    """The bundled lexicon of ``lang`` extended by the user's files (paths), compiled once per
    process and cached between runs in the user's cache folder (text/cache.py), keyed by the
    files' bytes: an edited ``--lexicon`` file takes effect at once."""
    # one process-wide entry per (files, language) however it is asked for: lru_cache keys
    # load_lexicon() and load_lexicon(lang="en") apart, and a critique asked both ways (the
    # settings, the number matcher's outcome words), unpickling the same 2 MB lexicon twice
    return _load_lexicon(tuple(extra), lang)


@lru_cache(maxsize=16)
def _load_lexicon(extra: tuple[str, ...], lang: str) -> Lexicon:
    from msvitd.text import cache

    for p in extra:
        if not Path(p).is_file():
            raise LexiconError(f"{p}: lexicon file not found")
    files = (_bundled_files("en") if lang != "en" else []) + _bundled_files(lang) + [Path(p) for p in extra]
    files.append(LANG_DIR / lang / "language.yaml")
    key = cache.key_for(files, lang)
    hit = cache.load(key)
    if isinstance(hit, Lexicon):
        hit._key = key
        return hit
    lexicon = Lexicon(_merged(extra, lang), lang, tuple(extra))
    cache.save(key, lexicon)
    lexicon._key = key  # (after saving: the key is not part of the cached object)
    return lexicon


load_lexicon.cache_clear = _load_lexicon.cache_clear  # type: ignore[attr-defined]
load_lexicon.__wrapped__ = _load_lexicon.__wrapped__  # type: ignore[attr-defined]


def _merged(extra: tuple[str, ...], lang: str) -> dict:
    data: dict = {} if lang == "en" else _shared_from_english()
    for path in _bundled_files(lang):
        _merge(data, _read(path), path.name)
    for p in extra:
        path = Path(p)
        _merge(data, _read(path), str(path))
    return data


def for_language(lexicon: "Lexicon | None", lang: str) -> Lexicon:
    """The lexicon of ``lang`` with the same user files as ``lexicon`` (the bundled one if None)."""
    extra = lexicon.extra if lexicon is not None else ()
    if lexicon is not None and lexicon.lang == lang:
        return lexicon
    return load_lexicon(extra, lang)
