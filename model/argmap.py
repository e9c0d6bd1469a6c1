"""The argument map: a networkx DiGraph of claims plus sources, scenarios and trend series.

Pure Python (no Qt, no SQL). Every mutation validates, raises `MapError` with a message a
user can read, and is announced to listeners as a list of `Change`s at the end of the
outermost `batch()` — one batch is one user edit, which storage commits in one transaction
and the scene redraws in one go.
"""

from __future__ import annotations

import dataclasses
import gc
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import networkx as nx

from model import validate
from model.entities import (
    Citation,
    Edge,
    HistoryEntry,
    Node,
    Scenario,
    Series,
    Source,
    new_id,
    now_iso,
)
from model.weights import check_probability, strength_value

__all__ = [
    "ArgumentMap",
    "Change",
    "MapError",
    "Citation",
    "Edge",
    "HistoryEntry",
    "Node",
    "Scenario",
    "Series",
    "Source",
]


#: Where each kind of keyed value lives on the map (for batch rollback).
_STORES = {"source": "sources", "scenario": "scenarios", "series": "series", "meta": "meta"}


class MapError(ValueError):
    """An edit that would break the map's rules; the message is meant for the user."""


@dataclass(frozen=True)
class Change:
    """What changed: kind is node, edge, source, scenario, series, meta, history or reset."""

    kind: str
    key: Any = None


Listener = Callable[[list[Change]], None]


