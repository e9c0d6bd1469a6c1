"""Where every card and link of a laid-out map is, as numpy arrays, to ask what a rectangle holds.

The scene builds `QGraphicsItem`s only for what a view shows (ui.map.scene, "lazy items"); to
know which those are without an item per node it asks this index, built from the layout in one
vectorised pass (~0.1 s at 100,000 nodes) and queried in ~1 ms. Boxes are conservative (a
little larger than what is drawn), so a query may name an item that turns out to be just
outside the view, never miss one inside it. Plain numbers in, ids out; the link geometry's
constants are the items' own.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from model.layout import NODE_H, NODE_W
from ui.map.items import BUS_RISE as RISE  # how far above a reason its tree link turns sideways
from ui.map.items import ROUND

#: what a card's item covers round its position (ui.map.items.NODE_RECT and its pen)
CARD = (-NODE_W / 2 - 6, -NODE_H / 2 - 6, NODE_W / 2 + 6, NODE_H / 2 + 22)
PAD = 30.0  # a link's width, selection halo and arrowhead round its route
SPREAD = 0.4 * NODE_W  # how far from its target's centre a link may arrive (EdgeItem.adjust)


class SpatialIndex:
    """Cards and links of one layout; `nodes_in` / `links_in` name those a rectangle meets."""

    def __init__(
        self,
        positions: Mapping[str, tuple[float, float]],
        links: Mapping[tuple[str, str], str],
        parent: Mapping[str, str],
    ) -> None:
        """`links`: every link's key and relation; `parent`: the layout tree's links."""
        ids = list(positions)
        xy = np.array(list(positions.values()), dtype=np.float64).reshape(-1, 2)
        self.node_ids = ids
        self.x, self.y = xy[:, 0].copy(), xy[:, 1].copy()
        get = dict(zip(ids, range(len(ids)))).get
        rows = np.array(  # one pass over the links: (source, target, tree link, attacks)
            [(get(u, -1), get(v, -1), parent.get(u) == v, r == "attacks")
             for (u, v), r in links.items()], dtype=np.int64,
        ).reshape(-1, 4)  # fmt: skip
        placed = (rows[:, 0] >= 0) & (rows[:, 1] >= 0)  # both ends laid out (not collapsed)
        keys = list(links)
        if not placed.all():
            keys = [k for k, ok in zip(keys, placed.tolist()) if ok]
            rows = rows[placed]
        self.link_keys = keys
        src, dst = rows[:, 0], rows[:, 1]
        tree, attacks = rows[:, 2].astype(bool), rows[:, 3].astype(bool)
        ax, ay, bx, by = self.x[src], self.y[src], self.x[dst], self.y[dst]
        self.runs, bus = _link_runs(ax, ay, bx, by, tree)
        curve = np.flatnonzero(~bus)  # S-curves: boxes along the curve, not its whole box
        self.curves = curve
        self.chords = _curve_chords(ax[curve], ay[curve], bx[curve], by[curve], attacks[curve])

    def nodes_in(self, left: float, top: float, right: float, bottom: float) -> list[str]:
        """Ids of the cards whose item meets the rectangle."""
        mask = (
            (self.x > left - CARD[2])
            & (self.x < right - CARD[0])
            & (self.y > top - CARD[3])
            & (self.y < bottom - CARD[1])
        )
        ids = self.node_ids
        return [ids[i] for i in np.flatnonzero(mask).tolist()]

    def links_in(
        self, left: float, top: float, right: float, bottom: float
    ) -> list[tuple[str, str]]:
        """Keys of the links whose drawn route may meet the rectangle."""
        hit = np.zeros(len(self.link_keys), dtype=bool)
        for a, b, c, d in self.runs:
            hit |= (a < right) & (c > left) & (b < bottom) & (d > top)
        a, b, c, d = self.chords
        hit[self.curves] = ((a < right) & (c > left) & (b < bottom) & (d > top)).any(axis=1)
        keys = self.link_keys
        return [keys[i] for i in np.flatnonzero(hit).tolist()]


def link_runs_one(
    source: tuple[float, float], target: tuple[float, float], tree: bool
) -> list[tuple[float, float, float, float]]:
    """The boxes of one link's route, by the rule of `_link_runs` (plain floats: this runs
    for the few links of cards placed since the index was made, on every reveal)."""
    ax, ay = source
    bx, by = target
    y1, y2 = ay - NODE_H / 2, by + NODE_H / 2 + 3
    x2l, x2r = bx - SPREAD, bx + SPREAD
    if tree and y1 > y2 + 2 * ROUND:
        ybus = y1 - min(RISE, (y1 - y2) / 2)
        return [
            (ax - PAD, ybus - PAD, ax + PAD, y1 + PAD),
            (min(ax, x2l) - PAD, ybus - PAD, max(ax, x2r) + PAD, ybus + PAD),
            (x2l - PAD, y2 - PAD, x2r + PAD, ybus + PAD),
        ]
    bend = max(30.0, abs(y1 - y2) * 0.45)
    return [(min(ax, x2l) - PAD, min(y1, y2) - PAD - bend, max(ax, x2r) + PAD,
             max(y1, y2) + PAD + bend)]  # fmt: skip


def _link_runs(ax, ay, bx, by, tree):  # noqa: ANN001, ANN202 (numpy arrays)
    """Per link, three boxes (left, top, right, bottom arrays) that hold its drawn route, and
    which links are so routed.

    A tree link whose reason is well below its target runs up from the reason, along a bus
    just above it and up into the target (three straight runs, `EdgeItem.path`); every other
    link is an S-curve, held by its whole bounding box with the curve's bend (then all three
    boxes are that box; `_curve_chords` holds it closer)."""
    y1 = ay - NODE_H / 2  # leaves the top of the reason
    y2 = by + NODE_H / 2 + 3  # arrives at the bottom of the target
    bus = tree & (y1 > y2 + 2 * ROUND)
    ybus = y1 - np.minimum(RISE, (y1 - y2) / 2)
    x2l, x2r = bx - SPREAD, bx + SPREAD
    bend = np.maximum(30.0, np.abs(y1 - y2) * 0.45)
    # the S-curve's box (also right for a bus link, only larger)
    cl, cr = np.minimum(ax, x2l) - PAD, np.maximum(ax, x2r) + PAD
    ct, cb = np.minimum(y1, y2) - PAD - bend, np.maximum(y1, y2) + PAD + bend
    up = (ax - PAD, ybus - PAD, ax + PAD, y1 + PAD)  # from the reason up to the bus
    along = (np.minimum(ax, x2l) - PAD, ybus - PAD, np.maximum(ax, x2r) + PAD, ybus + PAD)
    into = (x2l - PAD, y2 - PAD, x2r + PAD, ybus + PAD)  # up into the target
    runs = [
        tuple(np.where(bus, run, whole) for run, whole in zip(part, (cl, ct, cr, cb)))
        for part in (up, along, into)
    ]
    return runs, bus


STEPS = 16  # chords per S-curve


def _curve_chords(ax, ay, bx, by, attacks):  # noqa: ANN001, ANN202 (numpy arrays)
    """Boxes (left, top, right, bottom arrays of shape links × STEPS) that together hold each
    S-curve (`EdgeItem.path`: from the reason's top to just under the target's edge, control
    points `bend` above and below): chords of the curve, each widened by how far a cubic
    can stray from its chord (max |B''| · step² / 8) and by the pen, halo and end mark."""
    y1 = ay - NODE_H / 2
    end = by + NODE_H / 2 + 3 + 8  # the tip plus (about) the end mark: PAD covers the rest
    t = (ax - bx) / (3 * NODE_W)
    reach = np.where(attacks, np.clip(t, 0, 1), np.clip(-t, 0, 1))
    tx = bx + np.where(attacks, 1.0, -1.0) * NODE_W * (0.1 + 0.28 * reach)
    bend = np.maximum(30.0, np.abs(y1 - end) * 0.45)
    c1x, c1y, c2x, c2y = ax, y1 - bend, tx, end + bend
    stray = 6 * np.maximum(np.hypot(ax - 2 * c1x + c2x, y1 - 2 * c1y + c2y),
                           np.hypot(c1x - 2 * c2x + tx, c1y - 2 * c2y + end))  # fmt: skip
    pad = (stray / (8 * STEPS**2) + PAD)[:, None]
    s = np.linspace(0.0, 1.0, STEPS + 1)[None, :]
    u = 1 - s
    w0, w1, w2, w3 = u * u * u, 3 * u * u * s, 3 * u * s * s, s * s * s
    px = w0 * ax[:, None] + w1 * c1x[:, None] + w2 * c2x[:, None] + w3 * tx[:, None]
    py = w0 * y1[:, None] + w1 * c1y[:, None] + w2 * c2y[:, None] + w3 * end[:, None]
    return (
        np.minimum(px[:, :-1], px[:, 1:]) - pad,
        np.minimum(py[:, :-1], py[:, 1:]) - pad,
        np.maximum(px[:, :-1], px[:, 1:]) + pad,
        np.maximum(py[:, :-1], py[:, 1:]) + pad,
    )
