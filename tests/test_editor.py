"""The canvas editor driven like a user drives it: real key presses and mouse gestures.

Every edit must be one undo step that is on disk at once: after undoing everything the map is
the original, after redoing everything it is the edited one, and the file always says the same
as the model.
"""

from __future__ import annotations

import os

from model.credence import thesis_credence

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeySequence, QMouseEvent, QUndoStack
from PySide6.QtWidgets import QApplication

from model.argmap import ArgumentMap
from storage.document import MapDocument
from ui.map.editor import MapEditor
from ui.map.scene import MapScene
from ui.map.view import MapView

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def canvas(qtbot, tmp_path):
    """A thesis-only map in a document, shown in a focused view with undo shortcuts."""
    amap = ArgumentMap()
    amap.add_node("thesis", "Scaling today's LLMs leads to AGI", node_id="T")
    doc = MapDocument.create(tmp_path / "m.cruxmap", amap)
    scene = MapScene(doc.map)
    view = MapView(scene)
    view.resize(1200, 800)
    stack = QUndoStack()
    editor = MapEditor(scene, view, stack)
    undo = stack.createUndoAction(view)
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = stack.createRedoAction(view)
    redo.setShortcut(QKeySequence("Ctrl+Shift+Z"))
    view.addActions([undo, redo])
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.setFocus()
    view.zoom_to_fit()
    yield doc, scene, view, editor, stack
    view.setScene(None)
    view.close()
    scene.detach()
    doc.close()


def point(view: MapView, node_id: str, dx: float = 0, dy: float = 0) -> QPoint:
    """The viewport point over a node's centre (plus an offset in scene units)."""
    item = view.map_scene().node_item(node_id)
    view.ensureVisible(item, 20, 20)
    return view.mapFromScene(item.pos() + QPointF(dx, dy))


