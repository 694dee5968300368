"""Which bundled study an article is about: right, or honestly undecided, never wrong.

Each study file is weighed against what the article says: evidence for it (registry number, DOI,
PubMed id, trial name, first author, journal, the number of participants, dose and schedule,
duration, country, disease stage, monotherapy or add-on, the study's own figures) and against it
(a different number of participants, dose or schedule, country or stage, no mention of its disease,
an observational design where the study was randomised). Sentences that name another bundled study
(and the rest of their paragraph) are left out of a study's evidence, so that an article about one
trial that also discusses an earlier one is read as what it is; `attribute_sentences` gives the
critique those sentences, to check them against their own study. All facts come from the study
files; the words from msvitd/data/detect.yaml (msvitd/text/detect_cues.py)."""

from __future__ import annotations

from dataclasses import dataclass

from msvitd.text.detect_cues import SentenceFacts, cues, read_article, show_period
from msvitd.text.detect_profile import Profile, Score as _Score, fingerprints, profile, text_numbers  # noqa: F401



@dataclass(frozen=True)
class Detection:
    study_id: str
    score: float
    reasons: tuple[str, ...]
    against: tuple[str, ...] = ()
    confidence: str = "moderate"  # certain (registry number, DOI, PubMed id), high, moderate
    how: str = "the article's facts"
    others: tuple[str, ...] = ()  # other bundled studies the article discusses
    runner_up: str | None = None

    def explain(self) -> str:
        out = f"{self.confidence} confidence, by {self.how}: " + ", ".join(self.reasons)
        if self.against:
            out += "; against it: " + ", ".join(self.against)
        if self.runner_up:
            out += f"; next best: {self.runner_up}"
        if self.others:
            out += f"; also discussed: {', '.join(self.others)} (those sentences are measured against it)"
        return out


class NoStudy(Exception):
    """No bundled study fits, several fit equally well, or the article's study is not in the library."""

    def __init__(self, message: str, candidates: tuple = (), not_in_library: bool = False):
        super().__init__(message)
        self.candidates = candidates
        self.not_in_library = not_in_library


def _owners(facts: list[SentenceFacts], profiles: dict) -> tuple[list, list]:
    """Per sentence: the studies it names (explicit) and the studies it is about (explicit, or
    inherited from the paragraph or from a section heading that names one)."""
    own_ref = cues().own_reference
    named, owner = [], []
    para_no, para, section = None, set(), set()
    for i, f in enumerate(facts):
        n = {sid for sid, p in profiles.items() if p.named_in(f.text)}
        named.append(n)
        if f.paragraph != para_no:
            para_no, para = f.paragraph, set()
        if n:
            para = n
            if f.heading and i > 0:
                section = n
            owner.append(n)
        elif f.heading and i > 0:
            section = set()
            owner.append(para)  # a title line inside a paragraph about a study is still about it
        elif own_ref.search(f.text):
            para = set()
            owner.append(set())
        else:
            owner.append(para or section)
    return named, owner


def _prominence(named: list, owner: list, facts: list[SentenceFacts]) -> dict:
    """How much of the article is about each named study: the headline counts 3, the lede 2,
    every other sentence naming it 1, a sentence that carries on about it 0.5."""
    out: dict = {}
    lede = facts[0].paragraph if facts else 0
    first_body = next((f.paragraph for f in facts[1:] if not f.heading), lede)
    for i, f in enumerate(facts):
        w = 3 if i == 0 else 2 if f.paragraph in (lede, first_body) else 1
        for sid in named[i]:
            out[sid] = out.get(sid, 0) + w
        for sid in owner[i] - named[i]:
            out[sid] = out.get(sid, 0) + 0.5
    return out


