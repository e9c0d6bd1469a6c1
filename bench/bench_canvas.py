"""Canvas speed: open a map file and draw the first frame, lay out, and render frames.

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_canvas.py [--sizes 1000 10000 100000]`
Prints one line per measurement; writes only temporary files. Budgets (DESIGN.md): open and
first frame < 1 s at 10,000 nodes and < 10 s at 100,000; layout < 1 s at 10,000.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

import model.credence  # noqa: E402, F401 (the app has it loaded before any map opens)
from model.argmap import ArgumentMap  # noqa: E402
from model.layout import compute_layout  # noqa: E402
from storage.document import MapDocument  # noqa: E402


def debate_like(n: int, seed: int = 1) -> ArgumentMap:
    """A thesis and `n - 1` reasons: a random tree favouring early nodes, plus 2 % cross links."""
    rng = random.Random(seed)
    amap = ArgumentMap()
    amap.add_node("thesis", "Scaling today's LLMs leads to AGI", node_id="n0")
    for i in range(1, n):
        kind = rng.choice(["claim", "claim", "evidence"])
        title = f"Reason {i}: " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 22)))
        amap.add_node(kind, title, node_id=f"n{i}")
        target = int(rng.random() ** 2 * i) if rng.random() < 0.5 else rng.randrange(i)
        amap.link(f"n{i}", f"n{target}", rng.choice(["supports", "supports", "attacks"]))
    for _ in range(n // 50):
        u, v = f"n{rng.randrange(1, n)}", f"n{rng.randrange(n)}"
        if u != v and not amap.graph.has_edge(u, v):
            amap.link(u, v, "attacks", "weak")
    return amap


WORDS = (
    "compute data scaling tokens benchmark reasoning agents loss curve energy cost chips".split()
)


def timed(label: str, fn):
    t0 = time.perf_counter()
    out = fn()
    print(f"{label:<48} {time.perf_counter() - t0:8.3f} s", flush=True)
    return out


def bench_open(n: int, folder: Path) -> None:
    from ui.map.scene import MapScene
    from ui.map.view import MapView

    path = folder / f"map{n}.cruxmap"
    MapDocument.create(path, debate_like(n)).close()
    t0 = time.perf_counter()
    doc = MapDocument.open(path)
    t1 = time.perf_counter()
    scene = MapScene(doc.map)
    t2 = time.perf_counter()
    view = MapView(scene)
    view.resize(1600, 1000)
    view.show()
    view.zoom_to_fit()
    view.viewport().grab()
    t3 = time.perf_counter()
    print(
        f"open+first frame {n:>7} nodes: {t3 - t0:7.3f} s "
        f"(file {t1 - t0:.3f}, scene+layout {t2 - t1:.3f}, first frame {t3 - t2:.3f})",
        flush=True,
    )
    frames(view, scene, n)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS so far ({n:>7} nodes open): {rss:8.0f} MB", flush=True)
    view.setScene(None)
    view.close()
    scene.detach()
    doc.close()


def frames(view, scene, n: int) -> None:
    """Average frame time zoomed out (fit), mid zoom (flat boxes) and at 100 %."""
    thesis = scene.node_item("n0")
    for label, setup in (
        ("zoomed out (fit)", view.zoom_to_fit),
        ("mid zoom 0.15", lambda: (view.set_zoom(0.15), view.centerOn(thesis))),
        ("full detail 1.0", lambda: (view.set_zoom(1.0), view.centerOn(thesis))),
    ):
        setup()
        view.viewport().grab()
        t0 = time.perf_counter()
        for i in range(5):
            view.translate(1 if i % 2 else -1, 0)  # a pan step, invalidating the frame
            view.viewport().grab()
        per = (time.perf_counter() - t0) / 5
        mode = "overview image" if scene.overview_active else "items"
        print(f"  frame {label:<18} {n:>7} nodes: {per * 1000:8.1f} ms ({mode})", flush=True)


def bench_layout(n: int) -> None:
    amap = debate_like(n)
    t = time.perf_counter()
    lay = compute_layout(amap)
    dt = time.perf_counter() - t
    left, top, right, bottom = lay.bounds()
    print(
        f"layout (model.layout) {n:>7} nodes: {dt:7.3f} s, {right - left:,.0f} x {bottom - top:,.0f} px",
        flush=True,
    )
    if n <= 10_000:
        bench_sugiyama(amap)


def bench_sugiyama(amap: ArgumentMap) -> None:
    """igraph's layered layout on the same graph, for comparison (docs/layout.md)."""
    try:
        import igraph
    except ImportError:
        return
    ids = list(amap.graph.nodes)
    index = {nid: i for i, nid in enumerate(ids)}
    g = igraph.Graph(n=len(ids), edges=[(index[v], index[u]) for u, v in amap.graph.edges])
    t = time.perf_counter()
    lay = g.layout_sugiyama()
    dt = time.perf_counter() - t
    xs = [p[0] for p in lay.coords[: len(ids)]]
    width = (max(xs) - min(xs) + 1) * 244
    print(f"layout (igraph sugiyama) {len(ids):>7} nodes: {dt:7.3f} s, ~{width:,.0f} px wide")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10_000, 100_000])
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    for n in args.sizes:
        bench_layout(n)
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            bench_open(n, Path(tmp))
    del app


if __name__ == "__main__":
    main()
