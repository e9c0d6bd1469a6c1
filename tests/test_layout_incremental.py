"""Big maps follow an added or removed node without a new layout (model.layout.place_new,
forget): a new reason lands next to its target on a free spot, no other card moves, and a
removed node leaves its reasons hanging under another target they bear on."""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from test_layout import random_map  # noqa: E402

from model.layout import CELL_H, CELL_W, NODE_H, NODE_W, compute_layout, forget, place_new  # noqa: E402


def overlaps(positions: dict) -> list[tuple[str, str]]:
    """Pairs of cards whose boxes overlap (a sweep over x: fine for a few hundred nodes)."""
    items = sorted(positions.items(), key=lambda kv: kv[1][0])
    out = []
    for i, (a, (ax, ay)) in enumerate(items):
        for b, (bx, by) in items[i + 1 :]:
            if bx - ax >= NODE_W:
                break
            if abs(ay - by) < NODE_H:
                out.append((a, b))
    return out


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 120), seed=st.integers(0, 10**6), adds=st.integers(1, 12))
def test_added_reasons_land_next_to_their_target_and_move_nothing(n, seed, adds) -> None:
    rng = random.Random(seed)
    amap = random_map(n, seed, extra=n // 10)
    lay = compute_layout(amap)
    before = dict(lay.positions)
    new = []
    with amap.batch():
        for k in range(adds):
            target = rng.choice(list(lay.positions) + new)  # a placed node, or one just added
            nid = f"new{k}"
            amap.add_node("claim", f"added {k}", node_id=nid)
            amap.link(nid, target, rng.choice(["supports", "attacks"]))
            new.append(nid)
    placed = place_new(lay, amap, new)
    assert sorted(placed) == sorted(new)
    assert {k: lay.positions[k] for k in before} == before  # no other card moved
    assert not overlaps(lay.positions)
    for nid in new:
        target = lay.parent[nid]
        assert amap.graph.has_edge(nid, target) and nid in lay.children[target]
        assert lay.positions[nid][1] > lay.positions[target][1]  # below it, as every reason is
    for nid in new:  # next to its target or to the reasons beside it
        x, y = lay.positions[nid]
        near = [lay.parent[nid], *lay.children[lay.parent[nid]]]
        assert min(abs(x - lay.positions[v][0]) / CELL_W + abs(y - lay.positions[v][1]) / CELL_H
                   for v in near if v != nid) <= 6  # fmt: skip


def test_a_new_node_that_an_existing_node_bears_on_needs_a_full_layout() -> None:
    amap = random_map(10, 1)
    lay = compute_layout(amap)
    with amap.batch():
        amap.add_node("claim", "new target", node_id="x")
        amap.link("n3", "x", "supports")
    assert place_new(lay, amap, ["x"]) is None


@settings(max_examples=60, deadline=None)
@given(n=st.integers(3, 80), seed=st.integers(0, 10**6), drop=st.integers(1, 6))
def test_removed_nodes_leave_a_gap_and_their_reasons_hang_under_a_target(n, seed, drop) -> None:
    rng = random.Random(seed)
    amap = random_map(n, seed, extra=n // 5)
    lay = compute_layout(amap)
    gone = rng.sample([f"n{i}" for i in range(1, n)], min(drop, n - 1))
    links = [key for nid in gone for key in (*amap.graph.in_edges(nid), *amap.graph.out_edges(nid))]
    before = dict(lay.positions)
    with amap.batch():
        for nid in gone:
            amap.remove_node(nid)
    moved = forget(lay, amap, gone, links)
    assert moved is not None
    assert set(lay.positions) == set(before) - set(gone)
    assert all(lay.positions[k] == before[k] for k in lay.positions)  # nothing else moved
    for u, v in lay.parent.items():
        assert amap.graph.has_edge(u, v) and u in lay.children[v]
    for v, kids in lay.children.items():
        assert v in lay.positions and all(lay.parent.get(c) == v for c in kids)
    for nid in lay.positions:  # the tree has no loop
        seen, v = set(), nid
        while v is not None:
            assert v not in seen
            seen.add(v)
            v = lay.parent.get(v)


def test_a_scene_places_a_new_reason_without_a_new_layout(monkeypatch, qapp) -> None:
    import ui.map.scene as scene_mod

    monkeypatch.setattr(scene_mod, "INCREMENTAL_FROM", 0)
    layouts = []
    real = scene_mod.compute_layout
    monkeypatch.setattr(
        scene_mod, "compute_layout", lambda *a, **k: layouts.append(1) or real(*a, **k)
    )
    amap = random_map(60, 7, extra=4)
    scene = scene_mod.MapScene(amap)
    before = {i.node_id: (i.x(), i.y()) for i in scene.node_items()}
    with amap.batch():  # as the editor adds a reason: one edit
        amap.add_node("evidence", "new", node_id="x")
        amap.link("x", "n5", "supports")
    assert len(layouts) == 1  # the first layout only
    item = scene.node_item("x")
    assert (item.x(), item.y()) == scene.layout.positions["x"]
    assert {i: before[i] for i in before} == {i.node_id: (i.x(), i.y()) for i in scene.node_items()
                                             if i.node_id != "x"}  # fmt: skip
    assert not overlaps(scene.layout.positions)
    edge = scene.edge_item("x", "n5")
    assert edge.tree and edge.boundingRect().contains(item.pos().x(), item.pos().y() - NODE_H / 2)
    amap.remove_node("x")
    assert scene.node_item("x") is None and "x" not in scene.layout.positions
    assert len(layouts) == 1
    amap.update_node("n5", collapsed=True)  # what only a full layout can show
    assert len(layouts) == 2
    scene.detach()


@pytest.fixture
def qapp():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])
