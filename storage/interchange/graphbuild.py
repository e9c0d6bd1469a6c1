"""Shared by the foreign-format importers: turn parsed statements and relations into a map.

Argdown, AIF and GraphML all reduce to "nodes with optional Cruxmap data, and support or
attack relations between them"; building the map in one place keeps the rules the same:
ids are kept when unique, links are checked by the model, and a file without a thesis gets
the node the most reasons lead to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from model.argmap import ArgumentMap, MapError
from model.entities import KINDS, new_id
from storage.interchange.errors import InterchangeError


@dataclass
class ForeignNode:
    """A node read from a foreign file, with `where` naming its line or element for errors."""

    key: str
    title: str
    where: str
    text: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    tags: tuple[str, ...] = ()


@dataclass
class ForeignEdge:
    source: str
    target: str
    relation: str
    where: str
    data: dict[str, Any] = field(default_factory=dict)


def build(nodes: list[ForeignNode], edges: list[ForeignEdge], title: str = "") -> ArgumentMap:
    """A new map from foreign nodes and edges; InterchangeError names the failing element."""
    amap = ArgumentMap()
    with amap.batch("import"):
        _fill(amap, nodes, edges)
    if title:
        amap.set_meta("title", title)
    return amap


def _fill(amap: ArgumentMap, nodes: list[ForeignNode], edges: list[ForeignEdge]) -> dict[str, str]:
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for fn in nodes:
        ids[fn.key] = _add_node(amap, fn, taken)
        taken.add(ids[fn.key])
    for fe in edges:
        for end in (fe.source, fe.target):
            if end not in ids:
                raise InterchangeError(f"{fe.where}: no statement {end!r} to link")
        u, v = ids[fe.source], ids[fe.target]
        if amap.graph.has_edge(u, v) and amap.edge(u, v).relation == fe.relation:
            continue  # the same relation stated twice (Argdown lists it under both ends)
        try:
            strength = fe.data.get("strength", "moderate")
            amap.link(u, v, fe.relation, strength)
        except MapError as exc:
            raise InterchangeError(f"{fe.where}: {exc}") from None
    if not any(n.kind == "thesis" for n in amap.nodes()):
        _pick_thesis(amap)
    return ids


def _add_node(amap: ArgumentMap, fn: ForeignNode, taken: set[str]) -> str:
    data = fn.data
    kind = str(data.get("kind", "claim"))
    if kind not in KINDS:
        raise InterchangeError(f"{fn.where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    wanted = str(data.get("id", "")) or None
    node_id = wanted if wanted and wanted not in taken else new_id()
    tags = tuple(str(t) for t in data.get("tags", ()))
    tags += tuple(t for t in fn.tags if t not in tags)
    fields: dict[str, Any] = {"text": str(data.get("text", fn.text)), "tags": tags}
    title = str(data.get("title", fn.title))
    if not title.strip():
        title = fn.text.strip()[:80] or node_id
    try:
        if "prior" in data:
            fields["prior"] = float(data["prior"])
        amap.add_node(kind, title, node_id=node_id, **fields)
    except (MapError, TypeError, ValueError) as exc:
        raise InterchangeError(f"{fn.where}: {exc}") from None
    return node_id


def _pick_thesis(amap: ArgumentMap) -> None:
    """Make the node most reasons lead to the thesis (it must not itself be a reason)."""
    sinks = [n for n in amap.graph if amap.graph.out_degree(n) == 0 and amap.graph.in_degree(n)]
    if sinks:
        best = max(sinks, key=lambda n: len(nx.ancestors(amap.graph, n)))
        amap.update_node(best, kind="thesis")
