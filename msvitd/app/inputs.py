"""The one place where what the user named becomes inputs: the library, the article (read once,
with the way back to the file) and the study it is checked against.

critique, diff, report and extract all resolve here, so an article id, an article evidence
file, a raw .txt/.md/.html file and standard input are accepted (and refused) the same way.
"""

from __future__ import annotations

import functools

from dataclasses import dataclass
from pathlib import Path

from msvitd.errors import InputError, UnknownId, UsageError
from msvitd.text.source import ArticleText, read_source

YAML_SUFFIXES = (".yaml", ".yml")
RAW_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class ArticleInput:
    """An article as read: its text and positions, and the evidence file's model when given."""

    name: str  # what the user typed (an id or a path)
    source: ArticleText  # the text read; .file is where positions point (the text file)
    model: object | None = None  # the article evidence model (kind: article), when there is one
    about: tuple[str, ...] = ()  # the studies the evidence file says it is about
    lang: str = "en"  # the language it is read in: --lang, else detected (msvitd/text/language.py)
    lang_note: str | None = None  # said when the text was too short to tell its language

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def shown(self) -> str:
        """How messages name the article: as typed, or <stdin>."""
        return self.source.file if self.name == "-" else self.name


@dataclass(frozen=True)
class StudyChoice:
    entry: object  # msvitd.library.Entry: .model (Study) and .doc (positions)
    detected: str | None = None  # why, when the study was detected from the text

    @property
    def model(self):
        return self.entry.model


def open_library(evidence=None):
    """The evidence library (``evidence``: files or folders; default ./evidence or the bundled one)."""
    from msvitd.app.library_cache import load_library_cached
    from msvitd.library import default_paths

    return load_library_cached(list(evidence or []) or default_paths())


