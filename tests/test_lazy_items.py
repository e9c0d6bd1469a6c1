"""Big maps build their items lazily (ui.map.scene, "Lazy items"): what a person sees and
does must not tell. Cards in view are there, a card found far away is built, selected and
shown, a selection survives panning, an edit to a card nobody has looked at yet shows when
it comes into view, and an exported picture holds the whole map."""

from __future__ import annotations

import os
import random

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF, Qt

import ui.map.scene as scene_mod
from model.argmap import ArgumentMap
from ui.map.items import EdgeItem, NodeItem
from ui.map.scene import MapScene
from ui.map.view import MapView


def hub_map(n: int, seed: int = 3) -> ArgumentMap:
    """A thesis with many direct reasons, a bushy tree under them and a few cross links:
    the shape that makes long links cross the view."""
    rng = random.Random(seed)
    amap = ArgumentMap()
    with amap.batch("build"):
        amap.add_node("thesis", "The thesis", node_id="n0")
        for i in range(1, n):
            kind = rng.choice(["claim", "claim", "evidence"])
            amap.add_node(kind, f"Reason {i} " + "word " * rng.randint(1, 9), node_id=f"n{i}")
            target = int(rng.random() ** 2 * i) if rng.random() < 0.5 else rng.randrange(i)
            amap.link(f"n{i}", f"n{target}", rng.choice(["supports", "supports", "attacks"]))
        for _ in range(n // 40):
            u, v = f"n{rng.randrange(1, n)}", f"n{rng.randrange(n)}"
            if u != v and not amap.graph.has_edge(u, v) and not amap.graph.has_edge(v, u):
                try:
                    amap.link(u, v, "attacks", "weak")
                except Exception:  # noqa: BLE001 - a cycle the model refuses: skip it
                    pass
    return amap


def in_view(amap, zoom: float) -> tuple[MapScene, MapView]:  # noqa: ANN001
    """The map in a 1000 × 700 view at this zoom."""
    scene = MapScene(amap)
    view = MapView(scene)
    view.resize(1000, 700)
    view.show()
    view.set_zoom(zoom)
    return scene, view


@pytest.fixture
def lazy(qapp, monkeypatch):
    """A 1,500-node map shown lazily (the threshold lowered so the test stays small)."""
    monkeypatch.setattr(scene_mod, "LAZY_FROM", 500)
    amap = hub_map(1500)
    scene, view = in_view(amap, 1.0)
    view.centerOn(*scene.layout.positions["n0"])
    yield amap, scene, view
    view.close()
    scene.detach()


def built_ids(scene: MapScene) -> set[str]:
    return {i.node_id for i in scene.node_items()}


def far_list(scene: MapScene, view: MapView) -> list[str]:
    """Laid-out nodes without an item yet, nearest to the view first."""
    seen = view.visible_scene_rect()
    cx, cy = seen.center().x(), seen.center().y()
    built = built_ids(scene)
    far = sorted((abs(x - cx) + abs(y - cy), nid) for nid, (x, y)
                 in scene.layout.positions.items() if nid not in built)  # fmt: skip
    return [nid for _, nid in far]


def far_node(scene: MapScene, view: MapView) -> str:
    """A laid-out node well away from what the view has shown (so it has no item yet)."""
    return far_list(scene, view)[-1]


def shows(scene: MapScene, item: NodeItem) -> tuple:
    """What a card shows a person."""
    return (item.title, item.kind, item.role, item.credence, item.pull, item.hidden_count,
            item.highlighted, item.opacity(), item.isVisible(), (item.x(), item.y()))  # fmt: skip


def eager_twin(amap: ArgumentMap, monkeypatch) -> MapScene:
    """The same map with every item built on open (as small maps are)."""
    monkeypatch.setattr(scene_mod, "LAZY_FROM", 10**9)
    return MapScene(amap)


def test_cards_in_view_are_built_and_far_ones_are_not(lazy):
    amap, scene, view = lazy
    seen = view.visible_scene_rect()
    in_view = {nid for nid, (x, y) in scene.layout.positions.items() if seen.contains(x, y)}
    assert in_view and in_view <= built_ids(scene)  # nothing the user looks at is missing
    for u, v in amap.graph.edges:
        if u in in_view and v in in_view:
            assert scene.edge_item(u, v) in scene.items(seen)
    assert len(built_ids(scene)) < amap.graph.number_of_nodes() / 3  # the rest waits


def test_finding_a_far_node_builds_selects_and_shows_it(lazy):
    amap, scene, view = lazy
    nid = far_node(scene, view)
    view.center_on_node(nid, select=True)
    assert scene.selected_node_ids() == [nid]
    item = scene.node_item(nid)
    assert item.isSelected() and item.isVisible()
    assert view.visible_scene_rect().contains(item.sceneBoundingRect())
    image = view.viewport().grab().toImage()
    centre = view.mapFromScene(item.pos())
    colour = image.pixelColor(centre.x(), centre.y() - 20)
    assert colour != scene.look.theme.background  # the card is drawn there


def test_a_selection_survives_panning_away_and_back(lazy):
    amap, scene, view = lazy
    here = "n0"
    scene.select_nodes([here])
    before = view.visible_scene_rect().center()
    for _ in range(3):  # far away (building what it passes), then back
        view.center_on_node(far_node(scene, view))
    view.centerOn(before)
    assert scene.selected_node_ids() == [here]
    assert scene.node_item(here).isSelected()


def test_edits_to_unseen_cards_show_once_in_view(lazy, monkeypatch):
    amap, scene, view = lazy
    nid = far_node(scene, view)
    target = scene.layout.parent[nid]
    amap.update_node(nid, title="A title edited while nobody looked")
    amap.set_prior(nid, 0.93)  # its credence, its pull on its target and theirs move
    scene.set_highlight({nid})
    scene.set_dimmed({target})
    other = next(n for n in reversed(far_list(scene, view)) if n not in (nid, target))
    new = amap.add_node("claim", "A reason added far away", node_id="added")
    amap.link(new, other, "attacks")  # a new card is built at once, with its link and target
    assert nid not in built_ids(scene) and target not in built_ids(scene)
    view.centerOn(*scene.layout.positions[nid])  # scrolled there: built as the view reveals it
    assert {nid, target} <= built_ids(scene)
    fresh = eager_twin(amap, monkeypatch)
    fresh.set_highlight({nid})
    fresh.set_dimmed({target})
    for shown in (nid, target, new, other):
        assert shows(scene, scene.node_item(shown)) == shows(fresh, fresh.node_item(shown))
    assert scene.edge_item(nid, target).isVisible() and scene.edge_item(new, other).isVisible()
    fresh.detach()


def test_an_exported_picture_holds_the_cards_never_shown(lazy, tmp_path):
    amap, scene, view = lazy
    nid = far_node(scene, view)
    scene.render_image(tmp_path / "map.svg")
    first_line = " ".join(scene.title(nid).split()[:2])  # "Reason 1234" (titles wrap)
    assert f">{first_line} " in (tmp_path / "map.svg").read_text()


@pytest.fixture(scope="module")
def twins(qapp):
    """One map as a lazy scene (nothing built yet) and as an eager one (every item)."""
    old = scene_mod.LAZY_FROM
    amap = hub_map(700, seed=5)
    scene_mod.LAZY_FROM = 10**9
    eager = MapScene(amap)
    scene_mod.LAZY_FROM = 0
    lazy = MapScene(amap)
    scene_mod.LAZY_FROM = old
    yield lazy, eager
    for s in (lazy, eager):
        s.detach()


def check_built(lazy: MapScene, eager: MapScene, rect: QRectF) -> None:
    old, scene_mod.LAZY_FROM = scene_mod.LAZY_FROM, 0
    try:
        lazy.rebuild()  # no item left from an earlier example
    finally:
        scene_mod.LAZY_FROM = old
    assert lazy.built_counts() == (0, 0)
    lazy.reveal(rect)
    for item in eager.items(rect, Qt.ItemSelectionMode.IntersectsItemShape):
        if isinstance(item, NodeItem):
            assert item.node_id in lazy._nodes, item.node_id
        elif isinstance(item, EdgeItem) and item.isVisible():
            assert item.key in lazy._edges, item.key


SLOW = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=40, deadline=None, suppress_health_check=SLOW)
@given(fx=st.floats(0, 1), fy=st.floats(0, 1), w=st.floats(50, 4000), h=st.floats(50, 3000))
def test_what_a_view_shows_is_built(twins, fx, fy, w, h):
    """For any rectangle of the map, every card and link an eager scene draws there has an
    item in the lazy scene once a view shows that rectangle."""
    lazy, eager = twins
    box = eager.items_rect()
    rect = QRectF(box.left() + fx * box.width() - w / 2, box.top() + fy * box.height() - h / 2,
                  w, h)  # fmt: skip
    check_built(lazy, eager, rect)