def _scores(text: str, studies: dict) -> tuple[list[_Score], list, list, list]:
    """Every study's score, best first. When the sentences that name no study (the headline, the
    lede, "the new trial") clearly fit one study, they are that study's: a study the article names
    only in passing is then weighed on its own sentences, not on the main study's facts."""
    facts = read_article(text)
    profiles = {sid: profile(s) for sid, s in studies.items()}
    named, owner = _owners(facts, profiles)
    prom = _prominence(named, owner, facts)
    numbers = text_numbers(text)
    counts: dict = {}
    for p in profiles.values():
        for x in p.prints:
            counts[x] = counts.get(x, 0) + 1
    shared = {x for x, n in counts.items() if n > 1}

    def weigh(sid, visible):
        spans = [(f.start, f.end) for f in visible]
        nums = {(k, v) for k, v, pos in numbers if any(a <= pos < b for a, b in spans)}
        return profiles[sid].score(text, visible, nums, shared)

    free = [f for f, o in zip(facts, owner) if not o]
    main = None
    if free and any(named):
        loose = sorted((weigh(sid, free) for sid in profiles), key=lambda s: -s.net)
        if _clear(loose[0], loose[1].net if len(loose) > 1 else 0.0, "net", loose[1] if len(loose) > 1 else None):
            main = loose[0].study_id
            prom[main] = prom.get(main, 0) + _weight_free(facts, owner)
    mentioned = {x for n in named for x in n}
    out = []
    for sid in profiles:
        if main and sid != main and sid in mentioned:
            visible = [f for f, o in zip(facts, owner) if sid in o]
        else:
            visible = [f for f, o in zip(facts, owner) if not o or sid in o]
        sc = weigh(sid, visible)
        sc.prominence = min(prom.get(sid, 0.0), 6.0)
        out.append(sc)
    out.sort(key=lambda s: -s.total)
    return out, facts, named, owner


def _weight_free(facts: list[SentenceFacts], owner: list) -> float:
    lede = facts[0].paragraph if facts else 0
    first_body = next((f.paragraph for f in facts[1:] if not f.heading), lede)
    return sum(3 if i == 0 else 2 if f.paragraph in (lede, first_body) else 1
               for i, (f, o) in enumerate(zip(facts, owner)) if not o)


def _clear(top: _Score | None, s2: float, key: str = "total", second: _Score | None = None) -> bool:
    """``top`` clearly leads: enough evidence, beyond words any vitamin D trial shares, by 3 points
    and half again the next score (or by 6), and, unless the article names it or gives two of its
    own figures, no contradiction on a hard fact."""
    if top is None:
        return False
    t = getattr(top, key)
    s2 = max(s2, 0.0)
    if top.hard and not top.identity and top.figures < 2:
        return False  # contradicted on a hard fact, and nothing that names it: not this study
    if t < 4 or not top.distinct:
        return False
    if t - s2 >= 3 and (t >= 1.5 * s2 or t - s2 >= 6):
        return True
    # a narrower lead is enough when nothing contradicts the leader and the next one has only
    # words every candidate shares (the intervention, the disease stage)
    return t - s2 >= 2 and not top.against and not (second is not None and second.distinct)


def _label(sc: _Score) -> Detection:
    how, conf = "the article's facts", "moderate"
    kinds = [lab for lab, _ in sc.supports]
    if any(k.startswith(("registry number", "DOI", "PubMed")) for k in kinds):
        how, conf = "registry number, DOI or PubMed id", "certain"
    elif sc.identity:
        how, conf = sc.identity, "high"
    elif sc.net >= 10:
        conf = "high"
    return Detection(sc.study_id, sc.total, tuple(kinds), tuple(lab for _, lab, _ in sc.against), conf, how)


def detect_study(text: str, studies: dict) -> Detection:
    """The study (id -> model) the article is about, with the reasons; raises NoStudy.

    A study is chosen when it clearly leads (by 3 points and half again the next one's score),
    has evidence beyond words any vitamin D trial shares, and, unless the article names it or
    gives at least two of its own figures, nothing the article says contradicts it on a hard fact
    (participants, dose, schedule, disease, design). When several named studies compete, the one
    the article is mostly about (headline, lede, most sentences) leads by its prominence."""
    ranked, facts, named, owner = _scores(text, studies)
    top = ranked[0] if ranked else None
    second = ranked[1] if len(ranked) > 1 else None
    if not _clear(top, second.total if second else 0.0, "total", second):
        raise _undecided(ranked, facts, owner, studies)
    if top.figures < 2 and not _in_lead(top.study_id, named, facts) and _free_contradicts(top.study_id, text, studies,
                                                                                       facts, owner):
        # named only further down, and the article's own study contradicts it: an aside in an
        # article about a study that is not in the library
        raise _undecided([s for s in ranked if s is not top], facts, owner, studies, aside=top.study_id)
    d = _label(top)
    # in the order the article names them (ids sorted within a sentence: a set's order changes between runs)
    also = tuple(sid for sid in dict.fromkeys(x for n in named for x in sorted(n)) if sid != top.study_id)
    runner = f"{second.study_id} ({second.total:g} against {top.total:g})" if second and second.total > 0 else None
    if also and top.identity:
        how = "the study the article is mostly about (headline, lede, most sentences)"
        return Detection(d.study_id, d.score, d.reasons, d.against, d.confidence, how, also, runner)
    return Detection(d.study_id, d.score, d.reasons, d.against, d.confidence, d.how, also, runner)


