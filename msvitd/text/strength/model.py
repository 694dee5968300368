"""The learned part: a linear model (one weight per feature and level) scored in plain Python.

Training (train.py) fits a multinomial logistic regression (its options, naive-Bayes scaling or
averaged models, fold into the same table), so scoring is one sum of weights per level.  A model
trained with character n-grams (meta "chars") adds them word by word (word_row).

Weights live in msvitd/text/strength/data/weights-en.tsv.gz, written by scripts/train_strength.py
(one feature a line: the feature, then one weight per level). Scoring a sentence is a dictionary
look-up per feature; no numpy at run time.
"""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from msvitd.text.strength.reading import LEVELS

WEIGHTS = Path(__file__).resolve().parent / "data" / "weights-en.tsv.gz"


@dataclass(frozen=True)
class Model:
    levels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...] | str]  # str: not parsed yet (loads)
    meta: dict
    # a word's character n-gram features summed once (features.char_grams): words repeat, so a
    # long input pays for each distinct word once
    _words: dict = field(default_factory=dict, compare=False, repr=False)
    # each word's rows of the two vector means ("v:", "u:"), looked up once (vector_rows)
    _vec: dict = field(default_factory=lambda: {"v:": {}, "u:": {}}, compare=False, repr=False)

    def scores(self, feats: dict[str, float]) -> list[float]:
        if len(self.bias) != 4:  # a general loop for another number of levels
            s = list(self.bias)
            for name, value in feats.items():
                row = self.row(name)
                for k in range(len(s) if row else 0):
                    s[k] += row[k] * value
            return s
        # four levels unrolled: this loop runs for every feature of every line
        s0, s1, s2, s3 = self.bias
        get = self.weights.get
        for name, value in feats.items():
            row = get(name)
            if row is not None:
                if row.__class__ is str:  # parsed on first use (loads)
                    row = self.weights[name] = tuple(map(float, row.split("\t")))
                a, b, c, d = row
                s0 += a * value
                s1 += b * value
                s2 += c * value
                s3 += d * value
        return [s0, s1, s2, s3]

    def row(self, name: str) -> tuple[float, ...] | None:
        row = self.weights.get(name)
        if row.__class__ is str:
            row = self.weights[name] = tuple(map(float, row.split("\t")))
        return row

    @property
    def ngram_value(self) -> float:
        """The value word n-grams had in training (a file without it: 0.35, the value before it was recorded)."""
        return float(self.meta.get("ngrams", 0.35))

    @property
    def vectors(self) -> bool:
        """Whether the model reads word vectors (features.vector_features: one row per word)."""
        return float(self.meta.get("vectors", 0) or 0) > 0

    @property
    def char_value(self) -> float:
        """The value character n-grams had in training (0: the model has none)."""
        return float(self.meta.get("chars", 0) or 0)

    def word_row(self, word: str) -> tuple[float, ...]:
        """The sum of the weights of ``word``'s character n-grams, times their value."""
        row = self._words.get(word)
        if row is None:
            from msvitd.text.strength.features import char_grams

            s, v = [0.0] * len(self.levels), self.char_value
            for g in char_grams(word):
                r = self.row(g)
                for k in range(len(s) if r else 0):
                    s[k] += r[k] * v
            row = self._words[word] = tuple(s)
        return row

    def add_vectors(self, s: list[float], words: list[str], near: list[str]) -> list[float]:
        """``s`` plus the words' shares of the two vector means (features.vector_words): what
        features.vector_features adds through ``scores``, without a feature name per word."""
        for prefix, group in (("v:", words), ("u:", near)):
            if not group:
                continue
            cache, t = self._vec[prefix], [0.0] * len(s)
            for w in group:  # the rows summed, then scaled once: the mean
                row = cache.get(w)
                if row is None:
                    row = cache[w] = self.row(prefix + w) or (0.0,) * len(s)
                for k, x in enumerate(row):
                    t[k] += x
            share = 1.0 / len(group)
            s = [a + b * share for a, b in zip(s, t)]
        return s

    def predict(self, feats: dict[str, float], words=(), vectors=None, mixed=None) -> tuple[str, float]:
        """The level and its probability; ``mixed``: (w, the reader's log-probabilities), averaged
        with this model's log-probabilities at weight w; ``words``: those whose character n-grams are not in
        ``feats`` (features.char_words), added one cached word at a time; ``vectors``: the two
        word lists of features.vector_words, for a model that reads vectors."""
        s = self.scores(feats)
        if vectors:
            s = self.add_vectors(s, *vectors)
        if words and len(s) == 4:  # unrolled, as in scores
            s0, s1, s2, s3 = s
            get = self._words.get
            for w in words:
                a, b, c, d = get(w) or self.word_row(w)
                s0 += a
                s1 += b
                s2 += c
                s3 += d
            s = [s0, s1, s2, s3]
        else:
            for w in words:
                row = self._words.get(w) or self.word_row(w)
                for k in range(len(s)):
                    s[k] += row[k]
        if mixed is not None:  # the reader's log-probabilities averaged in (reader.py)
            w, other = mixed
            top = max(s)
            z = top + math.log(sum(math.exp(x - top) for x in s))
            s = [w * (x - z) + (1 - w) * o for x, o in zip(s, other)]
        top = max(range(len(s)), key=s.__getitem__)
        z = sum(math.exp(x - s[top]) for x in s)
        return self.levels[top], 1.0 / z


