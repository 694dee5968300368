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
SETTINGS = {"C": 3.0, "min_count": 2, "max_iter": 5000, "tol": 1e-6, "class_weight": "balanced", "chars": 0.0,
            "ngrams": 1.0}


def read_corpus(path: Path) -> tuple[list[str], list[str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [r["sentence"] for r in rows], [CORPUS_LABELS[r["label"].strip()] for r in rows]


def featurise(sentences: Sequence[str], lang: str = "en", chars: float = 0.0,
              ngrams: float = features.NGRAM_VALUE) -> list[dict[str, float]]:
    tables = cues.load(lang)
    return [features.features(reading.analyse(s, tables), chars=chars, ngram_value=ngrams) for s in sentences]


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
    feats = featurise(sentences, chars=st["chars"], ngrams=st["ngrams"])
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
    if st.get("nb"):
        coef, intercept = _nb_logistic(x, y, len(levels), st)
    else:
        clf = _linear(st)
        if st.get("svm"):  # liblinear takes 32-bit indices only
            x = x.tocsr()
            x.indices, x.indptr = x.indices.astype(np.int32), x.indptr.astype(np.int32)
        clf.fit(x, y)
        order = [list(clf.classes_).index(k) for k in range(len(levels))]
        coef, intercept = clf.coef_[order], clf.intercept_[order]
    if st.get("mix"):  # the average of both models' scores: still one linear table
        clf = LogisticRegression(C=st["C"], max_iter=st["max_iter"], tol=st["tol"], class_weight=st["class_weight"])
        clf.fit(x, y)
        order = [list(clf.classes_).index(k) for k in range(len(levels))]
        coef = (1 - st["mix"]) * coef + st["mix"] * clf.coef_[order]
        intercept = (1 - st["mix"]) * intercept + st["mix"] * clf.intercept_[order]
    bias = tuple(round(float(b), 4) for b in intercept)
    weights = {}
    for j, name in enumerate(vec.get_feature_names_out()):
        row = tuple(round(float(coef[k, j]), 4) for k in range(len(levels)))
        if any(row):
            weights[str(name)] = row
    # "chars" is written only when used: the model reads its value from here (Model.char_value)
    meta = {k: str(v) for k, v in st.items() if v or k != "chars"}
    return Model(levels, bias, weights, meta)


def _linear(st: dict):
    from sklearn.linear_model import LogisticRegression

    if st.get("svm"):  # one-vs-rest linear SVM (squared hinge): the same table of weights
        from sklearn.svm import LinearSVC

        return LinearSVC(C=st["svm"], class_weight=st["class_weight"], max_iter=st["max_iter"] * 4, tol=st["tol"])
    return LogisticRegression(C=st["C"], max_iter=st["max_iter"], tol=st["tol"], class_weight=st["class_weight"])


def _nb_logistic(x, y, k: int, st: dict):
    """One-vs-rest logistic regressions over features scaled by their naive-Bayes log-count ratio
    (Wang & Manning 2012, NB-SVM's idea): the scale folds into the weights, so scoring is unchanged."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    xb = (x > 0).astype(float)
    coef, intercept = np.zeros((k, x.shape[1])), np.zeros(k)
    alpha = st.get("nb_alpha", 1.0)
    for c in range(k):
        pos = np.asarray(xb[y == c].sum(axis=0)).ravel() + alpha
        neg = np.asarray(xb[y != c].sum(axis=0)).ravel() + alpha
        r = np.log((pos / pos.sum()) / (neg / neg.sum()))
        clf = LogisticRegression(C=st.get("nb_C", st["C"]), max_iter=st["max_iter"], tol=st["tol"],
                                 class_weight=st["class_weight"])
        clf.fit(x.multiply(r).tocsr(), (y == c).astype(int))
        coef[c] = clf.coef_[0] * r
        intercept[c] = clf.intercept_[0]
    return coef, intercept
