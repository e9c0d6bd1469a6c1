"""Any sequence of edits, undone, gives back the original map; redone, the edited one; and the
file agrees with the model after every step (hypothesis stateful test over the undo commands)."""

from __future__ import annotations

import itertools
import os
import tempfile
from pathlib import Path

import shiboken6
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from PySide6.QtGui import QUndoStack

import model.entities
from model.argmap import ArgumentMap
from model.entities import Scenario
from storage.document import MapDocument
from ui.commands import edits as c

TITLES = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12
).filter(str.strip)


def start_map() -> ArgumentMap:
    amap = ArgumentMap()
    amap.add_node("thesis", "Thesis", node_id="t")
    amap.add_node("claim", "Data runs out", node_id="a")
    amap.add_node("evidence", "300T tokens", node_id="b")
    amap.link("a", "t", "attacks")
    amap.link("b", "a", "supports")
    amap.put_scenario(Scenario("Skeptic"))
    amap.set_meta("scenario", "")
    return amap


class UndoMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        counter = itertools.count()  # stable ids, so that hypothesis can replay a failing run
        self._new_id = model.entities.new_id
        model.entities.new_id = lambda: f"x{next(counter)}"
        self.tmp = tempfile.TemporaryDirectory()
        self.doc = MapDocument.create(Path(self.tmp.name) / "m.cruxmap", start_map())
        self.amap = self.doc.map
        self.original = self.amap.snapshot()
        self.stack = QUndoStack()
        self.stack.setUndoLimit(0)

    def teardown(self) -> None:
        # Delete the commands and the stack now, while every wrapper is alive: left to the
        # garbage collector, PySide can free a command twice (a segfault at a later collection).
        self.stack.clear()
        shiboken6.delete(self.stack)
        model.entities.new_id = self._new_id
        self.doc.close()
        self.tmp.cleanup()

    def ids(self) -> list[str]:
        return sorted(self.amap.graph.nodes)

    def non_thesis(self) -> list[str]:
        return [n for n in self.ids() if self.amap.node(n).kind != "thesis"]

    def push(self, cmd) -> None:  # noqa: ANN001
        if c.push(self.stack, cmd):  # a refused edit records nothing (and changed nothing)
            self.history_ends_at_the_headline()

    def history_ends_at_the_headline(self) -> None:
        """After any edit through the stack, the history's last point is the headline."""
        from model.credence import thesis_credence

        if self.amap.history:
            assert abs(self.amap.history[-1].credence - thesis_credence(self.amap)) < 1e-6

    @rule(
        kind=st.sampled_from(["claim", "evidence"]),
        title=TITLES,
        rel=st.sampled_from(["supports", "attacks"]),
        data=st.data(),
    )
    def add(self, kind, title, rel, data) -> None:  # noqa: ANN001
        target = data.draw(st.sampled_from(self.ids()))
        self.push(c.AddNodeCommand(self.amap, kind, title, target=target, relation=rel))

    @precondition(lambda self: len(self.non_thesis()) > 0)
    @rule(data=st.data())
    def remove(self, data) -> None:  # noqa: ANN001
        ids = data.draw(
            st.lists(st.sampled_from(self.non_thesis()), min_size=1, max_size=3, unique=True)
        )
        self.push(c.RemoveNodesCommand(self.amap, ids))

    @rule(data=st.data(), title=TITLES)
    def retitle(self, data, title) -> None:  # noqa: ANN001
        self.push(c.EditNodeCommand(self.amap, data.draw(st.sampled_from(self.ids())), title=title))

    @precondition(lambda self: len(self.non_thesis()) >= 1)
    @rule(data=st.data())
    def link(self, data) -> None:  # noqa: ANN001
        a = data.draw(st.sampled_from(self.non_thesis()))
        b = data.draw(st.sampled_from(self.ids()))
        self.push(
            c.LinkCommand(self.amap, a, b, data.draw(st.sampled_from(["supports", "attacks"])))
        )

    @precondition(lambda self: self.amap.graph.number_of_edges() > 0)
    @rule(data=st.data())
    def switch_or_unlink(self, data) -> None:  # noqa: ANN001
        e = data.draw(st.sampled_from(sorted(self.amap.graph.edges)))
        if data.draw(st.booleans()):
            rel = "attacks" if self.amap.edge(*e).relation == "supports" else "supports"
            self.push(c.EditEdgeCommand(self.amap, *e, relation=rel))
        else:
            self.push(c.UnlinkCommand(self.amap, *e))

    @precondition(lambda self: self.amap.graph.number_of_edges() > 0)
    @rule(data=st.data())
    def relink(self, data) -> None:  # noqa: ANN001
        u, v = data.draw(st.sampled_from(sorted(self.amap.graph.edges)))
        w = data.draw(st.sampled_from(self.ids()))
        self.push(c.RelinkCommand(self.amap, u, v, w))

    @rule(data=st.data(), x=st.floats(-500, 500), y=st.floats(-500, 500))
    def move(self, data, x, y) -> None:  # noqa: ANN001
        self.push(c.MoveNodesCommand(self.amap, {data.draw(st.sampled_from(self.ids())): (x, y)}))

    @rule(data=st.data(), p=st.floats(0, 1), scenario=st.sampled_from(["", "Skeptic"]))
    def weight(self, data, p, scenario) -> None:  # noqa: ANN001
        self.amap.set_meta("scenario", scenario)
        if data.draw(st.booleans()) or not self.amap.graph.number_of_edges():
            self.push(
                c.SetWeightCommand(self.amap, "prior", data.draw(st.sampled_from(self.ids())), p)
            )
        else:
            e = data.draw(st.sampled_from(sorted(self.amap.graph.edges)))
            self.push(c.SetWeightCommand(self.amap, "strength", e, 1 + 10 * p))
        self.amap.set_meta("scenario", "")

    @rule()
    def undo_all_then_redo_all(self) -> None:
        edited = self.amap.snapshot()
        while self.stack.canUndo():
            self.stack.undo()
            self.history_ends_at_the_headline()
        assert _graph_state(self.amap.snapshot()) == _graph_state(self.original)
        while self.stack.canRedo():
            self.stack.redo()
            self.history_ends_at_the_headline()
        assert _graph_state(self.amap.snapshot()) == _graph_state(edited)

    @invariant()
    def file_agrees_with_model(self) -> None:
        reopened = MapDocument.open(self.doc.path)
        assert reopened.map.snapshot() == self.amap.snapshot()
        reopened.close()


def _graph_state(snap: dict) -> dict:
    """Everything but the credence log, which records belief over time and is never undone."""
    return {k: v for k, v in snap.items() if k != "history"}


# CI runs 100 sequences of up to 50 edits; bench/bench_reliability.py runs 2,000.
EXAMPLES = int(os.environ.get("CRUXMAP_UNDO_EXAMPLES", "100"))
UndoMachine.TestCase.settings = settings(
    max_examples=EXAMPLES, stateful_step_count=50, deadline=None, database=None
)
test_undo_redo_and_file_agree = UndoMachine.TestCase
