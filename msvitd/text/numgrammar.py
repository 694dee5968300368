"""How numbers are written, per language: the patterns and words find_numbers scans with.

English's patterns are built here once; another language's (text/lang/<code>/language.yaml
``numbers:``: decimal mark, number words, fractions, qualifiers, units, count nouns) extend
them in ``_P``.  Used by msvitd/text/numbers.py only.
"""

from __future__ import annotations

import math
import re
from typing import Optional

# --- building blocks --------------------------------------------------------------------------

_SEP = "[,\u00a0\u202f\u2009 ]"
_NUM = (r"(?:\d{1,3}(?:" + _SEP + r"\d{3})+(?![\d])|\d+)(?:\.\d+)?(?![\d])(?!\.\d)"
        r"|\.\d+(?![\d])(?!\.\d)")
_NUMERIC = re.compile(r"(?<![\w.])(?:" + _NUM + r")")
_NUMERIC_AT = re.compile(r"(?:" + _NUM + r")")

def _english() -> dict:
    from msvitd.text.langdata import language_facts

    return language_facts("en").get("numbers") or {}


_EN = _english()  # English's number words and units are data too (text/lang/en/language.yaml)
_ONES = {str(k): int(v) for k, v in _EN["ones"].items()}
_TENS = {str(k): int(v) for k, v in _EN["tens"].items()}
_SCALES = {str(k): int(v) for k, v in _EN["scales"].items()}
_WORD = "|".join(sorted(list(_ONES) + list(_TENS) + list(_SCALES), key=len, reverse=True))
_WORDS = re.compile(r"(?<![\w-])(?:(?:a|an)\s+(?=(?:hundred|thousand|million)\b))?(?:" + _WORD + r")"
                    r"(?:(?:\s+and\s+|[\s-])(?:" + _WORD + r"))*(?![\w])", re.I)

_MULT_WORDS = {str(k): float(v) for k, v in _EN["multiplier_words"].items()}
_MULT_ALT = "|".join(sorted(_MULT_WORDS, key=len, reverse=True))
_MULTIPLIER = re.compile(
    r"(?<![\w-])(?:(?P<w>" + _MULT_ALT + r")"
    r"|(?P<n>(?:" + _NUM + r")|" + _WORD + r")[\s-]?(?:times|fold)(?![\w])"
    r"|(?P<x>\d+(?:\.\d+)?)\s?[x×](?![\w]))(?![\w])", re.I)
_FRACTIONS = {str(k): float(v) for k, v in _EN["fractions"].items()}
_FRACTION_COUNTS = {str(k): int(v) for k, v in _EN["fraction_counts"].items()}
_FRACTION = re.compile(
    r"(?<![\w-])(?:(?P<k>" + "|".join(sorted(_FRACTION_COUNTS, key=len, reverse=True)) + r")[\s-]+)?"
    r"(?P<f>" + "|".join(sorted(_FRACTIONS, key=len, reverse=True)) + r")(?![\w])", re.I)

_MONTH = r"(?:" + str(_EN["months"]) + r")\.?"  # month names are data (language.yaml numbers.months)
_DATES = [
    re.compile(r"(?<![\w-])(?P<y>(?:19|20)\d{2})-\d{2}-\d{2}(?![\w-])"),
    re.compile(r"(?<![\w])" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})(?![\w])"),
    re.compile(r"(?<![\w])\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>(?:19|20)\d{2})(?![\w])"),
    re.compile(r"(?<![\w])" + _MONTH + r",?\s+(?P<y>(?:19|20)\d{2})(?![\w])"),
]
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+|\bdoi:\s*10\.\S+|\b10\.\d{4,9}/\S+")
_TIME = re.compile(r"(?<![\w.:])\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s?(?:[AaPp]\.?[Mm]\.?)(?![\w])"
                   r"|(?<![\w.:])\d{1,2}:\d{2}(?::\d{2})?(?![\w:])")

# Things that look like numbers but are names: 25(OH)D, COVID-19, T2, NCT01817166, EQ5D, 3T.
_NAME_AFTER = re.compile(r"\(OH\)|[A-Za-z]{1,3}\d|[-‐]?[A-Za-z]")

