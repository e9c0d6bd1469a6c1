"""Navigation that keeps the user oriented, with real events in the real window: Zoom to Fit
gives a block (never a strip), zoomed out the thesis and its reasons keep readable labels,
Find zooms to a readable level, a new reason appears in view with its target, Delete selects
the target, and the minimap is a remembered toggle that never covers the selected card."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402

from ui.map.items import TEXT_LOD  # noqa: E402

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(seed_window, qtbot):
    w = seed_window
    w.workspace.view.setFocus()
    return w


@pytest.mark.parametrize("size", [(1000, 640), (640, 900), (1300, 450)])
def test_zoom_to_fit_gives_a_block_whatever_the_window_shape(window, size):
    view = window.workspace.view
    view.setFixedSize(*size)
    view.zoom_to_fit()
    rect = view.map_scene().items_rect()
    port = view.viewport().rect()
    shown_w, shown_h = rect.width() * view.zoom(), rect.height() * view.zoom()
    assert shown_w >= 0.5 * port.width() and shown_h >= 0.5 * port.height(), "not a strip"


def test_zoomed_out_the_thesis_and_its_reasons_keep_readable_labels(window):
    view = window.workspace.view
    scene = view.map_scene()
    view.zoom_to_fit()
    assert view.zoom() < TEXT_LOD, "the whole seed map is too big for card titles"
    shown = set(scene.labels_shown(view.zoom()))
    thesis = scene.amap.thesis.id
    reasons = set(scene.amap.graph.predecessors(thesis))
    assert thesis in shown
    assert len(shown & reasons) >= 10, f"only {len(shown & reasons)} of 12 reasons labelled"
    view.set_zoom(0.8)
    assert scene.labels_shown(view.zoom()) == [], "zoomed in, the cards speak for themselves"


def test_find_zooms_to_a_readable_level(window, qtbot):
    view = window.workspace.view
    view.set_zoom(0.05)
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    find = window.workspace.find
    qtbot.waitUntil(find.isVisible, timeout=2000)
    qtbot.keyClicks(find.edit, "synthetic data")
    qtbot.keyClick(find.edit, Qt.Key.Key_Return)
    assert view.zoom() >= TEXT_LOD
    node = find.matches[find.index]
    item = view.map_scene().node_item(node)
    assert view.visible_scene_rect().contains(item.sceneBoundingRect())


def test_tab_adds_a_reason_in_view_with_its_target_and_delete_selects_the_target(window, qtbot):
    view = window.workspace.view
    scene = view.map_scene()
    view.set_zoom(0.9)
    target = "data-runs-out"  # many reasons already: the new one goes at the end of the row
    view.center_on_node(target, select=True)
    before = set(scene.amap.graph.nodes)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    (new,) = set(scene.amap.graph.nodes) - before
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # leave the title as it is
    seen = view.visible_scene_rect()
    assert seen.contains(scene.node_item(new).sceneBoundingRect())
    assert seen.contains(scene.node_item(target).sceneBoundingRect())
    scene.select_nodes([new])
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert new not in scene.amap
    assert scene.selected_node_ids() == [target]


def test_minimap_is_a_remembered_toggle_and_keeps_off_the_selected_card(window, qtbot):
    ws = window.workspace
    corner, view = ws.minimap, ws.view
    assert not corner.minimap.isVisible(), "off for a first-time user"
    corner.action.trigger()
    assert corner.minimap.isVisible() and QSettings().value("view/minimap", False, bool)
    view.set_zoom(1.0)
    scene = view.map_scene()
    node = "thesis"
    item = scene.node_item(node)
    scene.select_nodes([node])
    port = view.viewport().rect()
    # put the selected card in the bottom-right corner, where the minimap sits by default
    view.centerOn(item.pos().x() - port.width() / 2 + 140, item.pos().y() - port.height() / 2 + 80)
    corner.place()
    card = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    mini = corner.minimap.geometry().translated(-view.viewport().geometry().topLeft())
    assert not corner.minimap.isVisible() or not mini.intersects(card)
    corner.action.trigger()
    assert not corner.minimap.isVisible() and not QSettings().value("view/minimap", True, bool)


def test_clicking_a_zoomed_out_label_selects_its_node_not_what_lies_under_it(window, qtbot):
    """At Zoom to Fit the labels float over small cards; a click means the labelled node."""
    from PySide6.QtCore import QPointF

    view = window.workspace.view
    scene = view.map_scene()
    view.zoom_to_fit()
    qtbot.wait(50)
    scale = view.zoom()
    placements = scene._labels.placements(scale)
    assert len(placements) >= 13
    checked = 0
    for nid, x, y, w, h in placements:
        centre = view.mapFromScene(QPointF((x + w / 2) / scale, (y + h / 2) / scale))
        if not view.viewport().rect().contains(centre):
            continue
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        assert scene.selected_node_ids() == [nid]
        checked += 1
    assert checked >= 10
    nid = placements[1][0]
    x, y, w, h = placements[1][1:]
    centre = view.mapFromScene(QPointF((x + w / 2) / scale, (y + h / 2) / scale))
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert scene.selected_node_ids() == [nid] and view.zoom() >= TEXT_LOD * 0.99


def test_undo_and_redo_select_what_they_change_and_show_it(window, qtbot):
    """Undoing a delete selects the node that came back; redoing it selects its target again;
    undoing an added reason selects the node it was added to; each is brought into view."""
    view = window.workspace.view
    scene = view.map_scene()
    view.set_zoom(0.9)
    target = "data-runs-out"
    view.center_on_node(target, select=True)
    before = set(scene.amap.graph.nodes)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    (new,) = set(scene.amap.graph.nodes) - before
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    scene.select_nodes([new])
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    view.center_on_node("thesis", select=True)  # the user looks elsewhere
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert new in scene.amap and scene.selected_node_ids() == [new]
    assert view.visible_scene_rect().contains(scene.node_item(new).sceneBoundingRect())
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert new not in scene.amap and scene.selected_node_ids() == [target]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the delete
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the add
    assert new not in scene.amap and scene.selected_node_ids() == [target]
    assert view.visible_scene_rect().contains(scene.node_item(target).sceneBoundingRect())


def test_with_nothing_selected_the_inspector_shows_how_to_start_with_live_keys(window):
    """A first-time user's empty Inspector names the first moves with the keys the menus
    really bind (read from the live actions, so a rebound key shows its new binding)."""
    from PySide6.QtGui import QKeySequence

    inspector = window.docks["inspector"].widget()
    window.workspace.scene.select_nodes([])
    text = inspector.empty.text()
    add = next(a for a in window.edit_menu.actions() if a.text() == "Add Supporting &Claim")
    key = add.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)
    assert "Add Supporting Claim" in text and f"<b>{key}</b>" in text
    assert "Focus View" in text and "Undo" in text


def test_backspace_on_the_map_goes_up_like_in_the_focus_view_and_deletes_nothing(window, qtbot):
    view = window.workspace.view
    scene = view.map_scene()
    amap = scene.amap
    child = next(iter(amap.graph.predecessors("data-runs-out")))
    view.center_on_node(child, select=True)
    view.setFocus()
    count = amap.graph.number_of_nodes()
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert amap.graph.number_of_nodes() == count and child in amap
    assert scene.selected_node_ids() == [scene.primary_target(child)]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert amap.graph.number_of_nodes() < count, "Del still deletes"


def test_a_small_window_leaves_the_map_room_and_a_big_one_gives_the_docks_theirs_back(
    window, qtbot
):
    """At 1000×700 the side docks shrink (to their content's minimum) so the map keeps 40 %
    of the width (a third before); back at 1600×1000 the docks return to their sizes (the
    Trends dock is not left squashed)."""
    trends, inspector = window.docks["trends"], window.docks["inspector"]
    big_trends, big_inspector = trends.height(), inspector.width()
    assert big_trends >= 250
    map_pane = window.centralWidget()
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: map_pane.width() >= 0.4 * window.width(), timeout=3000)
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: trends.height() >= big_trends - 10, timeout=3000)
    qtbot.waitUntil(lambda: inspector.width() >= big_inspector - 10, timeout=3000)


@given(st.lists(st.integers(0, 2000), min_size=1, max_size=4), st.integers(0, 3000))
def test_dock_sizes_fit_the_room_by_one_factor(preferred, room):
    from ui.dock_sizes import MIN_SIDE, fit_sizes

    sizes = fit_sizes(preferred, room)
    if sum(preferred) <= room:
        assert sizes == preferred
    else:
        assert all(s <= p for s, p in zip(sizes, preferred, strict=True))
        assert all(s >= min(p, MIN_SIDE) for s, p in zip(sizes, preferred, strict=True))
        if all(p * room / sum(preferred) >= MIN_SIDE for p in preferred):  # no floor binds
            assert sum(sizes) <= room + len(sizes), "one factor, rounded"


def test_a_reason_added_on_the_zoomed_out_map_is_shown_readable_beside_its_target(window, qtbot):
    """At the opening (fitted, zoomed-out) view a new card would hide under its target's
    label: adding one zooms in to where titles are drawn, with both cards in view."""
    from ui.map.view import READABLE

    view = window.workspace.view
    scene = view.map_scene()
    view.home()
    assert view.zoom() < READABLE
    target = "data-runs-out"
    scene.select_nodes([target])
    view.setFocus()
    before = set(scene.amap.graph.nodes)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    (new,) = set(scene.amap.graph.nodes) - before
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.zoom() >= READABLE
    seen = view.visible_scene_rect()
    assert seen.contains(scene.node_item(new).sceneBoundingRect())
    assert seen.contains(scene.node_item(target).sceneBoundingRect())


def test_a_cards_numbers_are_explained_in_its_tooltip(window):
    view = window.workspace.view
    scene = view.map_scene()
    amap = scene.amap
    reason = next(iter(amap.graph.predecessors(amap.thesis.id)))
    tip = view.card_tip(reason)
    item = scene.node_item(reason)
    assert f"{item.credence:.0%}: how likely" in tip
    assert "pts" in tip and "would lose" in tip and amap.thesis.title[:30] in tip


def test_a_zoomed_out_labels_selection_ring_is_repainted_when_the_selection_moves(window, qtbot):
    """A label is bigger than the small card under it, so the card's own repaint leaves most
    of the label's ring stale: the old selection would still look selected on screen."""
    from PySide6.QtCore import QRectF

    view = window.workspace.view
    scene = view.map_scene()
    view.zoom_to_fit()
    qtbot.wait(50)
    scale = view.zoom()
    assert scale < TEXT_LOD
    placed = {nid: QRectF(x / scale, y / scale, w / scale, h / scale)
              for nid, x, y, w, h in scene._labels.placements(scale)}  # fmt: skip
    first, second = list(placed)[:2]
    repainted: list[QRectF] = []
    scene.changed.connect(repainted.extend)
    for nid, other in ((first, second), (second, first)):
        scene.select_nodes([nid])
        qtbot.wait(30)
        repainted.clear()
        scene.select_nodes([other])
        qtbot.wait(30)
        for gone_or_new in (nid, other):
            label = placed[gone_or_new].adjusted(1, 1, -1, -1)
            assert any(r.contains(label) for r in repainted), f"{gone_or_new}'s ring left stale"


def test_zoomed_out_a_selected_card_left_without_a_label_gets_its_own(window, qtbot):
    """Zoomed out, only the most important cards keep a label: a selected one the placement
    left out (an import's new card, pull 0) is painted with its own label over the others,
    titled, and loses it when deselected, so what the user selected reads at any zoom."""
    from PySide6.QtGui import QImage, QPainter

    view = window.workspace.view
    scene = view.map_scene()
    view.zoom_to_fit()
    scale = view.zoom()
    assert scale < TEXT_LOD
    shown = set(scene.labels_shown(scale))
    left_out = next(n for n in scene.amap.graph if n not in shown and scene.node_item(n))
    scene.select_nodes([left_out])
    painted = []
    layer = scene._labels  # noqa: SLF001 (spy on what the layer paints)
    real = layer._paint_label
    layer._paint_label = lambda painter, nid, rect: (painted.append(nid), real(painter, nid, rect))

    def render() -> None:
        painted.clear()
        image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        view.render(painter)
        painter.end()

    view.centerOn(scene.node_item(left_out))
    render()
    assert left_out in painted, "the selected card is drawn with its title"
    scene.select_nodes([])
    render()
    assert left_out not in painted


def test_zoomed_out_the_labels_of_many_selected_cards_do_not_heap(window):
    """Zoomed out, forty selected cards side by side (an import's block) are labelled clear
    of each other: before, each got its own label over its corner, a heap in which each
    label hid the one before and none could be read."""
    from model.layout import NODE_W

    view = window.workspace.view
    scene = view.map_scene()
    amap = scene.amap
    with amap.batch("import"):
        new = [amap.add_node("claim", f"Imported claim number {i}") for i in range(40)]
        for i, nid in enumerate(new):
            amap.link(nid, amap.thesis.id, "attacks")
            amap.update_node(nid, pos=(-5000.0 + (i % 8) * (NODE_W + 24), 3000.0 + (i // 8) * 144),
                             pinned=True)  # fmt: skip
    scene.select_nodes(new)
    view.set_zoom(0.2)
    view.centerOn(scene.node_item(new[0]))
    scale = view.zoom()
    labels = scene._labels.selected_labels(scale)  # noqa: SLF001
    assert 2 <= len(labels) < len(new), "some of the block is labelled, not every card"
    for i, (_, x, y, w, h) in enumerate(labels):
        for _, a, b, c, d in labels[i + 1 :]:
            assert x >= a + c or a >= x + w or y >= b + d or b >= y + h, "labels overlap"


def test_a_side_dock_that_only_changes_height_is_not_taken_for_a_drag(window, monkeypatch):
    """With the mouse held (the user dragging the window's edge), a side dock's height that
    settled after a fit was recorded as a dragged width: the narrowed width became the
    dock's preferred one, and the docks stayed narrow when the window grew again."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QResizeEvent
    from PySide6.QtWidgets import QApplication

    from ui.dock_sizes import DockSizer

    sizer = next(p for p in window.workspace.panels if isinstance(p, DockSizer))
    dock = window.docks["credence"]
    sizer._size = window.size()  # as fitted: a resize now would be the user's
    monkeypatch.setattr(QGuiApplication, "mouseButtons", lambda: Qt.MouseButton.LeftButton)
    wanted = sizer.preferred[dock]
    w, h = dock.width(), dock.height()
    dock.resize(w - 40, h)  # narrowed, as by a fit (the sizer hears this too: undo that)
    sizer.preferred[dock] = wanted
    QApplication.sendEvent(dock, QResizeEvent(QSize(w - 40, h - 30), QSize(w - 40, h)))
    assert sizer.preferred[dock] == wanted, "a change of height is no drag of a side dock"
    QApplication.sendEvent(dock, QResizeEvent(QSize(w - 40, h), QSize(w, h)))
    assert sizer.preferred[dock] == dock.width(), "a change of width while held is a drag"
