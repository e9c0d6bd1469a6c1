"""File menu actions for the report and the interchange formats.

Exports never touch the map; "Open Map from…" reads a foreign file into a *new* map file,
so a malformed Argdown or AIF file can neither crash the app nor change the open map.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from storage.document import DocumentError, MapDocument
from storage.interchange import InterchangeError, export_map, import_map
from ui.dialog_paths import remember_dir, start_dir, suggested_path

FORMATS = {
    "json": ("Cruxmap &JSON (lossless)…", "JSON (*.json)", ".json"),
    "argdown": ("&Argdown…", "Argdown (*.argdown)", ".argdown"),
    "aif": ("&AIF JSON (ARG-tech)…", "AIF JSON (*.json *.aif)", ".json"),
    "graphml": ("&GraphML (yEd, Gephi)…", "GraphML (*.graphml)", ".graphml"),
    "csv": ("&CSV table of nodes…", "CSV (*.csv)", ".csv"),
}
FOREIGN_FILTER = "Maps from other tools (*.json *.argdown *.ad *.aif *.graphml *.xml)"


def export_actions(window, ws) -> list[QAction]:  # noqa: ANN001 (MainWindow, workspace)
    """Export Report…, Export Map As ▸ formats, Open Map from Another Tool…"""
    report = QAction("Export &Report…", window)
    report.setShortcut(QKeySequence("Ctrl+E"))
    report.setStatusTip("Preview the map as a report and save it as Markdown or HTML")
    report.triggered.connect(lambda: _report(window))
    actions = [report]
    for fmt, (text, _, _) in FORMATS.items():
        a = QAction(f"Export Map as {text}", window)
        a.triggered.connect(lambda _=False, fmt=fmt: _export(window, fmt))
        actions.append(a)
    foreign = QAction("&Open Map from Another Tool…", window)
    foreign.setStatusTip("Read an Argdown, AIF, GraphML or Cruxmap JSON file into a new map")
    foreign.triggered.connect(lambda: open_foreign(window))
    actions.append(foreign)
    return actions


def _report(window) -> None:  # noqa: ANN001
    from ui.export.report_preview import ReportPreview

    dialog = ReportPreview(window, window.doc.map)
    dialog.saved.connect(lambda path: window.statusBar().showMessage(f"Saved {path}", 8000))
    dialog.exec()


def _export(window, fmt: str) -> None:  # noqa: ANN001
    title, pattern, suffix = FORMATS[fmt]
    doc = window.doc
    default = suggested_path("export", doc.map.meta.get("title", "") or doc.path.stem, suffix)
    path, _ = QFileDialog.getSaveFileName(window, "Export Map", default, pattern)
    if not path:
        return
    remember_dir("export", path)
    if not Path(path).suffix:
        path += suffix
    try:
        export_map(doc.map, fmt, path)
    except (InterchangeError, OSError, ValueError) as exc:
        QMessageBox.warning(window, "Export Map", f"Could not export {Path(path).name}: {exc}")
        return
    window.statusBar().showMessage(f"Exported {Path(path).name}", 8000)


def open_foreign(window) -> bool:  # noqa: ANN001
    """Read a foreign map, ask where to keep it as a .cruxmap, and open it."""
    path, _ = QFileDialog.getOpenFileName(
        window, "Open Map from Another Tool", str(start_dir("foreign")), FOREIGN_FILTER
    )
    if not path:
        return False
    remember_dir("foreign", path)
    try:
        amap = import_map(path)
    except InterchangeError as exc:
        QMessageBox.warning(window, "Open Map", str(exc))
        return False
    target, _ = QFileDialog.getSaveFileName(
        window,
        "Keep the Map As",
        suggested_path("maps", Path(path).stem, ".cruxmap"),
        "Cruxmap maps (*.cruxmap)",
    )
    if not target:
        return False
    try:
        MapDocument.create(Path(target), amap).close()
    except DocumentError as exc:
        QMessageBox.warning(window, "Open Map", str(exc))
        return False
    return window.open_path(Path(target))
