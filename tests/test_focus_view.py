"""The focus view, driven with real keys and clicks in the real window: one claim on top, its
supporters and attackers in two columns, Enter/double-click descends, Backspace goes up,
arrows move between siblings; it shares the selection, the edits and the undo stack with the
map view, and works the same for 40 reasons (it scrolls)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(seed_window, qtbot):
    w = seed_window
    w.activateWindow()
    w.workspace.view.setFocus()
    qtbot.waitUntil(w.workspace.view.hasFocus, timeout=2000)
    qtbot.keyClick(w.workspace.view, Qt.Key.Key_2, CTRL)  # View → Focus View
    assert w.workspace.views.currentWidget() is w.workspace.focus
    return w


def selected(window) -> list[str]:
    return window.workspace.scene.selected_node_ids()


def test_thesis_on_top_with_its_supporters_and_attackers_in_two_columns(window):
    focus = window.workspace.focus
    amap = window.doc.map
    assert focus.focus_id == amap.thesis.id
    pros, cons = focus.columns
    for nid in pros:
        assert amap.edge(nid, amap.thesis.id).relation == "supports"
    for nid in cons:
        assert amap.edge(nid, amap.thesis.id).relation == "attacks"
    assert len(pros) + len(cons) == 12
    card = focus.cards[pros[0]]
    text = card.foot.text()
    assert "credence" in text and "strength" in text and "pts" in text, text
    assert card.title.text() == amap.node(pros[0]).title, "the whole title, not elided"


def test_keys_descend_go_up_and_move_between_siblings(window, qtbot):
    ws = window.workspace
    focus, amap = ws.focus, window.doc.map
    thesis = amap.thesis.id
    qtbot.keyClick(focus, Qt.Key.Key_Down)
    pros, cons = focus.columns
    assert selected(window) == [pros[0]]
    qtbot.keyClick(focus, Qt.Key.Key_Down)
    assert selected(window) == [pros[1]]
    qtbot.keyClick(focus, Qt.Key.Key_Right)
    assert selected(window) == [cons[1]]
    qtbot.keyClick(focus, Qt.Key.Key_Up)
    qtbot.keyClick(focus, Qt.Key.Key_Up)
    assert selected(window) == [thesis], "up from the first reason: the claim on top"
    qtbot.keyClick(focus, Qt.Key.Key_Down)
    chosen = selected(window)[0]
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    assert focus.focus_id == chosen
    assert "›" in focus.findChild(type(focus.cards[chosen].title), "breadcrumbs").text()
    qtbot.keyClick(focus, Qt.Key.Key_Backspace)
    assert focus.focus_id == thesis and selected(window) == [chosen]
    assert chosen in amap, "Backspace goes up; it deletes nothing"


def test_double_click_descends(window, qtbot):
    focus = window.workspace.focus
    pros, _ = focus.columns
    card = focus.cards[pros[0]]
    qtbot.mouseDClick(card, Qt.MouseButton.LeftButton)
    assert focus.focus_id == pros[0]


def test_selection_edits_and_undo_are_shared_with_the_map_view(window, qtbot):
    ws = window.workspace
    focus, amap = ws.focus, window.doc.map
    pros, _ = focus.columns
    qtbot.keyClick(focus, Qt.Key.Key_Down)
    assert ws.scene.selected_node_ids() == [pros[0]], "the map's selection is the card's"
    before = set(amap.graph.nodes)
    qtbot.keyClick(focus, Qt.Key.Key_Tab)  # a supporting claim under the selected card
    (new,) = set(amap.graph.nodes) - before
    qtbot.waitUntil(lambda: new in focus.cards, timeout=2000)
    assert focus.focus_id == pros[0] and selected(window) == [new]
    qtbot.keyClick(focus, Qt.Key.Key_Z, CTRL)
    assert new not in amap
    qtbot.keyClick(focus, Qt.Key.Key_Y, CTRL)
    assert new in amap
    qtbot.waitUntil(lambda: new in focus.cards, timeout=2000)
    qtbot.mouseClick(focus.cards[new], Qt.MouseButton.LeftButton)
    assert selected(window) == [new]
    qtbot.keyClick(focus, Qt.Key.Key_1, CTRL)  # back to the map: same selection
    assert ws.views.currentWidget() is ws.view
    assert ws.scene.selected_node_ids() == [new]
    assert ws.view.visible_scene_rect().contains(ws.scene.node_item(new).pos())


def test_forty_reasons_scroll(window, qtbot):
    from ui.commands.edits import AddNodeCommand, push

    ws = window.workspace
    amap = window.doc.map
    target = "ladder-of-generality"
    window.undo_stack.beginMacro("forty")
    for i in range(40):
        push(
            window.undo_stack,
            AddNodeCommand(
                amap,
                "claim",
                f"Reason number {i}",
                target=target,
                relation="supports" if i % 2 else "attacks",
            ),
        )
    window.undo_stack.endMacro()
    ws.scene.select_nodes([target])
    qtbot.keyClick(ws.focus, Qt.Key.Key_Return)
    focus = ws.focus
    reasons = amap.graph.in_degree(target)
    assert reasons >= 40
    qtbot.waitUntil(lambda: focus.focus_id == target and len(focus.cards) == 1 + reasons,
                    timeout=3000)  # fmt: skip
    bar = focus.verticalScrollBar()
    assert bar.maximum() > 0
    for _ in range(len(focus.columns[0])):
        qtbot.keyClick(focus, Qt.Key.Key_Down)
    last = focus.columns[0][-1]
    assert selected(window) == [last]
    assert bar.value() > 0, "the selected card scrolled into view"


def test_an_unweighed_reason_says_so_in_the_inspectors_words(window, qtbot):
    """A link nobody has weighed counts for nothing: its card says "not yet weighed", as the
    Inspector does, not "strength none (λ 1.0)", which reads like a weighing."""
    amap = window.doc.map
    thesis = amap.thesis.id
    amap.add_node("claim", "A reason nobody has weighed yet", node_id="fresh")
    amap.link("fresh", thesis, "supports")
    focus = window.workspace.focus
    qtbot.waitUntil(lambda: "fresh" in focus.cards)
    text = focus.cards["fresh"].foot.text()
    assert "not yet weighed" in text and "none" not in text and "λ" not in text
    weighed = focus.cards[focus.columns[0][0]].foot.text()
    assert "strength" in weighed and "not yet weighed" not in weighed


def test_keyboard_adding_goes_on_after_a_title_typed_in_the_inspector(window, qtbot):
    """In the focus view Tab adds a reason and sends the user to the Inspector's title; Enter
    there comes back, so Shift+Tab adds a counterclaim next without touching the mouse."""
    ws = window.workspace
    focus, amap = ws.focus, window.doc.map
    title = window.docks["inspector"].widget().title
    before = set(amap.graph.nodes)
    focus.setFocus()
    qtbot.waitUntil(focus.hasFocus, timeout=2000)
    qtbot.keyClick(focus, Qt.Key.Key_Tab)
    (first,) = set(amap.graph.nodes) - before
    qtbot.waitUntil(title.hasFocus, timeout=2000)
    qtbot.keyClicks(title, "Compute keeps getting cheaper")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert amap.node(first).title == "Compute keeps getting cheaper"
    qtbot.waitUntil(focus.hasFocus, timeout=2000)
    qtbot.keyClick(focus, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    (second,) = set(amap.graph.nodes) - before - {first}
    qtbot.waitUntil(title.hasFocus, timeout=2000)
    qtbot.keyClick(title, Qt.Key.Key_Escape)
    qtbot.waitUntil(focus.hasFocus, timeout=2000)
    (target,) = amap.graph.successors(second)
    assert amap.edge(second, target).relation == "attacks"


def test_a_short_title_sits_under_its_kind_even_beside_a_taller_card(window, qtbot):
    """Cards in one row share a height: a one-line title must stay right under its kind (a
    card's text reads from the top), not float halfway down an empty card."""
    focus = window.workspace.focus
    qtbot.wait(50)
    heights = {c.height() for c in focus.cards.values()}
    assert len(heights) > 1, "cards of different text lengths"
    for card in focus.cards.values():
        head, title = card.head.geometry(), card.title.geometry()
        gap = title.top() - head.bottom()
        assert gap <= 6, f"{card.title.text()!r}: {gap} px below its kind"
        text_height = card.title.heightForWidth(title.width())
        assert title.height() <= text_height + 2, f"{card.title.text()!r} centred in spare room"


def test_cards_name_their_kind_as_the_map_does(window, qtbot):
    """A claim attacking the claim in focus is a COUNTERCLAIM, as its card on the map says,
    and a counterclaim in focus keeps that name; supporters stay CLAIM or EVIDENCE."""
    focus = window.workspace.focus
    amap = window.doc.map
    scene = window.workspace.scene
    pros, cons = focus.columns
    attacker = next(n for n in cons if amap.node(n).kind == "claim")
    assert "COUNTERCLAIM" in focus.cards[attacker].head.text()
    assert scene.role(attacker) == "Counterclaim"
    for nid in pros:
        assert "COUNTER" not in focus.cards[nid].head.text()
    focus.show_node(attacker, select=attacker)
    qtbot.wait(20)
    assert "COUNTERCLAIM" in focus.cards[attacker].head.text()


def test_an_edit_leaves_the_focus_view_where_the_user_scrolled_it(window, qtbot):
    """Each edit rebuilds the focus view's cards, and the new page started at the top and was
    scrolled to the selected card's nearest edge: after a weight or title edit the view moved
    under the user (by a few pixels, or by a screenful when they had scrolled away from the
    card). An edit keeps the scroll position; a new selection still scrolls into view."""
    from PySide6.QtCore import QPoint

    from ui.commands.credence import set_strength_command
    from ui.commands.edits import EditNodeCommand, push

    ws, amap = window.workspace, window.doc.map
    focus, thesis = ws.focus, amap.thesis.id
    window.resize(1500, 720)  # the seed's thesis needs a scroll bar here
    qtbot.waitUntil(lambda: focus.verticalScrollBar().maximum() > 150, timeout=3000)
    pick = focus.columns[0][2]
    ws.scene.select_nodes([pick])
    bar = focus.verticalScrollBar()
    for value in (0, bar.maximum() // 2, bar.maximum()):
        bar.setValue(value)
        card_y = focus.cards[pick].mapTo(focus.viewport(), QPoint(0, 0)).y()
        for cmd in (
            set_strength_command(amap, pick, thesis, "decisive"),
            EditNodeCommand(amap, pick, title=amap.node(pick).title + " (edited)"),
        ):
            assert push(window.undo_stack, cmd)
            qtbot.waitUntil(lambda: not focus._pending.isActive(), timeout=2000)
            qtbot.wait(20)
            # (an edit can rewrap a card's line and shorten the page: then its new end)
            assert bar.value() == min(value, bar.maximum()), (value, type(cmd).__name__)
            window.undo_stack.undo()
            qtbot.waitUntil(lambda: not focus._pending.isActive(), timeout=2000)
            qtbot.wait(20)
            assert bar.value() == min(value, bar.maximum()), ("undo", value, type(cmd).__name__)
        assert focus.cards[pick].mapTo(focus.viewport(), QPoint(0, 0)).y() == card_y
    bar.setValue(0)
    last = focus.columns[1][-1]
    ws.scene.select_nodes([last])  # a new selection is brought into view
    card = focus.cards[last]
    bottom = card.mapTo(focus.viewport(), QPoint(0, card.height())).y()
    assert bar.value() > 0 and bottom <= focus.viewport().height()
