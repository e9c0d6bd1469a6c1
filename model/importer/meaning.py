"""What a sentence is about, as a vector: the mean of WordLlama's token embeddings.

WordLlama (MIT, https://github.com/dleemiller/WordLlama) distils an LLM's token table into static
256-dimensional embeddings trained for sentence similarity, and ships the weights in its wheel, so
this works offline. A vector carries what the words mean beyond any cue list, including words no
list holds; the stance model's meaning pass learns which side such meanings take from the
annotated claims.

The weights and tokenizer are read directly (safetensors, tokenizers) rather than through
`import wordllama`, whose package import costs ~0.3 s that an article import would feel; the
pooling is WordLlama's own: the plain mean of the token vectors, then unit length.
"""

from __future__ import annotations

import importlib.util
import json
import math
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

DIM = 256
_WEIGHTS = "weights/l2_supercat_256.safetensors"
_TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"


def _package_dir() -> Path | None:
    spec = importlib.util.find_spec("wordllama")
    locations = list(spec.submodule_search_locations or []) if spec else []
    return Path(locations[0]) if locations else None


@cache
def _model() -> tuple[object, np.ndarray] | None:
    """(tokenizer, token table), or None when WordLlama or its files are missing."""
    root = _package_dir()
    if root is None or not (root / _WEIGHTS).is_file() or not (root / _TOKENIZER).is_file():
        return None
    from tokenizers import Tokenizer

    table = _table(root / _WEIGHTS)  # float16: rows widen on use
    tokenizer = Tokenizer.from_file(str(root / _TOKENIZER))
    tokenizer.no_padding()  # each text's own tokens, all of them
    tokenizer.no_truncation()
    return tokenizer, table


def _table(path: Path) -> np.ndarray:
    """The token table, memory-mapped from the safetensors file (an 8-byte header length, a
    JSON header, then the raw little-endian data): an import reads only the rows its tokens
    touch, and a waiting import child does not hold all 16 MB."""
    with path.open("rb") as f:
        size = int.from_bytes(f.read(8), "little")
        info = json.loads(f.read(size))["embedding.weight"]
    start, end = info["data_offsets"]
    shape = tuple(info["shape"])
    if info["dtype"] != "F16" or end - start != 2 * math.prod(shape):
        from safetensors.numpy import load_file  # a layout this reader does not know

        return load_file(str(path))["embedding.weight"]
    return np.memmap(path, dtype="<f2", mode="r", offset=8 + size + start, shape=shape)


def available() -> bool:
    """Whether sentence vectors can be computed on this installation."""
    return _model() is not None


def vectors(texts: Sequence[str]) -> np.ndarray:
    """One unit vector per text (rows of zeros for an empty text, or without WordLlama)."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    model = _model()
    if model is None or not texts:
        return out
    tokenizer, table = model
    for i, enc in enumerate(tokenizer.encode_batch(list(texts), add_special_tokens=False)):
        ids = np.clip(np.asarray(enc.ids, dtype=np.int64), 0, len(table) - 1)
        if ids.size:
            v = table[ids].astype(np.float32).mean(axis=0)
            norm = float(np.linalg.norm(v))
            out[i] = v / norm if norm > 0 else v
    return out
