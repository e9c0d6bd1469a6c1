"""Whole-process timings of what a person waits for: the window, and each CLI command.

Run: `.venv/bin/python bench/bench_startup.py [--runs 5]` (needs a display for the window:
`Xvfb :N &` and DISPLAY=:N; without one the window is measured on the offscreen platform).

Each figure is the min and median of `--runs` fresh processes, and its ratio to a baseline
measured in the same run, so a loaded machine still gives a comparable number:
`python -c pass` for the commands, and a plain empty Qt window painted, for the app. "Window
painted" is launch → the map view's first paint (the app prints the time when
CRUXMAP_BENCH_FIRST_FRAME is set, then quits). Modules are compiled to bytecode once first,
as an installed app has them (PYTHONDONTWRITEBYTECODE is cleared for the children).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_import import make_article  # noqa: E402
from synthetic import synthetic_map  # noqa: E402

from storage.document import MapDocument  # noqa: E402
from storage.seedmap import load_seed  # noqa: E402

BUDGETS = {"window painted (seed map)": 1.0, "info --json": 0.3, "credence": 0.4}

EMPTY_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1500, 920)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: (print("first-frame", time.time(), flush=True), app.quit()))
            o.removeEventFilter(self)
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
"""


def run_once(cmd: list[str], env: dict[str, str], window: bool) -> float:
    t0 = time.time()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])} failed: {proc.stderr.strip()[-300:]}")
    if window:
        line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("first-frame"))
        return float(line.split()[1]) - t0
    return time.time() - t0


def measure(cmd: list[str], env: dict[str, str], runs: int, window: bool = False) -> list[float]:
    run_once(cmd, env, window)  # warm the file cache and the bytecode
    return [run_once(cmd, env, window) for _ in range(runs)]


def line(label: str, times: list[float], base: float, base_name: str) -> None:
    lo, med = min(times), statistics.median(times)
    budget = BUDGETS.get(label)
    verdict = "" if budget is None else ("  within" if med < budget else "  OVER") + f" {budget} s"
    print(f"{label:<34} min {lo:6.3f} s  median {med:6.3f} s  "
          f"({med / base:5.1f}× {base_name}){verdict}", flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--big",
        type=int,
        default=0,
        metavar="N",
        help="also launch the app on an N-node debate-like map (e.g. 100000)",
    )
    args = parser.parse_args()
    env = dict(os.environ)
    env["PYTHONDONTWRITEBYTECODE"] = ""
    env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "cruxmap-pyc"))
    gui_env = dict(env)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        gui_env["QT_QPA_PLATFORM"] = "offscreen"
    gui_env["CRUXMAP_BENCH_FIRST_FRAME"] = "1"
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seed, big = folder / "seed.cruxmap", folder / "map1000.cruxmap"
        MapDocument.create(seed, load_seed()).close()
        MapDocument.create(big, synthetic_map(1000)).close()
        article = folder / "article.txt"
        article.write_text(make_article(5000, random.Random(7)), encoding="utf-8")
        gui_env["HOME"] = str(folder)  # fresh settings: no window state of a previous run
        gui_env["XDG_CONFIG_HOME"] = str(folder / "config")

        base = statistics.median(measure([py, "-c", "pass"], env, args.runs))
        qt_base = statistics.median(measure([py, "-c", EMPTY_WINDOW], gui_env, args.runs, True))
        print(f"baselines: python -c pass {base:.3f} s; empty Qt window painted {qt_base:.3f} s "
              f"({platform(gui_env)})")  # fmt: skip
        window = measure([py, "main.py", str(seed)], gui_env, args.runs, True)
        line("window painted (seed map)", window, qt_base, "empty Qt window")
        print(f"{'':34} = {statistics.median(window) / base:.0f}× python -c pass")
        if args.big:  # a fresh process on a big map: what `cruxmap big.cruxmap` waits for
            from bench_canvas import debate_like

            path = folder / f"map{args.big}.cruxmap"
            MapDocument.create(path, debate_like(args.big)).close()
            label = f"window painted ({args.big:,} nodes)"
            line(label, measure([py, "main.py", str(path)], gui_env, args.runs, True), qt_base,
                 "empty Qt window")  # fmt: skip
        commands = {
            "info --json": ["info", str(seed), "--json"],
            "credence": ["credence", str(seed)],
            "trends fit (seed series)": [
                "trends",
                "fit",
                str(seed),
                "--series",
                "train_compute_flop",
            ],
            "export --format md (1k nodes)": [
                "export",
                str(big),
                "-f",
                "md",
                "-o",
                str(folder / "r.md"),
            ],  # fmt: skip
            "import ARTICLE --map (5k words)": ["import", str(article), "--map", str(big)],
            "render -o svg (1k nodes)": ["render", str(big), "-o", str(folder / "m.svg")],
        }
        for label, argv in commands.items():
            line(label, measure([py, "main.py", *argv], env, args.runs), base, "python -c pass")


def platform(env: dict[str, str]) -> str:
    return env.get("QT_QPA_PLATFORM") or ("xcb" if env.get("DISPLAY") else "default")


if __name__ == "__main__":
    main()
