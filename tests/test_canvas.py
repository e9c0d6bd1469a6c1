"""The map canvas: the scene mirrors the model, draws cheaply when zoomed out, exports images,
follows the system colour scheme, and survives thousands of paints (PySide6 6.12.0 trap)."""

from __future__ import annotations

import os
import random

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QTransform

import ui.theme
from model.argmap import ArgumentMap
from ui.map.items import NodeItem
from ui.map.minimap import Minimap
from ui.map.scene import MapScene
from ui.map.view import MapView


def random_map(n: int, seed: int) -> ArgumentMap:
    rng = random.Random(seed)
    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="n0")
    for i in range(1, n):
        amap.add_node(rng.choice(["claim", "evidence"]), f"node {i}", node_id=f"n{i}")
        amap.link(f"n{i}", f"n{rng.randrange(i)}", rng.choice(["supports", "attacks"]))
    return amap


@pytest.fixture
def small(qapp):
    amap = ArgumentMap()
    amap.add_node("thesis", "Scaling leads to AGI", node_id="T")
    amap.add_node("claim", "Compute keeps growing", node_id="c", prior=0.8)
    amap.add_node("evidence", "Epoch compute series", node_id="e", series="compute")
    amap.link("c", "T", "supports", "strong")
    amap.link("e", "c", "supports")
    scene = MapScene(amap)
    yield amap, scene
    scene.detach()


def render(scene: MapScene, scale: float, size: int = 300) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    rect = scene.items_rect()
    source = QRectF(rect.center().x() - size / scale / 2, rect.top(), size / scale, size / scale)
    scene.render(painter, QRectF(0, 0, size, size), source)
    painter.end()
    return image


def test_scene_follows_model_edits_and_reset(small):
    amap, scene = small
    assert {i.node_id for i in scene.node_items()} == {"T", "c", "e"}
    amap.add_node("claim", "Data runs out", node_id="d")
    amap.link("d", "T", "attacks")
    assert scene.node_item("d").role == "Counterclaim"
    assert scene.edge_item("d", "T").relation == "attacks"
    assert scene.node_item("d").y() > scene.node_item("T").y()
    amap.update_node("c", title="Compute grows 4x a year")
    assert scene.node_item("c").title == "Compute grows 4x a year"
    amap.remove_node("c")
    assert scene.node_item("c") is None and scene.edge_item("e", "c") is None
    fresh = ArgumentMap()
    fresh.add_node("thesis", "Other", node_id="X")
    amap.replace_contents(fresh)
    assert [i.node_id for i in scene.node_items()] == ["X"]


def test_credence_badges_follow_weight_changes(small):
    amap, scene = small
    before = scene.node_item("T").credence
    assert before is not None and 0 < before < 1
    amap.set_prior("c", 0.05)
    assert scene.node_item("T").credence < before


def test_text_is_only_drawn_when_legible(small, monkeypatch):
    amap, scene = small
    calls = []
    monkeypatch.setattr(NodeItem, "_paint_title", lambda self, p, t: calls.append(self.node_id))
    render(scene, 0.1)
    assert calls == []
    render(scene, 1.0)
    assert calls


def test_selection_highlight_and_dimming_api(small, qtbot):
    amap, scene = small
    with qtbot.waitSignal(scene.selectionChangedIds) as sig:
        scene.select_nodes(["c"])
    assert sig.args == [["c"]]
    scene.set_highlight({"e"})
    assert scene.node_item("e").highlighted and not scene.node_item("c").highlighted
    scene.set_highlight(None)
    assert not scene.node_item("e").highlighted
    scene.set_dimmed({"e"})
    assert scene.node_item("e").opacity() < 0.5 and scene.edge_item("e", "c").opacity() < 0.5
    assert scene.node_item("T").opacity() == 1.0
    scene.set_dimmed(None)
    assert scene.node_item("e").opacity() == 1.0


