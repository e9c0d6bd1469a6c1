"""Find (Ctrl+F, Enter/F3 stepping, Esc) and filter bars, driven with real key events."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from model.argmap import ArgumentMap
from model.entities import Citation, Source
from ui.map.filterbar import FilterBar
from ui.map.findbar import FindBar


@pytest.fixture
def amap() -> ArgumentMap:
    m = ArgumentMap()
    m.add_source(Source("s", "Essay"))
    m.add_node("thesis", "Scaling leads to AGI", node_id="t", created="0")
    m.add_node("claim", "Data wall ahead", node_id="a", created="1", tags=("data",))
    m.add_node("claim", "Compute grows", node_id="b", created="2", tags=("compute",))
    m.add_node(
        "evidence", "Epoch estimate", node_id="c", created="3",
        citations=(Citation("s", quote="the DATA runs out by 2028"),),
    )  # fmt: skip
    m.link("a", "t", "attacks")
    m.link("b", "t", "supports")
    m.link("c", "a", "supports")
    return m


@pytest.fixture
def window(qtbot, amap):
    """A window holding the find bar, with its actions installed as the main window will."""
    w = QWidget()
    bar = FindBar(amap)
    QVBoxLayout(w).addWidget(bar)
    w.addActions(bar.actions_for_menu())
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    return w, bar


def test_ctrl_f_shows_the_bar_and_typing_highlights_matches(qtbot, window):
    w, bar = window
    assert bar.isHidden()
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.edit.hasFocus()
    highlights, currents = [], []
    bar.highlightChanged.connect(highlights.append)
    bar.currentChanged.connect(currents.append)
    qtbot.keyClicks(bar.edit, "data")
    assert highlights[-1] == {"a", "c"}  # title/tag and a quote, any case
    assert currents[-1] == "a" and bar.count.text() == "1 of 2"


def test_enter_and_f3_step_forward_shift_steps_back_with_wraparound(qtbot, window):
    w, bar = window
    bar.activate()
    qtbot.keyClicks(bar.edit, "a")  # "Scaling…", "Data wall…", "Epoch estimate"
    order = list(bar.matches)
    assert order[0] == "t" and len(order) >= 3
    currents = []
    bar.currentChanged.connect(currents.append)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert currents == [order[1]] and bar.count.text() == f"2 of {len(order)}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert currents[-1] == order[-1]  # wrapped around backwards
    qtbot.keyClick(w, Qt.Key.Key_F3)
    assert currents[-1] == order[0]  # and forwards again


def test_no_match_says_so_and_clears_highlights(qtbot, window):
    _, bar = window
    bar.activate()
    highlights = []
    bar.highlightChanged.connect(highlights.append)
    qtbot.keyClicks(bar.edit, "zebra")
    assert bar.count.text() == "No matches" and highlights[-1] == set()
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)  # nothing to step to: no error


def test_escape_hides_and_clears_highlights(qtbot, window):
    _, bar = window
    bar.activate()
    qtbot.keyClicks(bar.edit, "data")
    with qtbot.waitSignal(bar.highlightChanged) as sig:
        qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert sig.args == [set()] and bar.isHidden()


def test_matches_follow_edits_and_keep_the_current_match(qtbot, window, amap):
    _, bar = window
    bar.activate()
    qtbot.keyClicks(bar.edit, "data")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.current == "c"
    amap.update_node("b", title="Compute and data grow")
    assert bar.matches == ["a", "b", "c"] and bar.current == "c"
    assert bar.count.text() == "3 of 3"
    amap.remove_node("c")
    assert bar.matches == ["a", "b"] and bar.count.text().endswith("of 2")


# -------------------------------------------------------------------- filter bar
@pytest.fixture
def fbar(qtbot, amap):
    bar = FilterBar(amap)
    qtbot.addWidget(bar)
    bar.show()
    return bar


def test_filter_by_kind_side_and_tag(qtbot, fbar):
    got = []
    fbar.filterChanged.connect(got.append)
    qtbot.mouseClick(fbar.kinds["evidence"], Qt.MouseButton.LeftButton)
    assert got[-1] == {"t", "a", "b"}
    assert fbar.count.text() == "3 of 4 shown"
    fbar.side.setCurrentIndex(fbar.side.findData("against"))
    assert got[-1] == {"a"}
    fbar.side.setCurrentIndex(0)
    fbar.tag.setCurrentIndex(fbar.tag.findData("compute"))
    assert got[-1] == {"b"}
    qtbot.mouseClick(fbar.clear_button, Qt.MouseButton.LeftButton)
    assert got[-1] is None and fbar.count.text() == ""


def test_evidence_for_an_attacker_is_against_the_thesis(fbar):
    fbar.side.setCurrentIndex(fbar.side.findData("against"))
    assert fbar.kept == {"a", "c"}


def test_new_tags_appear_and_filters_follow_edits(fbar, amap):
    amap.update_node("c", tags=("epoch",))
    assert fbar.tag.findData("epoch") > 0
    fbar.tag.setCurrentIndex(fbar.tag.findData("epoch"))
    assert fbar.kept == {"c"}
    amap.update_node("b", tags=("epoch",))
    assert fbar.kept == {"b", "c"}
    amap.update_node("b", tags=())
    amap.update_node("c", tags=())
    assert fbar.tag.currentData() is None and fbar.kept is None  # the tag is gone: filter off
