"""Learn the model's weights from labelled sentences (used by scripts/train_strength.py and the bench).

Needs numpy and scikit-learn (`pip install 'msvitd[train]'`); nothing here is imported at run time.
Deterministic: the same sentences and settings give the same weights (L-BFGS, fixed order,
weights rounded to 4 decimals when written).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Sequence

from msvitd.text.strength import cues, features, reading
from msvitd.text.strength.model import Model

# The corpus' label numbers (Yu, Li & Wang 2019) and the levels they stand for.
CORPUS_LABELS = {"0": "none", "1": "direct_causal", "2": "conditional_causal", "3": "correlational"}
# Also tried (5-fold CV, docs/strength.md): "nb": True, features scaled by their naive-Bayes
# log-count ratio, one-vs-rest (+0.010 macro-F1 on PubMed, but it raises rare word n-grams);
# "mix": w, the scores of that and of the plain model averaged with weight w on the plain one.
# "chars": the value of hashed character n-grams (features.char_grams); 0 leaves them out. 0.2 gave
# +0.017 macro-F1 on PubMed (5-fold, topic folds alike) but let a topical word outweigh a cue in a
# headline ("... Lowers Relapse Rate In Trial" read none): not shipped (docs/strength.md).
# "svm": C of a one-vs-rest linear SVM instead of the logistic regression (0.753-0.756, no gain).
# "ngrams": the value of word n-grams (features.NGRAM_VALUE), written into the model's meta.
# "vectors": the scale of the mean word vectors (features.vector_features; 0 leaves them out):
# standardised, times this value, beside the sparse features; folded into one row per word.
SETTINGS = {"C": 3.0, "min_count": 2, "max_iter": 5000, "tol": 1e-6, "class_weight": "balanced", "chars": 0.0,
            "ngrams": 1.0, "vectors": 0.0}
# Static word vectors (scripts/word_vectors.py: all-MiniLM-L6-v2, each word encoded alone, PCA,
# float16): a training input kept in the repository, so training needs no neural network.
VECTORS = Path(__file__).resolve().parents[3] / "scripts" / "data" / "word-vectors-en.npz"
_DENSE = ("v:", "u:")


def read_corpus(path: Path) -> tuple[list[str], list[str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [r["sentence"] for r in rows], [CORPUS_LABELS[r["label"].strip()] for r in rows]


def featurise(sentences: Sequence[str], lang: str = "en", chars: float = 0.0,
              ngrams: float = features.NGRAM_VALUE, vectors: bool = False) -> list[dict[str, float]]:
    tables = cues.load(lang)
    return [features.features(reading.analyse(s, tables), chars=chars, ngram_value=ngrams, vectors=vectors)
            for s in sentences]


def load_vectors(path: Path = VECTORS):
    """The words and their vectors (float32) of scripts/data/word-vectors-en.npz."""
    import numpy as np

    with np.load(path) as z:
        return str(z["words"]).split("\n"), z["vectors"].astype(np.float32)


def _pooled(shares: list[dict[str, float]], words: list[str], vecs):
    """The two means of vector_features per sentence: [sentence mean, cue-window mean]."""
    import numpy as np

    at = {w: i for i, w in enumerate(words)}
    d = vecs.shape[1]
    out = np.zeros((len(shares), 2 * d))
    for n, f in enumerate(shares):
        for k, v in f.items():
            j = at.get(k[2:])
            if j is not None:
                part = 0 if k[0] == "v" else d
                out[n, part:part + d] += v * vecs[j]
    return out


def train(sentences: Sequence[str], labels: Sequence[str], settings: dict | None = None) -> Model:
    from threadpoolctl import threadpool_limits

    # one thread: on a shared 2-core machine OpenMP/BLAS threads spin against each other (a fit
    # took 7 times longer with two); the weights do not depend on it
    with threadpool_limits(1):
        return _train(sentences, labels, settings)


def _train(sentences: Sequence[str], labels: Sequence[str], settings: dict | None = None) -> Model:
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    st = {**SETTINGS, **(settings or {})}
    feats = featurise(sentences, chars=st["chars"], ngrams=st["ngrams"], vectors=bool(st["vectors"]))
    shares = [{k: v for k, v in f.items() if k[:2] in _DENSE} for f in feats]
    feats = [{k: v for k, v in f.items() if k[:2] not in _DENSE} for f in feats]
    # features seen in fewer than min_count sentences carry no evidence worth shipping
    counts: dict[str, int] = {}
    for f in feats:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    keep = {k for k, n in counts.items() if n >= st["min_count"]}
    feats = [{k: v for k, v in f.items() if k in keep} for f in feats]
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform(feats)
    levels = reading.LEVELS
    y = np.array([levels.index(label) for label in labels])
    dense = None
    if st["vectors"]:
        words, vecs = load_vectors(st.get("vectors_path", VECTORS))
        pooled = _pooled(shares, words, vecs)
        mu, sd = pooled.mean(axis=0), pooled.std(axis=0) + 1e-6
        dense = (pooled - mu) / sd * st["vectors"]
    if st.get("nb"):
        coef, intercept = _nb_logistic(x, y, len(levels), st, dense)
    else:
        clf = _linear(st)
        if st.get("svm"):  # liblinear takes 32-bit indices only
            x = x.tocsr()
            x.indices, x.indptr = x.indices.astype(np.int32), x.indptr.astype(np.int32)
        clf.fit(_with(x, dense), y)
        order = [list(clf.classes_).index(k) for k in range(len(levels))]
        coef, intercept = clf.coef_[order], clf.intercept_[order]
    if st.get("mix"):  # the average of both models' scores: still one linear table
        clf = LogisticRegression(C=st["C"], max_iter=st["max_iter"], tol=st["tol"], class_weight=st["class_weight"])
        clf.fit(_with(x, dense), y)
        order = [list(clf.classes_).index(k) for k in range(len(levels))]
        coef = (1 - st["mix"]) * coef + st["mix"] * clf.coef_[order]
        intercept = (1 - st["mix"]) * intercept + st["mix"] * clf.intercept_[order]
    weights = {}
    if dense is not None:  # fold the standardised means into one row per word and the bias
        names = vec.get_feature_names_out()
        proj = coef[:, len(names):] / sd * st["vectors"]
        intercept = intercept - proj @ mu
        coef = coef[:, :len(names)]
        d = vecs.shape[1]
        for prefix, part in (("v:", proj[:, :d]), ("u:", proj[:, d:])):
            rows = vecs @ part.T
            for w, r in zip(words, rows):
                weights[prefix + w] = tuple(round(float(v), 4) for v in r)
    bias = tuple(round(float(b), 4) for b in intercept)
    for j, name in enumerate(vec.get_feature_names_out()):
        row = tuple(round(float(coef[k, j]), 4) for k in range(len(levels)))
        if any(row):
            weights[str(name)] = row
    # "chars" is written only when used: the model reads its value from here (Model.char_value)
    meta = {k: str(v) for k, v in st.items() if (v or k not in ("chars", "vectors")) and k != "vectors_path"}
    return Model(levels, bias, weights, meta)


def _linear(st: dict):
    from sklearn.linear_model import LogisticRegression

    if st.get("svm"):  # one-vs-rest linear SVM (squared hinge): the same table of weights
        from sklearn.svm import LinearSVC

        return LinearSVC(C=st["svm"], class_weight=st["class_weight"], max_iter=st["max_iter"] * 4, tol=st["tol"])
    return LogisticRegression(C=st["C"], max_iter=st["max_iter"], tol=st["tol"], class_weight=st["class_weight"])


def _with(x, dense):
    """The sparse features with the dense ones beside them (None: as they are)."""
    if dense is None:
        return x
    import scipy.sparse as sp

    return sp.hstack([x, sp.csr_matrix(dense)]).tocsr()


def _nb_logistic(x, y, k: int, st: dict, dense=None):
    """One-vs-rest logistic regressions over features scaled by their naive-Bayes log-count ratio
    (Wang & Manning 2012, NB-SVM's idea): the scale folds into the weights, so scoring is unchanged."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    xb = (x > 0).astype(float)
    width = x.shape[1] + (0 if dense is None else dense.shape[1])
    coef, intercept = np.zeros((k, width)), np.zeros(k)
    alpha = st.get("nb_alpha", 1.0)
    for c in range(k):
        pos = np.asarray(xb[y == c].sum(axis=0)).ravel() + alpha
        neg = np.asarray(xb[y != c].sum(axis=0)).ravel() + alpha
        r = np.log((pos / pos.sum()) / (neg / neg.sum()))
        if st.get("nb_cap"):  # a rare n-gram's ratio is large by chance: cap how far it scales
            r = np.clip(r, -st["nb_cap"], st["nb_cap"])
        clf = LogisticRegression(C=st.get("nb_C", st["C"]), max_iter=st["max_iter"], tol=st["tol"],
                                 class_weight=st["class_weight"])
        clf.fit(_with(x.multiply(r).tocsr(), dense), (y == c).astype(int))
        coef[c] = clf.coef_[0] * np.concatenate([r, np.ones(width - len(r))])
        intercept[c] = clf.intercept_[0]
    return coef, intercept
