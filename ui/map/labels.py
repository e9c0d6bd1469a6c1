"""Readable labels over the zoomed-out map (semantic zoom; rules in `model.labels`).

One item over the whole scene paints, when the zoom is too far out for card titles, a small
card of fixed screen size for each chosen node: its kind, credence and pull on its target,
and its title in full. Its left edge is green for a supporting reason and red (dashed) for an
attacking one, so the relation reads at any zoom. The choice is cached per zoom level and
made from at most a few thousand candidates, so a frame costs the same at 100 or 100,000 nodes.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from model.labels import LINE, WIDTHS, choose_labels
from model.layout import NODE_H, NODE_W
from ui.map.items import TEXT_LOD, badge_text, wrap_title

if TYPE_CHECKING:
    from ui.map.scene import MapScene

PAD = 7.0
HEAD = 17.0
MAX_LINES = 7
ROOM = 20.0  # screen pixels a label may reach past the map's box (MapView.FIT_ROOM)
#: A label's kind word, longest first: a narrower label takes a shorter form, and the
#: shortest always fits, so every label says what its card is (a narrow one used to drop it).
ROLE_FORMS = {
    "THESIS": ("THESIS", "TH"),
    "CLAIM": ("CLAIM", "CLM"),
    "COUNTERCLAIM": ("COUNTERCLAIM", "COUNTER", "CTR"),
    "EVIDENCE": ("EVIDENCE", "EVID", "EV"),
}
GAP = "  "  # between the kind and the numbers
DENSITY = 36_000  # screen pixels of map per label beyond the thesis and its reasons


def _font(px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    return font


#: At most this many selected nodes get a label of their own over the placed ones (Select All on
#: a big map must not draw thousands of labels a frame).
SELECTED_LABELS = 60
SELECTED_WIDTH = WIDTHS[1]  # px: a selected node's own label, as a placed one of middle width

SETTLE_FROM = 3000  # maps with this many cards place their labels once a zoom pauses
SETTLE_MS = 150  # a pause this long ends a zoom gesture (wheel steps come 15-60 ms apart)


def fit_head(
    role: str,
    pull: float | None,
    credence: float | None,
    width: float,
    measure: Callable[[str], float],
) -> tuple[str, str]:
    """The kind word and the numbers a label's header line of `width` shows, side by side
    without overlapping (`measure` gives a text's width in the header's font).

    The kind is never dropped: the numbers ("−1.5 pts · 50%") first keep their full form
    beside a shorter kind word (COUNTERCLAIM, COUNTER, CTR), then keep only the pull, then
    only the credence; if even that does not fit, the shortest kind word stands alone."""
    forms = ROLE_FORMS.get(role, (role,))
    badges = [badge_text(pull, credence), badge_text(pull, None), badge_text(None, credence)]
    for badge in dict.fromkeys(b for b in badges if b):
        for form in forms:
            if measure(form + GAP + badge) <= width:
                return form, badge
    if not any(badges):
        return next((f for f in forms if measure(f) <= width), forms[-1]), ""
    return forms[-1], ""


class LabelLayer(QGraphicsItem):
    """Paints the semantic-zoom labels; the scene tells it when the map or values change."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__()
        self._scene = scene
        self._cache: dict[float, list] = {}
        self._lines: dict[tuple[str, float], list[str]] = {}
        self.title_font = _font(11)
        self.head_font = _font(10, bold=True)
        self.setZValue(8)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # paint() gets the exposed part, not the whole scene, so a frame draws only its labels
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self._metrics = QFontMetricsF(self.title_font)
        self._line_count: dict[tuple[str, float], int] = {}
        self._exact: set[str] = set()  # ids whose titles are wrapped for real when placing
        self._titles: dict[str, str] = {}  # the title each measured or wrapped id had
        # Placing labels over a 100,000-node map takes ~0.1 s per zoom level: while a zoom
        # goes on, frames show the nearest placed level's labels moved with their cards
        self._interim: dict[float, list] = {}
        self._settle = QTimer(scene)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled)

    def title_changed(self, nid: str, title: str) -> bool:
        """Whether `nid` was measured with another title (its wrapping must be redone)."""
        old = self._titles.get(nid)
        return old is not None and old != title

    def _title(self, nid: str) -> str:
        title = self._scene.title(nid) if nid in self._scene.amap.graph else ""
        self._titles[nid] = title
        return title

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._scene.sceneRect()

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never hit: clicks and menus go to the cards underneath

    def contains(self, point) -> bool:  # noqa: ANN001
        return False

    def label_at(self, pos, scale: float) -> str | None:  # noqa: ANN001
        """The node whose label covers scene point `pos` at `scale` (labels are drawn only
        when zoomed out), so a click on a label means that node, not whatever lies under it."""
        if scale >= TEXT_LOD or scale <= 0 or not self.isVisible():
            return None
        x, y = pos.x() * scale, pos.y() * scale
        for nid, lx, ly, w, h in reversed(self.placements(scale)):  # painted last = on top
            if lx <= x <= lx + w and ly <= y <= ly + h:
                return nid
        return None

    def invalidate(self, titles: bool = False, geometry: bool = True) -> None:
        """Forget the placements (layout or order changed) and, with `titles`, the wrapping.

        Without `geometry` (only the order moved, e.g. a pull after a weight edit) the layer
        repaints only if a view shows labels now: its rectangle is the whole scene, so an
        update would otherwise repaint every visible card and link for one changed badge."""
        self._cache.clear()
        self._interim.clear()
        if titles:
            self._lines.clear()
            self._line_count.clear()
            self._titles.clear()
        if geometry:
            self.prepareGeometryChange()
            self.update()
        elif any(0 < v.transform().m11() < TEXT_LOD for v in self._scene.views()):
            self.update()

    def repaint_labels(self, ids: set[str]) -> None:
        """Repaint the labels of these nodes (their selection changed): a label is bigger than
        the small card under it, so the card's own repaint would leave its ring stale."""
        for view in self._scene.views():
            scale = view.transform().m11()
            if not 0 < scale < TEXT_LOD:
                continue
            pen = 2 / scale  # the ring is drawn half outside the label
            placed = self.shown_placements(scale)
            labelled = {p[0] for p in placed}
            own = [self._own_label(nid, scale) for nid in ids if nid not in labelled]
            if any(own):  # a selected card's own label: one kept clear of it may now show
                self.update()
                continue
            for nid, x, y, w, h in [*placed, *(o for o in own if o is not None)]:
                if nid in ids:
                    rect = QRectF(x / scale, y / scale, w / scale, h / scale)
                    self.update(rect.adjusted(-pen, -pen, pen, pen))

    def selected_labels(self, scale: float) -> list[tuple[str, float, float, float, float]]:
        """Labels, in screen pixels, for selected nodes the placement left out (a new card
        among many labelled ones): drawn over the others on their own cards, so what the user
        selected — an import's new cards, a found node — reads at any zoom, not as a box.
        They keep clear of each other: of selected cards closer than a label (an import's
        block, zoomed out), the first in reading order gets one and the rest stay boxes, not a
        heap of labels each hiding the one before."""
        ids = self._scene.selected_node_ids()
        if not ids or len(ids) > SELECTED_LABELS or not 0 < scale < TEXT_LOD:
            return []
        labelled = {p[0] for p in self.shown_placements(scale)}
        own = [self._own_label(nid, scale) for nid in ids if nid not in labelled]
        kept: list[tuple[str, float, float, float, float]] = []
        for label in sorted((o for o in own if o is not None), key=lambda o: (o[2], o[1])):
            _, x, y, w, h = label
            if all(x >= a + c or a >= x + w or y >= b + d or b >= y + h for _, a, b, c, d in kept):
                kept.append(label)
        return kept

    def _own_label(self, nid: str, scale: float) -> tuple[str, float, float, float, float] | None:
        pos = self._scene.layout.positions.get(nid)
        if pos is None:  # in a collapsed branch: no card to label
            return None
        left, top = (pos[0] - NODE_W / 2) * scale, (pos[1] - NODE_H / 2) * scale
        return (nid, left, top, SELECTED_WIDTH, self.height(nid, SELECTED_WIDTH))

    def lines(self, nid: str, width: float) -> list[str]:
        """The title wrapped for a label of `width` (in at most the lines it was given room
        for: the last one is elided if the estimate fell short)."""
        key = (nid, width)
        if key not in self._lines:
            title = self._title(nid)
            room = self.line_count(nid, width)
            self._lines[key] = wrap_title(title, self.title_font, width - 2 * PAD - 8, room)
        return self._lines[key]

    def line_count(self, nid: str, width: float) -> int:
        """Lines a title needs at `width`: wrapped exactly for the thesis and its reasons,
        estimated from the printed length for the others (no text layout: this runs for
        thousands of candidates when a big map is zoomed out), with room for ragged ends."""
        key = (nid, width)
        if key not in self._line_count and nid in self._exact:
            title = self._title(nid)
            lines = wrap_title(title, self.title_font, width - 2 * PAD - 8, MAX_LINES)
            self._lines[key] = lines
            self._line_count[key] = len(lines)
        if key not in self._line_count:
            advance = self._metrics.horizontalAdvance(self._title(nid))
            usable = width - 2 * PAD - 8
            self._line_count[key] = min(MAX_LINES, max(1, math.ceil(advance * 1.22 / usable)))
        return self._line_count[key]

    def height(self, nid: str, width: float) -> float:
        return HEAD + LINE * self.line_count(nid, width) + PAD + 4

    def placements(self, scale: float) -> list[tuple[str, float, float, float, float]]:
        """(id, x, y, w, h) in screen pixels of the labels shown at `scale` (cached)."""
        key = round(scale, 5)
        if key not in self._cache:
            if len(self._cache) > 24:
                self._cache.clear()
            collecting = gc.isenabled()
            gc.disable()  # thousands of small tuples: no full collection in the middle of a frame
            try:
                self._cache[key] = self._place(scale)
            finally:
                if collecting:
                    gc.enable()
        return self._cache[key]

    def shown_placements(self, scale: float) -> list[tuple[str, float, float, float, float]]:
        """What a frame at `scale` draws: the placement for that zoom, except on a big map in
        the middle of a zoom, where the labels of the nearest placed zoom follow their cards
        and the real placement waits until the zoom pauses (frames stay < 30 ms)."""
        key = round(scale, 5)
        if key in self._cache or not self._cache or len(self._scene.layout.positions) < SETTLE_FROM:
            return self.placements(scale)
        self._settle.start()  # restarted by every step of the zoom
        if key not in self._interim:
            if len(self._interim) > 24:
                self._interim.clear()
            self._interim[key] = self._moved(scale)
        return self._interim[key]

    def _moved(self, scale: float) -> list[tuple[str, float, float, float, float]]:
        """The nearest placed zoom's labels at `scale`: each keeps its size in pixels and its
        offset from its card's corner, so it stays on its card (overlaps are possible)."""
        near = min(self._cache, key=lambda s: abs(math.log(s / scale)))
        positions, grow = self._scene.layout.positions, scale - near
        moved = []
        for nid, x, y, w, h in self._cache[near]:
            pos = positions.get(nid)
            if pos is not None:
                left, top = pos[0] - NODE_W / 2, pos[1] - NODE_H / 2
                moved.append((nid, x + left * grow, y + top * grow, w, h))
        return moved

    def _settled(self) -> None:
        """The zoom paused: place the labels for the zoom each view shows, and show them."""
        scales = {round(v.transform().m11(), 5) for v in self._scene.views()}
        todo = [s for s in scales if 0 < s < TEXT_LOD and s not in self._cache]
        for scale in todo:
            self.placements(scale)
        if todo:
            self.update()

    def _place(self, scale: float) -> list[tuple[str, float, float, float, float]]:
        positions = self._scene.layout.positions
        order = self._scene.label_order()
        cands = [
            (nid, positions[nid][0] - NODE_W / 2, positions[nid][1] - NODE_H / 2, NODE_W, NODE_H)
            for nid in order
            if nid in positions
        ]
        rect = self._scene.items_rect()
        room = ROOM / scale  # the view keeps this many pixels round a fitted map
        bounds = (rect.left() - room, rect.top() - room, rect.right() + room,
                  rect.bottom() + room)  # fmt: skip
        reserve = self._scene.label_reserve()
        self._exact = set(order[:reserve])
        area = rect.width() * rect.height() * scale * scale
        limit = max(reserve, int(area / DENSITY))
        return choose_labels(cands, scale, self.height, bounds, limit, reserve)

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001
        scale = painter.worldTransform().m11()
        if scale >= TEXT_LOD or scale <= 0:
            return
        exposed = option.exposedRect
        view = QRectF(
            exposed.left() * scale, exposed.top() * scale,
            exposed.width() * scale, exposed.height() * scale,
        )  # fmt: skip
        painter.save()
        painter.scale(1 / scale, 1 / scale)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for nid, x, y, w, h in [*self.shown_placements(scale), *self.selected_labels(scale)]:
            rect = QRectF(x, y, w, h)
            if rect.intersects(view):
                self._paint_label(painter, nid, rect)
        painter.restore()

    def _paint_label(self, painter: QPainter, nid: str, rect: QRectF) -> None:
        scene = self._scene
        if nid not in scene.amap.graph:
            return
        theme = scene.look.theme
        style = theme.kind(scene.kind(nid))
        selected = scene.is_selected(nid)
        painter.setPen(QPen(theme.selection, 2.5) if selected else QPen(style.border, 1.2))
        painter.setBrush(style.fill)
        painter.drawRoundedRect(rect, 6, 6)
        relation = self._scene.relation_to_parent(nid)
        if relation is not None:
            colour = theme.supports if relation == "supports" else theme.attacks
            pen = QPen(colour, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
            if relation == "attacks":
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(rect.left() + 2, rect.top() + 5, rect.left() + 2, rect.bottom() - 5)
        inner = rect.adjusted(PAD + 7, 3, -PAD, -PAD)  # clear of the side stripe
        painter.setFont(self.head_font)
        head = QRectF(inner.left(), inner.top(), inner.width(), HEAD - 3)
        metrics = painter.fontMetrics()
        role, badge = fit_head(scene.role(nid).upper(), scene.pull(nid), scene.credence(nid),
                               inner.width(), metrics.horizontalAdvance)  # fmt: skip
        painter.setPen(style.accent)
        painter.drawText(head, Qt.AlignmentFlag.AlignLeft, role)
        painter.setPen(theme.muted)
        painter.drawText(head, Qt.AlignmentFlag.AlignRight, badge)
        painter.setFont(self.title_font)
        painter.setPen(theme.text)
        y = inner.top() + HEAD - 2
        for line in self.lines(nid, rect.width()):
            painter.drawText(QRectF(inner.left(), y, inner.width(), LINE + 2),
                             Qt.AlignmentFlag.AlignLeft, line)  # fmt: skip
            y += LINE
