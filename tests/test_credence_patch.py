"""Adding or removing a leaf patches the compiled arrays; the answers must equal a fresh compile.

The engine folds "a new node linked as a reason to an existing one" (and its undo) into the
arrays without recompiling. Any difference from compiling the edited map from scratch would
show a wrong credence on the map, so the property test compares every credence and every
pull of every explanation, on maps with and without cycles and under a scenario.
"""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.argmap import ArgumentMap
from model.credence import engine as engine_mod
from model.credence import engine_for, evaluate
from model.credence.explain import explain
from model.entities import Scenario

SCENARIO = "sceptic"


def build(n: int, links: list[tuple[int, int, bool, float]], cyclic: bool) -> ArgumentMap:
    """A thesis n0 and claims n1.. with the given links (only upward unless `cyclic`)."""
    m = ArgumentMap()
    with m.batch():
        m.add_node("thesis", "T", node_id="n0")
        for i in range(1, n):
            m.add_node("claim", f"c{i}", node_id=f"n{i}", prior=0.2 + 0.6 * (i % 7) / 7)
        for a, b, attack, lam in links:
            a, b = a % n, b % n
            if not cyclic and a < b:
                a, b = b, a
            if a == b or a == 0 or m.graph.has_edge(f"n{a}", f"n{b}"):
                continue
            m.link(f"n{a}", f"n{b}", "attacks" if attack else "supports", lam)
    return m


def fresh_copy(m: ArgumentMap) -> ArgumentMap:
    copy = ArgumentMap()
    copy.load_graph(
        [d["node"] for _, d in m.graph.nodes(data=True)],
        [d["edge"] for _, _, d in m.graph.edges(data=True)],
    )
    for sc in m.scenarios.values():
        copy.put_scenario(sc)
    return copy


def same_answers(m: ArgumentMap) -> None:
    """Every credence and every pull of the kept-in-step engine equals a fresh compile's."""
    ref = fresh_copy(m)
    for scenario in ("", SCENARIO):
        got, want = evaluate(m, scenario).as_dict(), evaluate(ref, scenario).as_dict()
        assert got.keys() == want.keys()
        ids = sorted(got)
        assert np.allclose([got[i] for i in ids], [want[i] for i in ids], atol=1e-7)
        for nid in ids:
            a, b = explain(m, nid, scenario), explain(ref, nid, scenario)
            pa = {(r.source, r.target): r.points for r in a.reasons}
            pb = {(r.source, r.target): r.points for r in b.reasons}
            assert pa.keys() == pb.keys()
            assert all(abs(pa[k] - pb[k]) < 1e-5 for k in pa), (nid, pa, pb)


edit = st.tuples(st.booleans(), st.integers(0, 10_000), st.booleans(), st.floats(1.1, 6.0))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n=st.integers(2, 12),
    links=st.lists(
        st.tuples(st.integers(0, 50), st.integers(0, 50), st.booleans(), st.floats(1.1, 6.0)),
        max_size=25,
    ),
    cyclic=st.booleans(),
    edits=st.lists(edit, min_size=1, max_size=12),
)
def test_leaf_adds_and_removes_give_what_a_fresh_compile_gives(n, links, cyclic, edits):
    m = build(n, links, cyclic)
    m.put_scenario(Scenario(SCENARIO, priors={"n1": 0.15}, strengths={}))
    evaluate(m, SCENARIO), evaluate(m, "")  # both states exist before the edits
    for step, (add, pick, attack, lam) in enumerate(edits):
        nodes = sorted(m.graph.nodes)
        if add or len(nodes) < 2:
            with m.batch():
                nid = m.add_node("claim", "new", node_id=f"x{step}", prior=0.3 + (pick % 5) / 10)
                m.link(nid, nodes[pick % len(nodes)], "attacks" if attack else "supports", lam)
        else:  # any node but the thesis: a leaf is patched, anything else recompiled
            m.remove_node(nodes[1:][pick % (len(nodes) - 1)])
        same_answers(m)


