"""Report export and interchange speed (DESIGN.md budget: report with images, 1,000 nodes < 2 s).

Run: .venv/bin/python bench/bench_export.py
Prints best-of-3 wall times; the numbers go into docs/performance.md.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_map  # noqa: E402

from model.argmap import ArgumentMap  # noqa: E402
from model.credence.engine import engine_for  # noqa: E402
from model.report import ReportImages, build_report, compute_numbers  # noqa: E402
from storage.interchange import aif, argdown, graphml, json_format  # noqa: E402
from storage.trenddata import default_series  # noqa: E402


def best_of(fn, repeat: int = 3) -> tuple[float, object]:  # noqa: ANN001
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def report_map(n: int) -> ArgumentMap:
    """A synthetic map with the default trend series, four of them tied to evidence nodes."""
    amap = synthetic_map(n)
    series = [s for s in default_series() if s.kind == "data" and len(s.points) >= 5][:4]
    evidence = [v for v in amap.nodes() if v.kind == "evidence"]
    with amap.batch("trends"):
        for s in default_series():
            amap.put_series(s)
        for node, s in zip(evidence, series):
            amap.graph.nodes[node.id]["node"] = dataclasses.replace(node, series=s.name)
    return amap


def fresh(amap: ArgumentMap) -> ArgumentMap:
    """A copy with a cold credence engine, so each run pays the whole export."""
    return json_format.loads(json_format.dumps(amap))


def bench_report(n: int) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.export.report_images import export_report, report_pictures

    QApplication.instance() or QApplication([])
    amap = report_map(n)
    export_report(fresh(amap), Path(tempfile.mkdtemp()) / "warm.md")  # fonts, pyqtgraph import
    t_num, numbers = best_of(lambda: compute_numbers(fresh(amap)))
    t_pic, pictures = best_of(lambda: report_pictures(amap, compute_numbers(amap)))
    t_md, md = best_of(lambda: build_report(amap, numbers, ReportImages("r_files/map.png"), "2026"))
    with tempfile.TemporaryDirectory() as tmp:
        t_all, written = best_of(lambda: export_report(fresh(amap), Path(tmp) / "r.md"))
        t_html, _ = best_of(lambda: export_report(fresh(amap), Path(tmp) / "r.html", "html"))
        size = sum(p.stat().st_size for p in written)
    print(f"report, {n} nodes, {len(pictures)} pictures, {len(md) // 1024} KB of Markdown:")
    print(f"  credence numbers (cold engine)   {1000 * t_num:7.0f} ms")
    print(f"  pictures (map, bars, tornado, trends) {1000 * t_pic:7.0f} ms")
    print(f"  Markdown text                    {1000 * t_md:7.0f} ms")
    print(f"  export .md + PNGs, total         {1000 * t_all:7.0f} ms  ({size // 1024} KB on disk)")
    print(f"  export .html (images inlined)    {1000 * t_html:7.0f} ms   budget < 2000 ms")


def bench_interchange(n: int) -> None:
    amap = synthetic_map(n)
    engine_for(amap)
    for name, mod in (("argdown", argdown), ("aif", aif), ("json", json_format),
                      ("graphml", graphml)):  # fmt: skip
        t_out, text = best_of(lambda mod=mod: mod.dumps(amap))
        t_in, back = best_of(lambda mod=mod, text=text: mod.loads(text))
        assert len(back) == n
        print(f"{name:8s} {n} nodes: export {1000 * t_out:6.0f} ms, import {1000 * t_in:6.0f} ms,"
              f" {len(text) // 1024} KB")  # fmt: skip


if __name__ == "__main__":
    bench_report(1000)
    bench_interchange(10_000)
