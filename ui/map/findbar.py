"""The find bar: Ctrl+F, type, and every matching node lights up; Enter/F3 steps through them.

Matching lives in model/search.py (title, text, tags and quotes, case-insensitive, in reading
order); the bar only keeps the query and the position, and tells the main window what to
highlight and which node to bring into view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from model.argmap import ArgumentMap, Change
from model.search import find_nodes


class FindBar(QWidget):
    """A slim bar above the map: query, "n of m", previous/next, close."""

    #: Every node matching the query (empty set: clear highlights).
    highlightChanged = Signal(object)
    #: The match to show: the main window centres the view on it and selects it.
    currentChanged = Signal(str)

    def __init__(self, amap: ArgumentMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amap = amap
        self.matches: list[str] = []
        self.index = -1
        self.edit = QLineEdit(placeholderText="Find in titles, text, tags and quotes")
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self._search)
        self.edit.installEventFilter(self)
        self.count = QLabel()
        self.count.setMinimumWidth(80)
        self.prev_button = QToolButton(text="▲", toolTip="Previous match (Shift+Enter, Shift+F3)")
        self.next_button = QToolButton(text="▼", toolTip="Next match (Enter, F3)")
        self.close_button = QToolButton(text="✕", toolTip="Close (Esc)", autoRaise=True)
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.close_button.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(QLabel("Find"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        for b in (self.prev_button, self.next_button, self.close_button):
            layout.addWidget(b)
        self.find_action = self._action("&Find…", QKeySequence.StandardKey.Find, self.activate)
        self.next_action = self._action("Find &Next", QKeySequence.StandardKey.FindNext, self.next)
        self.prev_action = self._action(
            "Find &Previous", QKeySequence.StandardKey.FindPrevious, self.previous
        )
        self._update_label()
        self.hide()
        amap.subscribe(self._on_changes)
        listener = self._on_changes
        self.destroyed.connect(lambda *_: amap.unsubscribe(listener))

    def _action(self, text: str, key: QKeySequence.StandardKey, slot: object) -> QAction:
        """A window-wide action (the main window adds it to its Edit menu so F3 works anywhere)."""
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        return action

    def actions_for_menu(self) -> list[QAction]:
        return [self.find_action, self.next_action, self.prev_action]

    def detach(self) -> None:
        self.amap.unsubscribe(self._on_changes)

    # ---------------------------------------------------------------- showing
    def activate(self) -> None:
        """Show the bar with the query selected, ready to type (Ctrl+F)."""
        was_hidden = self.isHidden()
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        if was_hidden and self.matches:
            self.highlightChanged.emit(set(self.matches))

    def close_bar(self) -> None:
        """Hide the bar and clear the highlights (Esc); the query is kept for next time."""
        self.hide()
        self.highlightChanged.emit(set())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.edit and event.type() == QEvent.Type.KeyPress:
            key, mods = event.key(), event.modifiers()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = mods & Qt.KeyboardModifier.ShiftModifier
                self.previous() if shift else self.next()
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return False

    # -------------------------------------------------------------- searching
    def _search(self, query: str) -> None:
        self.matches = find_nodes(self.amap, query)
        self.index = 0 if self.matches else -1
        self.highlightChanged.emit(set(self.matches))
        self._update_label()
        if self.matches:
            self.currentChanged.emit(self.matches[0])

    def next(self) -> None:
        self._step(+1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self.isHidden():
            self.activate()
        if not self.matches:
            return
        self.index = (self.index + delta) % len(self.matches)
        self._update_label()
        self.currentChanged.emit(self.matches[self.index])

    @property
    def current(self) -> str | None:
        return self.matches[self.index] if 0 <= self.index < len(self.matches) else None

    def _on_changes(self, changes: list[Change]) -> None:
        """Re-run the query on edits that can change matches, keeping the current match."""
        if not self.edit.text().strip() or not any(
            c.kind in ("node", "edge", "reset") for c in changes
        ):
            return
        current, old = self.current, self.matches
        self.matches = find_nodes(self.amap, self.edit.text())
        if current in self.matches:
            self.index = self.matches.index(current)
        else:
            self.index = min(max(self.index, 0), len(self.matches) - 1)
        if self.matches != old and self.isVisible():
            self.highlightChanged.emit(set(self.matches))
        self._update_label()

    def _update_label(self) -> None:
        query = self.edit.text().strip()
        if not query:
            self.count.setText("")
        elif not self.matches:
            self.count.setText("No matches")
        else:
            self.count.setText(f"{self.index + 1} of {len(self.matches)}")
        self.prev_button.setEnabled(len(self.matches) > 1)
        self.next_button.setEnabled(len(self.matches) > 1)
