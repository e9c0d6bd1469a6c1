"""Benchmarks for trend data: import the full Epoch CSV, fit, and draw every default panel.

Run: .venv/bin/python bench/bench_trends.py   (prints numbers; no asserts)
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

EPOCH = Path("/work/shared/data/external/epoch_notable_ai_models_2025-05.csv")
MAPPING = {"date": "Publication date", "value": "Training compute (FLOP)", "label": "Model",
           "source": "Link"}  # fmt: skip


def timed(fn, repeat: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from model.argmap import ArgumentMap
    from model.trends import crossing_year, fit_series, level_of
    from storage.trenddata import default_series, read_table, series_from_table
    from ui.panels.trends_dock import TrendsPanel

    if EPOCH.exists():
        t_read, table = timed(lambda: read_table(EPOCH))
        t_map, res = timed(lambda: series_from_table(table, MAPPING, "epoch"))
        print(f"read Epoch CSV ({EPOCH.stat().st_size / 1e6:.1f} MB, {len(table.rows)} rows): "
              f"{t_read * 1000:.0f} ms; map to series: {t_map * 1000:.1f} ms "
              f"({res.rows_read} read, {len(res.rejected)} rejected)")  # fmt: skip
    t_def, series = timed(default_series)
    print(f"load default dataset ({len(series)} series): {t_def * 1000:.1f} ms")
    by = {s.name: s for s in series}
    t_fit, fit = timed(lambda: fit_series(by["train_compute_flop"]), 20)
    print(f"fit 48-point compute series: {t_fit * 1e6:.0f} µs")
    t_x, _ = timed(lambda: crossing_year(fit, level_of(by["train_compute_flop.ref"])), 5)
    print(f"crossing year, 20,000 Monte Carlo draws: {t_x * 1000:.1f} ms")

    app = QApplication.instance() or QApplication([])
    amap = ArgumentMap()
    for s in series:
        amap.put_series(s)
    data = [s.name for s in series if s.kind == "data"]

    def draw_all():
        panel = TrendsPanel(amap)
        panel.set_chosen(data)
        panel.resize(560, 340 * len(data) + 60)
        panel.scroll.setWidgetResizable(True)
        img = panel.body.grab()
        panel.detach()
        panel.deleteLater()
        app.processEvents()
        return img

    t_draw, img = timed(draw_all, 3)
    print(f"build + draw all {len(data)} default panels (fits on): {t_draw * 1000:.0f} ms "
          f"({img.width()}x{img.height()} px)")  # fmt: skip


if __name__ == "__main__":
    main()
