"""Structural edits patched into the compiled arrays must answer as a fresh compile does.

Beyond the one-leaf patch, the engine folds links between existing nodes, removed links,
deleted nodes with reasons, flipped relations and several of these in one step into its
arrays (`model/credence/restructure.py`). A slip there shows a wrong credence on the map
with nothing to tell, so for any sequence of such edits, on maps with cycles too, every
credence under the map's weights and under a scenario must equal what compiling the edited
map from scratch gives. Edits the patch must not take (a new cycle, a link inside a cycle
removed, a large import) are checked to recompile; the undo of an import is patched.
"""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.argmap import ArgumentMap, MapError
from model.credence import engine_for, evaluate
from model.credence.restructure import MAX_ADDED
from model.entities import Scenario
from tests.test_credence_patch import SCENARIO, build, count_compiles, fresh_copy

KINDS = ["leaf", "link", "unlink", "flip", "strength", "remove", "batch", "prior", "two"]
EDIT = st.tuples(st.sampled_from(KINDS), st.integers(0, 999), st.integers(0, 999))


def exact(m: ArgumentMap) -> None:
    """Every credence equals a fresh compile's to 1e-9, under both weightings."""
    ref = fresh_copy(m)
    for scenario in ("", SCENARIO):
        got, want = evaluate(m, scenario).as_dict(), evaluate(ref, scenario).as_dict()
        assert got.keys() == want.keys()
        ids = sorted(got)
        diff = np.abs(np.array([got[i] for i in ids]) - np.array([want[i] for i in ids]))
        assert diff.max(initial=0.0) < 1e-9, (scenario, ids[int(diff.argmax())], diff.max())


def edit(m: ArgumentMap, what: str, i: int, j: int, step: int) -> None:
    """One edit a person makes; refused ones (MapError) leave the map as it was."""
    ids = sorted(m.graph.nodes)
    a, b = ids[i % len(ids)], ids[j % len(ids)]
    rel = "attacks" if (i + j) % 2 else "supports"
    try:
        if what == "leaf":
            with m.batch():
                m.add_node("claim", "new", node_id=f"x{step}", prior=0.1 + (i % 8) / 10)
                m.link(f"x{step}", b, rel, 1.5 + j % 4)
        elif what == "link":
            m.link(a, b, rel, 1.2 + i % 5)
        elif what in ("unlink", "flip", "strength") and m.graph.out_degree(a):
            target = sorted(m.graph.succ[a])[j % m.graph.out_degree(a)]
            if what == "unlink":
                m.unlink(a, target)
            elif what == "flip":
                old = m.edge(a, target).relation
                m.update_edge(a, target, relation="attacks" if old == "supports" else "supports")
            else:
                m.update_edge(a, target, strength=1.1 + j % 7)
        elif what == "remove" and a != "n0":
            m.remove_node(a)
        elif what == "batch":  # a merge-like step: a node goes, its reasons move to another
            with m.batch():
                reasons = sorted(m.graph.pred[a]) if a != "n0" else []
                if a != "n0":
                    m.remove_node(a)
                for r in reasons:
                    if r != b and b in m.graph and not m.graph.has_edge(r, b):
                        m.link(r, b, rel, 2.0)
        elif what == "prior" and a != "n0":
            m.set_prior(a, 0.05 + (j % 9) / 10)
        elif what == "two":  # a new node with a reason of its own and two targets
            with m.batch():
                m.add_node("claim", "two", node_id=f"y{step}")
                m.link(f"y{step}", a, rel, 3.0)
                m.link(f"y{step}", b, "supports", 2.0)
                m.link(ids[(i + j) % len(ids)], f"y{step}", "attacks", 2.5)
    except MapError:
        pass


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n=st.integers(2, 14),
    links=st.lists(
        st.tuples(st.integers(0, 50), st.integers(0, 50), st.booleans(), st.floats(1.1, 6.0)),
        max_size=30,
    ),
    cyclic=st.booleans(),
    edits=st.lists(EDIT, min_size=1, max_size=15),
)
def test_any_sequence_of_structural_edits_answers_as_a_fresh_compile(n, links, cyclic, edits):
    m = build(n, links, cyclic)
    m.put_scenario(Scenario(SCENARIO, priors={"n1": 0.15}, strengths={}, reading=False))
    evaluate(m, SCENARIO), evaluate(m, "")  # both states exist before the edits
    for step, (what, i, j) in enumerate(edits):
        edit(m, what, i, j, step)
        exact(m)


