"""What one edit costs in the whole window: key press → repainted map, at 1k/10k/100k nodes.

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_edits.py [--sizes 1000 10000]`
(a real display works too: DISPLAY=:N QT_QPA_PLATFORM=xcb).

The map opens in the real `MainWindow` with every panel, as a person has it. Each edit is what
a person does: an Up-arrow key press in the Inspector's prior box (weight change), "add a
reason" on the selected node, and undo of a 1,000-node import (10,000-node map). The clock
runs from the key press to the end of the repaint it causes (`processEvents` until the
view's paint is done); the panels' coalesced refresh (30–50 ms timers) is reported apart as
"then". Every figure is a median with its ratio to the same key press on a plain spin box in
an empty window (the baseline below), so a loaded machine still gives a comparable number.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QObject, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QSpinBox  # noqa: E402

from bench.synthetic import synthetic_map  # noqa: E402
from storage.document import MapDocument  # noqa: E402
from ui.commands.edits import ModelCommand, push  # noqa: E402
from ui.prefetch import AFTER_FIRST_FRAME, release  # noqa: E402

BUDGETS_MS = {  # issue 13
    ("weight", 10_000): 10,
    ("weight", 100_000): 30,
    ("weight, 100 %", 10_000): 10,
    ("weight, 100 %", 100_000): 30,
    ("add", 100_000): 50,
    ("undo import", 10_000): 200,
}


class _Painted(QObject):
    """Counts paint events of a widget; with `done` (the map view's framePainted signal) it
    also notes when each frame was finished."""

    def __init__(self, widget, done=None) -> None:  # noqa: ANN001
        super().__init__()
        self.count = 0
        self.at = 0.0  # perf_counter() when the last frame started (or, with `done`, ended)
        self.done = done is not None
        widget.installEventFilter(self)
        if done is not None:
            done.connect(self._finished)

    def eventFilter(self, obj, event) -> bool:  # noqa: ANN001, N802
        if event.type() == QEvent.Type.Paint:
            self.count += 1
            self.at = time.perf_counter()
        return False

    def _finished(self) -> None:
        self.at = time.perf_counter()


#: (key press → frame painted, key press → event loop idle again) of the last `to_frame`;
#: the second includes what runs right after the frame (the durable commit of the edit).
LAST: list[float] = [0.0, 0.0]


def to_frame(app: QApplication, painted: _Painted, action) -> float:  # noqa: ANN001
    """Seconds from `action()` (a key press) until the view has repainted."""
    before = painted.count
    t0 = time.perf_counter()
    action()
    for _ in range(50):
        app.processEvents()
        if painted.count > before:
            break
    idle = time.perf_counter() - t0
    LAST[:] = [(painted.at - t0) if painted.count > before else idle, idle]
    IDLE.append(idle)
    return LAST[0]


IDLE: list[float] = []  # key press → idle of each `to_frame` since the last report


def settle(app: QApplication, seconds: float = 0.12) -> float:
    """Run the event loop for a while (the panels' timers fire); CPU seconds it took."""
    c0 = time.process_time()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)
    return time.process_time() - c0


def baseline(app: QApplication, runs: int) -> float:
    """The same key press on a spin box in an empty window: Qt's own floor."""
    win = QMainWindow()
    spin = QSpinBox(maximum=10**6)
    win.setCentralWidget(spin)
    win.resize(1600, 1000)
    win.show()
    settle(app, 0.2)
    painted = _Painted(spin)
    times = [
        to_frame(app, painted, lambda: QTest.keyClick(spin, Qt.Key.Key_Up)) for _ in range(runs)
    ]
    win.close()
    return statistics.median(times)


def _time_commits(doc) -> list[float]:  # noqa: ANN001
    """Record how long each durable commit (synchronous=FULL, fsync) takes."""
    out: list[float] = []
    write = doc._write

    def timed(changes) -> None:  # noqa: ANN001
        t0 = time.perf_counter()
        write(changes)
        out.append(time.perf_counter() - t0)

    doc._write = timed  # the document writes each edit through this (now or after the frame)
    return out


class BulkAdd(ModelCommand):
    """Add `count` linked nodes in one step, as accepting an article import does."""

    def __init__(self, amap, target: str, count: int) -> None:  # noqa: ANN001
        super().__init__(amap, f"Import {count} claims")
        self.target, self.count, self.ids = target, count, []

    def _redo(self) -> None:
        for i in range(self.count):
            nid = self.amap.add_node("claim", f"Imported claim {i}", node_id=f"imp{i}")
            self.amap.link(nid, self.target, "supports" if i % 3 else "attacks", "moderate")
            self.ids.append(nid)

    def _undo(self) -> None:
        for nid in self.ids:
            self.amap.remove_node(nid)
        self.ids = []


def report(
    label: str, n: int, times: list[float], base: float, then: list[float], commits: list[float]
) -> None:
    med = statistics.median(times) * 1000
    budget = BUDGETS_MS.get((label, n))
    verdict = "" if budget is None else (" within" if med < budget else " OVER") + f" {budget} ms"
    print(
        f"{label:<14} {n:>7} nodes: median {med:7.1f} ms, min {min(times) * 1000:6.1f} ms"
        f" ({med / (base * 1000):5.1f}× baseline){verdict}; then {statistics.median(then) * 1000:5.1f} ms"
        f" CPU in panel refreshes; durable commit {statistics.median(commits) * 1000:.1f} ms"
        " (the window writes it right after the frame)",
        flush=True,
    )
    commits.clear()
    idle = statistics.median(IDLE) * 1000 if IDLE else 0.0
    print(
        f"{'':<14} {'':>7}        until the event loop is idle (frame + commit): median {idle:.1f} ms"
    )
    IDLE.clear()


def bench_size(app: QApplication, n: int, folder: Path, runs: int, base: float) -> None:
    from ui.mainwindow import MainWindow

    path = folder / f"edits{n}.cruxmap"
    MapDocument.create(path, synthetic_map(n)).close()
    window = MainWindow()
    window.resize(1600, 1000)
    t0, c0 = time.perf_counter(), time.process_time()
    window.open_path(path)
    first = _Painted(window.workspace.view.viewport())
    window.show()
    while not first.count:
        app.processEvents()
    print(
        f"open in the window {n:>7} nodes: {time.perf_counter() - t0:6.2f} s to the map's first"
        f" frame ({time.process_time() - c0:.2f} s CPU; budget at 100,000: < 6 s)",
        flush=True,
    )
    settle(app, 0.5)
    release(*AFTER_FIRST_FRAME)  # as the app does after its first frame
    settle(app, 0.5)
    ws = window.workspace
    amap, scene, view = ws.doc.map, ws.scene, ws.view
    painted = _Painted(view.viewport(), view.framePainted)
    commits = _time_commits(ws.doc)
    inspector = window.panels["inspector"]
    rng = random.Random(n)
    evidence = [node.id for node in amap.nodes() if node.kind == "evidence"]

    for label, zoom in (("weight", None), ("weight, 100 %", 1.0)):
        # at the zoom a found node is shown at (center_on_node), then at 100 %
        times, then = [], []
        for _ in range(runs):
            nid = rng.choice(evidence)
            scene.select_nodes([nid])
            if zoom is not None:
                view.set_zoom(zoom)
            view.center_on_node(nid)
            settle(app, 0.05)
            spin = inspector.spin
            if spin.value() >= 99:
                spin.setValue(50)
                settle(app, 0.05)
            times.append(to_frame(app, painted, lambda s=spin: QTest.keyClick(s, Qt.Key.Key_Up)))
            then.append(settle(app))
        report(label, n, times, base, then, commits)
    view.home()
    settle(app, 0.2)

    times, then = [], []
    for _ in range(max(3, runs // 3)):
        scene.select_nodes([rng.choice(evidence)])
        settle(app, 0.05)
        times.append(
            to_frame(app, painted, lambda: ws.editor.add_child("claim", "supports", edit=False))
        )
        then.append(settle(app, 0.2))
    report("add", n, times, base, then, commits)

    structural(app, window, painted, rng, base, commits, n)

    if n >= 10_000:
        times, then = [], []
        for _ in range(3):
            push(window.undo_stack, BulkAdd(amap, "n0", 1000), window)
            settle(app, 0.3)
            times.append(to_frame(app, painted, window.undo_stack.undo))
            then.append(settle(app, 0.3))
            window.undo_stack.setIndex(window.undo_stack.index())  # drop the redo entry
        report("undo import", n, times, base, then, commits)
    window.close()
    settle(app, 0.1)


def structural(app, window, painted, rng, base, commits, n: int) -> None:  # noqa: ANN001, PLR0913
    """Structural edits other than a new leaf, each one undoable command as the editor pushes
    it: a link between two existing nodes, a relation flipped, a node with reasons deleted."""
    from ui.commands.edits import EditEdgeCommand, LinkCommand, RemoveNodesCommand

    amap = window.workspace.doc.map
    ids = [f"n{i}" for i in range(1, n)]
    rounds = 5

    def link():  # noqa: ANN202
        while True:  # an older node (nearer the thesis) gets a reason from a newer one: no cycle
            a, b = sorted(rng.sample(ids, 2), key=lambda x: -int(x[1:]))
            if a in amap and b in amap and not amap.graph.has_edge(a, b):
                return LinkCommand(amap, a, b, "supports", "moderate")

    def flip():  # noqa: ANN202
        a = rng.choice([x for x in rng.sample(ids, 20) if x in amap and amap.graph.out_degree(x)])
        b = next(iter(amap.graph.succ[a]))
        rel = "attacks" if amap.edge(a, b).relation == "supports" else "supports"
        return EditEdgeCommand(amap, a, b, relation=rel)

    def delete():  # noqa: ANN202
        a = rng.choice([x for x in rng.sample(ids, 50) if x in amap and amap.graph.in_degree(x)])
        return RemoveNodesCommand(amap, [a])

    for label, make in (("link two nodes", link), ("flip relation", flip),
                        ("delete w/ reasons", delete)):  # fmt: skip
        times, then = [], []
        for _ in range(rounds):
            cmd = make()
            settle(app, 0.05)
            times.append(to_frame(app, painted, lambda c=cmd: push(window.undo_stack, c, window)))
            then.append(settle(app, 0.2))
        report(label, n, times, base, then, commits)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=15, help="weight edits per size")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    base = baseline(app, args.runs)
    IDLE.clear()
    print(f"baseline: key press → repainted spin box in an empty window: {base * 1000:.2f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            bench_size(app, n, Path(tmp), args.runs, base)


if __name__ == "__main__":
    main()