@settings(max_examples=150, deadline=None, suppress_health_check=SLOW)
@given(pick=st.integers(0, 10**6), where=st.floats(0, 1), dx=st.floats(-20, 20),
       dy=st.floats(-20, 20), w=st.floats(2, 60), h=st.floats(2, 60))  # fmt: skip
def test_a_small_view_on_any_link_builds_it(twins, pick, where, dx, dy, w, h):
    """A small view anywhere along a link's drawn route (its ends, where it turns, where it
    arrives) builds it: no link the user could see is missing."""
    lazy, eager = twins
    keys = sorted(eager._edges)
    point = eager._edges[keys[pick % len(keys)]].path().pointAtPercent(where)
    check_built(lazy, eager, QRectF(point.x() + dx - w / 2, point.y() + dy - h / 2, w, h))


# ------------------------------------------------------------------ the comb into a hub
def hub_with_reasons(n: int, weighed: bool) -> ArgumentMap:
    amap = ArgumentMap()
    amap.add_node("thesis", "Hub", node_id="h")
    for i in range(n):
        amap.add_node("claim", f"Reason {i}", node_id=f"r{i}")
        amap.link(f"r{i}", "h", "attacks" if i % 3 == 0 else "supports",
                  "strong" if weighed else None)  # fmt: skip
    return amap


