"""`msvitd report` as a use case: run the engines a target needs, once each, and build the page.

An article is read once and its study chosen once (msvitd/app/inputs.py); the same text and
study feed the critique and the diff, so the page shows what `msvitd critique` and `msvitd diff`
would print. A section that fails is named on the page; the rest is still built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from msvitd.app.inputs import choose_study, did_you_mean, open_library, resolve_article
from msvitd.errors import InputError, UnknownId, UsageError
from msvitd.report.page import (PAPERS, Page, arm_short_names, article_view, diff_view, glance, legend,
                                sof_tables)

_ARTICLE_SUFFIXES = (".yaml", ".yml", ".txt", ".md", ".markdown", ".html", ".htm")


def _summary(lib, ids, problems) -> tuple:
    from msvitd.summary.build import build

    try:
        return build(lib, ids).tables
    except Exception as exc:  # one section fails, the page still tells the rest
        problems.append(f"The Summary of Findings could not be built: {type(exc).__name__}: {exc} (please report this).")
        return ()


def build_page(target: str, *, study: Optional[str] = None, evidence: Optional[Sequence[str]] = None,
               paper: str = "a4", lang: Optional[str] = None) -> Page:
    """Run the engines ``target`` needs and build the page. Raises UsageError for usage problems."""
    from msvitd import __version__

    lib = open_library(evidence)
    if target in lib.questions or target in lib.studies:
        if study is not None:
            raise UsageError("--study applies to an article, not to a study or a question")
        return _evidence_page(target, lib, paper, __version__)
    if target not in lib.articles and not Path(target).exists():
        if "/" in target or "\\" in target or Path(target).suffix.lower() in _ARTICLE_SUFFIXES:
            raise InputError(f"{target}: no such file")
        known = sorted([*lib.articles, *lib.studies, *lib.questions])
        hint = " (some evidence files have errors: run `msvitd validate`)" if lib.errors else ""
        raise UnknownId(f"unknown id {target!r}{did_you_mean(target, known)}: not an article, study or question, "
                        f"and no such file; known: {', '.join(known) or 'none'}{hint}")
    return _article_page(target, study, lib, paper, __version__, lang)


def _evidence_page(target: str, lib, paper: str, version: str) -> Page:
    problems: list[str] = []
    names = {sid: e.model.name for sid, e in lib.studies.items()}
    kind = "question" if target in lib.questions else "study"
    summary = _summary(lib, [target], problems)
    tables = sof_tables(summary, names, arm_names=arm_short_names(e.model for e in lib.studies.values()))
    model = lib.find(target).model
    title = model.title if kind == "question" else model.name
    subtitle = ("Review question: " + f"{model.population}; {model.intervention} vs {model.comparator}"
                if kind == "question" else model.citation.title)
    return Page(title=f"{title}: what the evidence says", subtitle=subtitle, kind=kind, target=target,
                tables=tables, glance=glance(tables, None, None, title if kind == "question" else None,
                                             _glance_evidence(summary, title if kind == "question" else "")),
                problems=tuple(problems), legend=legend(), version=version, paper=PAPERS.get(paper, "A4"))


def _glance_evidence(summary_tables, question: str = "") -> tuple[str, ...]:
    """The summary's "At a glance" sentences (critical outcomes first, what did not differ), or none if
    they cannot be built: the page then falls back on its own sentence per table."""
    try:
        from msvitd.output.summary_overview import glance_sentences

        return glance_sentences(summary_tables, question)
    except Exception:
        return ()


def _article_page(target: str, study: Optional[str], lib, paper: str, version: str,
                  lang: Optional[str] = None) -> Page:
    from msvitd.app.critique import critique_article
    from msvitd.app.diff import diff_article
    from msvitd.app.settings import rule_settings

    article = resolve_article(target, lib, lang=lang)
    chosen = choose_study(article, lib, study)
    rules = rule_settings()  # the project's [tool.msvitd], as `msvitd critique` reads it
    problems: list[str] = []
    study_model = chosen.model
    about = [s for s in article.about if s in lib.studies] or [study_model.id]
    names = {sid: e.model.name for sid, e in lib.studies.items()}
    summary = _summary(lib, about, problems)
    tables = sof_tables(summary, names, arm_names=arm_short_names(e.model for e in lib.studies.values()))
    critique, critique_error = None, None
    try:
        critique = critique_article(article, chosen, lib, rules)
    except UsageError:
        raise
    except Exception as exc:
        critique_error = f"The critique could not be run: {type(exc).__name__}: {exc} (please report this)."
        problems.append(critique_error)
    diff = None
    try:
        diff = diff_view(diff_article(article, chosen, lib))
    except Exception as exc:
        problems.append(f"The diff could not be built: {type(exc).__name__}: {exc} (please report this).")
    view = article_view(article.text, critique, model=article.model, title=Path(target).name,
                        study_name=study_model.name, critique_error=critique_error)
    bits = [b for b in (view.outlet, view.author, view.date) if b]
    subtitle = (", ".join(bits) + ". " if bits else "") + f"Checked against {study_model.name}."
    return Page(title=view.title, subtitle=subtitle, kind="article", target=target, tables=tables,
                article=view, diff=diff, glance=glance(tables, view, diff, None, _glance_evidence(summary[:2])), problems=tuple(problems),
                legend=legend(), version=version, paper=PAPERS.get(paper, "A4"))
