"""Everything the main window shows for one open map, and the signals between the panels.

Built when a map opens and torn down when it closes, so no panel ever outlives its model.
Panels never talk to each other directly: the map (model) is the shared truth, and this
module only forwards "show me this node" requests between them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from storage.document import MapDocument
from ui.commands.edits import push
from ui.dialog_paths import remember_dir, start_dir
from ui.dock_sizes import DockSizer
from ui.importing.import_flow import ArticleImporter
from ui.map.editor import MapEditor
from ui.map.filterbar import FilterBar
from ui.map.findbar import FindBar
from ui.map.focus_view import FocusView
from ui.map.minimap import MinimapCorner
from ui.map.scene import MapScene
from ui.map.undo_focus import UndoFocus
from ui.map.view import MapView
from ui.panels.credence_panel import CredencePanel
from ui.panels.inspector import Inspector
from ui.panels.sources_panel import SourcesPanel
from ui.panels.trends_dock import PutSeriesCommand, TrendsPanel

ARTICLE_FILTER = "Articles (*.html *.htm *.md *.markdown *.txt *.pdf);;All files (*)"
LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
SIDE_WIDTHS = (340, 380)  # px of the Credence and Inspector docks on first run
TRENDS_DOCK_HEIGHT = 300  # px of a Trends dock with charts: one row of whole charts


#: What the docks and bars take from the window around the map view (measured at 1280×800
#: and 1600×1000 under Xvfb); the map's first layout is made for the shape that is left.
DOCKS_WIDTH, BARS_HEIGHT, TRENDS_HEIGHT = 760, 162, 190


def _view_aspect(window, charts: bool) -> float:  # noqa: ANN001
    """The map view's width:height once the window is laid out, estimated before it exists;
    a wrong guess costs only the second layout that Zoom to Fit makes anyway."""
    width = window.width() - DOCKS_WIDTH
    height = window.height() - BARS_HEIGHT - (TRENDS_HEIGHT if charts else 0)
    return width / height if width > 200 and height > 200 else 0.0


def build_workspace(window, doc: MapDocument) -> None:  # noqa: ANN001 (MainWindow; avoids a cycle)
    """Create the scene, view, editor and panels for `doc` inside `window`."""
    amap, stack = doc.map, window.undo_stack
    scene = MapScene(amap, aspect=_view_aspect(window, bool(amap.series)))
    view = MapView(scene)
    editor = MapEditor(scene, view, stack, parent=window)
    corner = MinimapCorner(view, editor.inline_rects)

    find = FindBar(amap)
    find.hide()
    filters = FilterBar(amap)
    centre = QWidget()
    layout = QVBoxLayout(centre)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(find)
    views = QStackedWidget()
    focus = FocusView(scene, editor)
    views.addWidget(view)
    views.addWidget(focus)
    layout.addWidget(views, 1)
    window.setCentralWidget(centre)

    credence = CredencePanel(amap, stack)
    inspector = Inspector(amap, stack)
    sources = SourcesPanel(amap, stack)
    trends = TrendsPanel(amap, stack)
    window.add_dock("credence", "Credence", credence, LEFT)
    window.add_dock("sources", "Sources", sources, LEFT)
    window.tabifyDockWidget(window.docks["credence"], window.docks["sources"])
    window.docks["credence"].raise_()
    window.add_dock("inspector", "Inspector", inspector, RIGHT)
    window.add_dock("trends", "Trends", trends, BOTTOM)
    # The map gets the larger share: side docks as narrow as their content reads well, and
    # the docks give way in a small window (DockSizer), taking these sizes back as it grows.
    docks = window.docks
    side, bottom = [docks["credence"], docks["inspector"]], [docks["trends"]]
    sizer = DockSizer(window, side, bottom, dict(zip(side, SIDE_WIDTHS, strict=True)))
    window.resizeDocks(side, list(SIDE_WIDTHS), Qt.Orientation.Horizontal)

    def fit_trends_dock(empty: bool) -> None:
        """An empty Trends dock keeps one line of height, leaving the room to the map; a full
        one shows a row of whole charts and the map keeps the larger share of the window."""
        height = trends.sizeHint().height() if empty else TRENDS_DOCK_HEIGHT
        sizer.preferred[docks["trends"]] = height
        window.resizeDocks(bottom, [height], Qt.Orientation.Vertical)

    fit_trends_dock(trends.is_empty())
    trends.emptyChanged.connect(fit_trends_dock)

    ws = window.workspace = _Workspace(window, doc, scene, view, editor, find, filters)
    ws.minimap = corner
    ws.focus, ws.views = focus, views
    ws.undo_focus = UndoFocus(stack, scene, view)
    ws.panels = [scene, focus, find, filters, credence, inspector, sources, trends, ws.undo_focus,
                 sizer]  # fmt: skip

    sent_to_title: list[QWidget] = []  # the view that sent the user to the Inspector's title

    def edit_in_inspector(node_id: str) -> None:
        """Type a title where the canvas cannot show its in-place editor (focus view); Enter
        or Escape there goes back to the view, so Tab / Shift+Tab keep adding reasons."""
        sent_to_title[:] = [views.currentWidget()]
        scene.select_nodes([node_id])
        window.docks["inspector"].show()
        window.docks["inspector"].raise_()
        inspector.title.setFocus()
        inspector.title.selectAll()

    def back_from_title() -> None:
        if sent_to_title:
            sent_to_title.pop().setFocus()

    inspector.title.done.connect(back_from_title)

    editor.titleWanted.connect(edit_in_inspector)
    focus.editRequested.connect(edit_in_inspector)
    ws.trends = trends
    chosen = QSettings().value("trends/chosen", [], list) or []
    if chosen and any(name in amap.series for name in chosen):
        trends.set_chosen(chosen)
    ws.importer = ArticleImporter(amap, stack, window)

    def place_imported(ids: list[str]) -> dict[str, tuple[float, float]]:
        """An import's new cards as one block per target, near it and shaped like the view."""
        from model.layout import place_group

        rect = view.viewport().rect()
        aspect = rect.width() / rect.height() if rect.height() > 0 else scene.target_aspect
        return place_group(scene.layout, amap, ids, aspect)

    ws.importer.placer = place_imported

    def show_imported(ids: list[str]) -> None:
        """What the import added: selected and framed as Zoom to Selection frames them
        (fitted, centred, at most 100 %), wherever the view was and however far in or out, so
        the user sees the new cards rather than the map around them."""
        ids = [i for i in ids if i in amap]
        if ids:
            scene.select_nodes(ids)
            view.frame_nodes(ids, readable=True)

    ws.importer.imported.connect(show_imported)
    window.import_article = ws.importer.start
    # A warm import child stands by from shortly after the map's first frame, so that an
    # article dropped with no warning does not wait for the importer to load.
    view.framePainted.connect(ws.importer.keep_ready, Qt.ConnectionType.SingleShotConnection)

    def show_node(node_id: str) -> None:
        if node_id in amap:
            view.center_on_node(node_id, select=True)

    def on_selection(ids: list[str]) -> None:
        inspector.show_nodes(ids)
        series = [amap.node(i).series for i in ids if i in amap and amap.node(i).series]
        if series:
            trends.highlight_series(series[0])
            window.docks["trends"].raise_()
        else:
            trends.highlight_series(None)

    scene.selectionChangedIds.connect(on_selection)
    for signal in (inspector.nodeRequested, sources.nodeRequested, credence.nodeActivated,
                   trends.evidenceAdded, find.currentChanged):  # fmt: skip
        signal.connect(show_node)
    find.highlightChanged.connect(scene.set_highlight)
    filters.filterChanged.connect(
        lambda kept: scene.set_dimmed(None if kept is None else set(amap.graph.nodes) - set(kept))
    )
    trends.importRequested.connect(ws.import_trends)
    editor.message.connect(lambda text: window.statusBar().showMessage(text, 6000))
    _fill_menus(window, ws)
    inspector.set_hints(start_hints(window.shortcut_rows()))
    _write_after_frames(window, doc, view)
    view.home()


