"""Checks beyond types: numbers that must agree with each other, ids, references, quotes.

Each check yields ``(code, message, path)``; the caller turns the path into a position.
References that cross files are only *collected* here (as :class:`Ref`) and resolved by the
library once every file is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, get_args

from pydantic import BaseModel

from msvitd.cite_checks import as_printed, check_cites, check_todos
from msvitd.datapath import value_at
from msvitd.models.article import Article
from msvitd.models.cites import parse_cites  # noqa: F401 (also read from here)
from msvitd.models.common import RATIO_MEASURES, Effect
from msvitd.models.question import Question
from msvitd.models.study import Study
from msvitd.suggest import did_you_mean

Finding = tuple  # (code, message, path)


@dataclass(frozen=True)
class Ref:
    """A reference to another file's id, resolved once the whole library is read."""

    kind: str  # "study", "outcome", "limitation", "harm"
    target: str
    study: str | None  # for outcome and limitation references: the study that must hold them
    path: tuple


def _decimals(raw) -> int:
    if isinstance(raw, int) or raw is None:
        return 0
    text = repr(raw)
    return len(text.split(".")[1]) if "." in text and "e" not in text else 2


def percent_agrees(events: int, total: int, percent: float, decimals: int) -> bool:
    """GRIM-style: does events/total round to the printed percentage (half-up or half-even)?"""
    if total == 0:
        return False
    exact = 100 * events / total
    step = 10 ** -decimals
    return abs(exact - percent) <= step / 2 + 1e-9


def _null(effect: Effect) -> float:
    return 1.0 if effect.measure in RATIO_MEASURES else 0.0


def _interval(effect: Effect) -> str:
    """The interval in a validation message: "[0.70, 0.87]" (see `as_printed`)."""
    _, lo, hi = as_printed(effect.estimate, *effect.ci)
    return f"[{lo}, {hi}]"


def check_effect(effect: Effect, path: tuple) -> Iterator[Finding]:
    if effect.ci is None:
        return
    lo, hi = effect.ci
    if lo > hi:
        yield "S201", f"confidence interval {_interval(effect)} is misordered: the lower limit comes first", path + ("ci",)
        return
    if effect.measure in RATIO_MEASURES and lo <= 0:
        yield "S201", f"a {effect.measure} cannot have a confidence limit of {lo:g}: ratios are positive", path + ("ci",)
        return
    est = effect.estimate
    if est is not None and not (lo <= est <= hi):
        yield ("S201", f"confidence interval {_interval(effect)} does not contain the estimate {est:g}",
               path + ("ci",))
        return
    if est is not None and effect.p is not None:
        yield from _check_p(effect, path)


def _check_p(effect: Effect, path: tuple) -> Iterator[Finding]:
    try:
        from msvitd.stats.pvalues import p_consistent, p_interval_from_ci
    except ImportError:  # pragma: no cover - stats ships with the package
        return
    lo, hi = effect.ci
    try:
        # The printed CI is rounded, so it implies a range of P values, not one (statcheck's rule).
        low_p, high_p = p_interval_from_ci(effect.measure, effect.estimate, lo, hi, level=effect.ci_level)
    except ValueError:
        return
    if not p_consistent(effect.p, (low_p, high_p)):
        yield ("S204", f"reported {effect.p} does not agree with the confidence interval {_interval(effect)} "
                       f"(it implies P between {low_p:.2g} and {high_p:.2g}); check both numbers in the source",
               path + ("p",))


def _significance(effect: Effect) -> bool | None:
    if effect.ci is not None:
        lo, hi = effect.ci
        null = _null(effect)
        return not (lo <= null <= hi)
    return _p_significance(effect.p) if effect.p is not None else None


def _p_significance(p) -> bool | None:
    if p.relation in ("<", "<=") and p.value <= 0.05:
        return True
    if p.relation == "=":
        return p.value < 0.05
    return None


