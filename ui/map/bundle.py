"""The links into a hub drawn as one comb: each shared stroke once, only where it shows.

A thesis with thousands of reasons has thousands of tree links that all run up into it; at
100 % a view over it crossed ~300 of them per frame, each painted by its own item (Python)
and stroked along its whole route (Qt lays out every dot of a dotted path before clipping),
50-90 ms a frame. The links into one target mostly overlap: those arriving at the same spot
share their last run up into it, and reasons in one row share the bus they turn along. A
`HubBundle` draws the links of one hub from the layout (no items needed): each distinct run
once, cut to the repainted area, dashes anchored to a fixed end so they do not crawl as the
view pans. The links' own items still exist where a view has been, for clicks and selection;
they skip painting their stroke while bundled (a selected link draws itself on top).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from model.layout import NODE_H, NODE_W
from ui.map.items import BUS_RISE, FADED, FLAT_LOD, ROUND, EdgeItem, _clip_run

if TYPE_CHECKING:
    from ui.map.scene import MapScene

BUNDLE_FROM = 40  # a target with this many tree reasons draws their links as one comb
DIM = 0.22  # opacity of a filtered-out link (ui.map.scene.DIM_OPACITY)
W, H = NODE_W, NODE_H


class HubBundle(QGraphicsItem):
    """The tree links into `target` (see the module docstring). The scene marks it stale
    when the layout, a link's look or the dimming changes; it recomputes on its next paint."""

    def __init__(self, scene: MapScene, target: str) -> None:
        super().__init__()
        self._scene = scene
        self.target = target
        self._rect = QRectF()
        self._runs: list = []  # (group, ax, ay, bx, by) straight runs, dashes from (ax, ay)
        self._bends: list = []  # (group, QPainterPath, box) corners
        self._heads: list = []  # (group, tip x, tip y, head size)
        self._flat: dict[tuple, np.ndarray] = {}  # (relation, dim) → hairlines (x1 y1 x2 y2)
        self.stale = True
        self.setZValue(0.5)  # above the links' tiles, under the cards'
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.refresh()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never hit: clicks go to the links' own items

    def contains(self, point) -> bool:  # noqa: ANN001
        return False

    def mark_stale(self) -> None:
        self.stale = True
        self.update()

    def refresh(self) -> None:
        """Recompute the comb from the layout and the links' current look."""
        self.stale = False
        scene = self._scene
        lay = scene.layout
        positions = lay.positions
        target = self.target
        if target not in positions:
            self._set_rect(QRectF())
            self._runs, self._bends, self._heads, self._flat = [], [], [], {}
            return
        bx, by = positions[target]
        amap = scene.amap
        succ = amap.graph._succ
        dimmed = scene.dimmed_ids()
        trunks: dict[tuple, list[float]] = {}  # (group, x2) → [top, bottom] of the run up
        buses: dict[tuple, list[float]] = {}  # (group, x2, ybus, side) → [near, far] x
        runs, bends, heads = [], [], {}
        flat: dict[tuple, list[tuple]] = {}
        left = right = bx
        top = bottom = by
        for u in lay.children.get(target, ()):
            if u not in positions or target not in succ.get(u, {}):
                continue
            ax, ay = positions[u]
            edge = succ[u][target]["edge"]
            strength = amap.strength(u, target)
            width = EdgeItem.width_for(strength)
            head = 7 + width * 1.5
            x2 = bx + _spread(edge.relation, ax, bx)
            y1, tip = ay - H / 2, by + H / 2 + 3
            end = tip + head * 0.8
            dim = u in dimmed or target in dimmed
            flat.setdefault((edge.relation, dim), []).append((ax, y1, x2, tip))
            left, right = min(left, ax, x2), max(right, ax, x2)
            top, bottom = min(top, tip), max(bottom, y1)
            if not y1 > end + 2 * ROUND:
                continue  # not a comb tooth: the link's item draws its curve
            style = (
                Qt.PenStyle.DotLine
                if strength is None
                else Qt.PenStyle.DashLine
                if edge.relation == "attacks"
                else Qt.PenStyle.SolidLine
            )
            group = (edge.relation, style, round(width, 2), dim)
            ybus = y1 - min(BUS_RISE, (y1 - end) / 2)
            r = min(ROUND, abs(x2 - ax) / 2)
            sx = 1.0 if x2 > ax else -1.0
            runs.append((group, ax, y1, ax, ybus + r))  # up from the reason
            if r > 0:
                bends.append((group, _quad((ax, ybus + r), (ax, ybus), (ax + sx * r, ybus))))
                bends.append((group, _quad((x2 - sx * r, ybus), (x2, ybus), (x2, ybus - r))))
            key = (group, round(x2, 1), round(ybus, 1), sx)
            far = ax + sx * r
            span = buses.setdefault(key, [x2 - sx * r, far])
            if abs(far - span[0]) > abs(span[1] - span[0]):
                span[1] = far
            trunk = trunks.setdefault((group, round(x2, 1)), [end, ybus - r])
            trunk[1] = max(trunk[1], ybus - r)
            heads[(group, round(x2, 1))] = (group, x2, tip, head)
        for (group, x2), (end, low) in trunks.items():
            runs.append((group, x2, low, x2, end))  # up into the target, dashes from below
        for (group, _x2, ybus, _side), (near, far) in buses.items():
            runs.append((group, far, ybus, near, ybus))  # along the bus, from the far end
        self._runs, self._bends, self._heads = runs, bends, list(heads.values())
        self._flat = {key: np.array(lines, dtype=np.float64) for key, lines in flat.items()}
        pad = 40.0
        self._set_rect(QRectF(left - pad, top - pad, right - left + 2 * pad,
                              bottom - top + 2 * pad))  # fmt: skip

    def _set_rect(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001
        lod = painter.worldTransform().m11()
        if self.stale:
            self.refresh()
        if lod < FLAT_LOD:
            self._paint_flat(painter, option.exposedRect)
            return
        exposed = option.exposedRect
        theme = self._scene.look.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pens: dict[tuple, QPen] = {}
        clip = exposed.adjusted(-8, -8, 8, 8)
        for group, ax, ay, bx, by in self._runs:
            cut = _clip_run(ax, ay, bx, by, clip)
            if cut is None:
                continue
            pen = pens.get(group) or pens.setdefault(group, _pen(group, theme))
            t0, t1 = cut
            length = abs(bx - ax) + abs(by - ay)
            if group[1] != Qt.PenStyle.SolidLine:
                pen.setDashOffset(t0 * length / max(pen.widthF(), 1.0))
            painter.setOpacity(_opacity(group))
            painter.setPen(pen)
            painter.drawLine(QLineF(ax + (bx - ax) * t0, ay + (by - ay) * t0,
                                    ax + (bx - ax) * t1, ay + (by - ay) * t1))  # fmt: skip
        for group, (path, box) in self._bends:
            if box.intersects(clip):
                pen = pens.get(group) or pens.setdefault(group, _pen(group, theme))
                pen.setDashOffset(0)
                painter.setOpacity(_opacity(group))
                painter.setPen(pen)
                painter.drawPath(path)
        for group, x, y, size in self._heads:
            if QRectF(x - size, y - 2, 2 * size, size + 4).intersects(clip):
                painter.setOpacity(_opacity(group))
                _head(painter, group, QPointF(x, y), size, theme)
        painter.setOpacity(1.0)

    def _paint_flat(self, painter: QPainter, exposed: QRectF) -> None:
        """Zoomed out: every link into the hub that crosses `exposed` as a faint straight
        hairline (as a link's item draws itself there: `EdgeItem.paint`), all of one colour
        in one call."""
        theme = self._scene.look.theme
        pad = 2 / max(painter.worldTransform().m11(), 1e-6)
        box = exposed.adjusted(-pad, -pad, pad, pad)
        for (relation, dim), xy in self._flat.items():
            lines = [QLineF(*row) for row in _crossing(xy, box).tolist()]
            if not lines:
                continue
            color = QColor(theme.supports if relation == "supports" else theme.attacks)
            color.setAlphaF(FADED + 0.1)
            painter.setOpacity(DIM if dim else 1.0)
            painter.setPen(QPen(color, 0))
            painter.drawLines(lines)
        painter.setOpacity(1.0)


def _crossing(xy: np.ndarray, rect: QRectF) -> np.ndarray:
    """The rows (x1 y1 x2 y2) of straight lines that cross `rect`: their box meets it and
    its corners do not all lie on one side of the line (as `items._line_meets`)."""
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    x1, y1, x2, y2 = xy[:, 0], xy[:, 1], xy[:, 2], xy[:, 3]
    hit = (np.maximum(x1, x2) >= left) & (np.minimum(x1, x2) <= right)
    hit &= (np.maximum(y1, y2) >= top) & (np.minimum(y1, y2) <= bottom)
    dx, dy = x2 - x1, y2 - y1
    sides = [dx * (cy - y1) - dy * (cx - x1)
             for cx, cy in ((left, top), (right, top), (left, bottom), (right, bottom))]  # fmt: skip
    low = np.minimum.reduce(sides)
    high = np.maximum.reduce(sides)
    return xy[hit & (low <= 0) & (high >= 0)]


def _spread(relation: str, ax: float, bx: float) -> float:
    """Where on the target's edge a link arrives (as `EdgeItem.adjust` places it)."""
    t = (ax - bx) / (3 * W)
    if relation == "supports":
        return -W * (0.1 + 0.28 * min(1.0, max(0.0, -t)))
    return W * (0.1 + 0.28 * min(1.0, max(0.0, t)))


def _quad(a: tuple, c: tuple, b: tuple) -> tuple[QPainterPath, QRectF]:
    path = QPainterPath(QPointF(*a))
    path.quadTo(QPointF(*c), QPointF(*b))
    box = QRectF(min(a[0], b[0]) - 4, min(a[1], b[1]) - 4, abs(b[0] - a[0]) + 8,
                 abs(b[1] - a[1]) + 8)  # fmt: skip
    return path, box


def _colour(group: tuple, theme) -> QColor:  # noqa: ANN001
    return theme.supports if group[0] == "supports" else theme.attacks


def _pen(group: tuple, theme) -> QPen:  # noqa: ANN001
    pen = QPen(_colour(group, theme), group[2])
    pen.setStyle(group[1])
    return pen


def _opacity(group: tuple) -> float:
    return DIM if group[3] else 1.0


def _head(painter: QPainter, group: tuple, tip: QPointF, size: float, theme) -> None:  # noqa: ANN001
    """The end mark, as `EdgeItem._paint_end` draws it."""
    color = _colour(group, theme)
    width = group[2]
    if group[0] == "supports":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(QPolygonF([
            tip, QPointF(tip.x() - size * 0.6, tip.y() + size),
            QPointF(tip.x() + size * 0.6, tip.y() + size),
        ]))  # fmt: skip
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setPen(QPen(color, max(2.0, width), Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        y = tip.y() + 2
        painter.drawLine(QPointF(tip.x() - size * 0.8, y), QPointF(tip.x() + size * 0.8, y))
