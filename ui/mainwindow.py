"""The main window: the map in the middle, inspector and credence on the right, trends below.

It owns the open `MapDocument` and the undo stack, builds the menus from the panels' actions,
and handles files like a desktop app: New, Open, Open Recent, Save As, Close, drag and drop.
A map that fails to open leaves the current one open and says why.
"""

from __future__ import annotations

import gc
import html
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from storage.document import DocumentError, MapDocument, StorageError
from ui.commands import edits as commands
from ui.dialog_paths import remember_dir, start_dir, suggested_path
from ui.labels import plain_text

MAP_FILTER = "Cruxmap maps (*.cruxmap)"
MAX_RECENT = 10
OUTSIDE_POLL_MS = 1000
ARTICLE_SUFFIXES = {".html", ".htm", ".md", ".markdown", ".txt", ".pdf"}


class MainWindow(QMainWindow):
    """One window, one open map."""

    def __init__(self) -> None:
        super().__init__()
        self.doc: MapDocument | None = None
        self.undo_stack = QUndoStack(self)
        self.panels: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        self._map_widgets: list[QWidget] = []
        commands.error_reporter = self._on_command_error
        commands.notice_reporter = self._on_command_notice
        self.setAcceptDrops(True)
        self.setMinimumSize(900, 600)
        self.resize(1500, 920)
        self._credence_label = QLabel()
        self.statusBar().addPermanentWidget(self._credence_label)
        # Another program (a CLI, a second window) may write the open map: look once a second.
        self._outside_timer = QTimer(self, interval=OUTSIDE_POLL_MS)
        self._outside_timer.timeout.connect(self.check_outside_changes)
        self._outside_error = ""
        self._build_file_actions()
        self._build_menus()
        self._restore_settings()

    # ------------------------------------------------------------------ files
    def _build_file_actions(self) -> None:
        def act(text: str, slot, shortcut=None, tip: str = "") -> QAction:  # noqa: ANN001
            a = QAction(text, self)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            a.setStatusTip(tip or plain_text(text))
            a.triggered.connect(slot)
            return a

        K = QKeySequence.StandardKey
        self.act_new = act("&New Map…", self.new_map, K.New, "Create a new map file")
        self.act_new_seed = act("New Map from the &Seed Debate…", lambda: self.new_map(seed=True))
        self.act_open = act("&Open…", self.open_dialog, K.Open, "Open a .cruxmap file")
        self.act_save_as = act("Save &As…", self.save_as, K.SaveAs, "Copy this map to a new file")
        self.act_close = act("&Close Map", self.close_map, K.Close)
        self.act_properties = act(
            "Map &Properties…", self.edit_map_properties, None,
            "The map's title and description, which the exported report opens with",
        )  # fmt: skip
        self.act_quit = act("&Quit", self.close, K.Quit)
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.edit_menu = bar.addMenu("&Edit")
        self.view_menu = bar.addMenu("&View")
        self.map_menu = bar.addMenu("&Map")
        self.help_menu = bar.addMenu("&Help")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts(redo_keys())
        self.edit_menu.addActions([undo, redo])
        self.edit_menu.addSeparator()
        self.scheme_menu = self._build_scheme_menu()
        keys = QAction("&Keyboard Shortcuts", self)
        keys.setShortcut(QKeySequence.StandardKey.HelpContents)
        keys.triggered.connect(self.show_shortcuts)
        about = QAction("&About Cruxmap", self)
        about.triggered.connect(self._about)
        self.help_menu.addActions([keys, about])

    def _build_scheme_menu(self) -> QMenu:
        """View → Colour Scheme: follow the system, or force light or dark (kept in QSettings)."""
        menu = QMenu("Colour &Scheme", self)
        group = QActionGroup(self)
        current = QSettings().value("view/theme", "", str)
        for key, text in (("", "Follow the &System"), ("light", "&Light"), ("dark", "&Dark")):
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(key == current)
            action.triggered.connect(lambda _=False, key=key: self.set_color_scheme(key))
            group.addAction(action)
        return menu

    def set_color_scheme(self, key: str) -> None:
        from ui.theme import apply_color_scheme

        QSettings().setValue("view/theme", key)
        apply_color_scheme(key)
        workspace = getattr(self, "workspace", None)
        if workspace is not None:
            workspace.scene.apply_theme()
            workspace.view.viewport().update()

    def _fill_file_menu(self) -> None:
        m = self.file_menu
        m.clear()
        m.addActions([self.act_new, self.act_new_seed, self.act_open])
        m.addMenu(self.recent_menu)
        m.addActions([self.act_save_as, self.act_close])
        m.addSeparator()
        m.addAction(self.act_properties)
        self.act_properties.setEnabled(self.doc is not None)
        for group in self._extra_file_actions():
            m.addSeparator()
            m.addActions(group)
        m.addSeparator()
        m.addAction(self.act_quit)

    def _extra_file_actions(self) -> list[list[QAction]]:
        """Import and export actions contributed by the panels of the open map."""
        groups = []
        for name in ("import", "export"):
            actions = getattr(self, f"_{name}_actions", [])
            if actions:
                groups.append(actions)
        return groups

    def new_map(self, seed: bool = False) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "New Map", suggested_path("maps", "Untitled map", ".cruxmap"), MAP_FILTER
        )
        if not path:
            return
        remember_dir("maps", path)
        path = _with_suffix(path)
        from storage.seedmap import new_map

        try:
            MapDocument.create(Path(path), new_map(seed)).close()
        except DocumentError as exc:
            self.show_error(str(exc))
            return
        self.open_path(Path(path))

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open Map", str(start_dir("maps")), MAP_FILTER)
        if path:
            remember_dir("maps", path)
            self.open_path(Path(path))

    def open_path(self, path: Path, quiet: bool = True) -> bool:
        """Open `path`; on failure keep the current map and say why."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # big maps take seconds
        try:
            doc = MapDocument.open(path)
        except DocumentError as exc:
            QApplication.restoreOverrideCursor()
            if self.doc is None and not quiet:
                raise
            self.show_error(str(exc))
            self._forget_recent(path)
            return False
        previous = self.doc.path if self.doc is not None else None
        try:
            self._set_document(doc)
        except Exception as exc:  # noqa: BLE001 - a map the gate let in but the views choke on
            self._fall_back(path, previous, exc)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self._remember_recent(path)
        self.statusBar().showMessage(
            f"Opened {path.name}: every edit is saved as you make it", 6000
        )
        _freeze_heap()
        return True

    def _fall_back(self, path: Path, previous: Path | None, exc: Exception) -> None:
        """A map that opened but could not be shown: say so, and go back to the last good map.

        Deliberately broad: the file is untouched (opening only reads), and a desktop app
        must not die on a file; the error and its type are shown, not hidden.
        """
        self._set_document(None)
        self._forget_recent(path)
        self.show_error(f"{path.name} could not be shown ({type(exc).__name__}: {exc}); "
                        "the file is unchanged.")  # fmt: skip
        if previous is not None and Path(previous) != Path(path):
            self.open_path(previous)

    def save_as(self) -> None:
        if self.doc is None:
            return
        title = self.doc.map.meta.get("title", "") if self.doc else ""
        suggestion = suggested_path("maps", title or "map", ".cruxmap")
        path, _ = QFileDialog.getSaveFileName(self, "Save Map As", suggestion, MAP_FILTER)
        if path:
            remember_dir("maps", path)
        if not path:
            return
        if not self.flush_writes():
            return
        try:
            self.doc.save_as(_with_suffix(path))
        except DocumentError as exc:
            self.show_error(str(exc))
            return
        self._remember_recent(self.doc.path)
        self._update_title()
        self.statusBar().showMessage(f"Saved a copy as {self.doc.path.name}; now editing it", 5000)

    def edit_map_properties(self) -> None:
        """File → Map Properties…: the map's title and description, as one undoable step."""
        if self.doc is None:
            return
        from ui.map_properties import MapPropertiesDialog

        dialog = MapPropertiesDialog(self.doc.map, self)
        accepted = dialog.exec() == MapPropertiesDialog.DialogCode.Accepted
        cmd = dialog.command() if accepted else None
        dialog.deleteLater()
        if cmd is not None:
            commands.push(self.undo_stack, cmd, self)

    def close_map(self) -> None:
        self._set_document(None)

    # ------------------------------------------------------- document wiring
    def _set_document(self, doc: MapDocument | None) -> None:
        gc.unfreeze()  # the open map's objects can be collected again (see _freeze_heap)
        old = self.doc
        self.flush_writes()  # the last edit, if its frame has not been painted yet
        self.undo_stack.clear()
        workspace = getattr(self, "workspace", None)
        if workspace is not None:
            workspace.detach()
            self.workspace = None
        self._teardown_panels()
        if old is not None:
            old.close()
        self.doc = doc
        if doc is not None:
            from ui.workspace import build_workspace

            build_workspace(self, doc)
            doc.map.subscribe(self._on_map_changed)
            doc.on_reload.append(self._on_outside_change)
            self._outside_timer.start()
        else:
            self._outside_timer.stop()
            empty = QLabel("No map is open. Use File → New or File → Open.")
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.setCentralWidget(empty)
        self._fill_file_menu()
        self._update_title()
        from ui.map.scene import DEFER_CREDENCE  # (loaded with the workspace)

        if doc is not None and len(doc.map) > DEFER_CREDENCE:  # the thesis credence compiles
            self.workspace.view.framePainted.connect(  # the map (~0.5 s): after the first frame
                self._status_timer().start, Qt.ConnectionType.SingleShotConnection
            )
        else:
            self._update_status()

    def flush_writes(self) -> bool:
        """Write the edit the map shows but has not written yet (the document defers each
        write until right after the frame that shows it); a failure is reported like a failed
        edit. False when the write failed."""
        if self.doc is None:
            return True
        try:
            self.doc.flush()
        except StorageError as exc:
            self._on_command_error(str(exc))
            return False
        return True

    def _teardown_panels(self) -> None:
        for dock in self.docks.values():
            self.removeDockWidget(dock)
            dock.deleteLater()
        self.docks.clear()
        self.panels.clear()
        for menu in (self.edit_menu, self.view_menu, self.map_menu):
            for action in menu.actions()[2 if menu is self.edit_menu else 0 :]:
                menu.removeAction(action)
        for name in ("_import_actions", "_export_actions"):
            setattr(self, name, [])
        for toolbar in getattr(self, "_toolbars", []):
            self.removeToolBar(toolbar)
            toolbar.deleteLater()
        self._toolbars = []

    def add_dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[name] = dock
        self.panels[name] = widget

    def _on_map_changed(self, changes) -> None:  # noqa: ANN001
        if any(ch.kind in ("meta", "reset") for ch in changes):
            self._update_title()
        self._status_timer().start()

    def _status_timer(self) -> QTimer:
        if not hasattr(self, "_timer"):
            self._timer = QTimer(self, singleShot=True, interval=50)
            self._timer.timeout.connect(self._update_status)
        return self._timer

    def _update_title(self) -> None:
        if self.doc is None:
            self.setWindowTitle("Cruxmap")
            return
        title = self.doc.map.meta.get("title", "")
        name = self.doc.path.name
        self.setWindowTitle(f"{name} — {title}" if title else name)
        self.setWindowFilePath(str(self.doc.path))

    def _update_status(self) -> None:
        if self.doc is None:
            self._credence_label.setText("")
            return
        amap = self.doc.map
        workspace = getattr(self, "workspace", None)
        # Counts the scene keeps: networkx's number_of_edges() walks every node (0.1 s at 100k).
        links = workspace.scene.edge_count() if workspace is not None else amap.graph.size()
        text = f"{len(amap)} nodes · {links} links"
        try:
            from model.credence import thesis_credence
        except ImportError:
            thesis_credence = None
        thesis = amap.thesis
        if thesis_credence is not None and thesis is not None:
            p = thesis_credence(amap)
            if p is not None:
                scenario = amap.current_scenario or "map defaults"
                text = f"Thesis {p:.0%} ({scenario}) · " + text
        self._credence_label.setText(text)

    # ----------------------------------------------------------------- errors
    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, "Cruxmap", message)

    def check_outside_changes(self) -> bool:
        """Reload what another program wrote to the open map (not while a dialog is open)."""
        if self.doc is None or QApplication.activeModalWidget() is not None:
            return False
        if not self.flush_writes():
            return False
        try:
            return self.doc.refresh()
        except DocumentError as exc:  # the file went bad under us: keep showing the map
            if str(exc) != self._outside_error:
                self._outside_error = str(exc)
                self.statusBar().showMessage(f"{exc}; the map shown is the last good one", 15000)
            return False

    def _on_outside_change(self, message: str) -> None:
        """The open map now shows another program's changes: old undo steps no longer apply."""
        QTimer.singleShot(0, self.undo_stack.clear)  # not inside a push or an undo in progress
        self.statusBar().showMessage(f"{message}; the undo history was cleared", 10000)

    def _on_command_notice(self, message: str) -> None:
        self.statusBar().showMessage(message, 12000)

    def _on_command_error(self, message: str) -> None:
        self.show_error(message)
        if "could not be written" in message:
            QTimer.singleShot(0, self.undo_stack.clear)

    # ----------------------------------------------------------- drag & drop
    def dragEnterEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
            if not all(u.toLocalFile().endswith(".cruxmap") for u in event.mimeData().urls()):
                self._warm_importer()  # an article on its way: load the importer meanwhile

    def _warm_importer(self) -> None:
        """Make sure the import child that loads the importer ahead of a drop is running (it
        stays ready if the drag goes elsewhere: the importer keeps one)."""
        if self.workspace is not None:
            self.workspace.importer.prewarm()

    def dropEvent(self, event) -> None:  # noqa: ANN001, N802
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile()) if url.isLocalFile() else None
            if path is not None and path.suffix == ".cruxmap":
                self.open_path(path)
                return
            importer = getattr(self, "import_article", None)
            if importer is not None:
                importer(str(path) if path else url.toString())
                return

    # --------------------------------------------------------------- settings
    def _recent(self) -> list[str]:
        value = QSettings().value("files/recent", [], list) or []
        return [p for p in value if Path(p).is_file()]

    def _remember_recent(self, path: Path) -> None:
        path_s = str(Path(path).resolve())
        recent = [path_s] + [p for p in self._recent() if p != path_s]
        settings = QSettings()
        settings.setValue("files/recent", recent[:MAX_RECENT])
        settings.setValue("files/last", path_s)

    def _forget_recent(self, path: Path) -> None:
        path_s = str(Path(path).resolve())
        QSettings().setValue("files/recent", [p for p in self._recent() if p != path_s])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self._recent()
        for i, p in enumerate(recent):
            a = self.recent_menu.addAction(f"&{i + 1} {Path(p).name}")
            a.setToolTip(p)
            a.triggered.connect(lambda _=False, p=p: self.open_path(Path(p)))
        if not recent:
            self.recent_menu.addAction("No recent maps").setEnabled(False)

    def _restore_settings(self) -> None:
        s = QSettings()
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def restore_dock_state(self) -> None:
        state = QSettings().value("window/state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        s = QSettings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        self._set_document(None)
        if commands.error_reporter == self._on_command_error:
            commands.error_reporter = None
        if commands.notice_reporter == self._on_command_notice:
            commands.notice_reporter = None
        super().closeEvent(event)

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(menu, command, keys) for every menu command that has a shortcut."""
        rows = []
        for menu in (self.file_menu, self.edit_menu, self.view_menu, self.map_menu, self.help_menu):
            for action in menu.actions():
                keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                                 for k in action.shortcuts())  # fmt: skip
                if keys and action.text():
                    name = plain_text(menu.title())
                    rows.append((name, plain_text(action.text()), keys))
        return rows

    def show_shortcuts(self) -> None:
        """Help → Keyboard Shortcuts: every command with its keys, read from the live menus."""
        rows = "".join(
            f"<tr><td>{m}</td><td>{html.escape(c)}</td><td><b>{html.escape(k)}</b></td></tr>"
            for m, c, k in self.shortcut_rows()
        )
        box = QMessageBox(self)
        box.setWindowTitle("Keyboard Shortcuts")
        box.setText(
            "<table cellspacing=6><tr><th align=left>Menu</th><th align=left>Command</th>"
            f"<th align=left>Keys</th></tr>{rows}</table><p>On the map: Shift+drag from one "
            "node to another draws a link; dropping a node on another re-attaches it; the "
            "wheel zooms, middle-drag or Space+drag pans, arrow keys move between nodes.</p>"
        )
        box.exec()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Cruxmap",
            "<h3>Cruxmap</h3><p>Map the debate over whether scaling today's LLMs leads to AGI: "
            "claims, evidence and the trend data behind them, weighed into an explainable "
            "credence.</p><p>Every edit is saved as you make it.</p>",
        )


def redo_keys() -> list[QKeySequence]:
    """Ctrl+Shift+Z and Ctrl+Y (and the platform's own), each once: a key listed twice on one
    action makes Qt call it ambiguous and do nothing."""
    keys = [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
    keys += QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    out: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and key not in out:
            out.append(key)
    return out


def _with_suffix(path: str) -> Path:
    p = Path(path)
    return p if p.suffix == ".cruxmap" else p.with_name(p.name + ".cruxmap")


def _freeze_heap() -> None:
    """Keep the open map's objects (200,000 items and values at 100,000 nodes) out of the
    garbage collector's full passes: each pass walked all of them, 50-100 ms in the middle
    of an edit or a frame. Objects made later are collected as usual; `_set_document`
    unfreezes before the map is closed. (No collection first: it would cost ~0.3 s at
    100,000 nodes, and what reading leaves behind is freed by reference counting.)"""
    gc.freeze()


__all__ = ["MainWindow", "StorageError"]