# (pattern, normalised unit, kind); tried in order right after the number.
_UNITS: list[tuple[str, str, str]] = [(str(u["re"]), str(u["unit"]), str(u["kind"])) for u in _EN["units"]]
_COUNT_NOUNS: list[tuple[str, str]] = [(str(c["re"]), str(c["unit"])) for c in _EN["count_nouns"]]
# words allowed between a number and its noun: "36 MS centers", "10 secondary clinical outcomes"
_ADJ = "(?:" + str(_EN["count_adjectives"]) + ")"
_UNIT_RES = [(re.compile(r"[\s\u00a0\u202f-]?\s*(?:" + p + r")", re.I if k not in ("dose",) else 0), u, k)
             for p, u, k in _UNITS]
_UNIT_RES.insert(0, (re.compile(r"\s?%"), "%", "percent"))
_COUNT_RES = [(re.compile(r"[\s\u00a0\u202f-]+(?:" + _ADJ + r"[\s-]+){0,2}(?:" + p + r")(?![\w])"), u)
              for p, u in _COUNT_NOUNS]
_SCALE_AFTER = re.compile(r"[\s\u00a0]?(million|billion|thousand|bn|m|k)(?![\w])", re.I)

_MEASURES = {
    "hr": "HR", "ahr": "HR", "hazard ratio": "HR", "adjusted hazard ratio": "HR",
    "rr": "RR", "risk ratio": "RR", "relative risk": "RR",
    "or": "OR", "aor": "OR", "odds ratio": "OR",
    "irr": "IRR", "rate ratio": "IRR", "incidence rate ratio": "IRR",
}
_RATIO_LABEL = re.compile(
    r"(?<![\w])(?P<m>a?HR|RR|a?OR|IRR|(?:[Aa]djusted\s+)?[Hh]azard\s+[Rr]atio|[Rr]isk\s+[Rr]atio|"
    r"[Rr]elative\s+[Rr]isk|[Oo]dds\s+[Rr]atio|(?:[Ii]ncidence\s+)?[Rr]ate\s+[Rr]atio)"
    r"(?:\s*(?:\(|,|:|=|of|was|were|is|had|\[)\s*|\s+)(?:(?:about|around|approximately|roughly|nearly)\s+)?$")
_OTHER_LABEL = re.compile(
    r"(?<![\w])(?P<m>NNT|NNH|[Nn]umber\s+needed\s+to\s+(?:treat|harm)|MD|[Mm]ean\s+difference)"
    r"(?:\s*(?:\(|,|:|=|of|was|were|is|\[)\s*|\s+)(?:(?:about|around|approximately|roughly|nearly)\s+)?$")
_NNT_NAMES = ("nnt", "number needed to treat", "nnh", "number needed to harm")
_VERSUS = re.compile(r"\s*(?:vs\.?|versus|compared\s+(?:with|to))\s*(?=\d|\.\d)")
_P_LABEL = re.compile(
    r"(?<![\w])(?P<l>(?:(?:log-?rank|two-?sided|one-?sided|interaction)\s+)?[Pp](?:\s*-?\s*values?)?)"
    r"\s*(?P<rel><=|>=|=|<|>|≤|≥|\s+of|\s+was|\s+is|\s+(?:less|lower|smaller)\s+than|\s+(?:greater|larger)\s+than)\s*$")
_CI_AFTER = re.compile(
    r"\s*[,;]?\s*[(\[]?\s*(?:(?P<lvl>\d{2}(?:\.\d+)?)\s?(?:%|percent|per\s?cent)\s*(?:CI|confidence\s+interval)"
    r"(?:\s*[(\[]CI[)\]])?\s*[,:=]?\s*)?"
    r"(?P<lo>[-−–]?(?:" + _NUM + r"))\s*(?:–|—|-|to|,)\s*(?P<hi>[-−–]?(?:" + _NUM + r"))\s*[)\]]?")
