"""The credence engine: one per map, kept in step with the map's edits, cheap to ask.

The engine subscribes to its `ArgumentMap` and only queues the changes it hears about
(so a listener ahead of storage can never fail an edit); the queue is applied on the next
question. A leaf added or removed with its one link patches the arrays (`patch.py`), and so
does any other small structural edit (`restructure.py`: links between existing nodes, nodes
with reasons, a few at once); an edit that makes or breaks a cycle, or a large one (an
import), recompiles them. A weight change, or a link's relation flipped, rewrites array
entries and re-propagates the nodes downstream of them.
Each scenario keeps its own weight arrays and credences, so scenarios compare side by side.
"""

from __future__ import annotations

import gc
import weakref
from dataclasses import dataclass

import numpy as np

from model.argmap import ArgumentMap, Change
from model.credence.compiled import (
    CompiledMap,
    Propagation,
    compile_map,
    edge_factor,
    logit,
    propagate,
    repropagate,
    sigmoid,
)
from model.credence.patch import add_leaf, remove_leaf, swap_drop
from model.credence.restructure import restructure

MAP_WEIGHTS = ""  # the scenario name meaning "the map's own weights, no overrides"
NEUTRAL = 1.0  # λ of an unweighed link: ln 1 = 0, it moves nothing


@dataclass
class Weights:
    """One scenario's effective inputs as arrays: priors, λ per edge, and their logits/factors."""

    prior: np.ndarray
    lam: np.ndarray
    lg: np.ndarray
    k: np.ndarray
    sign: np.ndarray  # +1 supports, −1 attacks (shared with the engine)


@dataclass
class State:
    """A scenario's weights, the overrides they were built from, and the resulting credences."""

    weights: Weights
    priors: dict[str, float]
    strengths: dict[tuple[str, str], float]
    prop: Propagation
    reading: bool = False  # a reading: links it does not hold are unweighed in it
    version: int = 0  # bumped whenever `prop` changes in place (results are cached by it)

    def lam_of(self, key: tuple[str, str], base: float) -> float:
        """The λ this state uses for a link whose map value is `base` (1 = unweighed)."""
        return self.strengths.get(key, NEUTRAL if self.reading else base)


@dataclass(frozen=True)
class Result:
    """Credences of every node under one scenario, with what the cycles did."""

    scenario: str
    ids: list[str]
    index: dict[str, int]
    values: np.ndarray
    converged: bool
    iterations: int
    thesis: str | None

    def __getitem__(self, node_id: str) -> float:
        return float(self.values[self.index[node_id]])

    def as_dict(self) -> dict[str, float]:
        return dict(zip(self.ids, self.values.tolist(), strict=True))

    @property
    def thesis_credence(self) -> float | None:
        return None if self.thesis is None else self[self.thesis]