def did_you_mean(name: str, known) -> str:
    """ " (did you mean 'd-lay-ms'?)" when one known id is close to what was typed, else ""."""
    import difflib

    close = difflib.get_close_matches(name.lower(), list(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def article_files(names) -> list[str]:
    """The articles named, a folder standing for the .txt, .md and .html files in it (as ruff and
    flake8 take a folder), in a stable order."""
    out: list[str] = []
    for name in names:
        p = Path(name)
        if name != "-" and p.is_dir():
            found = sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix.lower() in RAW_SUFFIXES)
            if not found:
                raise InputError(f"{name}: a folder with no article files (.txt, .md, .html)")
            out += found
        else:
            out.append(name)
    return out


def _first_error(diagnostics) -> str:
    errs = [d for d in diagnostics if d.severity.value == "error"]
    return f"{errs[0].location()}: {errs[0].message}" if errs else ""


def _evidence_text(model, file: str, name: str) -> ArticleText:
    """An article evidence file's text: inline ``text:``, or its ``text_file`` read like any article."""
    if getattr(model, "text", None) is not None:
        return ArticleText(model.text, file)
    tf = getattr(model, "text_file", None)
    if not tf:
        raise InputError(f"{name}: the article has neither text: nor text_file:")
    path = str(Path(file).parent / tf)
    try:
        return read_source(path)
    except InputError as exc:
        raise InputError(f"{name}: cannot read its text_file: {exc}") from None


def resolve_article(name: str, lib, stdin_text: str | None = None, lang: str | None = None) -> ArticleInput:
    """An article id, an article evidence file (.yaml), a raw article file, or ``-`` (stdin), with the
    language it is read in (``lang``: --lang; default detected)."""
    from dataclasses import replace

    from msvitd.text.langdata import LanguageError
    from msvitd.text.language import UnreadLanguage, choose_language, undetermined_note

    article = _article(name, lib, stdin_text)
    try:
        code, guess = choose_language(article.text, lang)
    except LanguageError as exc:
        raise InputError(f"--lang: {exc}") from None
    except UnreadLanguage as exc:
        raise InputError(f"{article.shown}: {exc}") from None
    return replace(article, lang=code, lang_note=undetermined_note(guess, article.text))


def _article(name: str, lib, stdin_text: str | None) -> ArticleInput:
    from msvitd.library import load_library

    if name == "-":
        return ArticleInput(name, read_source("-", stdin_text))
    path = Path(name)
    if name in lib.articles and not path.exists():
        entry = lib.articles[name]
        return ArticleInput(name, _evidence_text(entry.model, entry.file, name), entry.model,
                            tuple(entry.model.about))
    if path.suffix.lower() in YAML_SUFFIXES:
        if not path.is_file():
            raise InputError(f"{name}: no such file")
        single = load_library([path])
        if not single.articles:
            other = "a study" if single.studies else "a question" if single.questions else None
            why = (f"{other} evidence file, not an article (a .txt, .md or .html article, an article .yaml or id)"
                   if other else _first_error(single.diagnostics) or "not an article evidence file")
            raise InputError(f"{name}: {why}")
        art_id, entry = next(iter(single.articles.items()))
        return ArticleInput(name, _evidence_text(entry.model, entry.file, name), entry.model,
                            tuple(entry.model.about))
    if path.exists() or path.suffix.lower() in RAW_SUFFIXES or "/" in name:
        return ArticleInput(name, read_source(name))
    known = ", ".join(sorted(lib.articles)) or "none"
    hint = did_you_mean(name, lib.articles)
    raise UnknownId(f"{name}: no such file, and no article with that id{hint} (articles: {known})")


def _study_from(ident: str, lib) -> object:
    """--source: a study id in the library, or a study evidence file."""
    from msvitd.library import load_library

    if ident in lib.studies:
        return lib.studies[ident]
    p = Path(ident)
    if p.is_file():
        single = load_library([p])
        if single.studies:
            return next(iter(single.studies.values()))
        why = _first_error(single.diagnostics)
        raise InputError(f"{ident}: not a valid study file{': ' + why if why else ''}")
    known = ", ".join(sorted(lib.studies)) or "none"
    raise UnknownId(f"--source {ident}: no such study id or file{did_you_mean(ident, lib.studies)} "
                    f"(studies in the library: {known})")


def choose_study(article: ArticleInput, lib, explicit: str | None = None,
                 resolved: StudyChoice | None = None) -> StudyChoice:
    """The study to check ``article`` against: --source, else the evidence file's ``about:``,
    else detected from the text (the one call of msvitd.text.detect)."""
    if resolved is not None:
        return resolved
    if explicit:
        return StudyChoice(_study_from(explicit, lib))
    if len(article.about) > 1:
        raise UsageError(f"{article.shown} is about several studies ({', '.join(article.about)}); choose one with --source")
    if article.about:
        sid = article.about[0]
        if sid not in lib.studies:
            raise UnknownId(f"{article.shown}: its study `{sid}` is not in the library; name one with --source")
        return StudyChoice(lib.studies[sid])
    if not lib.studies:
        raise UsageError("no studies in the evidence library; name one with --source FILE")
    from msvitd.text.detect import NoStudy, detect_study

    try:
        found = detect_study(article.text, {k: e.model for k, e in lib.studies.items()})
    except NoStudy as exc:
        raise UsageError(f"{article.shown}: {exc}") from None
    return StudyChoice(lib.studies[found.study_id], found.explain())


def doubt_source(text: str, chosen_id: str, lib) -> str | None:
    """When --source names one study and the text is plainly about another (it names another bundled
    study and not this one, the detector is certain or highly confident, and the article does not also
    discuss the one named), a one-line warning saying so; None otherwise.  Detection only speaks here:
    the study used stays the one named.  Names are looked up first (regular expressions, cheap): the
    detector reads the article only when they point elsewhere, so a run with the right --source costs
    no more than before."""
    chosen = lib.studies.get(chosen_id)
    if chosen is None or _names(chosen.model).search(text):
        return None  # a study file of the user's, or one the article names: nothing to doubt, no reading
    if not any(_names(e.model).search(text) for k, e in lib.studies.items() if k != chosen_id):
        return None  # "plainly about another study" means it names one; the full reading only then
    from msvitd.text.detect import NoStudy, detect_study

    try:
        found = detect_study(text, {k: e.model for k, e in lib.studies.items()})
    except NoStudy:
        return None
    if found.study_id == chosen_id or found.confidence not in ("certain", "high") or chosen_id in found.others:
        return None
    why = ", ".join(found.reasons[:3])
    return (f"--source {chosen_id}, but the text reads as about {found.study_id} ({found.confidence} confidence: "
            f"{why}); the findings measure it against {chosen_id}")


@functools.lru_cache(maxsize=64)
def _name_pattern(names: tuple[str, ...]):
    import re

    from msvitd.text.detect_profile import _name_rx

    return _name_rx(names) or re.compile(r"(?!)")


def _names(study):
    """The study's names and aliases as detection matches them ("D-Lay MS", "D Lay", "SOLAR" in capitals)."""
    return _name_pattern(tuple(n for n in (study.name, *study.aliases) if len(n) > 2))


def explicit_study(ident: str | None, lib) -> StudyChoice | None:
    """--source resolved once for a batch of articles (None when not given)."""
    return StudyChoice(_study_from(ident, lib)) if ident else None
