"""Every edit costs what it changes: the panels follow the change notifications.

The Sources panel's counts, the filter bar's tags and filter, the map's credence badges and
the model's side cache are updated from "what changed, which nodes" instead of a rescan of
the map. For any sequence of edits they must equal what a full recount gives; and a weight
edit must not walk the map's nodes at all.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QUndoStack

from model.argmap import ArgumentMap, MapError
from model.credence import credences
from model.entities import Citation, Source
from model.search import all_tags, filter_nodes
from ui.map.filterbar import FilterBar
from ui.map.scene import MapScene
from ui.panels.sources_panel import SourcesPanel

TAGS = ("compute", "data", "energy")


def small_map() -> ArgumentMap:
    m = ArgumentMap()
    for sid in ("s1", "s2"):
        m.add_source(Source(sid, f"Source {sid}"))
    m.add_node("thesis", "Scaling gets there", node_id="t")
    m.add_node("claim", "Compute grows", node_id="a", tags=("compute",),
               citations=(Citation("s1"),))  # fmt: skip
    m.add_node("evidence", "Data runs out", node_id="b", citations=(Citation("s2"),))
    m.link("a", "t", "supports", "moderate")
    m.link("b", "a", "attacks", "moderate")
    return m


EDIT = st.tuples(
    st.sampled_from(["add", "link", "unlink", "flip", "prior", "tags", "cite", "remove", "undo"]),
    st.integers(0, 50),
    st.integers(0, 50),
)


def apply_edit(m: ArgumentMap, edit: tuple[str, int, int], n: list[int]) -> None:
    what, i, j = edit
    ids = sorted(m.graph.nodes)
    a, b = ids[i % len(ids)], ids[j % len(ids)]
    try:
        if what == "add":
            n[0] += 1
            m.add_node("claim", f"Claim {n[0]}", node_id=f"x{n[0]}", tags=(TAGS[i % 3],))
        elif what == "link":
            m.link(a, b, "attacks" if j % 2 else "supports")
        elif what in ("unlink", "flip") and m.graph.out_degree(a):
            target = next(iter(m.graph.succ[a]))
            if what == "unlink":
                m.unlink(a, target)
            else:
                rel = m.edge(a, target).relation
                m.update_edge(a, target, relation="attacks" if rel == "supports" else "supports")
        elif what == "prior" and m.node(a).kind != "thesis":
            m.set_prior(a, (i % 9 + 1) / 10)
        elif what == "tags":
            m.update_node(a, tags=tuple(TAGS[: j % 4]))
        elif what == "cite":
            m.update_node(a, citations=(Citation("s1" if j % 2 else "s2"),) * (i % 2))
        elif what == "remove" and a != "t":
            m.remove_node(a)
        elif what == "undo":  # a failing batch rolls back and announces what it touched
            with m.batch("fails"):
                m.set_prior(a, 0.5) if m.node(a).kind != "thesis" else None
                m.link(a, a)
    except MapError:
        pass


def fresh_sides(m: ArgumentMap) -> dict[str, int]:
    m._sides = None  # bypass the cache
    return m.sides()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EDIT, max_size=25))
def test_followed_state_equals_a_full_recount_after_any_edits(qapp, edits):
    m = small_map()
    panel, bar, scene = SourcesPanel(m, QUndoStack()), FilterBar(m), MapScene(m)
    bar.show()  # the bar counts tags from when it is first shown
    bar.tag.setCurrentIndex(bar.tag.findData("compute"))  # a filter is on
    n = [0]
    for edit in edits:
        apply_edit(m, edit, n)
        cached = m.sides()
        assert cached == fresh_sides(m)
    counts = Counter(c for node in m.nodes() for c in {c.source for c in node.citations})
    shown = {panel.tree.topLevelItem(i).data(0, 256): panel.tree.topLevelItem(i).text(3)
             for i in range(panel.tree.topLevelItemCount())}  # fmt: skip
    assert shown == {sid: str(counts.get(sid, 0)) for sid in m.sources}
    assert [bar.tag.itemData(i) for i in range(1, bar.tag.count())] == all_tags(m)
    if bar.tag.currentData() is not None:
        assert bar.kept == filter_nodes(m, tags={bar.tag.currentData()})
    values = credences(m)
    assert {nid: scene.node_item(nid).credence for nid in m.graph.nodes} == values
    for w in (panel, bar, scene):
        w.detach()
        w.deleteLater()
    bar.hide()


def test_a_weight_edit_never_walks_the_map(qtbot, monkeypatch):
    """Sources, filter tags and credence badges update a weight edit without a rescan."""
    m = small_map()
    for i in range(200):
        m.add_node("claim", f"Claim {i}", node_id=f"c{i}")
        m.link(f"c{i}", "a")
    panel, bar, scene = SourcesPanel(m, QUndoStack()), FilterBar(m), MapScene(m)
    qtbot.addWidget(panel)
    qtbot.addWidget(bar)
    bar.show()
    walks = []
    real = ArgumentMap.nodes
    monkeypatch.setattr(ArgumentMap, "nodes", lambda self: walks.append(1) or real(self))
    m.set_prior("c7", 0.9)
    m.update_node("b", tags=("data",))  # a new tag: the chooser gets it, still no walk
    assert walks == []
    assert bar.tag.findData("data") > 0
    assert scene.node_item("c7").credence == credences(m)["c7"]
    for w in (panel, bar, scene):
        w.detach()


def test_flipping_a_relation_on_a_big_map_keeps_every_card_in_place(qapp, monkeypatch):
    """On a big map a supports/attacks flip recolours the link and moves the credences but
    no card (a full layout took 5 s at 100k); a small map still re-sorts the reason."""
    import ui.map.scene as scene_mod

    for big in (True, False):
        monkeypatch.setattr(scene_mod, "INCREMENTAL_FROM", 0 if big else 10**9)
        m = small_map()
        for i in range(30):
            m.add_node("claim", f"Claim {i}", node_id=f"c{i}")
            m.link(f"c{i}", "t", "supports", strength="strong")
        scene = MapScene(m)
        before = dict(scene.layout.positions)
        layouts = []
        monkeypatch.setattr(scene, "relayout", lambda *a, _l=layouts, **k: _l.append(1))
        m.update_edge("c3", "t", relation="attacks")
        assert scene.edge_item("c3", "t").relation == "attacks"
        assert {n: scene.node_item(n).credence for n in m.graph.nodes} == credences(m)
        if big:
            assert layouts == [] and scene.layout.positions == before
        else:
            assert layouts == [1]
        scene.detach()
        scene.deleteLater()


def test_only_badges_whose_credence_moved_are_repainted(qtbot, monkeypatch):
    m = small_map()
    for i in range(50):
        m.add_node("claim", f"Side note {i}", node_id=f"s{i}")  # unlinked: never moves
    scene = MapScene(m)
    repainted = []
    monkeypatch.setattr(
        type(scene.node_item("a")), "update", lambda self, *rect: repainted.append(self)
    )
    m.set_prior("b", 0.95)  # moves b, a (b attacks a) and the thesis
    assert {i.node_id for i in repainted} == {"b", "a", "t"}
    scene.detach()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EDIT, max_size=25))
def test_a_map_followed_without_new_layouts_shows_what_a_fresh_scene_shows(qapp, edits):
    """Big maps take added and removed nodes without a new layout (ui.map.scene._follow):
    the badges, pulls and tree links then still equal those of a scene built afresh, every
    node has a card, and no two cards overlap."""
    import ui.map.scene as scene_mod
    from model.layout import NODE_H, NODE_W

    old = scene_mod.INCREMENTAL_FROM
    scene_mod.INCREMENTAL_FROM = 0
    try:
        m = small_map()
        scene = MapScene(m)
        n = [0]
        for edit in edits:
            apply_edit(m, edit, n)
        fresh = MapScene(m)
        lay = scene.layout
        assert set(lay.positions) == set(m.graph.nodes) == {i.node_id for i in scene.node_items()}
        assert {nid: scene.node_item(nid).credence for nid in m.graph.nodes} == credences(m)
        for nid in m.graph.nodes:
            up = lay.parent.get(nid)
            assert up is None or m.graph.has_edge(nid, up)
            pull = scene.node_item(nid).pull
            if up is not None and up == fresh.layout.parent.get(nid):
                assert pull == fresh.node_item(nid).pull
        for u, v in m.graph.edges:
            assert scene.edge_item(u, v).tree == (lay.parent.get(u) == v)
        pos = sorted(lay.positions.values())
        for i, (x, y) in enumerate(pos):
            for x2, y2 in pos[i + 1 :]:
                if x2 - x >= NODE_W:
                    break
                assert abs(y2 - y) >= NODE_H, "two cards overlap"
        for s in (scene, fresh):
            s.detach()
            s.deleteLater()
    finally:
        scene_mod.INCREMENTAL_FROM = old


def test_a_new_reason_takes_its_side_from_its_target_without_a_new_pass(monkeypatch):
    """Adding a reason (to the thesis or deeper) or deleting one keeps the side of every node
    right and reuses the sides found before: no breadth-first pass over a 100,000-node map
    for each new card the Inspector shows."""
    m = small_map()
    assert m.side("b") == -1
    passes = []
    real = ArgumentMap._side_map

    def counted(self):  # noqa: ANN001, ANN202
        if self._sides is None or self._sides[0] != self._shape:
            passes.append(1)
        return real(self)

    monkeypatch.setattr(ArgumentMap, "_side_map", counted)
    with m.batch():
        m.add_node("claim", "For the thesis", node_id="p")
        m.link("p", "t", "supports")
    with m.batch():
        m.add_node("claim", "Against the thesis", node_id="q")
        m.link("q", "t", "attacks")
    with m.batch():
        m.add_node("claim", "Attacks an attack", node_id="r")
        m.link("r", "b", "attacks")
    assert (m.side("p"), m.side("q"), m.side("r"), m.side("t")) == (1, -1, 1, 0)
    m.remove_node("r")
    m.unlink("q", "t")
    assert "r" not in m.sides() and m.side("q") == 0
    assert passes == []
    assert m.sides() == fresh_sides(m)
