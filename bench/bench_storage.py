"""Save and load of synthetic maps (DESIGN.md budget: open and draw 10,000 nodes < 1 s).

Run: .venv/bin/python bench/bench_storage.py
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_map  # noqa: E402

from storage.document import MapDocument  # noqa: E402


def best_of(fn, repeat: int = 3) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    print(
        "| nodes | build map (s) | create file (s) | open + load (s) | one edit commit (ms) | file MB |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in (1_000, 10_000, 100_000):
        t0 = time.perf_counter()
        amap = synthetic_map(n)
        build = time.perf_counter() - t0
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bench.cruxmap"

            def create(path: Path = path, amap=amap) -> None:  # noqa: ANN001
                path.unlink(missing_ok=True)
                MapDocument.create(path, amap).close()

            t_create = best_of(create, 1 if n > 10_000 else 3)
            t_open = best_of(lambda p=path: MapDocument.open(p).close(), 1 if n > 10_000 else 3)
            doc = MapDocument.open(path)
            t0 = time.perf_counter()
            for k in range(20):
                doc.map.update_node("n1", title=f"edit {k}")
            t_edit = (time.perf_counter() - t0) / 20 * 1000
            doc.close()
            size = path.stat().st_size / 1e6
        print(
            f"| {n:,} | {build:.2f} | {t_create:.2f} | {t_open:.2f} | {t_edit:.1f} | {size:.1f} |"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of this run: {rss:.0f} MB")


if __name__ == "__main__":
    main()
