"""An overview of the whole map with the view's rectangle on it; click or drag to go there.

It paints the scene's cached overview image (one drawImage per frame, whatever the map's
size) and the visible rectangle, so it stays cheap for 100,000 nodes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRect, QRectF, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.map.view import MapView


class Minimap(QWidget):
    """Overview widget for a `MapView`."""

    def __init__(self, view: MapView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setMinimumSize(120, 80)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Overview: click or drag to move the view")
        view.viewportMoved.connect(self.update)
        view.map_scene().layoutChanged.connect(self.update)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(240, 160)

    def _frame(self) -> tuple[QRectF, QRectF]:
        """(map rect in scene units, where it is drawn in the widget), aspect kept."""
        source = self.view.map_scene().overview_rect()
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        if source.isEmpty() or area.isEmpty():
            return source, area
        scale = min(area.width() / source.width(), area.height() / source.height())
        w, h = source.width() * scale, source.height() * scale
        target = QRectF(area.center().x() - w / 2, area.center().y() - h / 2, w, h)
        return source, target

    def to_scene(self, point: QPointF) -> QPointF:
        source, target = self._frame()
        if target.isEmpty():
            return source.center()
        fx = (point.x() - target.left()) / target.width()
        fy = (point.y() - target.top()) / target.height()
        return QPointF(source.left() + fx * source.width(), source.top() + fy * source.height())

    def to_widget(self, rect: QRectF) -> QRectF:
        source, target = self._frame()
        if source.isEmpty():
            return QRectF()
        sx, sy = target.width() / source.width(), target.height() / source.height()
        return QRectF(
            target.left() + (rect.left() - source.left()) * sx,
            target.top() + (rect.top() - source.top()) * sy,
            rect.width() * sx,
            rect.height() * sy,
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        scene = self.view.map_scene()
        theme = scene.look.theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(theme.muted, 1))
        painter.setBrush(theme.bar_track if theme.dark else theme.background.lighter(104))
        painter.drawRoundedRect(frame, 6, 6)
        _, target = self._frame()
        if not target.isEmpty():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(target, scene.overview_image())
        seen = self.to_widget(self.view.visible_scene_rect()).intersected(QRectF(self.rect()))
        fill = QColor(theme.viewport)
        fill.setAlphaF(0.12)
        painter.setPen(QPen(theme.viewport, 1.5))
        painter.setBrush(fill)
        painter.drawRect(seen)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.view.centerOn(self.to_scene(event.position()))
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.view.centerOn(self.to_scene(event.position()))
            event.accept()


SETTING = "view/minimap"
MARGIN = 12


class MinimapCorner(QObject):
    """Shows a minimap over a corner of its view: a View-menu toggle (remembered), and it moves
    to another corner, or steps aside, rather than cover a selected card or the title being
    edited in place."""

    def __init__(self, view: MapView, keep_clear=None) -> None:  # noqa: ANN001
        super().__init__(view)
        self.view = view
        self.minimap = Minimap(view, parent=view)
        #: returns viewport rects that must stay visible (the inline editor, for example)
        self.keep_clear = keep_clear
        self.action = QAction("Show &Minimap", self)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.action.setStatusTip("Show an overview of the whole map in a corner of the map")
        self.action.setChecked(QSettings().value(SETTING, False, bool))
        self.action.toggled.connect(self._toggled)
        view.resized.connect(self.place)
        view.viewportMoved.connect(self.place)
        scene = view.map_scene()
        scene.layoutChanged.connect(self.place)
        scene.selectionChangedIds.connect(lambda _ids: self.place())
        self.place()

    def _toggled(self, on: bool) -> None:
        QSettings().setValue(SETTING, on)
        self.place()

    def _busy(self) -> list[QRect]:
        """Viewport rects of what the minimap must not cover."""
        rects = []
        for item in self.view.map_scene().selectedItems():
            rects.append(self.view.mapFromScene(item.sceneBoundingRect()).boundingRect())
        if self.keep_clear is not None:
            rects.extend(self.keep_clear())
        return rects

    def place(self) -> None:
        """Size the minimap to the map's shape and put it in the first free corner."""
        mini = self.minimap
        if not self.action.isChecked():
            mini.hide()
            return
        rect = self.view.map_scene().overview_rect()
        aspect = rect.height() / rect.width() if rect.width() > 0 else 0.6
        mini.resize(240, int(min(180, max(70, 240 * aspect + 8))))
        vp = self.view.viewport().geometry()
        w, h = mini.width(), mini.height()
        xs = (vp.right() - w - MARGIN, vp.left() + MARGIN)
        ys = (vp.bottom() - h - MARGIN, vp.top() + MARGIN)
        busy = self._busy()
        for y in ys:
            for x in xs:
                spot = QRect(x - vp.left(), y - vp.top(), w, h)
                if not any(spot.intersects(b) for b in busy):
                    mini.move(x, y)
                    mini.show()
                    mini.raise_()
                    return
        mini.hide()  # every corner holds something the user is working on
