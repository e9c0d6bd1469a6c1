"""model/tfidf.py must give what scikit-learn's TfidfVectorizer gives, for any text: the
importer's claim ranking, near-duplicate merging and target matching were trained and measured
with scikit-learn's numbers."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.tfidf import Tfidf, english_stop_words

WORDS = st.sampled_from(
    ["scaling", "data", "the", "of", "compute", "AGI", "won't", "self-play", "model", "models",
     "x", "GPT-4", "and", "wall", "2030", "é", "über", "it", "is", "not", "a"]
)  # fmt: skip
DOCS = st.lists(st.lists(WORDS, max_size=14).map(" ".join), min_size=1, max_size=8)
SETTINGS = [((1, 1), r"(?u)\b\w\w+\b"), ((1, 2), r"(?u)\b\w[\w-]*\b")]


def _sklearn(ngram: tuple[int, int], pattern: str):  # noqa: ANN202
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        sublinear_tf=True, stop_words="english", ngram_range=ngram, token_pattern=pattern
    )


def test_the_stop_words_are_scikit_learns() -> None:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    assert english_stop_words() == ENGLISH_STOP_WORDS


@settings(max_examples=60, deadline=None)
@given(DOCS, DOCS, st.sampled_from(SETTINGS))
def test_rows_equal_scikit_learns_for_any_text(docs, new, setting) -> None:
    ngram, pattern = setting
    ours, theirs = Tfidf(ngram, pattern), _sklearn(ngram, pattern)
    try:
        want = theirs.fit_transform(docs)
    except ValueError:
        with pytest.raises(ValueError):
            ours.fit_transform(docs)
        return
    got = ours.fit_transform(docs)
    assert ours.vocabulary_ == theirs.vocabulary_
    assert np.allclose(got.toarray(), want.toarray(), atol=1e-12)
    assert np.allclose(ours.transform(new).toarray(), theirs.transform(new).toarray(), atol=1e-12)
