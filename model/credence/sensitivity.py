"""Which inputs swing the thesis most: every prior and strength ranked by influence.

One backward (adjoint) pass over the compiled map gives ∂p(thesis)/∂input for every input at
once, the way backpropagation does: g_v = ∂p(T)/∂p(v) is summed from v's targets, highest
level first, and a cycle's g is found by solving its small linear system. The first-order
swing |∂p(T)/∂x|·(high − low) ranks all inputs; the top ones then get exact low/high swings
by re-propagating downstream of that one input (the tornado chart's bars).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.argmap import ArgumentMap
from model.credence.compiled import EPS, CompiledMap, Propagation, edge_factor, logit, repropagate
from model.credence.engine import Weights, engine_for
from model.credence.ranges import input_bounds


@dataclass(frozen=True)
class Influence:
    """One input: its value, plausible low/high, the slope and the thesis credence at each end."""

    kind: str  # "prior" or "strength"
    key: str | tuple[str, str]
    label: str
    value: float
    low: float
    high: float
    slope: float  # ∂p(thesis)/∂value
    estimate: float  # first-order swing, points: |slope|·(high − low)·100
    at_low: float | None = None  # exact thesis credence with the input at `low` (top inputs)
    at_high: float | None = None

    @property
    def swing(self) -> float:
        """Exact swing in points when computed, else the first-order estimate."""
        if self.at_low is None or self.at_high is None:
            return self.estimate
        return 100.0 * abs(self.at_high - self.at_low)


@dataclass(frozen=True)
class Sensitivity:
    """The thesis credence and every input that can move it, most influential first."""

    thesis: str | None
    base: float | None
    inputs: tuple[Influence, ...]  # the first `limit` of the ranking
    defaulted: int  # inputs whose low/high are the default spread, not a range the user set
    ranked: int = 0  # inputs that move the thesis at all (the whole ranking's length)


def gradients(
    cm: CompiledMap, w: Weights, prop: Propagation, thesis: int
) -> tuple[np.ndarray, np.ndarray]:
    """∂p(thesis)/∂prior for every node and ∂p(thesis)/∂λ for every edge, in one pass."""
    p = prop.p
    g = np.zeros(cm.n)
    g[thesis] = 1.0
    slope = p * (1.0 - p)  # dp/dz
    coef = slope[cm.dst] * w.k  # ∂p(dst)/∂p(src) along each edge: z(dst) gains p(src)·k
    for edges, nodes, local, cycles in reversed(cm.back_levels):
        if len(edges):
            g[nodes] += np.bincount(
                local, weights=g[cm.dst[edges]] * coef[edges], minlength=len(nodes)
            )
        for u in cycles:
            _cycle_adjoint(cm, u, coef, g)
    prior = np.clip(w.prior, EPS, 1 - EPS)
    d_prior = g * slope / (prior * (1.0 - prior))
    d_prior[(w.prior <= EPS) | (w.prior >= 1 - EPS)] = 0.0  # clamped: locally flat
    d_lam = g[cm.dst] * slope[cm.dst] * p[cm.src] * w.sign / w.lam  # dk/dλ = ±1/λ
    return d_prior, d_lam


def _cycle_adjoint(cm: CompiledMap, u: int, coef: np.ndarray, g: np.ndarray) -> None:
    """Solve g_S = b_S + Mᵀ-part inside a cycle: (I − M) g = b with M[c, v] = ∂p(v)/∂p(c)."""
    cyc = cm.cycles[u]
    m = cyc.members
    local = {int(v): i for i, v in enumerate(m)}
    rows = [local[int(x)] for x in cm.src[cyc.intra]]
    cols = [local[int(x)] for x in cm.dst[cyc.intra]]
    import scipy.sparse as sp  # only maps with cycles need it: keep it off the start-up path
    import scipy.sparse.linalg as spla

    mat = sp.identity(len(m), format="csr") - sp.csr_matrix(
        (coef[cyc.intra], (rows, cols)), shape=(len(m), len(m))
    )
    solved = spla.spsolve(mat.tocsc(), g[m])
    g[m] = np.nan_to_num(np.atleast_1d(solved))


def sensitivity(
    amap: ArgumentMap, scenario: str | None = None, top: int = 20, limit: int | None = None
) -> Sensitivity:
    """Rank every prior and strength by its swing of the thesis; exact swings for the `top`.

    `limit` caps how many ranked inputs are returned (all by default)."""
    eng = engine_for(amap)
    res = eng.result(scenario)
    cm, w = eng.compiled, eng.weights(scenario)
    assert cm is not None
    if res.thesis is None:
        return Sensitivity(None, None, (), 0)
    t = cm.index[res.thesis]
    prop = eng.states[res.scenario].prop
    d_prior, d_lam = gradients(cm, w, prop, t)
    b = input_bounds(amap, cm, w)
    est_p = 100 * np.abs(d_prior) * (b.prior_hi - b.prior_lo)
    est_l = 100 * np.abs(d_lam) * (b.lam_hi - b.lam_lo)
    est = np.concatenate((est_p, est_l))
    order = np.argsort(-est, kind="stable")
    order = order[est[order] > 0]
    ranked = len(order)
    items = []
    for rank, j in enumerate(order[: max(top, limit if limit is not None else ranked)].tolist()):
        if j < cm.n:
            item = _prior_item(amap, cm, w, b, d_prior, est_p, j)
        else:
            item = _strength_item(amap, cm, w, b, d_lam, est_l, j - cm.n)
        if rank < top:
            lo, hi = (_thesis_with(cm, w, prop, t, item.kind, j, x) for x in (item.low, item.high))
            item = Influence(**{**item.__dict__, "at_low": lo, "at_high": hi})
        items.append(item)
    exact, rest = items[:top], items[top:]
    exact.sort(key=lambda i: -i.swing)
    items = (exact + rest)[:limit]
    return Sensitivity(res.thesis, res.thesis_credence, tuple(items), b.defaulted, ranked)


def _prior_item(amap, cm, w, b, d_prior, est, i) -> Influence:  # noqa: ANN001
    node = amap.node(cm.ids[i])
    what = "reliability" if node.kind == "evidence" else "prior"
    return Influence(
        "prior", node.id, f"{what}: {node.title}", float(w.prior[i]), float(b.prior_lo[i]),
        float(b.prior_hi[i]), float(d_prior[i]), float(est[i]),
    )  # fmt: skip


def _strength_item(amap, cm, w, b, d_lam, est, e) -> Influence:  # noqa: ANN001
    u, v = cm.keys[e]
    target = amap.node(v)
    label = (
        f"strength: {amap.node(u).title}"
        if target.kind == "thesis"
        else f"{amap.node(u).title} → {target.title}"
    )
    return Influence(
        "strength", (u, v), label, float(w.lam[e]), float(b.lam_lo[e]), float(b.lam_hi[e]),
        float(d_lam[e]), float(est[e]),
    )  # fmt: skip


def _thesis_with(
    cm: CompiledMap, w: Weights, prop: Propagation, t: int, kind: str, j: int, x: float
) -> float:
    """Exact thesis credence with one input set to `x` (arrays restored afterwards)."""
    trial = Propagation(prop.p.copy(), dict(prop.cycles))
    if kind == "prior":
        old = w.lg[j]
        w.lg[j] = logit(np.array([x]))[0]
        try:
            repropagate(cm, w.lg, w.k, trial, [j])
        finally:
            w.lg[j] = old
    else:
        e = j - cm.n
        old = w.k[e]
        w.k[e] = edge_factor(np.array([x]), w.sign[e : e + 1])[0]
        try:
            repropagate(cm, w.lg, w.k, trial, [int(cm.dst[e])])
        finally:
            w.k[e] = old
    return float(trial.p[t])
