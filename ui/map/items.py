"""The drawn pieces of the map: a rounded box per node and a curved arrow per link.

Items hold display values only (title, kind, credence...) copied from the model by the scene;
they never change the model. Painting has three levels of detail, picked from the zoom:
a flat box when a node is a few pixels wide, a box with its credence bar, and the full node
with wrapped title text. Text layout is cached per title, so a frame at full detail does no
line breaking.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from model.entities import Edge, Node
from model.layout import NODE_H, NODE_W
from ui.theme import Theme

W, H = NODE_W, NODE_H
PAD = 12.0
MAX_LINES = 4
BOX = QRectF(-W / 2, -H / 2, W, H)
BADGE_AREA = QRectF(-W / 2, -H / 2 + 4, W, 20)  # the header line with the badge (_paint_header)
BAR_AREA = QRectF(-W / 2 + 4, H / 2 - 12, W - 8, 6.5)  # the credence bar (_paint_bar), kept
# clear of the card's bottom edge where the links end: Qt repaints an item's updates as one rect
FLAT_LOD = 0.22  # below this a node is a few pixels: a flat box
TEXT_LOD = 0.45  # from here on titles are legible
FADED = 0.35  # opacity of flat boxes and links far out, under the readable labels
CROSS_FADED = 0.12  # opacity of a zoomed-out extra link (not of the layout tree)
ROUND = 12.0  # corner radius of link routes
BUS_RISE = 30.0  # how far above a reason its link turns towards the target
# Items derive from QGraphicsRectItem so that boundingRect() runs in C++: with no item index,
# Qt asks every item for it on every frame, and a Python override costs ~2 µs per item. (Their
# own pen is never drawn: paint() is ours.)
NODE_RECT = QRectF(-W / 2 - 4, -H / 2 - 4, W + 8, H + 20)
# Links get the exposed rectangle (a C++ computation) so that a link whose bounding box meets
# a repainted card but whose route does not is not drawn: long links into a hub cross the
# region of every badge that changes near it.
EDGE_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    | QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption
)
NODE_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
)


@dataclass
class Look:
    """What every item of one scene paints with; the scene swaps the theme on scheme changes."""

    theme: Theme
    title_font: QFont = field(default_factory=lambda: _font(13))
    label_font: QFont = field(default_factory=lambda: _font(10, bold=True))
    badge_font: QFont = field(default_factory=lambda: _font(11, bold=True))
    bulk: bool = False  # the scene is building many items: it adjusts the links itself


def _font(px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    return font


def format_pull(points: float) -> str:
    """A pull in points, signed, as the credence panel shows it: "+26 pts", "−4.9 pts"."""
    sign = "+" if points >= 0 else "−"
    size = abs(points)
    return f"{sign}{size:.0f} pts" if size >= 10 else f"{sign}{size:.1f} pts"


def badge_text(pull: float | None, credence: float | None) -> str:
    """A card's badge: its pull on its target and its credence, e.g. "−20 pts · 67%"."""
    parts = []
    if pull is not None and abs(pull) >= 0.05:
        parts.append(format_pull(pull))
    if credence is not None:
        parts.append(f"{credence * 100:.0f}%")
    return " · ".join(parts)


def wrap_title(title: str, font: QFont, width: float, max_lines: int = MAX_LINES) -> list[str]:
    """Break a title into at most `max_lines` lines of `width`, eliding the last one."""
    text = " ".join(title.split())
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()].strip())
    layout.endLayout()
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        elided = QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
        lines = lines[: max_lines - 1] + [elided]
    return lines