def test_export_png_and_svg_of_whole_map(small, tmp_path):
    amap, scene = small
    scene.select_nodes(["c"])
    scene.render_image(tmp_path / "map.png")
    image = QImage(str(tmp_path / "map.png"))
    rect = scene.items_rect()
    assert not image.isNull()
    assert abs(image.width() / image.height() - rect.width() / rect.height()) < 0.05
    assert scene.selected_node_ids() == ["c"], "export leaves the selection alone"
    scene.render_image(tmp_path / "map.svg")
    svg = (tmp_path / "map.svg").read_text()
    assert svg.startswith("<?xml") and "<svg" in svg and "Compute keeps growing" in svg


def test_export_refusals_are_clear_and_write_nothing(small, tmp_path):
    amap, scene = small
    with pytest.raises(OSError, match="PNG or SVG"):
        scene.render_image(tmp_path / "map.gif")
    with pytest.raises(OSError, match="cannot write"):
        scene.render_image(tmp_path / "missing" / "map.png")
    assert list(tmp_path.iterdir()) == []


def test_theme_follows_dark_scheme(small, monkeypatch):
    amap, scene = small
    light_bg = render(scene, 1.0).pixelColor(2, 2)
    monkeypatch.setattr(ui.theme, "is_dark", lambda: True)
    scene.apply_theme()
    dark_bg = render(scene, 1.0).pixelColor(2, 2)
    assert scene.look.theme.dark
    assert dark_bg.lightness() < 80 < light_bg.lightness()


