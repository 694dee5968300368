"""Match each number of an article to the source's facts: match, rounded, mismatch, derived, unverified.

A number is compared with facts of the same kind and unit (durations across days, weeks, months and
years). Among the facts with an equal value the one whose context words best overlap the sentence
wins; failing that, a derived fact (1 - HR, a ratio of medians, a difference of percentages, a sum
of arms); failing that, a fact whose context clearly matches but whose value differs is a mismatch;
anything else is unverified.
"""

from __future__ import annotations

import bisect
import re
from typing import Callable, Iterable, Optional

from msvitd.facts.binding import clause_words
from msvitd.facts.factindex import ci_high, lookup, one_minus
from msvitd.facts.records import NumberRow, SourceRef
from msvitd.facts.source import Fact, fmt, words  # noqa: F401
from msvitd.facts.verdicts import (_DAYS, _MIN_MISMATCH_OVERLAP, Candidate, _compatible, _mention_decimals,  # noqa: F401
                                   _overlap, _value_verdict, of_kinds)
from msvitd.facts.wording import _Facts, _Sentence, _semantic  # noqa: F401
from msvitd.text.grammar import NumberRoles, number_roles
from msvitd.text.numbers import NumberMention, find_numbers

JUDGED_KINDS = frozenset({"percent", "count", "duration", "dose", "concentration", "ratio", "p_value", "multiplier",
                          "fraction", "ci", "nnt", "difference", "range", "money"})
