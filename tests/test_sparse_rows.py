"""model/sparse_rows.py must give, to the last bit, what scipy.sparse gave for the same TF-IDF
rows: the importer's ranking, merging and target matching compare these numbers with
thresholds and ties, and its proposals must not change because scipy is no longer imported."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from model.sparse_rows import Rows
from model.tfidf import Tfidf

WORDS = st.sampled_from(
    ["scaling", "data", "compute", "agi", "wall", "models", "reasoning", "2030", "tokens",
     "self-play", "benchmarks", "limits", "growth", "energy", "chips", "the", "of"]
)  # fmt: skip
STOP = {"the", "of"}  # the stop words among WORDS
DOCS = st.lists(st.lists(WORDS, min_size=1, max_size=30).map(" ".join), min_size=2, max_size=12)


def _scipy(rows: Rows) -> sparse.csr_matrix:
    return sparse.csr_matrix((rows.data, rows.indices, rows.indptr), shape=rows.shape)


def _scipy_weigh(vec: Tfidf, counts: Rows) -> sparse.csr_matrix:
    """The weighting as model/tfidf.py did it on scipy.sparse before this module."""
    x = _scipy(counts).tocsr(copy=True)
    x.sum_duplicates()
    x.data = np.log(x.data) + 1.0
    x = (x @ sparse.diags(vec.idf_)).tocsr()
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ x)


@settings(max_examples=200, deadline=None)
@given(DOCS, DOCS, st.sampled_from([(1, 1), (1, 2)]))
def test_weights_and_products_equal_scipys_to_the_last_bit(docs, other_docs, ngram) -> None:
    vec = Tfidf(ngram_range=ngram)
    if not any(set(d.split()) - STOP for d in docs):  # as scikit-learn: nothing to weigh
        with pytest.raises(ValueError, match="empty vocabulary"):
            vec.fit_transform(docs)
        return
    x = vec.fit_transform(docs)
    y = vec.transform(other_docs)
    xs = _scipy_weigh(vec, vec._counts([vec._terms(d) for d in docs]))
    ys = _scipy_weigh(vec, vec._counts([vec._terms(d) for d in other_docs]))
    assert np.array_equal(x.toarray(), xs.toarray())
    assert np.array_equal(y.toarray(), ys.toarray())
    assert np.array_equal(x.dot_rows(y), (xs @ ys.T).toarray())  # targets, title similarity
    assert np.array_equal(x.dot_rows(x), (xs @ xs.T).toarray())  # near-duplicates, overlaps
    half = len(docs) // 2
    assert np.array_equal(  # targets: a block of rows against a column-sliced block
        x.slice(half, len(docs)).dot_rows(x.slice(0, half)),
        (xs[half:] @ xs[:half].T.tocsc()).toarray(),
    )
    colsum = np.asarray(xs.sum(axis=0)).ravel()  # the ranker's centrality
    assert np.array_equal(x.column_sums(), colsum)
    assert np.array_equal(x.dot(x.column_sums()), np.asarray(xs @ colsum).ravel())
    assert np.array_equal(x.squared_sums(), np.asarray(xs.multiply(xs).sum(axis=1)).ravel())


def test_an_empty_row_has_no_terms_and_zero_products() -> None:
    vec = Tfidf()
    x = vec.fit_transform(["scaling compute grows", "the of and"])
    assert x.toarray()[1].sum() == 0 and x.squared_sums()[1] == 0
    assert x.dot_rows(x)[1].tolist() == [0.0, 0.0]
