"""Any small structural edit folded into a compiled map, without re-reading the graph.

`patch.py` handles the commonest edit (one leaf added or removed) in place. Everything else a
person does by hand — a link between two existing nodes, a link removed, a node with reasons
deleted, a few nodes and links in one step (undo of a deletion, a merge) — comes here. What
makes `compile_map` dear at 100,000 nodes is its Python pass over every node and link (ids,
index dicts, edge tuples); here the arrays are edited with numpy (gathers and one insert per
new link), only the changed entries of the index dicts move, and the order and levels are
derived again with the same vectorised pass the compiler uses (`_unit_order`).

Positions are kept as in `patch.py`: a removed node's or link's place is taken by one from the
end, new ones are appended; `Reindex.node_from`/`edge_from` say where each kept entry came
from, so the engine moves its per-scenario arrays the same way.

Removals of any number are vectorised (holes and prefix sums), so the undo of an import is
patched too. Not patched (None: the engine recompiles): an edit that creates a cycle or
removes a link inside one (the strongly connected components would change), more than
`MAX_ADDED` new nodes and links in one step (an import: each new link is one insert into the
arrays, and recompiling is cheaper than that many), and a removed node that keeps a link the
edit did not remove.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from model.credence.compiled import CompiledMap, _cycle, _unit_order
from model.credence.patch import _slot

MAX_ADDED = 64  # new nodes + new links in one edit


@dataclass
class Reindex:
    """The patched map and how the old positions map onto the new ones."""

    cm: CompiledMap
    node_from: np.ndarray  # new node i < len(node_from) was old node node_from[i]; rest new
    edge_from: np.ndarray  # the same for links
    seeds: list[int]  # nodes whose reasons changed: re-propagate from them
    cycle_units: dict[int, int]  # old unit of each cycle → its new unit


def restructure(
    cm: CompiledMap,
    removed_edges: list[tuple[str, str]],
    removed_nodes: list[str],
    added_nodes: list[Any],
    added_edges: list[Any],
) -> Reindex | None:
    """`cm` with the links and nodes removed, then the nodes and links added (in that order);
    None where the edit is not patched (see the module docstring)."""
    if len(added_nodes) + len(added_edges) > MAX_ADDED:
        return None
    if not _valid(cm, removed_edges, removed_nodes, added_nodes):
        return None
    gone, new = set(removed_nodes), {n.id for n in added_nodes}
    if any(
        x in gone or (x not in cm.index and x not in new)
        for e in added_edges
        for x in (e.source, e.target)
    ):
        return None
    # ---- links out: the last kept links fill the holes
    dead_e = np.array(sorted(cm.edge_index[k] for k in removed_edges), dtype=np.int64)
    m1 = len(cm.src) - len(dead_e)
    keep_e = np.ones(len(cm.src), dtype=bool)
    keep_e[dead_e] = False
    edge_from, inv_e = _fill(keep_e, dead_e, m1)
    kept_pos = keep_e[cm.in_edges]
    prefix = np.concatenate(([0], np.cumsum(kept_pos)))
    in_lo, in_hi = prefix[cm.in_lo], prefix[cm.in_hi]
    in_edges = inv_e[cm.in_edges[kept_pos]]
    keys, edges, edge_index = _moved(cm.keys, cm.edges, cm.edge_index, edge_from, m1)
    # ---- nodes out, the same way
    dead_n = np.array(sorted(cm.index[i] for i in removed_nodes), dtype=np.int64)
    n1 = cm.n - len(dead_n)
    keep_n = np.ones(cm.n, dtype=bool)
    keep_n[dead_n] = False
    node_from, inv_n = _fill(keep_n, dead_n, n1)
    ids, nodes, index = _moved(cm.ids, cm.nodes, cm.index, node_from, n1)
    in_lo, in_hi = in_lo[node_from], in_hi[node_from]
    src, dst = inv_n[cm.src[edge_from]], inv_n[cm.dst[edge_from]]
    seeds = {int(inv_n[cm.dst[e]]) for e in dead_e.tolist()} - {-1}
    members = {u: inv_n[cyc.members] for u, cyc in cm.cycles.items()}
    # ---- nodes in, then links in
    for node in added_nodes:
        index[node.id] = len(ids)
        ids.append(node.id)
        nodes.append(node)
    pad = np.zeros(len(added_nodes), dtype=np.int64)
    in_lo, in_hi = np.concatenate((in_lo, pad)), np.concatenate((in_hi, pad))
    new_src = [index[e.source] for e in added_edges]
    new_dst = [index[e.target] for e in added_edges]
    for edge, v in zip(added_edges, new_dst, strict=True):
        edge_index[edge.key] = len(keys)
        in_lo, in_hi, in_edges = _slot(in_lo, in_hi, in_edges, v, len(keys))
        keys.append(edge.key)
        edges.append(edge)
        seeds.add(v)
    src = np.concatenate((src, np.array(new_src, dtype=np.int64)))
    dst = np.concatenate((dst, np.array(new_dst, dtype=np.int64)))
    parts = dict(ids=ids, index=index, keys=keys, edge_index=edge_index, src=src, dst=dst,
                 in_lo=in_lo, in_hi=in_hi, in_edges=in_edges, nodes=nodes, edges=edges)  # fmt: skip
    return _order(parts, members, node_from, edge_from, sorted(seeds))


def _valid(cm: CompiledMap, removed_edges: list, removed_nodes: list, added_nodes: list) -> bool:
    """Every removed link and node is in `cm`, no link inside a cycle goes, and a removed
    node loses all its links in the same edit."""
    if any(k not in cm.edge_index for k in removed_edges):
        return False
    if any(i not in cm.index for i in removed_nodes):
        return False
    if any(n.id in cm.index for n in added_nodes):
        return False
    dead = {cm.edge_index[k] for k in removed_edges}
    if any(cm.unit[cm.src[e]] == cm.unit[cm.dst[e]] for e in dead):
        return False  # inside a cycle: the component may fall apart
    for nid in removed_nodes:
        i = cm.index[nid]
        links = cm.in_edges[cm.in_lo[i] : cm.in_hi[i]].tolist()
        links += cm.out_edges[cm.out_ptr[i] : cm.out_ptr[i + 1]].tolist()
        if not dead.issuperset(links):
            return False
    return True


def _fill(keep: np.ndarray, dead: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Where each of the first `size` kept places comes from (the kept entries past `size`
    fill the holes below it, in order), and the inverse (−1 for dropped entries)."""
    holes = dead[dead < size]
    tails = np.flatnonzero(keep[size:]) + size
    came_from = np.arange(size)
    came_from[holes] = tails
    inverse = np.full(len(keep), -1, dtype=np.int64)
    inverse[came_from] = np.arange(size)
    return came_from, inverse