class NodeItem(QGraphicsRectItem):
    """One node: rounded box coloured by kind, title, credence bar and markers."""

    # Defaults as class attributes: opening 100,000 nodes should not set them 100,000 times.
    credence: float | None = None
    pull: float | None = None  # points this node moves its target by (its layout link)
    hidden_count = 0
    highlighted = False
    _tile = None  # the scene's square this card is filed under (ui.map.scene._Tile)
    drop_target = False
    _lines: list[str] | None = None

    def __init__(self, node: Node, look: Look) -> None:
        super().__init__(NODE_RECT)
        self.node_id = node.id
        self.look = look
        self.edges: list[EdgeItem] = []
        self.role = self.kind = node.kind
        self.title = node.title
        self.has_series = node.series is not None
        self.setFlags(NODE_FLAGS)
        self.setZValue(1)

    def update_badge(self) -> None:
        """Repaint only what a new credence or pull changes: the badge and the bar. Links run
        into the card's bottom edge, so repainting the whole card (its rect reaches below the
        box) would repaint every link into it: thousands into a hub."""
        self.update(BADGE_AREA)
        self.update(BAR_AREA)

    def set_node(self, node: Node, drawn: bool = True) -> None:
        """Take the display values of a (changed) node; `drawn` False: the view draws cards as
        flat boxes now, so only a change of kind (the box's colour) needs a repaint."""
        if getattr(self, "title", None) != node.title:
            self._lines = None
        shown = (self.kind, self.title, self.has_series)
        if (
            not drawn
            and self.kind == node.kind
            or shown == (node.kind, node.title, node.series is not None)
        ):  # a flat box, or nothing the card shows changed (a prior, text, tags...)
            self.title = node.title
            self.has_series = node.series is not None
            return
        self.kind = node.kind
        self.title = node.title
        self.has_series = node.series is not None
        self.update()

    # ---------------------------------------------------------------- geometry
    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(BOX, 10, 10)
        return path

    def adjust_edges(self) -> None:
        """Make the links follow this node (the scene calls it while dragging)."""
        for edge in self.edges:
            edge.adjust()

    # ----------------------------------------------------------------- painting
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        theme = self.look.theme
        style = theme.kind(self.kind)
        lod = painter.worldTransform().m11()
        selected = self.isSelected()
        if lod < FLAT_LOD:
            color = QColor(theme.selection if selected else style.border)
            if not selected:
                color.setAlphaF(FADED)  # texture under the labels, not content competing with them
            painter.fillRect(BOX, color)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.highlighted or self.drop_target:
            ring = theme.drop if self.drop_target else theme.highlight
            painter.setPen(QPen(ring, 6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(BOX.adjusted(-2, -2, 2, 2), 12, 12)
        pen = QPen(theme.selection, 3) if selected else QPen(style.border, 1.5)
        painter.setPen(pen)
        painter.setBrush(QBrush(style.fill))
        painter.drawRoundedRect(BOX, 10, 10)
        self._paint_bar(painter, theme)
        if self.hidden_count:
            self._paint_collapsed(painter, theme, style.border)
        if lod < TEXT_LOD:
            self._paint_greeked(painter, theme)
            return
        self._paint_header(painter, theme, style.accent)
        self._paint_title(painter, theme)

    def _paint_greeked(self, painter: QPainter, theme: Theme) -> None:
        """Grey bars where the title's lines are: the map keeps its texture when text would
        be too small to read (no text layout needed)."""
        n = len(self.title)
        lines = min(MAX_LINES, max(1, math.ceil(n / 27)))
        last = (n - (lines - 1) * 27) / 27 if n < MAX_LINES * 27 else 1.0
        color = QColor(theme.muted)
        color.setAlphaF(0.45)
        width = W - 2 * PAD
        for i in range(lines):
            w = width * (min(1.0, max(0.2, last)) if i == lines - 1 else 0.95)
            painter.fillRect(QRectF(-W / 2 + PAD, -H / 2 + 30 + i * 16.5, w, 7), color)

    def _paint_header(self, painter: QPainter, theme: Theme, accent: QColor) -> None:
        painter.setFont(self.look.label_font)
        painter.setPen(accent)
        top = -H / 2 + 7
        label = self.role.upper()
        painter.drawText(
            QRectF(-W / 2 + PAD, top, W - 2 * PAD, 14), Qt.AlignmentFlag.AlignLeft, label
        )
        if self.has_series:
            self._paint_series_marker(painter, accent, top)
        text = self.badge_text()
        if text:
            painter.setFont(self.look.badge_font)
            painter.setPen(theme.muted)
            painter.drawText(
                QRectF(-W / 2 + PAD, top - 1, W - 2 * PAD, 16), Qt.AlignmentFlag.AlignRight, text
            )

    def badge_text(self) -> str:
        """Credence and pull on the target, e.g. "67% · −20 pts" (what the header shows)."""
        return badge_text(self.pull, self.credence)

    def _paint_series_marker(self, painter: QPainter, accent: QColor, top: float) -> None:
        """A tiny rising chart after the kind label: this evidence is tied to a trend series."""
        x0 = -W / 2 + PAD + 78
        y0 = top + 11
        pts = [QPointF(x0 + dx, y0 - dy) for dx, dy in ((0, 0), (5, 3), (9, 2), (14, 8), (18, 10))]
        painter.setPen(QPen(accent, 1.6))
        painter.drawPolyline(QPolygonF(pts))

    def _paint_title(self, painter: QPainter, theme: Theme) -> None:
        if self._lines is None:
            self._lines = wrap_title(self.title, self.look.title_font, W - 2 * PAD)
        painter.setFont(self.look.title_font)
        painter.setPen(theme.text)
        y = -H / 2 + 26
        for line in self._lines:
            painter.drawText(
                QRectF(-W / 2 + PAD, y, W - 2 * PAD, 17), Qt.AlignmentFlag.AlignLeft, line
            )
            y += 16.5

    def _paint_bar(self, painter: QPainter, theme: Theme) -> None:
        if self.credence is None:
            return
        track = QRectF(-W / 2 + PAD, H / 2 - 10, W - 2 * PAD, 4)
        painter.fillRect(track, theme.bar_track)
        filled = QRectF(track.left(), track.top(), track.width() * self.credence, 4)
        painter.fillRect(filled, self.look.theme.kind(self.kind).accent)

    def _paint_collapsed(self, painter: QPainter, theme: Theme, border: QColor) -> None:
        """A pill under the box: how many nodes collapsing hides."""
        text = f"+{self.hidden_count}"
        pill = QRectF(-22, H / 2 - 2, 44, 16)
        painter.setPen(QPen(border, 1.2))
        painter.setBrush(theme.background)
        painter.drawRoundedRect(pill, 8, 8)
        painter.setFont(self.look.label_font)
        painter.setPen(theme.muted)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)


class EdgeItem(QGraphicsRectItem):
    """A link from a reason (below) to its target (above): green arrow or dashed red bar."""

    tree = True  # a link of the layout's spanning tree (the scene keeps it current)
    _path: QPainterPath | None = None
    _tile = None  # the scene's square this link is filed under (ui.map.scene._Tile)
    _boxes: list | None = None  # an extra link's route as boxes (`_curve_boxes`)
    box = (0.0, 0.0, 0.0, 0.0)  # rect() as (left, top, right, bottom), read without Qt
    hub = False  # a tree link into a hub: its comb (ui.map.bundle) strokes it

    def __init__(self, edge: Edge, source: NodeItem, target: NodeItem, look: Look) -> None:
        super().__init__()
        self.key = edge.key
        self.source = source
        self.target = target
        self.look = look
        self.relation = edge.relation
        self.strength = edge.strength
        self._width = self.width_for(edge.strength)
        self._line = QLineF()
        self.setFlags(EDGE_FLAGS)
        source.edges.append(self)
        target.edges.append(self)
        if not look.bulk:
            self.adjust()

    def set_edge(self, edge: Edge, strength: float | None) -> None:
        """Show the link with the strength it has where the user is (the active scenario;
        None = not yet weighed there)."""
        self.relation = edge.relation
        self.show_strength(strength)

    def show_strength(self, strength: float | None) -> None:
        """Width by strength, dotted while unweighed."""
        if strength == self.strength and self._width == self.width_for(strength):
            return
        self.strength = strength
        self._width = self.width_for(strength)
        self.adjust()
        self.update()

    def detach(self) -> None:
        for end in (self.source, self.target):
            if self in end.edges:
                end.edges.remove(self)

    @property
    def width(self) -> float:
        return self._width

    @staticmethod
    def width_for(strength: float | None) -> float:
        """Thicker for stronger links: ~1 px at λ=1 or unweighed, ~5 px at 'decisive' (λ=20)."""
        return 1.2 + 1.3 * math.log(max(1.0, strength or 1.0))

    @property
    def head_size(self) -> float:
        return 7 + self.width * 1.5

    def adjust(self) -> None:
        """Follow the end nodes after a move (plain floats: this runs for every link on open)."""
        a, b = self.source.pos(), self.target.pos()
        ax, ay, bx, by = a.x(), a.y(), b.x(), b.y()
        # Supporters arrive on the left half of the target, attackers on the right half.
        t = (ax - bx) / (3 * W)
        if self.relation == "supports":
            spread = -W * (0.1 + 0.28 * min(1.0, max(0.0, -t)))
        else:
            spread = W * (0.1 + 0.28 * min(1.0, max(0.0, t)))
        x1, y1, x2, y2 = ax, ay - H / 2, bx + spread, by + H / 2 + 3
        self._line = QLineF(x1, y1, x2, y2)
        self._path = self._boxes = None
        m = 14 + self._width
        bend = 0.0 if (self.tree and y1 > y2 + 2 * ROUND) else max(30.0, abs(y1 - y2) * 0.45)
        left, right = (x1, x2) if x1 < x2 else (x2, x1)
        top, bottom = (y1, y2) if y1 < y2 else (y2, y1)
        self.box = (left - m, top - m - bend, right + m, bottom + m + bend)
        self.setRect(
            left - m, top - m - bend, right - left + 2 * m, bottom - top + 2 * m + 2 * bend
        )
        if self._tile is not None:
            self._tile.cover(self.rect())

    def _bus(self, p1: QPointF, p2: QPointF) -> bool:
        return self.tree and p1.y() > p2.y() + 2 * ROUND

    def path(self) -> QPainterPath:
        """Links of the layout tree (reasons below their target run up, along a 'bus' just above the reason, and up into
        the target, like an org chart; extra links are S-curves, so they stand out."""
        if self._path is None:
            p1, tip = self._line.p1(), self._line.p2()
            p2 = QPointF(tip.x(), tip.y() + self.head_size * 0.8)
            path = QPainterPath(p1)
            if self._bus(p1, p2):
                ybus = p1.y() - min(BUS_RISE, (p1.y() - p2.y()) / 2)
                dx = p2.x() - p1.x()
                r = min(ROUND, abs(dx) / 2)
                sx = 1.0 if dx > 0 else -1.0
                path.lineTo(p1.x(), ybus + r)
                path.quadTo(p1.x(), ybus, p1.x() + sx * r, ybus)
                path.lineTo(p2.x() - sx * r, ybus)
                path.quadTo(p2.x(), ybus, p2.x(), ybus - r)
                path.lineTo(p2)
            else:
                bend = _bend(p1, p2)
                path.cubicTo(QPointF(p1.x(), p1.y() - bend), QPointF(p2.x(), p2.y() + bend), p2)
            self._path = path
        return self._path

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        return stroker.createStroke(self.path())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = painter.worldTransform().m11()
        flat = lod < FLAT_LOD  # drawn as one straight hairline, not along its route
        if self.hub and not self.isSelected() and (flat or self._bus(self._line.p1(), self._end())):
            return  # drawn with the other links into its target, as one comb (ui.map.bundle)
        if not (_line_meets(option.exposedRect, self._line, 2 / max(lod, 1e-6)) if flat
                else self._route_meets(option.exposedRect)):  # fmt: skip
            return
        theme = self.look.theme
        color = theme.supports if self.relation == "supports" else theme.attacks
        if flat:
            faint = QColor(color)
            faint.setAlphaF(self.far_alpha())
            painter.setPen(QPen(theme.selection if self.isSelected() else faint, 0))
            painter.drawLine(self._line)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.isSelected():
            painter.setPen(QPen(theme.selection, self.width + 6))
            painter.drawPath(self.path())
        if not self.tree:  # an extra link (graph, not tree): lighter, so the tree reads first
            color = QColor(color)
            color.setAlphaF(0.55)
        pen = QPen(color, self.width if self.tree else max(1.0, self.width * 0.7))
        if self.strength is None:  # nobody has weighed it: dotted, and it counts for nothing
            pen.setStyle(Qt.PenStyle.DotLine)
        elif self.relation == "attacks":
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        if pen.style() != Qt.PenStyle.SolidLine and self._bus(self._line.p1(), self._end()):
            self._stroke_runs(painter, pen, option.exposedRect)
        else:
            painter.drawPath(self.path())
        self._paint_end(painter, color)

    def _end(self) -> QPointF:
        """Where the route meets the end mark (just below the tip: `path`)."""
        tip = self._line.p2()
        return QPointF(tip.x(), tip.y() + self.head_size * 0.8)

    def _stroke_runs(self, painter: QPainter, pen: QPen, exposed: QRectF) -> None:
        """Stroke a dashed or dotted tree link piece by piece, only where it meets `exposed`.

        Qt lays out every dash of a path before clipping it: a link into a hub runs tens of
        thousands of pixels, so at 100 % one frame over the thesis made millions of dots
        (~0.3 ms per link, 50-90 ms per frame). Each straight run is cut to the exposed
        area and its dashes start where they would on the whole route (`setDashOffset`, in
        pen widths), so the pattern does not crawl as the view pans."""
        p1, p2 = self._line.p1(), self._end()
        x1, y1, x2, y2 = p1.x(), p1.y(), p2.x(), p2.y()
        ybus = y1 - min(BUS_RISE, (y1 - y2) / 2)
        r = min(ROUND, abs(x2 - x1) / 2)
        sx = 1.0 if x2 > x1 else -1.0
        pad = pen.widthF() + 2
        clip = exposed.adjusted(-pad, -pad, pad, pad)
        unit = max(pen.widthF(), 1.0)
        corner = 1.1478 * r  # length of a quadratic corner of radius r
        runs = (
            ((x1, y1), (x1, ybus + r)),
            ((x1 + sx * r, ybus), (x2 - sx * r, ybus)),
            ((x2, ybus - r), (x2, y2)),
        )
        corners = (
            ((x1, ybus + r), (x1, ybus), (x1 + sx * r, ybus)),
            ((x2 - sx * r, ybus), (x2, ybus), (x2, ybus - r)),
        )
        done = 0.0  # route length before the current piece
        for i, ((ax, ay), (bx, by)) in enumerate(runs):
            length = abs(bx - ax) + abs(by - ay)  # each run is vertical or horizontal
            cut = _clip_run(ax, ay, bx, by, clip)
            if cut is not None:
                t0, t1 = cut
                pen.setDashOffset((done + t0 * length) / unit)
                painter.setPen(pen)
                painter.drawLine(QLineF(ax + (bx - ax) * t0, ay + (by - ay) * t0,
                                        ax + (bx - ax) * t1, ay + (by - ay) * t1))  # fmt: skip
            done += length
            if i < 2 and r > 0:
                (ax, ay), (cx, cy), (bx, by) = corners[i]
                box = QRectF(min(ax, bx), min(ay, by), abs(bx - ax), abs(by - ay))
                if box.adjusted(-1, -1, 1, 1).intersects(clip):
                    bend = QPainterPath(QPointF(ax, ay))
                    bend.quadTo(cx, cy, bx, by)
                    pen.setDashOffset(done / unit)
                    painter.setPen(pen)
                    painter.drawPath(bend)
                done += corner

    def far_alpha(self) -> float:
        """Opacity zoomed out: still green or red, but the labels read first; an extra
        (cross) link, whose long line would cross the map, is a trace until one of its ends
        is selected."""
        if self.tree or self.source.isSelected() or self.target.isSelected():
            return FADED + 0.1
        return CROSS_FADED

    def _route_meets(self, exposed: QRectF) -> bool:
        """Whether the drawn route of a tree link (three straight runs and the end mark) can
        touch `exposed`; curves and anything unsure count as touching."""
        if exposed.isEmpty() or exposed.contains(self.rect()):
            return True
        p1, tip = self._line.p1(), self._line.p2()
        end = tip.y() + self.head_size * 0.8  # where the route meets the end mark (`path`)
        pad = self.width + 6 + self.head_size  # the selection halo and the arrowhead
        if not (self.tree and p1.y() > end + 2 * ROUND):
            if self._boxes is None:  # made once per route: a hub's repaint asks hundreds
                self._boxes = _curve_boxes(p1.x(), p1.y(), tip.x(), tip.y(), end, pad)
            left, top = exposed.left(), exposed.top()
            right, bottom = exposed.right(), exposed.bottom()
            return any(a < right and c > left and b < bottom and d > top
                       for a, b, c, d in self._boxes)  # fmt: skip
        ybus = p1.y() - min(BUS_RISE, (p1.y() - end) / 2)
        x1, x2 = p1.x(), tip.x()
        above = 1.5  # the route ends below the tip (`path`): only the arrowhead's antialiasing
        runs = (
            (x1 - pad, ybus - pad, x1 + pad, p1.y() + pad),  # up from the reason
            (min(x1, x2) - pad, ybus - pad, max(x1, x2) + pad, ybus + pad),  # along the bus
            (x2 - pad, tip.y() - above, x2 + pad, ybus + pad),  # up into the target
        )
        left, top, right, bottom = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        return any(a < right and c > left and b < bottom and d > top for a, b, c, d in runs)

    def _paint_end(self, painter: QPainter, color: QColor) -> None:
        """Arrowhead for supports, a flat bar (⊣) for attacks, at the target's edge."""
        tip = self._line.p2()
        size = self.head_size
        painter.setPen(
            QPen(color, max(2.0, self.width), Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
        )
        if self.relation == "supports":
            painter.setBrush(color)
            head = QPolygonF(
                [
                    tip,
                    QPointF(tip.x() - size * 0.6, tip.y() + size),
                    QPointF(tip.x() + size * 0.6, tip.y() + size),
                ]
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPolygon(head)
        else:
            y = tip.y() + 2
            painter.drawLine(QPointF(tip.x() - size * 0.8, y), QPointF(tip.x() + size * 0.8, y))


def _clip_run(
    ax: float, ay: float, bx: float, by: float, rect: QRectF
) -> tuple[float, float] | None:
    """The part (t0, t1 along a→b) of a horizontal or vertical run inside `rect`, or None."""
    t0, t1 = 0.0, 1.0
    for a, b, low, high in ((ax, bx, rect.left(), rect.right()),
                            (ay, by, rect.top(), rect.bottom())):  # fmt: skip
        if a == b:
            if not low <= a <= high:
                return None
            continue
        ta, tb = (low - a) / (b - a), (high - a) / (b - a)
        if ta > tb:
            ta, tb = tb, ta
        t0, t1 = max(t0, ta), min(t1, tb)
        if t0 >= t1:
            return None
    return t0, t1


def _line_meets(exposed: QRectF, line: QLineF, pad: float) -> bool:
    """Whether a straight line (within `pad`) can touch `exposed`: its box meets the rect and
    the rect's corners do not all lie on one side of it."""
    x1, y1, x2, y2 = line.x1(), line.y1(), line.x2(), line.y2()
    left, top = exposed.left() - pad, exposed.top() - pad
    right, bottom = exposed.right() + pad, exposed.bottom() + pad
    if max(x1, x2) < left or min(x1, x2) > right or max(y1, y2) < top or min(y1, y2) > bottom:
        return exposed.isEmpty()
    dx, dy = x2 - x1, y2 - y1
    sides = [dx * (cy - y1) - dy * (cx - x1) for cx, cy in
             ((left, top), (right, top), (left, bottom), (right, bottom))]  # fmt: skip
    return min(sides) <= 0 <= max(sides)


CURVE_STEPS = 32


def _curve_boxes(x1: float, y1: float, tx: float, ty: float, end: float, pad: float) -> list:
    """Boxes (left, top, right, bottom) that together hold an extra link's S-curve
    (`EdgeItem.path`: p1 to (tx, end), control points `_bend` above and below) and its end
    mark at (tx, ty): CURVE_STEPS chords, each widened by how far a cubic can stray from its
    chord (max |B''| · step² / 8) and by `pad`."""
    bend = max(30.0, abs(y1 - end) * 0.45)
    c1x, c1y, c2x, c2y = x1, y1 - bend, tx, end + bend
    ax, ay = x1 - 2 * c1x + c2x, y1 - 2 * c1y + c2y
    bx, by = c1x - 2 * c2x + tx, c1y - 2 * c2y + end
    stray = 6 * max(math.hypot(ax, ay), math.hypot(bx, by)) / (8 * CURVE_STEPS**2) + pad
    boxes = [(tx - pad, ty - pad, tx + pad, end + pad)]
    px, py = x1, y1
    for i in range(1, CURVE_STEPS + 1):
        t = i / CURVE_STEPS
        u = 1 - t
        a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
        qx = a * x1 + b * c1x + c * c2x + d * tx
        qy = a * y1 + b * c1y + c * c2y + d * end
        boxes.append((min(px, qx) - stray, min(py, qy) - stray,
                      max(px, qx) + stray, max(py, qy) + stray))  # fmt: skip
        px, py = qx, qy
    return boxes


def _bend(p1: QPointF, p2: QPointF) -> float:
    """How far the curve's control points reach vertically."""
    return max(30.0, abs(p1.y() - p2.y()) * 0.45)
