"""The trained reader: a small convolutional network over the sentence's words and their cue classes.

The linear model (model.py) reads a bag of cues and n-grams; the reader reads the words in order,
each with a class from the cue reading (reading.py: "may" a modal, "reduce" a causal cue under a
modal, "associated with" a negated association ...) and the scope its clause is in, through
convolutions of width 1-3 (ReLU), pooled by max and mean, and one output layer.  Its
log-probabilities are averaged with the linear model's (the file's meta "mix": the linear model's
weight); docs/strength.md gives the figures.

The file (msvitd/text/strength/data/reader-en.npz, float16, written by scripts/train_strength.py;
training in torch, train_reader.py) holds the first layer already applied to each word, each cue class and
each scope: row k of a word is what the word adds to a filter at offset k of a window.  So
inference is sums of rows, no products: plain Python for a few sentences (the critique, one line;
numpy costs more to import than `msvitd --version` takes), numpy for many (``log_probs_many``).
Both give the same figures (tests/test_strength_reader.py).
"""

from __future__ import annotations

import math
import struct
import zipfile
from ast import literal_eval
from functools import lru_cache
from operator import add
from pathlib import Path

from msvitd.text.strength.reading import Analysis

READER = Path(__file__).resolve().parent / "data" / "reader-en.npz"
MAX_TOKENS = 64  # longer sentences are cut (the corpus' longest conclusions fit)
NUMPY_FROM = 64  # sentences at once from which numpy pays for its import
_REL_STATES = ("live", "modal", "hedge", "neg", "hypo", "purpose", "attr")
# Each token's cue class: a relation cue by kind and state (live ones by their modal or hedge), other
# cues by kind, every other token "o".
TAGS = ("<pad>", "o") + tuple(f"{k}_{s}" for k in ("corr", "comp", "causal") for s in _REL_STATES) + (
    "modal", "hedge", "neg", "negshort", "null", "hypo", "nonclaim", "other")
# The clause a token is in: with a modal (m), a hedge (h), a negation (n), an aim or known fact (a).
SCOPES = tuple("".join(c for c, on in zip("mhna", (n & 1, n & 2, n & 4, n & 8)) if on) or "-" for n in range(16))
_TAG = {t: i for i, t in enumerate(TAGS)}
_BIT = {"modal": 1, "hedge": 2, "neg": 4, "negshort": 4, "null": 4, "hypo": 8, "nonclaim": 8}
PAD, UNK, NUM = 0, 1, 2  # word ids; the vocabulary's words follow


def token_classes(an: Analysis) -> tuple[list[int], list[int]]:
    """Each token's cue class (TAGS index) and clause scope (SCOPES index)."""
    n = len(an.tokens)
    tags = [_TAG["o"]] * n
    flags = [0] * len(an.clauses)
    for c in an.cues:
        k = c.kind
        if k in ("corr", "comp", "causal"):
            state = ("neg" if c.negated else "hypo" if c.hypothetical else "purpose" if c.purpose
                     else "attr" if c.attributive else "modal" if c.modal else "hedge" if c.hedge else "live")
            tag = _TAG[f"{k}_{state}"]
        else:
            tag = _TAG.get(k, _TAG["other"])
        for i in range(c.start, min(c.end, n)):
            tags[i] = tag
        if k in _BIT and c.clause < len(flags):
            flags[c.clause] |= _BIT[k]
    scope = [0] * n
    for k, (a, b) in enumerate(an.clauses):
        for i in range(a, min(b, n)):
            scope[i] = flags[k]
    return tags, scope


def encode(an: Analysis, index: dict[str, int]) -> tuple[list[int], list[int], list[int]]:
    """Word ids, cue classes and scopes of a sentence, cut to MAX_TOKENS (at least one token)."""
    toks = an.tokens[:MAX_TOKENS]
    if not toks:
        return [UNK], [_TAG["o"]], [0]
    tags, scope = token_classes(an)
    ids = [index.get(t, NUM if t[:1].isdigit() else UNK) for t in toks]
    return ids, tags[:MAX_TOKENS], scope[:MAX_TOKENS]