# the level in words too ("a 95 percent confidence interval", "95 Prozent Konfidenzintervall")
_CI_LEVEL = re.compile(r"\s?%\s*(?:CI|confidence\s+intervals?|credible\s+intervals?)(?![\w])"
                       r"|\s(?:percent|per\s?cent|pour\s+cent|Prozent|por\s+ciento)[\s-]+(?:CI|IC|KI|confidence\s+intervals?"
                       r"|credible\s+intervals?|Konfidenzintervalls?|intervalos?\s+de\s+confianza)(?![\w])", re.I)
# "95% CI 0.41 to 2.19", "a 95 percent confidence interval of 0.41 to 2.19"
_CI_RANGE = re.compile(r"(?:\s*[(\[]CI[)\]])?\s*(?:[,:=]|\s(?:of|from|was|is)\s)?\s*(?P<lo>[-−–]?(?:" + _NUM + r"))\s*(?:–|—|-|to|,)\s*(?P<hi>[-−–]?(?:" + _NUM + r"))")
_RANGE_AFTER = re.compile(r"\s*(?:–|—|-|to)\s*(?P<hi>" + _NUM + r")(?![\w.%])?")
_RANGE_WORD_AFTER = re.compile(r"\s*(?:–|—|-|to)\s*")
_CURRENCY_BEFORE = re.compile(r"(?P<c>[$€£]|US\$|USD\s?|EUR\s?|GBP\s?)$")
_CURRENCY_AFTER = re.compile(r"\s?(?:dollars|euros?|pounds|USD|EUR|GBP)(?![\w])")
_QUALS = {str(k).lower(): str(v) for k, v in _EN["qualifiers"].items()}
_QUAL_ALT = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_QUALS, key=len, reverse=True))
_QUALIFIER = re.compile(r"(?<![\w])(?P<q>" + _QUAL_ALT + r"|~|≈|>|<|≥|≤)[ \t\u00a0]*$", re.I)
_N_EQUALS = re.compile(r"(?<![\w])[nN]\s*=\s*$")
# "~" approximate; ">~" over but approximate ("just over"); else the relation it sets
_QUAL_REL = {**{q: r.rstrip("~") for q, r in _QUALS.items() if r.rstrip("~")},
             "over": ">", "under": "<", ">": ">", "<": "<", "≥": ">=", "≤": "<="}
_APPROX = {q for q, r in _QUALS.items() if r.endswith("~")} | {"~", "≈"}


def _fraction_digits(part: str, mark: str) -> str:
    if mark == "," and "," not in part and not _DOT_DECIMAL.search(part):
        return ""  # "120.000": a thousands dot
    m = mark if mark in part else "."
    return part.split(m, 1)[1] if m in part else ""


# In a comma-decimal text a dot before exactly three digits groups thousands ("120.000"); any
# other dot is a decimal point ("HR 0.66" written the English way).
_DOT_DECIMAL = re.compile(r"^[-−–]?(?:0|\d{4,})?\.\d|\.\d{1,2}$|\.\d{4,}")


