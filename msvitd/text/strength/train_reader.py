"""Train the reader (reader.py) in torch and export its weights as float16 numpy arrays.

Training only (`pip install torch==2.13.0`, the CPU build); nothing here is imported at run time.
Deterministic on one machine: fixed seeds, one thread, torch's deterministic algorithms, a fixed
order of batches; the exported float16 arrays are the same bytes run after run.  Hyper-parameters
are fixed a priori (SETTINGS; docs/strength.md says which were tried, on an inner split of one
fold's training part), and so is "mix", the linear model's weight in the average of the two
models' log-probabilities: 0.5, an equal average (choose_mix picks it by an inner CV instead; too
slow on the shared machine of issue 14's sixth round to run inside every outer fold).
"""

from __future__ import annotations

import io
import zipfile
from typing import Sequence

from msvitd.text.strength import cues, reader, reading

SETTINGS = {"dim_tag": 12, "dim_scope": 6, "filters": 32, "widths": "1,2,3", "epochs": 12, "batch": 32,
            "lr": 2e-3, "weight_decay": 1e-4, "dropout_in": 0.25, "dropout_out": 0.5, "seeds": 1,
            "freeze": 0, "min_count": 2, "mix": 0.5}


def _net(n_words: int, dim: int, st: dict):
    import torch
    from torch import nn

    widths = [int(x) for x in st["widths"].split(",")]

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(n_words, dim, padding_idx=0)
            self.tag = nn.Embedding(len(reader.TAGS), int(st["dim_tag"]), padding_idx=0)
            self.scope = nn.Embedding(len(reader.SCOPES), int(st["dim_scope"]))
            d = dim + int(st["dim_tag"]) + int(st["dim_scope"])
            self.convs = nn.ModuleList(nn.Conv1d(d, int(st["filters"]), w) for w in widths)
            self.drop_in, self.drop_out = nn.Dropout(st["dropout_in"]), nn.Dropout(st["dropout_out"])
            self.out = nn.Linear(2 * len(widths) * int(st["filters"]), len(reading.LEVELS))

        def forward(self, ids, tags, scope, mask):
            x = torch.cat([self.emb(ids), self.tag(tags), self.scope(scope)], dim=2)
            x = self.drop_in(x).transpose(1, 2)  # batch x d x L
            length = mask.shape[1]
            m = mask.unsqueeze(1)
            pooled = []
            for conv in self.convs:
                h = torch.relu(conv(x)[:, :, :length])  # inputs padded at the end by max width - 1
                pooled.append((h * m).amax(dim=2))
                pooled.append((h * m).sum(dim=2) / m.sum(dim=2))
            return self.out(self.drop_out(torch.cat(pooled, dim=1)))

    return Net()


def vocabulary(encoded_tokens: Sequence[Sequence[str]], vec_words: list[str], min_count: int) -> list[str]:
    """The words the reader knows: those of the training sentences seen min_count times and that
    have a vector, plus those of the training sentences seen min_count times without one."""
    counts: dict[str, int] = {}
    for toks in encoded_tokens:
        for t in toks:
            counts[t] = counts.get(t, 0) + 1
    return sorted(w for w, n in counts.items() if n >= min_count and not w[:1].isdigit())


def _tensors(batch, length_pad: int):
    import torch

    length = max(len(w) for w, _, _ in batch)
    n = len(batch)
    ids = torch.zeros((n, length + length_pad), dtype=torch.long)
    tg, sc = torch.zeros_like(ids), torch.zeros_like(ids)
    mask = torch.zeros((n, length))
    for r, (w, t, s) in enumerate(batch):
        ids[r, :len(w)], tg[r, :len(t)], sc[r, :len(s)] = torch.tensor(w), torch.tensor(t), torch.tensor(s)
        mask[r, :len(w)] = 1.0
    return ids, tg, sc, mask


def train(sentences: Sequence[str], labels: Sequence[str], settings: dict | None = None,
          vectors=None) -> reader.Reader:
    """A reader trained on the sentences (``vectors``: (words, float32 array) from train.load_vectors)."""
    import numpy as np
    import torch

    st = {**SETTINGS, **(settings or {})}
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    tables = cues.load("en")
    analyses = [reading.analyse(s, tables) for s in sentences]
    if vectors is None:
        from msvitd.text.strength.train import load_vectors

        vectors = load_vectors()
    vec_words, vecs = vectors
    at = {w: i for i, w in enumerate(vec_words)}
    words = vocabulary([a.tokens for a in analyses], vec_words, int(st["min_count"]))
    if st["freeze"]:  # every word with a vector: the table is the encoder's, words unseen in training too
        words = sorted(set(words) | set(vec_words))
    scale = float(vecs.std())
    init = np.zeros((len(words) + 3, vecs.shape[1]), dtype=np.float32)
    for i, w in enumerate(words):
        if w in at:
            init[i + 3] = vecs[at[w]] / scale
    index = {w: i + 3 for i, w in enumerate(words)}
    data = [reader.encode(a, index) for a in analyses]
    y = torch.tensor([reading.LEVELS.index(label) for label in labels])
    counts = torch.bincount(y, minlength=len(reading.LEVELS)).float()
    weight = counts.sum() / (len(counts) * counts)  # classes balanced, as the linear model's
    pad = max(int(x) for x in st["widths"].split(",")) - 1
    nets = []
    for seed in range(int(st["seeds"])):
        torch.manual_seed(seed + int(st.get("seed0", 0)))
        net = _net(len(words) + 3, vecs.shape[1], st)
        with torch.no_grad():
            net.emb.weight.copy_(torch.from_numpy(init))
        net.emb.weight.requires_grad = not st["freeze"]
        opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=st["lr"],
                               weight_decay=st["weight_decay"])
        loss_fn = torch.nn.CrossEntropyLoss(weight=weight)
        rng = np.random.default_rng(seed + int(st.get("seed0", 0)))
        for _ in range(int(st["epochs"])):
            net.train()
            order = rng.permutation(len(data))
            for b in range(0, len(order), int(st["batch"])):
                part = order[b:b + int(st["batch"])]
                ids, tg, sc, mask = _tensors([data[i] for i in part], pad)
                opt.zero_grad()
                loss = loss_fn(net(ids, tg, sc, mask), y[part])
                loss.backward()
                opt.step()
        nets.append(net)
    return _export(nets, words, st)


