"""Cruxes: which inputs two readings of the map disagree on, and how much of the gap each explains.

Two scenarios (or a scenario and My view) give the thesis credences x and y. Every prior and
strength on which they differ is an input of the gap. For each we report two numbers:

- `closes`: how many points A's thesis moves when A adopts B's value for that input alone;
- `points`: its Shapley share of the gap — the average, over every order of switching the
  inputs from A's value to B's, of what switching that input adds. The shares always sum to
  the whole gap y − x, and two inputs that play the same role get the same share.

With few differing inputs the Shapley value is computed exactly (all 2ⁿ coalitions); with
many it is estimated from random permutations (each with its reverse, which lowers the
variance); each sampled permutation still telescopes to the whole gap, so the shares sum to
it exactly either way. Coalitions are columns of one vectorised propagation (the Monte Carlo
sample axis), so a permutation over n inputs costs one pass over n + 1 columns.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx
import numpy as np

from model.argmap import ArgumentMap
from model.credence.compiled import CompiledMap, compile_map, propagate
from model.credence.engine import Weights, engine_for

#: Up to this many differing inputs the Shapley value is exact (2ⁿ coalitions).
EXACT_MAX = 10
#: Elements (nodes and edges × columns) per vectorised pass: bounds memory (~16 MB a pass).
CHUNK_ELEMENTS = 2_000_000
#: Sampled permutations: at least this many, more while the work stays under WORK_ELEMENTS.
MIN_PERMUTATIONS = 16
MAX_PERMUTATIONS = 200
WORK_ELEMENTS = 40_000_000


@dataclass(frozen=True)
class Crux:
    """One input the two sides set differently, and its part in the gap (credence points)."""

    node: str  # the node whose prior it is, or the reason of the link whose strength it is
    title: str
    input: str  # "prior" or "strength"
    link: tuple[str, str] | None
    value_a: float | None  # None: the link is unweighed on that side
    value_b: float | None
    points: float  # Shapley share of the gap, B minus A
    closes: float  # A's thesis moves by this much when A adopts B's value alone


@dataclass(frozen=True)
class Cruxes:
    """The gap between two scenarios' thesis credences, taken apart input by input."""

    a: str
    b: str
    credence_a: float  # 0–1
    credence_b: float
    cruxes: tuple[Crux, ...]  # ranked by |points|
    method: str  # "exact" or "sampled"
    permutations: int  # sampled permutations (0 when exact)

    @property
    def gap(self) -> float:
        """y − x in credence points (0–100 scale)."""
        return 100.0 * (self.credence_b - self.credence_a)

    def describe_method(self) -> str:
        n = len(self.cruxes)
        if self.method == "exact":
            return f"exact Shapley attribution over {n} differing inputs"
        return (
            f"Shapley attribution estimated from {self.permutations} random orders of the "
            f"{n} differing inputs (the shares still sum to the whole gap)"
        )


@dataclass(frozen=True)
class _Inputs:
    nodes: np.ndarray  # node indices whose prior differs
    edges: np.ndarray  # edge indices whose strength differs


def cruxes(amap: ArgumentMap, a: str, b: str, seed: int = 0) -> Cruxes:
    """Rank the inputs on which scenarios `a` and `b` differ by their share of the thesis gap."""
    eng = engine_for(amap)
    ra, rb = eng.result(a), eng.result(b)
    if ra.thesis is None:
        raise ValueError("the map has no thesis: there is no gap to explain")
    cm, wa, wb = eng.compiled, eng.weights(a), eng.weights(b)
    assert cm is not None
    t = cm.index[ra.thesis]
    diff = _differing(amap, cm, wa, wb, ra.thesis)
    game = _Game(cm, wa, wb, diff, _cone(amap, cm, diff, t), ra.values)
    if game.n == 0:
        return Cruxes(a, b, ra[ra.thesis], rb[rb.thesis], (), "exact", 0)
    closes = game.value(np.eye(game.n, dtype=bool)) - ra.values[t]
    if game.n <= EXACT_MAX:
        shares, method, perms = _exact(game), "exact", 0
    else:
        perms = _permutation_count(game)
        shares, method = _sampled(game, perms, seed), "sampled"
    items = _items(amap, (ra.scenario, rb.scenario), cm, wa, wb, diff, 100 * shares, 100 * closes)
    items.sort(key=lambda c: -abs(c.points))
    return Cruxes(a, b, ra[ra.thesis], rb[rb.thesis], tuple(items), method, perms)


