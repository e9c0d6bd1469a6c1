"""The map compiled into numpy arrays, and the propagation passes that run on them.

Compiling is done once per structural change (a node or link added or removed); a weight
change only rewrites an entry of the weight arrays and re-propagates the nodes downstream
of it. Strongly connected components (cycles) are solved as one unit by damped fixed-point
iteration; everything else is evaluated children first, one dependency level at a time,
vectorised over the level (and over Monte Carlo samples when the arrays carry a sample axis).

The reasons bearing on node v are the edges `in_edges[in_lo[v]:in_hi[v]]`. A fresh compile
sorts the edge arrays by (level of target, target), so `in_edges` is 0, 1, 2, …; a leaf added
later (`patch.py`) appends its link to the edge arrays and only inserts into `in_edges`, so
edge positions, and everything keyed by them, stay put.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np

TOLERANCE = 1e-9
MAX_ITERATIONS = 500
DAMPING = 0.5
EPS = 1e-6


@dataclass
class Cycle:
    """A strongly connected component: its members and the slice of edges bearing on them."""

    members: np.ndarray
    edges: np.ndarray  # edge indices whose target is a member, grouped by member
    starts: np.ndarray  # reduceat offsets into `edges`, one per member
    intra: np.ndarray  # edge indices inside the component


@dataclass
class CompiledMap:
    """Node and edge index arrays in evaluation order; built by `compile_map`."""

    ids: list[str]
    index: dict[str, int]
    keys: list[tuple[str, str]]
    edge_index: dict[tuple[str, str], int]
    src: np.ndarray
    dst: np.ndarray
    in_lo: np.ndarray
    in_hi: np.ndarray
    in_edges: np.ndarray  # edge ids grouped by target; v's slice is in_lo[v]:in_hi[v]
    out_ptr: np.ndarray
    out_edges: np.ndarray
    unit: np.ndarray  # node -> unit (topological position of its component)
    unit_node: np.ndarray  # unit -> its node, for units of one node
    cycles: dict[int, Cycle]  # unit -> cycle, only for components of size > 1
    node_level: np.ndarray
    nodes: list[Any]  # the Node values compiled (for the weights' starting values)
    edges: list[Any]  # the Edge values, in edge order
    _levels: tuple[list, list] | None = field(default=None, repr=False)

    @property
    def n(self) -> int:
        return len(self.ids)

    @property
    def levels(self) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, list[int]]]:
        """Per level: acyclic targets, their edge slices, and the cycles on it (full passes)."""
        return self._built()[0]

    @property
    def back_levels(self) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, list[int]]]:
        """Per level: edges by the level of their source (the backward pass of sensitivity)."""
        return self._built()[1]

    def _built(self) -> tuple[list, list]:
        # Built on first use: a full pass needs them, a weight or structural patch does not
        # (re-propagation walks the units), so a patched edit leaves them to the next full pass.
        if self._levels is None:
            self._levels = _build_levels(self)
        return self._levels


def compile_map(graph: nx.DiGraph) -> CompiledMap:
    """Index nodes and edges, find cycles and levels: the structure-only part of credence."""
    ids = list(graph.nodes)
    index = dict(zip(ids, range(len(ids))))
    n = len(ids)
    # The raw adjacency, not networkx's edge view (3x slower at 100,000 links); same order.
    edge_data = [(u, v, d["edge"]) for u, nbrs in graph._succ.items() for v, d in nbrs.items()]
    flat = np.fromiter(
        (index[w] for u, v, _ in edge_data for w in (u, v)), dtype=np.int64,
        count=2 * len(edge_data),
    )  # fmt: skip
    raw = flat.reshape(-1, 2)
    comp_of = np.arange(n)
    order, unit_level = _unit_order(n, raw[:, 0], raw[:, 1])
    if len(order) < n:  # some nodes sit on cycles: condense the strongly connected components
        for c, comp in enumerate(nx.strongly_connected_components(graph)):
            comp_of[[index[v] for v in comp]] = c
        order, unit_level = _unit_order(
            int(comp_of.max()) + 1, comp_of[raw[:, 0]], comp_of[raw[:, 1]]
        )
    k = len(order)
    unit_of_comp = np.empty(k, dtype=np.int64)
    unit_of_comp[order] = np.arange(k)
    unit = unit_of_comp[comp_of]
    level = unit_level[comp_of]
    unit_node = np.empty(k, dtype=np.int64)
    unit_node[unit] = np.arange(n)  # the node of a one-node unit
    # edges sorted by (level of target, target): each node's reasons are one slice
    perm = np.lexsort((raw[:, 1], level[raw[:, 1]])) if len(raw) else np.zeros(0, np.int64)
    src, dst = raw[perm, 0].copy(), raw[perm, 1].copy()
    chosen = [edge_data[i] for i in perm.tolist()]
    keys = [(u, v) for u, v, _ in chosen]
    counts = np.bincount(dst, minlength=n)
    in_lo = np.zeros(n, dtype=np.int64)
    if len(dst):
        first = np.flatnonzero(np.r_[True, dst[1:] != dst[:-1]])
        in_lo[dst[first]] = first
    in_hi = in_lo + counts
    out_edges = np.argsort(src, kind="stable")
    out_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=out_ptr[1:])
    cm = CompiledMap(
        ids=ids, index=index, keys=keys, edge_index=dict(zip(keys, range(len(keys)))),
        src=src, dst=dst, in_lo=in_lo, in_hi=in_hi, in_edges=np.arange(len(src)), out_ptr=out_ptr, out_edges=out_edges, unit=unit,
        unit_node=unit_node, cycles={}, node_level=level,
        nodes=[d["node"] for d in graph._node.values()], edges=[e for _, _, e in chosen],
    )  # fmt: skip
    sizes = np.bincount(comp_of, minlength=k)
    grouped, begin = np.argsort(comp_of, kind="stable"), np.cumsum(sizes) - sizes
    for c in np.flatnonzero(sizes > 1).tolist():
        members = grouped[begin[c] : begin[c] + sizes[c]]
        cm.cycles[int(unit_of_comp[c])] = _cycle(cm, members, comp_of, c)
    return cm


def _unit_order(k: int, cu: np.ndarray, cv: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Topological order of the components and each component's level (longest path from a leaf)."""
    cross = cu != cv
    cu, cv = cu[cross], cv[cross]
    indeg = np.bincount(cv, minlength=k)
    order_out = np.argsort(cu, kind="stable")
    ptr = np.zeros(k + 1, dtype=np.int64)
    np.cumsum(np.bincount(cu, minlength=k), out=ptr[1:])
    targets = cv[order_out]
    level = np.zeros(k, dtype=np.int64)
    frontier = np.flatnonzero(indeg == 0)
    order = []
    depth = 0
    while len(frontier):  # Kahn's algorithm, one whole level at a time
        level[frontier] = depth
        order.append(frontier)
        starts, ends = ptr[frontier], ptr[frontier + 1]
        reached = targets[_ranges(starts, ends)]
        indeg -= np.bincount(reached, minlength=k)
        cand = np.unique(reached)
        frontier = cand[indeg[cand] == 0]
        depth += 1
    return (np.concatenate(order) if order else np.zeros(0, np.int64)), level


