"""An import's new cards land together (model.layout.place_group): one compact block near the
target most of them bear on, pinned there, and no existing card moves, neither when they are
placed nor in the full layouts that follow. Before, 50 reasons added to the seed's thesis
spread over its wrapped rows (and every other card moved), so framing them gave a zoomed-out
view in which they were far apart and unreadable."""

from __future__ import annotations

import math

import pytest

from model.layout import CELL_H, CELL_W, compute_layout, is_free, place_group, place_new
from storage.seedmap import load_seed


def _import(amap, n: int, extra_target: str | None = None) -> list[str]:  # noqa: ANN001
    """Add `n` unweighed reasons of the thesis, alternately for and against, and two more on
    `extra_target`, as an import adds them (one batch)."""
    new = []
    with amap.batch("import"):
        for i in range(n):
            nid = amap.add_node("claim", f"Imported claim {i}")
            amap.link(nid, amap.thesis.id, "attacks" if i % 3 else "supports")
            new.append(nid)
        for i in range(2 if extra_target else 0):
            nid = amap.add_node("claim", f"Imported reason {i}")
            amap.link(nid, extra_target, "supports")
            new.append(nid)
    return new


def _pin(amap, spots: dict) -> None:  # noqa: ANN001
    for nid, pos in spots.items():
        amap.update_node(nid, pos=pos, pinned=True)


@pytest.mark.parametrize("count", [1, 5, 52])
def test_imported_cards_land_together_and_no_card_moves(count: int) -> None:
    amap = load_seed()
    lay = compute_layout(amap, aspect=1.4)
    before = dict(lay.positions)
    claim = next(iter(amap.graph._pred[amap.thesis.id]))
    new = _import(amap, count, claim)
    spots = place_group(lay, amap, new, aspect=1.4)
    assert set(spots) == set(new)
    assert lay.positions == before, "placing them changes no card"
    for pos in spots.values():
        assert is_free(lay, pos), "no new card lies on an existing one"
    xs = sorted({p[0] for p in spots.values()})
    ys = sorted({p[1] for p in spots.values()})
    cols, rows = len(xs), len(ys)
    assert cols * rows < len(new) + cols, "a block of full rows"
    assert rows == 1 or len(new) > 3, "a few cards make one row"
    assert all(b - a == pytest.approx(CELL_W) for a, b in zip(xs, xs[1:])), "side by side"
    assert all(b - a == pytest.approx(CELL_H) for a, b in zip(ys, ys[1:])), "row under row"
    if len(new) > 9:  # shaped like the view, not a strip
        width, height = cols * CELL_W, rows * CELL_H
        assert 0.5 < width / height / 1.4 < 2
    tx, ty = before[amap.thesis.id]
    left, top, right, bottom = lay.bounds()
    nearest = min(math.dist((tx, ty), p) for p in spots.values())
    assert nearest < max(right - left, bottom - top), "near the thesis, not across the map"

    _pin(amap, spots)
    after = compute_layout(amap, aspect=1.4)
    assert {n: after.positions[n] for n in before} == before, "the full layout moves no card"
    assert {n: after.positions[n] for n in new} == spots
    assert all(after.parent[n] in (amap.thesis.id, claim) for n in new)


def test_a_big_map_places_the_pinned_block_without_a_layout() -> None:
    """Big maps follow an addition with place_new: the import's pins are kept there too."""
    amap = load_seed()
    lay = compute_layout(amap)
    new = _import(amap, 30)
    spots = place_group(lay, amap, new)
    _pin(amap, spots)
    assert sorted(place_new(lay, amap, new)) == sorted(new)
    assert {n: lay.positions[n] for n in new} == spots


def test_a_hand_placed_reason_stays_and_unpinning_packs_it_again() -> None:
    """A pinned reason of the thesis stays at its pin; Reset hand placement
    (keep_pinned=False) packs it with the others again."""
    amap = load_seed()
    plain = compute_layout(amap)
    kid = plain.children[amap.thesis.id][0]
    amap.update_node(kid, pos=(-5000.0, -5000.0), pinned=True)
    assert compute_layout(amap).positions[kid] == (-5000.0, -5000.0)
    assert compute_layout(amap, keep_pinned=False).positions == plain.positions


@pytest.mark.parametrize("aspect", [1.0, 1.4, 2.2])
def test_reasons_added_after_an_import_never_land_on_its_block(aspect: float) -> None:
    """The thesis's rows grow (new reasons, added one by one) into the pinned block below
    the map: the block then sits just below them, never under or over them."""
    from test_layout_incremental import overlaps

    amap = load_seed()
    new = _import(amap, 52)
    _pin(amap, place_group(compute_layout(amap, aspect=aspect), amap, new, aspect))
    for k in range(8):
        with amap.batch("add"):
            nid = amap.add_node("claim", f"Added later {k}")
            amap.link(nid, amap.thesis.id, "supports")
        after = compute_layout(amap, aspect=aspect)
        assert not overlaps(after.positions), k
        xs = {after.positions[n][0] - amap.node(n).pos[0] for n in new}
        ys = {after.positions[n][1] - amap.node(n).pos[1] for n in new}
        assert xs == {0.0} and len(ys) == 1, "the block moves whole, straight down, if at all"
