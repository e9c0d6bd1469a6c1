"""A QApplication for drawing without a window (report pictures, charts, the `render` command).

Text needs a QGuiApplication for its fonts. Where no display is set, Qt's offscreen platform
is chosen, so headless commands and CI draw the same pictures as a desktop.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import QApplication

_kept: list[QApplication] = []  # the app made here lives as long as the process


def ensure_app() -> QApplication:
    """The running QApplication, or a new one (offscreen when there is no display)."""
    app = QApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["cruxmap"])
        _kept.append(app)
    return app  # type: ignore[return-value]
