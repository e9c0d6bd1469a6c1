"""An author's reading is a record: a weight edit made while it is active goes to a new
copy, "Your view of …", made active in the same undo step (offscreen Qt, and the model's
rules without Qt)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtGui import QUndoStack

from model.argmap import ArgumentMap
from model.entities import Receipt, Scenario
from model.readings import copy_name, is_authors_reading, own_copy
from tests.test_credence import example_map
from ui.commands import edits
from ui.commands.credence import set_prior_command, set_strength_command
from ui.commands.edits import ResetWeightCommand, SetWeightCommand, push
from ui.panels.credence_panel import CredencePanel
from ui.panels.inspector import Inspector

READING = "Patel (2023)"
COPY = "Your view of Patel (2023)"


def patel() -> Scenario:
    return Scenario(
        READING, "Patel's reading", source="patel2023", reading=True, stated="70%",
        priors={"A": 0.85, "E": 0.8}, strengths={("A", "T"): 20.0},
        receipts={"A": Receipt("What seems certain", "Conclusion"),
                  ("A", "T"): Receipt("extremely difficult", "Debate 1")},
    )  # fmt: skip


@pytest.fixture
def amap() -> ArgumentMap:
    m = example_map()
    m.put_scenario(patel())
    m.put_scenario(Scenario("My view"))
    m.set_meta("scenario", READING)
    return m


@pytest.fixture
def notices(monkeypatch) -> list[str]:  # noqa: ANN001
    said: list[str] = []
    monkeypatch.setattr(edits, "notice_reporter", said.append)
    return said


# ------------------------------------------------------------------ the model's rules
def test_which_scenarios_are_an_authors_reading() -> None:
    assert is_authors_reading(patel())
    assert not is_authors_reading(Scenario("My view"))
    assert not is_authors_reading(None)
    copy = own_copy(patel(), COPY)
    assert not is_authors_reading(copy)  # the user's own, though it weighs as the reading does
    assert copy.reading and copy.priors == patel().priors and copy.strengths == patel().strengths
    assert not copy.receipts and not copy.source and not copy.stated


def test_a_copy_gets_a_free_name() -> None:
    assert copy_name({READING}, READING) == COPY
    assert copy_name({READING, COPY}, READING) == COPY + " (2)"
    assert copy_name({READING, COPY, COPY + " (2)"}, READING) == COPY + " (3)"


# --------------------------------------------------------------------- the commands
def _check_forked(amap: ArgumentMap, stack: QUndoStack, before: dict, edited) -> None:  # noqa: ANN001
    """The reading is as it was, the edit is in the active copy; one undo takes both back."""
    assert amap.scenarios[READING] == patel()
    assert amap.scenarios[READING].receipts == patel().receipts  # the quotes are kept
    assert amap.current_scenario == COPY
    assert edited(amap.scenarios[COPY])
    assert stack.count() == 1
    stack.undo()
    assert amap.snapshot()["scenarios"] == before["scenarios"]
    assert amap.current_scenario == READING
    stack.redo()
    assert amap.current_scenario == COPY and edited(amap.scenarios[COPY])
    assert amap.scenarios[READING] == patel()


def test_a_strength_edit_on_a_reading_goes_to_a_copy(amap, notices) -> None:  # noqa: ANN001
    """The path of the map's link menu (MapEditor.set_strength) and the Weigh… menu."""
    stack = QUndoStack()
    before = amap.snapshot()
    assert push(stack, set_strength_command(amap, "A", "T", "weak"))
    _check_forked(amap, stack, before, lambda sc: sc.strengths[("A", "T")] == 1.5)
    assert notices and COPY in notices[0] and READING in notices[0]


def test_a_prior_edit_on_a_reading_goes_to_a_copy(amap, notices) -> None:  # noqa: ANN001
    stack = QUndoStack()
    before = amap.snapshot()
    assert push(stack, set_prior_command(amap, "A", 0.3))
    _check_forked(amap, stack, before, lambda sc: sc.priors["A"] == 0.3)


def test_a_reset_on_a_reading_goes_to_a_copy(amap, notices) -> None:  # noqa: ANN001
    stack = QUndoStack()
    before = amap.snapshot()
    assert push(stack, ResetWeightCommand(amap, "prior", "A"))
    _check_forked(amap, stack, before, lambda sc: "A" not in sc.priors)