def _arm_results(arms: dict, path: tuple, data, arm_ids: set, arm_sizes: dict) -> Iterator[Finding]:
    for arm_id, res in arms.items():
        here = path + (arm_id,)
        if arm_id not in arm_ids:
            yield ("S206", f"no arm with id {arm_id!r} in this study (arms: {', '.join(sorted(arm_ids))})"
                           f"{did_you_mean(arm_id, arm_ids)}", here)
        if res.events is not None and res.total is not None:
            if res.events > res.total:
                yield "S202", f"{res.events} events among {res.total} participants", here + ("events",)
            elif res.percent is not None:
                dec = _decimals(value_at(data, here + ("percent",)))
                if not percent_agrees(res.events, res.total, res.percent, dec):
                    exact = 100 * res.events / res.total
                    yield ("S203", f"{res.percent:g}% does not agree with {res.events}/{res.total} "
                                   f"= {exact:.{max(dec, 1) + 1}f}%", here + ("percent",))
        size = arm_sizes.get(arm_id)
        if res.total is not None and size is not None and res.total > size:
            yield "S209", f"total {res.total} is larger than the {size} randomised to arm {arm_id!r}", here + ("total",)


def _unique(items, path: tuple, what: str) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if item.id in seen:
            yield "S205", f"{what} id {item.id!r} is used twice (first at {path[-1]}[{seen[item.id]}])", path + (i, "id")
        else:
            seen[item.id] = i


_NESTED: dict[type, tuple[str, ...]] = {}


def _nested_fields(cls: type) -> tuple[str, ...]:
    """The fields of a model class whose type can hold other models (computed once per class: walking
    every field of every model was a fifth of `msvitd validate`'s time)."""
    names = _NESTED.get(cls)
    if names is None:
        names = _NESTED[cls] = tuple(n for n, f in cls.model_fields.items() if _holds_models(f.annotation))
    return names


def _holds_models(annotation) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(a) for a in get_args(annotation))


def _cites(model, path: tuple, sources: set) -> Iterator[Finding]:
    """Every `cite:` must name declared sources."""
    cites = getattr(model, "cite", None)
    if cites:
        for i, message in parse_cites(cites, sources)[1]:
            yield "S206", message, path + ("cite", i)
    for name in _nested_fields(type(model)):
        value = getattr(model, name)
        if isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _cites(item, path + (name, i), sources)
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, BaseModel):
                    yield from _cites(item, path + (name, key), sources)
        elif isinstance(value, BaseModel):
            yield from _cites(value, path + (name,), sources)


