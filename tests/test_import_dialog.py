"""The review dialog with pytest-qt: highlight, accept, edit, re-target, reject, bulk accept."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from model.importer import Article, NodeRef, propose  # noqa: E402
from ui.import_dialog import ImportDialog  # noqa: E402

NODES = [
    NodeRef("T", "Scaling current LLM approaches will lead to AGI", kind="thesis", side=0),
    NodeRef("data", "We will run out of training data", side=-1),
    NodeRef("trend", "Benchmark scores keep improving with scale", side=1),
]
TEXT = ("Supporters say scaling will lead to AGI within a decade. 🚀 But models still fail simple "
        "planning tasks that need many steps.\nThe stock of human text is finite, so we will run "
        "out of training data soon. Scaling alone will not produce general intelligence.")


@pytest.fixture
def dialog(qtbot):
    result = propose(Article(text=TEXT, title="Own test"), NODES, "T")
    dlg = ImportDialog(result, NODES)
    qtbot.addWidget(dlg)
    return dlg


def test_lists_and_highlights(dialog) -> None:
    assert dialog.table.rowCount() == len(dialog.result.proposals) >= 3
    for row, p in enumerate(dialog.result.proposals):
        dialog.select(row)
        assert dialog.highlighted_text() == p.quote  # offsets survive the emoji (UTF-16)
        assert dialog.stance_box.currentText() == p.stance


def test_accept_edit_retarget_reject(dialog, qtbot) -> None:
    dialog.select(0)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    dialog.select(1)
    dialog.title_edit.clear()
    qtbot.keyClicks(dialog.title_edit, "Edited title")
    dialog.stance_box.setCurrentText("pro")
    dialog.target_box.setCurrentIndex(dialog.target_box.findData("data"))
    assert dialog.relation_box.currentText() == "attacks"  # pro vs a node against the thesis
    dialog.select(2)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
    decisions = dialog.decisions()
    assert len(decisions) == 2
    edited = next(d for d in decisions if d.title == "Edited title")
    assert (edited.stance, edited.target, edited.relation) == ("pro", "data", "attacks")
    assert dialog.result.proposals[2].quote not in {d.quote for d in decisions}


def test_checkbox_and_bulk_accept(dialog) -> None:
    dialog.table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    assert len(dialog.decisions()) == 1
    n = dialog.accept_above(0.0)
    assert n == len(dialog.result.proposals) == len(dialog.decisions())
    dialog.table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    assert len(dialog.decisions()) == n - 1


def test_threshold_button(dialog, qtbot) -> None:
    dialog.threshold_spin.setValue(1.0)
    qtbot.mouseClick(dialog.accept_above_button, Qt.MouseButton.LeftButton)
    assert dialog.decisions() == []
    dialog.threshold_spin.setValue(0.0)
    qtbot.mouseClick(dialog.accept_above_button, Qt.MouseButton.LeftButton)
    assert len(dialog.decisions()) == len(dialog.result.proposals)


def test_empty_proposals(qtbot) -> None:
    dlg = ImportDialog(propose(Article(text="Nothing here."), NODES, "T"), NODES)
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 0 and dlg.decisions() == []