class CredenceEngine:
    """Compiled arrays and per-scenario credences for one map; use `engine_for(amap)`."""

    def __init__(self, amap: ArgumentMap) -> None:
        self._map = weakref.ref(amap)
        self._pending: list[Change] = []
        self.compiled: CompiledMap | None = None
        self.sign = np.zeros(0)
        self.base_prior = np.zeros(0)
        self.base_lam = np.zeros(0)
        self.states: dict[str, State] = {}
        self.thesis: str | None = None
        self._results: dict[str, tuple] = {}  # scenario → (state, version, thesis, result)
        amap.subscribe(self._on_changes, first=True)

    @property
    def amap(self) -> ArgumentMap:
        amap = self._map()
        assert amap is not None, "the map of this engine is gone"
        return amap

    def _on_changes(self, changes: list[Change]) -> None:
        self._pending.extend(changes)

    # ------------------------------------------------------------- questions
    def result(self, scenario: str | None = None) -> Result:
        """Credences under `scenario` (None: the current one; "": the map's own weights)."""
        name = self._name(scenario)
        cm = self.sync()
        st = self._state(name)
        cached = self._results.get(name)
        if cached is not None and cached[0] is st and cached[1:3] == (st.version, self.thesis):
            return cached[3]  # ~9 questions per edit share one copy of the array
        values = st.prop.p.copy()
        values.flags.writeable = False  # shared by every caller until the next change
        res = Result(
            name, cm.ids, cm.index, values, st.prop.converged, st.prop.iterations, self.thesis
        )
        self._results[name] = (st, st.version, self.thesis, res)
        return res

    def weights(self, scenario: str | None = None) -> Weights:
        self.sync()
        return self._state(self._name(scenario)).weights

    def _name(self, scenario: str | None) -> str:
        amap = self.amap
        name = amap.current_scenario if scenario is None else scenario
        return name if name in amap.scenarios else MAP_WEIGHTS

    # --------------------------------------------------------- keeping in step
    def sync(self) -> CompiledMap:
        """Apply queued changes; recompile only if the structure changed."""
        pending, self._pending = self._pending, []
        # Inside a batch the map has not announced its edits yet; a question asked there (the
        # history entry of a weight edit) must see them. Applying a change twice is harmless.
        pending += self.amap.pending_changes()
        if self.compiled is None or (pending and self._apply(pending)):
            self._rebuild()
        assert self.compiled is not None
        return self.compiled

    def _rebuild(self) -> None:
        collecting = gc.isenabled()
        gc.disable()  # ~10 objects per node, none freed early: collections would double the time
        try:
            self._compile()
        finally:
            if collecting:
                gc.enable()

    def _compile(self) -> None:
        amap = self.amap
        cm = compile_map(amap.graph)
        self.compiled = cm
        self.base_prior = np.fromiter((v.prior for v in cm.nodes), float, len(cm.nodes))
        self.base_lam = np.fromiter((_lam(e.strength) for e in cm.edges), float, len(cm.edges))
        self.sign = np.fromiter(
            (1.0 if e.relation == "supports" else -1.0 for e in cm.edges), float, len(cm.edges)
        )  # Edge.sign without a property call per link
        self.states.clear()
        thesis = amap.thesis
        self.thesis = thesis.id if thesis else None

    def _apply(self, changes: list[Change]) -> bool:
        """Fold weight changes (and a leaf added or removed) into the arrays; True when a
        recompile is needed instead."""
        cm = self.compiled
        assert cm is not None
        graph = self.amap.graph
        nodes: set[str] = set()
        keys: set[tuple[str, str]] = set()
        shape: dict[str, list] = {"+node": [], "-node": [], "+edge": [], "-edge": []}
        scenarios = False
        for ch in changes:
            if ch.kind == "reset":
                return True
            # A structural change already compiled (asked mid-batch, announced after it) needs
            # no second compile: only a key whose presence differs from the arrays does.
            if ch.kind == "node":
                present = ch.key in graph
                if present != (ch.key in cm.index):
                    shape["+node" if present else "-node"].append(ch.key)
                elif present:
                    nodes.add(ch.key)
            elif ch.kind == "edge":
                present = graph.has_edge(*ch.key)
                if present != (ch.key in cm.edge_index):
                    shape["+edge" if present else "-edge"].append(ch.key)
                elif present:
                    keys.add(ch.key)
            elif ch.kind == "scenario":
                scenarios = True
                self._scenario_changed(ch.key)
        if any(shape.values()) and (scenarios or not self._patch(shape)):
            return True
        if len(graph) != self.compiled.n:  # an edit that bypassed the notifications
            return True
        self._base_changed(nodes, keys)
        return False

    def _patch(self, shape: dict[str, list]) -> bool:
        """Fold a structural edit into the arrays in place of a recompile: one leaf added or
        removed (`patch.py`), or any other small edit (`restructure.py`); False if neither."""
        return self._patch_leaf(shape) or self._restructure(shape)

    def _patch_leaf(self, shape: dict[str, list]) -> bool:
        added, removed = set(shape["+node"]), set(shape["-node"])
        links = shape["+edge"] + shape["-edge"]
        if len(added) + len(removed) != 1 or len(links) > 1:
            return False
        if any(key[0] not in added | removed for key in links):
            return False
        if added:
            return self._add_leaf(added.pop(), shape["+edge"])
        return self._remove_leaf(removed.pop(), shape["-edge"])

    def _restructure(self, shape: dict[str, list]) -> bool:
        """Links between existing nodes, nodes with reasons, several at once."""
        graph = self.amap.graph
        new_nodes = [graph.nodes[n]["node"] for n in dict.fromkeys(shape["+node"])]
        new_edges = [graph.edges[k]["edge"] for k in dict.fromkeys(shape["+edge"])]
        assert self.compiled is not None
        r = restructure(
            self.compiled, list(dict.fromkeys(shape["-edge"])),
            list(dict.fromkeys(shape["-node"])), new_nodes, new_edges,
        )  # fmt: skip
        if r is None:
            return False
        self.compiled = r.cm
        priors = np.array([n.prior for n in new_nodes], dtype=float)
        lams = np.array([_lam(e.strength) for e in new_edges], dtype=float)
        signs = np.array([e.sign for e in new_edges], dtype=float)
        self.base_prior = np.concatenate((self.base_prior[r.node_from], priors))
        self.base_lam = np.concatenate((self.base_lam[r.edge_from], lams))
        self.sign = np.concatenate((self.sign[r.edge_from], signs))
        for st in self.states.values():
            w = st.weights
            prior = np.array([st.priors.get(n.id, n.prior) for n in new_nodes], dtype=float)
            lam = np.array([st.lam_of(e.key, b) for e, b in zip(new_edges, lams)], dtype=float)
            w.prior = np.concatenate((w.prior[r.node_from], prior))
            w.lg = np.concatenate((w.lg[r.node_from], logit(prior)))
            w.lam = np.concatenate((w.lam[r.edge_from], lam))
            w.k = np.concatenate((w.k[r.edge_from], edge_factor(lam, signs)))
            w.sign = self.sign
            st.prop.p = np.concatenate((st.prop.p[r.node_from], sigmoid(logit(prior))))
            st.prop.cycles = {
                r.cycle_units[u]: v for u, v in st.prop.cycles.items() if u in r.cycle_units
            }
            self._repropagate(st, r.seeds)
        thesis = self.amap.thesis
        self.thesis = thesis.id if thesis else None
        return True

    def _add_leaf(self, nid: str, links: list[tuple[str, str]]) -> bool:
        graph = self.amap.graph
        if graph.in_degree(nid) or graph.out_degree(nid) != len(links):
            return False
        edge = graph.edges[links[0]]["edge"] if links else None
        old = self.compiled
        assert old is not None
        cm = add_leaf(old, graph.nodes[nid]["node"], edge)
        if cm is None:
            return False
        self.compiled = cm
        node = cm.nodes[-1]
        self.base_prior = np.append(self.base_prior, node.prior)
        start = []
        if edge is not None:
            self.base_lam = np.append(self.base_lam, _lam(edge.strength))
            self.sign = np.append(self.sign, edge.sign)
            start.append(cm.index[edge.target])
        for st in self.states.values():
            w = st.weights
            prior = st.priors.get(nid, node.prior)
            w.prior, w.lg = np.append(w.prior, prior), np.append(w.lg, logit(np.array([prior])))
            st.prop.p = np.append(st.prop.p, sigmoid(w.lg[-1:]))
            st.prop.cycles = {u + 1: v for u, v in st.prop.cycles.items()}
            w.sign = self.sign
            if edge is not None:
                lam = st.lam_of(edge.key, self.base_lam[-1])
                w.lam = np.append(w.lam, lam)
                w.k = np.append(w.k, edge_factor(np.array([lam]), self.sign[-1:]))
            self._repropagate(st, start)
        return True

    def _remove_leaf(self, nid: str, links: list[tuple[str, str]]) -> bool:
        old = self.compiled
        assert old is not None
        i = old.index[nid]
        if nid == self.thesis or int(old.out_ptr[i + 1] - old.out_ptr[i]) != len(links):
            return False
        patched = remove_leaf(old, nid)
        if patched is None:
            return False
        cm, i, e = patched
        self.compiled = cm
        last = len(self.base_prior) - 1
        u_x = int(old.unit[i])
        start = [] if e < 0 else [cm.index[old.ids[int(old.dst[e])]]]
        self.base_prior = swap_drop(self.base_prior, i, last)
        m = len(self.base_lam) - 1
        if e >= 0:
            self.base_lam, self.sign = swap_drop(self.base_lam, e, m), swap_drop(self.sign, e, m)
        for st in self.states.values():
            w = st.weights
            w.prior, w.lg = swap_drop(w.prior, i, last), swap_drop(w.lg, i, last)
            st.prop.p = swap_drop(st.prop.p, i, last)
            st.prop.cycles = {u - (u > u_x): v for u, v in st.prop.cycles.items()}
            w.sign = self.sign
            if e >= 0:
                w.lam, w.k = swap_drop(w.lam, e, m), swap_drop(w.k, e, m)
            self._repropagate(st, start)
        return True

    def _repropagate(self, st: State, start: list[int]) -> None:
        assert self.compiled is not None
        if start:
            repropagate(self.compiled, st.weights.lg, st.weights.k, st.prop, start)
        st.version += 1

    def _base_changed(self, nodes: set[str], keys: set[tuple[str, str]]) -> None:
        cm = self.compiled
        assert cm is not None
        graph = self.amap.graph
        touched_nodes, touched_edges, flipped = [], [], set()
        for nid in nodes:
            node = graph.nodes[nid]["node"]
            if node.kind == "thesis" or nid == self.thesis:
                thesis = self.amap.thesis
                self.thesis = thesis.id if thesis else None
            i = cm.index[nid]
            if self.base_prior[i] != node.prior:
                self.base_prior[i] = node.prior
                touched_nodes.append(nid)
        for key in keys:
            edge = graph.edges[key]["edge"]
            e = cm.edge_index[key]
            if self.sign[e] != edge.sign:
                flipped.add(key)
            if self.base_lam[e] != _lam(edge.strength) or key in flipped:
                self.base_lam[e], self.sign[e] = _lam(edge.strength), edge.sign
                touched_edges.append(key)
        for st in self.states.values():
            self._update(
                st,
                [n for n in touched_nodes if n not in st.priors],
                [
                    k
                    for k in touched_edges
                    if (k not in st.strengths and not st.reading) or k in flipped
                ],
            )

    def _scenario_changed(self, name: str) -> None:
        st = self.states.get(name)
        sc = self.amap.scenarios.get(name)
        if st is None:
            return
        if sc is None:
            del self.states[name]
            return
        cm = self.compiled
        assert cm is not None
        if st.reading != sc.reading:
            del self.states[name]
            return
        old_p, old_s = st.priors, st.strengths
        nodes = [n for n in set(old_p) | set(sc.priors) if old_p.get(n) != sc.priors.get(n)]
        keys = [k for k in set(old_s) | set(sc.strengths) if old_s.get(k) != sc.strengths.get(k)]
        st.priors, st.strengths = dict(sc.priors), dict(sc.strengths)
        self._update(
            st, [n for n in nodes if n in cm.index], [k for k in keys if k in cm.edge_index]
        )

    def _update(self, st: State, nodes: list[str], keys: list[tuple[str, str]]) -> None:
        """Write changed inputs into a state's arrays and re-propagate downstream of them."""
        cm = self.compiled
        assert cm is not None
        w = st.weights
        start = []
        for nid in nodes:
            i = cm.index[nid]
            w.prior[i] = st.priors.get(nid, self.base_prior[i])
            w.lg[i] = logit(w.prior[i : i + 1])[0]
            start.append(i)
        for key in keys:
            e = cm.edge_index[key]
            w.lam[e] = st.lam_of(key, self.base_lam[e])
            w.k[e] = edge_factor(w.lam[e : e + 1], self.sign[e : e + 1])[0]
            start.append(int(cm.dst[e]))
        if start:
            repropagate(cm, w.lg, w.k, st.prop, start)
            st.version += 1

    def _state(self, name: str) -> State:
        st = self.states.get(name)
        if st is None:
            st = self._fresh_state(name)
            self.states[name] = st
        return st

    def _fresh_state(self, name: str) -> State:
        cm = self.compiled
        assert cm is not None
        sc = self.amap.scenarios.get(name)
        priors = dict(sc.priors) if sc else {}
        strengths = dict(sc.strengths) if sc else {}
        prior, lam = self.base_prior.copy(), self.base_lam.copy()
        reading = bool(sc and sc.reading)
        if reading:
            lam[:] = NEUTRAL
        for nid, value in priors.items():
            if nid in cm.index:
                prior[cm.index[nid]] = value
        for key, value in strengths.items():
            if key in cm.edge_index:
                lam[cm.edge_index[key]] = value
        w = Weights(prior, lam, logit(prior), edge_factor(lam, self.sign), self.sign)
        return State(w, priors, strengths, propagate(cm, w.lg, w.k), reading)


