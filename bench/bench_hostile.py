"""The typed gate on many more hostile inputs than CI runs (tests/test_reliability_gate.py):
generated SQLite maps and interchange files, each opened in this process; counts what loaded,
what was refused with a message, and anything else (a traceback: must be 0), plus the slowest.

Run: /work/venv/bin/python bench/bench_hostile.py [N]   (N per kind, default 2000)
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from hostile import INTERCHANGE, hostile_csv, hostile_sqlite_map  # noqa: E402

from model.argmap import MapError  # noqa: E402
from storage.document import DocumentError, MapDocument  # noqa: E402
from storage.interchange import InterchangeError, import_map  # noqa: E402
from storage.trenddata import TrendDataError, read_table, series_from_table  # noqa: E402

MAPPING = {"date": "date", "value": "value", "low": "low", "high": "high", "label": "label"}


def run(kind: str, n: int, attempt) -> None:  # noqa: ANN001
    counts: Counter[str] = Counter()
    slowest = 0.0
    for seed in range(n):
        t0 = time.perf_counter()
        try:
            counts[attempt(seed)] += 1
        except Exception:  # noqa: BLE001 - what the gate must never let through
            counts["traceback"] += 1
            print(f"{kind} seed {seed}:\n{traceback.format_exc()}", file=sys.stderr)
        slowest = max(slowest, time.perf_counter() - t0)
    print(f"| {kind} | {n} | {counts['loaded']} | {counts['refused']} | "
          f"{counts['traceback'] + counts['changed']} | {slowest:.2f} |")  # fmt: skip


def main(n: int) -> None:
    folder = Path(tempfile.mkdtemp())
    print("| input | files | loaded | refused (one message) | tracebacks + changed | slowest (s) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")

    def sqlite_map(seed: int) -> str:
        path = folder / "m.cruxmap"
        hostile_sqlite_map(path, seed)
        before = hashlib.sha256(path.read_bytes()).digest()
        try:
            MapDocument.open(path, readonly=True).close()
            outcome = "loaded"
        except DocumentError:
            outcome = "refused"
        return outcome if hashlib.sha256(path.read_bytes()).digest() == before else "changed"

    run("SQLite map", n, sqlite_map)
    for fmt, (suffix, generate) in sorted(INTERCHANGE.items()):

        def foreign(seed: int, suffix: str = suffix, generate=generate) -> str:  # noqa: ANN001
            path = folder / f"in{suffix}"
            path.write_bytes(generate(seed))
            try:
                import_map(path)
                return "loaded"
            except InterchangeError:
                return "refused"

        run(fmt, n, foreign)

    def trend_csv(seed: int) -> str:
        path = folder / "t.csv"
        path.write_bytes(hostile_csv(seed))
        try:
            series_from_table(read_table(path), MAPPING, "s")
            return "loaded"
        except (TrendDataError, MapError):
            return "refused"

    run("trend CSV", n, trend_csv)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
