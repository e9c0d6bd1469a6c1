"""Structural edits folded into a compiled map without recompiling it from the graph.

Adding a leaf (a new node with no reasons, linked as a reason to one existing node) or removing
one is by far the most common structural edit; recompiling 100,000 nodes for it costs half a
second. Here only the arrays move (numpy inserts and deletes, O(E)), and the engine re-propagates
downstream of the target. Whenever the edit could move a level (the target was a leaf, or loses
its only reason of the top level) the caller falls back to `compile_map`, which is always right.

Positions stay put wherever they can, so that everything keyed by them (the index dicts, the
scene's shown values) changes by one entry, not 100,000: a new node and its link are appended
(the link's id is inserted into its target's slice of `in_edges` only); a removed node's and
link's places are taken by the last node and the last link.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from model.credence.compiled import CompiledMap, _build_levels, _cycle


def add_leaf(cm: CompiledMap, node: Any, edge: Any | None) -> CompiledMap | None:
    """`cm` with `node` appended and, if given, its one link `edge` (node → existing target);
    None when the target's level would change (it had no reasons) or the shape is not that."""
    n, m = cm.n, len(cm.src)
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
    in_lo, in_hi, in_edges = cm.in_lo, cm.in_hi, cm.in_edges
    if edge is not None:
        src, dst = np.append(src, n), np.append(dst, t)
        keys, edges = [*keys, edge.key], [*edges, edge]
        edge_index = dict(edge_index)
        edge_index[edge.key] = m
        pos = int(in_hi[t])  # t has reasons (level ≥ 1), so its slice ends here
        in_edges = np.insert(in_edges, pos, m)
        in_lo, in_hi = in_lo + (in_lo >= pos), in_hi + (in_hi >= pos)
    cycles = {u + 1: cyc.members for u, cyc in cm.cycles.items()}  # the leaf's unit comes first
    return _finish(
        ids=[*cm.ids, node.id], index=index, keys=keys, edge_index=edge_index, src=src, dst=dst,
        in_lo=np.append(in_lo, 0), in_hi=np.append(in_hi, 0), in_edges=in_edges,
        unit=np.append(cm.unit + 1, 0), unit_node=np.r_[n, cm.unit_node], cycles=cycles,
        node_level=np.append(cm.node_level, 0), nodes=[*cm.nodes, node], edges=edges,
    )  # fmt: skip


def remove_leaf(cm: CompiledMap, node_id: str) -> tuple[CompiledMap, int, int] | None:
    """`cm` without the leaf `node_id` and its one outgoing link, with the removed node's index
    and edge index (−1 without a link; the last node and last link take those places); None
    when it has reasons, several links, or the target's level would drop."""
    i = cm.index.get(node_id)
    if i is None or cm.in_hi[i] != cm.in_lo[i]:
        return None
    out = cm.out_edges[cm.out_ptr[i] : cm.out_ptr[i + 1]]
    if len(out) > 1 or (len(out) == 1 and not _level_kept(cm, int(out[0]))):
        return None
    last = cm.n - 1
    src, dst, keys, edges, edge_index = cm.src, cm.dst, cm.keys, cm.edges, cm.edge_index
    in_lo, in_hi, in_edges = cm.in_lo, cm.in_hi, cm.in_edges
    e = -1
    if len(out):
        e, m = int(out[0]), len(src) - 1
        t = int(dst[e])
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
    )  # fmt: skip
    return new, i, e


def swap_drop(a: np.ndarray, i: int, last: int) -> np.ndarray:
    """A copy of `a[:last + 1]` without entry i, the last entry moved into its place."""
    out = a[:last].copy()
    if i != last:
        out[i] = a[last]
    return out


def _level_kept(cm: CompiledMap, e: int) -> bool:
    """Whether the target of edge `e` keeps its level once `e` (from a level-0 leaf) is gone."""
    t = int(cm.dst[e])
    cyc = cm.cycles.get(int(cm.unit[t]))
    if cyc is None:
        rest = cm.in_edges[cm.in_lo[t] : cm.in_hi[t]]
    else:
        inside = np.zeros(len(cm.src), dtype=bool)
        inside[cyc.intra] = True
        rest = cyc.edges[~inside[cyc.edges]]
    rest = rest[rest != e]
    new_level = int(cm.node_level[cm.src[rest]].max()) + 1 if len(rest) else 0
    return new_level == int(cm.node_level[t])


def _finish(**parts: Any) -> CompiledMap:
    """The derived arrays (out-lists, cycles, levels) from the patched primary ones."""
    members_of: dict[int, np.ndarray] = parts.pop("cycles")
    src, n = parts["src"], len(parts["ids"])
    out_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=out_ptr[1:])
    cm = CompiledMap(**parts, out_ptr=out_ptr, out_edges=np.argsort(src, kind="stable"), cycles={})
    comp = np.full(n, -1, dtype=np.int64)
    for u, members in members_of.items():
        comp[members] = u
    for u, members in members_of.items():
        cm.cycles[u] = _cycle(cm, members, comp, u)
    _build_levels(cm, cm.node_level, np.zeros(0, np.int64))
    return cm
