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
from model.validate import MAX_ID
from model.weights import STRENGTHS
from storage.interchange.errors import InterchangeError

#: Sinks weighed when a file names no thesis (see _pick_thesis).
MAX_THESIS_CANDIDATES = 20


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


def build(nodes: list[ForeignNode], edges: list[ForeignEdge], title: Any = "") -> ArgumentMap:
    """A new map from foreign nodes and edges; InterchangeError names the failing element."""
    amap = ArgumentMap()
    with amap.batch("import"):
        _fill(amap, nodes, edges)
    if title:
        try:
            amap.set_meta("title", _scalar_text(title, "the title"))
        except (MapError, ValueError) as exc:
            raise InterchangeError(f"the map's title: {exc}") from None
    return amap


def _scalar_text(value: Any, what: str) -> str:
    """Text, or a plain number written as text (YAML and GraphML type `2024` as a number)."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)  # a 4,300-digit integer raises ValueError: reported by the caller
    raise ValueError(f"{what} must be text, not {type(value).__name__}")


def _number(value: Any, what: str) -> Any:
    """A number, or text that reads as one (XML and YAML carry numbers as text, too)."""
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            raise ValueError(f"{what} must be a number, not {value[:40]!r}") from None
    return value  # the model's gate checks the type and range


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
            strength = fe.data.get("strength")  # a file without strengths: unweighed links
            if strength is not None and (
                not isinstance(strength, str) or strength.strip().lower() not in STRENGTHS
            ):
                strength = _number(strength, "strength")
            amap.link(u, v, _scalar_text(fe.relation, "relation"), strength)
        except (MapError, ValueError) as exc:
            raise InterchangeError(f"{fe.where}: {exc}") from None
    if not any(n.kind == "thesis" for n in amap.nodes()):
        _pick_thesis(amap)
    return ids


def _add_node(amap: ArgumentMap, fn: ForeignNode, taken: set[str]) -> str:
    try:
        return _add_checked_node(amap, fn, taken)
    except (MapError, TypeError, ValueError) as exc:
        raise InterchangeError(f"{fn.where}: {exc}") from None


def _add_checked_node(amap: ArgumentMap, fn: ForeignNode, taken: set[str]) -> str:
    data = fn.data
    kind = data.get("kind", "claim")
    if not isinstance(kind, str) or kind not in KINDS:
        shown = repr(kind)[:40] if isinstance(kind, str) else type(kind).__name__
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {shown}")
    wanted = _scalar_text(data.get("id", ""), "id") or None
    node_id = wanted if wanted and wanted not in taken and len(wanted) <= MAX_ID else new_id()
    tags = data.get("tags", [])
    if not isinstance(tags, list | tuple):
        raise ValueError("tags must be a list")
    tags = tuple(_scalar_text(t, "a tag") for t in tags)
    tags += tuple(t for t in fn.tags if t not in tags)
    fields: dict[str, Any] = {"text": _scalar_text(data.get("text", fn.text), "text"),
                              "tags": tags}  # fmt: skip
    title = _scalar_text(data.get("title", fn.title), "title")
    if not title.strip():
        title = fn.text.strip()[:80] or node_id
    if "prior" in data:
        fields["prior"] = _number(data["prior"], "prior")
    return amap.add_node(kind, title, node_id=node_id, **fields)


def _pick_thesis(amap: ArgumentMap) -> None:
    """Make the node most reasons lead to the thesis (it must not itself be a reason)."""
    g = amap.graph
    sinks = [n for n in g if g.out_degree(n) == 0 and g.in_degree(n)]
    # Each ancestor count walks the graph: weigh only the sinks most reasons point at directly,
    # so a file of 100,000 one-reason claims stays linear instead of quadratic.
    sinks = sorted(sinks, key=g.in_degree, reverse=True)[:MAX_THESIS_CANDIDATES]
    if sinks:
        best = max(sinks, key=lambda n: len(nx.ancestors(g, n)))
        amap.update_node(best, kind="thesis")