def check_study(study: Study, data) -> Iterator[Finding]:
    yield from _unique(study.sources, ("sources",), "source")
    yield from _unique(study.arms, ("arms",), "arm")
    yield from _unique(study.outcomes, ("outcomes",), "outcome")
    yield from _unique(study.subgroups, ("subgroups",), "subgroup")
    yield from _unique(study.harms, ("harms",), "harm")
    yield from _unique(study.limitations, ("limitations",), "limitation")
    yield from _cites(study, (), {s.id for s in study.sources})
    yield from check_cites(study)
    yield from check_todos(data)

    arm_ids = {a.id for a in study.arms}
    arm_sizes = {a.id: a.randomised for a in study.arms if a.randomised is not None}
    roles = [a.role for a in study.arms]
    if "intervention" not in roles or "comparator" not in roles:
        yield "S104", "a study needs at least one arm with role intervention and one with role comparator", ("arms",)
    for i, arm in enumerate(study.arms):
        if arm.analysed is not None and arm.randomised is not None and arm.analysed > arm.randomised:
            yield "S209", f"{arm.analysed} analysed but only {arm.randomised} randomised", ("arms", i, "analysed")
    for total_field in ("randomised", "analysed"):
        total = getattr(study.population, total_field)
        parts = [getattr(a, total_field) for a in study.arms]
        if total is not None and all(p is not None for p in parts) and sum(parts) != total:
            yield ("S209", f"population.{total_field} is {total} but the arms add up to {sum(parts)} "
                           f"({' + '.join(map(str, parts))})", ("population", total_field))

    outcome_ids = {o.id for o in study.outcomes}
    for i, outcome in enumerate(study.outcomes):
        here = ("outcomes", i)
        yield from _arm_results(outcome.arms, here + ("arms",), data, arm_ids, arm_sizes)
        effects = ([("effect", outcome.effect)] if outcome.effect else []) + \
                  [(("effects", j), e) for j, e in enumerate(outcome.effects)]
        for where, effect in effects:
            epath = here + (where if isinstance(where, tuple) else (where,))
            yield from check_effect(effect, epath)
            for k, arm in enumerate(effect.arms or ()):
                if arm not in arm_ids:
                    yield ("S206", f"no arm with id {arm!r} in this study{did_you_mean(arm, arm_ids)}",
                           epath + ("arms", k))
        if outcome.effect is not None and outcome.significant is not None:
            sig = _significance(outcome.effect)
            if sig is not None and sig != outcome.significant:
                said = "significant" if outcome.significant else "not significant"
                yield ("S210", f"`significant: {str(outcome.significant).lower()}` but the reported "
                               f"{'confidence interval' if outcome.effect.ci else 'P value'} says it is "
                               f"{'not ' if not sig else ''}significant at the 5% level (file says {said})",
                       here + ("significant",))
        if outcome.p is not None and outcome.significant is not None:
            sig = _p_significance(outcome.p)
            if sig is not None and sig != outcome.significant:
                yield ("S210", f"`significant: {str(outcome.significant).lower()}` but the outcome's {outcome.p} "
                               f"is {'not ' if not sig else ''}significant at the 5% level", here + ("significant",))
        if outcome.type in ("surrogate", "composite") and not outcome.stands_for:
            yield ("S101", f"a {outcome.type} outcome needs `stands_for:` naming the patient-important "
                           "outcome it stands in for", here)
    for i, sg in enumerate(study.subgroups):
        if sg.outcome not in outcome_ids:
            yield ("S206", f"no outcome with id {sg.outcome!r} in this study{did_you_mean(sg.outcome, outcome_ids)}",
                   ("subgroups", i, "outcome"))
    for i, harm in enumerate(study.harms):
        yield from _arm_results(harm.arms, ("harms", i, "arms"), data, arm_ids, arm_sizes)
    for i, lim in enumerate(study.limitations):
        for j, oid in enumerate(lim.outcomes):
            if oid not in outcome_ids:
                yield ("S206", f"no outcome with id {oid!r} in this study{did_you_mean(oid, outcome_ids)}",
                       ("limitations", i, "outcomes", j))
    if study.risk_of_bias:
        for j, oid in enumerate(study.risk_of_bias.outcomes):
            if oid not in outcome_ids:
                yield ("S206", f"no outcome with id {oid!r} in this study{did_you_mean(oid, outcome_ids)}",
                       ("risk_of_bias", "outcomes", j))
    from msvitd.grading.evidence_checks import check_study as check_measures  # SDs, scales, person-time, GRADE
    yield from check_measures(study, data)


def _squash(text: str) -> str:
    return " ".join(text.split())


def article_text(article: Article, file: str) -> tuple[str | None, str | None]:
    """The article's text and, when it cannot be read, why."""
    if article.text is not None:
        return article.text, None
    path = Path(file).parent / article.text_file
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, f"cannot read text_file {article.text_file!r}: {exc.strerror or exc}"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, f"text_file {article.text_file!r} is not UTF-8 text"
    if path.suffix.lower() in (".html", ".htm"):
        try:
            from msvitd.text.source import html_to_text
        except ImportError:
            return None, "reading an HTML text_file needs msvitd.text.source"
        text = html_to_text(text)
    return text, None