class _P:
    """The patterns and words for one way of writing numbers (decimal mark + language)."""

    def __init__(self, mark: str, lang: Optional[str]):
        self.mark = mark
        self.lang = lang
        if mark == "." and lang in (None, "en"):
            self.num, self.numeric, self.numeric_at = _NUM, _NUMERIC, _NUMERIC_AT
            self.words, self.multiplier, self.fraction = _WORDS, _MULTIPLIER, _FRACTION
            self.ci_after, self.ci_range, self.range_after = _CI_AFTER, _CI_RANGE, _RANGE_AFTER
            self.qualifier, self.qual_rel, self.approx = _QUALIFIER, _QUAL_REL, _APPROX
            self.unit_res, self.count_res = _UNIT_RES, _COUNT_RES
            self.ones, self.tens, self.scales = _ONES, _TENS, _SCALES
            self.fractions, self.fraction_counts, self.halves = _FRACTIONS, {"a": 1, "an": 1, "one": 1, "two": 2,
                                                                             "three": 3, "four": 4}, ()
            self.teen_after, self.connectors = frozenset(), ("and",)
            self.ratio_label, self.other_label = _RATIO_LABEL, _OTHER_LABEL
            self.dates, self.p_label, self.ci_level, self.versus = _DATES, _P_LABEL, _CI_LEVEL, _VERSUS
            self.measures, self.p_relations, self.other_measures = (), (), ()
            return
        self._build(mark, lang)

    def _build(self, mark: str, lang: Optional[str]) -> None:
        """The patterns of a comma-decimal text or of a language other than English, from its data."""
        from msvitd.text.langdata import language_facts

        nd = (language_facts(lang).get("numbers") or {}) if lang else {}
        sep = "[.\u00a0\u202f\u2009 ]" if mark == "," else _SEP
        dec = "[,.]" if mark == "," else "\\."
        self.num = (r"(?:\d{1,3}(?:" + sep + r"\d{3})+(?![\d])|\d+)(?:" + dec + r"\d+)?(?![\d])(?!" + dec + r"\d)"
                    r"|(?<![\d])" + dec + r"\d+(?![\d])(?!" + dec + r"\d)") if mark == "," else _NUM
        self.numeric = re.compile(r"(?<![\w.,])(?:" + self.num + r")")
        self.numeric_at = re.compile(r"(?:" + self.num + r")")
        self.ones = {**_ONES, **{str(k): int(v) for k, v in (nd.get("ones") or {}).items()}}
        self.tens = {**_TENS, **{str(k): int(v) for k, v in (nd.get("tens") or {}).items()}}
        joiner = nd.get("unit_ten_joiner")  # German "vierundsiebzig": 4 + 70
        if joiner:
            for o, ov in list((nd.get("ones") or {}).items()):
                if 1 <= int(ov) <= 9:
                    for t, tv in (nd.get("tens") or {}).items():
                        if int(tv) >= 20:
                            self.ones[f"{o}{joiner}{t}"] = int(ov) + int(tv)
        self.scales = {**_SCALES, **{str(k): int(v) for k, v in (nd.get("scales") or {}).items()}}
        self.teen_after = frozenset(int(v) for v in nd.get("teens_after", []))
        self.connectors = ("and", *[str(c) for c in nd.get("connectors", [])])
        word = "|".join(sorted(list(self.ones) + list(self.tens) + list(self.scales), key=len, reverse=True))
        self._words_and_fractions(nd, word, dec)
        self._intervals_and_labels(nd, lang, dec)

    def _words_and_fractions(self, nd: dict, word: str, dec: str) -> None:
        """Numbers written in words ("seventy-four", "vierundsiebzig"), multipliers and fractions."""
        conn = "|".join(re.escape(c) for c in self.connectors)
        self.words = re.compile(r"(?<![\w-])(?:(?:a|an)\s+(?=(?:hundred|thousand|million)\b))?(?:" + word + r")"
                                r"(?:(?:\s+(?:" + conn + r")\s+|[\s-])(?:" + word + r"))*(?![\w])", re.I)
        # English's multiplier words and the language's own ("doppelt", "halb", "el doble"); the value of a
        # word is looked up in _MULT_WORDS (shared with msvitd/text/numbers.py), so the language's words join it
        own = {str(k).lower(): float(v) for k, v in (nd.get("multiplier_words") or {}).items()}
        _MULT_WORDS.update(own)
        mult = "|".join(re.escape(w) for w in sorted({*_EN["multiplier_words"], *own}, key=len, reverse=True))
        self.multiplier = re.compile(
            r"(?<![\w-])(?:(?P<w>" + mult + r")"
            r"|(?P<n>(?:" + self.num + r")|" + word + r")[\s-]?(?:times|fold|fois|mal|veces)(?![\w])"
            r"|(?P<x>\d+(?:" + dec + r"\d+)?)\s?[x×](?![\w]))(?![\w])", re.I)
        self.fractions = {**_FRACTIONS, **{str(k).lower(): float(v) for k, v in (nd.get("fractions") or {}).items()}}
        self.fraction_counts = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4,
                                **{str(k).lower(): int(v) for k, v in (nd.get("fraction_counts") or {}).items()}}
        self.halves = tuple(str(h) for h in nd.get("halves", []))
        fr_words = "|".join(sorted((re.escape(f) for f in self.fractions), key=len, reverse=True))
        counts = "|".join(sorted((re.escape(k) for k in self.fraction_counts), key=len, reverse=True))
        halves = "|".join(re.escape(h).replace("\\ ", "\\s+") for h in self.halves) or "(?!x)x"
        self.fraction = re.compile(r"(?<![\w-])(?:(?P<h>" + halves + r")|(?:(?P<k>" + counts + r")[\s-]+)?"
                                   r"(?P<f>" + fr_words + r"))(?![\w])", re.I)

    def _intervals_and_labels(self, nd: dict, lang: Optional[str], dec: str) -> None:
        """Confidence intervals, ranges, qualifiers ("about", "fast"), effect labels and units."""
        lo_hi = r"(?P<lo>[-−–]?(?:" + self.num + r"))\s*(?:–|—|-|to|à|bis|a|,|;)\s*(?P<hi>[-−–]?(?:" + self.num + r"))"
        self.ci_after = re.compile(
            r"\s*[,;]?\s*[(\[]?\s*(?:(?P<lvl>\d{2}(?:" + dec + r"\d+)?)\s?%\s*(?:CI|IC|KI|confidence\s+interval|"
            r"intervalle\s+de\s+confiance|Konfidenzintervall|intervalo\s+de\s+confianza)\s*[,:=]?\s*)?" + lo_hi
            + r"\s*[)\]]?")
        self.ci_range = re.compile(r"\s*(?:[,:=]|\s(?:of|from|was|is|de|von|zwischen|entre|allait\s+de|iba\s+de)\s)?\s*"
                                   + lo_hi)
        self.range_after = re.compile(r"\s*(?:–|—|-|to|à|bis|a)\s*(?P<hi>" + self.num + r")(?![\w.%])?")
        quals = {str(k).lower(): str(v) for k, v in (nd.get("qualifiers") or {}).items()}
        self.qual_rel = {**_QUAL_REL, **{k: v for k, v in quals.items() if v != "~"}}
        self.approx = _APPROX | {k for k, v in quals.items() if v == "~"}
        qwords = "|".join(sorted((re.escape(k).replace("\\ ", "\\s+").replace("'", "['’]") for k in quals),
                                 key=len, reverse=True))
        self.qualifier = re.compile(_QUALIFIER.pattern.replace("(?P<q>", "(?P<q>" + (qwords + "|" if qwords else "")),
                                    re.I)
        # "HR de 0,66", "HR von 0,66", "HR était de 0,66": the words between a label and its number
        links = "|".join(re.escape(w).replace("\\ ", "\\s+") for w in nd.get("label_links", []))
        self.ratio_label = re.compile(_RATIO_LABEL.pattern.replace("of|was|were|is|had|", f"of|was|were|is|had|{links}|")
                                      if links else _RATIO_LABEL.pattern)
        self.other_label = re.compile(_OTHER_LABEL.pattern.replace("of|was|were|is|", f"of|was|were|is|{links}|")
                                      if links else _OTHER_LABEL.pattern)
        # "NST de seulement 3", "NNT lag bei nur 3": words between a label and its number
        adverbs = "|".join(re.escape(w).replace("\\ ", "\\s+") for w in nd.get("label_adverbs", []))
        if adverbs:
            near = "(?:about|around|approximately|roughly|nearly)"
            self.ratio_label = re.compile(self.ratio_label.pattern.replace(near, near[:-1] + "|" + adverbs + ")", 1))
            self.other_label = re.compile(self.other_label.pattern.replace(near, near[:-1] + "|" + adverbs + ")", 1))
        self._labels(nd if lang not in (None, "en") else {})
        units = [(str(u["re"]), str(u["unit"]), str(u["kind"])) for u in nd.get("units", [])]
        self.unit_res = _UNIT_RES + [(re.compile(r"[\s\u00a0\u202f-]?\s*(?:" + p + r")", re.I), u, k)
                                     for p, u, k in units]
        counts_n = [(str(c["re"]), str(c["unit"])) for c in nd.get("count_nouns", [])]
        self.count_res = _COUNT_RES + [(re.compile(r"[\s\u00a0\u202f-]+(?:[\w-]+\s+){0,1}(?:" + p + r")(?![\w])", re.I), u)
                                       for p, u in counts_n]

    def _labels(self, nd: dict) -> None:
        """Dates, effect-measure labels, P values, CI levels and "versus" in the language's own
        words (language.yaml numbers: months, ratio_labels, p_labels, p_relations, ci_labels,
        versus), tried as well as English's: a French page may quote "HR 0.66 (95% CI ...)"."""
        self.dates = list(_DATES)
        months = nd.get("months") if nd.get("months") != _EN.get("months") else None
        if months:
            day = r"\d{1,2}(?:" + str(nd.get("day_suffix") or "(?!x)x") + r")?"
            of = r"(?:\s+" + str(nd["date_of"]) + r")?" if nd.get("date_of") else ""
            year = r"\s+(?P<y>(?:19|20)\d{2})(?![\w])"
            self.dates += [re.compile(r"(?<![\w])" + day + of + r"\s+(?:" + str(months) + r")" + of + year, re.I),
                           re.compile(r"(?<![\w.])(?:" + str(months) + r")" + of + year, re.I)]
        self.measures = tuple((re.compile(str(rx), re.I), str(m)) for m, rx in (nd.get("ratio_labels") or {}).items())
        if self.measures:
            own = "|".join(f"(?:{rx.pattern})" for rx, _ in self.measures)
            self.ratio_label = re.compile(self.ratio_label.pattern.replace("(?P<m>", "(?P<m>(?i:" + own + ")|", 1))
        # NNT and mean differences in the language's words ("nombre de sujets à traiter", "mittlere Differenz")
        self.other_measures = tuple((re.compile(str(rx), re.I), str(m)) for m, rx in (nd.get("other_labels") or {}).items())
        if self.other_measures:
            own = "|".join(f"(?:{rx.pattern})" for rx, _ in self.other_measures)
            self.other_label = re.compile(self.other_label.pattern.replace("(?P<m>", "(?P<m>(?i:" + own + ")|", 1))
        self.p_relations = tuple((re.compile(str(rx), re.I), str(r)) for rx, r in (nd.get("p_relations") or {}).items())
        self.p_label = _P_LABEL
        if nd.get("p_labels") or self.p_relations:
            rels = "|".join(rf"\s+(?:{rx.pattern})" for rx, _ in self.p_relations)
            pat = _P_LABEL.pattern.replace("(?P<l>", "(?P<l>(?i:" + str(nd.get("p_labels") or "(?!x)x") + ")|", 1)
            self.p_label = re.compile(pat.replace("(?P<rel>", "(?P<rel>" + (rels + "|" if rels else ""), 1))
        self.ci_level = _CI_LEVEL
        if nd.get("ci_labels"):
            # "95%-KI", "95 % IC", and "IC à 95 % : 0,50-0,87" (the label first: a level followed by a range)
            rng = r"\s*[:,=]?\s*[-−–]?\d+[,.]\d+\s*(?:–|—|-|to|à|a|bis)\s*[-−–]?\d+[,.]\d+"
            self.ci_level = re.compile(_CI_LEVEL.pattern.replace(r"\s?%\s*(?:", r"[\s-]?%\s*-?\s*(?:(?:" + str(nd["ci_labels"])
                                                                 + r")|", 1) + r"|\s?%(?=" + rng + ")", re.I)
        self.versus = _VERSUS
        if nd.get("versus"):
            self.versus = re.compile(_VERSUS.pattern.replace("(?:vs", "(?:" + str(nd["versus"]) + "|vs", 1), re.I)

    def measure_of(self, label: str) -> Optional[str]:
        """HR, RR, OR or IRR for a ratio's label ("hazard ratio", "rapport de risque")."""
        got = _MEASURES.get(re.sub(r"\s+", " ", label.lower()).replace("adjusted ", ""))
        if got is None:
            got = next((m for rx, m in self.measures if rx.fullmatch(label.strip())), None)
        return got

    def is_nnt(self, label: str) -> bool:
        """An NNT (or NNH) label, not a mean difference's: "number needed to treat", "NST"."""
        if re.sub(r"\s+", " ", label.strip().lower()) in _NNT_NAMES:
            return True
        return any(m in ("NNT", "NNH") and rx.fullmatch(label.strip()) for rx, m in self.other_measures)

    def p_relation(self, raw: str) -> str:
        """The relation a P value's words set: "=", "<", ">", "<=", ">="."""
        rel = raw.strip().lower()
        for rx, r in self.p_relations:
            if rx.fullmatch(rel):
                return r
        rel = {"≤": "<=", "≥": ">=", "of": "=", "was": "=", "is": "="}.get(rel, rel)
        if "than" in rel:
            rel = "<" if any(w in rel for w in ("less", "lower", "smaller")) else ">"
        return rel

    def to_float(self, raw: str) -> Optional[float]:
        if self.mark == "." :
            return _to_float(raw)
        s = raw.strip().replace("−", "-").replace("–", "-")
        s = re.sub(r"[\u00a0\u202f\u2009 ]", "", s)
        if "," in s:
            s = s.replace(".", "").replace(",", ".")
        elif "." in s and not _DOT_DECIMAL.search(s):
            s = s.replace(".", "")
        try:
            v = float(s)
        except ValueError:
            return None
        return v if math.isfinite(v) else None


