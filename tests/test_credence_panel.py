"""The credence panel and its commands, as a user meets them (offscreen Qt)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from model.argmap import ArgumentMap, MapError
from model.credence import thesis_credence
from model.entities import Scenario
from tests.test_credence import example_map
from ui.commands.credence import SetScenarioCommand, set_prior_command, set_strength_command
from ui.panels.credence_panel import CredencePanel


@pytest.fixture
def setup(qtbot):  # noqa: ANN001, ANN201
    amap = example_map()
    amap.put_scenario(Scenario("Skeptic", priors={"B": 0.95, "A": 0.1}))
    amap.put_scenario(Scenario("My view"))
    amap.set_meta("scenario", "My view")
    stack = QUndoStack()
    panel = CredencePanel(amap, stack)
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    return amap, stack, panel


def settle(qtbot, panel: CredencePanel) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: not panel._timer.isActive(), timeout=2000)


def test_panel_shows_the_thesis_credence_and_every_scenario(setup) -> None:  # noqa: ANN001
    amap, _, panel = setup
    assert panel.credence_label.text() == "65%"
    assert panel.thesis_label.text() == "T"
    items = [panel.scenario_box.itemText(i) for i in range(panel.scenario_box.count())]
    assert items == ["Skeptic", "My view"]
    assert panel.scenario_box.currentText() == "My view"


def test_a_weight_edit_updates_the_panel_and_undoes_exactly(setup, qtbot) -> None:  # noqa: ANN001
    amap, stack, panel = setup
    before = amap.snapshot()
    from ui.commands.edits import push

    assert push(stack, set_strength_command(amap, "A", "T", "decisive"))
    settle(qtbot, panel)
    assert panel.credence_label.text() == f"{100 * thesis_credence(amap):.0f}%" != "65%"
    assert amap.scenarios["My view"].strengths == {("A", "T"): 20.0}
    assert amap.history and amap.history[-1].scenario == "My view"
    stack.undo()
    settle(qtbot, panel)
    assert panel.credence_label.text() == "65%"
    assert amap.snapshot()["scenarios"] == before["scenarios"]


def test_prior_edit_on_the_map_weights_restores_the_node(qtbot) -> None:  # noqa: ANN001
    amap = example_map()
    stack = QUndoStack()
    node = amap.node("E")
    from ui.commands.edits import push

    push(stack, set_prior_command(amap, "E", 0.1))
    assert amap.node("E").prior == 0.1
    stack.undo()
    assert amap.node("E") == node


@pytest.mark.parametrize("value", [1.5, -0.1, float("nan")])
def test_bad_values_are_refused_before_the_stack(value) -> None:  # noqa: ANN001
    amap = example_map()
    before = amap.snapshot()
    with pytest.raises(MapError, match="between 0 and 1"):
        set_prior_command(amap, "E", value)
    with pytest.raises(MapError):
        set_strength_command(amap, "A", "T", "enormous")
    assert amap.snapshot() == before


def test_picking_a_scenario_is_undoable(setup, qtbot) -> None:  # noqa: ANN001
    amap, stack, panel = setup
    panel.scenario_box.setCurrentIndex(0)
    panel.scenario_box.activated.emit(0)
    assert amap.current_scenario == "Skeptic"
    settle(qtbot, panel)
    assert panel.credence_label.text() == f"{100 * thesis_credence(amap, 'Skeptic'):.0f}%"
    stack.undo()
    assert amap.current_scenario == "My view"
    with pytest.raises(MapError):
        SetScenarioCommand(amap, "Nope")


def test_tabs_draw_and_say_what_they_assume(setup, qtbot) -> None:  # noqa: ANN001
    amap, _, panel = setup
    assert panel.reasons.topLevelItemCount() == 2
    assert panel.reasons.topLevelItem(0).text(0) == "+30.6 pts"
    assert panel.reasons.topLevelItem(1).text(2) == "B"
    for tab in (1, 2, 3):
        panel.tabs.setCurrentIndex(tab)
    assert "default spread" in panel.sensitivity_note.text()
    assert "90% interval" in panel.uncertainty_note.text()
    assert "default spread" in panel.uncertainty_note.text()
    assert "0 recorded changes" in panel.history_note.text()  # a point, the headline: no change
    from ui.commands.edits import AddNodeCommand, push

    stack = panel.undo_stack
    opened = thesis_credence(amap)
    assert push(stack, set_prior_command(amap, "B", 0.2))
    assert push(stack, AddNodeCommand(amap, "claim", "New", target="T"))  # unweighed: no move
    assert push(stack, set_strength_command(amap, "N" if "N" in amap else _new(amap), "T", 6))
    stack.undo()
    settle(qtbot, panel)
    notes = [h.note for h in amap.history]
    assert notes[0] == "Opened" and amap.history[0].credence == pytest.approx(opened)
    assert notes[1].startswith("Set prior") and notes[-1].startswith("Undo: Set strength")
    assert not any(n.startswith("Add") for n in notes)  # adding an unweighed reason moves nothing
    assert amap.history[-1].credence == pytest.approx(thesis_credence(amap))
    assert f"to {100 * thesis_credence(amap):.0f}% now; 3 recorded changes" in (
        panel.history_note.text()
    )


def test_panel_on_a_map_without_thesis(qtbot) -> None:  # noqa: ANN001
    amap = ArgumentMap()
    amap.add_node("claim", "c")
    panel = CredencePanel(amap, QUndoStack())
    qtbot.addWidget(panel)
    for tab in range(4):
        panel.tabs.setCurrentIndex(tab)
    assert panel.credence_label.text() == "—"
    assert "No thesis" in panel.thesis_label.text()


def test_activating_a_reason_names_its_node(setup, qtbot) -> None:  # noqa: ANN001
    _, _, panel = setup
    with qtbot.waitSignal(panel.nodeActivated) as sig:
        item = panel.reasons.topLevelItem(0)
        panel.reasons.itemActivated.emit(item, 0)
    assert sig.args == ["A"]


def test_one_click_on_a_reason_shows_its_node(setup, qtbot) -> None:  # noqa: ANN001
    """A single click (not only a double click) takes the map to the reason's node."""
    _, _, panel = setup
    panel.show()
    item = panel.reasons.topLevelItem(0)
    where = panel.reasons.visualItemRect(item).center()
    with qtbot.waitSignal(panel.nodeActivated) as sig:
        qtbot.mouseClick(panel.reasons.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert sig.args == ["A"]


def test_large_maps_sample_off_the_gui_thread(setup, qtbot, monkeypatch) -> None:  # noqa: ANN001
    import ui.panels.credence_panel as mod

    monkeypatch.setattr(mod, "THREAD_ABOVE_NODES", 1)
    amap, _, panel = setup
    panel.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: "90% interval" in panel.uncertainty_note.text(), timeout=5000)
    amap.set_prior("B", 0.01)  # a newer run replaces the older one
    settle(qtbot, panel)
    qtbot.waitUntil(lambda: "90% interval" in panel.uncertainty_note.text(), timeout=5000)
    assert f"point estimate {100 * thesis_credence(amap):.0f}%" in panel.uncertainty_note.text()


