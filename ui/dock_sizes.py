"""Docks that make room for the map in a small window and take their room back in a big one.

QMainWindow keeps a dock's width when the window shrinks, so at 1000×700 the side docks kept
670 px and the map got 250; growing the window back left the Trends dock squashed to 60 px.
Each dock has a preferred size (its first-run size, or the size the user last dragged it to);
on every window resize the docks get their preferred sizes, scaled down only as far as needed
to leave the map at least half the window's width and most of its height.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow

MAP_SHARE_W = 0.5  # the side docks together take at most this share of the window's width
DOCK_SHARE_H = 0.35  # a bottom dock takes at most this share of the window's height
MIN_SIDE = 200  # px: narrower than this a side dock is no use
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"


def fit_sizes(preferred: list[int], room: int, least: int = MIN_SIDE) -> list[int]:
    """The preferred sizes, scaled by one factor so that they sum to at most `room` (no dock
    under `least` unless the room itself is smaller)."""
    total = sum(preferred)
    if total <= room or total == 0:
        return list(preferred)
    scale = room / total
    return [max(min(p, least), round(p * scale)) for p in preferred]


class DockSizer(QObject):
    def __init__(
        self,
        window: QMainWindow,
        side: list[QDockWidget],
        bottom: list[QDockWidget],
        preferred: dict[QDockWidget, int],
    ) -> None:
        super().__init__(window)
        self.window, self.side, self.bottom = window, side, bottom
        self.preferred = dict(preferred)  # width of a side dock, height of a bottom one
        self._size = QSize()
        self._fitting = False
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.fit)
        window.installEventFilter(self)
        for dock in side + bottom:
            dock.installEventFilter(self)

    def detach(self) -> None:
        self.window.removeEventFilter(self)
        for dock in self.side + self.bottom:
            dock.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            if watched is self.window:
                self._timer.start()
            elif self._user_drag() and self._across(watched, event):
                self._dragged(watched)
        return False

    def _across(self, dock: QObject, event: QEvent) -> bool:
        """The resize changed the size a drag of this dock's edge changes: a side dock's
        width, a bottom dock's height. A side dock that only grew or shrank in height (its
        neighbour below settled after a fit) was not dragged, and taking its narrowed width
        as the user's kept it narrow when the window grew again."""
        old, new = event.oldSize(), event.size()
        if dock in self.side:
            return old.width() != new.width()
        return old.height() != new.height()

    def _user_drag(self) -> bool:
        """A dock resized with the mouse held and the window's size as we last fitted it:
        the user is dragging a dock's edge (not the window's, not our own fit)."""
        held = QGuiApplication.mouseButtons() & Qt.MouseButton.LeftButton
        return bool(held) and not self._fitting and self.window.size() == self._size

    def _dragged(self, dock: QObject) -> None:
        """A dock resized while the mouse is held: the user dragged its edge."""
        if dock in self.side and dock.isVisible():
            self.preferred[dock] = dock.width()
        elif dock in self.bottom and dock.isVisible():
            self.preferred[dock] = dock.height()

    def fit(self) -> None:
        self._fitting = True
        try:
            self._fit_side()
            self._fit_bottom()
        finally:
            self._fitting = False
            self._size = self.window.size()

    def _docked(self, docks: list[QDockWidget]) -> list[QDockWidget]:
        return [d for d in docks if d.isVisible() and not d.isFloating() and d in self.preferred]

    def _fit_side(self) -> None:
        """Caps, not resizeDocks: Qt's resizeDocks can spin forever when a window is too
        small for the sizes asked (seen with PySide6 6.8 at 1000×700)."""
        docks = self._docked(self.side)
        if not docks:
            return
        room = int(self.window.width() * MAP_SHARE_W)
        wanted = [self.preferred[d] for d in docks]
        if sum(wanted) <= room:
            for dock in docks:
                for one in self._with_tabs(dock):
                    one.setMaximumWidth(QWIDGETSIZE_MAX)
            self.window.resizeDocks(docks, wanted, Qt.Orientation.Horizontal)
            return
        for dock, size in zip(docks, fit_sizes(wanted, room), strict=True):
            for one in self._with_tabs(dock):  # a hidden tab holds its area's width too
                one.setMaximumWidth(max(size, one.minimumSizeHint().width()))

    def _with_tabs(self, dock: QDockWidget) -> list[QDockWidget]:
        return [dock, *self.window.tabifiedDockWidgets(dock)]

    def _fit_bottom(self) -> None:
        docks = self._docked(self.bottom)
        room = int(self.window.height() * DOCK_SHARE_H)
        for dock in docks:
            wanted = self.preferred[dock]
            if wanted <= room:
                dock.setMaximumHeight(QWIDGETSIZE_MAX)
                self.window.resizeDocks([dock], [wanted], Qt.Orientation.Vertical)
            else:
                dock.setMaximumHeight(max(room, dock.minimumSizeHint().height()))