def _moved(
    names: list, values: list, where: dict, came_from: np.ndarray, size: int
) -> tuple[list, list, dict]:
    """The name and value lists and the name → place dict after `_fill`'s moves: only the
    moved and dropped entries are touched."""
    names2, values2, where2 = names[:size], values[:size], dict(where)
    for name in names[size:]:
        del where2[name]
    moved = np.flatnonzero(came_from != np.arange(size)).tolist()
    for h in moved:
        del where2[names[h]]
    for h in moved:
        t = int(came_from[h])
        names2[h], values2[h] = names[t], values[t]
        where2[names[t]] = h
    return names2, values2, where2


def _order(
    parts: dict,
    members: dict[int, np.ndarray],
    node_from: np.ndarray,
    edge_from: np.ndarray,
    seeds: list[int],
) -> Reindex | None:
    """Units, levels and out-lists as `compile_map` derives them; None on a new cycle."""
    n, src, dst = len(parts["ids"]), parts["src"], parts["dst"]
    comp_of = np.arange(n)
    if members:  # one component per cycle, numbered densely
        for m in members.values():
            comp_of[m] = m[0]
        comp_of = np.unique(comp_of, return_inverse=True)[1]
    k = int(comp_of.max()) + 1 if n else 0
    order, unit_level = _unit_order(k, comp_of[src], comp_of[dst])
    if len(order) < k:
        return None  # the new links close a cycle: the components change
    unit_of_comp = np.empty(k, dtype=np.int64)
    unit_of_comp[order] = np.arange(k)
    unit = unit_of_comp[comp_of]
    unit_node = np.empty(k, dtype=np.int64)
    unit_node[unit] = np.arange(n)
    out_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=out_ptr[1:])
    cm = CompiledMap(
        **parts, out_ptr=out_ptr, out_edges=np.argsort(src, kind="stable"), unit=unit,
        unit_node=unit_node, cycles={}, node_level=unit_level[comp_of],
    )  # fmt: skip
    cycle_units = {}
    for old_u, m in members.items():
        c = int(comp_of[m[0]])
        cm.cycles[int(unit_of_comp[c])] = _cycle(cm, m, comp_of, c)
        cycle_units[old_u] = int(unit_of_comp[c])
    return Reindex(cm, node_from, edge_from, seeds, cycle_units)