def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence (or line) around a span."""
    # each search is bounded by the nearest boundary found so far: the same sentence, but no scan
    # of the whole text per number (quadratic on a long text without "! " or "? ")
    left = -1
    for sep in ("\n", ". ", "! ", "? "):
        left = max(left, text.rfind(sep, max(left, 0), start))
    left = 0 if left < 0 else left + 1
    right = len(text)
    for sep in ("\n", ". ", "! ", "? "):
        i = text.find(sep, end, right + 1)
        if i >= 0:
            right = min(right, i)
    right = right + 1 if right < len(text) else len(text)
    return text[left:right].strip()


def _words(text: str, roles: Optional[NumberRoles] = None) -> frozenset:
    """A text's context words: its own (English) and, in another language, the English role
    words its words stand for ("157 patients ... rechutes" -> participants, relapse)."""
    return words(text) | roles.context(text) if roles is not None else words(text)


def _context(text: str, m: NumberMention, extra: Iterable[str] = (), cache: Optional[dict] = None,
             roles: Optional[NumberRoles] = None) -> frozenset:
    sent = sentence_at(text, m.start, m.end)
    if cache is not None:  # one sentence's words once, however many numbers it holds
        if sent not in cache:
            cache[sent] = _words(sent, roles)
        ctx = set(cache[sent])
    else:
        ctx = set(_words(sent, roles))
    for e in extra:
        ctx |= words(e)
    return frozenset(ctx)


def judge(m: NumberMention, ctx: frozenset, facts: list[Fact], derived: list[Fact],
          indexed: bool = True) -> tuple[str, Optional[Fact], Optional[str]]:
    """(verdict, fact, note) for one article number.

    ``indexed``: the facts are looked up in the facts' index (facts/factindex.py) for the few a
    number can equal or whose words it shares; False compares it with every fact of its kinds
    (the same result, slower: the tests hold the two together)."""
    decimals = _mention_decimals(m)
    direct: list[Candidate] = []
    near = lookup(facts, m, ctx) if indexed else of_kinds(facts, m)
    equal_derived = lookup(derived, m) if indexed else of_kinds(derived, m)
    for f in near:
        a = _compatible(m, f)
        if a is None:
            continue
        if m.kind == "ci":
            v = _ci_verdict(m, f, facts)
        else:
            v = _value_verdict(a, decimals, m.approx, m, f, f.value)
        direct.append(Candidate(f, v, _overlap(ctx, f), a))
    equal = [c for c in direct if c.verdict]
    if equal:
        best = max(equal, key=lambda c: (c.overlap, c.verdict == "match", -len(c.fact.path)))
        if best.overlap >= 1 or m.kind not in ("other",):
            # a number equal in value and unit: the best-fitting fact is the one it reports
            if not _better_derived(m, ctx, equal_derived, decimals, best.overlap):
                return best.verdict, best.fact, None
    if m.kind != "other":
        dcands = []
        for f in equal_derived:
            a = _compatible(m, f)
            if a is None:
                continue
            v = _value_verdict(a, decimals, m.approx, m, f, f.value)
            if v:
                dcands.append(Candidate(f, v, _overlap(ctx, f), a))
        if dcands:
            best = max(dcands, key=lambda c: (c.overlap, c.verdict == "match"))
            return "derived", best.fact, None
    if m.kind == "ci":
        ci_mis = [c for c in direct if c.verdict is None and c.overlap >= _MIN_MISMATCH_OVERLAP]
        if ci_mis:
            best = max(ci_mis, key=lambda c: c.overlap)
            return "mismatch", best.fact, _ci_note(best.fact, facts)
    need = 1 if m.kind in ("duration", "dose", "ratio", "p_value", "nnt", "concentration") else _MIN_MISMATCH_OVERLAP
    differ = [c for c in direct if c.verdict is None and c.overlap >= need and m.kind != "other"]
    for f in (one_minus(derived, m) if indexed else of_kinds(derived, m)):  # "66% lower risk" is a misread 1 - HR,
        # not a misprinted arm percentage
        a = _compatible(m, f)
        if a is not None and f.kind == "percent" and f.unit == m.unit and f.formula and f.formula.startswith("1 -"):
            o = _overlap(ctx, f)
            if o >= need and "reduction" in ctx:
                differ.append(Candidate(f, None, o + 1, a))
    if differ:
        best = max(differ, key=lambda c: (c.overlap, -abs(c.article_value - c.fact.value)))
        # only when this fact fits the sentence better than any fact the number does equal
        if not equal or best.overlap > max(c.overlap for c in equal):
            return "mismatch", best.fact, (f"the article says {m.raw.strip()}; the source says "
                                           f"{best.fact.show()}")
    if equal and m.kind == "other":
        best = max(equal, key=lambda c: c.overlap)
        if best.overlap >= 1:
            return best.verdict, best.fact, None
    return "unverified", None, None


def _better_derived(m, ctx, derived, decimals, than: int) -> bool:
    """A derived fact (of ``derived``: those that may equal ``m``) fits the sentence better than the
    direct fact of equal value."""
    for f in derived:
        a = _compatible(m, f)
        if a is not None and _value_verdict(a, decimals, m.approx, m, f, f.value) and _overlap(ctx, f) > max(than, 0) \
                and (than == 0 or _overlap(ctx, f) >= than + 2):
            return True
    return False


def _ci_high(low: Fact, facts: list[Fact]) -> Optional[Fact]:
    return ci_high(facts, low)


def _ci_verdict(m: NumberMention, low: Fact, facts: list[Fact]) -> Optional[str]:
    high = _ci_high(low, facts)
    if high is None or m.upper is None:
        return None
    lo_ok = abs(m.value - low.value) <= 0.5 * 10 ** (-m.decimals()) + 1e-9
    hi_ok = abs(m.upper - high.value) <= 0.5 * 10 ** (-m.decimals()) + 1e-9
    if lo_ok and hi_ok:
        return "match" if abs(m.value - low.value) < 1e-9 and abs(m.upper - high.value) < 1e-9 else "rounded"
    return None


def _ci_note(low: Fact, facts: list[Fact]) -> str:
    high = _ci_high(low, facts)
    return f"the source's CI is {low.show()} to {high.show() if high else '?'}"


def _paired(text: str, rows: list[NumberRow], m: NumberMention, facts: list[Fact], decimals: int,
            roles: Optional[NumberRoles] = None):
    """"60.3% ... compared to 74.1%": the second number of a pair is the other arm's value of the
    fact the first one matched."""
    if not rows or rows[-1].source_fact is None or rows[-1].verdict not in ("match", "rounded"):
        return None
    prev = rows[-1]
    roles = roles or number_roles("en")  # the pairing words are language data (roles: pair_*, out_of)
    if roles.out_of.match(text[m.end:m.end + 12]):
        return None  # "109 of 147": a numerator, not the other arm's value of the fact before it
    between = text[prev.end:m.start]
    if len(between) > 40 or not (roles.pair_between.search(between) or (
            not re.search(r"[.;]", between) and roles.pair_within.search(between))):
        return None
    if re.search(r",[^,]*,", between) and not roles.pair_strong.search(between):
        return None  # "17.9% vs 21.8%, not a significant difference, and 11% ...": a new clause, not the other arm
    first = next((f for f in facts if f.path and f.label == prev.source_fact.label), None)
    if first is None or len(first.path) < 3 or first.path[-3] != "arms":
        return None
    if _pair_complete(rows, facts, first):
        return None  # "(156 vs 147), and 288 completed": a pair has two members; the third number is new
    sibling = [f for f in facts if f.path[:-2] == first.path[:-2] and f.path[-1] == first.path[-1]
               and f.path[-2] != first.path[-2]]
    if len(sibling) != 1:
        return None
    f = sibling[0]
    a = _compatible(m, f)
    if a is None:
        return None
    v = _value_verdict(a, decimals, m.approx, m, f, f.value)
    if v:
        return v, f, None
    return "mismatch", f, f"the article says {m.raw.strip()}; the source says {f.show()}"


def _pair_complete(rows: list[NumberRow], facts: list[Fact], first: Fact) -> bool:
    """The row before ``first``'s row holds the other arm's value of the same fact: the pair is told."""
    if len(rows) < 2 or rows[-2].source_fact is None:
        return False
    other = next((f for f in facts if f.path and f.label == rows[-2].source_fact.label), None)
    return (other is not None and len(other.path) == len(first.path) and other.path[:-2] == first.path[:-2]
            and other.path[-1] == first.path[-1] and other.path[-2] != first.path[-2])


def ref(f: Fact, locate: Callable[[tuple], str], facts: Iterable[Fact] = ()) -> SourceRef:
    value = f.show()
    if f.kind == "ci_low":
        high = ci_high(facts, f) if isinstance(facts, list) else next(
            (h for h in facts if h.kind == "ci_high" and h.path[:-1] == f.path[:-1]), None)
        dec = max(f.decimals, high.decimals if high else 0)
        value = f"{fmt(f.value, dec)} to {fmt(high.value, dec)}" if high else f"{f.show()} (CI lower)"
    if f.kind == "p_value":
        value = f"P {'= ' if f.relation == '=' else f.relation + ' '}{fmt(f.value, f.decimals)}"
    if f.kind == "ratio" and f.measure:
        value = f"{f.measure} {fmt(f.value, f.decimals)}"
    return SourceRef(f.label, value, f.cite, locate(f.path) if f.path else "", f.formula)


def _sentences(text: str) -> list[_Sentence]:
    try:
        from msvitd.text.sentences import split_sentences
    except ImportError:  # pragma: no cover - the splitter ships with msvitd
        return []
    return [_Sentence(s.start, s.end, s.text) for s in split_sentences(text)]


def _sentence_of(sents: list[_Sentence], text: str, start: int, end: int,
                 starts: list[int] | None = None) -> _Sentence:
    if starts is not None:  # sentences in text order and disjoint: a bisection, not a scan per number
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and sents[i].start <= start < sents[i].end:
            return sents[i]
    for s in sents:
        if s.start <= start < s.end:
            return s
    body = sentence_at(text, start, end)
    i = text.find(body)
    return _Sentence(max(i, 0), max(i, 0) + len(body), body)


def diff_numbers(text: str, facts: list[Fact], derived: list[Fact], locate: Callable[[tuple], str] = lambda p: "",
                 extra_context: Callable[[int, int], list[str]] = lambda s, e: [],
                 skip: Callable[[int, int], bool] = lambda s, e: False,
                 lang: Optional[str] = None) -> tuple[list[NumberRow], int]:
    """Judge every number of ``text``; returns the rows and the count of numbers left unjudged
    (dates, years, clock times and bare numbers that match nothing).

    ``skip(start, end)`` is true for numbers in sentences about another study: they are
    reported as unverified with a note, never compared with this study's facts. This is the one
    number matcher: `msvitd diff` shows its rows, critique rule C502 reports its mismatches.
    ``lang`` is the article's language (default: --lang, else detected; English when unsure):
    its words say what a number counts."""
    rows: list[NumberRow] = []
    unchecked = 0
    roles = number_roles(lang or _language_of(text))
    sf = _Facts(facts, derived, roles.code)
    sents = _sentences(text)
    starts: list[int] | None = [s.start for s in sents]
    if any(b.start < a.end for a, b in zip(sents, sents[1:])):
        starts = None  # not disjoint and in order: keep the plain scan
    mentions = find_numbers(text)
    words_cache: dict = {}
    for k, m in enumerate(mentions):
        bounds = (mentions[k - 1].end if k else 0, mentions[k + 1].start if k + 1 < len(mentions) else len(text))
        if m.kind in ("date", "year", "time"):
            unchecked += 1
            continue
        sent = _sentence_of(sents, text, m.start, m.end, starts)
        if skip(m.start, m.end):
            if m.kind in JUDGED_KINDS:
                rows.append(NumberRow(quote=m.raw, start=m.start, end=m.end, value=m.value, unit=m.unit, kind=m.kind,
                                      verdict="unverified", source_fact=None, sentence=sent.text,
                                      note="about another study", upper=m.upper))
            else:
                unchecked += 1
            continue
        ctx = _context(text, m, extra_context(m.start, m.end), words_cache, roles) - getattr(facts, "identity", frozenset())
        sem = _semantic(text, m, sent, ctx, sf, rows, bounds)
        if sem is not None:
            verdict, fact, note = sem
        else:
            verdict, fact, note = judge(m, ctx, facts, derived)
            paired = _paired(text, rows, m, facts, decimals=_mention_decimals(m), roles=roles)
            if paired is not None and (verdict in ("unverified", "mismatch") or fact is None
                                       or fact.path[:-2] != paired[1].path[:-2]):
                verdict, fact, note = paired
            if verdict == "mismatch" and paired is None:
                # the words of the number's own clause decide before the rest of the sentence does:
                # "relapse was 17.9% vs 21.8%, and 11% vs 9% had serious adverse events"
                own = _words(clause_words(text, m, sent, bounds, roles), roles) - getattr(facts, "identity", frozenset())
                again = judge(m, frozenset(own), facts, derived)
                if again[0] in ("match", "rounded", "derived"):
                    verdict, fact, note = again
            if verdict == "mismatch" and not _may_mismatch(m, fact, text, sent, roles):
                verdict, fact, note = "unverified", None, None
        if m.kind not in JUDGED_KINDS and verdict == "unverified":
            unchecked += 1
            continue
        if verdict == "mismatch" and fact is not None and note is None:
            note = f"the article says {m.raw.strip()}; the source says {fact.show()}"
        rows.append(NumberRow(quote=m.raw, start=m.start, end=m.end, value=m.value, unit=m.unit, kind=m.kind,
                              verdict=verdict, source_fact=ref(fact, locate, facts) if fact else None,
                              sentence=sent.text, note=note, upper=m.upper))
    return rows, unchecked


def _language_of(text: str) -> str:
    """The language whose words say what the numbers of ``text`` count: --lang, else detected."""
    from msvitd.text.language import detect_language

    guess = detect_language(text)
    return guess.code if guess.supported and guess.code else "en"


def _may_mismatch(m: NumberMention, fact: Optional[Fact], text: str, sent: _Sentence,
                  roles: Optional[NumberRoles] = None) -> bool:
    """Value matching alone calls a number wrong only where the sentence says what it is about:
    durations, participant counts, fractions and multipliers need the checks above; a dose
    needs the trial in its sentence ("our 5000 IU softgels" is a product, not the trial)."""
    if fact is None:
        return False
    if m.kind in ("duration", "fraction", "multiplier"):
        return False
    if m.kind == "count" and m.unit == "participants":
        return False
    if m.kind == "range" and m.unit in _DAYS:
        return False
    roles = roles or number_roles("en")
    if m.kind in ("dose", "concentration"):
        clause = _clause_of(text, m, sent, roles)
        if not roles.dose_context.search(clause) and roles.dose_apposition.match(clause.lstrip(",; ")):
            clause = _clause_before(text, m, sent, roles) + clause  # ", equivalent to 10,000 IU a day": whose dose
        if not roles.dose_context.search(clause):
            return False  # "while standard advice is 5,000 IU a day, the trial used more": not the trial's dose
        if roles.dose_personal.search(clause):
            return False  # "my mother took 50,000 IU a month": someone's own dose, not the trial's
    return True




def _clause_before(text: str, m: NumberMention, sent: _Sentence, roles: Optional[NumberRoles] = None) -> str:
    """The clause before the number's own clause in its sentence ("" for the first)."""
    s = sent.text
    pos = m.start - sent.start
    cuts = [0] + [x.start() for x in (roles or number_roles("en")).clause_cut.finditer(s)] + [len(s)]
    lo = max((c for c in cuts if c <= pos), default=0)
    prev = max((c for c in cuts if c < lo), default=0)
    return s[prev:lo] if lo > 0 else ""


def _clause_of(text: str, m: NumberMention, sent: _Sentence, roles: Optional[NumberRoles] = None) -> str:
    """The clause of the sentence that holds the number (split at semicolons, contrast words, commas)."""
    s = sent.text
    pos = m.start - sent.start
    cuts = [0] + [x.start() for x in (roles or number_roles("en")).clause_cut.finditer(s)] + [len(s)]
    lo = max((c for c in cuts if c <= pos), default=0)
    hi = min((c for c in cuts if c >= pos + len(m.raw)), default=len(s))
    return s[lo:hi]


def show_mention(row: NumberRow) -> str:
    if row.kind == "ci" and row.upper is not None:
        return f"{fmt(row.value, 2)} to {fmt(row.upper, 2)}"
    return f"{fmt(row.value, 3 if abs(row.value) < 1 and row.value else 0) if False else row.quote.strip()}"