def _in_lead(sid: str, named: list, facts: list[SentenceFacts]) -> bool:
    """Named in the headline or the first paragraph of the body."""
    lede = facts[0].paragraph if facts else 0
    first_body = next((f.paragraph for f in facts[1:] if not f.heading), lede)
    return any(sid in n and (i == 0 or f.paragraph in (lede, first_body)) for i, (n, f) in enumerate(zip(named, facts)))


def _free_contradicts(sid: str, text: str, studies: dict, facts: list, owner: list) -> bool:
    """The sentences that name no study describe one that the study ``sid`` is not (a different
    number of participants, design, or dose and schedule)."""
    free = [f for f, o in zip(facts, owner) if not o]
    if not free or not _described(facts, owner, studies):
        return False
    return profile(studies[sid]).score(text, free, set(), set()).hard


def _undecided(ranked: list[_Score], facts: list, owner: list, studies: dict, aside: str | None = None) -> NoStudy:
    near = [s for s in ranked if s.identity or s.total >= 3]
    described = _described(facts, owner, studies)
    if described and not any(s.identity for s in ranked) and all(s.hard or s.total < 3 for s in ranked):
        also = f" ({aside} is only mentioned in passing)" if aside else ""
        return NoStudy(f"the article describes {described} that is not in the library{also}; add its study file "
                       "or pass --source", not_in_library=True)
    if len(near) > 1:
        ids = ", ".join(s.study_id for s in near[:4])
        why = "; ".join(f"{s.study_id}: {', '.join(lab for lab, _ in s.supports) or 'nothing'}"
                        + (f" (against: {', '.join(lab for _, lab, _ in s.against)})" if s.against else "")
                        for s in near[:4])
        return NoStudy(f"the article fits several studies: could be {ids}; name one with --source ({why})",
                       tuple(s.study_id for s in near[:4]))
    hint = ""
    if near:
        s = near[0]
        hint = (f"; closest: {s.study_id} ({', '.join(lab for lab, _ in s.supports)}"
                + (f"; against: {', '.join(lab for _, lab, _ in s.against)}" if s.against else "") + ")")
    return NoStudy("could not tell which study this article is about (no trial name, registry number, DOI, "
                   f"distinctive figures, or facts that fit one bundled study clearly){hint}; name one with --source",
                   tuple(s.study_id for s in near))


def _described(facts: list[SentenceFacts], owner: list, studies: dict) -> str:
    """"a trial of 80 patients in Iran (50,000 IU every 7 days)" from the sentences no bundled study
    is named in, or "" when the article gives no facts of its own study."""
    free = [f for f, o in zip(facts, owner) if not o]
    counts = [c for f in free if f.trial for c in f.counts]
    doses = [d for f in free if f.trial for d in f.doses]
    obs = any(f.observational for f in free) and not any(f.randomised for f in free)
    if not (counts or doses or obs or any(f.review for f in free)):
        return ""
    review = any(f.review for f in free)
    kind = "a review of several studies" if review else "an observational study" if obs else "a trial"
    who = "participants" if review else "people" if obs else "patients"
    out = kind + (f" of {counts[0]:,.0f} {who}" if counts else "")
    places = [c for f in free if f.trial for c in sorted(f.countries)]
    if places:
        out += f" in {places[0]}"
    if doses:
        v, days = doses[0]
        out += f" ({v:,.0f} IU{show_period(days)})"
    return out


def attribute_sentences(text: str, studies: dict, main_id: str) -> list[tuple[int, int, str]]:
    """(start, end, study id) of the sentences about another bundled study than ``main_id``: a
    sentence that names only that study, and the sentences after it in its paragraph (or under a
    heading naming it) until the article names its own study again or points back at it."""
    profiles = {sid: profile(s) for sid, s in studies.items()}
    if not any(p.named_in(text) for sid, p in profiles.items() if sid != main_id):
        return []  # the common case, without reading the article sentence by sentence
    facts = read_article(text)
    _, owner = _owners(facts, profiles)
    out = []
    for f, o in zip(facts, owner):
        if len(o) == 1 and main_id not in o:
            out.append((f.start, f.end, next(iter(o))))
    return out


def score_study(text: str, study, numbers: set | None = None, shared: set | None = None) -> Detection:
    """One study's evidence in the whole text (for tools that look at a single candidate)."""
    facts = read_article(text)
    nums = numbers if numbers is not None else {(k, v) for k, v, _ in text_numbers(text)}
    return _label(profile(study).score(text, facts, nums, shared or set()))
