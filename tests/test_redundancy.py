"""Reasons that restate each other: flagged, explained, and merged in one undoable step."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QUndoStack

from model.argmap import ArgumentMap
from model.credence import thesis_credence
from model.credence.redundancy import overlapping_reasons
from model.entities import Citation, Source
from model.report import ReportImages, build_report, compute_numbers
from ui.commands.edits import push
from ui.commands.merge import MergeNodesCommand


def op_ed() -> ArgumentMap:
    """Three sentences of one op-ed that make one point, and one that makes another."""
    amap = ArgumentMap()
    amap.add_source(Source("s", "An op-ed"))
    amap.add_node("thesis", "Scaling reaches AGI", node_id="T")
    said = {
        "a": "Training data from the public web is running out for frontier labs",
        "b": "Frontier labs are running out of public web training data",
        "c": "The public web training data that frontier labs use is running out",
        "d": "Chip export controls slow down the construction of new datacentres",
    }
    for nid, title in said.items():
        amap.add_node("claim", title, node_id=nid, citations=(Citation("s", locator=nid),))
        amap.link(nid, "T", "attacks", "moderate")
    amap.add_node("evidence", "Epoch estimate", node_id="e", prior=0.8)
    amap.link("e", "b", "supports", "strong")
    return amap


def test_restatements_are_flagged_and_distinct_arguments_are_not() -> None:
    pairs = overlapping_reasons(op_ed(), "T")
    flagged = {frozenset((p.first, p.second)) for p in pairs}
    assert flagged == {frozenset("ab"), frozenset("ac"), frozenset("bc")}
    assert all(p.similarity >= 2 / 3 for p in pairs)


def test_the_report_says_when_a_restatement_is_counted() -> None:
    amap = op_ed()
    md = build_report(amap, compute_numbers(amap), ReportImages(), "2026-01-01")
    assert md.count("say nearly the same thing") == 3
    assert "both are counted" in md


def test_merge_folds_one_reason_into_the_other_and_undoes_exactly(qtbot) -> None:  # noqa: ANN001
    amap = op_ed()
    before, p_before = amap.snapshot(), thesis_credence(amap)
    stack = QUndoStack()
    assert push(stack, MergeNodesCommand(amap, "a", "b"))
    assert "b" not in amap
    assert amap.graph.has_edge("e", "a")  # b's evidence now bears on the kept reason
    assert {c.locator for c in amap.node("a").citations} == {"a", "b"}
    assert thesis_credence(amap) > p_before  # one attack fewer counted
    assert stack.count() == 1
    stack.undo()
    assert {k: v for k, v in amap.snapshot().items() if k != "history"} == {
        k: v for k, v in before.items() if k != "history"
    }
    stack.redo()
    assert "b" not in amap and amap.graph.has_edge("e", "a")