def test_a_closed_panel_stops_listening(qtbot) -> None:  # noqa: ANN001
    amap = example_map()
    panel = CredencePanel(amap, QUndoStack())
    panel.deleteLater()
    qtbot.wait(10)
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    amap.set_prior("B", 0.3)  # must not raise into the model's edit
    assert thesis_credence(amap) != pytest.approx(0.6472, abs=1e-4)


def test_data_tab_shows_the_chart_beside_the_evidence_that_uses_it(qtbot):
    from storage.seedmap import load_seed

    amap = load_seed()
    panel = CredencePanel(amap, QUndoStack())
    qtbot.addWidget(panel)
    panel.tabs.setCurrentIndex(4)
    panel.refresh()
    tied = {n.id for n in amap.nodes() if n.series}
    listed = {panel.data_list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
              for i in range(panel.data_list.topLevelItemCount())}  # fmt: skip
    assert listed == tied
    chosen = panel.data_list.currentItem().data(0, Qt.ItemDataRole.UserRole)
    assert panel.data_chart is not None and panel.data_chart.name == amap.node(chosen).series
    panel.detach()


def _new(amap: ArgumentMap) -> str:
    return next(n.id for n in amap.nodes() if n.title == "New")


def test_unweighed_reasons_are_counted_and_weighed_in_one_step(setup, qtbot) -> None:  # noqa: ANN001
    from ui.commands.edits import AddNodeCommand, push

    amap, stack, panel = setup
    before = thesis_credence(amap)
    assert push(stack, AddNodeCommand(amap, "claim", "Unweighed", target="T", relation="attacks"))
    settle(qtbot, panel)
    assert thesis_credence(amap) == pytest.approx(before)
    assert panel.unweighed_label.text().startswith("1 reason on the thesis not yet weighed")
    picked = []
    panel.nodeActivated.connect(picked.append)
    panel.weigh_next()
    new = _new_titled(amap, "Unweighed")
    assert picked == [new]
    texts = [a.text() for a in panel._weigh_menu.actions()]
    assert "&0  no pull (weighed: irrelevant) · λ 1" in texts, texts  # not "none" (unweighed?)
    count = stack.count()
    panel.weigh((new, "T"), "strong")
    settle(qtbot, panel)
    assert stack.count() == count + 1
    assert thesis_credence(amap) < before
    assert panel.unweighed_label.isHidden()
    stack.undo()
    settle(qtbot, panel)
    assert thesis_credence(amap) == pytest.approx(before)