def _differing(
    amap: ArgumentMap, cm: CompiledMap, wa: Weights, wb: Weights, thesis: str
) -> _Inputs:
    """Inputs set differently on the two sides that can reach the thesis at all."""
    upstream = np.zeros(cm.n, dtype=bool)
    upstream[[cm.index[v] for v in nx.ancestors(amap.graph, thesis)]] = True
    upstream[cm.index[thesis]] = True
    nodes = np.flatnonzero((wa.lg != wb.lg) & upstream)
    edges = np.flatnonzero((wa.k != wb.k) & upstream[cm.dst])
    return _Inputs(nodes, edges)


@dataclass
class _Cone:
    """The part of the map the differing inputs can move, compiled on its own.

    Everything outside it keeps A's credences in every coalition, so a cone node's logit is
    its prior's plus the pull of its reasons from outside the cone, then the cone's own links."""

    cm: CompiledMap
    nodes: np.ndarray  # cone node -> full node index
    edges: np.ndarray  # cone edge -> full edge index
    outside: np.ndarray  # full edge indices from outside the cone into it
    outside_src: np.ndarray  # their reasons, as full node indices
    outside_dst: np.ndarray  # their targets, as cone node indices
    t: int


def _cone(amap: ArgumentMap, cm: CompiledMap, diff: _Inputs, t: int) -> _Cone:
    starts = {cm.ids[i] for i in diff.nodes.tolist()}
    starts |= {cm.keys[e][1] for e in diff.edges.tolist()}
    reach, stack = set(starts), list(starts)
    while stack:  # everything downstream of a change
        for w in amap.graph.successors(stack.pop()):
            if w not in reach:
                reach.add(w)
                stack.append(w)
    sub_cm = compile_map(amap.graph.subgraph(reach))
    nodes = np.array([cm.index[v] for v in sub_cm.ids], dtype=np.int64)
    edges = np.array([cm.edge_index[k] for k in sub_cm.keys], dtype=np.int64)
    inside = np.zeros(cm.n, dtype=bool)
    inside[nodes] = True
    outside = np.flatnonzero(inside[cm.dst] & ~inside[cm.src])
    local = np.full(cm.n, -1, dtype=np.int64)
    local[nodes] = np.arange(len(nodes))
    return _Cone(
        sub_cm, nodes, edges, outside, cm.src[outside], local[cm.dst[outside]], int(local[t])
    )


