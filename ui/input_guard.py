"""App-wide input rules that keep a stray gesture from changing the user's map.

* The mouse wheel over a combo box, spin box or slider only changes its value when that widget
  has keyboard focus (clicked or tabbed into); otherwise the wheel scrolls whatever contains it
  (the inspector, a dock, a dialog). Scroll bars keep scrolling.
* Ctrl+Z / redo keys typed in a text field of a dock (the inspector's title, text, tags…) are the
  window's undo: the field first commits what was typed (one undo step, as leaving the field
  would), then the window undoes it. Without this the field's own undo would quietly change the
  text, and leaving the field would commit that as a new edit.

One event filter on the QApplication covers every window and dialog, including widgets created
later, so no panel needs to remember it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


def is_value_widget(obj: QObject) -> bool:
    """Widgets whose value a wheel turn would change (scroll bars excepted)."""
    if isinstance(obj, QScrollBar):
        return False
    return isinstance(obj, (QComboBox, QAbstractSpinBox, QAbstractSlider))


def _dock_text_field(obj: QObject) -> QWidget | None:
    """The editable text field `obj` is, if it lives in a dock of a main window."""
    if not isinstance(obj, (QLineEdit, QPlainTextEdit, QTextEdit)):
        return None
    if isinstance(obj, QLineEdit) and isinstance(obj.parent(), (QAbstractSpinBox, QComboBox)):
        return None  # a spin box's own editor: keep its local undo
    if getattr(obj, "isReadOnly", lambda: False)():
        return None
    w = obj.parentWidget()
    while w is not None:
        if isinstance(w, QDockWidget):
            return obj
        w = w.parentWidget()
    return None


class InputGuard(QObject):
    """The application's event filter; see the module docstring."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            if is_value_widget(obj) and not obj.hasFocus():
                _scroll_container(obj, event)
                return True
            return False
        if kind == QEvent.Type.Polish and is_value_widget(obj):
            if obj.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                obj.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn gives no focus
            return False
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            field = _dock_text_field(obj)
            if field is not None and any(event.matches(k) for k in UNDO_KEYS):
                _commit(field)
                event.ignore()  # not the field's: the window's undo/redo shortcut runs
                return True
        return False


def _scroll_container(widget: QWidget, event: QWheelEvent) -> None:
    """Give the wheel turn to the scroll area around `widget` (or let Qt pass it up)."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    if area is None:
        event.ignore()  # handled here but not accepted: Qt offers it to the parents
        return
    port = area.viewport()
    pos = QPointF(port.mapFromGlobal(event.globalPosition().toPoint()))
    copy = QWheelEvent(
        pos, event.globalPosition(), event.pixelDelta(), event.angleDelta(), event.buttons(),
        event.modifiers(), event.phase(), event.inverted(),
    )  # fmt: skip
    QApplication.sendEvent(port, copy)
    event.accept()


def _commit(field: QWidget) -> None:
    """Make the field hand over what was typed, as leaving it does (its focus-out commits)."""
    if not field.hasFocus():
        return
    field.clearFocus()
    field.setFocus(Qt.FocusReason.OtherFocusReason)


def install(app: QApplication) -> InputGuard:
    """Install the guard on `app` once; returns it (kept alive as the app's child)."""
    guard = app.findChild(InputGuard)
    if guard is None:
        guard = InputGuard(app)
        app.installEventFilter(guard)
    return guard
