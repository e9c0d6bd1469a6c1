"""Start the desktop app: the QApplication, the user's map file, the main window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from ui.mainwindow import MainWindow

from storage.document import DocumentError, MapDocument
from ui.input_guard import install as install_input_guard
from ui.theme import apply_color_scheme

ORG, APP = "Cruxmap", "Cruxmap"
ICON = Path(__file__).resolve().parent.parent / "resources" / "cruxmap.svg"
DEFAULT_NAME = "Scaling debate.cruxmap"
#: Set by bench/bench_startup.py: print the wall-clock time of the first painted frame, then quit.
FIRST_FRAME_ENV = "CRUXMAP_BENCH_FIRST_FRAME"


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
    install_input_guard(app)
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


def open_first_good(window: MainWindow, requested: str | None) -> None:
    """Open the map asked for, else the last map used, else the user's own map; each refusal
    is shown as a message and the app starts (with no map at worst), never dies."""
    tried: set[Path] = set()
    for candidate in (lambda: startup_map(requested), lambda: startup_map(None), default_map_path):
        try:
            path = candidate()
            if path.resolve() in tried:
                continue
            tried.add(path.resolve())
            if window.open_path(path, quiet=False):
                return
        except (DocumentError, OSError) as exc:
            window.show_error(str(exc))
        except Exception as exc:  # noqa: BLE001 - the seed behind a first map (SeedError)
            from storage.seedmap import SeedError

            if not isinstance(exc, SeedError):
                raise
            window.show_error(str(exc))


def run_app(path: str | None = None) -> int:
    """Open the main window on a map and run the event loop."""
    app = make_app()
    from ui import prefetch
    from ui.mainwindow import MainWindow

    prefetch.hold()  # nothing imports in the background until the map is on screen

    window = MainWindow()
    open_first_good(window, path)
    window.show()
    _FirstFrame(window, report=bool(os.environ.get(FIRST_FRAME_ENV)))
    code = app.exec()
    # Delete the window while Python is whole: PySide objects left to interpreter shutdown
    # can crash the process on exit (every edit is already on disk; this keeps exit clean).
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return code


class _FirstFrame(QObject):
    """After the map's first paint (the moment a person sees the map), start importing what
    the next minutes need; for bench/bench_startup.py also print the time and quit."""

    def __init__(self, window: QWidget, report: bool) -> None:
        super().__init__(window)
        self._seen = False
        self._report = report
        workspace = getattr(window, "workspace", None)
        target = workspace.view.viewport() if workspace is not None else window
        target.installEventFilter(self)
        self._target = target
        # A window that never paints (started minimised) still gets its charts and imports.
        QTimer.singleShot(3000, self._fallback)

    def _fallback(self) -> None:
        if not self._seen:
            self._seen = True
            self._target.removeEventFilter(self)
            self._done()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            obj.removeEventFilter(self)  # no Python call per event from now on
            QTimer.singleShot(0, self._done)  # after this paint reaches the screen
        return False

    def _done(self) -> None:
        if self._report:
            print(f"first-frame {time.time():.6f}", flush=True)
            QApplication.quit()
            return
        from ui.prefetch import AFTER_FIRST_FRAME, release

        release(*AFTER_FIRST_FRAME)