class _Game:
    """A coalition's value: the thesis with the inputs in it taken from B, the rest from A.

    Only the cone is propagated. Its nodes start from A's logit base (prior plus the pull of
    reasons from outside the cone); a coalition changes priors, cone links, and the pull of
    the few differing links that enter the cone from outside."""

    def __init__(
        self, cm: CompiledMap, wa: Weights, wb: Weights, diff: _Inputs, cone: _Cone,
        p_a: np.ndarray,
    ) -> None:  # fmt: skip
        self.cone, self.n = cone, len(diff.nodes) + len(diff.edges)
        m = len(diff.nodes)
        local = np.full(len(wa.lg), -1, dtype=np.int64)
        local[cone.nodes] = np.arange(len(cone.nodes))
        outside_pull = p_a[cone.outside_src] * wa.k[cone.outside]
        self.base = wa.lg[cone.nodes] + np.bincount(
            cone.outside_dst, outside_pull, minlength=len(cone.nodes)
        )
        self.k = wa.k[cone.edges]
        self.prior_at, self.prior_delta = local[diff.nodes], (wb.lg - wa.lg)[diff.nodes]
        edge_local = np.full(len(wa.k), -1, dtype=np.int64)
        edge_local[cone.edges] = np.arange(len(cone.edges))
        pos = edge_local[diff.edges]
        inner = pos >= 0
        self.inner_rows, self.inner_at = m + np.flatnonzero(inner), pos[inner]
        self.inner_k = wb.k[diff.edges[inner]]
        outer = diff.edges[~inner]  # differing links from outside the cone into it
        self.outer_rows, self.outer_at = m + np.flatnonzero(~inner), local[cm.dst[outer]]
        self.outer_delta = p_a[cm.src[outer]] * (wb.k[outer] - wa.k[outer])

    def value(self, switched: np.ndarray) -> np.ndarray:
        """The thesis credence for every coalition (row of `switched`: inputs taken from B)."""
        sub = self.cone.cm
        per = max(1, CHUNK_ELEMENTS // max(sub.n + len(sub.keys), 1))
        out = np.empty(len(switched))
        for start in range(0, len(switched), per):
            out[start : start + per] = self._chunk(switched[start : start + per])
        return out

    def _chunk(self, switched: np.ndarray) -> np.ndarray:
        c, m = len(switched), len(self.prior_at)
        sw = switched.T  # inputs × columns
        base = np.repeat(self.base[:, None], c, axis=1)
        base[self.prior_at] += sw[:m] * self.prior_delta[:, None]
        if len(self.outer_rows):
            np.add.at(base, self.outer_at, sw[self.outer_rows] * self.outer_delta[:, None])
        k = np.repeat(self.k[:, None], c, axis=1)
        k[self.inner_at] = np.where(sw[self.inner_rows], self.inner_k[:, None], k[self.inner_at])
        return propagate(self.cone.cm, base, k).p[self.cone.t]


def _exact(game: _Game) -> np.ndarray:
    """Shapley values from all 2ⁿ coalitions."""
    n = game.n
    codes = np.arange(2**n)
    masks = ((codes[:, None] >> np.arange(n)) & 1).astype(bool)
    v = game.value(masks)
    size = masks.sum(axis=1)
    weight = np.array([math.factorial(s) * math.factorial(n - s - 1) for s in range(n)])
    weight = weight / math.factorial(n)
    shares = np.empty(n)
    for i in range(n):
        without = codes[~masks[:, i]]
        shares[i] = np.sum(weight[size[without]] * (v[without | (1 << i)] - v[without]))
    return shares


def _permutation_count(game: _Game) -> int:
    sub = game.cone.cm
    per = (game.n + 1) * (sub.n + len(sub.keys))
    m = WORK_ELEMENTS // max(per, 1)
    return int(min(MAX_PERMUTATIONS, max(MIN_PERMUTATIONS, m))) // 2 * 2


def _sampled(game: _Game, perms: int, seed: int) -> np.ndarray:
    """Shapley values averaged over `perms` random orders (antithetic pairs), seeded."""
    n = game.n
    rng = np.random.default_rng(seed)
    orders = []
    for _ in range(perms // 2):
        order = rng.permutation(n)
        orders += [order, order[::-1]]
    steps = np.tri(n + 1, n, -1, dtype=bool)  # row j: the first j inputs of the order switched
    total = np.zeros(n)
    sub = game.cone.cm
    group = max(1, CHUNK_ELEMENTS // max((n + 1) * (sub.n + len(sub.keys)), 1))
    for start in range(0, len(orders), group):  # several orders share one vectorised pass
        batch = orders[start : start + group]
        switched = np.zeros((len(batch), n + 1, n), dtype=bool)
        for b, perm in enumerate(batch):
            switched[b][:, perm] = steps
        v = game.value(switched.reshape(-1, n)).reshape(len(batch), n + 1)
        for b, perm in enumerate(batch):
            total[perm] += np.diff(v[b])
    return total / len(orders)


def _items(
    amap: ArgumentMap, names: tuple[str, str], cm: CompiledMap, wa: Weights, wb: Weights,
    diff: _Inputs, shares: np.ndarray, closes: np.ndarray,
) -> list[Crux]:  # fmt: skip
    items = []
    for j, i in enumerate(diff.nodes.tolist()):
        nid = cm.ids[i]
        items.append(Crux(nid, amap.node(nid).title, "prior", None, float(wa.prior[i]),
                          float(wb.prior[i]), float(shares[j]), float(closes[j])))  # fmt: skip
    m = len(diff.nodes)
    for j, e in enumerate(diff.edges.tolist()):
        u, v = cm.keys[e]
        lam_a, lam_b = (amap.strength(u, v, name) for name in names)  # None: unweighed there
        items.append(Crux(u, amap.node(u).title, "strength", (u, v), lam_a, lam_b,
                          float(shares[m + j]), float(closes[m + j])))  # fmt: skip
    return items