def _new_titled(amap: ArgumentMap, title: str) -> str:
    return next(n.id for n in amap.nodes() if n.title == title)


def test_cruxes_tab_draws_the_shares_and_a_click_selects_the_node(setup, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import QPointF

    amap, _, panel = setup
    panel.tabs.setCurrentIndex(panel.tabs.count() - 1)
    assert panel.tabs.tabText(panel.tabs.currentIndex()) == "Cruxes"
    settle(qtbot, panel)
    panel._draw_cruxes()
    assert panel.crux_a.currentText() == "Skeptic" and panel.crux_b.currentText() == "My view"
    assert "exact Shapley" in panel.crux_note.text()
    assert panel._crux_rows[0] == "A"  # A's prior (0.1 vs 0.5) explains most of the gap
    picked = []
    panel.nodeActivated.connect(picked.append)
    vb = panel.crux_plot.getPlotItem().vb
    top = vb.mapViewToScene(QPointF(0.0, float(len(panel._crux_rows) - 1)))

    class Click:
        def scenePos(self):  # noqa: ANN202, N802 (pyqtgraph's name)
            return top

    panel._crux_clicked(Click())
    assert picked == ["A"]
    panel.crux_plot.scene().sigMouseMoved.emit(top)  # the whole name and share as a tooltip
    assert vb.toolTip().startswith("prior: A\n") and "points of the move" in vb.toolTip()


def test_every_view_of_the_panel_has_a_visible_button_in_a_narrow_dock(qtbot):
    """At the first-run dock width no view hides behind scroll arrows: the buttons wrap."""
    from PySide6.QtCore import QPoint

    from ui.panels.wrapping_tabs import WrappingTabs

    tabs = WrappingTabs()
    qtbot.addWidget(tabs)
    names = ["Reasons", "Sensitivity", "Uncertainty", "History", "Data", "Cruxes"]
    for name in names:
        tabs.addTab(QWidget(), name)
    tabs.resize(290, 300)
    tabs.show()
    qtbot.waitExposed(tabs)
    assert tabs.width() == 290, "the views fit the dock's width, not widen it"
    for i in range(tabs.count()):
        button = tabs.button(i)
        corner = button.mapTo(tabs, QPoint(button.width(), button.height()))
        assert button.isVisible() and corner.x() <= tabs.width(), f"{names[i]} is cut off"
        assert button.width() >= button.sizeHint().width(), f"{names[i]}'s name is clipped"
    seen = []
    tabs.currentChanged.connect(seen.append)
    qtbot.mouseClick(tabs.button(5), Qt.MouseButton.LeftButton)
    assert tabs.currentIndex() == 5 and seen == [5]
    assert [tabs.button(i).font().bold() for i in range(6)] == [False] * 5 + [True]
    with qtbot.waitActive(tabs):
        tabs.activateWindow()
    tabs.button(0).setFocus()
    qtbot.keyClick(tabs.button(0), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 0, "Ctrl+PgDown wraps round to the first view"


@given(st.lists(st.floats(0, 100), min_size=1, max_size=30))
def test_history_range_shows_every_value_with_room_and_stays_in_0_100(ys) -> None:
    from ui.panels.credence_panel import history_range

    lo, hi = history_range(ys)
    assert 0 <= lo <= min(ys) and max(ys) <= hi <= 100
    assert hi - lo >= 10 - 1e-9, "a small move is drawn as a move, not a flat line"


def test_history_range_of_a_small_move_is_not_the_whole_scale() -> None:
    from ui.panels.credence_panel import history_range

    lo, hi = history_range([8.0, 6.0, 4.0])
    assert hi - lo <= 15, "the axis is zoomed to the values, not 0–100"


def test_unweighed_reasons_are_listed_after_the_weighed_ones(setup, qtbot) -> None:  # noqa: ANN001
    """A new map's reasons start unweighed: the list names them (greyed, no pull) instead of
    looking empty, and a click on one still shows its node."""
    amap, _, panel = setup
    thesis = amap.thesis.id
    amap.add_node("claim", "A reason nobody weighed", node_id="fresh")
    amap.link("fresh", thesis, "supports")
    panel.refresh()
    rows = [panel.reasons.topLevelItem(i) for i in range(panel.reasons.topLevelItemCount())]
    last = rows[-1]
    assert last.text(2) == "A reason nobody weighed" and last.text(1) == "not yet weighed"
    assert last.text(0) == "—" and last.data(0, Qt.ItemDataRole.UserRole) == "fresh"
    assert all(r.text(0).endswith("pts") for r in rows[:-1]), "weighed ones first"


def test_the_overlap_note_follows_text_edits_and_a_weight_edit_does_not_recheck(qtbot, monkeypatch):  # noqa: ANN001, E501
    """A near-duplicate reason added to the thesis brings the note (and the Merge button); a
    text edit that makes it say something else takes the note away, and so does deleting it;
    a weight edit keeps the note and runs no new TF-IDF check over the thesis's reasons."""
    import model.credence.redundancy as redundancy
    from tests.test_redundancy import op_ed
    from ui.commands.edits import push

    amap = op_ed()
    for nid in ("b", "c"):  # leave "a" and "d": two different arguments
        amap.remove_node(nid)
    stack = QUndoStack()
    panel = CredencePanel(amap, stack)
    qtbot.addWidget(panel)
    panel._make_charts()
    checks = []
    real = redundancy.overlapping_reasons
    monkeypatch.setattr(
        redundancy, "overlapping_reasons", lambda *a, **k: checks.append(1) or real(*a, **k)
    )

    def shown() -> bool:
        panel.refresh()
        return not panel.overlap_note.isHidden()

    assert not shown()
    with amap.batch():
        amap.add_node("claim", "Frontier labs are running out of public web training data",
                      node_id="dup")  # fmt: skip
        amap.link("dup", "T", "attacks", "moderate")
    assert shown() and "nearly the same thing" in panel.overlap_note.text()
    assert not panel.merge_button.isHidden()
    checks.clear()
    assert push(stack, set_prior_command(amap, "dup", 0.3))
    amap.set_prior("e", 0.4)  # deeper in the map
    assert shown() and checks == []
    amap.update_node("dup", title="Chips are getting cheaper every year")
    assert not shown() and checks == [1]
    amap.update_node("dup", title="Public web training data for frontier labs is running out")
    assert shown()
    amap.remove_node("dup")
    assert not shown()


def test_the_scenario_bars_show_each_new_credence_after_an_edit(setup, qtbot) -> None:  # noqa: ANN001
    """The bars are redrawn only when a shown value moves, and every move is shown."""
    from model.credence import scenario_credences
    from ui.commands.edits import push

    amap, stack, panel = setup
    panel._make_charts()
    right = panel.bars.getAxis("right")

    def labels() -> list[str]:
        drawn = sorted(pct for _name, pct in panel.shown_bars)
        assert drawn == sorted(text for _y, text in right._tickLevels[0])  # as the axis says
        return drawn

    def expected() -> list[str]:
        return sorted(f"{100 * v:.0f}%" for v in scenario_credences(amap).values())

    assert labels() == expected()
    for strength in ("decisive", "weak", "strong"):
        assert push(stack, set_strength_command(amap, "A", "T", strength))
        settle(qtbot, panel)
        assert labels() == expected()
    stack.undo()
    settle(qtbot, panel)
    assert labels() == expected()


def test_weighing_from_the_menu_moves_on_to_the_next_unweighed_reason(setup, qtbot) -> None:  # noqa: ANN001
    """Alt+W, then a number per reason: after one is weighed the menu offers the next, until
    none is left."""
    from ui.commands.edits import AddNodeCommand, push

    amap, stack, panel = setup
    for title in ("First unweighed", "Second unweighed"):
        assert push(stack, AddNodeCommand(amap, "claim", title, target="T", relation="attacks"))
    settle(qtbot, panel)
    panel.weigh_next()
    first = panel._weigh_menu
    assert first.title() == "First unweighed"
    first.actions()[2].trigger()  # "3  strong"
    qtbot.waitUntil(lambda: panel._weigh_menu is not first)
    assert panel._weigh_menu.title() == "Second unweighed"
    assert [amap.node(e.source).title for e in amap.unweighed("T")] == ["Second unweighed"]
    second = panel._weigh_menu
    second.actions()[0].trigger()  # "1  weak"
    qtbot.wait(50)
    assert panel._weigh_menu is second and not amap.unweighed("T")
    assert panel.unweighed_label.isHidden()
    second.close()


def test_the_headline_detail_fits_two_lines_in_the_first_run_dock(setup, qtbot) -> None:  # noqa: ANN001
    """Beside the big headline, at the Credence dock's first-run width and a desktop's 11 pt
    font, the scenario and the other method's figure take one line each (the DF-QuAD line
    used to wrap onto a third); the tooltip still says what that figure is."""
    from PySide6.QtGui import QFont

    from model.credence.dfquad import evaluate_dfquad
    from ui.workspace import SIDE_WIDTHS

    amap, _, panel = setup
    font = QFont(panel.font())
    font.setPointSizeF(11)
    panel.setFont(font)
    panel.resize(SIDE_WIDTHS[0], 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.refresh()
    label = panel.detail_label
    lines = label.heightForWidth(label.width()) / label.fontMetrics().lineSpacing()
    assert lines < 2.5, (label.text(), label.width(), lines)
    alt = f"{100 * evaluate_dfquad(amap).thesis_credence:.0f}%"
    assert "DF-QuAD" in label.text() and alt in label.text()
    assert f"Another method, DF-QuAD, reads the same map as {alt}" in label.toolTip()


def test_a_new_scenario_copies_the_weights_shown(setup, qtbot, monkeypatch) -> None:  # noqa: ANN001
    """The panel's New… button adds a scenario (a copy of the one shown, its figure unchanged)
    and makes it the active one, as one undo step; weighing it leaves the original be, and the
    Cruxes tab can compare the two. There used to be no way to add a scenario in the app."""
    from PySide6.QtWidgets import QInputDialog

    from ui.commands.credence import NewScenarioCommand
    from ui.commands.edits import push

    amap, stack, panel = setup
    push(stack, set_strength_command(amap, "A", "T", "strong"))
    before = amap.snapshot()
    mine = thesis_credence(amap)
    asked = []

    def answer(parent, title, label, text=""):  # noqa: ANN001, ANN202
        asked.append(text)
        return "  Optimist  ", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    panel.new_scenario_button.click()
    assert asked == ["My view (2)"]
    assert amap.current_scenario == "Optimist"
    assert amap.scenarios["Optimist"].strengths == {("A", "T"): 6.0}
    assert thesis_credence(amap) == pytest.approx(mine)
    settle(qtbot, panel)
    names = [panel.scenario_box.itemText(i) for i in range(panel.scenario_box.count())]
    assert names == ["Skeptic", "My view", "Optimist"]
    assert panel.scenario_box.currentText() == "Optimist"
    assert stack.undoText() == "New scenario “Optimist”"
    push(stack, set_strength_command(amap, "A", "T", "decisive"))
    assert amap.scenarios["My view"].strengths == {("A", "T"): 6.0}  # the copy is separate
    panel._fill_crux_boxes()
    assert "Optimist" in [panel.crux_b.itemText(i) for i in range(panel.crux_b.count())]
    stack.undo()
    stack.undo()
    after = amap.snapshot()
    assert {k: v for k, v in after.items() if k != "history"} == {
        k: v for k, v in before.items() if k != "history"
    }
    with pytest.raises(MapError):
        NewScenarioCommand(amap, "Skeptic")
    with pytest.raises(MapError):
        NewScenarioCommand(amap, "   ")


def test_the_history_is_drawn_one_step_per_change_with_dates_on_its_axis(setup, qtbot) -> None:  # noqa: ANN001
    """The History tab drew its points at their wall-clock times: an evening's edits and
    their undos piled up into one vertical line beside the gap to a week before, under ticks
    such as "20:13:30". Each change is now one step along the axis, the ticks say on which day
    (or, all in one day, at what time) and each point's tooltip names its edit."""
    from model.entities import HistoryEntry

    amap, _, panel = setup
    times = ["2026-11-01T12:00:00+00:00", "2026-11-28T12:13:00+00:00",
             "2026-11-28T12:13:05+00:00", "2026-11-28T12:13:09+00:00"]  # fmt: skip
    for t, p, note in zip(times, (0.6, 0.7, 0.4, 0.65), ("Opened", "Set prior", "Set strength",
                                                        "Undo: Set strength"), strict=True):  # fmt: skip
        amap.record_credence(HistoryEntry(t, "My view", p, note))
    panel.tabs.setCurrentIndex(3)
    settle(qtbot, panel)
    qtbot.waitUntil(lambda: panel._charts_ready, timeout=3000)
    panel._draw_history()
    curve = panel.history.getPlotItem().listDataItems()[0]
    assert list(curve.getData()[0]) == [0, 1, 2, 3, 4]  # the four records and the headline now
    ticks = panel.history.getAxis("bottom")._tickLevels[0]
    assert [label for _, label in ticks][:2] == ["1 Nov", "28 Nov"]
    assert "4 recorded changes" in panel.history_note.text()
    from ui.panels.credence_panel import _history_tip, history_ticks

    tip = _history_tip(amap.history[2])
    assert "Set strength" in tip and "40.0%" in tip and "Nov 2026" in tip
    one_day = history_ticks(times[1:])
    assert len(one_day) == 1 and ":" in one_day[0][1]  # one day: its time, said once
    assert history_ticks(times[:2]) == [(0, "1 Nov"), (1, "28 Nov")]


def test_a_tabs_note_is_never_drawn_over_by_its_chart_in_a_short_dock(setup, qtbot) -> None:  # noqa: ANN001
    """In the Credence dock of a 1500×920 window the Cruxes tab's note lost its first lines
    under the chart ("…differing inputs (the shares…" showing, cut at the top), the chart's
    axis title cut too: the page asked for more height than the dock had. A squeezed page
    now scrolls: each note gets the height its wrapped text needs, below its chart."""
    amap, _, panel = setup
    panel.resize(340, 480)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel._charts_ready, timeout=3000)
    for index, chart, note in ((5, "crux_plot", "crux_note"), (1, "tornado", "sensitivity_note"),
                               (3, "history", "history_note")):  # fmt: skip
        panel.tabs.setCurrentIndex(index)
        settle(qtbot, panel)
        qtbot.wait(50)
        plot, label = getattr(panel, chart), getattr(panel, note)
        assert label.text()
        assert label.geometry().top() >= plot.geometry().bottom(), (chart, note)
        assert label.height() >= label.heightForWidth(label.width()), note


LONG_NAME = "Your view of Dwarkesh Patel (2023) after the rebuttals on data walls and scaling"


@pytest.mark.parametrize("width", [260, 340, 520])
def test_a_long_scenario_name_never_pushes_a_percentage_out_of_the_bars(qtbot, width) -> None:  # noqa: ANN001
    """A scenario named in 80 characters took the whole chart for its name: the bars shrank
    to a few pixels and every percentage was cut off, in the first-run dock as in a narrow
    one. A name now gets at most about half the chart (elided, whole in the tooltip), each
    percentage its own column on the right, and a resized dock lays the names out again."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFontMetrics

    from model.credence import scenario_credences

    amap = example_map()
    amap.put_scenario(Scenario("Skeptic", priors={"B": 0.95, "A": 0.1}))
    amap.put_scenario(Scenario(LONG_NAME, priors={"A": 1.0}))
    amap.set_meta("scenario", LONG_NAME)
    panel = CredencePanel(amap, QUndoStack())
    qtbot.addWidget(panel)
    panel.resize(width, 640)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel._charts_ready, timeout=3000)
    qtbot.wait(120)  # the relayout after the panel's first size
    plot = panel.bars
    item = plot.getPlotItem()
    left, right, vb = item.getAxis("left"), item.getAxis("right"), item.vb
    assert item.geometry().width() <= plot.width(), "the chart fits its widget"
    assert left.width() <= 0.6 * plot.width()
    assert vb.width() >= 0.2 * plot.width(), "the bars keep room beside a long name"
    names = [name for name, _pct in panel.shown_bars]
    percents = [pct for _name, pct in panel.shown_bars]
    assert percents == [f"{100 * v:.0f}%" for v in scenario_credences(amap).values()]
    assert names[-1] != LONG_NAME and names[-1].endswith("…")
    assert LONG_NAME.startswith(names[-1][:-1])
    metrics = QFontMetrics(plot.font())
    assert right.isVisible() and right.geometry().right() <= plot.width() + 1
    assert all(right.width() > metrics.horizontalAdvance(p) for p in percents), "whole numbers"
    # The whole name is the row's tooltip, over the bar and over its elided name.
    row = vb.mapViewToScene(QPointF(50, 0))  # the bottom row (y 0): the long name's bar
    plot.scene().sigMouseMoved.emit(row)
    assert left.toolTip().startswith(LONG_NAME) and vb.toolTip() == left.toolTip()
    shown = names[-1]
    panel.resize(width + 300, 640)
    qtbot.waitUntil(lambda: panel.shown_bars and panel.shown_bars[-1][0] != shown, timeout=2000)
    assert len(panel.shown_bars[-1][0]) > len(shown), "a wider dock shows more of the name"


def test_the_tornado_names_each_input_on_its_own_line_and_stays_readable_in_a_narrow_dock(qtbot):
    """With many reasons on the thesis the tornado's names were squeezed into a left axis
    (60% of the chart, at least 200 px), 12 rows at ~13 px each: names cut at 20 letters,
    bars a few pixels wide, the bottom axis's numbers run together. Now the top
    TORNADO_ROWS inputs are drawn, each name on its own line above its bar across the
    chart's width, no two rows touching, the whole name in the tooltip, and the note says
    how many inputs move the thesis; a click selects the input's node."""
    import pyqtgraph as pg
    from PySide6.QtCore import QPointF

    from storage.seedmap import load_seed
    from ui.panels.credence_panel import TORNADO_ROWS

    amap = load_seed(with_trends=False)
    panel = CredencePanel(amap, QUndoStack())
    qtbot.addWidget(panel)
    panel.resize(280, 900)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel._charts_ready, timeout=3000)
    panel.tabs.setCurrentIndex(1)
    settle(qtbot, panel)
    qtbot.wait(120)
    plot = panel.tornado
    vb = plot.getPlotItem().vb
    names = [i for i in plot.items() if isinstance(i, pg.TextItem)]
    bars = [i for i in plot.items() if isinstance(i, pg.BarGraphItem)]
    assert len(names) == TORNADO_ROWS == len(panel._tornado_rows)
    assert f"The {TORNADO_ROWS} inputs that swing the thesis most, of " in (
        panel.sensitivity_note.text()
    )
    view = vb.sceneBoundingRect()
    names.sort(key=lambda n: n.sceneBoundingRect().top())  # top row first
    rects = [n.sceneBoundingRect() for n in names]
    for a, b in zip(rects, rects[1:]):
        assert a.bottom() <= b.top(), "no two names overlap"
    for r in rects:
        assert view.left() - 1 <= r.left() and r.right() <= view.right() + 1, "never cut"
        for bar in bars:
            assert not r.intersects(bar.sceneBoundingRect().adjusted(0, 1, 0, -1)), "a bar"
    texts = [n.textItem.toPlainText() for n in names]
    assert any(t.endswith("…") for t in texts), "the seed's titles are longer than 280 px"
    assert max(r.width() for r in rects) >= 0.8 * view.width(), "names take the whole width"
    # The full name in the tooltip of the row under the mouse; a click selects its node.
    top_row = vb.mapViewToScene(QPointF(vb.viewRange()[0][0] + 0.1, TORNADO_ROWS - 1.2))
    plot.scene().sigMouseMoved.emit(top_row)
    first = vb.toolTip().split("\n")[0]
    assert first.startswith(texts[0].rstrip("…")) and len(first) > len(texts[0])
    seen: list[str] = []
    panel.nodeActivated.connect(seen.append)
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=plot.mapFromScene(top_row))
    assert seen == panel._tornado_rows[:1]
    axis = plot.getAxis("bottom")
    assert axis.labelText == "thesis, %"


def test_the_charts_follow_a_switch_to_the_dark_scheme(qtbot, dark_scheme) -> None:  # noqa: ANN001
    """A chart drawn in the light palette is drawn again in the dark one: its paper, axes and
    the scenario bars' percentages, and the trend chart of the Data tab."""
    from storage.seedmap import load_seed

    panel = CredencePanel(load_seed(), QUndoStack())
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    panel._make_charts()
    panel.tabs.setCurrentIndex(4)  # Data: the trend chart of the selected evidence
    panel.refresh()
    assert panel.data_chart is not None and panel.data_chart.plot is not None
    paper, ink = dark_scheme(panel)
    for plot in (panel.bars, panel.tornado, panel.histogram, panel.history, panel.crux_plot):
        assert plot.backgroundBrush().color() == paper
        assert plot.getAxis("left").textPen().color() == ink
    assert panel.bars.getAxis("right").textPen().color() == ink
    assert panel.data_chart.plot.backgroundBrush().color() == paper
    panel.detach()