#: The first moves a new user needs, in this order, as named in the menus.
START = ("Add Supporting Claim", "Add Counterclaim", "Add Evidence", "Edit Title", "Delete",
         "Focus View", "Find…", "Undo", "Keyboard Shortcuts")  # fmt: skip


def start_hints(rows: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(command, first key) of the START commands, taken from the live menus' (menu,
    command, keys) rows, so a hint never names a key that does nothing."""
    keys = {command: k.split(", ")[0] for _menu, command, k in rows}
    return [(command, keys[command]) for command in START if command in keys]


#: An edit that no frame of the map shows (the view is hidden or off the edit) is written
#: this long after it was made, at the latest.
WRITE_WITHIN_MS = 40


def _write_after_frames(window, doc: MapDocument, view: MapView) -> None:  # noqa: ANN001
    """Take the durable commit off the path from key press to frame: the document writes each
    edit right after the map's next frame (or within WRITE_WITHIN_MS), and always before the
    next edit begins (see `MapDocument.defer_writes`)."""
    fallback = QTimer(view)
    fallback.setSingleShot(True)
    fallback.setInterval(WRITE_WITHIN_MS)
    fallback.timeout.connect(window.flush_writes)

    def after_frame() -> None:
        if doc.unwritten:
            QTimer.singleShot(0, window.flush_writes)  # once this paint is done

    view.framePainted.connect(after_frame)
    doc.defer_writes(fallback.start)


class _Workspace:
    """The open map's widgets, kept together so the window can tear them down in one go."""

    def __init__(self, window, doc, scene, view, editor, find, filters) -> None:  # noqa: ANN001
        self.window, self.doc = window, doc
        self.scene, self.view, self.editor = scene, view, editor
        self.find, self.filters = find, filters
        self.panels: list[QObject] = []

    def view_actions(self) -> list[QAction]:
        """View → Map View (Ctrl+1) / Focus View (Ctrl+2): two views of one selection."""
        group = QActionGroup(self.window)
        out = []
        for index, text, key, tip in (
            (0, "&Map View", "Ctrl+1", "The whole map: zoom, pan, edit on the canvas"),
            (1, "F&ocus View", "Ctrl+2", "One claim with its supporters and attackers"),
        ):
            a = QAction(text, self.window)
            a.setCheckable(True)
            a.setChecked(index == 0)
            a.setShortcut(QKeySequence(key))
            a.setStatusTip(tip)
            a.triggered.connect(lambda _=False, i=index: self.show_view(i))
            group.addAction(a)
            out.append(a)
        self._view_actions = out
        return out

    def show_view(self, index: int) -> None:
        """Switch between the map (0) and the focus view (1), keeping the selection."""
        ids = self.scene.selected_node_ids()
        if index == 1:
            self.focus.focus_id = self.focus._start()
            self.focus._stale = True
        self.views.setCurrentIndex(index)  # showing the focus view builds its cards
        if getattr(self, "_view_actions", None):
            self._view_actions[index].setChecked(True)
        if index == 1:
            self.focus.setFocus()
        else:
            if ids:
                self.view.show_nodes(ids[-1:])
            self.view.setFocus()

    def detach(self) -> None:
        """Unsubscribe every panel from the model before the document closes."""
        QSettings().setValue("trends/chosen", self.trends.chosen())
        for panel in self.panels:
            detach = getattr(panel, "detach", None)
            if detach is not None:
                detach()
        self.editor.deleteLater()
        self.importer.drop_spare()
        self.importer.deleteLater()

    def import_article_dialog(self) -> None:
        self.importer.prewarm()  # the importer loads while the user picks the file (and stays)
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Import Article", str(start_dir("articles")), ARTICLE_FILTER
        )
        if path:
            remember_dir("articles", path)  # the next article is likely beside this one
            self.window.import_article(path)

    def import_url_dialog(self) -> None:
        self.importer.prewarm()
        url, ok = QInputDialog.getText(
            self.window, "Import Article from URL", "Address (http or https):"
        )
        if ok and url.strip():
            self.window.import_article(url.strip())

    def import_trends(self) -> None:
        from ui.importing.trend_import_dialog import ask_import

        series = ask_import(self.window, self.doc.map)
        if series is not None:
            push(self.window.undo_stack, PutSeriesCommand(self.doc.map, series), self.window)
            self.trends.highlight_series(series.name)


