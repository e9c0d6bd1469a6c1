"""A weight edit moves no card: not on the map, not its zoomed-out label, not in the focus
view's columns. Only a change of structure (a node or link added or removed, a relation
switched) lays things out again (offscreen Qt)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from model.argmap import ArgumentMap
from model.entities import Receipt, Scenario
from ui.commands.credence import set_prior_command, set_strength_command
from ui.commands.edits import AddNodeCommand, push
from ui.map.focus_view import FocusView
from ui.map.scene import MapScene

KIDS = 12


def crowded_map() -> ArgumentMap:
    """A thesis, one reason, and a dozen reasons under it whose labels compete for room when
    zoomed out: which of them gets a label, and where, follows their order."""
    amap = ArgumentMap()
    amap.add_node("thesis", "Scaling today's LLMs leads to AGI", node_id="T")
    amap.add_node("claim", "Compute keeps growing fast enough", node_id="R")
    amap.link("R", "T", "supports", "strong")
    for i in range(KIDS):
        amap.add_node("evidence", f"Observation number {i} about compute growth", node_id=f"k{i}")
        amap.link(f"k{i}", "R", "supports" if i % 3 else "attacks", "moderate")
    amap.put_scenario(Scenario("My view"))
    amap.put_scenario(
        Scenario("Patel", source="patel2023", reading=True,
                 strengths={("R", "T"): 6.0}, receipts={("R", "T"): Receipt("quote")})
    )  # fmt: skip
    amap.set_meta("scenario", "My view")
    return amap


def _positions(scene: MapScene) -> dict[str, tuple[float, float]]:
    return {i.node_id: (i.pos().x(), i.pos().y()) for i in scene.node_items()}


def _labels(scene: MapScene, scale: float) -> list:
    return sorted(scene._labels.placements(scale))  # noqa: SLF001


def _edits(amap: ArgumentMap) -> list:
    last = f"k{KIDS - 1}"
    return [
        set_strength_command(amap, last, "R", "decisive"),  # the weakest now pulls most
        set_strength_command(amap, "k1", "R", "weak"),
        set_prior_command(amap, "k2", 0.05),
        set_strength_command(amap, "R", "T", "weak"),
    ]


def test_weight_edits_move_no_card_and_no_label(qtbot) -> None:  # noqa: ANN001
    from PySide6.QtGui import QUndoStack

    amap = crowded_map()
    scene = MapScene(amap)
    stack = QUndoStack()
    try:
        scales = (0.08, 0.12, 0.18, 0.3)
        before = _positions(scene), [_labels(scene, s) for s in scales]
        assert any(len(lab) < KIDS + 2 for lab in before[1]), "some labels must compete"
        for scenario in ("My view", "Patel"):  # a reading's edit goes to a new copy
            amap.set_meta("scenario", scenario)
            for cmd in _edits(amap):
                assert push(stack, cmd)
                qtbot.wait(5)
                assert _positions(scene) == before[0], "a card moved"
                assert [_labels(scene, s) for s in scales] == before[1], "a label moved"
        # a structural change does lay out again
        assert push(stack, AddNodeCommand(amap, "claim", "New", target="R"))
        assert set(_positions(scene)) == set(before[0]) | {stack.command(stack.count() - 1).node_id}
    finally:
        scene.detach()


def test_weight_edits_keep_the_focus_views_card_order(qtbot) -> None:  # noqa: ANN001
    from PySide6.QtGui import QUndoStack

    amap = crowded_map()
    scene = MapScene(amap)
    focus = FocusView(scene)
    qtbot.addWidget(focus)
    focus.resize(900, 700)
    focus.show()
    stack = QUndoStack()
    try:
        focus.show_node("R")
        order = [list(c) for c in focus.columns]
        assert order[0] and order[1]
        for cmd in _edits(amap):
            assert push(stack, cmd)
            qtbot.wait(20)
            assert [list(c) for c in focus.columns] == order, "the cards were re-sorted"
        last = f"k{KIDS - 1}"
        # a reason added is a change of structure: the columns are sorted afresh
        assert push(stack, AddNodeCommand(amap, "claim", "New", target="R"))
        qtbot.wait(20)
        new = stack.command(stack.count() - 1).node_id
        assert new in focus.columns[0]
        # going elsewhere and back sorts afresh by pull: the strongest first
        focus.show_node("T")
        focus.show_node("R")
        assert focus.columns[0][0] == last
    finally:
        focus.detach()
        scene.detach()
