"""Suggest where a proposed claim belongs in the map: TF-IDF cosine similarity to the nodes.

Very similar text means the claim is already there (offered as a new source: duplicate);
otherwise the relation follows from the claim's stance and the target's side of the thesis.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from model.importer.article import NodeRef

DUPLICATE = 0.6  # cosine at or above which a claim is taken to restate a node
MIN_SIM = 0.12  # below this the thesis itself is the suggested target
_MAX_CELLS = 4_000_000


def similarities(texts: Sequence[str], nodes: Sequence[NodeRef]) -> np.ndarray:
    """Cosine similarity matrix (len(texts) x len(nodes)) over word uni- and bigrams."""
    if not texts or not nodes:
        return np.zeros((len(texts), len(nodes)))
    from model.tfidf import Tfidf

    # A node is matched on its title, its text and both: a restatement of either is a duplicate.
    docs = (
        [f"{n.title} {n.text}" for n in nodes] + [n.title for n in nodes] + [n.text for n in nodes]
    )
    vec = Tfidf(ngram_range=(1, 2), token_pattern=r"(?u)\b\w[\w-]*\b")
    try:
        mat = vec.fit_transform(docs + list(texts))
    except ValueError:  # only stop words
        return np.zeros((len(texts), len(nodes)))
    k = len(nodes)
    node_rows = mat.slice(0, len(docs))
    out = np.zeros((len(texts), k))
    step = max(1, _MAX_CELLS // (3 * k))  # a dense block of at most _MAX_CELLS similarities
    for a in range(0, len(texts), step):
        sims = mat.slice(len(docs) + a, len(docs) + a + step).dot_rows(node_rows)
        out[a : a + step] = np.maximum(
            np.maximum(sims[:, :k], sims[:, k : 2 * k]), sims[:, 2 * k :]
        )
    return out


def relation_for(stance: str, node: NodeRef | None) -> str:
    """supports/attacks from the claim's stance and the node's side (thesis counts as +1)."""
    sign = {"pro": 1, "con": -1}.get(stance, 0)
    side = (node.side or 1) if node is not None else 1
    return "attacks" if sign * side < 0 else "supports"


def suggest(
    texts: Sequence[str],
    stances: Sequence[str],
    nodes: Sequence[NodeRef],
    thesis_id: str,
    sims: np.ndarray | None = None,
) -> list[tuple[str, str, float]]:
    """(target id, relation, similarity) per text (sims: similarities(texts, nodes) if known)."""
    sims = similarities(texts, nodes) if sims is None else sims
    thesis = next((n for n in nodes if n.id == thesis_id), None)
    out = []
    for i, stance in enumerate(stances):
        if len(nodes) and sims.shape[1]:
            j = int(np.argmax(sims[i]))
            best, sim = nodes[j], float(sims[i, j])
        else:
            best, sim = None, 0.0
        if best is not None and sim >= DUPLICATE and best.id != thesis_id:
            out.append((best.id, "duplicate", sim))
        elif best is not None and sim >= MIN_SIM:
            out.append((best.id, relation_for(stance, best), sim))
        else:
            out.append((thesis_id, relation_for(stance, thesis), sim))
    return out
