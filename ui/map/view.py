"""The map view: zoom around the cursor, pan, fit, and walk the map with the arrow keys.

The view holds no map state: it tells the scene its zoom (so far-out frames use the cached
overview image) and reports zoom and scroll changes for the minimap.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QToolTip, QWidget

from model.layout import NODE_H, NODE_W
from ui.map.items import NodeItem, format_pull
from ui.map.scene import MapScene

MIN_ZOOM = 0.0002  # a fitted 100,000-node map is ~0.0015
MAX_ZOOM = 4.0
FIT_MAX = 1.0  # fitting a small map never blows it up beyond 100 %
READABLE = 0.45  # titles are drawn from this zoom on (ui.map.items.TEXT_LOD)
FOUND_ZOOM = 0.8  # Find and inspector links show the node at this zoom if it was smaller
FIT_ROOM = 20  # pixels left round a fitted map, where labels may reach (ui.map.labels.ROOM)
LABEL_ROOM = (184, 110)  # px a zoomed-out card's label takes: the widest, in five lines
NAV_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)


class MapView(QGraphicsView):
    """A `QGraphicsView` tuned for big maps; see the module docstring."""

    zoomChanged = Signal(float)  # noqa: N815
    viewportMoved = Signal()  # noqa: N815
    #: a frame of the map was painted (the document writes the edit it shows right after)
    framePainted = Signal()  # noqa: N815
    resized = Signal()  # e.g. to keep an overlaid minimap in a corner without an event filter

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPointF | None = None
        self._space = False
        #: fit the map again when the view is resized, until the user zooms or scrolls
        self.auto_fit = False
        #: the editing controller: gets mouse, key and context-menu events first
        self.gestures = None
        self.horizontalScrollBar().valueChanged.connect(self.viewportMoved)
        self.verticalScrollBar().valueChanged.connect(self.viewportMoved)
        # a big map has items only where a view has been: build those it is about to show
        self.viewportMoved.connect(self._reveal)

    def map_scene(self) -> MapScene:
        return self.scene()  # type: ignore[return-value]

    # ------------------------------------------------------------------ zoom
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, value: float) -> None:
        value = min(MAX_ZOOM, max(MIN_ZOOM, value))
        factor = value / self.zoom()
        if factor != 1.0:
            self.scale(factor, factor)
        self._zoomed()

    def zoom_by(self, factor: float) -> None:
        self.set_zoom(self.zoom() * factor)

    def zoom_in(self) -> None:
        self.auto_fit = False
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.zoom_by(1.25)
        self.setTransformationAnchor(anchor)

    def zoom_out(self) -> None:
        self.auto_fit = False
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.zoom_by(0.8)
        self.setTransformationAnchor(anchor)

    def zoom_to_fit(self) -> None:
        """Show the whole map (small maps at 100 %), laid out for this view's shape first, so
        a wide window gets a wide block and a tall one a tall block, never a strip."""
        view = self.viewport().rect()
        if view.height() > 0 and self.isVisible():  # hidden: not yet its real shape
            self.map_scene().set_target_aspect(view.width() / view.height())
        self.fit_rect(self.map_scene().items_rect(), FIT_ROOM)

    def home(self) -> None:
        """The opening view: the whole map, fitted. Zoomed out, the thesis and its most
        important reasons keep readable labels (semantic zoom), so this reads at any size.
        Until the user zooms or pans, the view fits again as the window settles its size."""
        self.auto_fit = True
        if not self.viewport().rect().isEmpty():
            self.zoom_to_fit()

    def zoom_to_selection(self) -> None:
        """Show the selected nodes (or the whole map when nothing is selected)."""
        self.auto_fit = False
        ids = [i.node_id for i in self.map_scene().selectedItems() if isinstance(i, NodeItem)]
        if not self.frame_nodes(ids):
            self.zoom_to_fit()

    def frame_nodes(self, node_ids: list[str], margin: float = 60, readable: bool = False) -> bool:
        """Fit these nodes' cards in the view, centred, zooming in or out as Zoom to Selection
        does and never above 100 % (one new card is shown at its own size, not blown up).
        With `readable`, cards that fit only below the zoom where titles are drawn are shown
        at that zoom instead, from their block's top left (an import's first cards, nearest
        its target), rather than as a heap of overlapping labels.
        False if none of them has a card on the map (hidden in a collapsed branch)."""
        scene = self.map_scene()
        rect = QRectF()
        for nid in node_ids:
            item = scene.node_item(nid)
            if item is not None and item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        if rect.isEmpty():
            return False
        self.auto_fit = False  # the window settling its size must not re-fit the whole map
        rect = rect.adjusted(-margin, -margin, margin, margin)
        self.fit_rect(rect)
        if readable and self.zoom() < READABLE:
            self.set_zoom(READABLE)
            seen = self.visible_scene_rect()
            self.centerOn(rect.left() + seen.width() / 2, rect.top() + seen.height() / 2)
            return True
        for _ in range(3):  # zoomed out, a card is drawn as a label of fixed screen size
            zoom = self.zoom()
            if zoom >= READABLE:
                break
            # room for the labels, which hang right and down from their cards' corners
            grow_w = max(0.0, LABEL_ROOM[0] / zoom - NODE_W)
            grow_h = max(0.0, LABEL_ROOM[1] / zoom - NODE_H)
            self.fit_rect(rect.adjusted(0, 0, grow_w, grow_h))
        return True

    def fit_rect(self, rect: QRectF, room: int = 0) -> None:
        """Show `rect` whole and centred, `room` pixels clear of the edges, never above 100 %."""
        view = self.viewport().rect()
        if rect.isEmpty() or view.isEmpty():
            return
        fit = min(
            max(1, view.width() - 2 * room) / rect.width(),
            max(1, view.height() - 2 * room) / rect.height(),
        )
        self.set_zoom(min(FIT_MAX, fit))
        self.centerOn(rect.center())

    def center_on_node(self, node_id: str, select: bool = False) -> None:
        """Scroll a node into the middle of the view (find results, inspector links)."""
        self.auto_fit = False
        scene = self.map_scene()
        item = scene.node_item(node_id)
        if item is None:
            return
        if select:
            scene.select_nodes([node_id])
        if self.zoom() < READABLE:
            self.set_zoom(FOUND_ZOOM)  # a found node is read, not a few grey bars
        self.centerOn(item)

    def show_nodes(self, node_ids: list[str], margin: float = 60, readable: bool = False) -> None:
        """Bring these nodes into view together (a new reason and its target): scroll if
        they fit at this zoom, else zoom out just enough. With `readable`, a zoomed-out view
        first zooms in to where card titles are drawn (a new card under its target's
        zoomed-out label would be invisible), as far as both still fit."""
        scene = self.map_scene()
        rect = QRectF()
        for nid in node_ids:
            item = scene.node_item(nid)
            if item is not None and item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        if rect.isEmpty():
            return
        rect = rect.adjusted(-margin, -margin, margin, margin)
        view = self.viewport().rect()
        if readable and self.zoom() < READABLE and not view.isEmpty():
            fit = min(view.width() / rect.width(), view.height() / rect.height())
            self.auto_fit = False
            self.set_zoom(min(FOUND_ZOOM, fit))
            self.centerOn(rect.center())
            return
        if self.visible_scene_rect().contains(rect):
            return
        self.auto_fit = False
        if (
            rect.width() * self.zoom() <= view.width()
            and rect.height() * self.zoom() <= view.height()
        ):
            self.centerOn(rect.center())
        else:
            zoom = min(view.width() / rect.width(), view.height() / rect.height())
            self.set_zoom(min(self.zoom(), zoom))
            self.centerOn(rect.center())

    def _reveal(self) -> None:
        scene = self.scene()
        if isinstance(scene, MapScene):
            scene.reveal_views()

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def _zoomed(self) -> None:
        self.map_scene().set_view_scale(self.zoom())
        self.zoomChanged.emit(self.zoom())
        self.viewportMoved.emit()

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        scene = self.scene()
        if isinstance(scene, MapScene):
            scene.frame_painted()
        self.framePainted.emit()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._reveal()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.auto_fit:
            self.zoom_to_fit()
        self.resized.emit()
        self.viewportMoved.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        self.auto_fit = False
        delta = event.angleDelta().y() or event.angleDelta().x()
        if delta:
            self.zoom_by(1.0015**delta)
        event.accept()

    # ------------------------------------------------------------------- pan
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        middle = event.button() == Qt.MouseButton.MiddleButton
        if middle or (self._space and event.button() == Qt.MouseButton.LeftButton):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if self._press_label(event):
            return
        if self.gestures is not None and self.gestures.press(event):
            event.accept()
            return
        super().mousePressEvent(event)

    def _press_label(self, event: QMouseEvent) -> bool:
        """A click on a zoomed-out label selects that node (Ctrl toggles it), never the small
        cards the label covers."""
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        scene = self.map_scene()
        nid = scene.label_at(self.mapToScene(event.position().toPoint()))
        if nid is None:
            return False
        ids = scene.selected_node_ids()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            ids = [i for i in ids if i != nid] if nid in ids else [*ids, nid]
        else:
            ids = [nid]
        scene.select_nodes(ids)
        event.accept()
        return True

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_from is not None:
            self.auto_fit = False
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() - round(delta.x()))
            v.setValue(v.value() - round(delta.y()))
            event.accept()
            return
        if self.gestures is not None and self.gestures.move(event):
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(
                Qt.CursorShape.OpenHandCursor if self._space else Qt.CursorShape.ArrowCursor
            )
            event.accept()
            return
        if self.gestures is not None and self.gestures.release(event):
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        nid = self.map_scene().label_at(self.mapToScene(event.position().toPoint()))
        if nid is not None and event.button() == Qt.MouseButton.LeftButton:
            self.center_on_node(nid, select=True)  # zoom in to read and edit it
            event.accept()
            return
        if self.gestures is not None and self.gestures.double_click(event):
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        if self.gestures is not None and self.gestures.context(event):
            event.accept()
            return
        super().contextMenuEvent(event)

    # ------------------------------------------------------------- keyboard
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.scene() is not None and self.scene().focusItem() is not None:
            super().keyPressEvent(event)  # typing into an item (inline title editor)
            return
        if self.gestures is not None and self.gestures.key(event):
            event.accept()
            return
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if event.key() in NAV_KEYS and not event.modifiers():
            self.navigate(event.key())
            event.accept()
            return
        if event.key() == Qt.Key.Key_Backspace and not event.modifiers():
            self.navigate(Qt.Key.Key_Up)  # as in the focus view: Backspace goes up, never deletes
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            item = self.map_scene().node_at(self.mapToScene(event.pos()))
            text = self.card_tip(item.node_id) if item is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def card_tip(self, node_id: str) -> str:
        """What a card's numbers mean, in words, for the node under the mouse."""
        scene = self.map_scene()
        item = scene.node_item(node_id)
        if item is None:
            return ""
        lines = [item.title]
        if item.credence is not None:
            lines.append(f"{item.credence:.0%}: how likely it is, given the reasons under it")
        target = scene.primary_target(node_id)
        if item.pull is not None and target is not None and target in scene.amap:
            name = scene.amap.node(target).title
            short = name if len(name) <= 60 else name[:59] + "…"
            lines.append(f"{format_pull(item.pull)}: how far it moves “{short}” (percentage "
                         "points it would lose, or gain, without this reason)")  # fmt: skip
        return "\n".join(lines)

    def navigate(self, key: Qt.Key) -> None:
        """Move the selection: up to the target, down to the first reason, sideways to siblings."""
        scene = self.map_scene()
        selected = scene.selected_node_ids()
        if not selected:
            thesis = scene.amap.thesis
            first = thesis.id if thesis is not None else next(iter(scene.layout.positions), None)
            if first is not None:
                self._go(first)
            return
        current = selected[-1]
        lay = scene.layout
        parent = lay.parent.get(current)
        if key == Qt.Key.Key_Up:
            target = parent
        elif key == Qt.Key.Key_Down:
            kids = lay.children.get(current, [])
            target = kids[0] if kids else None
        else:
            step = -1 if key == Qt.Key.Key_Left else 1
            target = self._beside(current, parent, step)
        if target is not None and target in lay.positions:
            self._go(target)

    def _beside(self, current: str, parent: str | None, step: int) -> str | None:
        lay = self.map_scene().layout
        siblings = lay.children.get(parent, []) if parent is not None else []
        if current in siblings:
            i = siblings.index(current) + step
            if 0 <= i < len(siblings):
                return siblings[i]
        x, y = lay.positions[current]
        row = [
            (abs(px - x), nid)
            for nid, (px, py) in lay.positions.items()
            if abs(py - y) < 1 and (px - x) * step > 0
        ]
        return min(row)[1] if row else None

    def _go(self, node_id: str) -> None:
        self.auto_fit = False
        scene = self.map_scene()
        scene.select_nodes([node_id])
        item = scene.node_item(node_id)
        if item is not None:
            self.ensureVisible(item, 40, 40)