class ArgumentMap:
    """A debate as a graph: edges run from a reason (child) to the node it bears on."""

    def __init__(self) -> None:
        self.graph: nx.DiGraph = nx.DiGraph()
        self.sources: dict[str, Source] = {}
        self.scenarios: dict[str, Scenario] = {}
        self.series: dict[str, Series] = {}
        self.meta: dict[str, str] = {}
        self.history: list[HistoryEntry] = []
        self._theses: set[str] = set()
        self._shape = 0  # bumped when links, relations or theses change: keys the sides cache
        self._sides: tuple[int, dict[str, int]] | None = None
        self._before: dict[tuple[str, Any], Any] = {}
        self._listeners: list[Listener] = []
        self._depth = 0
        self._pending: list[Change] = []
        self.last_label = ""
        #: Called before the first change of every edit; the document writes an edit it has
        #: deferred (storage.document.MapDocument.defer_writes), so a commit never mixes two.
        self.before_edit: Callable[[], None] | None = None

    # ----------------------------------------------------------- notification
    def subscribe(self, listener: Listener, first: bool = False) -> None:
        """Call `listener(changes)` after each edit; `first` puts it before the others (storage)."""
        if first:
            self._listeners.insert(0, listener)
        else:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    @contextmanager
    def batch(self, label: str = "") -> Iterator[ArgumentMap]:
        """Group mutations into one edit, announced (and stored) once at the end.

        All or nothing: if the outermost batch ends with an exception, every change made in it
        is undone before anything is stored; what it touched is announced as changed, so caches
        that peeked mid-batch (the credence engine) see the old values again.
        """
        if self._depth == 0:
            self.last_label = label
        self._depth += 1
        try:
            yield self
        except BaseException:
            if self._depth == 1:
                self._rollback()
            raise
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._before.clear()
                self._flush()

    def pending_changes(self) -> list[Change]:
        """Changes made in the open batch and not yet announced (caches read this mid-batch)."""
        return list(self._pending)

    def _touch(self, kind: str, key: Any = None) -> None:
        """Remember a value before a batch first changes it, for `_rollback`; before the first
        change of an edit (outside a batch: every change), `before_edit` runs."""
        if self.before_edit is not None and not self._before:
            self.before_edit()
        if self._depth == 0 or (kind, key) in self._before:
            return
        if kind == "node":
            value = self.graph.nodes[key]["node"] if key in self.graph else None
        elif kind == "edge":
            value = self.graph.edges[key]["edge"] if self.graph.has_edge(*key) else None
        elif kind == "history":
            value = list(self.history)
        else:
            value = getattr(self, _STORES[kind]).get(key)
        self._before[(kind, key)] = value

    def _rollback(self) -> None:
        """Put back every value the open batch changed (nodes first, then links, then the rest)."""
        before, self._before = self._before, {}
        self._shape += 1
        self._pending = [Change(kind, key) for kind, key in before]
        for (kind, key), value in before.items():
            if kind == "node" and value is not None:
                if key in self.graph:
                    self.graph.nodes[key]["node"] = value
                else:
                    self.graph.add_node(key, node=value)
                self._track_kind(value)
        for (kind, key), value in before.items():
            if kind == "edge":
                if value is None:
                    if self.graph.has_edge(*key):
                        self.graph.remove_edge(*key)
                else:
                    self.graph.add_edge(*key, edge=value)
        for (kind, key), value in before.items():
            if kind == "node" and value is None and key in self.graph:
                self.graph.remove_node(key)
                self._theses.discard(key)
            elif kind == "history":
                self.history = value
            elif kind in _STORES:
                store = getattr(self, _STORES[kind])
                if value is None:
                    store.pop(key, None)
                else:
                    store[key] = value

    def _changed(self, kind: str, key: Any = None) -> None:
        self._pending.append(Change(kind, key))
        if self._depth == 0:
            self._flush()

    def _flush(self) -> None:
        changes = list(dict.fromkeys(self._pending))
        self._pending.clear()
        if not changes:
            return
        for listener in list(self._listeners):
            listener(changes)

    # ----------------------------------------------------------------- access
    def __contains__(self, node_id: object) -> bool:
        return node_id in self.graph

    def __len__(self) -> int:
        return self.graph.number_of_nodes()

    def node(self, node_id: str) -> Node:
        try:
            return self.graph.nodes[node_id]["node"]
        except KeyError:
            raise MapError(f"no node with id {node_id!r}") from None

    def edge(self, source: str, target: str) -> Edge:
        try:
            return self.graph.edges[source, target]["edge"]
        except KeyError:
            raise MapError(f"no link from {source!r} to {target!r}") from None

    def nodes(self) -> Iterator[Node]:
        for _, data in self.graph.nodes(data="node"):
            yield data

    def edges(self) -> Iterator[Edge]:
        for _, _, data in self.graph.edges(data="edge"):
            yield data

    def reasons(self, node_id: str) -> list[Edge]:
        """The edges bearing on `node_id` (its children's links)."""
        return [d for _, _, d in self.graph.in_edges(node_id, data="edge")]

    def targets(self, node_id: str) -> list[Edge]:
        """The edges from `node_id` to what it bears on."""
        return [d for _, _, d in self.graph.out_edges(node_id, data="edge")]

    @property
    def thesis(self) -> Node | None:
        """The thesis weighed by the map: the first thesis node by creation."""
        theses = [self.node(t) for t in self._theses]
        return min(theses, key=lambda n: (n.created, n.id)) if theses else None

    def sides(self) -> dict[str, int]:
        """Every node's side in one breadth-first pass from the thesis: +1 for, -1 against.

        The sign is the parity of attacks along a shortest path to the thesis (the first one
        met where two disagree); the thesis is 0, nodes with no path to it are missing.
        """
        return dict(self._side_map())

    def side(self, node_id: str) -> int:
        """+1 if the node argues for the thesis, -1 against, 0 for the thesis or unconnected."""
        return self._side_map().get(node_id, 0)

    def _side_map(self) -> dict[str, int]:
        """`sides()`, kept until a link, relation or thesis changes (a weight edit keeps it)."""
        if self._sides is not None and self._sides[0] == self._shape:
            return self._sides[1]
        thesis = self.thesis
        sign: dict[str, int] = {}
        if thesis is not None:
            sign[thesis.id] = 1
            pred = self.graph.pred
            queue = deque([thesis.id])
            while queue:
                nid = queue.popleft()
                for child, data in pred[nid].items():
                    if child not in sign:
                        sign[child] = sign[nid] * data["edge"].sign
                        queue.append(child)
            sign[thesis.id] = 0
        self._sides = (self._shape, sign)
        return sign

    def _side_of_new_leaf(self, edge: Edge) -> bool:
        """Keep the sides cache when a node without links becomes a reason: the pass would
        meet it from its one target only and reach nobody through it. False: no cache to keep."""
        if self._sides is None or self._sides[0] != self._shape:
            return False
        sign = self._sides[1]
        thesis = self.thesis
        base = 1 if thesis is not None and edge.target == thesis.id else sign.get(edge.target)
        if base is not None:
            sign[edge.source] = base * edge.sign
        return True

    def _leaf_gone(self, node_id: str, edges: list[Edge] | None = None) -> bool:
        """Keep the sides cache when a node that no link bears on loses its links (or goes):
        nobody's side was found through it. False: the cache must be rebuilt."""
        if self._sides is None or self._sides[0] != self._shape:
            return False
        if edges is None:
            if node_id in self.graph and self.graph.in_degree(node_id):
                return False
        elif any(e.target == node_id for e in edges):
            return False
        self._sides[1].pop(node_id, None)
        return True

    # ------------------------------------------------------------------ nodes
    def add_node(
        self,
        kind: str = "claim",
        title: str = "",
        *,
        node_id: str | None = None,
        **fields: Any,
    ) -> str:
        """Create a node and return its id."""
        stamp = now_iso()
        fields.setdefault("created", stamp)
        fields.setdefault("modified", stamp)
        node = Node(id=node_id or new_id(), kind=kind, title=title, **fields)
        self.insert_node(node)
        return node.id

    def insert_node(self, node: Node) -> None:
        """Put an exact node value into the map (used by undo and loading)."""
        checked = _checked_node(node)
        if node.id in self.graph:
            raise MapError(f"a node with id {node.id!r} already exists")
        self._touch("node", node.id)
        self.graph.add_node(node.id, node=checked)
        self._track_kind(node)
        self._changed("node", node.id)

    def update_node(self, node_id: str, **changes: Any) -> Node:
        """Change fields of a node; returns the old value. Unchanged values announce nothing."""
        old = self.node(node_id)
        touch = set(changes) - {"pos", "pinned", "collapsed", "modified"}
        if touch and "modified" not in changes:
            changes["modified"] = now_iso()
        try:
            new = dataclasses.replace(old, **changes)
        except TypeError as exc:
            raise MapError(f"unknown node field: {exc}") from None
        if new == old:
            return old
        new = _checked_node(new)
        if new.kind == "thesis" and old.kind != "thesis" and self.graph.out_degree(node_id):
            raise MapError("a thesis cannot be a reason for another node: unlink it first")
        self._touch("node", node_id)
        self.graph.nodes[node_id]["node"] = new
        self._track_kind(new)
        self._changed("node", node_id)
        return old

    def _track_kind(self, node: Node) -> None:
        if node.kind == "thesis":
            self._theses.add(node.id)
            self._shape += 1  # which thesis comes first may have changed
        elif node.id in self._theses:
            self._theses.discard(node.id)
            self._shape += 1

    def replace_node(self, node: Node) -> None:
        """Put back an exact earlier value of an existing node (undo)."""
        self.node(node.id)
        if self.graph.nodes[node.id]["node"] != node:
            checked = _checked_node(node)
            self._touch("node", node.id)
            self.graph.nodes[node.id]["node"] = checked
            self._track_kind(node)
            self._changed("node", node.id)

    def remove_node(self, node_id: str) -> tuple[Node, list[Edge]]:
        """Delete a node and its links; returns both so an undo can restore them."""
        node = self.node(node_id)
        edges = [d for _, _, d in self.graph.in_edges(node_id, data="edge")]
        edges += [d for _, _, d in self.graph.out_edges(node_id, data="edge")]
        with self.batch():
            self._touch("node", node_id)
            for e in edges:
                self._touch("edge", e.key)
                self._changed("edge", e.key)
            self.graph.remove_node(node_id)
            self._theses.discard(node_id)
            if node.kind == "thesis" or not self._leaf_gone(node_id, edges):
                self._shape += 1
            self._changed("node", node_id)
        return node, edges

    def load_graph(self, nodes: Iterable[Node], edges: Iterable[Edge]) -> None:
        """Fill an empty map from stored values: the same checks as one by one, in bulk, unannounced.

        For reading a file, where nobody listens yet and a bad value refuses the whole file.
        """
        if self.graph.number_of_nodes():
            raise MapError("load_graph fills an empty map only")
        checked = []
        for n in nodes:
            try:
                checked.append(_checked_node(n))
            except MapError as exc:
                raise MapError(f"node {_name(n.id)}: {exc}") from None
        _fill_nodes(self.graph, checked)
        if self.graph.number_of_nodes() != len(checked):
            raise MapError("two nodes share one id")
        self._theses = {n.id for n in checked if n.kind == "thesis"}
        self._shape += 1
        edges = list(edges)
        if self._plain_links(edges):  # every link checked at once: the common case
            _fill_edges(self.graph, edges)
            return
        for edge in edges:  # one by one, to name the first bad link
            try:
                edge = self._check_edge(edge)
            except MapError as exc:
                raise MapError(f"{_link_name(edge)}: {exc}") from None
            if self.graph.has_edge(edge.source, edge.target):
                raise MapError(f"{_link_name(edge)} is stored twice")
            self.graph.add_edge(edge.source, edge.target, edge=edge)

    def _plain_links(self, edges: list[Edge]) -> bool:
        """True when every link passes the gate unchanged and fits the map: plain typed values
        (`validate.plain_edge`), both ends present, no loop, no thesis as a reason, no link
        twice. Loading 100,000 links this way skips a per-link check; any doubt (False) takes
        the per-link path, which names the first bad link."""
        nodes = self.graph._node
        theses = self._theses
        if not all(validate.plain_edge(e) for e in edges):
            return False
        ok = all(
            e.source in nodes and e.target in nodes and e.source != e.target
            and e.source not in theses
            for e in edges
        )  # fmt: skip
        return ok and len({(e.source, e.target) for e in edges}) == len(edges)

    def restore_node(self, node: Node, edges: list[Edge]) -> None:
        """Undo `remove_node`: the node and the links it had."""
        with self.batch():
            self.insert_node(node)
            for e in edges:
                self.insert_edge(e)

    # ------------------------------------------------------------------ edges
    def link(
        self,
        source: str,
        target: str,
        relation: str = "supports",
        strength: str | float | None = None,
        strength_range: tuple[float, float] | None = None,
    ) -> Edge:
        """Make `source` a reason for `target`; without a strength the link is unweighed."""
        try:
            lam = None if strength is None else strength_value(strength)
        except ValueError as exc:
            raise MapError(str(exc)) from None
        edge = Edge(source, target, relation, lam, strength_range)
        self.insert_edge(edge)
        return edge

    def insert_edge(self, edge: Edge) -> None:
        """Put an exact edge value into the map (used by undo and loading)."""
        edge = self._check_edge(edge)
        if self.graph.has_edge(edge.source, edge.target):
            raise MapError("these two nodes are already linked")
        self._touch("edge", edge.key)
        leaf = not self.graph.in_degree(edge.source) and not self.graph.out_degree(edge.source)
        self.graph.add_edge(edge.source, edge.target, edge=edge)
        if not (leaf and self._side_of_new_leaf(edge)):
            self._shape += 1
        self._changed("edge", edge.key)

    def update_edge(self, source: str, target: str, **changes: Any) -> Edge:
        """Change relation or strength of a link; returns the old value."""
        old = self.edge(source, target)
        if changes.get("strength") is not None:
            try:
                changes["strength"] = strength_value(changes["strength"])
            except ValueError as exc:
                raise MapError(str(exc)) from None
        try:
            new = dataclasses.replace(old, **changes)
        except TypeError as exc:
            raise MapError(f"unknown link field: {exc}") from None
        if new.key != old.key:
            raise MapError("use relink to move a link to another node")
        if new != old:
            new = self._check_edge(new)
            self._touch("edge", new.key)
            self.graph.edges[source, target]["edge"] = new
            if new.relation != old.relation:
                self._shape += 1
            self._changed("edge", new.key)
        return old

    def unlink(self, source: str, target: str) -> Edge:
        """Remove a link; returns it for undo."""
        edge = self.edge(source, target)
        self._touch("edge", edge.key)
        self.graph.remove_edge(source, target)
        if self.graph.out_degree(source) or not self._leaf_gone(source):
            self._shape += 1
        self._changed("edge", edge.key)
        return edge

    def relink(self, source: str, old_target: str, new_target: str) -> Edge:
        """Re-attach a reason to another target, keeping relation and strength."""
        edge = self.edge(source, old_target)
        moved = self._check_edge(dataclasses.replace(edge, target=new_target))
        if self.graph.has_edge(source, new_target):
            raise MapError("the node is already a reason for that target")
        with self.batch():
            self.unlink(source, old_target)
            self.insert_edge(moved)
        return moved

    def _check_edge(self, edge: Edge) -> Edge:
        """The link, typed and checked against the map (ends exist, no thesis as a reason)."""
        try:
            edge = validate.edge(edge)
        except ValueError as exc:
            raise MapError(str(exc)) from None
        for end in (edge.source, edge.target):
            if end not in self.graph:
                raise MapError(f"no node with id {end!r}")
        if edge.source == edge.target:
            raise MapError("a node cannot be a reason for itself")
        if self.node(edge.source).kind == "thesis":
            raise MapError(
                "the thesis is what the map weighs; it cannot be a reason for another node"
            )
        return edge

    # ---------------------------------------------------------------- sources
    def add_source(self, source: Source) -> None:
        source = _gate(validate.source, source)
        if source.id in self.sources:
            raise MapError(f"a source with id {source.id!r} already exists")
        self._touch("source", source.id)
        self.sources[source.id] = source
        self._changed("source", source.id)

    def update_source(self, source: Source) -> Source:
        source = _gate(validate.source, source)
        old = self.sources.get(source.id)
        if old is None:
            raise MapError(f"no source with id {source.id!r}")
        if old != source:
            self._touch("source", source.id)
            self.sources[source.id] = source
            self._changed("source", source.id)
        return old

    def remove_source(self, source_id: str) -> Source:
        if source_id not in self.sources:
            raise MapError(f"no source with id {source_id!r}")
        users = [n.title for n in self.nodes() if any(c.source == source_id for c in n.citations)]
        if users:
            raise MapError(f"the source is cited by {len(users)} node(s), e.g. {users[0]!r}")
        self._touch("source", source_id)
        source = self.sources.pop(source_id)
        self._changed("source", source_id)  # after the pop: outside a batch this writes at once
        return source

    # -------------------------------------------------------------- scenarios
    def put_scenario(self, scenario: Scenario) -> Scenario | None:
        """Add or replace a scenario by name; returns the old one."""
        # Overrides of nodes or links that are gone are kept (an undo may bring them back)
        # and ignored by prior() and strength().
        scenario = _gate(validate.scenario, scenario)
        old = self.scenarios.get(scenario.name)
        if old != scenario:
            self._touch("scenario", scenario.name)
            self.scenarios[scenario.name] = scenario
            self._changed("scenario", scenario.name)
        return old

    def remove_scenario(self, name: str) -> Scenario:
        if name not in self.scenarios:
            raise MapError(f"no scenario named {name!r}")
        self._touch("scenario", name)
        scenario = self.scenarios.pop(name)
        self._changed("scenario", name)
        return scenario

    @property
    def current_scenario(self) -> str:
        """The active scenario's name, or "" for the map's own weights."""
        name = self.meta.get("scenario", "")
        return name if name in self.scenarios else ""

    def prior(self, node_id: str, scenario: str | None = None) -> float:
        """A node's prior under a scenario (default: the current one)."""
        sc = self.scenarios.get(self.current_scenario if scenario is None else scenario)
        if sc is not None and node_id in sc.priors:
            return sc.priors[node_id]
        return self.node(node_id).prior

    def strength(self, source: str, target: str, scenario: str | None = None) -> float | None:
        """A link's likelihood ratio under a scenario (default: the current one); None if unweighed.

        A reading scenario holds its own value for every link it covers: a link it does not
        hold is unweighed in it, whatever the map's own value."""
        sc = self.scenarios.get(self.current_scenario if scenario is None else scenario)
        edge = self.edge(source, target)
        if sc is not None and (source, target) in sc.strengths:
            return sc.strengths[(source, target)]
        return None if sc is not None and sc.reading else edge.strength

    def unweighed(self, node_id: str, scenario: str | None = None) -> list[Edge]:
        """The links into `node_id` nobody has weighed (under a scenario; default: current)."""
        return [e for e in self.reasons(node_id) if self.strength(*e.key, scenario) is None]

    def set_prior(self, node_id: str, value: float, scenario: str | None = None) -> None:
        """Set a node's prior in a scenario's overrides, or on the node when no scenario is active."""
        name = self.current_scenario if scenario is None else scenario
        try:
            value = check_probability(value)
        except ValueError as exc:
            raise MapError(str(exc)) from None
        if not name:
            self.update_node(node_id, prior=value)
            return
        self.node(node_id)
        sc = self.scenarios[name]
        if sc.priors.get(node_id) == value:
            return
        receipts = {k: r for k, r in sc.receipts.items() if k != node_id}  # no longer its words
        priors = {**sc.priors, node_id: value}
        self.put_scenario(dataclasses.replace(sc, priors=priors, receipts=receipts))

    def set_strength(
        self, source: str, target: str, value: str | float | None, scenario: str | None = None
    ) -> None:
        """Set a link's strength in a scenario's overrides, or on the link without a scenario.

        None makes the link unweighed again (in a scenario: drops its value there)."""
        name = self.current_scenario if scenario is None else scenario
        try:
            lam = None if value is None else strength_value(value)
        except ValueError as exc:
            raise MapError(str(exc)) from None
        if not name:
            self.update_edge(source, target, strength=lam)
            return
        self.edge(source, target)
        sc = self.scenarios[name]
        key = (source, target)
        if sc.strengths.get(key) == lam and (lam is not None or key not in sc.strengths):
            return
        strengths = {k: v for k, v in sc.strengths.items() if k != key}
        if lam is not None:
            strengths[key] = lam
        receipts = {k: r for k, r in sc.receipts.items() if k != key}  # no longer its words
        self.put_scenario(dataclasses.replace(sc, strengths=strengths, receipts=receipts))

    # ----------------------------------------------------------------- series
    def put_series(self, series: Series) -> Series | None:
        series = _gate(validate.series, series)
        old = self.series.get(series.name)
        if old != series:
            self._touch("series", series.name)
            self.series[series.name] = series
            self._changed("series", series.name)
        return old

    def remove_series(self, name: str) -> Series:
        if name not in self.series:
            raise MapError(f"no series named {name!r}")
        self._touch("series", name)
        series = self.series.pop(name)
        self._changed("series", name)
        return series

    # ------------------------------------------------------------ meta, history
    def set_meta(self, key: str, value: str) -> str | None:
        key, value = _gate(validate.meta, key, value)
        old = self.meta.get(key)
        if old != value:
            self._touch("meta", key)
            self.meta[key] = value
            self._changed("meta", key)
        return old

    def remove_meta(self, key: str) -> str | None:
        """Forget a map setting (undoing the first time one was set); returns its old value."""
        old = self.meta.get(key)
        if key in self.meta:
            self._touch("meta", key)
            del self.meta[key]
            self._changed("meta", key)
        return old

    def record_credence(self, entry: HistoryEntry) -> None:
        entry = _gate(validate.history, entry)
        self._touch("history")
        self.history.append(entry)
        self._changed("history", len(self.history) - 1)

    def pop_credence(self) -> HistoryEntry:
        self._touch("history")
        entry = self.history.pop()
        self._changed("history", len(self.history))
        return entry

    # ---------------------------------------------------------- whole-map ops
    def snapshot(self) -> dict[str, Any]:
        """Everything the map holds, as plain comparable values (tests, equality, export)."""
        graph = self.graph  # the raw adjacency: networkx's views cost ~10x at 100,000 links
        collecting = gc.isenabled()
        gc.disable()  # 100,000 new keys would set off full collections over the whole map
        try:
            return {
                "nodes": {nid: d["node"] for nid, d in graph._node.items()},
                "edges": {
                    (u, v): d["edge"] for u, nbrs in graph._succ.items() for v, d in nbrs.items()
                },
                "sources": dict(self.sources),
                "scenarios": dict(self.scenarios),
                "series": dict(self.series),
                "meta": dict(self.meta),
                "history": list(self.history),
            }
        finally:
            if collecting:
                gc.enable()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return self.snapshot() == other.snapshot()

    __hash__ = None  # type: ignore[assignment]

    def replace_contents(self, other: ArgumentMap) -> None:
        """Take over another map's contents and announce a reset (reload after a failed write)."""
        if self.before_edit is not None:
            self.before_edit()
        self.graph = other.graph.copy()
        self._theses = set(other._theses)
        self._shape += 1
        self.sources = dict(other.sources)
        self.scenarios = dict(other.scenarios)
        self.series = dict(other.series)
        self.meta = dict(other.meta)
        self.history = list(other.history)
        self._pending = [Change("reset")]
        self._flush()

    def check(self) -> list[str]:
        """Problems a loaded map may have (dangling citations); empty when all is well."""
        problems = []
        for n in self.nodes():
            for c in n.citations:
                if c.source not in self.sources:
                    problems.append(f"node {n.id!r} cites unknown source {c.source!r}")
        return problems