def _ranges(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Concatenate arange(s, e) for each pair, vectorised."""
    lengths = ends - starts
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return offsets + np.arange(total)


def _cycle(cm: CompiledMap, members: np.ndarray, comp_of: np.ndarray, c: int) -> Cycle:
    edges = cm.in_edges[_ranges(cm.in_lo[members], cm.in_hi[members])]
    counts = cm.in_hi[members] - cm.in_lo[members]
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    intra = edges[comp_of[cm.src[edges]] == c]
    return Cycle(members, edges, starts, intra)


def _build_levels(cm: CompiledMap) -> tuple[list, list]:
    """Per level: acyclic targets with their edge slice, and the cycles on that level; and the
    edges grouped by the level of their source, for the backward pass."""
    depth = int(cm.node_level.max()) + 1 if cm.n else 0
    cyclic = np.zeros(cm.n, dtype=bool)
    for cyc in cm.cycles.values():
        cyclic[cyc.members] = True
    cycles_at: list[list[int]] = [[] for _ in range(depth)]
    for u, cyc in cm.cycles.items():
        cycles_at[int(cm.node_level[cyc.members[0]])].append(u)
    has_in = cm.in_hi > cm.in_lo
    levels, back = [], []
    for lev in range(depth):
        targets = np.flatnonzero((cm.node_level == lev) & has_in & ~cyclic)
        edges = cm.in_edges[_ranges(cm.in_lo[targets], cm.in_hi[targets])]
        counts = cm.in_hi[targets] - cm.in_lo[targets]
        starts = np.concatenate(([0], np.cumsum(counts)[:-1])) if len(targets) else counts
        levels.append((targets, edges, starts, cycles_at[lev]))
    # backward: edges grouped by the level of their source, skipping edges inside a cycle
    intra = np.zeros(len(cm.src), dtype=bool)
    for cyc in cm.cycles.values():
        intra[cyc.intra] = True
    src_level = cm.node_level[cm.src]
    for lev in range(depth):
        edges = np.flatnonzero((src_level == lev) & ~intra)
        nodes, local = np.unique(cm.src[edges], return_inverse=True)
        back.append((edges, nodes, local, cycles_at[lev]))
    return levels, back


# ---------------------------------------------------------------- the numbers
def logit(p: np.ndarray) -> np.ndarray:
    """Log-odds of priors clamped to [1e-6, 1 - 1e-6] so that 0 and 1 stay finite."""
    p = np.clip(p, EPS, 1 - EPS)
    return np.log(p) - np.log1p(-p)


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def edge_factor(lam: np.ndarray, sign: np.ndarray) -> np.ndarray:
    """k = ±ln λ (+ supports, − attacks): a reason of credence p adds p·k to its target's logit.

    p·ln λ is the reason's expected log-likelihood ratio: ln λ if it holds, 0 if it does not.
    Supports and attacks are mirror images, so framing cannot decide the answer."""
    sign = sign.reshape(sign.shape + (1,) * (np.ndim(lam) - 1))
    return sign * np.log(lam)


@dataclass
class Propagation:
    """Credence of every node (shape n, or n × samples) and how each cycle's iteration went."""

    p: np.ndarray
    cycles: dict[int, tuple[bool, int]] = field(default_factory=dict)  # unit -> (converged, its)

    @property
    def converged(self) -> bool:
        return all(ok for ok, _ in self.cycles.values())

    @property
    def iterations(self) -> int:
        """Most fixed-point iterations any cycle needed (0 on an acyclic map)."""
        return max((its for _, its in self.cycles.values()), default=0)


def propagate(cm: CompiledMap, lg: np.ndarray, k: np.ndarray) -> Propagation:
    """Full children-first pass; `lg` are prior logits, `k` edge factors (same trailing shape)."""
    p = sigmoid(lg)
    out = Propagation(p)
    for targets, edges, starts, cycles in cm.levels:
        if len(targets):
            contrib = p[cm.src[edges]] * k[edges]
            p[targets] = sigmoid(lg[targets] + np.add.reduceat(contrib, starts, axis=0))
        for u in cycles:
            out.cycles[u] = _solve_cycle(cm, cm.cycles[u], lg, k, p)
    return out


def _solve_cycle(
    cm: CompiledMap, cyc: Cycle, lg: np.ndarray, k: np.ndarray, p: np.ndarray
) -> tuple[bool, int]:
    """Damped fixed point p ← (1−d)·p + d·f(p), started from the priors, to TOLERANCE."""
    m = cyc.members
    p[m] = sigmoid(lg[m])
    src, kk, base = cm.src[cyc.edges], k[cyc.edges], lg[m]
    for it in range(1, MAX_ITERATIONS + 1):
        z = base + np.add.reduceat(p[src] * kk, cyc.starts, axis=0)
        new = (1 - DAMPING) * p[m] + DAMPING * sigmoid(z)
        delta = float(np.max(np.abs(new - p[m])))
        p[m] = new
        if delta < TOLERANCE:
            return True, it
    return False, MAX_ITERATIONS


def repropagate(
    cm: CompiledMap, lg: np.ndarray, k: np.ndarray, prop: Propagation, start: list[int]
) -> int:
    """Update `prop.p` in place after the weights of nodes `start` changed; returns units redone.

    Walks only downstream of the change, in topological order, and stops where a value
    does not move, so one weight change costs the length of its path to the thesis.
    """
    p = prop.p
    heap = sorted({int(cm.unit[v]) for v in start})
    queued = set(heap)
    done = 0
    src, in_lo, in_hi, in_edges, out_ptr, out_edges, dst = (
        cm.src,
        cm.in_lo,
        cm.in_hi,
        cm.in_edges,
        cm.out_ptr,
        cm.out_edges,
        cm.dst,
    )
    while heap:
        u = heapq.heappop(heap)
        done += 1
        if u in cm.cycles:
            cyc = cm.cycles[u]
            before = p[cyc.members].copy()
            prop.cycles[u] = _solve_cycle(cm, cyc, lg, k, p)
            changed = cyc.members if not np.array_equal(before, p[cyc.members]) else ()
        else:
            v = int(cm.unit_node[u])
            es = in_edges[in_lo[v] : in_hi[v]]
            if len(es) > 16:
                z = lg[v] + float(np.dot(p[src[es]], k[es]))
            else:
                z = float(lg[v])
                for e in es:
                    z += p[src[e]] * k[e]
            new = 0.5 * (1.0 + math.tanh(0.5 * z))
            changed = (v,) if new != p[v] else ()
            p[v] = new
        for v in changed:
            for e in out_edges[out_ptr[v] : out_ptr[v + 1]]:
                w = int(cm.unit[dst[e]])
                if w not in queued:
                    queued.add(w)
                    heapq.heappush(heap, w)
    return done
