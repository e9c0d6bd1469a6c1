"""The automatic layout: readable (no overlaps, reasons below targets, supporters before
attackers), honest about what collapsing hides, respectful of hand placement, and compact
enough that a 10,000-node map is not a million pixels wide."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from model.argmap import ArgumentMap
from model.layout import NODE_H, NODE_W, compute_layout, spanning_tree


def random_map(n: int, seed: int, extra: int = 0, collapsed: int = 0) -> ArgumentMap:
    """A thesis with `n - 1` reasons in a random tree, plus `extra` cross links (cycles too)."""
    rng = random.Random(seed)
    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="n0")
    for i in range(1, n):
        amap.add_node(rng.choice(["claim", "evidence"]), f"node {i}", node_id=f"n{i}")
        amap.link(f"n{i}", f"n{rng.randrange(i)}", rng.choice(["supports", "attacks"]))
    for _ in range(extra if n > 1 else 0):
        u, v = f"n{rng.randrange(1, n)}", f"n{rng.randrange(n)}"
        if u != v and not amap.graph.has_edge(u, v):
            amap.link(u, v, "attacks")
    for _ in range(collapsed):
        amap.update_node(f"n{rng.randrange(n)}", collapsed=True)
    return amap


maps = st.builds(
    random_map,
    n=st.integers(1, 40),
    seed=st.integers(0, 10**6),
    extra=st.integers(0, 6),
    collapsed=st.integers(0, 3),
)


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) < NODE_W and abs(a[1] - b[1]) < NODE_H


@settings(max_examples=150, deadline=None)
@given(maps)
def test_every_node_is_placed_or_hidden_and_no_boxes_overlap(amap):
    lay = compute_layout(amap)
    assert set(lay.positions) | lay.hidden == set(amap.graph.nodes)
    assert not set(lay.positions) & lay.hidden
    pts = list(lay.positions.values())
    for i, a in enumerate(pts):
        for b in pts[i + 1 :]:
            assert not overlaps(a, b)


@settings(max_examples=150, deadline=None)
@given(maps)
def test_reasons_sit_below_their_target_with_supporters_first(amap):
    lay = compute_layout(amap)
    for child, parent in lay.parent.items():
        if child in lay.positions:
            assert lay.positions[child][1] > lay.positions[parent][1]
    for target, kids in lay.children.items():
        relations = [amap.edge(k, target).relation for k in kids]
        assert relations == sorted(relations, key=lambda r: r == "attacks")


@settings(max_examples=100, deadline=None)
@given(maps)
def test_collapsing_hides_exactly_the_subtree_and_counts_it(amap):
    lay = compute_layout(amap)
    _, parent, _ = spanning_tree(amap)
    for node in lay.hidden:
        up, collapsed_above = parent.get(node), False
        while up is not None:
            collapsed_above |= amap.node(up).collapsed
            up = parent.get(up)
        assert collapsed_above
    assert sum(lay.hidden_count.values()) >= len(lay.hidden)


@settings(max_examples=100, deadline=None)
@given(maps, st.data())
def test_hand_placed_nodes_stay_and_their_subtree_follows(amap, data):
    visible = list(compute_layout(amap).positions)
    node = data.draw(st.sampled_from(visible))
    before = compute_layout(amap)
    amap.update_node(node, pos=(12345.0, -777.0), pinned=True)
    after = compute_layout(amap)
    assert after.positions[node] == (12345.0, -777.0)
    dx = 12345.0 - before.positions[node][0]
    for kid in after.children.get(node, []):
        if not amap.node(kid).pinned:
            assert after.positions[kid][0] == before.positions[kid][0] + dx
    assert compute_layout(amap, keep_pinned=False).positions == before.positions


def test_layout_is_deterministic():
    amap = random_map(300, seed=5, extra=20, collapsed=3)
    assert compute_layout(amap).positions == compute_layout(amap).positions


def test_cycles_without_the_thesis_are_still_laid_out():
    amap = ArgumentMap()
    for n in "abc":
        amap.add_node("claim", n, node_id=n)
    amap.link("a", "b")
    amap.link("b", "c")
    amap.link("c", "a", "attacks")
    lay = compute_layout(amap)
    assert set(lay.positions) == {"a", "b", "c"}


def test_big_tree_is_compact_not_a_million_pixels_wide():
    """10,000 nodes laid out naively are ~1.75M px wide; wrapped rows keep it near square."""
    amap = random_map(10_000, seed=1)
    left, top, right, bottom = compute_layout(amap).bounds()
    width, height = right - left, bottom - top
    assert width < 200_000
    assert 0.25 < width / height < 4


def test_wide_fan_outs_wrap_into_rows_without_overlaps():
    """300 reasons of one target (some with reasons of their own) wrap instead of one long row."""
    rng = random.Random(3)
    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="T")
    for i in range(300):
        amap.add_node("claim", f"c{i}", node_id=f"c{i}")
        amap.link(f"c{i}", "T", rng.choice(["supports", "attacks"]))
        for j in range(rng.choice([0, 0, 0, 2, 5])):
            amap.add_node("evidence", "e", node_id=f"e{i}.{j}")
            amap.link(f"e{i}.{j}", f"c{i}")
    lay = compute_layout(amap)
    pts = list(lay.positions.values())
    for i, a in enumerate(pts):
        for b in pts[i + 1 :]:
            assert not overlaps(a, b)
    left, _, right, _ = lay.bounds()
    assert right - left < 300 * NODE_W / 2.5  # one row would be over 300 boxes wide


def test_the_map_takes_the_shape_of_the_window_it_is_fitted_in():
    """Zoom to Fit lays the map out for the window's shape: wide windows get wide maps, tall
    windows tall ones, and neither is a strip."""
    amap = random_map(400, seed=11)
    shapes = {}
    for aspect in (0.6, 1.6, 3.0):
        left, top, right, bottom = compute_layout(amap, aspect=aspect).bounds()
        shapes[aspect] = (right - left) / (bottom - top)
    assert shapes[0.6] < shapes[1.6] < shapes[3.0]
    for aspect, got in shapes.items():
        assert aspect / 2 < got < aspect * 2


@settings(max_examples=60, deadline=None)
@given(maps, st.floats(0.5, 3.0))
def test_any_window_shape_keeps_boxes_apart_and_reasons_below(amap, aspect):
    lay = compute_layout(amap, aspect=aspect)
    pts = list(lay.positions.values())
    for i, a in enumerate(pts):
        for b in pts[i + 1 :]:
            assert not overlaps(a, b)
    for child, parent in lay.parent.items():
        if child in lay.positions:
            assert lay.positions[child][1] > lay.positions[parent][1]


cards = st.lists(  # cards on a layout's grid (cards of a layout never overlap)
    st.tuples(st.integers(-12, 12), st.integers(-12, 12), st.integers(0, 200)),
    min_size=1, max_size=60, unique_by=lambda c: c[:2],
)  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(cards, st.floats(0.02, 0.44), st.integers(0, 10))
def test_semantic_zoom_labels_never_overlap_and_cover_their_card(cards, scale, reserve):
    from model.labels import GAP, choose_labels

    cands = [(f"n{i}", x * (NODE_W + 24), y * (NODE_H + 64), NODE_W, NODE_H)
             for i, (x, y, _) in enumerate(cards)]  # fmt: skip
    lengths = {f"n{i}": n for i, (_, _, n) in enumerate(cards)}

    def height(nid, width):
        return 30 + 14 * (1 + lengths[nid] * 6 // int(width))

    placed = choose_labels(cands, scale, height, reserve=reserve)
    assert placed and placed[0][0] == "n0", "the most important label always shows"
    for i, (_, x, y, w, h) in enumerate(placed):
        for _, x2, y2, w2, h2 in placed[i + 1 :]:
            assert (
                x + w + GAP <= x2 or x2 + w2 + GAP <= x or y + h + GAP <= y2 or y2 + h2 + GAP <= y
            )
    where = {c[0]: c for c in cands}
    for nid, x, y, w, _h in placed:
        _, left, top, cw, ch = where[nid]
        cx, cy = left * scale, top * scale
        assert x < cx + cw * scale and cx < x + w, "the label is over its card"
        assert y <= cy + ch * scale + 2 + 1e-6, "and starts no lower than just below it"


def test_label_order_is_the_thesis_then_its_reasons_by_pull():
    from model.labels import priority

    children = {"T": ["a", "b", "c"], "a": ["a1"], "b": [], "c": []}
    pulls = {"a": 2.0, "b": -9.0, "c": 0.5, "a1": 30.0}
    assert priority(children, ["T"], pulls) == ["T", "b", "a", "c", "a1"]
    assert priority(children, ["T"], pulls, limit=3) == ["T", "b", "a"]


def test_a_crowded_label_slides_aside_rather_than_wrap_into_a_tall_column():
    """A long title next to a placed label: the narrow width would fit in place but wrap into
    many lines; a wider label slid left over its card reads, so that one is chosen."""
    from model.labels import LINE, WIDTHS, choose_labels

    def height(nid, width):
        return 30 + LINE * (2 if width >= WIDTHS[0] else 7)  # long title: 7 lines when narrow

    # the thesis far below; b's label (placed before a's) leaves a room on its own corner for
    # the narrow width only, and room for the wide one slid half a width to the left
    cands = [("T", 0.0, 500.0, 60.0, 40.0), ("b", 400.0, 0.0, 60.0, 40.0),
             ("a", 250.0, 0.0, 60.0, 40.0)]  # fmt: skip
    placed = {p[0]: p for p in choose_labels(cands, 1.0, height, reserve=0)}
    assert placed["a"][3] == WIDTHS[0], "the readable width, slid aside"
    assert placed["a"][1] < 250.0, "slid left, still over its card"
