"""GraphML for yEd, Gephi and other graph tools, written and read by networkx.

Nodes carry `label` (what yEd and Gephi show) plus Cruxmap's kind, prior and text; edges carry
relation, strength and a signed `weight` (+λ supports, −λ attacks) for layout tools.
"""

from __future__ import annotations

import io
import math
import re
from typing import Any
from xml.etree.ElementTree import ParseError

import networkx as nx

from model.argmap import ArgumentMap
from storage.interchange.errors import InterchangeError
from storage.interchange.graphbuild import ForeignEdge, ForeignNode, build

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    """Drop the characters XML 1.0 cannot hold (control characters other than tab and newline)."""
    return _NOT_XML.sub("", value)


def to_graph(amap: ArgumentMap) -> nx.DiGraph:
    g = nx.DiGraph(title=xml_text(amap.meta.get("title", "")))
    for n in amap.nodes():
        g.add_node(xml_text(n.id), label=xml_text(n.title), kind=n.kind, prior=n.prior,
                   text=xml_text(n.text), tags=xml_text(",".join(n.tags)))  # fmt: skip
    for e in amap.edges():
        weighed = {}  # an unweighed link carries no strength and no weight
        if e.strength is not None:
            weighed = {"strength": e.strength, "weight": e.sign * e.strength}
        g.add_edge(xml_text(e.source), xml_text(e.target), relation=e.relation, **weighed)
    return g


def dumps(amap: ArgumentMap) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(to_graph(amap), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def loads(data: bytes) -> ArgumentMap:
    """Parse GraphML into a new map; InterchangeError names the line or element."""
    try:
        g = nx.read_graphml(io.BytesIO(data), force_multigraph=False)
    except ParseError as exc:
        line, col = exc.position
        raise InterchangeError(f"line {line}, column {col}: not well-formed XML") from None
    except Exception as exc:  # noqa: BLE001 - networkx raises many kinds on foreign files
        raise InterchangeError(f"GraphML could not be read: {exc}") from None
    nodes = [_node(key, attrs) for key, attrs in g.nodes(data=True)]
    edges = [_edge(u, v, attrs) for u, v, attrs in g.edges(data=True)]
    return build(nodes, edges, str(g.graph.get("title", "")))


def _node(key: Any, attrs: dict[str, Any]) -> ForeignNode:
    where = f"<node id={key!r}>"
    data: dict[str, Any] = {"id": str(key)}
    for name in ("kind", "prior", "text"):
        if name in attrs:
            data[name] = attrs[name]
    title = str(attrs.get("label") or attrs.get("title") or attrs.get("name") or key)
    tags = tuple(t for t in str(attrs.get("tags", "")).split(",") if t)
    return ForeignNode(str(key), title, where, "", data, tags)


def _edge(u: Any, v: Any, attrs: dict[str, Any]) -> ForeignEdge:
    where = f"<edge source={u!r} target={v!r}>"
    weight = attrs.get("weight")
    relation = attrs.get("relation")
    if relation is None:
        relation = "attacks" if isinstance(weight, int | float) and weight < 0 else "supports"
    data = {}
    if "strength" in attrs:
        data["strength"] = attrs["strength"]
    elif isinstance(weight, int | float) and math.isfinite(weight) and abs(weight) >= 1:
        data["strength"] = abs(weight)
    return ForeignEdge(str(u), str(v), str(relation), where, data)
