"""What `msvitd critique` does between the command line and the renderers: settings, library,
articles, study choice, one or many processes."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from msvitd.critique.report import CritiqueResult

RENDER_FORMATS = ("text", "json", "jsonl", "github", "markdown")


class UsageProblem(Exception):
    """Exit 2 with one line."""


@dataclass(frozen=True)
class Settings:
    source: str | None
    fmt: str
    fail_on: str
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    lexicons: tuple[str, ...]
    evidence: tuple[str, ...]
    color: bool
    width: int | None


def _split(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(v.strip() for v in value.replace(" ", ",").split(",") if v.strip())


def settings_from(source, fmt, fail_on, select, ignore, lexicons, evidence, config, color) -> Settings:
    from msvitd.config import ConfigError, load_config
    from msvitd.output.term import want_color
    from msvitd.rules import unknown_patterns

    try:
        cfg = load_config(Path(config)) if config else load_config()
    except ConfigError as exc:
        raise UsageProblem(str(exc)) from None
    sel = _split(select) or cfg.select
    ign = _split(ignore) + cfg.ignore
    bad = unknown_patterns(sel + ign)
    if bad:
        raise UsageProblem(f"unknown rule code or name: {', '.join(bad)} (see `msvitd rules`)")
    lex = tuple(cfg.lexicons) + tuple(lexicons)
    return Settings(source, fmt, fail_on or cfg.fail_on or "error", sel, ign, lex, tuple(evidence),
                    want_color(color), None)


# -- per process state (loaded once per worker) ------------------------------------------
_STATE: dict = {}


def _init(settings: Settings) -> None:
    from msvitd.library import UsageError, default_paths, load_library
    from msvitd.text.lexicon import LexiconError, load_lexicon

    try:
        lib = load_library(list(settings.evidence) or default_paths())
    except UsageError as exc:
        raise UsageProblem(str(exc)) from None
    try:
        lexicon = load_lexicon(settings.lexicons)
    except LexiconError as exc:
        raise UsageProblem(str(exc)) from None
    study_override = None
    if settings.source:
        study_override = _resolve_source(settings.source, lib)
    _STATE.update(settings=settings, lib=lib, lexicon=lexicon, study=study_override)


def _resolve_source(ident: str, lib):
    from msvitd.library import UsageError, load_library

    if ident in lib.studies:
        return lib.study(ident)
    p = Path(ident)
    if p.is_file():
        try:
            other = load_library([p])
        except UsageError as exc:
            raise UsageProblem(str(exc)) from None
        if other.studies:
            return next(iter(other.studies.values())).model
        errs = [d for d in other.diagnostics if d.severity.value == "error"]
        why = f": {errs[0].message}" if errs else ""
        raise UsageProblem(f"{ident}: not a valid study file{why}")
    known = ", ".join(sorted(lib.studies)) or "none"
    raise UsageProblem(f"--source {ident}: no such study id or file (studies in the library: {known})")


def _load_article(path: str, stdin_text: str | None):
    """(text, study id from the file's `about:` or None, the name to report positions against)."""
    from msvitd.library import UsageError, load_library
    from msvitd.text.source import SourceError, read_article

    if path != "-" and path.lower().endswith((".yaml", ".yml")):
        lib = _STATE["lib"]
        try:
            other = load_library([path])
        except UsageError as exc:
            raise UsageProblem(str(exc)) from None
        if not other.articles:
            errs = [d for d in other.diagnostics if d.severity.value == "error"]
            why = f": {errs[0].location()}: {errs[0].message}" if errs else ": not an article evidence file"
            raise UsageProblem(f"{path}{why}")
        art_id, entry = next(iter(other.articles.items()))
        text = other.article_text(art_id)
        if text is None and art_id in lib.articles:
            text = lib.article_text(art_id)
        if text is None:
            raise UsageProblem(f"{path}: the article's text cannot be read")
        label = path
        tf = getattr(entry.model, "text_file", None)
        if tf:
            label = str(Path(path).parent / tf)
        return text, entry.model.about[0], label
    lib = _STATE["lib"]
    if path in lib.articles and not Path(path).exists():  # an article id, as `diff` and `report` take
        entry = lib.articles[path]
        text = lib.article_text(path)
        if text is None:
            raise UsageProblem(f"{path}: the article's text cannot be read")
        tf = getattr(entry.model, "text_file", None)
        label = str(Path(entry.file).parent / tf) if tf else entry.file
        return text, entry.model.about[0], label
    try:
        return read_article(path, stdin_text), None, ("<stdin>" if path == "-" else path)
    except SourceError as exc:
        raise UsageProblem(str(exc)) from None


def critique_one(path: str, stdin_text: str | None = None) -> CritiqueResult:
    from msvitd.critique.engine import critique_text
    from msvitd.text.detect import NoStudy, detect_study

    st = _STATE["settings"]
    lib = _STATE["lib"]
    text, about, label = _load_article(path, stdin_text)
    study = _STATE["study"]
    detected = None
    if study is None and about:
        if about not in lib.studies:
            raise UsageProblem(f"{path}: its study `{about}` is not in the library; name one with --source")
        study = lib.study(about)
    if study is None:
        studies = {k: e.model for k, e in lib.studies.items()}
        if not studies:
            raise UsageProblem("no studies in the evidence library; name one with --source FILE")
        try:
            d = detect_study(text, studies)
        except NoStudy as exc:
            raise UsageProblem(f"{path}: {exc}") from None
        study = studies[d.study_id]
        detected = d.explain()
    others = [e.model for e in lib.studies.values()]
    return critique_text(text, study, article=label, others=others,
                         lexicon=_STATE["lexicon"], select=st.select, ignore=st.ignore, detected=detected)


def render(result: CritiqueResult, st: Settings, many: bool = False) -> str:
    if st.fmt == "text":
        from msvitd.output.critique_text import render as r

        return r(result, color=st.color, width=st.width)
    if st.fmt == "json":
        from msvitd.output.critique_json import render as r

        return r(result)
    if st.fmt == "jsonl":
        from msvitd.output.critique_json import render_line as r

        return r(result)
    if st.fmt == "github":
        from msvitd.output.critique_github import render as r

        return r(result)
    from msvitd.output.critique_markdown import render as r

    return r(result)


def _work(path: str):
    """Worker: (output, exceeds fail-on, error message)."""
    st = _STATE["settings"]
    try:
        res = critique_one(path)
    except UsageProblem as exc:
        return "", False, str(exc)
    except Exception as exc:  # one bad article must not stop a batch of a thousand
        return "", False, f"{path}: internal error: {type(exc).__name__}: {exc}"
    return render(res, st), res.exceeds(st.fail_on), None


def run_critique(files, *, source=None, fmt="text", fail_on=None, select=None, ignore=None, lexicons=(),
                 evidence=(), jobs=1, config=None, color=None, out=sys.stdout) -> int:
    st = settings_from(source, fmt, fail_on, select, ignore, lexicons, evidence, config, color)
    _init(st)
    if not files:
        raise UsageProblem("name at least one article file (or - for standard input)")
    stdin_text = sys.stdin.read() if "-" in files else None
    if len(files) == 1 or jobs == 1 or "-" in files:
        exceeded = False
        errors = []
        json_many = []
        for i, path in enumerate(files):
            try:
                res = critique_one(path, stdin_text)
            except UsageProblem as exc:
                if len(files) == 1:
                    raise
                errors.append(str(exc))
                if fmt == "jsonl":
                    from msvitd.output.critique_json import error_line

                    out.write(error_line(path, str(exc)))
                continue
            exceeded |= res.exceeds(st.fail_on)
            if fmt == "json" and len(files) > 1:
                json_many.append(res)
                continue
            if fmt in ("text", "markdown") and i > 0:
                out.write("\n")
            out.write(render(res, st))
            out.flush()
        if json_many:
            from msvitd.output.critique_json import render_many

            out.write(render_many(json_many))
        for e in errors:
            print(f"msvitd critique: {e}", file=sys.stderr)
        return 2 if errors else (1 if exceeded else 0)
    return _run_parallel(files, st, jobs, out)


def _run_parallel(files, st: Settings, jobs: int, out) -> int:
    import multiprocessing as mp

    fork = "fork" in mp.get_all_start_methods()
    ctx = mp.get_context("fork") if fork else mp.get_context()
    # forked workers inherit the library and lexicon _init loaded in this process: loading them
    # again in every worker cost each one a second start-up (--jobs 2 was no faster than --jobs 1)
    init = {} if fork and _STATE else {"initializer": _init, "initargs": (st,)}
    exceeded = False
    errors = []
    outputs_json = []
    with ctx.Pool(processes=jobs, **init) as pool:
        for i, (text, exc, err) in enumerate(pool.imap(_work, files, chunksize=8)):
            if err:
                errors.append(err)
                if st.fmt == "jsonl":
                    from msvitd.output.critique_json import error_line

                    out.write(error_line(files[i], err))
                continue
            exceeded |= exc
            if st.fmt == "json":
                outputs_json.append(text)
                continue
            if st.fmt in ("text", "markdown") and i > 0:
                out.write("\n")
            out.write(text)
    if outputs_json:
        out.write("[\n" + ",\n".join(t.rstrip("\n") for t in outputs_json) + "\n]\n" if len(outputs_json) > 1 else outputs_json[0])
    for e in errors:
        print(f"msvitd critique: {e}", file=sys.stderr)
    return 2 if errors else (1 if exceeded else 0)
