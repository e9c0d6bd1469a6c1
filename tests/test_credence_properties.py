"""Rules the credence engine must keep on any map: hypothesis builds random maps."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from model.argmap import ArgumentMap
from model.credence import credences, evaluate, monte_carlo, sensitivity
from model.credence.compiled import EPS, compile_map, edge_factor, logit, propagate
from model.credence.engine import CredenceEngine

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
probs = st.floats(0.0, 1.0)
lams = st.one_of(st.sampled_from([1.0, 1.5, 3.0, 6.0, 20.0]), st.floats(1.0, 200.0))


@st.composite
def maps(draw, acyclic: bool = True, tree: bool = False, max_nodes: int = 10) -> ArgumentMap:
    """A random map: node 0 is the thesis; edges run from higher to lower index when acyclic."""
    n = draw(st.integers(2, max_nodes))
    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="n0", prior=draw(probs))
    for i in range(1, n):
        kind = draw(st.sampled_from(["claim", "evidence"]))
        amap.add_node(kind, f"node {i}", node_id=f"n{i}", prior=draw(probs))
    for i in range(1, n):
        targets = [draw(st.integers(0, i - 1))] if tree else []
        if not tree:
            pool = list(range(n)) if not acyclic else list(range(i))
            pool = [j for j in pool if j != i]
            targets = draw(st.lists(st.sampled_from(pool), max_size=3, unique=True))
        for j in targets:
            amap.link(f"n{i}", f"n{j}", draw(st.sampled_from(["supports", "attacks"])), draw(lams))
    return amap


def fresh(amap: ArgumentMap, scenario: str | None = None) -> np.ndarray:
    """Credences computed from scratch, bypassing every cache."""
    return CredenceEngine(amap).result(scenario).values


@SETTINGS
@given(maps(acyclic=False))
def test_credences_stay_probabilities_and_cycles_terminate(amap: ArgumentMap) -> None:
    res = evaluate(amap)
    assert np.all(np.isfinite(res.values))
    assert np.all((res.values >= 0) & (res.values <= 1))
    assert 0 <= res.iterations <= 500
    if res.converged:  # a stated fixed point really is one
        cm = compile_map(amap.graph)
        p = np.array([res[v] for v in cm.ids])
        z = logit(np.array([amap.prior(v) for v in cm.ids]))
        lam = np.array([amap.strength(*k) or 1.0 for k in cm.keys])
        sign = np.array([amap.edge(*k).sign for k in cm.keys], dtype=float)
        z += np.bincount(cm.dst, p[cm.src] * sign * np.log(lam), minlength=cm.n)
        assert np.allclose(p, 0.5 * (1 + np.tanh(z / 2)), atol=1e-6)


def _swapped(amap: ArgumentMap, node_id: str) -> ArgumentMap:
    """A copy of the map with supports ↔ attacks on every link into `node_id`."""
    other = ArgumentMap()
    other.load_graph(amap.nodes(), amap.edges())
    with other.batch():
        for e in other.reasons(node_id):
            other.update_edge(*e.key, relation="attacks" if e.sign > 0 else "supports")
    return other


@SETTINGS
@given(maps(acyclic=False), st.data())
def test_framing_does_not_decide_the_answer(amap: ArgumentMap, data) -> None:
    """Prior 0.5 at a node: swapping supports ↔ attacks on every link into it turns p into 1 − p."""
    node = data.draw(st.sampled_from([n.id for n in amap.nodes()]))
    # Only links into the node flip, so on a cycle through it the reasons' own credences may
    # move too; the rule is exact where nothing upstream depends on the node.
    assume(not any(nx_has_path(amap, node, e.source) for e in amap.reasons(node)))
    amap.update_node(node, prior=0.5)
    p = evaluate(amap)[node]
    q = evaluate(_swapped(amap, node))[node]
    assert math.isclose(q, 1 - p, abs_tol=1e-9)


def nx_has_path(amap: ArgumentMap, a: str, b: str) -> bool:
    import networkx as nx

    return nx.has_path(amap.graph, a, b)


@SETTINGS
@given(maps(acyclic=False), probs, lams, st.data())
def test_a_supporter_and_an_attacker_alike_cancel(amap: ArgumentMap, p, lam, data) -> None:
    """Add a supporter and an attacker of equal credence and strength: the target does not move."""
    target = data.draw(st.sampled_from([n.id for n in amap.nodes()]))
    before = fresh(amap)
    with amap.batch():
        for side, rel in (("pro", "supports"), ("con", "attacks")):
            amap.add_node("evidence", side, node_id=side, prior=p)
            amap.link(side, target, rel, lam)
    after = fresh(amap)[: len(before)]  # the new nodes are last in the node order
    assert np.allclose(before, after, atol=1e-9)


@SETTINGS
@given(maps(), st.data())
def test_no_reason_moves_its_target_beyond_its_strength(amap: ArgumentMap, data) -> None:
    """On the log-odds scale a reason shifts its target by at most ln λ, and by p·ln λ exactly."""
    from model.credence import explain

    node = data.draw(st.sampled_from([n.id for n in amap.nodes()]))
    ex = explain(amap, node)
    for r in ex.reasons:
        with_it = min(max(ex.credence, 1e-12), 1 - 1e-12)
        without = with_it - r.points / 100
        assume(1e-9 < without < 1 - 1e-9)
        shift = logit(np.array([with_it]))[0] - logit(np.array([without]))[0]
        assert abs(shift) <= math.log(r.strength) + 1e-6


@SETTINGS
@given(maps(), st.data())
def test_raising_a_strength_moves_its_target_the_right_way(amap: ArgumentMap, data) -> None:
    edges = list(amap.edges())
    assume(edges)
    edge = data.draw(st.sampled_from(edges))
    before = credences(amap)[edge.target]
    amap.set_strength(
        edge.source, edge.target, min(1000.0, (edge.strength or 1) * data.draw(st.floats(1, 10)))
    )
    after = credences(amap)[edge.target]
    if edge.relation == "supports":
        assert after >= before - 1e-12
    else:
        assert after <= before + 1e-12


@SETTINGS
@given(maps(tree=True), st.data())
def test_raising_a_reliability_moves_the_thesis_with_its_side(amap: ArgumentMap, data) -> None:
    node = amap.node(data.draw(st.sampled_from([f"n{i}" for i in range(1, len(amap))])))
    target = amap.targets(node.id)[0]
    side = amap.side(node.id)
    before = credences(amap)
    amap.set_prior(node.id, data.draw(st.floats(node.prior, 1.0)))
    after = credences(amap)
    sign = target.sign
    assert sign * (after[target.target] - before[target.target]) >= -1e-12
    assert side * (after["n0"] - before["n0"]) >= -1e-12


@SETTINGS
@given(maps(acyclic=False), st.data())
def test_a_reason_of_strength_none_changes_nothing(amap: ArgumentMap, data) -> None:
    ids = [n.id for n in amap.nodes()]
    u = data.draw(st.sampled_from(ids[1:]))
    v = data.draw(st.sampled_from([x for x in ids if x != u]))
    assume(not amap.graph.has_edge(u, v))
    before = fresh(amap)
    amap.link(u, v, data.draw(st.sampled_from(["supports", "attacks"])), "none")
    after = fresh(amap)  # same node order: adding a link does not reorder nodes
    assert np.allclose(before, after, atol=1e-9)


@SETTINGS
@given(maps(acyclic=False), st.data())
def test_an_unweighed_reason_changes_nothing(amap: ArgumentMap, data) -> None:
    """A new claim linked without a strength (by hand, by import) leaves every credence alone."""
    target = data.draw(st.sampled_from([n.id for n in amap.nodes()]))
    before = fresh(amap)
    with amap.batch():
        amap.add_node("claim", "New claim", node_id="new", prior=data.draw(probs))
        amap.link("new", target, data.draw(st.sampled_from(["supports", "attacks"])))
    assert amap.unweighed(target) == [amap.edge("new", target)]
    assert np.allclose(before, fresh(amap)[: len(before)], atol=1e-9)


@SETTINGS
@given(maps(acyclic=False), st.data())
def test_removing_all_reasons_returns_the_prior(amap: ArgumentMap, data) -> None:
    node = amap.node(data.draw(st.sampled_from([n.id for n in amap.nodes()])))
    credences(amap)  # warm the cache so the structural change is exercised
    with amap.batch("remove reasons"):
        for e in amap.reasons(node.id):
            amap.unlink(e.source, e.target)
    assert math.isclose(credences(amap)[node.id], min(max(node.prior, EPS), 1 - EPS), abs_tol=1e-12)


@SETTINGS
@given(
    maps(acyclic=False, max_nodes=12),
    st.lists(st.tuples(st.integers(0, 99), probs, lams), max_size=8),
)
def test_incremental_updates_equal_a_full_recompute(amap: ArgumentMap, edits) -> None:
    credences(amap)
    edges = list(amap.edges())
    for i, p, lam in edits:
        if i % 2 and edges:
            e = edges[i % len(edges)]
            amap.set_strength(e.source, e.target, lam)
            if i % 3 == 0:
                amap.update_edge(
                    e.source, e.target, relation="attacks" if e.sign > 0 else "supports"
                )
        else:
            amap.set_prior(f"n{i % len(amap)}", p)
        got = evaluate(amap)
        want = fresh(amap)
        assert np.allclose(got.values, want, atol=1e-9)


@SETTINGS
@given(maps(max_nodes=8), st.data())
def test_sensitivity_slopes_match_finite_differences(amap: ArgumentMap, data) -> None:
    sens = sensitivity(amap, top=50)
    assume(sens.inputs)
    item = data.draw(st.sampled_from(sens.inputs))
    assume(item.kind == "strength" or 1e-3 < item.value < 1 - 1e-3)
    h = 1e-6 if item.kind == "prior" else max(1e-6, item.value * 1e-6)
    base = credences(amap)["n0"]
    if item.kind == "prior":
        amap.set_prior(item.key, item.value + h)
    else:
        amap.set_strength(*item.key, item.value + h)
    slope = (credences(amap)["n0"] - base) / h
    assert math.isclose(slope, item.slope, rel_tol=1e-3, abs_tol=1e-6)


@SETTINGS
@given(maps(acyclic=False, max_nodes=8))
def test_monte_carlo_is_repeatable_and_brackets_plausibly(amap: ArgumentMap) -> None:
    a = monte_carlo(amap, samples=200, seed=3)
    b = monte_carlo(amap, samples=200, seed=3)
    assert np.array_equal(a.samples, b.samples)
    assert 0 <= a.low <= a.median <= a.high <= 1
    assert np.all((a.samples >= 0) & (a.samples <= 1))


def test_monte_carlo_with_every_input_fixed_is_the_point_estimate() -> None:
    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="t", prior=0.3, prior_range=(0.3, 0.3))
    amap.add_node("claim", "C", node_id="c", prior=0.7, prior_range=(0.7, 0.7))
    amap.insert_edge(
        __import__("model.entities", fromlist=["Edge"]).Edge("c", "t", "supports", 6.0, (6.0, 6.0))
    )
    d = monte_carlo(amap, samples=50)
    assert d.defaulted == 0
    assert np.allclose(d.samples, d.point)


def test_vectorised_samples_match_one_at_a_time() -> None:
    """The sample axis is only a batch: each column equals a single propagation."""
    rng = np.random.default_rng(1)
    amap = ArgumentMap()
    for i in range(30):
        amap.add_node("thesis" if i == 0 else "claim", f"n{i}", node_id=f"n{i}")
    for i in range(1, 30):
        for j in rng.choice(i, size=min(i, 2), replace=False):
            amap.link(f"n{i}", f"n{j}", "supports" if rng.random() < 0.6 else "attacks", 3.0)
    amap.link("n1", "n5", "attacks", 2.0)  # a cycle n1 → n5 → … → n1 if n5 reaches n1
    cm = compile_map(amap.graph)
    lg = rng.normal(size=(cm.n, 4))
    lam = 1 + rng.random((len(cm.keys), 4)) * 10
    sign = np.array([amap.edge(*k).sign for k in cm.keys], dtype=float)
    batch = propagate(cm, lg, edge_factor(lam, sign)).p
    for s in range(4):
        one = propagate(cm, lg[:, s].copy(), edge_factor(lam[:, s], sign)).p
        assert np.allclose(batch[:, s], one, atol=1e-8)


# ------------------------------------------------------------------ DF-QuAD
@SETTINGS
@given(maps(acyclic=False), st.data())
def test_dfquad_keeps_the_same_rules(amap: ArgumentMap, data) -> None:
    from model.credence.dfquad import evaluate_dfquad

    res = evaluate_dfquad(amap)
    assert np.all((res.values >= 0) & (res.values <= 1)) and res.iterations <= 500
    ids = [n.id for n in amap.nodes()]
    u = data.draw(st.sampled_from(ids[1:]))
    v = data.draw(st.sampled_from([x for x in ids if x != u]))
    if not amap.graph.has_edge(u, v):
        amap.link(u, v, data.draw(st.sampled_from(["supports", "attacks"])), "none")
        # A link of no strength changes nothing. Where a cycle keeps the iteration from
        # converging in MAX_ITERATIONS steps, the values are only as settled as its last steps:
        # a zero term added to a sum reorders the floating point and moves them by ~1e-6.
        tol = 1e-9 if res.converged else 1e-4
        assert np.allclose(evaluate_dfquad(amap).values, res.values, atol=tol)
    node = amap.node(data.draw(st.sampled_from(ids)))
    for e in amap.reasons(node.id):
        amap.unlink(e.source, e.target)
    assert evaluate_dfquad(amap)[node.id] == node.prior


@SETTINGS
@given(maps(), st.data())
def test_dfquad_strength_moves_its_target_the_right_way(amap: ArgumentMap, data) -> None:
    from model.credence.dfquad import evaluate_dfquad

    edges = list(amap.edges())
    assume(edges)
    edge = data.draw(st.sampled_from(edges))
    before = evaluate_dfquad(amap)[edge.target]
    amap.set_strength(
        edge.source, edge.target, min(1000.0, (edge.strength or 1) * data.draw(st.floats(1, 10)))
    )
    after = evaluate_dfquad(amap)[edge.target]
    assert edge.sign * (after - before) >= -1e-12
