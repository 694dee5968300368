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


OPT = {"norm": True, "struct": False, "norm_value": 1.0}


def class_tokens(an: Analysis) -> list[str]:
    """The sentence's words with each cue replaced by its class ("may lower" and "might reduce" both
    read MODAL CAUSAL), so that n-grams over them carry over between wordings."""
    out, cue_at = [], {c.start: c for c in an.cues}
    i, toks = 0, an.tokens
    while i < len(toks):
        c = cue_at.get(i)
        if c is not None:
            k = c.kind.upper()
            if c.kind == "causal":
                k += "_" + _form(toks[c.start])
            out.append("<" + k + ">")
            i = c.end
            continue
        t = toks[i]
        if t[0].isalnum():
            out.append(t if not t[0].isdigit() else t.translate(_DIGITS))
        elif t in ",;:()":
            out.append(t)
        i += 1
    return out


def norm_features(an: Analysis, f: dict[str, float]) -> dict[str, float]:
    seq = ["^"] + class_tokens(an) + ["$"]
    v = OPT["norm_value"]
    for n in (2, 3):
        for j in range(len(seq) - n + 1):
            g = seq[j:j + n]
            if any(x[0] == "<" for x in g):
                f["n:" + "_".join(g)] = v
    return f


def struct_features(an: Analysis, f: dict[str, float]) -> dict[str, float]:
    n = max(len(an.tokens), 1)
    toks = an.tokens
    for c in an.relations():
        state = ("neg" if c.negated else "hypo" if c.hypothetical else "purpose" if c.purpose
                 else "attr" if c.attributive else "live")
        f[f"{c.kind}|pos{min(2, 3 * c.start // n)}|{state}"] = 1.0
        f[f"{c.kind}|clause{min(c.clause, 2)}|{state}"] = 1.0
        a, _ = an.clauses[c.clause]
        head = toks[a] if a < len(toks) else ""
        f[f"{c.kind}|opens={head}"] = 1.0
        # a "that" before the cue in its clause: the finding reported ("show that X reduces Y")
        if "that" in toks[a:c.start]:
            f[f"{c.kind}|after_that|{state}"] = 1.0
    return f


def features(an: Analysis, ngrams: bool = True) -> dict[str, float]:
    f = cue_features(an)
    if OPT["norm"]:
        norm_features(an, f)
    if OPT["struct"]:
        struct_features(an, f)
    return ngram_features(an, f) if ngrams else f