def _lam(strength: float | None) -> float:
    return NEUTRAL if strength is None else float(strength)


_ENGINES: dict[int, CredenceEngine] = {}


def engine_for(amap: ArgumentMap) -> CredenceEngine:
    """The map's engine, created on first use and dropped with the map."""
    key = id(amap)
    eng = _ENGINES.get(key)
    if eng is None or eng._map() is not amap:
        eng = CredenceEngine(amap)
        _ENGINES[key] = eng
        weakref.finalize(amap, _ENGINES.pop, key, None)
    return eng


def evaluate(amap: ArgumentMap, scenario: str | None = None) -> Result:
    """Credence of every node under a scenario (None: the current one)."""
    return engine_for(amap).result(scenario)


def credences(amap: ArgumentMap, scenario: str | None = None) -> dict[str, float]:
    """`{node_id: credence}` for badges on the map; cheap after the first call."""
    return evaluate(amap, scenario).as_dict()


def thesis_credence(amap: ArgumentMap, scenario: str | None = None) -> float | None:
    """The thesis credence, or None when the map has no thesis."""
    return evaluate(amap, scenario).thesis_credence


def scenario_credences(amap: ArgumentMap) -> dict[str, float]:
    """Thesis credence under every named scenario (or the map's weights if it has none)."""
    names = list(amap.scenarios) or [MAP_WEIGHTS]
    out = {}
    for name in names:
        value = thesis_credence(amap, name)
        if value is not None:
            out[name] = value
    return out
