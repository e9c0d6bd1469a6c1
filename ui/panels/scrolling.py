"""A panel page in a frameless vertical scroll area, shared by the docks whose pages can be
taller than the dock (the inspector's node pages, the credence panel's chart tabs)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def vertical_scroll(page: QWidget) -> QScrollArea:
    """The page laid out at the area's full width, as tall as its wrapped text needs, scrolled
    when the dock is shorter (never sideways)."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area
