"""Find, filter and inspector refresh on big maps: prints numbers, asserts nothing.

Run: .venv/bin/python bench/bench_search.py
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from model.argmap import ArgumentMap  # noqa: E402
from model.search import filter_nodes, find_nodes, sides  # noqa: E402


def big_map(n: int, seed: int = 1) -> ArgumentMap:
    rng = random.Random(seed)
    amap = ArgumentMap()
    ids = [amap.add_node("thesis", "Scaling leads to AGI", created="0")]
    with amap.batch():
        for i in range(n):
            nid = amap.add_node(
                rng.choice(["claim", "evidence"]), f"node {i} about compute and data",
                text="lorem ipsum " * 20, tags=(rng.choice("abcde"),), created=f"{i:06d}",
            )  # fmt: skip
            amap.link(nid, rng.choice(ids[-200:]), rng.choice(["supports", "attacks"]))
            ids.append(nid)
    return amap


def timed(label: str, fn, repeat: int = 5) -> None:  # noqa: ANN001
    best = min(_once(fn) for _ in range(repeat))
    print(f"{label:<46} {best * 1000:8.2f} ms")


def _once(fn) -> float:  # noqa: ANN001
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    for n in (1_000, 10_000):
        amap = big_map(n)
        timed(f"find_nodes 'node 12' ({n} nodes)", lambda a=amap: find_nodes(a, "node 12"))
        timed(f"find_nodes no match ({n} nodes)", lambda a=amap: find_nodes(a, "zebra"))
        timed(f"sides, one pass ({n} nodes)", lambda a=amap: sides(a))
        timed(
            f"filter kind+side+tag ({n} nodes)",
            lambda a=amap: filter_nodes(a, kinds={"claim"}, side="for", tags={"a"}),
        )
    amap = big_map(1_000)
    sample = [n.id for n in amap.nodes()][:200]
    timed("amap.side() per node, 200 of 1,000 nodes", lambda: [amap.side(i) for i in sample], 1)

    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from storage.seedmap import load_seed
    from ui.panels.inspector import Inspector

    app = QApplication.instance() or QApplication([])
    seed = load_seed()
    inspector = Inspector(seed, QUndoStack())
    inspector.resize(400, 1000)
    inspector.show()
    busiest = max(seed.nodes(), key=lambda n: len(seed.reasons(n.id))).id
    others = [n.id for n in seed.nodes()][:20]
    timed("inspector.show_nodes, busiest seed node", lambda: inspector.show_nodes([busiest]))
    timed(
        "inspector.show_nodes x20 seed nodes", lambda: [inspector.show_nodes([i]) for i in others]
    )
    inspector.show_nodes([busiest])
    timed(
        "inspector after a prior edit elsewhere", lambda: seed.set_prior(others[3], random.random())
    )
    app.processEvents()


if __name__ == "__main__":
    main()
