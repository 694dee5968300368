"""Which sentences of an article are about the study being checked, and which about another.

A sentence that names another study of the library, or says "an earlier trial" (the lexicon's
`article.other_study`), starts a passage about that study: the rest of its paragraph, or the
section under a heading that names it. A sentence that names this study (its name, aliases,
"the <country> trial" from `design.countries`) or refers to the study being reported ("this
trial", "a new study": `article.own_study`) ends it. Claims and numbers in such passages are
not checked against this study, in critique and in diff alike.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_DEMONYMS = Path(__file__).resolve().parent.parent / "data" / "demonyms.yaml"


@lru_cache(maxsize=1)
def _demonyms() -> dict:
    from msvitd.text.cache import load_yaml  # parsed once, then from the user's cache folder

    try:
        return load_yaml(_DEMONYMS) or {}
    except OSError:  # pragma: no cover - ships with msvitd
        return {}


def name_alternative(name: str) -> str:
    """A study's name as a pattern to match case-insensitively.  A name written in capitals is often a
    common word too ("SOLAR": "exposición solar", "solar radiation"; "CHOLINE": the nutrient): it names
    the trial only when it starts with a capital ("SOLAR", "Solar-Studie"), never in lower case."""
    alt = re.escape(name).replace(r"\ ", r"[\s-]")
    return rf"(?-i:(?=[A-Z])){alt}" if name.isupper() else alt


def names_regex(studies) -> "re.Pattern | None":
    """Any name or alias of ``studies`` (longer than two characters), as whole words."""
    # longest first, ties in a fixed order: the pattern's text is the same in every run (regex cache)
    names = sorted({n for s in studies for n in [s.name, *s.aliases] if len(n) > 2}, key=lambda n: (-len(n), n))
    if not names:
        return None
    # a space in a name may be written as a hyphen, and German joins the name to a noun
    # ("D-Lay-MS-Studie", "SOLAR-Studie"): a hyphen and a letter may follow
    alts = "|".join(name_alternative(n) for n in names)
    return re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w])(?!-(?![^\W\d_]))", re.IGNORECASE)


def own_reference(study) -> "re.Pattern | None":
    """ "the French trial", "the trial in France": the study by its country (from the study file)."""
    countries = [c for c in (getattr(study.design, "countries", None) or []) if c]
    if not countries:
        return None
    adjectives = {a for c in countries for a in _demonyms().get(c, [])} | set(countries)
    alt = "|".join(re.escape(a) for a in sorted(adjectives, key=lambda a: (-len(a), a)))
    return re.compile(rf"\bthe\s+(?:{alt})\s+(?:[\w-]+\s+)?(?:trial|study|research|results|findings)\b"
                      rf"|\b(?:trial|study)\s+in\s+(?:{alt})\b", re.IGNORECASE)


def own_adjectives(study) -> "re.Pattern | None":
    """The study's own countries and their adjectives in every language msvitd reads ("australienne",
    "estadounidense"): "an American study" is no other study when the trial itself is American."""
    countries = [c for c in (getattr(study.design, "countries", None) or []) if c]
    if not countries:
        return None
    words = {a for c in countries for a in _demonyms().get(c, [])} | set(countries)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) +
                      r")(?![\w-])", re.IGNORECASE)


def _other_cue(cue, own_adj, text: str) -> bool:
    """A cue for another study ("an earlier trial", "une étude australienne") that does not name the
    study's own country."""
    return any(not (own_adj and own_adj.search(h.text)) for h in cue.find(text))


def other_study_sentences(readings, study, others: list, lexicon) -> set:
    """Indexes of the sentences (``readings``) that are about some other study than ``study``."""
    own = names_regex([study])
    own_ref = own_reference(study)
    own_adj = own_adjectives(study)
    own_words = lexicon.article.get("own_study")
    other = names_regex([s for s in others if s.id != study.id])
    cue = lexicon.article.get("other_study")
    out = set()
    section = False
    para_no, para = None, False
    last_para: list = []  # the readings of the paragraph being read
    for r in readings:
        t = r.sentence.text
        names_own = bool(own and own.search(t)) or bool(own_ref and own_ref.search(t))
        names_other = bool(other and other.search(t)) or bool(cue and _other_cue(cue, own_adj, t))
        if r.sentence.heading:
            section = names_other and not names_own
            para_no, para, last_para = r.sentence.paragraph, False, []
            if section:
                out.add(r.sentence.index)
            continue
        if r.sentence.paragraph != para_no:
            # an interview's question naming another study ("And D-Lay MS?") opens the answer about it
            para = _asked_about_other(last_para, out)
            para_no, last_para = r.sentence.paragraph, []
        last_para.append(r)
        if names_own or (own_words and own_words.search(t)):
            para = False
            section = False if not names_other else section
            continue
        if names_other:
            para = True
        if para or section:
            out.add(r.sentence.index)
    return out


def _asked_about_other(para_readings: list, out: set) -> bool:
    """The paragraph just read (``para_readings``) was one question about another study (a sentence
    in ``out`` ending with "?"): the answer that follows is about that study too."""
    return (len(para_readings) == 1 and para_readings[0].sentence.index in out
            and para_readings[0].sentence.text.rstrip().endswith("?"))


def other_study_spans(text: str, study, others: list, lexicon=None, readings=None) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``text`` that are about another study than ``study``
    (the reading critique uses; `msvitd diff` leaves their numbers unjudged)."""
    from msvitd.facts.study import StudyFacts
    from msvitd.text.lexicon import load_lexicon
    from msvitd.text.reading import Reader
    from msvitd.text.sentences import LineIndex

    lexicon = lexicon or load_lexicon()
    if readings is None:
        readings = Reader(lexicon, StudyFacts.of(study).intervention_terms()).read_text(text, LineIndex(text))
    idx = other_study_sentences(readings, study, others, lexicon)
    return [(r.sentence.start, r.sentence.end) for r in readings if r.sentence.index in idx]
