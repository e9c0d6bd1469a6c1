"""Take the README's screenshots of the real app window under Xvfb.

Run:  xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/screenshots.py
It opens a fresh copy of the seed map in the real main window (xcb platform, not offscreen),
selects a node, and grabs the X screen itself, in the light and the dark scheme.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "xcb")


def shoot(scheme: str, out: Path, select: str = "data-runs-out") -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication

    from storage.document import MapDocument
    from storage.seedmap import load_seed
    from ui.app import apply_color_scheme, make_app
    from ui.mainwindow import MainWindow

    app = make_app()
    apply_color_scheme(scheme)
    path = Path(tempfile.mkdtemp()) / "Scaling debate.cruxmap"
    MapDocument.create(path, load_seed()).close()
    window = MainWindow()
    window.setGeometry(0, 0, 1600, 1000)
    window.open_path(path)
    window.show()

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    wait(600)
    ws = window.workspace
    if select in window.doc.map:
        ws.scene.select_nodes([select])
    wait(800)
    QGuiApplication.primaryScreen().grabWindow(0).save(str(out))
    window.close()
    app.processEvents()
    print("wrote", out)


if __name__ == "__main__":
    scheme = sys.argv[1] if len(sys.argv) > 1 else "light"
    shoot(scheme, ROOT / "docs" / f"screenshot-{scheme}.png")
