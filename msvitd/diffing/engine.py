"""`msvitd diff` end to end: resolve the article and the study, build the report."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from msvitd.diffing.consistency import check_study
from msvitd.diffing.facts import derived_facts, study_facts
from msvitd.diffing.numbers import diff_numbers
from msvitd.diffing.pico import claims_from_text, pico_rows
from msvitd.diffing.report import DiffReport

RAW_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


class DiffUsageError(Exception):
    """Bad input: unknown id, unreadable file, no study (exit 2)."""


def read_raw(path: Path) -> str:
    """A raw article's text (.txt, .md, .html), through the shared loader when it exists."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DiffUsageError(f"{path}: cannot read: {exc.strerror or exc}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DiffUsageError(f"{path}: not UTF-8 text")
    if "\x00" in text:
        raise DiffUsageError(f"{path}: binary data, not an article's text")
    if path.suffix.lower() in (".html", ".htm"):
        try:
            from msvitd.text.source import html_to_text
        except ImportError:
            html_to_text = _strip_html
        text = html_to_text(text)
    return text


def _strip_html(html: str) -> str:  # used only until msvitd.text.source is in place
    from html.parser import HTMLParser

    class P(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.out, self.skip = [], 0

        def handle_starttag(self, tag, attrs):
            if tag in ("script", "style"):
                self.skip += 1
            if tag in ("p", "br", "div", "h1", "h2", "h3", "li", "tr"):
                self.out.append("\n")

        def handle_endtag(self, tag):
            if tag in ("script", "style") and self.skip:
                self.skip -= 1

        def handle_data(self, data):
            if not self.skip:
                self.out.append(data)

    p = P()
    p.feed(html)
    return re.sub(r"\n{3,}", "\n\n", "".join(p.out)).strip() + "\n"


def _detect_study(text: str, lib) -> tuple[Optional[str], str]:
    """(study id, "") when the text identifies one study, else (None, why): the same detection
    `msvitd critique` uses (names, registry numbers, the study's own figures ...)."""
    from msvitd.text.detect import NoStudy, detect_study

    try:
        return detect_study(text, {k: e.model for k, e in lib.studies.items()}).study_id, ""
    except NoStudy as exc:
        return None, str(exc).replace("--source", "--study")


def load_inputs(article: str, study_id: Optional[str], evidence: Optional[list[str]]):
    """(library, study entry, article model or None, article text, article label)."""
    from msvitd.checks import article_text
    from msvitd.library import UsageError, default_paths, load_library
    from msvitd.validation import validate_document
    from msvitd.yamlio import read_file

    try:
        lib = load_library(evidence or default_paths())
    except UsageError as exc:
        raise DiffUsageError(str(exc))
    model = None
    path = Path(article)
    if article in lib.articles:
        entry = lib.articles[article]
        model = entry.model
        text, problem = article_text(model, entry.file)
        if problem:
            raise DiffUsageError(f"{article}: {problem}")
    elif path.suffix.lower() in (".yaml", ".yml"):
        if not path.is_file():
            raise DiffUsageError(f"{article}: no such file")
        doc = read_file(path)
        model, problems = validate_document(doc)
        if model is None or getattr(model, "kind", None) != "article":
            first = next((d for d in [*doc.diagnostics, *problems] if d.severity.value == "error"), None)
            why = f" ({first.location()}: {first.message})" if first else ""
            raise DiffUsageError(f"{article}: not a valid article evidence file{why}; run `msvitd validate {article}`")
        text, problem = article_text(model, doc.file)
        if problem:
            raise DiffUsageError(f"{article}: {problem}")
    elif path.suffix.lower() in RAW_SUFFIXES or path.is_file():
        if not path.is_file():
            raise DiffUsageError(f"{article}: no such file, and no article with that id")
        text = read_raw(path)
    else:
        known = ", ".join(sorted(lib.articles)) or "none"
        raise DiffUsageError(f"{article}: no such file, and no article with that id (articles: {known})")
    if study_id is None:
        if model is not None and len(model.about) == 1:
            study_id = model.about[0]
        elif model is not None:
            raise DiffUsageError(f"{article} is about several studies ({', '.join(model.about)}); choose one with --study")
        else:
            study_id, why = _detect_study(text, lib)
            if study_id is None:
                raise DiffUsageError(f"{article}: {why} (studies: {', '.join(sorted(lib.studies)) or 'none loaded'})")
    if study_id not in lib.studies:
        raise DiffUsageError(f"no study with id {study_id!r} (studies: {', '.join(sorted(lib.studies)) or 'none'})")
    return lib, lib.studies[study_id], model, text


def build_report(study_entry, article_model, text: str, article_label: str = "", others=()) -> DiffReport:
    """The diff of ``text`` against the study; ``others`` (the library's study models) lets the
    number matcher leave sentences about another named study unjudged, as critique does."""
    study = study_entry.model
    doc = study_entry.doc
    data = doc.data if doc is not None else None

    def locate(path: tuple) -> str:
        if doc is None:
            return ""
        line, col = doc.position(path)
        return f"{doc.file}:{line}:{col}"

    facts = study_facts(study, data)
    derived = derived_facts(facts)
    notes: list[str] = []
    if article_model is not None:
        claims = article_model.claims
        claims_from = "curated claims"
    else:
        claims, note = claims_from_text(text, study)
        claims_from = "text reading"
        if note:
            notes.append(note)
    spans = _claim_spans(text, claims, study)
    other = _other_spans(text, study, others)
    rows, unchecked = diff_numbers(text, facts, derived, locate,
                                   lambda s, e: [ctx for (a, b, ctx) in spans if a <= s and e <= b],
                                   skip=lambda s, e: any(a <= s < b for a, b in other))
    pico = pico_rows(study, claims, rows, text)
    consistency = check_study(study, data, locate)
    return DiffReport(
        study_id=study.id, study_name=study.name,
        article_id=getattr(article_model, "id", None),
        article_title=getattr(article_model, "title", None) or article_label,
        claims_from=claims_from, pico=tuple(pico), numbers=tuple(rows), consistency=tuple(consistency),
        unchecked=unchecked, notes=tuple(notes))


def _other_spans(text: str, study, others) -> list[tuple[int, int]]:
    try:
        from msvitd.critique.engine import other_study_spans

        return other_study_spans(text, study, list(others))
    except Exception:  # the reader's problem must not bring diff down
        return []


def _claim_spans(text: str, claims, study) -> list[tuple[int, int, str]]:
    """Where each curated outcome claim stands in the text, with the words of its outcome and numbers."""
    spans = []
    squashed_text = text
    for c in getattr(claims, "outcomes", []):
        o = study.outcome(c.outcome) if c.outcome else None
        ctx = " ".join(filter(None, [o.name if o else None, c.concept, *(n.fact or "" for n in c.numbers)]))
        i = squashed_text.find(c.quote)
        if i < 0:
            m = re.search(r"\s+".join(map(re.escape, c.quote.split())), text)
            if not m:
                continue
            spans.append((m.start(), m.end(), ctx))
        else:
            spans.append((i, i + len(c.quote), ctx))
    return spans


def run(article: str, study_id: Optional[str] = None, evidence: Optional[list[str]] = None,
        lang: Optional[str] = None) -> DiffReport:
    from msvitd.text.langdata import LanguageError
    from msvitd.text.language import UnreadLanguage, choose_language, using_language

    lib, study_entry, model, text = load_inputs(article, study_id, evidence)
    try:
        code, _ = choose_language(text, lang)  # numbers are read the way this language writes them
    except (UnreadLanguage, LanguageError) as exc:
        raise DiffUsageError(f"{article}: {exc}") from None
    with using_language(code):
        return build_report(study_entry, model, text, article_label=Path(article).name,
                            others=[e.model for e in lib.studies.values()])
