"""Canvas speed: open a map file and draw the first frame, lay out, and render frames.

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_canvas.py [--sizes 1000 10000 100000]`
Prints one line per measurement; writes only temporary files. Budgets (DESIGN.md): open and
first frame < 1 s at 10,000 nodes and < 10 s at 100,000; layout < 1 s at 10,000; issue 13:
the whole window with a 100,000-node map < 6 s to its first frame, pan/zoom frames < 30 ms.

`--window` opens each map in the real `MainWindow` (every panel, background imports held as
the app holds them) instead of the bare map view; `--runs N` repeats each open N times (fresh
file each size, same process). Frames are timed zoomed out, at mid zoom and at 100 % over the
thesis (the hub: thousands of links), and as a pan sweep at 100 % that scrolls a quarter of
the view per frame into parts of the map not shown before (the items built on the way count).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
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


def bench_open(n: int, folder: Path, runs: int = 1) -> None:
    from ui.map.scene import MapScene
    from ui.map.view import MapView

    path = folder / f"map{n}.cruxmap"
    MapDocument.create(path, debate_like(n)).close()
    for run in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
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
            f"(file {t1 - t0:.3f}, scene+layout {t2 - t1:.3f}, first frame {t3 - t2:.3f}; "
            f"CPU {time.process_time() - c0:.3f} s)",
            flush=True,
        )
        if run == runs - 1:
            frames(view, scene, n)
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"  peak RSS so far ({n:>7} nodes open): {rss:8.0f} MB", flush=True)
        view.setScene(None)
        view.close()
        scene.detach()
        doc.close()


def bench_window(app, n: int, folder: Path, runs: int = 1) -> None:  # noqa: ANN001
    """The map opened in the whole window, as a person opens it: File → Open to the map
    view's first painted frame (panels built, background imports held until that frame)."""
    from PySide6.QtCore import QEvent, QObject

    from ui import prefetch
    from ui.mainwindow import MainWindow

    class Painted(QObject):
        count = 0

        def eventFilter(self, obj, event) -> bool:  # noqa: ANN001, N802
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    path = folder / f"window{n}.cruxmap"
    MapDocument.create(path, debate_like(n)).close()
    for run in range(runs):
        prefetch.hold()
        window = MainWindow()
        window.resize(1600, 1000)
        t0, c0 = time.perf_counter(), time.process_time()
        window.open_path(path)
        painted = Painted()
        view = window.workspace.view
        view.viewport().installEventFilter(painted)
        window.show()
        while not painted.count:
            app.processEvents()
        print(
            f"window open to first frame {n:>7} nodes: {time.perf_counter() - t0:7.3f} s "
            f"(CPU {time.process_time() - c0:.3f} s; budget at 100,000: < 6 s)",
            flush=True,
        )
        prefetch.release()
        if run == runs - 1:
            for _ in range(20):
                app.processEvents()
            frames(view, window.workspace.scene, n)
        view.viewport().removeEventFilter(painted)
        window.close()
        for _ in range(5):
            app.processEvents()


def zoom_sweep(view, thesis) -> None:  # noqa: ANN001
    """Wheel-like zoom steps (×1.25) from the fitted map to 100 % over the thesis: the frame
    after each step, so every zoom in between is measured (new label placements, cards built
    on the way in)."""
    view.zoom_to_fit()
    view.viewport().grab()
    scale, times = view.transform().m11(), []
    while scale < 1.0:
        scale = min(1.0, scale * 1.25)
        t0 = time.perf_counter()
        view.set_zoom(scale)
        view.centerOn(thesis)
        view.viewport().grab()
        times.append((time.perf_counter() - t0, scale))
    slow = [f"{z:.3f}: {t * 1000:.0f} ms" for t, z in times if t > 0.030]
    print(
        f"  zoom sweep fit → 1.0, {len(times)} steps: median "
        f"{statistics.median(t for t, _ in times) * 1000:6.1f} ms, max "
        f"{max(t for t, _ in times) * 1000:6.1f} ms; over 30 ms: {', '.join(slow) or 'none'}",
        flush=True,
    )


def frames(view, scene, n: int) -> None:
    """Average frame time zoomed out (fit), mid zoom (flat boxes) and at 100 %, then a pan
    sweep at 100 % into unseen parts of the map."""
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
    zoom_sweep(view, thesis)
    for zoom in (0.15, 1.0):
        view.set_zoom(zoom)
        view.centerOn(thesis)
        view.viewport().grab()
        bar = view.horizontalScrollBar()
        step = view.viewport().width() // 4
        times = []
        for i in range(16):  # right for 8 frames, then down and left into other rows
            t0 = time.perf_counter()
            if i < 8:
                bar.setValue(bar.value() + step)
            else:
                view.verticalScrollBar().setValue(view.verticalScrollBar().value() + step)
                bar.setValue(bar.value() - step)
            view.viewport().grab()
            times.append(time.perf_counter() - t0)
        built = scene.built_counts() if hasattr(scene, "built_counts") else None
        print(
            f"  pan sweep at {zoom:<4} {n:>7} nodes: median {statistics.median(times) * 1000:6.1f} ms,"
            f" max {max(times) * 1000:6.1f} ms per frame (items built: {built})",
            flush=True,
        )


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
    parser.add_argument("--window", action="store_true", help="open in the whole MainWindow")
    parser.add_argument("--runs", type=int, default=1, help="opens per size")
    parser.add_argument("--no-layout", action="store_true", help="skip the layout-only rows")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    if not args.no_layout:
        for n in args.sizes:
            bench_layout(n)
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            if args.window:
                bench_window(app, n, Path(tmp), args.runs)
            else:
                bench_open(n, Path(tmp), args.runs)
    del app


if __name__ == "__main__":
    main()