def _export(nets, words: list[str], st: dict) -> reader.Reader:
    """The first network's layers as reader.py reads them: the first layer applied to each word and
    to each (cue class, scope) once (float16), the biases and the output layer."""
    import numpy as np
    import torch

    net = nets[0]
    with torch.no_grad():
        emb, tag, scope = (t.weight.double().numpy() for t in (net.emb, net.tag, net.scope))
        d, dt = emb.shape[1], tag.shape[1]
        proj, tags, scopes, bias = [], [], [], []
        for conv in net.convs:
            kern = conv.weight.double().numpy()  # filters x inputs x width
            for j in range(kern.shape[2]):
                proj.append(emb @ kern[:, :d, j].T)
                tags.append(tag @ kern[:, d:d + dt, j].T)
                scopes.append(scope @ kern[:, d + dt:, j].T)
            bias.append(conv.bias.double().numpy())
        arrays = {"proj": np.stack(proj, axis=1), "tag": np.stack(tags, axis=1), "scope": np.stack(scopes, axis=1),
                  "bias": np.stack(bias),
                  "out": net.out.weight.double().numpy(), "out_b": net.out.bias.double().numpy()}
    raw = {k: (v.shape, np.ascontiguousarray(v.astype("<f2")).tobytes()) for k, v in arrays.items()}
    meta = {"widths": st["widths"], "mix": str(st["mix"]), "filters": str(int(st["filters"]))}
    return reader.Reader({}, words, meta, raw)


def dumps(r: reader.Reader) -> bytes:
    """The reader as the .npz bytes shipped: float16 arrays, the words and the meta, stored in a zip
    without compression (loading is a read, not a decompression) and without time stamps."""
    import numpy as np

    words = [w for w, _ in sorted(r.index.items(), key=lambda x: x[1])]
    meta = "\n".join(f"{k}\t{v}" for k, v in sorted(r.meta.items()))
    arrays = {"meta": np.array(meta), "words": np.array("\n".join(words))}
    arrays.update({k: np.frombuffer(data, dtype="<f2").reshape(shape) for k, (shape, data) in r.raw.items()})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name in sorted(arrays):
            part = io.BytesIO()
            np.lib.format.write_array(part, arrays[name], allow_pickle=False)
            z.writestr(zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0)), part.getvalue())
    return buf.getvalue()


def log_probs(r: reader.Reader, sentences: Sequence[str]):
    """The reader's log-probabilities of the sentences (a list of tuples), numpy in batches."""
    tables = cues.load("en")
    return r.log_probs_many([reader.encode(reading.analyse(s, tables), r.index) for s in sentences])


MIX_GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def choose_mix(sentences: Sequence[str], labels: Sequence[str], linear_settings: dict | None = None,
               settings: dict | None = None, vectors=None, folds: int = 3) -> float:
    """The weight of the linear model in the average, by a ``folds``-fold CV inside the training
    sentences only (the outer test fold never sees it): both models trained on each inner part,
    every weight of MIX_GRID scored by macro-F1 on the held-out inner fold (corpus conventions)."""
    from sklearn.model_selection import StratifiedKFold

    from msvitd.text.strength import predict
    from msvitd.text.strength import train as linear

    pred = {w: [""] * len(sentences) for w in MIX_GRID}
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=0).split(sentences, labels):
        part = ([sentences[i] for i in tr], [labels[i] for i in tr])
        m = linear.train(*part, {**(linear_settings or {}), "tol": 1e-4})
        r = train(*part, settings, vectors)
        rows = log_probs(r, [sentences[i] for i in te])
        for i, row in zip(te, rows):
            for w in MIX_GRID:
                pred[w][i] = predict(sentences[i], m, "en", "yu2019", mixed=(w, tuple(row))).level
    scores = {w: _macro(labels, p) for w, p in pred.items()}
    return max(MIX_GRID, key=lambda w: (round(scores[w], 6), w))


def _macro(gold: Sequence[str], pred: Sequence[str]) -> float:
    f1 = []
    for lv in reading.LEVELS:
        tp = sum(1 for g, p in zip(gold, pred) if g == p == lv)
        f1.append(2 * tp / (list(pred).count(lv) + list(gold).count(lv)) if tp else 0.0)
    return sum(f1) / len(f1)
