"""Input that never changes the map by accident, driven with real events in the real window:
a wheel turn over an unfocused combo box, spin box or slider scrolls the panel instead of
changing a value; redo keys redo exactly one step; Ctrl+Z after typing in the inspector undoes
what was typed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QWheelEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from storage.document import MapDocument  # noqa: E402
from storage.seedmap import load_seed  # noqa: E402

NODE = "data-runs-out"  # a claim with several reasons: the inspector lists link rows


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch):
    from ui.app import make_app
    from ui.mainwindow import MainWindow

    path = tmp_path / "seed.cruxmap"
    MapDocument.create(path, load_seed()).close()
    make_app()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    assert w.open_path(path)
    w.show()
    qtbot.waitExposed(w)
    w.workspace.scene.select_nodes([NODE])
    return w


def wheel(widget: QWidget, steps: int = -3) -> None:
    """Turn the wheel over the middle of `widget`, as the mouse does (delivered to the widget
    under the cursor, which passes it on to its parents if it does not take it)."""
    pos = QPointF(widget.rect().center())
    for _ in range(abs(steps)):
        delta = QPoint(0, 120 if steps > 0 else -120)
        event = QWheelEvent(
            pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(), delta,
            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        QApplication.sendEvent(widget, event)


def test_wheel_over_unfocused_strength_combo_and_lambda_changes_nothing(window, qtbot):
    amap = window.doc.map
    inspector = window.panels["inspector"]
    row = next(iter(inspector.rows.values()))
    before = amap.edge(*row.key).strength
    thesis = window.workspace.scene.node_item("thesis").credence
    window.workspace.view.setFocus()
    scroll = inspector.pages.currentWidget().verticalScrollBar()
    assert scroll.maximum() > 0, "the inspector has something to scroll"
    start = scroll.value()
    for widget in (row.strength, row.lam):
        wheel(widget, -3)
    assert amap.edge(*row.key).strength == before
    assert window.workspace.scene.node_item("thesis").credence == thesis
    assert window.undo_stack.count() == 0
    assert scroll.value() > start, "the wheel scrolled the inspector instead"


def test_wheel_over_unfocused_slider_spin_and_scenario_changes_nothing(window):
    amap = window.doc.map
    inspector = window.panels["inspector"]
    credence = window.panels["credence"]
    prior, scenario = amap.prior(NODE), amap.current_scenario
    for widget in (inspector.slider, inspector.spin, credence.scenario_box):
        wheel(widget, -2)
        wheel(widget, 2)
        wheel(widget, 2)
    assert amap.prior(NODE) == prior and amap.current_scenario == scenario
    assert window.undo_stack.count() == 0


def test_wheel_changes_a_focused_spin_box(window, qtbot):
    inspector = window.panels["inspector"]
    inspector.spin.setFocus()
    qtbot.waitUntil(inspector.spin.hasFocus, timeout=2000)
    before = window.doc.map.prior(NODE)
    wheel(inspector.spin, 2)
    assert window.doc.map.prior(NODE) != before, "a focused control still takes the wheel"


def test_redo_keys_redo_exactly_one_step(window, qtbot, qtlog):
    from ui.commands.edits import EditNodeCommand, push

    amap = window.doc.map
    push(window.undo_stack, EditNodeCommand(amap, NODE, title="One"))
    push(window.undo_stack, EditNodeCommand(amap, "thesis", title="Two"))
    assert window.undo_stack.count() == 2
    view = window.workspace.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.undo_stack.index() == 0
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.undo_stack.index() == 1 and amap.node(NODE).title == "One"
    shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_Z, shift)
    assert window.undo_stack.index() == 2 and amap.node("thesis").title == "Two"
    assert not [r for r in qtlog.records if "Ambiguous" in r.message]


def test_ctrl_z_after_typing_in_the_inspector_undoes_that_edit(window, qtbot):
    amap = window.doc.map
    inspector = window.panels["inspector"]
    original = amap.node(NODE).title
    inspector.title.setFocus()
    qtbot.waitUntil(inspector.title.hasFocus, timeout=2000)
    inspector.title.selectAll()
    qtbot.keyClicks(inspector.title, "Text is plentiful")
    qtbot.keyClick(inspector.title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert amap.node(NODE).title == original
    assert inspector.title.text() == original
    qtbot.keyClick(inspector.title, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert amap.node(NODE).title == "Text is plentiful", "the typed edit can be redone"


def test_redo_keys_are_listed_once_even_where_the_platform_repeats_them(window, monkeypatch):
    """On GNOME/KDE the platform's redo is Ctrl+Shift+Z: listed again, Qt called the key
    ambiguous and did nothing (and Ctrl+Y was not bound at all)."""
    from PySide6.QtGui import QKeySequence

    from ui.mainwindow import redo_keys

    monkeypatch.setattr(
        QKeySequence,
        "keyBindings",
        lambda _k: [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")],
    )
    keys = [k.toString() for k in redo_keys()]
    assert sorted(keys) == ["Ctrl+Shift+Z", "Ctrl+Y"]
    redo = window.edit_menu.actions()[1]
    shown = [k.toString() for k in redo.shortcuts()]
    assert len(shown) == len(set(shown)) and {"Ctrl+Y", "Ctrl+Shift+Z"} <= set(shown)