_PATTERNS: dict = {}


def _patterns(mark: str, lang: Optional[str]) -> _P:
    key = (mark, lang)
    if key not in _PATTERNS:
        _PATTERNS[key] = _P(mark, lang)
    return _PATTERNS[key]


def _text_patterns(text: str, lang: Optional[str]) -> _P:
    """The number grammar of ``lang``, or of the language ``text`` is written in."""
    if lang is None:
        from msvitd.text.language import detect_language

        guess = detect_language(text)  # or the language a command was told (--lang)
        if guess.supported:
            lang = guess.code
        elif _UNAMBIGUOUS_COMMA.search(text):
            return _patterns(",", None)  # "60,3 %", "HR 0,66": a decimal comma, whatever the language
    if lang in (None, "en"):
        return _patterns(".", None)
    from msvitd.text.langdata import language_facts

    mark = str((language_facts(lang).get("numbers") or {}).get("decimal_mark", "."))
    return _patterns(mark, lang)


# a comma that can only be a decimal comma: one or two digits after it, or a leading "0,"
_UNAMBIGUOUS_COMMA = re.compile(r"(?<![\d,.])(?:0,\d+|\d{1,3},\d{1,2})(?![\d,])")


def _to_float(raw: str) -> Optional[float]:
    s = raw.strip().replace("−", "-").replace("–", "-")
    s = re.sub(r"[,\u00a0\u202f\u2009 ]", "", s)
    try:
        v = float(s)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def _words_value(raw: str, pt: "_P | None" = None) -> Optional[float]:
    pt = pt or _patterns(".", None)
    ones, tens, scales = pt.ones, pt.tens, pt.scales
    parts = [p for p in re.split(r"[\s-]+", raw.lower()) if p and p not in pt.connectors]
    if parts and parts[0] in ("a", "an"):
        parts[0] = "one"
    total, current, seen = 0, 0, False
    for p in parts:
        if p in ones:
            # "soixante-quatorze" (60 + 14): a teen after the tens the language allows it after
            teen_ok = ones[p] >= 10 and current % 100 in pt.teen_after
            if (current % 10 or (current and ones[p] >= 10)) and not teen_ok:
                return None  # "two three": not a number
            current += ones[p]
        elif p in tens:
            if current % 100:
                return None
            current += tens[p]
        elif p in scales:
            scale = scales[p]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None
