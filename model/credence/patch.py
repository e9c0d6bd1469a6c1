"""Structural edits folded into a compiled map without recompiling it from the graph.

Adding a leaf (a new node with no reasons, linked as a reason to one existing node) or removing
one is by far the most common structural edit; recompiling 100,000 nodes for it costs half a
second. Here only the arrays move (numpy inserts and deletes, O(E)), levels are walked up from
the target only as far as they move, and the engine re-propagates downstream of the target.
Any other edit (a link between existing nodes, a node with reasons, several at once) goes to
`restructure.py`, and what that declines to `compile_map`, which is always right.

Positions stay put wherever they can, so that everything keyed by them (the index dicts, the
scene's shown values) changes by one entry, not 100,000: a new node and its link are appended
(the link's id is inserted into its target's slice of `in_edges` only); a removed node's and
link's places are taken by the last node and the last link.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from model.credence.compiled import CompiledMap, _cycle


def add_leaf(cm: CompiledMap, node: Any, edge: Any | None) -> CompiledMap | None:
    """`cm` with `node` appended and, if given, its one link `edge` (node → existing target);
    None when the edit is not of that shape."""
    n, m = cm.n, len(cm.src)
    if node.id in cm.index or node.kind == "thesis":
        return None
    if edge is not None and (edge.source != node.id or edge.target not in cm.index):
        return None
    t = cm.index[edge.target] if edge is not None else -1
    index = dict(cm.index)
    index[node.id] = n
    src, dst, keys, edges, edge_index = cm.src, cm.dst, cm.keys, cm.edges, cm.edge_index
    in_lo, in_hi, in_edges = cm.in_lo, cm.in_hi, cm.in_edges
    if edge is not None:
        src, dst = np.append(src, n), np.append(dst, t)
        keys, edges = [*keys, edge.key], [*edges, edge]
        edge_index = dict(edge_index)
        edge_index[edge.key] = m
        in_lo, in_hi, in_edges = _slot(in_lo, in_hi, in_edges, t, m)
    cycles = {u + 1: cyc.members for u, cyc in cm.cycles.items()}  # the leaf's unit comes first
    return _finish(
        ids=[*cm.ids, node.id], index=index, keys=keys, edge_index=edge_index, src=src, dst=dst,
        in_lo=np.append(in_lo, 0), in_hi=np.append(in_hi, 0), in_edges=in_edges,
        unit=np.append(cm.unit + 1, 0), unit_node=np.r_[n, cm.unit_node], cycles=cycles,
        node_level=np.append(cm.node_level, 0), nodes=[*cm.nodes, node], edges=edges,
        seeds=[t] if edge is not None else [],
    )  # fmt: skip


def remove_leaf(cm: CompiledMap, node_id: str) -> tuple[CompiledMap, int, int] | None:
    """`cm` without the leaf `node_id` and its one outgoing link, with the removed node's index
    and edge index (−1 without a link; the last node and last link take those places); None
    when it has reasons or several links."""
    i = cm.index.get(node_id)
    if i is None or cm.in_hi[i] != cm.in_lo[i]:
        return None
    out = cm.out_edges[cm.out_ptr[i] : cm.out_ptr[i + 1]]
    if len(out) > 1:
        return None
    last = cm.n - 1
    src, dst, keys, edges, edge_index = cm.src, cm.dst, cm.keys, cm.edges, cm.edge_index
    in_lo, in_hi, in_edges = cm.in_lo, cm.in_hi, cm.in_edges
    e, seeds = -1, []
    if len(out):
        e, m = int(out[0]), len(src) - 1
        t = int(dst[e])
        seeds = [i if t == last else t]
        q = int(in_lo[t]) + int(np.flatnonzero(in_edges[in_lo[t] : in_hi[t]] == e)[0])
        in_edges = np.delete(in_edges, q)
        in_lo, in_hi = in_lo - (in_lo > q), in_hi - (in_hi > q)
        in_edges[in_edges == m] = e
        src, dst = swap_drop(src, e, m), swap_drop(dst, e, m)
        keys, edges, edge_index = list(keys), list(edges), dict(edge_index)
        del edge_index[keys[e]]
        keys[e], edges[e] = keys[m], edges[m]
        keys.pop(), edges.pop()
        if e != m:
            edge_index[keys[e]] = e
    ids, nodes, index = list(cm.ids), list(cm.nodes), dict(cm.index)
    ids[i], nodes[i] = ids[last], nodes[last]
    ids.pop(), nodes.pop()
    del index[node_id]
    if i != last:
        index[ids[i]] = i

    def relabel(a: np.ndarray) -> np.ndarray:
        return np.where(a == last, i, a) if i != last else a

    u_x = int(cm.unit[i])
    unit = swap_drop(cm.unit, i, last)
    unit -= unit > u_x
    cycles = {u - (u > u_x): relabel(cyc.members) for u, cyc in cm.cycles.items()}
    new = _finish(
        ids=ids, index=index, keys=keys, edge_index=edge_index, src=relabel(src),
        dst=relabel(dst), in_lo=swap_drop(in_lo, i, last), in_hi=swap_drop(in_hi, i, last),
        in_edges=in_edges, unit=unit, unit_node=relabel(np.delete(cm.unit_node, u_x)),
        cycles=cycles, node_level=swap_drop(cm.node_level, i, last), nodes=nodes, edges=edges,
        seeds=seeds,
    )  # fmt: skip
    return new, i, e


def _slot(
    in_lo: np.ndarray, in_hi: np.ndarray, in_edges: np.ndarray, t: int, e: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Edge `e` put into target t's slice: at its end, the slices after it moved up by one; a
    t without reasons gets a new slice at the very end (an empty slice has no place of its own:
    it may sit where another slice ends)."""
    lo, hi = int(in_lo[t]), int(in_hi[t])
    if lo == hi:
        in_lo, in_hi = in_lo.copy(), in_hi.copy()
        in_lo[t], in_hi[t] = len(in_edges), len(in_edges) + 1
        return in_lo, in_hi, np.append(in_edges, e)
    return in_lo + (in_lo >= hi), in_hi + (in_hi >= hi), np.insert(in_edges, hi, e)


