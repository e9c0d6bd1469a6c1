"""Find and filter nodes: the pure logic behind the find bar and the filter bar.

Kept out of the UI so the rules ("a match is in the title, text, tags or a quote";
"filters combine with AND") can be tested without Qt and reused by the CLI.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from model.argmap import ArgumentMap
from model.entities import Citation, Node

SIDES = {"for": 1, "against": -1, "neutral": 0}


def reading_order(amap: ArgumentMap) -> list[str]:
    """All node ids as a reader meets them: the thesis, then its reasons breadth-first.

    Siblings come in creation order; nodes not connected to the thesis follow, also by creation.
    """
    by_age = sorted(amap.nodes(), key=lambda n: (n.created, n.id))
    rank = {n.id: i for i, n in enumerate(by_age)}
    order: list[str] = []
    seen: set[str] = set()
    thesis = amap.thesis
    queue: deque[str] = deque([thesis.id] if thesis else [])
    seen.update(queue)
    while queue:
        nid = queue.popleft()
        order.append(nid)
        for child in sorted(amap.graph.predecessors(nid), key=rank.__getitem__):
            if child not in seen:
                seen.add(child)
                queue.append(child)
    order.extend(n.id for n in by_age if n.id not in seen)
    return order


def node_matches(node: Node, needle: str) -> bool:
    """True when `needle` (already case-folded) occurs in the node's title, text, tags or quotes."""
    fields = [node.title, node.text, *node.tags, *(c.quote for c in node.citations)]
    return any(needle in f.casefold() for f in fields)


def find_nodes(amap: ArgumentMap, query: str) -> list[str]:
    """Ids of nodes matching `query` case-insensitively, in reading order; [] for a blank query."""
    needle = query.strip().casefold()
    if not needle:
        return []
    found = {n.id for n in amap.nodes() if node_matches(n, needle)}
    return [nid for nid in reading_order(amap) if nid in found] if found else []


def filter_nodes(
    amap: ArgumentMap,
    kinds: Iterable[str] | None = None,
    side: int | str | None = None,
    tags: Iterable[str] | None = None,
) -> set[str]:
    """Ids of nodes passing every given filter (None = no filter on that attribute).

    kinds: node kinds kept; side: +1/"for", -1/"against" or 0/"neutral" (see `sides`);
    tags: a node is kept when it has at least one of these tags.
    """
    want_side = SIDES[side] if isinstance(side, str) else side
    side_of = sides(amap) if want_side is not None else {}
    kind_set = set(kinds) if kinds is not None else None
    tag_set = set(tags) if tags is not None else None
    kept = set()
    for node in amap.nodes():
        if kind_set is not None and node.kind not in kind_set:
            continue
        if tag_set is not None and not tag_set.intersection(node.tags):
            continue
        if want_side is not None and side_of.get(node.id, 0) != want_side:
            continue
        kept.add(node.id)
    return kept


def sides(amap: ArgumentMap) -> dict[str, int]:
    """Every connected node's side (+1 for the thesis, -1 against) in one pass: see ArgumentMap.sides."""
    return amap.sides()


def all_tags(amap: ArgumentMap) -> list[str]:
    """Every tag used in the map, sorted case-insensitively (for the tag chooser)."""
    return sorted({t for n in amap.nodes() for t in n.tags}, key=str.casefold)


def locate_quote(text: str, citation: Citation) -> tuple[int, int] | None:
    """Where a citation's quote sits in its source's text: its stored span if that still holds
    the quote (or has no quote to check), else the first case-insensitive occurrence; else None.
    """
    start, end = citation.start, citation.end
    if start is not None and end is not None and 0 <= start < end <= len(text):
        if not citation.quote or _squash(text[start:end]) == _squash(citation.quote):
            return start, end
    quote = citation.quote.strip()
    if not quote:
        return None
    at = text.find(quote)
    if at < 0:
        at = text.casefold().find(quote.casefold())
        if at < 0 or len(text.casefold()) != len(text):  # folding changed offsets: unsafe
            return None
    return at, at + len(quote)


def _squash(s: str) -> str:
    return " ".join(s.split()).casefold()
