"""The map picture from the command line, against the official Argdown CLI (the peer).

Run: `.venv/bin/python bench/bench_render.py [--sizes 1000 10000] [--argdown PATH]`

For each size the same synthetic debate (bench/synthetic.py) is written as a .cruxmap file
and, through Cruxmap's own Argdown export, as an .argdown file. Then, whole process, best
of `--runs`: `cruxmap render MAP -o OUT.svg` against `argdown map FILE OUT -f svg` (install
it outside the repository: `npm install @argdown/cli` in a temporary folder, and pass
`--argdown that/folder/node_modules/.bin/argdown`). Each is also given as a ratio to its own
runtime doing nothing (`python -c pass`, `node -e 0`) measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import synthetic_map  # noqa: E402
from storage.document import MapDocument  # noqa: E402
from storage.interchange import export_map  # noqa: E402


def best(cmd: list[str], runs: int, timeout: float, env: dict[str, str]) -> tuple[float, str]:
    """Best wall time of `runs` runs, and "" or why it failed."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired:
            return timeout, f"no result after {timeout:.0f} s"
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            lines = (proc.stderr or proc.stdout).strip().splitlines() or ["(no message)"]
            why = next((ln for ln in lines if "RangeError" in ln or "Error" in ln), lines[-1])
            return times[-1], f"failed (exit {proc.returncode}): {why.strip()[:100]}"
    return min(times), ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--argdown", default=os.environ.get("ARGDOWN") or shutil.which("argdown"))
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONDONTWRITEBYTECODE"] = ""  # compiled modules, as an installed app has them
    env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "cruxmap-pyc"))
    py_base, _ = best([sys.executable, "-c", "pass"], 5, 60, env)
    node_base = best(["node", "-e", "0"], 5, 60, env)[0] if shutil.which("node") else None
    print(f"baseline: python -c pass {py_base:.3f} s" +
          (f", node -e 0 {node_base:.3f} s" if node_base else ""))  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in args.sizes:
            amap = synthetic_map(n)
            cm, ad = folder / f"map{n}.cruxmap", folder / f"map{n}.argdown"
            MapDocument.create(cm, amap).close()
            export_map(amap, "argdown", ad)
            render = [sys.executable, str(ROOT / "main.py"), "render", str(cm), "-o",
                      str(folder / f"cruxmap{n}.svg")]  # fmt: skip
            t, err = best(render, args.runs, args.timeout, env)
            print(f"cruxmap render  {n:>6} statements → SVG: {t:7.2f} s "
                  f"({t / py_base:5.0f}× python -c pass) {err}", flush=True)  # fmt: skip
            if not args.argdown:
                print("  argdown: not installed (see the docstring)")
                continue
            out = folder / f"argdown{n}"
            runs = args.runs if n <= 2000 else 1
            t2, err2 = best([args.argdown, "map", str(ad), str(out), "-f", "svg"], runs,
                            args.timeout, env)  # fmt: skip
            svg = list(out.glob("*.svg")) if out.exists() else []
            if not err2 and not svg:
                err2 = "wrote no SVG"
            ratio = f"({t2 / node_base:5.0f}× node -e 0)" if node_base else ""
            lead = f"; Cruxmap {t2 / t:.1f}× faster" if not err2 else ""
            print(f"argdown map     {n:>6} statements → SVG: {t2:7.2f} s {ratio} {err2}{lead}",
                  flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
