"""Reasons that say nearly the same thing: flagged so that one argument is not counted twice.

The model adds every reason's weight, so two sibling reasons (bearing on the same target)
that restate one argument count it twice. Each target's reasons are compared by the cosine
of their TF-IDF vectors (title and text, English stop words removed), with the inverse
document frequency taken over the siblings themselves: words every sibling shares (the
topic) count little, so only a shared *distinctive* vocabulary makes two reasons alike.

The threshold is 2/3 from what the cosine means, not from tuning on any text: for two
statements with equally weighted words the cosine is the share of their words in common,
so 2/3 says "most of what one says, the other says too" — a restatement, not two
arguments on one topic.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.argmap import ArgumentMap

SIMILAR = 2 / 3


@dataclass(frozen=True)
class Overlap:
    """Two reasons bearing on the same target that say nearly the same thing."""

    target: str
    first: str
    second: str
    similarity: float


def overlapping_reasons(
    amap: ArgumentMap, node_id: str, threshold: float = SIMILAR
) -> list[Overlap]:
    """Pairs of `node_id`'s reasons whose statements are near-duplicates, most alike first."""
    reasons = [e.source for e in amap.reasons(node_id)]
    if len(reasons) < 2:
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer  # lazily: it is slow to import

    docs = [f"{amap.node(r).title} {amap.node(r).text}" for r in reasons]
    try:
        x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(docs)
    except ValueError:  # nothing but stop words
        return []
    sim = (x @ x.T).toarray()
    i, j = np.triu_indices(len(reasons), k=1)
    hits = sim[i, j] >= threshold
    pairs = [
        Overlap(node_id, reasons[a], reasons[b], float(sim[a, b]))
        for a, b in zip(i[hits].tolist(), j[hits].tolist(), strict=True)
    ]
    return sorted(pairs, key=lambda o: -o.similarity)


def all_overlaps(amap: ArgumentMap, threshold: float = SIMILAR) -> list[Overlap]:
    """Every near-duplicate pair of sibling reasons on the map."""
    out: list[Overlap] = []
    for node in amap.nodes():
        if amap.graph.in_degree(node.id) >= 2:
            out += overlapping_reasons(amap, node.id, threshold)
    return out
