"""Shared test setup: Qt runs offscreen and never touches the user's settings or maps."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def pytest_configure(config) -> None:  # noqa: ANN001 (pytest hook)
    try:
        from PySide6.QtCore import QStandardPaths
    except ImportError:
        return
    QStandardPaths.setTestModeEnabled(True)
