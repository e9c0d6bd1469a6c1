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

from model.argmap import ArgumentMap, Change

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
    from model.tfidf import Tfidf  # scikit-learn's TF-IDF numbers without its 0.7 s import

    docs = [statement(amap, r) for r in reasons]
    try:
        x = Tfidf().fit_transform(docs)
    except ValueError:  # nothing but stop words
        return []
    sim = x.dot_rows(x)
    i, j = np.triu_indices(len(reasons), k=1)
    hits = sim[i, j] >= threshold
    pairs = [
        Overlap(node_id, reasons[a], reasons[b], float(sim[a, b]))
        for a, b in zip(i[hits].tolist(), j[hits].tolist(), strict=True)
    ]
    return sorted(pairs, key=lambda o: -o.similarity)


def statement(amap: ArgumentMap, node_id: str) -> str:
    """What of a reason is compared: its title and text."""
    node = amap.node(node_id)
    return f"{node.title} {node.text}"


def all_overlaps(amap: ArgumentMap, threshold: float = SIMILAR) -> list[Overlap]:
    """Every near-duplicate pair of sibling reasons on the map."""
    out: list[Overlap] = []
    for node in amap.nodes():
        if amap.graph.in_degree(node.id) >= 2:
            out += overlapping_reasons(amap, node.id, threshold)
    return out


class ThesisOverlaps:
    """The near-duplicate pairs among the thesis's reasons, kept until an edit touches what
    they are computed from: the thesis, which nodes bear on it, or one of those nodes' title
    and text. The change notifications say which nodes and links an edit touched, so telling
    a weight edit from a text edit costs the size of the edit, not of the thesis's reasons."""

    def __init__(self) -> None:
        self._thesis: str | None = None
        self._texts: dict[str, str] | None = None  # reason id → the text compared
        self._pairs: list[Overlap] = []
        self._nodes: set[str] = set()  # nodes an edit touched since the last check
        self._links = False  # a link into the thesis came or went (or changed)

    def heard(self, changes: list[Change]) -> None:
        for ch in changes:
            if ch.kind == "reset":
                self._texts = None
            elif ch.kind == "node":
                self._nodes.add(ch.key)
            elif ch.kind == "edge" and ch.key[1] == self._thesis:
                self._links = True

    def pairs(self, amap: ArgumentMap) -> list[Overlap]:
        """The pairs, most alike first; recomputed only when they may have changed."""
        thesis = amap.thesis
        tid = thesis.id if thesis else None
        if self._stale(amap, tid):
            self._recompute(amap, tid)
        self._nodes, self._links = set(), False
        return self._pairs

    def _stale(self, amap: ArgumentMap, tid: str | None) -> bool:
        texts = self._texts
        if texts is None or tid != self._thesis:
            return True
        if self._links and set(amap.graph.pred[tid]) != texts.keys():
            return True
        return any(
            n in texts and (n not in amap or statement(amap, n) != texts[n]) for n in self._nodes
        )

    def _recompute(self, amap: ArgumentMap, tid: str | None) -> None:
        self._thesis = tid
        self._texts = {r: statement(amap, r) for r in amap.graph.pred[tid]} if tid else {}
        self._pairs = overlapping_reasons(amap, tid) if tid else []
