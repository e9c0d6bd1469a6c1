"""TF-IDF as scikit-learn's TfidfVectorizer computes it, without importing scikit-learn.

Why not the library: `import sklearn.feature_extraction.text` costs ~0.7 s, and every article
import runs in a fresh sandboxed child (storage/sandbox.py) that would pay it each time — most of
the cold import's wait; the credence panel's overlap check paid it once more in the app itself. This module reproduces the settings Cruxmap uses (lower-casing, a token
pattern, English stop words, word n-grams, sublinear tf, smoothed idf, l2 rows) as
`model.sparse_rows.Rows` (scipy.sparse's numbers without its 0.1 s import); tests/test_tfidf.py
checks that it equals scikit-learn's output for any text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from model.sparse_rows import Rows

# The importer's data folder, by path: importing model.importer would load the whole importer
# for the credence panel, which needs only this.
STOP_WORDS = Path(__file__).parent / "importer" / "data" / "stop_words_english.txt"
DEFAULT_TOKENS = r"(?u)\b\w\w+\b"  # scikit-learn's default token_pattern


@cache
def english_stop_words() -> frozenset[str]:
    """scikit-learn's ENGLISH_STOP_WORDS, from the data file that names its source."""
    lines = STOP_WORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


class Tfidf:
    """fit_transform / transform with TfidfVectorizer(sublinear_tf=True, stop_words="english",
    ngram_range, token_pattern) semantics; rows are l2-normalised."""

    def __init__(self, ngram_range: tuple[int, int] = (1, 1), token_pattern: str = DEFAULT_TOKENS):
        self.ngram_range = ngram_range
        self._token = re.compile(token_pattern)
        self.vocabulary_: dict[str, int] = {}
        self.idf_: np.ndarray = np.zeros(0)

    def _terms(self, doc: str) -> list[str]:
        stop = english_stop_words()
        words = [w for w in self._token.findall(doc.lower()) if w not in stop]
        low, high = self.ngram_range
        terms = list(words) if low == 1 else []
        for n in range(max(low, 2), min(high, len(words)) + 1):
            terms.extend(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
        return terms

    def _counts(self, docs: Sequence[list[str]]) -> Rows:
        """Term counts of documents given as their term lists, each row by ascending column."""
        cols: list[int] = []
        vals: list[int] = []
        indptr = [0]
        for terms in docs:
            seen: dict[int, int] = {}
            for t in terms:
                c = self.vocabulary_.get(t)
                if c is not None:
                    seen[c] = seen.get(c, 0) + 1
            for c in sorted(seen):
                cols.append(c)
                vals.append(seen[c])
            indptr.append(len(cols))
        return Rows(np.asarray(vals, dtype=float), np.asarray(cols, dtype=np.int64),
                    np.asarray(indptr, dtype=np.int64), len(self.vocabulary_))  # fmt: skip

    def _weigh(self, counts: Rows) -> Rows:
        data = (np.log(counts.data) + 1.0) * self.idf_[counts.indices]  # sublinear tf x idf
        x = Rows(data, counts.indices, counts.indptr, counts.width)
        norms = np.sqrt(x.squared_sums())
        norms[norms == 0] = 1.0
        return x.scaled(1.0 / norms)

    def fit_transform(self, docs: Sequence[str]) -> Rows:
        """Learn the vocabulary and idf of docs and return their rows; ValueError when no term
        is left (only stop words), as scikit-learn raises."""
        terms = [self._terms(doc) for doc in docs]  # tokenised once, for vocabulary and counts
        vocab = sorted({t for doc in terms for t in doc})
        if not vocab:
            raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
        self.vocabulary_ = {t: i for i, t in enumerate(vocab)}
        counts = self._counts(terms)
        df = np.bincount(counts.indices, minlength=len(vocab))
        self.idf_ = np.log((1 + len(docs)) / (1 + df)) + 1.0  # smoothed idf
        return self._weigh(counts)

    def transform(self, docs: Sequence[str]) -> Rows:
        """Rows of new docs in the fitted vocabulary (unknown terms are ignored)."""
        return self._weigh(self._counts([self._terms(doc) for doc in docs]))
