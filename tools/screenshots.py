"""Take the README's screenshots of the real app window under Xvfb.

Run:  xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/screenshots.py [light|dark]
      ... tools/screenshots.py focus [light|dark]    the focus view (docs/focus-view.png)
      ... tools/screenshots.py big 10000             a synthetic 10,000-node map, fitted
      ... tools/screenshots.py import ARTICLE [claims|facts]   the import review dialog
      ... tools/screenshots.py inspector|trends      one dock, floated to the README's size
      ... tools/screenshots.py credence              the Credence dock's six views (docs/credence-panel.png)
It opens a fresh copy of the seed map in the real main window (xcb platform, not offscreen),
selects a node, and grabs the X screen itself, in the light and the dark scheme. The import
mode runs the app's own import (the sandboxed child) on ARTICLE and grabs the review dialog
as it first opens, on its Claims tab (docs/import-review.png) or its Trend facts tab
(docs/import-facts.png); the README's import-review caption quotes its "Article's side".
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "xcb")


#: the docks the README shows alone: (dock, node to select, size of the floated dock)
DOCK_SHOTS = {"inspector": ("compression-understanding", (400, 1040)), "trends": ("", (1300, 1110))}


def _open_window(big: int = 0, before=None):  # noqa: ANN001, ANN202
    """The app and its main window, 1600×1000, on a fresh copy of the seed map (or a synthetic
    map of `big` nodes); `before` runs once the app exists (a colour scheme)."""
    from storage.document import MapDocument
    from storage.seedmap import load_seed
    from ui.app import make_app
    from ui.mainwindow import MainWindow

    app = make_app()
    if before is not None:
        before()
    path = Path(tempfile.mkdtemp()) / "Scaling debate.cruxmap"
    if big:
        from bench.bench_canvas import debate_like

        MapDocument.create(path, debate_like(big)).close()
    else:
        MapDocument.create(path, load_seed()).close()
    window = MainWindow()
    window.setGeometry(0, 0, 1600, 1000)
    window.open_path(path)
    window.show()
    return app, window


def shoot(
    scheme: str,
    out: Path,
    select: str = "data-runs-out",
    focus: bool = False,
    big: int = 0,
    dock: str = "",
) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication

    from ui.app import apply_color_scheme

    app, window = _open_window(big, lambda: apply_color_scheme(scheme))

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    wait(600)
    ws = window.workspace
    if select in window.doc.map:
        ws.scene.select_nodes([select])
    if focus:
        ws.show_view(1)
    if dock:
        floated = window.docks[dock]
        floated.setFloating(True)
        floated.resize(*DOCK_SHOTS[dock][1])
    wait(2500 if big else 800)
    for _ in range(150):  # fits are computed off the GUI thread: shoot the charts fitted
        if not any(p.chart.caption.text().startswith("Fitting") for p in ws.trends.panels.values()):
            break
        wait(200)
    if dock:
        window.docks[dock].widget().grab().save(str(out))
    else:
        QGuiApplication.primaryScreen().grabWindow(0).save(str(out))
    window.close()
    app.processEvents()
    print("wrote", out)


def shoot_credence(out: Path, size: tuple[int, int] = (352, 598)) -> None:
    """The Credence dock, floated about as wide as it opens docked, once per view, tiled
    three by two into one picture (docs/credence-panel.png): Reasons, Sensitivity and
    Cruxes above, Uncertainty, History and Data below."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QColor, QImage, QPainter

    app, window = _open_window()

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    wait(600)
    dock = window.docks["credence"]
    dock.setFloating(True)
    dock.resize(*size)
    panel = window.panels["credence"]
    grabs = []
    for tab in (0, 1, 5, 2, 3, 4):
        panel.tabs.setCurrentIndex(tab)
        wait(1500)  # the charts draw after the first frame, off the GUI thread
        grabs.append(dock.grab())
    sheet = QImage(3 * size[0], 2 * size[1], QImage.Format.Format_RGB32)
    sheet.fill(QColor("white"))
    painter = QPainter(sheet)
    for i, grab in enumerate(grabs):
        painter.drawPixmap((i % 3) * size[0], (i // 3) * size[1], grab)
    painter.end()
    sheet.save(str(out))
    window.close()
    app.processEvents()
    print("wrote", out)


def shoot_import(article: Path, out: Path, tab: int = 0) -> None:
    """The review dialog of the app's real import of `article` into the seed map."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.importing.import_dialog import ImportDialog

    app, window = _open_window()
    done = QEventLoop()

    def grab_dialog() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, ImportDialog) and w.isVisible()), None)  # fmt: skip
        if dialog is None:
            QTimer.singleShot(200, grab_dialog)
            return
        dialog.tabs.setCurrentIndex(tab)
        if tab:  # the facts tab at the dialog's own size, the fitting facts taken
            dialog.accept_fitting_facts()
        QTimer.singleShot(800, lambda: finish(dialog))

    def finish(dialog: ImportDialog) -> None:
        dialog.grab().save(str(out))
        print("wrote", out, "-", dialog.side_box.currentText())
        dialog.reject()
        done.quit()

    QTimer.singleShot(600, lambda: window.workspace.importer.start(str(article)))
    QTimer.singleShot(800, grab_dialog)
    QTimer.singleShot(90_000, done.quit)  # the import's own limit is 60 s
    done.exec()
    window.close()
    app.processEvents()


if __name__ == "__main__":
    args = sys.argv[1:] or ["light"]
    if args[0] in DOCK_SHOTS:
        node = DOCK_SHOTS[args[0]][0]
        name = "trends-dock.png" if args[0] == "trends" else f"{args[0]}.png"
        shoot("light", ROOT / "docs" / name, select=node, dock=args[0])
    elif args[0] == "credence":
        shoot_credence(ROOT / "docs" / "credence-panel.png")
    elif args[0] == "import":
        tab = 1 if args[2:3] == ["facts"] else 0
        name = "import-facts.png" if tab else "import-review.png"
        shoot_import(Path(args[1]), ROOT / "docs" / name, tab)
    elif args[0] == "big":
        n = int(args[1]) if len(args) > 1 else 10_000
        shoot("light", ROOT / "docs" / f"map-{n // 1000}k.png", select="", big=n)
    elif args[0] == "focus":
        scheme = args[1] if len(args) > 1 else "light"
        shoot(scheme, ROOT / "docs" / "focus-view.png", select="thesis", focus=True)
    else:
        shoot(args[0], ROOT / "docs" / f"screenshot-{args[0]}.png")
