"""Shared test setup: Qt runs offscreen and never touches the user's settings or maps."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def pytest_sessionfinish(session, exitstatus) -> None:  # noqa: ANN001 (pytest hook)
    """Keep pytest's status for `pytest_unconfigure`; let worker threads finish first."""
    session.config._cruxmap_status = exitstatus
    if "PySide6" in sys.modules:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(10_000)  # credence panel's Monte Carlo jobs


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config) -> None:  # noqa: ANN001 (pytest hook)
    """End the process with pytest's own status once every result is reported.

    PySide6 can crash while Python tears down leftover Qt objects (a segfault in garbage
    collection after all tests passed and were printed: exit 139 in 3 of 7 full runs; the
    stateful undo test now deletes its stacks itself, the likeliest source). Teardown is not a
    test result, so it must not decide the run: skip it and keep pytest's status.
    """
    status = getattr(config, "_cruxmap_status", None)
    measuring = "coverage" in sys.modules  # coverage.py saves its data at exit: let it
    if status is not None and "PySide6" in sys.modules and not measuring:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(int(status))


def pytest_configure(config) -> None:  # noqa: ANN001 (pytest hook)
    try:
        from PySide6.QtCore import QStandardPaths
    except ImportError:
        return
    QStandardPaths.setTestModeEnabled(True)


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
