"""Credence engine timings on synthetic maps of 1,000 / 10,000 / 100,000 nodes.

Run: .venv/bin/python bench/bench_credence.py [sizes...]   (prints a Markdown table)

A map is a random recursive tree under one thesis (each node bears on a random earlier node,
a third of them attacks) plus 10% extra links from a node to a random earlier one (evidence
bearing on several claims), so it is a DAG with long paths, like a real map but bigger.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from model.argmap import ArgumentMap  # noqa: E402
from model.credence import engine_for, monte_carlo, sensitivity, thesis_credence  # noqa: E402
from model.credence.compiled import compile_map, propagate  # noqa: E402
from model.credence.engine import CredenceEngine  # noqa: E402
from model.entities import Edge, Node  # noqa: E402

STEPS = [1.5, 3.0, 6.0, 20.0]


def synthetic_map(n: int, seed: int = 0) -> ArgumentMap:
    """A random map of `n` nodes, built through the model's own checks in one batch."""
    rng = np.random.default_rng(seed)
    amap = ArgumentMap()
    priors = rng.uniform(0.2, 0.9, n)
    parents = (rng.random(n) * np.arange(n)).astype(int)
    extra = rng.random(n) < 0.1
    with amap.batch("build"):
        amap.insert_node(Node("n0", "thesis", "thesis"))
        for i in range(1, n):
            kind = "evidence" if rng.random() < 0.4 else "claim"
            amap.insert_node(Node(f"n{i}", kind, f"node {i}", prior=float(priors[i])))
        for i in range(1, n):
            targets = {int(parents[i])}
            if extra[i] and i > 1:
                targets.add(int(rng.integers(0, i)))
            for j in targets:
                rel = "attacks" if rng.random() < 0.33 else "supports"
                lam = float(STEPS[rng.integers(0, 4)])
                amap.insert_edge(Edge(f"n{i}", f"n{j}", rel, lam))
    return amap


def timed(fn, repeat: int) -> float:  # noqa: ANN001
    """Median wall time of `fn()` in milliseconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1000 * statistics.median(times)


def bench(n: int) -> dict[str, float]:
    amap = synthetic_map(n)
    rng = np.random.default_rng(1)
    out: dict[str, float] = {"edges": amap.graph.number_of_edges()}
    cm = compile_map(amap.graph)
    out["levels"] = len(cm.levels)
    out["compile"] = timed(lambda: compile_map(amap.graph), 3)
    eng = engine_for(amap)
    thesis_credence(amap)
    w = eng.weights()
    out["full"] = timed(lambda: propagate(cm, w.lg, w.k), 20)
    out["first"] = timed(lambda: CredenceEngine(amap).result(), 1)
    leaves = [f"n{i}" for i in rng.integers(1, n, 200)]
    values = iter(rng.uniform(0.1, 0.9, 10_000))
    edges = list(amap.graph.edges)

    def one_prior() -> None:
        amap.set_prior(leaves[int(rng.integers(0, len(leaves)))], float(next(values)))
        thesis_credence(amap)

    def one_strength() -> None:
        u, v = edges[int(rng.integers(0, len(edges)))]
        amap.set_strength(u, v, float(STEPS[rng.integers(0, 4)]))
        thesis_credence(amap)

    out["prior_edit"] = timed(one_prior, 200)
    out["strength_edit"] = timed(one_strength, 200)
    out["sensitivity"] = timed(lambda: sensitivity(amap, top=20, limit=20), 3)
    out["sensitivity_all"] = timed(lambda: sensitivity(amap, top=20), 3)
    out["montecarlo"] = timed(lambda: monte_carlo(amap, samples=1000), 1 if n > 20_000 else 3)
    return out


def main(sizes: list[int]) -> None:
    rows = [(n, bench(n)) for n in sizes]
    print("| nodes | edges | levels | compile (ms) | first credence (ms) | full pass (ms) "
          "| prior edit (ms) | strength edit (ms) | sensitivity: top 20 exact (ms) "
          "| full ranking (ms) "
          "| Monte Carlo 1,000 (ms) |")  # fmt: skip
    print("|" + " --- |" * 11)
    for n, r in rows:
        print(
            f"| {n:,} | {r['edges']:,.0f} | {r['levels']:.0f} | {r['compile']:.1f} | {r['first']:.1f} "
            f"| {r['full']:.2f} | {r['prior_edit']:.3f} | {r['strength_edit']:.3f} "
            f"| {r['sensitivity']:.1f} | {r['sensitivity_all']:.0f} | {r['montecarlo']:.0f} |"
        )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000])
