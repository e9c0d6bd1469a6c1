"""A second, published semantics: DF-QuAD for bipolar argumentation, weighted by strength.

DF-QuAD (Rago, Toni, Aurisicchio, Baroni, KR 2016) gives each argument a strength in [0, 1]
from its base score τ (here: the prior) and the strengths of its supporters and attackers:
each side aggregates as F = 1 − Π(1 − vᵢ) (probabilistic sum), then

    σ = τ − τ·(F_att − F_sup)        if F_att ≥ F_sup
    σ = τ + (1 − τ)·(F_sup − F_att)  otherwise.

The original is unweighted; here a link of likelihood ratio λ passes on vᵢ = w·σ(child) with
w = 1 − 1/λ, so "none" (λ = 1) has no effect and "decisive" (λ = 20) passes on 95%. It is
monotone like the default model but saturates differently: many weak reasons cannot beat
one decisive one. Cycles use the same damped fixed point as the default model.
"""

from __future__ import annotations

import numpy as np

from model.argmap import ArgumentMap
from model.credence.compiled import (
    DAMPING,
    MAX_ITERATIONS,
    TOLERANCE,
    CompiledMap,
    Propagation,
)
from model.credence.engine import Result, engine_for


def _combine(tau: np.ndarray, sup: np.ndarray, att: np.ndarray) -> np.ndarray:
    return np.where(att >= sup, tau - tau * (att - sup), tau + (1 - tau) * (sup - att))


def _aggregate(
    p: np.ndarray, src: np.ndarray, w: np.ndarray, pos: np.ndarray, starts: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Probabilistic sums of supporters and attackers, per target (segments at `starts`)."""
    v = np.log1p(-np.minimum(w * p[src], 1 - 1e-15))
    sup = -np.expm1(np.add.reduceat(np.where(pos, v, 0.0), starts))
    att = -np.expm1(np.add.reduceat(np.where(pos, 0.0, v), starts))
    return sup, att


def propagate_dfquad(
    cm: CompiledMap, tau: np.ndarray, w: np.ndarray, sign: np.ndarray
) -> Propagation:
    """DF-QuAD strength of every node, children first, cycles by damped iteration."""
    p = tau.astype(float)
    out = Propagation(p)
    pos = sign > 0
    for targets, edges, starts, cycles in cm.levels:
        if len(targets):
            sup, att = _aggregate(p, cm.src[edges], w[edges], pos[edges], starts)
            p[targets] = _combine(tau[targets], sup, att)
        for u in cycles:
            cyc = cm.cycles[u]
            m, e = cyc.members, cyc.edges
            p[m] = tau[m]
            out.cycles[u] = (False, MAX_ITERATIONS)
            for it in range(1, MAX_ITERATIONS + 1):
                sup, att = _aggregate(p, cm.src[e], w[e], pos[e], cyc.starts)
                new = (1 - DAMPING) * p[m] + DAMPING * _combine(tau[m], sup, att)
                delta = float(np.max(np.abs(new - p[m])))
                p[m] = new
                if delta < TOLERANCE:
                    out.cycles[u] = (True, it)
                    break
    return out


def evaluate_dfquad(amap: ArgumentMap, scenario: str | None = None) -> Result:
    """Every node's DF-QuAD strength under a scenario, with the same weights as the default."""
    eng = engine_for(amap)
    res = eng.result(scenario)
    cm, wts = eng.compiled, eng.weights(scenario)
    assert cm is not None
    prop = propagate_dfquad(cm, wts.prior, 1.0 - 1.0 / wts.lam, wts.sign)
    return Result(
        res.scenario, cm.ids, cm.index, prop.p, prop.converged, prop.iterations, res.thesis
    )
