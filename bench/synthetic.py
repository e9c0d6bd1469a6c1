"""Synthetic argument maps of a given size, shaped like real debates (for benchmarks)."""

from __future__ import annotations

import random

from model.argmap import ArgumentMap
from model.entities import Citation, Source

STAMP = "2026-01-01T00:00:00+00:00"


def synthetic_map(n: int, seed: int = 0, extra_links: float = 0.05) -> ArgumentMap:
    """A thesis with `n - 1` reasons in a bushy tree (fan-out 2–8), plus a few cross links."""
    rng = random.Random(seed)
    amap = ArgumentMap()
    with amap.batch("build"):
        _fill(amap, rng, n, extra_links)
    return amap


def _fill(amap: ArgumentMap, rng: random.Random, n: int, extra_links: float) -> None:
    amap.add_source(Source("src", "A synthetic source", author="Bench", url="https://example.org"))
    amap.add_node("thesis", "Synthetic thesis", node_id="n0", created=STAMP, modified=STAMP)
    frontier = ["n0"]
    ids = ["n0"]
    i = 1
    while i < n:
        parent = frontier.pop(0)
        for _ in range(rng.randint(2, 8)):
            if i >= n:
                break
            nid = f"n{i}"
            kind = "evidence" if rng.random() < 0.3 else "claim"
            amap.add_node(
                kind, f"Reason {i}: " + " ".join(rng.choice(WORDS) for _ in range(8)),
                node_id=nid, text="Some explanation. " * rng.randint(0, 4),
                prior=rng.uniform(0.2, 0.9), created=STAMP, modified=STAMP,
                citations=(Citation("src", locator=f"p. {i}"),) if rng.random() < 0.3 else (),
            )  # fmt: skip
            amap.link(nid, parent, rng.choice(["supports", "attacks"]), rng.uniform(1.2, 8))
            frontier.append(nid)
            ids.append(nid)
            i += 1
    for _ in range(int(n * extra_links)):
        a, b = rng.sample(ids[1:], 2)
        if int(a[1:]) > int(b[1:]) and not amap.graph.has_edge(a, b):
            amap.link(a, b, "supports", 2.0)  # only downward-to-upward: stays acyclic


WORDS = (
    "scaling compute data tokens benchmark emergence reasoning cost energy synthetic agents "
    "memory causal models investment chips frontier loss perplexity curve trend"
).split()
