"""How far each input may plausibly lie from its point value: the user's range or a default.

A range set on the map (Node.prior_range, Edge.strength_range) is used while the effective
value (after scenario overrides) lies inside it. Otherwise the default spread is about one
step of the strength scale either way: a prior's odds ×/÷ 2 (0.5 → 0.33…0.67) and a
strength's λ ×/÷ 2 (moderate 3 → weak 1.5 … strong 6). "none" (λ = 1) stays none: the user
said the reason is irrelevant. Sensitivity swings and Monte Carlo both use these bounds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.argmap import ArgumentMap
from model.credence.compiled import CompiledMap
from model.credence.engine import Weights
from model.weights import MAX_STRENGTH

SPREAD = 2.0


@dataclass(frozen=True)
class Bounds:
    """Low/high of every prior and strength, and which of them use the default spread."""

    prior_lo: np.ndarray
    prior_hi: np.ndarray
    lam_lo: np.ndarray
    lam_hi: np.ndarray
    prior_default: np.ndarray
    lam_default: np.ndarray

    @property
    def defaulted(self) -> int:
        """How many uncertain inputs use the default spread rather than a range the user set."""
        return int(self.prior_default.sum() + (self.lam_default & (self.lam_hi > 1.0)).sum())


def input_bounds(amap: ArgumentMap, cm: CompiledMap, w: Weights) -> Bounds:
    """Bounds for the inputs of a compiled map under one scenario's weights."""
    p, lam = w.prior, w.lam
    p_lo, p_hi = p / (SPREAD - (SPREAD - 1) * p), SPREAD * p / (1 + (SPREAD - 1) * p)
    l_lo, l_hi = np.maximum(1.0, lam / SPREAD), np.minimum(MAX_STRENGTH, lam * SPREAD)
    l_hi = np.where(lam <= 1.0, 1.0, l_hi)
    p_def = np.ones(cm.n, dtype=bool)
    l_def = np.ones(len(cm.keys), dtype=bool)
    nodes, edges = amap.graph.nodes, amap.graph.edges
    for i, nid in enumerate(cm.ids):
        rng = nodes[nid]["node"].prior_range
        if rng is not None and rng[0] <= p[i] <= rng[1]:
            p_lo[i], p_hi[i], p_def[i] = rng[0], rng[1], False
    for e, key in enumerate(cm.keys):
        rng = edges[key]["edge"].strength_range
        if rng is not None and rng[0] <= lam[e] <= rng[1]:
            l_lo[e], l_hi[e], l_def[e] = rng[0], rng[1], False
    return Bounds(p_lo, p_hi, l_lo, l_hi, p_def, l_def)
