"""Start the desktop app: the QApplication, the user's map file, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from storage.document import DocumentError, MapDocument

ORG, APP = "Cruxmap", "Cruxmap"
ICON = Path(__file__).resolve().parent.parent / "resources" / "cruxmap.svg"
DEFAULT_NAME = "Scaling debate.cruxmap"


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with Cruxmap's names (for QSettings and app-data paths) and style."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationDisplayName(APP)
    app.setStyle("Fusion")
    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))
    apply_color_scheme(os.environ.get("CRUXMAP_THEME") or QSettings().value("view/theme", "", str))
    return app


def apply_color_scheme(name: str) -> None:
    """Follow the system's light/dark setting, or force "light" / "dark" (screenshots, tests).

    Qt is asked for the scheme first; where the platform cannot switch (X11 without a desktop
    theme), a full palette is set instead, every role of the Active, Inactive and Disabled
    groups, so widgets, pyqtgraph and the map's theme (ui.theme reads the palette) agree.
    """
    app = QApplication.instance()
    schemes = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
    hints = QGuiApplication.styleHints()
    hints.setColorScheme(schemes.get(name, Qt.ColorScheme.Unknown))
    want_dark = name == "dark" or (not name and hints.colorScheme() == Qt.ColorScheme.Dark)
    is_dark = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    if want_dark and not is_dark:
        app.setPalette(dark_palette())
    elif not want_dark and is_dark:
        app.setPalette(app.style().standardPalette())


def dark_palette() -> QPalette:
    """A dark palette for Fusion, Disabled group included (after calibre's gui2/palette.py)."""
    R, G = QPalette.ColorRole, QPalette.ColorGroup
    base = {
        R.Window: "#2b2d31", R.WindowText: "#e6e6e6", R.Base: "#1e1f22", R.AlternateBase: "#26282c",
        R.ToolTipBase: "#3a3d42", R.ToolTipText: "#f0f0f0", R.PlaceholderText: "#8a8f98",
        R.Text: "#e6e6e6", R.Button: "#34373c", R.ButtonText: "#e6e6e6", R.BrightText: "#ff6b6b",
        R.Light: "#4a4d52", R.Midlight: "#3d4045", R.Mid: "#2f3236", R.Dark: "#1b1c1f",
        R.Shadow: "#000000", R.Highlight: "#3d7bd9", R.HighlightedText: "#ffffff",
        R.Link: "#6ea8fe", R.LinkVisited: "#b48efa",
    }  # fmt: skip
    palette = QPalette()
    for role, color in base.items():
        palette.setColor(role, QColor(color))
    for role in (R.WindowText, R.Text, R.ButtonText, R.HighlightedText):
        palette.setColor(G.Disabled, role, QColor("#6c7077"))
    palette.setColor(G.Disabled, R.Highlight, QColor("#3a3d42"))
    palette.setColor(G.Disabled, R.Base, QColor("#25272b"))
    return palette


def default_map_path() -> Path:
    """The user's own map in the platform's app-data folder, created from the seed on first run."""
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DEFAULT_NAME
    if not path.exists():
        from storage.seedmap import load_seed

        MapDocument.create(path, load_seed()).close()
    return path


def startup_map(requested: str | None) -> Path:
    """The map to open: the one asked for, else the last one used, else the user's default map."""
    if requested:
        return Path(requested)
    last = QSettings().value("files/last", "", str)
    if last and Path(last).is_file():
        return Path(last)
    return default_map_path()


def run_app(path: str | None = None) -> int:
    """Open the main window on a map and run the event loop."""
    app = make_app()
    from ui.mainwindow import MainWindow

    window = MainWindow()
    try:
        window.open_path(startup_map(path), quiet=False)
    except DocumentError as exc:
        window.show_error(str(exc))
        if path is None:  # the last map went bad or away: fall back to the user's own map
            try:
                window.open_path(default_map_path(), quiet=False)
            except DocumentError as again:
                window.show_error(str(again))
    window.show()
    code = app.exec()
    # Delete the window while Python is whole: PySide objects left to interpreter shutdown
    # can crash the process on exit (every edit is already on disk; this keeps exit clean).
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return code
