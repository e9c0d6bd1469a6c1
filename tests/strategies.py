"""Hypothesis strategies for random argument maps: any kinds, links (cycles included),
sources with citations, scenarios and trend series."""

from __future__ import annotations

from hypothesis import strategies as st

from model.argmap import ArgumentMap
from model.entities import Citation, Point, Scenario, Series, Source

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
title = text.filter(lambda s: s.strip() != "")
prob = st.floats(0.0, 1.0, allow_nan=False)
lam = st.floats(1.0, 50.0, allow_nan=False)


@st.composite
def maps(draw, max_nodes: int = 12, cycles: bool = True) -> ArgumentMap:
    """A random valid map; when `cycles`, links may run in any direction."""
    amap = ArgumentMap()
    n = draw(st.integers(1, max_nodes))
    sources = draw(st.lists(title, max_size=3))
    for i, t in enumerate(sources):
        amap.add_source(Source(id=f"s{i}", title=t, url=draw(text), text=draw(text)))
    ids = []
    for i in range(n):
        kind = "thesis" if i == 0 else draw(st.sampled_from(["claim", "evidence"]))
        cites = ()
        if sources and draw(st.booleans()):
            cites = (Citation(f"s{draw(st.integers(0, len(sources) - 1))}", draw(text), 0, 3),)
        rng = None
        if draw(st.booleans()):
            lo, hi = sorted(draw(st.tuples(prob, prob)))
            rng = (lo, hi)
        ids.append(
            amap.add_node(
                kind, draw(title), node_id=f"n{i}", text=draw(text), prior=draw(prob),
                prior_range=rng, tags=tuple(draw(st.lists(st.sampled_from("abc"), max_size=2))),
                citations=cites, pos=draw(st.none() | st.tuples(st.floats(-1e4, 1e4), st.floats(-1e4, 1e4))),
            )
        )  # fmt: skip
    for i in range(1, n):
        targets = range(n) if cycles else range(i)
        for j in draw(st.lists(st.sampled_from(list(targets)), max_size=2, unique=True)):
            if j != i:
                amap.link(ids[i], ids[j], draw(st.sampled_from(["supports", "attacks"])), draw(lam))
    edges = list(amap.edges())
    if draw(st.booleans()):
        priors = {nid: draw(prob) for nid in draw(st.lists(st.sampled_from(ids), max_size=3))}
        strengths = {e.key: draw(lam) for e in edges[: draw(st.integers(0, len(edges)))]}
        amap.put_scenario(Scenario(draw(title), draw(text), "", priors, strengths))
    if draw(st.booleans()):
        pts = tuple(
            Point(f"{2010 + k}", draw(st.floats(1e-3, 1e30)), draw(text))
            for k in range(draw(st.integers(0, 4)))
        )
        amap.put_series(Series("s", draw(text), "FLOP", pts))
    amap.set_meta("title", draw(text))
    return amap