def count_compiles(monkeypatch, m: ArgumentMap) -> list[int]:
    """Compiles of `m` itself (not of the fresh copies the checks compile)."""
    calls = [0]
    real = engine_mod.compile_map

    def counted(graph):
        calls[0] += graph is m.graph
        return real(graph)

    monkeypatch.setattr(engine_mod, "compile_map", counted)
    return calls


def chain() -> ArgumentMap:
    """n2 → n1 → n0 (thesis), n3 → n1: n1 is level 1, n2 and n3 leaves."""
    m = build(4, [(1, 0, False, 2.0), (2, 1, False, 3.0), (3, 1, True, 2.0)], cyclic=False)
    evaluate(m)
    return m


def test_a_reason_added_to_a_node_with_reasons_is_not_recompiled(monkeypatch):
    m = chain()
    calls = count_compiles(monkeypatch, m)
    with m.batch():
        m.add_node("claim", "new", node_id="x")
        m.link("x", "n1", "supports", 4.0)
    same_answers(m)
    m.remove_node("x")
    same_answers(m)
    m.remove_node("n3")  # n1 keeps its level through n2
    same_answers(m)
    assert calls[0] == 0


def test_a_reason_added_to_a_leaf_raises_the_levels_above_it_without_a_recompile(monkeypatch):
    m = chain()
    calls = count_compiles(monkeypatch, m)
    depth = len(engine_for(m).compiled.levels)
    with m.batch():
        m.add_node("claim", "new", node_id="x")
        m.link("x", "n2", "supports", 4.0)  # n2 had no reasons: it, n1 and n0 move up a level
    same_answers(m)
    assert len(engine_for(m).compiled.levels) == depth + 1
    m.remove_node("x")  # and back down
    same_answers(m)
    assert len(engine_for(m).compiled.levels) == depth
    assert calls[0] == 0


def test_removing_the_last_reason_of_a_node_lowers_it_without_a_recompile(monkeypatch):
    m = build(3, [(1, 0, False, 2.0), (2, 1, False, 3.0)], cyclic=False)
    evaluate(m)
    calls = count_compiles(monkeypatch, m)
    m.remove_node("n2")  # n1 drops to level 0, the thesis to 1
    same_answers(m)
    assert calls[0] == 0
    assert len(engine_for(m).compiled.levels) == 2


def test_a_node_with_reasons_or_two_links_is_patched_too(monkeypatch):
    m = chain()
    calls = count_compiles(monkeypatch, m)
    m.remove_node("n1")  # it has reasons (restructure.py)
    same_answers(m)
    with m.batch():
        m.add_node("claim", "new", node_id="x")
        m.link("x", "n0", "supports", 2.0)
        m.link("x", "n2", "attacks", 2.0)  # two links
    same_answers(m)
    m.link("n3", "n0", "supports", 2.0)  # a new link between existing nodes
    same_answers(m)
    assert calls[0] == 0


def test_a_scenario_edit_in_the_same_batch_recompiles(monkeypatch):
    m = chain()
    calls = count_compiles(monkeypatch, m)
    m.put_scenario(Scenario(SCENARIO, priors={}, strengths={}))
    evaluate(m, SCENARIO)
    with m.batch():
        m.add_node("claim", "new", node_id="x")
        m.link("x", "n1", "supports", 4.0)
        m.put_scenario(Scenario(SCENARIO, priors={"x": 0.9}, strengths={}))
    same_answers(m)
    assert calls[0] == 1


def test_a_reason_added_into_a_cycle_is_patched_and_solved_again(monkeypatch):
    m = build(4, [(1, 0, False, 2.0), (2, 1, False, 3.0), (1, 2, True, 2.0), (3, 2, False, 2.0)],
              cyclic=True)  # fmt: skip
    evaluate(m)
    calls = count_compiles(monkeypatch, m)
    with m.batch():
        m.add_node("claim", "new", node_id="x")
        m.link("x", "n2", "supports", 5.0)
    same_answers(m)
    m.remove_node("x")
    same_answers(m)
    assert calls[0] == 0
    assert engine_for(m).compiled.cycles
