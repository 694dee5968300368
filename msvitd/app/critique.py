"""`msvitd critique` as a use case: settings, inputs, the engine per article (in one or many
processes), then one renderer and one exit code."""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace

from msvitd.app.inputs import (ArticleInput, StudyChoice, article_files, choose_study, doubt_source, explicit_study,
                               open_library, resolve_article)
from msvitd.app.settings import RuleSettings, rule_settings
from msvitd.critique.result import CritiqueResult
from msvitd.errors import UsageError


@dataclass(frozen=True)
class Request:
    files: tuple[str, ...]
    source: str | None
    fmt: str
    rules: RuleSettings
    evidence: tuple[str, ...]
    jobs: int
    lang: str | None = None  # --lang: every article read in this language


def place(findings, article: ArticleInput):
    """Findings at line:column in the file the user gave (the engine counts in the text read)."""
    src = article.source
    out = []
    for f in findings:
        if f.start is None:
            out.append(replace(f, file=src.file, line=None, column=None, end_line=None, end_column=None))
            continue
        line, col = src.position(f.start)
        eline, ecol = src.end_position(f.end)
        out.append(replace(f, file=src.file, line=line, column=col, end_line=eline, end_column=ecol))
    return tuple(out)


def critique_article(article: ArticleInput, study: StudyChoice, lib, rules: RuleSettings) -> CritiqueResult:
    from msvitd.critique.engine import critique_text

    others = [e.model for e in lib.studies.values()]
    # a study's facts are derived once per process by the engine (critique/engine.facts_of)
    res = critique_text(article.text, study.model, article=article.source.file, others=others,
                        lexicon=rules.lexicon(), select=rules.select, ignore=rules.ignore, detected=study.detected,
                        lang=article.lang)
    return replace(res, findings=place(res.findings, article), language_note=article.lang_note)


# -- per process state (loaded once per worker) ------------------------------------------
_STATE: dict = {}


def _init(req: Request) -> None:
    lib = open_library(req.evidence)
    _STATE.update(req=req, lib=lib, study=explicit_study(req.source, lib))


def critique_one(name: str, stdin_text: str | None = None) -> CritiqueResult:
    lib, req = _STATE["lib"], _STATE["req"]
    article = resolve_article(name, lib, stdin_text, req.lang)
    study = choose_study(article, lib, resolved=_STATE["study"])
    return critique_article(article, study, lib, req.rules)


def _work(name: str):
    """Worker: (result or None, error message or None, its jsonl line or None)."""
    try:
        res = critique_one(name)
    except UsageError as exc:
        return None, str(exc), None
    except Exception as exc:  # one bad article must not stop a batch of a thousand
        return None, f"{name}: internal error: {type(exc).__name__}: {exc}", None
    if _STATE["req"].fmt != "jsonl":
        return res, None, None
    from msvitd.output.formats import render

    # rendered here, in the worker: the parent only writes the lines (it rendered each one itself,
    # a share of one core taken from the workers)
    return res, None, render("critique", "jsonl", [res])


def _results(req: Request):
    """(name, result, error, jsonl line or None) per file, in the order given."""
    if len(req.files) == 1 or req.jobs == 1 or "-" in req.files:
        stdin_text = sys.stdin.read() if "-" in req.files else None
        for name in req.files:
            try:
                yield name, critique_one(name, stdin_text), None, None
            except UsageError as exc:
                if len(req.files) == 1:
                    raise
                yield name, None, str(exc), None
        return
    import multiprocessing as mp

    fork = "fork" in mp.get_all_start_methods()
    ctx = mp.get_context("fork") if fork else mp.get_context()
    # forked workers inherit the library run() loaded in this process: loading it again in every
    # worker cost each one a second start-up (--jobs 2 was no faster than --jobs 1)
    init = {} if fork and _STATE else {"initializer": _init, "initargs": (req,)}
    first, rest = req.files[0], req.files[1:]
    if fork:
        # the first article is read here, before the fork: what a first critique builds (lexicon
        # tables, the claim-strength model, the study's facts, compiled patterns) is then inherited
        # by every worker instead of being built again in each (--jobs 2 was 1.1x --jobs 1)
        yield (first, *_work(first))
    else:
        rest = req.files
    if fork:
        import gc

        # what the parent built is shared with the workers page by page; frozen, the workers' garbage
        # collections neither walk it nor write to its pages (which would copy them)
        gc.freeze()
    with ctx.Pool(processes=req.jobs, **init) as pool:
        for name, (res, err, line) in zip(rest, pool.imap(_work, rest, chunksize=4)):
            yield name, res, err, line


def run(files, *, source=None, fmt="concise", fail_on=None, select=(), ignore=(), lexicons=(), evidence=(),
        jobs=1, config=None, color=None, out=sys.stdout, lang=None) -> int:
    """Critique ``files``; write the chosen format to ``out``; return the exit code."""
    import os

    from msvitd.output.formats import render
    from msvitd.output.term import want_color

    files = article_files(files)
    if not files:
        raise UsageError("name at least one article file (or - for standard input)")
    rules = rule_settings(select, ignore, lexicons, config, fail_on)
    req = Request(tuple(files), source, fmt, rules, tuple(evidence), jobs or os.cpu_count() or 1, lang)
    _init(req)
    results, errors = [], []
    for name, res, err, line in _results(req):
        if err:
            errors.append(err)
            if fmt == "jsonl":
                from msvitd.output.critique_json import error_line

                out.write(error_line(name, err))
            continue
        results.append(res)
        doubt = doubt_source(res.text, res.source_id, _STATE["lib"]) if source else None
        if doubt:  # stderr only: stdout and the exit code are the findings' (newcomer minor 24)
            print(f"msvitd critique: warning: {res.article}: {doubt}", file=sys.stderr)
        if fmt == "jsonl":  # a stream: one line per article as it is done
            out.write(line if line is not None else render("critique", fmt, [res]))
    if fmt != "jsonl" and results:
        out.write(render("critique", fmt, results, color=want_color(color), many=len(req.files) > 1))
    for e in errors:
        print(f"msvitd critique: {e}", file=sys.stderr)
    if errors:
        return 2
    return 1 if any(r.exceeds(rules.fail_on) for r in results) else 0