def test_a_link_between_existing_nodes_a_removed_link_and_a_flip_are_patched(monkeypatch):
    m = build(6, [(1, 0, False, 2.0), (2, 1, False, 3.0), (3, 1, True, 2.0), (4, 2, False, 2.0),
                  (5, 0, True, 4.0)], cyclic=False)  # fmt: skip
    evaluate(m)
    calls = count_compiles(monkeypatch, m)
    before = evaluate(m)["n0"]
    m.link("n5", "n4", "supports", 3.0)  # n5 goes down the order below n4: the order moves
    exact(m)
    m.update_edge("n3", "n1", relation="supports")
    exact(m)
    m.unlink("n2", "n1")
    exact(m)
    m.remove_node("n1")  # a node with reasons and a link
    exact(m)
    assert calls[0] == 0
    assert evaluate(m)["n0"] != before


def test_edits_that_change_a_cycle_or_are_large_recompile(monkeypatch):
    m = build(4, [(1, 0, False, 2.0), (2, 1, False, 3.0), (3, 2, True, 2.0)], cyclic=True)
    evaluate(m)
    calls = count_compiles(monkeypatch, m)
    m.link("n1", "n3", "supports", 2.0)  # n1 → n3 → n2 → n1: a new cycle
    exact(m)
    assert calls[0] == 1 and engine_for(m).compiled.cycles
    m.link("n2", "n3", "attacks", 2.0)  # inside the cycle: patched
    exact(m)
    assert calls[0] == 1
    m.unlink("n2", "n3")  # a link inside a cycle goes: the cycle may fall apart
    exact(m)
    assert calls[0] == 2
    with m.batch():  # an import: more new nodes and links than a patch takes
        for k in range(MAX_ADDED):
            m.add_node("claim", "imported", node_id=f"i{k}")
            m.link(f"i{k}", "n0", "supports", 2.0)
    exact(m)
    assert calls[0] == 3


def test_undoing_an_import_removes_its_nodes_without_a_recompile(monkeypatch):
    """An import adds hundreds of reasons in one step (compiled); its undo removes them all in
    one step, patched, and the map answers as before the import."""
    m = build(8, [(1, 0, False, 2.0), (2, 1, True, 3.0), (3, 1, False, 2.0), (4, 0, True, 2.0),
                  (5, 4, False, 2.0), (6, 2, False, 4.0), (7, 6, True, 2.0)], cyclic=False)  # fmt: skip
    m.put_scenario(Scenario(SCENARIO, priors={"n3": 0.9}, strengths={}))
    before = {s: evaluate(m, s).as_dict() for s in ("", SCENARIO)}
    with m.batch():
        for k in range(300):
            m.add_node("claim", "imported", node_id=f"i{k}", prior=0.2 + (k % 7) / 10)
            m.link(f"i{k}", f"n{k % 8}", "attacks" if k % 3 else "supports", 1.5 + k % 4)
        for k in range(0, 300, 10):
            m.link(f"i{k + 1}", f"i{k}", "supports", 2.0)  # imported reasons of imported claims
    exact(m)
    calls = count_compiles(monkeypatch, m)
    with m.batch():
        for k in range(300):
            m.remove_node(f"i{k}")
    exact(m)
    assert calls[0] == 0
    after = {s: evaluate(m, s).as_dict() for s in ("", SCENARIO)}
    for s in before:
        assert after[s].keys() == before[s].keys()
        assert all(abs(after[s][i] - before[s][i]) < 1e-9 for i in before[s])
