"""The model's features of one sentence: its strength cues in their scopes, n-grams over the
words with each cue replaced by its class, scope features (scope.py), word n-grams, and
character n-grams of the words.

Cue features carry value 1; word n-grams the value the model was trained with (meta "ngrams",
NGRAM_VALUE by default).  A value below 1 regularises them more under the L2 penalty; 0.35 was
shipped before issue 14's fourth round, but 1 reads PubMed, its held-out topics and the
self-written press-release lines better (docs/strength.md).

Character n-grams (3 to 5 letters of each word, " wor", "orse ", hashed into CHAR_BUCKETS shared
features by crc32, stable across runs and machines) are an option of training (train.SETTINGS
"chars": their value; 0, the shipped setting, leaves them out; docs/strength.md says why).  They
are a sum over the words, so a model trained with them scores them one word at a time
(Model.word_row caches each word's sum).
"""

from __future__ import annotations

from zlib import crc32

from msvitd.text.strength.reading import Analysis, rule_level
from msvitd.text.strength.scope import scope_features

NGRAM_VALUE = 1.0  # the shipped model's; a model file records its own (meta "ngrams")
VECTOR_WINDOW = 3  # words on each side of a relation cue whose vectors make its window's mean
CHAR_BUCKETS = 4096
CHAR_N = (3, 4, 5)
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


def ngram_features(an: Analysis, f: dict[str, float], value: float = NGRAM_VALUE) -> dict[str, float]:
    words = [t if not t[0].isdigit() else t.translate(_DIGITS) for t in an.tokens if t[0].isalnum()]
    for w in words:
        f["w:" + w] = value
    for a, b in zip(words, words[1:]):
        f[f"w:{a}_{b}"] = value
    return f


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
    """Bigrams and trigrams of class_tokens that hold a cue class ("<MODAL>_<CAUSAL_base>",
    "we_<HEDGE>_that"): the cue in its context, shared by every wording of the cue."""
    seq = ["^"] + class_tokens(an) + ["$"]
    last = len(seq)
    for p in [i for i, x in enumerate(seq) if x[0] == "<"]:  # only the windows over a cue
        for j in range(max(0, p - 2), p + 1):
            if j + 2 <= last and j >= p - 1:
                f["n:" + "_".join(seq[j:j + 2])] = 1.0
            if j + 3 <= last:
                f["n:" + "_".join(seq[j:j + 3])] = 1.0
    return f


def char_words(an: Analysis) -> list[str]:
    """The words whose character n-grams are features (letters first: numbers and marks are not)."""
    return [t for t in an.tokens if t[0].isalpha()]


def char_grams(word: str) -> list[str]:
    """The hashed character n-gram features of one word, once per occurrence (" worse " gives
    " wo", "wor", "ors" ... "orse ")."""
    w = f" {word} "
    return [f"c:{crc32(w[i:i + n].encode('utf-8')) % CHAR_BUCKETS}" for n in CHAR_N for i in range(len(w) - n + 1)]


def char_features(an: Analysis, f: dict[str, float], value: float) -> dict[str, float]:
    """Each hashed n-gram counted over the sentence's words, times ``value`` (what Model.predict
    adds word by word)."""
    for word in char_words(an):
        for g in char_grams(word):
            f[g] = f.get(g, 0.0) + value
    return f


def vector_features(an: Analysis, f: dict[str, float]) -> dict[str, float]:
    """Each word's share of two means of word vectors: over the sentence ("v:word", 1/n for each of
    its n words) and over the windows of VECTOR_WINDOW words around its relation cues ("u:word").

    A linear model over a mean of vectors is the mean of each word's projection, so the model
    ships one row of weights per word (train.py folds the vectors into them) and scoring stays a
    sum of weights.  A word without a vector (a number, a rare word) counts in n, as a zero vector."""
    words, near = vector_words(an)
    _shares(f, "v:", words)
    _shares(f, "u:", near)
    return f


def vector_words(an: Analysis) -> tuple[list[str], list[str]]:
    """The words of the two means: the sentence's, and those within VECTOR_WINDOW of a relation cue."""
    toks, near = an.tokens, []
    for c in an.cues:
        if c.kind in ("corr", "comp", "causal"):
            near += [t for t in toks[max(0, c.start - VECTOR_WINDOW):c.end + VECTOR_WINDOW] if t[0].isalnum()]
    return [t for t in toks if t[0].isalnum()], near


def _shares(f: dict[str, float], prefix: str, words: list[str]) -> None:
    if words:
        share = 1.0 / len(words)
        for w in words:
            f[prefix + w] = f.get(prefix + w, 0.0) + share


def features(an: Analysis, ngrams: bool = True, chars: float = 0.0,
             ngram_value: float = NGRAM_VALUE, vectors: bool = False) -> dict[str, float]:
    """The features of a sentence; ``chars``: the value of character n-grams in training (0: none;
    at run time the model adds them itself from ``char_words``); ``ngram_value``: the value of
    word n-grams (the model's, Model.ngram_value); ``vectors``: the words' shares of the mean
    word vectors (vector_features; a model trained with them, Model.vectors)."""
    f = scope_features(an, norm_features(an, cue_features(an)))
    if ngrams:
        f = ngram_features(an, f, ngram_value)
    if vectors:
        f = vector_features(an, f)
    return char_features(an, f, chars) if chars else f
