"""Start the desktop app: the QApplication, the user's map file, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QStandardPaths
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from storage.document import DocumentError, MapDocument
from ui.theme import apply_color_scheme

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