def drawn_at(scene: MapScene, scale: float, points) -> list[bool]:  # noqa: ANN001
    """Whether the map drawn at `scale` has ink (not background) within 2 px of each point."""
    from PySide6.QtGui import QImage, QPainter

    rect = scene.items_rect()
    image = QImage(int(rect.width() * scale) + 1, int(rect.height() * scale) + 1,
                   QImage.Format.Format_RGB32)  # fmt: skip
    image.fill(scene.look.theme.background)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), rect)
    painter.end()
    background = scene.look.theme.background.rgb()
    out = []
    for p in points:
        x, y = (p.x() - rect.left()) * scale, (p.y() - rect.top()) * scale
        out.append(any(
            image.pixel(min(max(int(x) + dx, 0), image.width() - 1),
                        min(max(int(y) + dy, 0), image.height() - 1)) != background
            for dx in range(-2, 3) for dy in range(-2, 3)
        ))  # fmt: skip
    return out


@pytest.mark.parametrize("more, weighed", [(20, True), (20, False), (-28, False)])
def test_every_link_into_a_hub_is_drawn_along_its_route(qapp, more, weighed):
    """A target with many reasons draws their links as one comb (each shared run once) and
    a dotted or dashed link is stroked only where it shows: every point of every link's
    route is still inked, solid, dashed (attacks) or dotted (unweighed)."""
    from ui.map.bundle import BUNDLE_FROM

    n = BUNDLE_FROM + more
    amap = hub_with_reasons(n, weighed=weighed)
    scene = MapScene(amap)
    assert ("h" in scene._bundles) == (n >= BUNDLE_FROM)
    links = [scene.edge_item(f"r{i}", "h") for i in range(n)]
    assert all(link.hub == (n >= BUNDLE_FROM) for link in links)
    points = [link.path().pointAtPercent(t) for link in links for t in (0.05, 0.3, 0.6, 0.97)]
    assert all(drawn_at(scene, 0.5, points))
    scene.detach()


def test_a_selected_link_into_a_hub_shows_its_selection(qapp):
    """The comb draws the hub's links; a selected one still shows its selection halo."""
    from ui.map.bundle import BUNDLE_FROM

    amap = hub_with_reasons(BUNDLE_FROM + 5, weighed=False)
    scene = MapScene(amap)
    link = scene.edge_item("r7", "h")
    link.setSelected(True)
    colour = scene.look.theme.selection
    from PySide6.QtGui import QImage, QPainter

    point = link.path().pointAtPercent(0.5)
    image = QImage(80, 80, QImage.Format.Format_RGB32)
    image.fill(scene.look.theme.background)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 80, 80), QRectF(point.x() - 40, point.y() - 40, 80, 80))
    painter.end()
    near = {image.pixelColor(40 + dx, 40 + dy).name() for dx in range(-4, 5) for dy in range(-4, 5)}
    assert colour.name() in near  # the halo round the selected link, over or beside the comb
    scene.detach()


