"""AIF JSON, the ARG-tech interchange format (AIFdb, OVA): I-nodes for statements, RA nodes
for inference (support) and CA nodes for conflict (attack).

A link c → v becomes I(c) → RA → I(v) or I(c) → CA → I(v). Cruxmap's own fields ride along
in a `cruxmap` object on each node, which AIF tools ignore and our importer reads back.
On import, dialogue nodes (L, YA, TA, MA, PA) are skipped; an RA with several premises gives
one link per premise.
"""

from __future__ import annotations

import json
from typing import Any

from model.argmap import ArgumentMap
from storage.interchange.errors import InterchangeError, parse_json
from storage.interchange.graphbuild import ForeignEdge, ForeignNode, build

SCHEME_TEXT = {"RA": "Default Inference", "CA": "Default Conflict"}
#: An RA/CA node links each premise to each conclusion: a hostile file could ask for n² links.
MAX_LINKS = 1_000_000
DIALOGUE_TYPES = {"L", "YA", "TA", "MA", "PA"}


def map_to_data(amap: ArgumentMap) -> dict[str, Any]:
    """The map as an AIF JSON object."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    number = {n.id: i for i, n in enumerate(amap.nodes(), 1)}
    for n in amap.nodes():
        extra = {"id": n.id, "kind": n.kind, "prior": n.prior, "body": n.text, "tags": list(n.tags)}
        nodes.append({"nodeID": str(number[n.id]), "text": n.title, "type": "I",
                      "timestamp": n.created, "cruxmap": extra})  # fmt: skip
    next_id = len(number) + 1
    for e in amap.edges():
        kind = "RA" if e.relation == "supports" else "CA"
        scheme = str(next_id)
        nodes.append({"nodeID": scheme, "text": SCHEME_TEXT[kind], "type": kind,
                      "timestamp": "", "cruxmap": {"strength": e.strength}})  # fmt: skip
        for k, (a, b) in enumerate(
            ((str(number[e.source]), scheme), (scheme, str(number[e.target])))
        ):
            edges.append({"edgeID": f"{scheme}.{k}", "fromID": a, "toID": b, "formEdgeID": None})
        next_id += 1
    meta = {"title": amap.meta.get("title", "")}
    return {"nodes": nodes, "edges": edges, "locutions": [], "cruxmap": meta}


def dumps(amap: ArgumentMap) -> str:
    return json.dumps(map_to_data(amap), ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def loads(text: str) -> ArgumentMap:
    """Parse AIF JSON into a new map; InterchangeError names the failing node or edge."""
    data = parse_json(text)
    return data_to_map(data)


def looks_like_aif(data: Any) -> bool:
    nodes = data.get("nodes") if isinstance(data, dict) else None
    return isinstance(nodes, list) and any(isinstance(n, dict) and "nodeID" in n for n in nodes)


def data_to_map(data: Any) -> ArgumentMap:
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise InterchangeError('not AIF JSON: expected an object with a "nodes" list')
    if not isinstance(data.get("edges", []), list):
        raise InterchangeError('"edges" must be a list')
    kinds, inodes = _read_nodes(data["nodes"])
    into: dict[str, list[tuple[str, str]]] = {}
    out_of: dict[str, list[tuple[str, str]]] = {}
    for i, e in enumerate(data.get("edges", [])):
        where = f"edges[{i}]"
        if not isinstance(e, dict) or "fromID" not in e or "toID" not in e:
            raise InterchangeError(f"{where}: an edge needs fromID and toID")
        a, b = _text(e["fromID"], where), _text(e["toID"], where)
        where = f"edges[{i}] (edgeID {str(e.get('edgeID', '?'))[:40]})"
        for end in (a, b):
            if end not in kinds:
                raise InterchangeError(f"{where}: node {end!r} does not exist")
        into.setdefault(b, []).append((a, where))
        out_of.setdefault(a, []).append((b, where))
    edges = _links(kinds, into, out_of)
    title = (
        data.get("cruxmap", {}).get("title", "") if isinstance(data.get("cruxmap"), dict) else ""
    )
    return build(list(inodes.values()), edges, title)


def _read_nodes(items: list[Any]) -> tuple[dict[str, tuple[str, dict]], dict[str, ForeignNode]]:
    kinds: dict[str, tuple[str, dict]] = {}
    inodes: dict[str, ForeignNode] = {}
    for i, n in enumerate(items):
        if not isinstance(n, dict) or "nodeID" not in n or "type" not in n:
            raise InterchangeError(f"nodes[{i}]: a node needs nodeID and type")
        nid, kind = _text(n["nodeID"], f"nodes[{i}]"), _text(n["type"], f"nodes[{i}]")
        where = f"nodes[{i}] (nodeID {nid})"
        if nid in kinds:
            raise InterchangeError(f"{where}: nodeID used twice")
        if kind not in {"I", "RA", "CA"} | DIALOGUE_TYPES:
            raise InterchangeError(f"{where}: unknown node type {kind!r}")
        extra = n.get("cruxmap") if isinstance(n.get("cruxmap"), dict) else {}
        kinds[nid] = (kind, extra)
        if kind == "I":
            data = {k: extra[k] for k in ("id", "kind", "prior", "tags") if k in extra}
            if "body" in extra:
                data["text"] = extra["body"]
            inodes[nid] = ForeignNode(nid, _text(n.get("text", ""), where), where, "", data)
    return kinds, inodes


def _text(value: Any, where: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise InterchangeError(f"{where}: text must be a string, not {type(value).__name__}")


def _links(
    kinds: dict[str, tuple[str, dict]],
    into: dict[str, list[tuple[str, str]]],
    out_of: dict[str, list[tuple[str, str]]],
) -> list[ForeignEdge]:
    """Every premise of an RA/CA node linked to each of its conclusions."""
    edges = []
    for nid, (kind, extra) in kinds.items():
        if kind not in ("RA", "CA"):
            continue
        premises = [(a, w) for a, w in into.get(nid, []) if kinds[a][0] == "I"]
        conclusions = [(b, w) for b, w in out_of.get(nid, []) if kinds[b][0] in ("I", "RA", "CA")]
        if not premises or not conclusions:
            raise InterchangeError(f"{kind} node {nid}: needs a premise and a conclusion I-node")
        relation = "supports" if kind == "RA" else "attacks"
        data = {"strength": extra["strength"]} if "strength" in extra else {}
        if len(edges) + len(premises) * len(conclusions) > MAX_LINKS:
            raise InterchangeError(
                f"{kind} node {nid}: more than {MAX_LINKS:,} links in all; not a map Cruxmap can hold"
            )
        for b, where in conclusions:
            if kinds[b][0] != "I":
                raise InterchangeError(
                    f"{where}: attacks on inferences (undercuts) are not supported"
                )
            for a, _ in premises:
                edges.append(ForeignEdge(a, b, relation, where, data))
    return edges