def click(qtbot, view: MapView, node_id: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(view.viewport(), LEFT, modifier, point(view, node_id))


def key(qtbot, view: MapView, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(view, k, modifier)


def drag(view: MapView, start: QPoint, end: QPoint, modifier=Qt.KeyboardModifier.NoModifier):
    """Press, move in steps and release on the viewport, as a hand on a mouse does."""
    vp = view.viewport()

    def send(kind, pos, buttons):
        button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else LEFT
        ev = QMouseEvent(
            kind, QPointF(pos), QPointF(vp.mapToGlobal(pos)), button, buttons, modifier
        )
        QApplication.sendEvent(vp, ev)

    send(QEvent.Type.MouseButtonPress, start, LEFT)
    for i in range(1, 9):
        send(QEvent.Type.MouseMove, start + (end - start) * i / 8, LEFT)
    send(QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def type_title(qtbot, view: MapView, editor: MapEditor, text: str) -> None:
    assert editor.inline_editor is not None, "the inline editor should be open"
    qtbot.keyClicks(view, text)
    key(qtbot, view, Qt.Key.Key_Return)
    assert editor.inline_editor is None


def new_node(amap: ArgumentMap, before: set[str]) -> str:
    (added,) = set(amap.graph.nodes) - before
    return added


def reload_equals(doc: MapDocument) -> bool:
    again = MapDocument.open(doc.path)
    try:
        return again.map == doc.map
    finally:
        again.close()


def test_keyboard_mouse_editing_then_undo_all_and_redo_all(qtbot, canvas):
    doc, scene, view, editor, stack = canvas
    amap = doc.map
    original = amap.snapshot()

    # Tab: a supporting claim under the selected thesis, titled inline.
    click(qtbot, view, "T")
    assert scene.selected_node_ids() == ["T"]
    ids = set(amap.graph.nodes)
    key(qtbot, view, Qt.Key.Key_Tab)
    claim = new_node(amap, ids)
    type_title(qtbot, view, editor, "Compute keeps growing")
    assert amap.node(claim).title == "Compute keeps growing"
    assert amap.edge(claim, "T").relation == "supports"

    # Shift+Tab: a counterclaim; Esc keeps the placeholder title.
    click(qtbot, view, "T")
    ids = set(amap.graph.nodes)
    key(qtbot, view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    counter = new_node(amap, ids)
    assert amap.edge(counter, "T").relation == "attacks"
    assert amap.node(counter).kind == "claim"
    key(qtbot, view, Qt.Key.Key_Escape)
    assert amap.node(counter).title == "New counterclaim"
    assert scene.node_item(counter).role == "Counterclaim"

    # Ctrl+Tab: evidence under the claim.
    click(qtbot, view, claim)
    ids = set(amap.graph.nodes)
    key(qtbot, view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    evidence = new_node(amap, ids)
    type_title(qtbot, view, editor, "Epoch compute data")
    assert amap.node(evidence).kind == "evidence"
    assert amap.edge(evidence, claim).relation == "supports"

    # Enter: a sibling of the evidence, under the same claim.
    click(qtbot, view, evidence)
    ids = set(amap.graph.nodes)
    key(qtbot, view, Qt.Key.Key_Return)
    sibling = new_node(amap, ids)
    type_title(qtbot, view, editor, "Benchmark trend")
    assert amap.node(sibling).kind == "evidence"
    assert amap.graph.has_edge(sibling, claim)

    # F2 and double-click edit inline.
    click(qtbot, view, counter)
    key(qtbot, view, Qt.Key.Key_F2)
    type_title(qtbot, view, editor, "Data runs out")
    assert amap.node(counter).title == "Data runs out"
    qtbot.mouseDClick(view.viewport(), LEFT, pos=point(view, counter))
    type_title(qtbot, view, editor, "Human text runs out")
    assert amap.node(counter).title == "Human text runs out"

    # Drag the sibling onto the counterclaim: re-attached there, not placed by hand.
    drag(view, point(view, sibling), point(view, counter))
    assert amap.graph.has_edge(sibling, counter)
    assert not amap.graph.has_edge(sibling, claim)
    assert not amap.node(sibling).pinned
    assert scene.node_item(sibling).y() > scene.node_item(counter).y()

    # Drag a node to empty space: placed by hand, and it stays after a re-layout.
    view.set_zoom(0.4)
    view.centerOn(scene.node_item("T"))
    drag(view, point(view, claim), point(view, "T", 320, -200))
    assert amap.node(claim).pinned
    pinned_at = scene.node_item(claim).pos()
    editor.action("relayout").trigger()
    assert scene.node_item(claim).pos() == pinned_at

    # Shift+drag from the evidence to the thesis draws a link; Ctrl+T switches it.
    drag(view, point(view, evidence), point(view, "T"), Qt.KeyboardModifier.ShiftModifier)
    assert amap.edge(evidence, "T").relation == "supports"
    assert scene.selected_edge_keys() == [(evidence, "T")]
    key(qtbot, view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert amap.edge(evidence, "T").relation == "attacks"
    assert scene.edge_item(evidence, "T").relation == "attacks"

    # Delete the counterclaim: its links go with it.
    click(qtbot, view, counter)
    key(qtbot, view, Qt.Key.Key_Delete)
    assert counter not in amap
    assert scene.node_item(counter) is None
    assert not amap.graph.has_edge(sibling, counter)

    final = amap.snapshot()
    assert reload_equals(doc)
    steps = stack.count()
    # 13 edits, 10 undo steps: a title typed right after adding a node is part of adding it
    # (three times here), and the F2 and double-click title edits of one node merge.
    assert steps == 10
    assert stack.text(0).startswith("Add claim “Compute keeps growing”")

    for _ in range(steps):
        key(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _content(amap) == _content_of(original)  # the history is a log: it only grows
    assert not amap.history or amap.history[-1].credence == pytest.approx(thesis_credence(amap))
    assert set(scene._nodes) == {"T"}
    assert reload_equals(doc)

    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    for _ in range(steps):
        key(qtbot, view, Qt.Key.Key_Z, redo)
    assert _content(amap) == _content_of(final)
    assert set(scene._nodes) == set(amap.graph.nodes)
    assert reload_equals(doc)


def test_link_mode_by_click_and_escape(qtbot, canvas):
    doc, scene, view, editor, stack = canvas
    a = editor.add_child("claim", "supports", edit=False)
    scene.select_nodes(["T"])
    b = editor.add_child("claim", "attacks", edit=False)
    scene.select_nodes([b])
    key(qtbot, view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, view, Qt.Key.Key_Escape)
    click(qtbot, view, a)
    assert not doc.map.graph.has_edge(b, a), "Esc cancels linking"
    scene.select_nodes([b])
    key(qtbot, view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    click(qtbot, view, a)
    assert doc.map.graph.has_edge(b, a)


def test_refused_edit_leaves_map_and_stack_alone(qtbot, canvas, monkeypatch):
    """Linking the thesis as a reason is refused with a message, nothing is pushed."""
    doc, scene, view, editor, stack = canvas
    messages = []
    monkeypatch.setattr("ui.commands.edits.error_reporter", messages.append)
    claim = editor.add_child("claim", "supports", edit=False)
    before, count = doc.map.snapshot(), stack.count()
    drag(view, point(view, "T"), point(view, claim), Qt.KeyboardModifier.ShiftModifier)
    assert messages and "thesis" in messages[0]
    assert doc.map.snapshot() == before
    assert stack.count() == count


def test_collapse_hides_subtree_and_counts_it(qtbot, canvas):
    doc, scene, view, editor, stack = canvas
    claim = editor.add_child("claim", "supports", edit=False)
    editor.add_child("evidence", "supports", edit=False)
    scene.select_nodes([claim])
    editor.add_child("evidence", "attacks", edit=False)
    scene.select_nodes([claim])
    key(qtbot, view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert doc.map.node(claim).collapsed
    assert scene.node_item(claim).hidden_count == 2
    assert sum(item.isVisible() for item in scene.node_items()) == 2
    key(qtbot, view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert sum(item.isVisible() for item in scene.node_items()) == 4


def test_rubber_band_and_ctrl_click_multi_select_then_delete_is_one_step(qtbot, canvas):
    doc, scene, view, editor, stack = canvas
    ids = []
    for _ in range(3):
        scene.select_nodes(["T"])
        ids.append(editor.add_child("claim", "supports", edit=False))
    view.zoom_to_fit()
    click(qtbot, view, ids[0])
    click(qtbot, view, ids[2], Qt.KeyboardModifier.ControlModifier)
    assert sorted(scene.selected_node_ids()) == sorted([ids[0], ids[2]])
    rect = scene.items_rect()
    top_left = view.mapFromScene(rect.left() - 20, scene.node_item(ids[0]).y() - 80)
    bottom_right = view.mapFromScene(rect.right() + 20, rect.bottom() + 20)
    drag(view, top_left, bottom_right)
    assert sorted(scene.selected_node_ids()) == sorted(ids)
    count = stack.count()
    key(qtbot, view, Qt.Key.Key_Delete)
    assert stack.count() == count + 1
    assert set(doc.map.graph.nodes) == {"T"}
    stack.undo()
    assert set(ids) <= set(doc.map.graph.nodes)


def test_arrow_keys_walk_the_tree(qtbot, canvas):
    doc, scene, view, editor, stack = canvas
    a = editor.add_child("claim", "supports", edit=False)
    scene.select_nodes(["T"])
    b = editor.add_child("claim", "supports", edit=False)
    scene.select_nodes(["T"])
    key(qtbot, view, Qt.Key.Key_Down)
    assert scene.selected_node_ids() == [a]
    key(qtbot, view, Qt.Key.Key_Right)
    assert scene.selected_node_ids() == [b]
    key(qtbot, view, Qt.Key.Key_Up)
    assert scene.selected_node_ids() == ["T"]


def test_context_menus_offer_the_right_actions(qtbot, canvas):
    doc, scene, view, editor, stack = canvas
    claim = editor.add_child("claim", "supports", edit=False)
    node_menu = editor.context_menu(scene.node_item(claim).pos())
    texts = [a.text() for a in node_menu.actions()]
    assert "Add &Counterclaim" in texts and "&Delete" in texts
    edge = scene.edge_item(claim, "T")
    mid = edge.path().pointAtPercent(0.5)
    edge_menu = editor.context_menu(mid)
    texts = [a.text() for a in edge_menu.actions()]
    assert "Remove Link" in texts and "Strength" in texts
    strength = next(a.menu() for a in edge_menu.actions() if a.text() == "Strength")
    next(a for a in strength.actions() if a.text() == "Decisive").trigger()
    assert doc.map.edge(claim, "T").strength == 20.0
    # "None" read like "not yet weighed": the step says it was weighed and pulls nothing, and
    # the link's state is ticked in the same words.
    edge_menu = editor.context_menu(mid)  # kept: its actions die with it
    strength = next(a.menu() for a in edge_menu.actions() if a.text() == "Strength")
    texts = [a.text() for a in strength.actions()]
    assert "None" not in texts and "No pull (weighed: irrelevant)" in texts
    assert [a.text() for a in strength.actions() if a.isChecked()] == ["Decisive"]
    next(a for a in strength.actions() if a.text().startswith("No pull")).trigger()
    assert doc.map.edge(claim, "T").strength == 1.0


def test_the_link_menu_weighs_in_the_active_scenario(qtbot, canvas):
    """As the Inspector and Weigh… do: a scenario's weight, not the map's own, and the menu
    ticks what it set; undo takes it back."""
    from model.entities import Scenario

    doc, scene, view, editor, stack = canvas
    claim = editor.add_child("claim", "supports", edit=False)
    doc.map.put_scenario(Scenario("Optimist"))
    doc.map.set_meta("scenario", "Optimist")
    mid = scene.edge_item(claim, "T").path().pointAtPercent(0.5)

    def strength_menu():  # noqa: ANN202
        menu = editor.context_menu(mid)
        return menu, next(a.menu() for a in menu.actions() if a.text() == "Strength")

    menu, strength = strength_menu()
    next(a for a in strength.actions() if a.text() == "Decisive").trigger()
    assert doc.map.strength(claim, "T") == 20.0
    assert doc.map.edge(claim, "T").strength is None, "the map's own weight is untouched"
    menu, strength = strength_menu()
    assert [a.text() for a in strength.actions() if a.isChecked()] == ["Decisive"]
    stack.undo()
    assert doc.map.strength(claim, "T") is None


def _content_of(snapshot: dict) -> dict:
    return {k: v for k, v in snapshot.items() if k != "history"}


def _content(amap) -> dict:  # noqa: ANN001
    return _content_of(amap.snapshot())


def test_an_undo_stack_that_outlives_its_map_view_raises_nothing(qtbot):
    """Closing a window deletes the scene first; a later undo-stack signal must not touch it."""
    import shiboken6
    from PySide6.QtGui import QUndoCommand, QUndoStack

    from ui.map.editor import MapEditor
    from ui.map.scene import MapScene
    from ui.map.view import MapView

    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="t")
    stack = QUndoStack()
    scene = MapScene(amap)
    view = MapView(scene)
    qtbot.addWidget(view)
    editor = MapEditor(scene, view, stack)
    shiboken6.delete(scene)
    stack.push(QUndoCommand("something else"))  # indexChanged → the editor's action update
    assert not shiboken6.isValid(scene) and editor is not None