def _action(parent, text: str, slot, shortcut: str | None = None) -> QAction:  # noqa: ANN001
    a = QAction(text, parent)
    if shortcut:
        a.setShortcut(QKeySequence(shortcut))
    a.triggered.connect(slot)
    return a


def _fill_menus(window, ws: _Workspace) -> None:  # noqa: ANN001
    """Menus and toolbars from the editor's action groups and the workspace's own actions."""
    groups = ws.editor.actions()
    edit = window.edit_menu
    for name in ("add", "edit"):
        edit.addActions(groups.get(name, []))
        edit.addSeparator()
    edit.addActions(ws.find.actions_for_menu())
    window.map_menu.addActions(groups.get("layout", []))

    toolbar = QToolBar("Map", window)
    toolbar.setObjectName("toolbar-map")
    toolbar.setMovable(False)
    toolbar.addActions(groups.get("add", []))
    toolbar.addSeparator()
    toolbar.addActions(groups.get("edit", [])[:4])
    toolbar.addSeparator()
    toolbar.addActions(groups.get("layout", [])[:1] + [ws.editor.action("zoom_fit")])
    filter_bar = QToolBar("Filter", window)
    filter_bar.setObjectName("toolbar-filter")
    filter_bar.addWidget(ws.filters)
    filter_bar.setVisible(False)
    window.addToolBar(toolbar)
    window.addToolBarBreak()
    window.addToolBar(filter_bar)
    window._toolbars = [toolbar, filter_bar]

    view = window.view_menu
    view.addActions(ws.view_actions())
    view.addSeparator()
    view.addActions(groups.get("view", []))
    view.addSeparator()
    view.addAction(ws.minimap.action)
    show_filters = filter_bar.toggleViewAction()
    show_filters.setText("Show &Filter Bar")
    show_filters.setShortcut(QKeySequence("Ctrl+Shift+F"))
    view.addAction(show_filters)
    for dock in window.docks.values():
        view.addAction(dock.toggleViewAction())
    view.addSeparator()
    view.addMenu(window.scheme_menu)

    from ui.export.export_actions import export_actions

    window._import_actions = [
        _action(window, "Import &Article…", ws.import_article_dialog, "Ctrl+I"),
        _action(window, "Import Article from &URL…", ws.import_url_dialog),
        _action(window, "Import &Trend Data…", ws.import_trends),
    ]
    window._export_actions = export_actions(window, ws) + groups.get("export", [])
