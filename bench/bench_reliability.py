"""The heavier runs of RELIABILITY.md's goals (CI runs the lighter counts in tests/).

Run: .venv/bin/python bench/bench_reliability.py [--kills 10000] [--mutations 5000] [--undo 2000]
     [--writers 100]
Each count is passed to the same tests CI runs, through environment variables.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(test: str, env: dict[str, str]) -> tuple[int, float]:
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test],
        cwd=ROOT, env={**os.environ, **env, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    return proc.returncode, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=10_000)
    parser.add_argument("--mutations", type=int, default=5_000)
    parser.add_argument("--undo", type=int, default=2_000)
    parser.add_argument(
        "--writers", type=int, default=100, help="pairs of simultaneous CLI writers"
    )
    args = parser.parse_args()
    jobs = [
        ("kill -9 during edits", "tests/test_reliability.py::test_kill_9_never_corrupts_or_loses_an_acknowledged_edit",
         {"CRUXMAP_KILLS": str(args.kills)}, args.kills),
        ("mutated map files", "tests/test_reliability.py::test_mutated_maps_are_refused_with_a_message_and_never_modified",
         {"CRUXMAP_MUTATIONS": str(args.mutations)}, args.mutations),
        ("undo/redo sequences × 50 steps", "tests/test_undo_stateful.py",
         {"CRUXMAP_UNDO_EXAMPLES": str(args.undo)}, args.undo),
        ("two CLI imports at once: 0 acknowledged items lost",
         "tests/test_reliability_concurrency.py::test_two_cli_imports_lose_no_acknowledged_item",
         {"CRUXMAP_WRITER_RUNS": str(args.writers)}, args.writers),
    ]  # fmt: skip
    rows = []
    for name, test, env, count in jobs:
        if count == 0:  # e.g. --kills 0 --mutations 0 --undo 0 to run the writers only
            continue
        code, seconds = run(test, env)
        rows.append((name, count, "0 failures" if code == 0 else "FAILED", seconds))
    print("\n| goal | runs | result | time (s) |\n| --- | ---: | --- | ---: |")
    for name, count, result, seconds in rows:
        print(f"| {name} | {count:,} | {result} | {seconds:.0f} |")


if __name__ == "__main__":
    main()
