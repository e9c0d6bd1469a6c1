"""Cruxes timings: the seed's two readings, and a 10,000-node map with 500 differing inputs.

Run: python bench/bench_cruxes.py   (prints a Markdown table)

The big map is bench_credence's random recursive tree; scenario B changes 250 priors and 250
strengths of A, drawn at random, so the Shapley attribution is sampled.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_credence import synthetic_map  # noqa: E402

from model.credence.cruxes import cruxes  # noqa: E402
from model.credence.engine import engine_for  # noqa: E402
from model.entities import Scenario  # noqa: E402
from storage.seedmap import load_seed  # noqa: E402


def two_readings(n: int, differing: int, seed: int = 1):  # noqa: ANN201
    amap = synthetic_map(n)
    rng = np.random.default_rng(seed)
    nodes = [f"n{i}" for i in rng.choice(np.arange(1, n), differing // 2, replace=False)]
    edges = list(amap.edges())
    picked = [edges[i] for i in rng.choice(len(edges), differing - len(nodes), replace=False)]
    amap.put_scenario(Scenario("A"))
    b = Scenario("B", priors={nid: float(rng.uniform(0.1, 0.9)) for nid in nodes},
                 strengths={e.key: float(rng.choice([1.5, 3, 6, 20])) for e in picked})  # fmt: skip
    amap.put_scenario(dataclasses.replace(b))
    engine_for(amap).result("A")
    engine_for(amap).result("B")
    return amap


def timed(fn) -> tuple[float, object]:  # noqa: ANN001
    t0 = time.perf_counter()
    out = fn()
    return 1000 * (time.perf_counter() - t0), out


def main() -> None:
    print("| map | differing inputs | method | time | shares sum − gap |")
    print("| --- | ---: | --- | ---: | ---: |")
    seed = load_seed(with_trends=False)
    a, b = "Dwarkesh Patel (2023)", "AI Snake Oil (2024)"
    engine_for(seed).result(a), engine_for(seed).result(b)
    ms, r = min((timed(lambda: cruxes(seed, a, b)) for _ in range(3)), key=lambda x: x[0])
    _row("seed (115 nodes)", r, ms)
    big = two_readings(10_000, 500)
    ms, r = timed(lambda: cruxes(big, "A", "B"))
    _row("10,000 nodes", r, ms)


def _row(name: str, r, ms: float) -> None:  # noqa: ANN001
    err = sum(c.points for c in r.cruxes) - r.gap
    method = "exact" if r.method == "exact" else f"sampled, {r.permutations} orders"
    print(f"| {name} | {len(r.cruxes)} | {method} | {ms:.0f} ms | {err:.1e} |")


if __name__ == "__main__":
    main()
