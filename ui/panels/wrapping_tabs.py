"""Tabs whose buttons wrap onto a second row in a narrow dock instead of hiding behind scroll
arrows: a side dock is ~300 px wide and the credence panel has six views, which a QTabBar
would show four of, leaving the rest to arrows a first-time user never clicks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLayout,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


class WrappingTabs(QWidget):
    """The part of QTabWidget's interface the panels use (addTab, currentIndex,
    setCurrentIndex, count, tabText, currentChanged), with buttons laid out in rows."""

    currentChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons: list[QToolButton] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.idClicked.connect(self.setCurrentIndex)
        self._strip = QWidget()
        self._grid = QGridLayout(self._strip)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(2)
        # the buttons can wrap: one row's width must not become the dock's minimum width
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._stack = QStackedWidget()
        self._stack.setFrameShape(QStackedWidget.Shape.StyledPanel)
        self._columns = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._strip)
        layout.addWidget(self._stack, 1)
        for keys, step in ((QKeySequence.StandardKey.NextChild, 1), ("Ctrl+PgDown", 1),
                           (QKeySequence.StandardKey.PreviousChild, -1), ("Ctrl+PgUp", -1)):  # fmt: skip
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self._step(step))

    def addTab(self, page: QWidget, text: str) -> int:  # noqa: N802 - QTabWidget's name
        index = self._stack.addWidget(page)
        button = QToolButton()
        button.setText(text)
        button.setCheckable(True)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._group.addButton(button, index)
        self._buttons.append(button)
        if index == 0:
            button.setChecked(True)
            self._mark(0)
        self._columns = 0  # lay the buttons out again
        self._arrange()
        return index

    def count(self) -> int:
        return self._stack.count()

    def currentIndex(self) -> int:  # noqa: N802
        return self._stack.currentIndex()

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        if not 0 <= index < self.count():
            return
        self._buttons[index].setChecked(True)
        self._mark(index)
        if index != self._stack.currentIndex():
            self._stack.setCurrentIndex(index)
            self.currentChanged.emit(index)

    def _mark(self, index: int) -> None:
        """The shown view's button in bold: a checked tool button is hard to tell apart in
        some palettes (Fusion, dark)."""
        for i, button in enumerate(self._buttons):
            font = button.font()
            if font.bold() != (i == index):
                font.setBold(i == index)
                button.setFont(font)

    def tabText(self, index: int) -> str:  # noqa: N802
        return self._buttons[index].text()

    def button(self, index: int) -> QToolButton:
        return self._buttons[index]

    def _step(self, step: int) -> None:
        if self.count():
            self.setCurrentIndex((self.currentIndex() + step) % self.count())

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """As many buttons per row as fit at their natural width, rows balanced (3 + 3, not
        5 + 1)."""
        if not self._buttons:
            return
        widest = max(b.sizeHint().width() for b in self._buttons) + self._grid.spacing()
        self.setMinimumWidth(widest)
        fit = max(1, min(len(self._buttons), self.width() // max(1, widest)))
        rows = -(-len(self._buttons) // fit)
        columns = -(-len(self._buttons) // rows)
        if columns == self._columns:
            return
        self._columns = columns
        for button in self._buttons:
            self._grid.removeWidget(button)
        for i, button in enumerate(self._buttons):
            self._grid.addWidget(button, i // columns, i % columns)