def test_a_big_maps_badges_come_with_its_first_frame_or_its_picture(qapp, qtbot, monkeypatch,
                                                                     tmp_path):  # fmt: skip
    """Big maps hold their first credence pass until a view has painted (the first frame
    comes sooner); a view's first frame, or a picture made with no view at all, brings the
    badges."""
    monkeypatch.setattr(scene_mod, "DEFER_CREDENCE", 100)
    amap = hub_map(400)
    scene = MapScene(amap)
    assert scene.credence("n0") is None  # not yet: no frame painted
    view = MapView(scene)
    view.resize(600, 400)
    view.show()
    qtbot.waitUntil(lambda: scene.credence("n0") is not None, timeout=2000)
    assert scene.node_item("n0").credence == scene.credence("n0")
    view.close()
    headless = MapScene(amap)
    headless.render_image(tmp_path / "map.png")
    assert headless.node_item("n0").credence == scene.credence("n0")
    for s in (scene, headless):
        s.detach()


def test_cards_placed_without_a_new_layout_are_built_where_they_land(lazy, monkeypatch):
    """Big maps place added reasons and re-hang the reasons of a removed node without a new
    layout (`_follow`); a view that then goes there builds every card and link it shows, at
    the place the layout gives it."""
    monkeypatch.setattr(scene_mod, "INCREMENTAL_FROM", 0)
    amap, scene, view = lazy
    nid = far_node(scene, view)
    middle = scene.layout.parent[nid]
    if middle == "n0":
        pytest.skip("the far node hangs under the thesis")
    amap.remove_node(middle)  # its reasons hang elsewhere now, no other card moves
    for i in range(3):
        amap.add_node("claim", f"Added far away {i}", node_id=f"add{i}")
        amap.link(f"add{i}", nid, "supports")
    view.centerOn(*scene.layout.positions[nid])
    seen = view.visible_scene_rect()
    lay = scene.layout
    inside = {n for n, (x, y) in lay.positions.items() if seen.contains(x, y)}
    assert nid in inside and inside <= built_ids(scene)
    for n in inside | {"add0", "add1", "add2"}:
        assert (scene._nodes[n].x(), scene._nodes[n].y()) == lay.positions[n]
    for u, v in amap.graph.edges:
        if u in inside and v in inside:
            assert (u, v) in scene._edges


def test_a_zoom_on_a_big_map_places_labels_once_it_pauses(qtbot, monkeypatch):
    """While a big map is zoomed, frames move the last placed labels with their cards (a
    placement costs ~0.1 s at 100,000 nodes, every frame of a wheel zoom paid it); when the
    zoom pauses the labels are placed for the zoom shown. A small map places them at once."""
    import ui.map.labels as labels_mod
    from model.layout import NODE_H, NODE_W

    calls = []
    real = labels_mod.choose_labels
    monkeypatch.setattr(
        labels_mod, "choose_labels", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    for big in (True, False):
        monkeypatch.setattr(labels_mod, "SETTLE_FROM", 100 if big else 10**9)
        amap = hub_map(400)
        scene, view = in_view(amap, 0.2)
        view.viewport().grab()
        layer, first = scene._labels, list(calls)
        assert first, "the first zoomed-out frame places its labels"
        placed = {nid: (x, y) for nid, x, y, _, _ in layer.placements(0.2)}
        view.set_zoom(0.25)
        view.viewport().grab()
        shown = layer.shown_placements(0.25)
        if big:
            assert calls == first, "no placement in the middle of a zoom"
            assert {s[0] for s in shown} == set(placed)
            for nid, x, y, _, _ in shown:  # each label still sits at its card's corner
                px, py = scene.layout.positions[nid]
                left, top = px - NODE_W / 2, py - NODE_H / 2
                ox, oy = placed[nid][0] - left * 0.2, placed[nid][1] - top * 0.2
                assert (x, y) == pytest.approx((left * 0.25 + ox, top * 0.25 + oy))
            n = len(first)
            qtbot.waitUntil(lambda n=n: len(calls) > n, timeout=2000)  # the zoom paused
            assert round(0.25, 5) in layer._cache
        else:
            assert len(calls) > len(first)
        calls.clear()
        view.close()
        scene.detach()