def swap_drop(a: np.ndarray, i: int, last: int) -> np.ndarray:
    """A copy of `a[:last + 1]` without entry i, the last entry moved into its place."""
    out = a[:last].copy()
    if i != last:
        out[i] = a[last]
    return out


def _settle_levels(cm: CompiledMap, seeds: list[int]) -> None:
    """Bring `cm.node_level` back to each component's longest path from a leaf, after the
    reasons of `seeds` changed; walks only the nodes whose level moves and their successors."""
    level, work = cm.node_level, list(seeds)
    while work:
        v = work.pop()
        cyc = cm.cycles.get(int(cm.unit[v]))
        members = cyc.members if cyc is not None else np.array([v])
        es = cyc.edges if cyc is not None else cm.in_edges[cm.in_lo[v] : cm.in_hi[v]]
        srcs = cm.src[es]
        srcs = srcs[cm.unit[srcs] != cm.unit[v]]  # links inside the cycle do not count
        need = int(level[srcs].max()) + 1 if len(srcs) else 0
        if need == level[v]:
            continue
        level[members] = need
        for w in members.tolist():
            work.extend(cm.dst[cm.out_edges[cm.out_ptr[w] : cm.out_ptr[w + 1]]].tolist())


def _finish(**parts: Any) -> CompiledMap:
    """The derived arrays (out-lists, cycles, levels) from the patched primary ones."""
    members_of: dict[int, np.ndarray] = parts.pop("cycles")
    seeds: list[int] = parts.pop("seeds")
    src, n = parts["src"], len(parts["ids"])
    out_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=out_ptr[1:])
    cm = CompiledMap(**parts, out_ptr=out_ptr, out_edges=np.argsort(src, kind="stable"), cycles={})
    comp = np.full(n, -1, dtype=np.int64)
    for u, members in members_of.items():
        comp[members] = u
    for u, members in members_of.items():
        cm.cycles[u] = _cycle(cm, members, comp, u)
    _settle_levels(cm, seeds)
    return cm
