"""Why a node has its credence: how many points each reason moves it, with vs without.

The pull of a reason c → v is p(v) − p(v without that link), all else held as it is. On an
acyclic map nothing upstream of v depends on v, so this is exactly what deleting the link
would do to v; inside a cycle it is the local effect at the fixed point.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.argmap import ArgumentMap
from model.credence.compiled import sigmoid
from model.credence.engine import engine_for
from model.weights import strength_label


@dataclass(frozen=True)
class Pull:
    """One reason's effect on its target, in percentage points (+ raises, − lowers)."""

    source: str
    target: str
    title: str
    relation: str
    strength: float
    label: str
    credence: float
    points: float


@dataclass(frozen=True)
class Explanation:
    """A node's credence, its prior, and every reason bearing on it, strongest pull first."""

    node_id: str
    title: str
    credence: float
    prior: float
    reasons: tuple[Pull, ...]

    @property
    def supporting(self) -> list[Pull]:
        return [r for r in self.reasons if r.points > 0]

    @property
    def attacking(self) -> list[Pull]:
        return [r for r in self.reasons if r.points < 0]


def edge_pulls(amap: ArgumentMap, scenario: str | None = None) -> np.ndarray:
    """Pull in points of every link, in the engine's edge order (`engine.compiled.keys`)."""
    eng = engine_for(amap)
    res = eng.result(scenario)
    cm, w = eng.compiled, eng.weights(scenario)
    assert cm is not None
    return _pulls(cm.src, cm.dst, w.k, w.lg, res.values)


def _pulls(
    src: np.ndarray, dst: np.ndarray, k: np.ndarray, lg: np.ndarray, p: np.ndarray
) -> np.ndarray:
    """p(v) − σ(z_v − p(c)·k) with z_v = logit π_v + Σ contributions (no clamping)."""
    contrib = p[src] * k
    z = lg + np.bincount(dst, weights=contrib, minlength=len(p))
    return 100.0 * (sigmoid(z[dst]) - sigmoid(z[dst] - contrib))


def explain(amap: ArgumentMap, node_id: str, scenario: str | None = None) -> Explanation:
    """The credence of `node_id` and the pull of each of its reasons."""
    eng = engine_for(amap)
    res = eng.result(scenario)
    cm, w = eng.compiled, eng.weights(scenario)
    assert cm is not None
    v = cm.index[node_id]
    es = cm.in_edges[cm.in_lo[v] : cm.in_hi[v]]
    pulls = _pulls(cm.src[es], cm.dst[es], w.k[es], w.lg, res.values)
    reasons = []
    for e, points in zip(es.tolist(), pulls.tolist(), strict=True):
        src, dst = cm.keys[e]
        edge = amap.edge(src, dst)
        reasons.append(
            Pull(src, dst, amap.node(src).title, edge.relation, float(w.lam[e]),
                 strength_label(float(w.lam[e])), res[src], points)
        )  # fmt: skip
    reasons.sort(key=lambda r: -abs(r.points))
    return Explanation(
        node_id, amap.node(node_id).title, res[node_id], float(w.prior[v]), tuple(reasons)
    )


def strongest_reasons(
    amap: ArgumentMap, k: int = 5, scenario: str | None = None
) -> tuple[list[Pull], list[Pull]]:
    """The thesis's `k` strongest reasons for and against (empty without a thesis)."""
    thesis = engine_for(amap).result(scenario).thesis
    if thesis is None:
        return [], []
    ex = explain(amap, thesis, scenario)
    return ex.supporting[:k], ex.attacking[:k]