def test_a_second_edit_goes_to_the_same_copy_and_a_drag_is_one_step(amap) -> None:  # noqa: ANN001
    stack = QUndoStack()
    before = amap.snapshot()
    for value in (0.6, 0.65, 0.7):  # a slider drag: merged into one step
        assert push(stack, SetWeightCommand(amap, "prior", "A", value))
    _check_forked(amap, stack, before, lambda sc: sc.priors["A"] == 0.7)
    assert push(stack, set_strength_command(amap, "B", "T", "strong"))
    assert set(amap.scenarios) == {READING, "My view", COPY}
    assert amap.scenarios[COPY].strengths[("B", "T")] == 6.0


def test_edits_in_ones_own_scenario_stay_in_place(amap, notices) -> None:  # noqa: ANN001
    amap.set_meta("scenario", "My view")
    stack = QUndoStack()
    assert push(stack, set_strength_command(amap, "A", "T", "weak"))
    assert amap.current_scenario == "My view" and set(amap.scenarios) == {READING, "My view"}
    assert amap.scenarios["My view"].strengths == {("A", "T"): 1.5} and not notices


# ----------------------------------------------------------------- the widgets
def test_the_inspector_slider_on_a_reading_edits_a_copy(qtbot, amap) -> None:  # noqa: ANN001
    stack = QUndoStack()
    inspector = Inspector(amap, stack)
    qtbot.addWidget(inspector)
    inspector.resize(380, 900)
    inspector.show()
    inspector.show_nodes(["A"])
    assert "your own copy" in inspector.override.text()
    before = amap.snapshot()
    for v in (60, 65, 70):
        inspector.slider.setValue(v)
    _check_forked(amap, stack, before, lambda sc: sc.priors["A"] == 0.7)
    row = inspector.rows[("A", "T")]
    row._set_lam(2.0)  # the link row's λ box
    assert amap.scenarios[COPY].strengths[("A", "T")] == 2.0
    assert amap.scenarios[READING] == patel()


def test_the_weigh_menu_on_a_reading_edits_a_copy(qtbot, amap) -> None:  # noqa: ANN001
    stack = QUndoStack()
    panel = CredencePanel(amap, stack)
    qtbot.addWidget(panel)
    before = amap.snapshot()
    panel.weigh(("B", "T"), "strong")
    _check_forked(amap, stack, before, lambda sc: sc.strengths[("B", "T")] == 6.0)
    qtbot.waitUntil(lambda: panel.scenario_box.currentText() == COPY, timeout=2000)


# ------------------------------------------------------------ the real window, seed map
def test_in_the_window_patels_reading_keeps_its_quotes_and_the_status_bar_says_why(
    seed_window, qtbot
) -> None:  # noqa: ANN001
    """The first-time user's path: pick Patel's reading, change a strength from the map's
    link menu and a prior from the inspector; his reading and its quotes stay as he wrote
    them, the edits are in "Your view of …", and the status bar says so."""
    w = seed_window
    amap = w.doc.map
    patel_name = next(n for n, sc in amap.scenarios.items() if sc.source == "patel2023")
    panel = w.panels["credence"]
    panel.scenario_box.activated.emit(panel.scenario_box.findData(patel_name))
    assert amap.current_scenario == patel_name
    reading = amap.scenarios[patel_name]
    key = next(k for k in reading.receipts if isinstance(k, tuple))
    assert reading.strengths[key] != 3.0
    w.workspace.editor.set_strength(key, "moderate")  # the link menu
    mine = f"Your view of {patel_name}"
    assert amap.scenarios[patel_name] == reading and amap.scenarios[patel_name].receipts
    assert amap.current_scenario == mine and amap.scenarios[mine].strengths[key] == 3.0
    assert mine in w.statusBar().currentMessage()
    qtbot.waitUntil(lambda: panel.scenario_box.currentText() == mine, timeout=3000)
    w.undo_stack.undo()
    assert amap.current_scenario == patel_name and mine not in amap.scenarios
    w.undo_stack.redo()
    assert amap.current_scenario == mine and amap.scenarios[mine].strengths[key] == 3.0


def test_new_on_a_reading_offers_your_view_of_it(qtbot, amap, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QInputDialog

    offered = []
    monkeypatch.setattr(
        QInputDialog, "getText", lambda *a, **k: (offered.append(k["text"]), ("", False))[1]
    )
    panel = CredencePanel(amap, QUndoStack())
    qtbot.addWidget(panel)
    panel.new_scenario()
    assert offered == [COPY]


def test_picking_the_value_a_reading_already_sets_makes_no_copy(amap) -> None:  # noqa: ANN001
    stack = QUndoStack()
    push(stack, set_strength_command(amap, "A", "T", "decisive"))  # Patel's own λ 20
    push(stack, set_prior_command(amap, "A", 0.85))
    assert set(amap.scenarios) == {READING, "My view"} and amap.current_scenario == READING
    assert amap.scenarios[READING] == patel()
