"""Structural edits folded into a compiled map without recompiling it from the graph.

Adding a leaf (a new node with no reasons, linked as a reason to one existing node) or removing
one is by far the most common structural edit; recompiling 100,000 nodes for it costs half a
second. Here only the arrays move (numpy inserts and deletes, O(E)), and the engine re-propagates
downstream of the target. Whenever the edit could move a level (the target was a leaf, or loses
its only reason of the top level) the caller falls back to `compile_map`, which is always right.

A patched map keeps the invariant the passes need: each node's reasons are one slice
`in_lo[v]:in_hi[v]`, slices grouped by level of target; within a level the slices are no longer
in node order after a removal (the last node takes the removed one's index, so the index dict
and id list change by one entry instead of being rebuilt).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from model.credence.compiled import CompiledMap, _build_levels, _cycle


def add_leaf(cm: CompiledMap, node: Any, edge: Any | None) -> CompiledMap | None:
    """`cm` with `node` appended and, if given, its one link `edge` (node → existing target);
    None when the target's level would change (it had no reasons) or the shape is not that."""
    n = cm.n
    if node.id in cm.index or node.kind == "thesis":
        return None
    if edge is not None and (edge.source != node.id or edge.target not in cm.index):
        return None
    t = cm.index[edge.target] if edge is not None else -1
    if edge is not None and cm.node_level[t] == 0:
        return None  # the target becomes level 1: levels downstream may move
    index = dict(cm.index)
    index[node.id] = n
    src, dst, keys, edges, edge_index = cm.src, cm.dst, cm.keys, cm.edges, cm.edge_index
    if edge is not None:
        pos = int(cm.in_hi[t])
        src, dst = np.insert(src, pos, n), np.insert(dst, pos, t)
        keys, edges = list(keys), list(edges)
        keys.insert(pos, edge.key)
        edges.insert(pos, edge)
        edge_index = _reindexed(edge_index, keys, pos)
    cycles = {u + 1: cyc.members for u, cyc in cm.cycles.items()}  # the leaf's unit comes first
    return _finish(
        ids=[*cm.ids, node.id], index=index, keys=keys, edge_index=edge_index, src=src, dst=dst,
        unit=np.append(cm.unit + 1, 0), unit_node=np.r_[n, cm.unit_node], cycles=cycles,
        node_level=np.append(cm.node_level, 0), nodes=[*cm.nodes, node], edges=edges,
    )  # fmt: skip


def remove_leaf(cm: CompiledMap, node_id: str) -> tuple[CompiledMap, int, int] | None:
    """`cm` without the leaf `node_id` and its one outgoing link, with the removed node's index
    and edge index (−1 without a link); None when it has reasons, several links, or the
    target's level would drop."""
    i = cm.index.get(node_id)
    if i is None or cm.in_hi[i] != cm.in_lo[i]:
        return None
    out = cm.out_edges[cm.out_ptr[i] : cm.out_ptr[i + 1]]
    if len(out) > 1 or (len(out) == 1 and not _level_kept(cm, int(out[0]))):
        return None
    n, last = cm.n, cm.n - 1
    src, dst, keys, edges, edge_index = cm.src, cm.dst, cm.keys, cm.edges, cm.edge_index
    e = -1
    if len(out):
        e = int(out[0])
        src, dst = np.delete(src, e), np.delete(dst, e)
        keys, edges = list(keys), list(edges)
        del keys[e], edges[e]
        edge_index = dict(edge_index)
        del edge_index[cm.keys[e]]
        edge_index = _reindexed(edge_index, keys, e, copy=False)
    # the last node takes index i: only its entries change
    ids, nodes, index = list(cm.ids), list(cm.nodes), dict(cm.index)
    ids[i], nodes[i] = ids[last], nodes[last]
    ids.pop(), nodes.pop()
    del index[node_id]
    if i != last:
        index[ids[i]] = i

    def relabel(a: np.ndarray) -> np.ndarray:
        return np.where(a == last, i, a) if i != last else a

    u_x = int(cm.unit[i])
    unit, level = cm.unit.copy(), cm.node_level.copy()
    unit[i], level[i] = unit[last], level[last]
    unit, level = unit[:last], level[:last]
    unit -= unit > u_x
    cycles = {u - (u > u_x): relabel(cyc.members) for u, cyc in cm.cycles.items()}
    new = _finish(
        ids=ids, index=index, keys=keys, edge_index=edge_index, src=relabel(src),
        dst=relabel(dst), unit=unit, unit_node=relabel(np.delete(cm.unit_node, u_x)),
        cycles=cycles, node_level=level, nodes=nodes, edges=edges,
    )  # fmt: skip
    assert new.n == n - 1
    return new, i, e


def _level_kept(cm: CompiledMap, e: int) -> bool:
    """Whether the target of edge `e` keeps its level once `e` (from a level-0 leaf) is gone."""
    t = int(cm.dst[e])
    cyc = cm.cycles.get(int(cm.unit[t]))
    if cyc is None:
        rest = np.arange(cm.in_lo[t], cm.in_hi[t])
    else:
        inside = np.zeros(len(cm.src), dtype=bool)
        inside[cyc.intra] = True
        rest = cyc.edges[~inside[cyc.edges]]
    rest = rest[rest != e]
    new_level = int(cm.node_level[cm.src[rest]].max()) + 1 if len(rest) else 0
    return new_level == int(cm.node_level[t])


def _reindexed(
    edge_index: dict[tuple[str, str], int], keys: list, start: int, copy: bool = True
) -> dict[tuple[str, str], int]:
    """`edge_index` with the keys from `start` on at their new positions."""
    out = dict(edge_index) if copy else edge_index
    out.update(zip(keys[start:], range(start, len(keys))))
    return out


def _finish(**parts: Any) -> CompiledMap:
    """The derived arrays (slices, out-lists, cycles, levels) from the patched primary ones."""
    members_of: dict[int, np.ndarray] = parts.pop("cycles")
    src, dst, n = parts["src"], parts["dst"], len(parts["ids"])
    counts = np.bincount(dst, minlength=n)
    in_lo = np.zeros(n, dtype=np.int64)
    if len(dst):
        first = np.flatnonzero(np.r_[True, dst[1:] != dst[:-1]])
        in_lo[dst[first]] = first
    out_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=out_ptr[1:])
    cm = CompiledMap(
        **parts, in_lo=in_lo, in_hi=in_lo + counts, out_ptr=out_ptr,
        out_edges=np.argsort(src, kind="stable"), cycles={},
    )  # fmt: skip
    comp = np.full(n, -1, dtype=np.int64)
    for u, members in members_of.items():
        comp[members] = u
    for u, members in members_of.items():
        cm.cycles[u] = _cycle(cm, members, comp, u)
    _build_levels(cm, cm.node_level, np.zeros(0, np.int64))
    return cm