def check_article(article: Article, file: str) -> tuple[list[Finding], list[Ref]]:
    findings: list[Finding] = list(check_todos(article))
    refs: list[Ref] = []
    text, problem = article_text(article, file)
    if problem:
        findings.append(("S208", problem, ("text_file",)))
    squashed = _squash(text) if text is not None else None
    single = article.about[0] if len(article.about) == 1 else None
    for i, sid in enumerate(article.about):
        refs.append(Ref("study", sid, None, ("about", i)))
    claims = article.claims
    quoted: list[tuple[tuple, str]] = []
    for name in ("population", "intervention", "comparator"):
        claim = getattr(claims, name)
        if claim is not None:
            quoted.append(((("claims", name, "quote")), claim.quote))
    for i, oc in enumerate(claims.outcomes):
        quoted.append((("claims", "outcomes", i, "quote"), oc.quote))
        for j, num in enumerate(oc.numbers):
            if num.quote:
                quoted.append((("claims", "outcomes", i, "numbers", j, "quote"), num.quote))
        study = oc.study or single
        if oc.study:
            refs.append(Ref("study", oc.study, None, ("claims", "outcomes", i, "study")))
        if oc.outcome:
            refs.append(Ref("outcome", oc.outcome, study, ("claims", "outcomes", i, "outcome")))
        if oc.outcome is None and oc.concept is None:
            findings.append(("S101", "an outcome claim needs `outcome:` (a study outcome id) or `concept:` "
                                     "(a vocabulary word such as progression or damage)", ("claims", "outcomes", i)))
    for i, lc in enumerate(claims.limitations):
        quoted.append((("claims", "limitations", i, "quote"), lc.quote))
        if lc.limitation:
            refs.append(Ref("limitation", lc.limitation, lc.study or single, ("claims", "limitations", i, "limitation")))
    if text is not None:
        for path, quote in quoted:
            if quote not in text and _squash(quote) not in squashed:
                shown = quote if len(quote) <= 50 else quote[:47] + "..."
                findings.append(("S207", f"quote {shown!r} does not occur in the article's text", path))
    return findings, refs


def check_question(question: Question) -> tuple[list[Finding], list[Ref]]:
    findings: list[Finding] = list(_unique(question.outcomes, ("outcomes",), "outcome"))
    findings += list(check_todos(question))
    findings += list(_unique(question.comparisons, ("comparisons",), "comparison"))
    refs: list[Ref] = []
    placed: dict[str, str] = {}
    for i, comp in enumerate(question.comparisons):
        for j, sid in enumerate(comp.studies):
            refs.append(Ref("study", sid, None, ("comparisons", i, "studies", j)))
            if sid in placed and placed[sid] != comp.id:
                findings.append(("S205", f"study {sid!r} is in comparison {placed[sid]!r} and {comp.id!r}; "
                                         "a study belongs to one comparison", ("comparisons", i, "studies", j)))
            placed.setdefault(sid, comp.id)
    for i, qo in enumerate(question.outcomes):
        seen: dict[tuple, int] = {}
        for j, src in enumerate(qo.from_studies):
            here = ("outcomes", i, "from_studies", j)
            refs.append(Ref("study", src.study, None, here + ("study",)))
            kind, target = src.target
            refs.append(Ref(kind, target, src.study, here + (kind,)))
            key = (src.study, *src.target, src.arms)
            if key in seen:
                findings.append(("S205", f"{src.target[0]} {src.target[1]!r} of study {src.study!r} is listed twice "
                                         f"for outcome {qo.id!r} (first at from_studies[{seen[key]}])", here))
            else:
                seen[key] = j
    seen_ctx: dict[str, int] = {}
    for i, ctx in enumerate(question.context):
        refs.append(Ref("study", ctx.study, None, ("context", i, "study")))
        if ctx.study in seen_ctx:
            findings.append(("S205", f"study {ctx.study!r} has two context lines (first at context[{seen_ctx[ctx.study]}])",
                             ("context", i, "study")))
        else:
            seen_ctx[ctx.study] = i
    return findings, refs
