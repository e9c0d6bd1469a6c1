"""Shared test setup: Qt runs offscreen and never touches the user's settings or maps."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Caches the tests' processes write (storage.regex_cache) go to a folder of the session's own.
_CACHE = tempfile.mkdtemp(prefix="cruxmap-test-cache-")
os.environ["CRUXMAP_CACHE_DIR"] = _CACHE
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def pytest_sessionfinish(session, exitstatus) -> None:  # noqa: ANN001 (pytest hook)
    """Let worker threads finish and Qt's objects go while Qt is still whole: a PySide6
    object left to Python's final teardown can crash the interpreter after every result is
    printed, and that crash must show, not be hidden."""
    shutil.rmtree(_CACHE, ignore_errors=True)
    if "PySide6" not in sys.modules:
        return
    import gc

    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    QThreadPool.globalInstance().waitForDone(10_000)  # credence panel's Monte Carlo jobs
    app = QApplication.instance()
    if app is not None:
        for widget in QApplication.topLevelWidgets():
            widget.close()
            widget.deleteLater()
        app.processEvents()
    gc.collect()


def pytest_configure(config) -> None:  # noqa: ANN001 (pytest hook)
    try:
        from PySide6.QtCore import QStandardPaths
    except ImportError:
        return
    QStandardPaths.setTestModeEnabled(True)
    # No window of the tests starts the standby import child on its own (import_flow.keep_ready,
    # two seconds after the first frame): a test that wants it sets the delay it needs.
    from ui.importing import import_flow

    import_flow.STANDBY_DELAY_MS = 24 * 3600 * 1000


@pytest.fixture
def dark_scheme(qtbot):
    """`paper, ink = dark_scheme(widget)`: the running app switched to the dark palette (as
    View → Colour Scheme does where the platform cannot switch), once `widget` has taken it; the
    dark Base and Text colours are returned, and the light palette comes back after the test."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from ui.theme import dark_palette

    app = QApplication.instance()
    light = app.palette()

    def switch(widget):  # noqa: ANN001, ANN202
        dark = dark_palette()
        paper, ink = dark.color(QPalette.ColorRole.Base), dark.color(QPalette.ColorRole.Text)
        app.setPalette(dark)
        qtbot.waitUntil(lambda: widget.palette().color(QPalette.ColorRole.Base) == paper)
        return paper, ink

    yield switch
    app.setPalette(light)


@pytest.fixture
def bare_window(qtbot, monkeypatch):
    """The real main window with no map open; its warning boxes are recorded, not shown, in
    `w.warnings` (a test asserts on what the user would have been told)."""
    from PySide6.QtWidgets import QMessageBox

    from ui.app import make_app
    from ui.mainwindow import MainWindow

    make_app()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    w = MainWindow()
    w.warnings = warnings
    qtbot.addWidget(w)
    return w


@pytest.fixture
def seed_window(qtbot, tmp_path, monkeypatch):
    """The real main window, 1600×1000, on a fresh copy of the seed map, shown and exposed
    (minimap setting cleared, warning boxes silenced)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from storage.document import MapDocument
    from storage.seedmap import load_seed
    from ui.app import make_app
    from ui.mainwindow import MainWindow

    path = tmp_path / "seed.cruxmap"
    MapDocument.create(path, load_seed()).close()
    make_app()
    QSettings().remove("view/minimap")
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    assert w.open_path(path)
    w.show()
    qtbot.waitExposed(w)
    return w