def dumps(model: Model) -> str:
    lines = [f"#meta\t{k}\t{v}" for k, v in sorted(model.meta.items())]
    lines.append("#levels\t" + "\t".join(model.levels))
    lines.append("#bias\t" + "\t".join(_num(x) for x in model.bias))
    lines += [name + "\t" + "\t".join(_num(x) for x in model.row(name)) for name in sorted(model.weights)]
    return "\n".join(lines) + "\n"


def _num(x: float) -> str:
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def loads(text: str) -> Model:
    """A model from its text; each feature's weights stay text until a sentence uses the feature
    (Model.row): most of the ~10,000 are never looked up by a short run, and start-up counts."""
    meta, levels, bias = {}, LEVELS, (0.0,) * len(LEVELS)
    lines = text.split("\n")
    n = 0
    while n < len(lines) and lines[n].startswith("#"):
        parts = lines[n].split("\t")
        if parts[0] == "#meta":
            meta[parts[1]] = parts[2]
        elif parts[0] == "#levels":
            levels = tuple(parts[1:])
        elif parts[0] == "#bias":
            bias = tuple(float(x) for x in parts[1:])
        n += 1
    weights = dict(line.split("\t", 1) for line in lines[n:] if line)
    return Model(levels, bias, weights, meta)


@lru_cache(maxsize=2)
def load(path: Path = WEIGHTS) -> Model | None:
    """The shipped model, or None when the weights file is missing (a source checkout before training)."""
    # Unzipping and splitting ~14,000 lines costs ~25 ms on every start; the parsed table is kept in the
    # user's cache folder under a key made of the weights' bytes and this module's, so new weights or a
    # new reading of them rebuild it.  Output never depends on the cache.
    try:
        from msvitd.text import cache

        key = cache.key_for([path, Path(__file__)], "strength-model")
        hit = cache.load(key, "strength-model")
        if isinstance(hit, tuple) and len(hit) == 4:
            return Model(*hit)
    except Exception:  # no cache module or an unreadable entry: parse
        cache, key = None, None
    try:
        raw = gzip.decompress(path.read_bytes())
    except OSError:
        return None
    model = loads(raw.decode("utf-8"))
    if cache is not None and key is not None:
        cache.save(key, (model.levels, model.bias, model.weights, model.meta), "strength-model")
    return model


def write(model: Model, path: Path) -> bytes:
    """The weights as the exact bytes shipped (gzip without a time stamp, so training reproduces them)."""
    data = gzip.compress(dumps(model).encode("utf-8"), compresslevel=9, mtime=0)
    path.write_bytes(data)
    return data