def _checked_node(node: Node) -> Node:
    """The node through the typed gate (model/validate.py), as a MapError when it fails."""
    return _gate(validate.node, node)


def _gate(check: Callable[..., Any], *values: Any) -> Any:
    try:
        return check(*values)
    except ValueError as exc:
        raise MapError(str(exc)) from None


def _link_name(edge: Edge) -> str:
    return f"the link {_name(edge.source)} → {_name(edge.target)}"


def _name(value: Any) -> str:
    """An id for a message: quoted when it is a short string, else its type."""
    return repr(value) if isinstance(value, str) and len(value) <= 80 else type(value).__name__


def _fill_nodes(graph: nx.DiGraph, nodes: list[Node]) -> None:
    """`graph.add_nodes_from` for an empty DiGraph, written into its adjacency dicts as
    networkx does (a node's attribute dict, empty successor and predecessor dicts), without
    its per-node checks and merging: ~3x faster when 100,000 nodes are read."""
    node_dict, succ, pred = graph._node, graph._succ, graph._pred
    for n in nodes:
        node_dict[n.id] = {"node": n}  # a repeated id overwrites: the caller counts them
        succ[n.id] = {}
        pred[n.id] = {}
    nx._clear_cache(graph)


def _fill_edges(graph: nx.DiGraph, edges: list[Edge]) -> None:
    """`graph.add_edges_from` for links whose ends are all in `graph` and none twice (checked
    by the caller): one attribute dict shared by both directions, as networkx keeps it."""
    succ, pred = graph._succ, graph._pred
    for e in edges:
        data = {"edge": e}
        succ[e.source][e.target] = data
        pred[e.target][e.source] = data
    nx._clear_cache(graph)
