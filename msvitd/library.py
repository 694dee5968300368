"""Gather evidence files into a library: read, validate, check, resolve references across files."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from msvitd.codes import make
from msvitd.diagnostics import Diagnostic, format_path
from msvitd.yamlio import Document, read_file

if TYPE_CHECKING:  # the checks and the validation are imported where files are read: a library
    from msvitd.checks import Ref  # taken from the cache (msvitd/app/library_cache.py) needs neither

YAML_SUFFIXES = (".yaml", ".yml")


from msvitd.errors import UsageError  # noqa: E402  (a problem with what the user asked for, exit 2)


@dataclass
class Entry:
    model: object
    doc: Document

    @property
    def file(self) -> str:
        return self.doc.file

    def __reduce__(self):
        # pickled (the library cache) with its document as bytes of its own, unpickled when first
        # asked for: a critique reads the positions of one study's file at most, and unpickling
        # every file's document was most of loading the library (issue 17)
        import pickle

        return (_LazyEntry, (self.model, pickle.dumps(self.doc, protocol=pickle.HIGHEST_PROTOCOL), self.doc.file))


class _LazyEntry(Entry):
    """An Entry from the cache: its document is read from its bytes on first use."""

    def __init__(self, model, raw: bytes, file: str):  # noqa: D107 - not the dataclass's fields
        self.model = model
        self._raw = raw
        self._file = file

    @property
    def file(self) -> str:
        return self._file

    def __getattr__(self, name: str):
        raw = self.__dict__.get("_raw")
        if name != "doc" or raw is None:
            raise AttributeError(name)
        import pickle

        doc = self.__dict__["doc"] = pickle.loads(raw)
        del self.__dict__["_raw"]
        return doc


@dataclass
class _StudyIndex:
    """What cross-file checks need of a study, kept even when its model is dropped."""

    file: str
    outcomes: frozenset
    limitations: frozenset
    harms: frozenset
    invalid: bool = False  # the file names this id but failed validation: references to it are not checked


@dataclass
class Library:
    studies: dict[str, Entry] = field(default_factory=dict)
    articles: dict[str, Entry] = field(default_factory=dict)
    questions: dict[str, Entry] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity.value == "error"]

    def study(self, study_id: str):
        return self.studies[study_id].model

    def article_text(self, article_id: str) -> str | None:
        from msvitd.checks import article_text

        entry = self.articles[article_id]
        return article_text(entry.model, entry.file)[0]

    def find(self, ident: str) -> Entry | None:
        return self.studies.get(ident) or self.articles.get(ident) or self.questions.get(ident)


def bundled_evidence() -> Path:
    here = Path(__file__).resolve().parent
    checkout = here.parent / "evidence"  # running from a source checkout or an editable install
    return checkout if checkout.is_dir() else here / "_evidence"


def default_paths() -> list[Path]:
    """./evidence when the current directory has one, else the evidence bundled with msvitd."""
    local = Path("evidence")
    return [local] if local.is_dir() else [bundled_evidence()]


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders into their YAML files (sorted); a named file is taken whatever its suffix."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if str(raw) == "-":
            raise UsageError("reading evidence from standard input is not supported; name a file")
        if not p.exists() and not p.is_symlink():
            raise UsageError(f"{raw}: no such file or folder")
        if p.is_dir():
            # A folder that cannot be listed is reported (by read_file), not skipped in silence.
            for root, dirs, files in os.walk(p, followlinks=False, onerror=lambda e: out.append(Path(e.filename))):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out.extend(Path(root) / f for f in sorted(files)
                           if f.endswith(YAML_SUFFIXES) and not f.startswith("."))
        else:
            out.append(p)
    seen: set = set()
    unique = []
    for p in out:
        key = os.path.normpath(p)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


@dataclass
class _FileResult:
    """One file read, validated and checked: all that the cross-file stage needs, and picklable."""

    file: str
    diagnostics: list[Diagnostic]
    kind: str | None = None
    id: str | None = None
    id_position: tuple[int, int] = (1, 1)
    study_index: _StudyIndex | None = None
    refs: list[tuple[Ref, tuple[int, int]]] = field(default_factory=list)  # each with its position
    entry: Entry | None = None


def _load_one(path: Path, keep_models: bool = False) -> _FileResult:
    from msvitd.checks import check_article, check_question, check_study
    from msvitd.validation import validate_document

    doc = read_file(path)
    model, schema = validate_document(doc)
    result = _FileResult(doc.file, doc.diagnostics + schema)
    if model is None:
        # An invalid study still exists: an article about it must not also say "no study with id".
        study_id = _invalid_study_id(doc)
        if study_id is not None:
            result.study_index = _StudyIndex(doc.file, frozenset(), frozenset(), frozenset(), invalid=True)
            result.id = study_id
        return result
    refs: list = []
    if model.kind == "study":
        found = list(check_study(model, doc.data))
        result.study_index = _StudyIndex(doc.file, _id_set(model.outcomes), _id_set(model.limitations),
                                         _id_set(model.harms))
    elif model.kind == "article":
        found, refs = check_article(model, doc.file)
    else:
        found, refs = check_question(model)
    result.diagnostics.extend(doc.diag(code, message, path_) for code, message, path_ in found)
    result.kind, result.id, result.id_position = model.kind, model.id, doc.position(("id",))
    # Positions now, so the document itself need not outlive this function.
    result.refs = [(ref, doc.position(ref.path)) for ref in refs]
    if keep_models:
        # the engines read the light twins (msvitd/models/light.py): the same fields and methods as the
        # validated model, and a library taken from the cache loads without pydantic
        from msvitd.models.light import lighten

        result.entry = Entry(lighten(model), doc)
    return result


_TOP_KIND = re.compile(r"^kind:[ \t]*[\"']?study[\"']?[ \t]*(?:#.*)?$", re.M)
_TOP_ID = re.compile(r"^id:[ \t]*[\"']?([a-z0-9][a-z0-9._-]*)[\"']?[ \t]*(?:#.*)?$", re.M)


def _id_set(items) -> tuple:
    """Ids kept for the whole run, as small as they can be: interned (the same outcome ids recur from
    study to study) in a tuple (a tenth of a frozenset's size; a study has a dozen ids, not thousands)."""
    return tuple(sys.intern(item.id) for item in items)


def _invalid_study_id(doc: Document) -> str | None:
    """The id of a study file that failed validation, from its data or, if YAML failed, its top-level lines."""
    data = doc.data
    if isinstance(data, dict):
        return data["id"] if data.get("kind") == "study" and isinstance(data.get("id"), str) else None
    if doc.text and _TOP_KIND.search(doc.text):
        found = _TOP_ID.search(doc.text)
        return found.group(1) if found else None
    return None


def _load_all(files: list[Path], keep_models: bool, jobs: int) -> Iterable[_FileResult]:
    if jobs == 1 or keep_models or len(files) < 2 * jobs:
        return (_load_one(p, keep_models) for p in files)
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=jobs)
    chunk = max(1, min(64, len(files) // (jobs * 8)))

    def ordered():  # Executor.map keeps the files' order, so the output does not depend on --jobs
        with pool:
            yield from pool.map(_load_one, files, chunksize=chunk)

    return ordered()


def load_library(paths: Iterable[str | Path] | None = None, keep_models: bool = True, jobs: int = 1) -> Library:
    """Read every file, validate it, run the checks, then resolve references across files.

    With ``keep_models=False`` (``msvitd validate`` on a large repository) only the index of
    ids and the pending references survive each file, so memory does not grow with the number
    of files beyond them. ``jobs`` > 1 reads and checks files in that many processes (only with
    ``keep_models=False``); the result is the same as with one.
    """
    files = discover(paths if paths is not None else default_paths())
    lib = Library()
    index: dict[str, _StudyIndex] = {}
    ids: dict[str, tuple[str, int, int]] = {}
    pending: list[tuple[str, Ref, tuple[int, int]]] = []
    targets = {"study": lib.studies, "article": lib.articles, "question": lib.questions}
    for result in _load_all(files, keep_models, max(1, jobs)):
        lib.files += 1
        lib.diagnostics.extend(result.diagnostics)
        if result.id is None:
            continue
        if result.study_index is not None:
            if result.study_index.invalid:
                index.setdefault(result.id, result.study_index)
                continue
            if result.id not in ids:  # a second file with the id (S205 below) must not replace the first's index
                index[result.id] = result.study_index
        if result.id in ids:
            first = ids[result.id]
            lib.diagnostics.append(make("S205", f"id {result.id!r} is already used by {first[0]}:{first[1]}:{first[2]}",
                                        result.file, *result.id_position, "id"))
            continue
        ids[result.id] = (result.file, *result.id_position)
        pending.extend((result.file, ref, pos) for ref, pos in result.refs)
        if result.entry is not None:
            targets[result.kind][result.id] = result.entry
    for file, ref, (line, column) in pending:
        problem = _resolve(ref, index)
        if problem:
            lib.diagnostics.append(make("S206", problem, file, line, column, format_path(ref.path)))
    return lib


def _resolve(ref: Ref, index: dict[str, _StudyIndex]) -> str | None:
    if ref.kind == "study":
        if ref.target not in index:
            return f"no study with id {ref.target!r} in the evidence being checked"
        return None
    if ref.study is None:
        return f"{ref.kind} {ref.target!r}: name the study (`study:`) since the article is about several"
    study = index.get(ref.study)
    if study is None or study.invalid:
        return None  # already reported: a missing study, or the study file's own errors
    pool = {"outcome": study.outcomes, "limitation": study.limitations, "harm": study.harms}[ref.kind]
    if ref.target not in pool:
        choices = ", ".join(sorted(pool)) or "none"
        return f"study {ref.study!r} has no {ref.kind} {ref.target!r} (it has: {choices})"
    return None