class Reader:
    """The exported network: ``proj`` (words x offsets x filters), ``tag`` (TAGS x offsets x filters),
    ``scope`` (SCOPES x offsets x filters), ``bias`` (widths x filters), ``out`` (levels x
    2*widths*filters), ``out_b``."""

    def __init__(self, arrays: dict, words: list[str], meta: dict, raw: dict | None = None):
        self.a = arrays  # numpy arrays (float64), or {} until a batch needs them (_numpy)
        self.raw = raw or {}  # name -> (shape, float16 bytes): the plain-Python path reads rows from these
        self.index = {w: i + 3 for i, w in enumerate(words)}
        self.meta = meta
        self.widths = tuple(int(x) for x in meta["widths"].split(","))
        self._rows: dict = {}

    @property
    def mix(self) -> float:
        """The weight of the linear model's log-probabilities in the average (1 - mix: the reader's)."""
        return float(self.meta["mix"])

    def _shape(self, name: str) -> tuple[int, ...]:
        return self.raw[name][0] if name in self.raw else self.a[name].shape

    def _row(self, name: str, i: int) -> list[list[float]]:
        """Row ``i`` of a 3-d array as lists (offsets x filters), cached."""
        key = (name, i)
        got = self._rows.get(key)
        if got is None:
            _, k, f = self._shape(name)
            if name in self.raw:
                flat = struct.unpack_from(f"<{k * f}e", self.raw[name][1], i * k * f * 2)
            else:
                flat = [float(x) for x in self.a[name][i].ravel()]
            got = self._rows[key] = [list(flat[j * f:(j + 1) * f]) for j in range(k)]
        return got

    def _flat(self, name: str) -> list[float]:
        got = self._rows.get(name)
        if got is None:
            if name in self.raw:
                shape, data = self.raw[name]
                got = list(struct.unpack(f"<{math.prod(shape)}e", data))
            else:
                got = [float(x) for x in self.a[name].ravel()]
            self._rows[name] = got
        return got

    def log_probs(self, enc: tuple[list[int], list[int], list[int]]) -> tuple[float, ...]:
        """One sentence's log-probabilities, in plain Python."""
        ids, tags, scope = enc
        length, pad = len(ids), max(self.widths) - 1
        # per position: each offset's row, the word's, the class's and the scope's summed (cached:
        # "the", "of" ... recur with the same class)
        x = [self._token(w, t, s) for w, t, s in zip(ids, tags, scope)] + [self._token(PAD, 0, 0)] * pad
        bias, pooled, base = self._flat("bias"), [], 0
        f = len(bias) // len(self.widths)
        for n, width in enumerate(self.widths):
            b = bias[n * f:(n + 1) * f]
            cols = [x[j:j + length] for j in range(width)]
            if width == 1:
                pre = [list(map(add, b, p[base])) for p in cols[0]]
            elif width == 2:
                pre = [[u + v + c for u, v, c in zip(b, p[base], q[base + 1])] for p, q in zip(*cols)]
            else:
                pre = [[sum(v) for v in zip(b, *(p[base + j] for j, p in enumerate(group)))] for group in zip(*cols)]
            act = [[v if v > 0.0 else 0.0 for v in col] for col in zip(*pre)]  # filters x positions
            pooled += [max(col) for col in act] + [sum(col) / length for col in act]
            base += width
        out, out_b = self._flat("out"), self._flat("out_b")
        m = len(pooled)
        z = [out_b[k] + math.fsum(map(float.__mul__, out[k * m:(k + 1) * m], pooled)) for k in range(len(out_b))]
        top = max(z)
        lse = top + math.log(sum(math.exp(v - top) for v in z))
        return tuple(v - lse for v in z)

    def _token(self, w: int, t: int, s: int) -> list[list[float]]:
        key = (w, t, s)
        got = self._rows.get(key)
        if got is None:
            got = self._rows[key] = [list(map(add, map(add, a, b), c)) for a, b, c in
                                     zip(self._row("proj", w), self._row("tag", t), self._row("scope", s))]
        return got

    def log_probs_many(self, encoded: list) -> list[tuple[float, ...]]:
        """Many sentences' log-probabilities with numpy (imported here), in batches of similar length."""
        import numpy as np

        a = self._numpy()
        out: list = [None] * len(encoded)
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][0]))
        for s in range(0, len(order), 256):
            part = order[s:s + 256]
            for i, row in zip(part, self._batch([encoded[i] for i in part], a, np)):
                out[i] = tuple(float(v) for v in row)
        return out

    def _numpy(self) -> dict:
        if not self.a:
            import numpy as np

            self.a = {k: np.frombuffer(data, dtype="<f2").reshape(shape).astype(np.float64)
                      for k, (shape, data) in self.raw.items()}
        return self.a

    def _batch(self, encoded: list, a: dict, np):
        n, length = len(encoded), max(len(e[0]) for e in encoded)
        pad = max(self.widths) - 1
        ids = np.zeros((n, length + pad), dtype=np.int64)
        tg, sc = np.zeros_like(ids), np.zeros_like(ids)
        mask = np.zeros((n, length, 1))
        for r, (w, t, s) in enumerate(encoded):
            ids[r, :len(w)], tg[r, :len(w)], sc[r, :len(w)] = w, t, s
            mask[r, :len(w)] = 1.0
        x = (a["proj"][ids] + a["tag"][tg]) + a["scope"][sc]  # n x (L+pad) x offsets x filters
        pooled, base = [], 0
        for k, width in enumerate(self.widths):
            h = a["bias"][k] + sum(x[:, j:j + length, base + j] for j in range(width))
            h = np.maximum(h, 0.0) * mask  # after ReLU, 0 is a floor: padding never wins the max
            pooled += [h.max(axis=1), h.sum(axis=1) / mask.sum(axis=1)]
            base += width
        z = np.concatenate(pooled, axis=1) @ a["out"].T + a["out_b"]
        top = z.max(axis=1, keepdims=True)
        return z - (top + np.log(np.exp(z - top).sum(axis=1, keepdims=True)))


def _npy(data: bytes) -> tuple[tuple[int, ...], bytes, str]:
    """The shape, raw bytes and dtype of a .npy file, read with the standard library."""
    if data[:6] != b"\x93NUMPY":
        raise ValueError("not a .npy array")
    size, start = (struct.unpack_from("<H", data, 8)[0], 10) if data[6] == 1 else (struct.unpack_from("<I", data, 8)[0], 12)
    head = literal_eval(data[start:start + size].decode("latin1"))
    return tuple(head["shape"]), data[start + size:], head["descr"]


@lru_cache(maxsize=2)
def load(path: Path = READER) -> Reader | None:
    """The shipped reader, or None when its file is missing (the linear model then reads alone).
    No numpy: the arrays stay float16 bytes until rows are used."""
    if not path.is_file():
        return None
    raw, text = {}, {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            shape, data, descr = _npy(z.read(name))
            key = name[:-4]
            if descr == "<f2":
                raw[key] = (shape, data)
            else:  # the words and the meta: one UTF-32 string each, as numpy writes them
                text[key] = data.decode("utf-32-le").rstrip("\x00")
    meta = dict(line.split("\t", 1) for line in text["meta"].split("\n") if line)
    return Reader({}, text["words"].split("\n"), meta, raw)
