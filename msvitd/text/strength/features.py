"""The model's features of one sentence: its strength cues in their scopes, plus word n-grams.

Cue features carry weight 1; word n-grams a smaller value (NGRAM_VALUE), which under the L2
penalty of training is a stronger regularisation of them: PubMed wording should not outweigh
cues that carry over to press releases and news.
"""

from __future__ import annotations

from msvitd.text.strength.reading import Analysis, rule_level

NGRAM_VALUE = 0.35
_DIGITS = str.maketrans("0123456789", "0000000000")


def _form(word: str) -> str:
    if word.endswith("ing"):
        return "ing"
    if word.endswith(("ed", "en")) or word in ("led", "cut", "fought", "held", "drove"):
        return "past"
    if word.endswith("s") and not word.endswith("ss"):
        return "s"
    return "base"


def cue_features(an: Analysis) -> dict[str, float]:
    f: dict[str, float] = {}
    f["rule=" + rule_level(an, "yu2019")[0]] = 1.0
    rel = an.relations()
    if not rel:
        f["nocue"] = 1.0
    for c in an.cues:
        k = c.kind
        if k not in ("corr", "comp", "causal"):
            f[f"{k}:{c.word}"] = 1.0
            f[k] = 1.0
            continue
        state = ("neg" if c.negated else "hypo" if c.hypothetical else "purpose" if c.purpose
                 else "attr" if c.attributive else "live")
        f[f"{k}|{state}"] = 1.0
        f[f"{k}:{c.word}"] = 1.0
        f[f"{k}:{c.word}|{state}"] = 1.0
        if c.modal:
            f[f"{k}|modal={c.modal}"] = 1.0
            f[f"{k}|{state}|modal"] = 1.0
        if c.hedge:
            f[f"{k}|hedge={c.hedge.split()[0]}"] = 1.0
        if k == "causal":
            f[f"causal|form={_form(an.tokens[c.start])}|{state}"] = 1.0
        # the words around the cue: "significantly increased", "increased risk", "in predicting"
        before = an.tokens[c.start - 1] if c.start else "^"
        after = an.tokens[c.end] if c.end < len(an.tokens) else "$"
        f[f"{k}|prev={before}"] = 1.0
        f[f"{k}|next={after}"] = 1.0
        f[f"{c.word}|prev={before}"] = 1.0
        f[f"{c.word}|next={after}"] = 1.0
    if an.negated_only():
        f["negated_only"] = 1.0
    toks = an.tokens
    if toks:
        f["lead:" + toks[0]] = 1.0
        if len(toks) > 1:
            f[f"lead:{toks[0]}_{toks[1]}"] = 1.0
    return f


def ngram_features(an: Analysis, f: dict[str, float]) -> dict[str, float]:
    words = [t if not t[0].isdigit() else t.translate(_DIGITS) for t in an.tokens if t[0].isalnum()]
    for w in words:
        f["w:" + w] = NGRAM_VALUE
    for a, b in zip(words, words[1:]):
        f[f"w:{a}_{b}"] = NGRAM_VALUE
    return f


def features(an: Analysis, ngrams: bool = True) -> dict[str, float]:
    f = cue_features(an)
    return ngram_features(an, f) if ngrams else f