def test_big_map_swaps_items_for_overview_when_zoomed_out(qapp):
    amap = random_map(3000, seed=2)
    scene = MapScene(amap)
    try:
        scene.set_view_scale(0.004)
        assert scene.overview_active
        image = scene.overview_image()
        assert not image.isNull() and image.width() <= 3000
        background = scene.look.theme.background.rgb()
        sample = {
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(sample - {background}) > 0, "the overview shows the nodes"
        scene.set_view_scale(0.5)
        assert not scene.overview_active
    finally:
        scene.detach()


def test_huge_map_overview_draws_nodes_as_dots(qapp, monkeypatch):
    monkeypatch.setattr("ui.map.scene.DOT_PIXELS", 1000.0)  # take the numpy path at any size
    amap = random_map(500, seed=4)
    scene = MapScene(amap)
    try:
        image = scene.overview_image()
        background = scene.look.theme.background.rgb()
        theme = scene.look.theme
        pixels = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
        assert background in pixels
        assert theme.supports.rgb() in pixels and theme.attacks.rgb() in pixels, "sides read apart"
    finally:
        scene.detach()


def test_minimap_click_moves_the_view(small, qtbot):
    amap, scene = small
    for i in range(40):
        amap.add_node("claim", f"c{i}", node_id=f"x{i}")
        amap.link(f"x{i}", "T")
    view = MapView(scene)
    view.resize(400, 300)
    mini = Minimap(view)
    mini.resize(240, 160)
    view.show()
    mini.show()
    qtbot.waitExposed(view)
    view.set_zoom(1.0)
    view.centerOn(scene.node_item("x0"))
    _, target = mini._frame()
    qtbot.mouseClick(
        mini,
        Qt.MouseButton.LeftButton,
        pos=QPoint(int(target.right() - 2), int(target.center().y())),
    )
    centre = view.mapToScene(view.viewport().rect().center())
    assert centre.x() > scene.node_item("x20").x()
    grab = mini.grab()
    assert not grab.isNull()
    view.setScene(None)


def test_thousands_of_python_paints_do_not_crash(small):
    """PySide6 6.12.0 drops a reference to None per paint(widget=None) until Python aborts:
    an upgrade that brings that bug back must fail here, loudly."""
    amap, scene = small
    for i in range(40):
        amap.add_node("claim", f"c{i}", node_id=f"x{i}")
        amap.link(f"x{i}", "T")
    image = QImage(200, 200, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    items = len(scene.items())
    for _ in range(80):
        scene.render(painter, QRectF(0, 0, 200, 200), scene.items_rect())
    painter.end()
    assert items * 80 > 6000


def test_zoom_to_fit_and_selection(small, qtbot):
    amap, scene = small
    view = MapView(scene)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    view.zoom_to_fit()
    assert view.visible_scene_rect().contains(scene.items_rect())
    scene.select_nodes(["e"])
    view.zoom_to_selection()
    assert view.visible_scene_rect().contains(scene.node_item("e").pos())
    before = view.zoom()
    view.zoom_in()
    assert view.zoom() > before
    view.home()
    assert view.visible_scene_rect().contains(scene.items_rect()), "a small map opens whole"
    view.center_on_node("T")
    centre = view.mapToScene(view.viewport().rect().center())
    assert (centre - scene.node_item("T").pos()).manhattanLength() < 12  # within a pixel or two
    view.setScene(None)


def test_a_link_weighed_in_the_active_scenario_stops_being_dotted(qtbot):
    """Weighing an unweighed link under "My view" draws it solid and wider at once."""
    from model.entities import Scenario
    from ui.map.scene import MapScene

    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="t")
    amap.add_node("claim", "C", node_id="c")
    amap.link("c", "t", "supports")  # nobody has weighed it
    amap.put_scenario(Scenario("My view"))
    amap.set_meta("scenario", "My view")
    scene = MapScene(amap)
    item = scene.edge_item("c", "t")
    assert item.strength is None
    thin = item.width
    amap.set_strength("c", "t", 6.0, "My view")
    assert item.strength == 6.0 and item.width > thin
    amap.set_meta("scenario", "")  # the map's own weights: still unweighed there
    assert item.strength is None and item.width == thin


def test_zoomed_out_a_cross_link_is_a_trace_until_an_end_is_selected(small):
    """Far out, the layout tree's links read; an extra link (a second target) would cross the
    map, so it is drawn much fainter, and as a tree link once either end is selected."""
    amap, scene = small
    amap.link("e", "T", "attacks")  # e hangs under one target in the tree: the other is extra
    tree, cross = sorted((scene.edge_item("e", "T"), scene.edge_item("e", "c")),
                         key=lambda item: not item.tree)  # fmt: skip
    assert tree.tree and not cross.tree
    assert cross.far_alpha() < tree.far_alpha() / 2
    scene.select_nodes([cross.target.node_id])
    assert cross.far_alpha() == tree.far_alpha()


def test_a_link_skipped_for_a_repaint_never_touches_the_repainted_area(qapp) -> None:
    """Links skip painting when their route misses the exposed rectangle (EdgeItem.
    _route_meets); any rectangle that the drawn route (its stroke, halo included) touches
    must be painted."""
    import random

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainterPathStroker

    from model.entities import Edge, Node
    from ui.map.items import EdgeItem, Look, NodeItem
    from ui.theme import Theme

    look = Look(Theme.current())
    rng = random.Random(3)
    met = skipped = 0
    for _ in range(300):
        a = NodeItem(Node("a", "claim", "A"), look)
        b = NodeItem(Node("b", "claim", "B"), look)
        a.setPos(rng.uniform(-3000, 3000), rng.uniform(-500, 3000))
        b.setPos(rng.uniform(-3000, 3000), rng.uniform(-500, 500))
        edge = EdgeItem(Edge("a", "b", rng.choice(["supports", "attacks"]), 6.0), a, b, look)
        edge.tree = rng.random() < 0.8
        edge.adjust()
        stroker = QPainterPathStroker()
        stroker.setWidth(edge.width + 6)
        stroke = stroker.createStroke(edge.path())
        rects = [QRectF(rng.uniform(-3500, 3500), rng.uniform(-800, 3500),
                        rng.uniform(1, 400), rng.uniform(1, 200)) for _ in range(20)]  # fmt: skip
        for _ in range(20):  # small rects right at the route: the near misses that matter
            at = edge.path().pointAtPercent(rng.random())
            rects.append(QRectF(at.x() + rng.uniform(-12, 8), at.y() + rng.uniform(-12, 8), 4, 4))
        for rect in rects:
            if stroke.intersects(rect):
                assert edge._route_meets(rect)
                met += 1
            elif not edge._route_meets(rect):
                skipped += 1
    assert met > 1000 and skipped > 1000  # both cases were seen: the test can fail


def test_far_out_a_link_is_drawn_where_its_straight_line_runs(qapp) -> None:
    """Below FLAT_LOD a link is one straight hairline, so the skip test follows that line."""
    import random

    from PySide6.QtCore import QLineF
    from PySide6.QtGui import QPainterPath, QPainterPathStroker

    from ui.map.items import _line_meets

    rng = random.Random(5)
    met = skipped = 0
    for _ in range(3000):
        line = QLineF(*(rng.uniform(-2000, 2000) for _ in range(4)))
        rect = QRectF(rng.uniform(-2200, 2000), rng.uniform(-2200, 2000),
                      rng.uniform(1, 300), rng.uniform(1, 300))  # fmt: skip
        path = QPainterPath(line.p1())
        path.lineTo(line.p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(2)
        if stroker.createStroke(path).intersects(rect):
            assert _line_meets(rect, line, 2)
            met += 1
        elif not _line_meets(rect, line, 2):
            skipped += 1
    assert met > 30 and skipped > 100


def test_cards_and_links_are_filed_under_tiles_that_contain_them(qapp) -> None:
    """Each frame Qt tests the tiles, not 200,000 items (ui.map.scene._Tile): a tile must
    contain every item under it, after a layout and after items are added, or the item
    would not be drawn."""
    from test_layout import random_map

    import ui.map.scene as scene_mod
    from ui.map.items import EdgeItem, NodeItem

    def check(scene) -> None:  # noqa: ANN001
        for item in scene.items():
            if isinstance(item, NodeItem | EdgeItem) and item.isVisible():
                tile = item.parentItem()
                assert isinstance(tile, scene_mod._Tile)
                assert tile.rect().contains(item.sceneBoundingRect())
        cards = [i for i in scene.items() if isinstance(i, NodeItem)]
        links = [i for i in scene.items() if isinstance(i, EdgeItem)]
        assert all(c.parentItem().zValue() > e.parentItem().zValue() for c in cards[:5]
                   for e in links[:5])  # every card above every link  # fmt: skip

    amap = random_map(300, 4, extra=20)
    scene = scene_mod.MapScene(amap)
    check(scene)
    assert len({i.parentItem() for i in scene.node_items()}) > 1  # really spread over tiles
    with amap.batch():
        amap.add_node("claim", "new", node_id="x")
        amap.link("x", "n7", "attacks")
    check(scene)
    item = scene.node_item("n3")
    assert scene.itemAt(item.pos(), QTransform()) is item  # the card, never its tile
    scene.detach()


def test_a_new_credence_changes_only_the_area_its_badge_update_repaints(qapp) -> None:
    """A credence or pull change repaints only the badge and the bar (NodeItem.update_badge),
    so those areas must hold every pixel such a change alters."""
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    from model.entities import Node
    from ui.map.items import BADGE_AREA, BAR_AREA, NODE_RECT, Look

    item = NodeItem(
        Node("a", "claim", "A reason with a title of some length"), Look(ui.theme.Theme.current())
    )

    def picture(credence: float, pull: float) -> QImage:
        item.credence, item.pull = credence, pull
        image = QImage(int(NODE_RECT.width()), int(NODE_RECT.height()), QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        painter.translate(-NODE_RECT.left(), -NODE_RECT.top())
        item.paint(painter, QStyleOptionGraphicsItem())
        painter.end()
        return image

    before, after = picture(0.12, 3.0), picture(0.87, -24.0)
    changed = 0
    for y in range(before.height()):
        for x in range(before.width()):
            if before.pixel(x, y) != after.pixel(x, y):
                changed += 1
                point = QRectF(x + NODE_RECT.left(), y + NODE_RECT.top(), 1, 1)
                assert BADGE_AREA.intersects(point) or BAR_AREA.intersects(point), (x, y)
    assert changed > 50  # the test saw the badge and the bar change
