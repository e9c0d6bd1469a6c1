"""The trends dock: one chart per chosen series, fits and projections, tied to the map.

The panel mirrors the model: it listens to the map and redraws the charts whose series
changed. It keeps only view state (which series are shown, fit range, comparisons), never
data the model lacks. Edits it makes — a chart point turned into an evidence node, an
imported series — are QUndoCommands that call model methods only.
"""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from model.argmap import ArgumentMap, Change
from model.entities import Citation, Node, Series, Source, new_id, now_iso
from model.trends import bound_of, reference_target, spans_orders_of_magnitude
from ui.panels.series_chart import FitOptions, SeriesChart, format_value

PANEL_MIN_WIDTH = 440  # px; a wider dock shows panels side by side
PANEL_HEIGHT = 340  # px of one chart panel in a side dock, where panels scroll downwards
PANEL_MIN_HEIGHT = 220  # px; a low bottom dock shrinks its row of charts down to this
DEFAULT_PANELS = ("train_compute_flop", "train_cost_usd", "arc_agi_1_pct", "arc_agi_2_pct",
                  "dataset_tokens")  # fmt: skip
_URL = re.compile(r"https?://[^\s;,<>\"')]+")


def first_url(text: str) -> str | None:
    """The first http(s) address in a source string (sources may list several, or none)."""
    m = _URL.search(text or "")
    return m.group(0).rstrip(".") if m else None


# ------------------------------------------------------------------ undo commands
class PutSeriesCommand(QUndoCommand):
    """Add or replace a series (import); undo puts back exactly what was there."""

    def __init__(self, amap: ArgumentMap, series: Series, text: str = "") -> None:
        super().__init__(text or f"Import trend data {series.name}")
        self.amap, self.new = amap, series
        self.old = amap.series.get(series.name)

    def redo(self) -> None:
        with self.amap.batch(self.text()):
            self.amap.put_series(self.new)

    def undo(self) -> None:
        with self.amap.batch(f"Undo {self.text()}"):
            if self.old is None:
                self.amap.remove_series(self.new.name)
            else:
                self.amap.put_series(self.old)


def evidence_from_point(
    amap: ArgumentMap, series_name: str, index: int
) -> tuple[Node, Source | None]:
    """The evidence node a chart point becomes, and the Source it cites (None if already there)."""
    s = amap.series[series_name]
    p = s.points[index]
    title = f"{p.label or s.title}: {format_value(p.value, s.unit)} ({p.date})"
    url = first_url(p.source) or ""
    source = next((x for x in amap.sources.values() if p.source and (x.url == url and url
                   or x.title == p.source)), None)  # fmt: skip
    new_source = None
    if source is None and p.source:
        new_source = Source(id=new_id(), title=(p.label or s.title) + " — " + p.source[:80],
                            url=url, kind="dataset", date=p.date, added=now_iso())  # fmt: skip
        source = new_source
    cites = (Citation(source.id, locator=f"{s.title or s.name}, {p.date}"),) if source else ()
    stamp = now_iso()
    node = Node(id=new_id(), kind="evidence", title=title, text=p.note, prior=0.8,
                citations=cites, series=series_name, created=stamp, modified=stamp)  # fmt: skip
    return node, new_source


class AddEvidenceFromPointCommand(QUndoCommand):
    """Turn a chart point into an evidence node citing the point's source."""

    def __init__(self, amap: ArgumentMap, series_name: str, index: int) -> None:
        self.amap = amap
        self.node, self.source = evidence_from_point(amap, series_name, index)
        super().__init__(f"Add evidence {self.node.title[:40]}")

    def redo(self) -> None:
        with self.amap.batch(self.text()):
            if self.source is not None:
                self.amap.add_source(self.source)
            self.amap.insert_node(self.node)

    def undo(self) -> None:
        with self.amap.batch(f"Undo {self.text()}"):
            self.amap.remove_node(self.node.id)
            if self.source is not None:
                self.amap.remove_source(self.source.id)


# ------------------------------------------------------------------ one panel
class _Panel(QWidget):
    """A chart with its own header: fit toggle and a series to compare on a second axis."""

    def __init__(self, dock: TrendsPanel, name: str) -> None:
        super().__init__()
        self.dock = dock
        self.chart = SeriesChart(dock.amap, name)
        self.fit_box = QCheckBox("Fit")
        self.fit_box.setToolTip(
            "Exponential fit (logistic for a % score, which cannot pass 100%) with its 90% band,"
            " projected"
        )
        s = dock.amap.series.get(name)
        fits = s is not None and (spans_orders_of_magnitude(s) or bound_of(s.unit) is not None)
        self.fit_box.setChecked(bool(s and s.kind == "data" and fits))
        self.compare = QComboBox()
        self.compare.setToolTip("Compare with another series on a second axis")
        self.compare.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.compare.setMinimumContentsLength(12)
        head = QHBoxLayout()
        head.setContentsMargins(4, 0, 4, 0)
        head.addStretch(1)
        head.addWidget(self.fit_box)
        head.addWidget(QLabel("vs"))
        head.addWidget(self.compare)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addWidget(self.chart)
        self.setFixedHeight(PANEL_HEIGHT)
        self.fill_compare()
        self.fit_box.toggled.connect(self.update_chart)
        self.compare.currentIndexChanged.connect(self.update_chart)
        self.chart.pointClicked.connect(dock.open_source)
        self.chart.pointMenuRequested.connect(dock.point_menu)

    @property
    def name(self) -> str:
        return self.chart.name

    def fill_compare(self) -> None:
        current = self.compare.currentData()
        self.compare.blockSignals(True)
        self.compare.clear()
        self.compare.addItem("—", None)
        for s in self.dock.amap.series.values():
            if s.kind == "data" and s.name != self.name:
                self.compare.addItem(s.title or s.name, s.name)
        i = self.compare.findData(current)
        self.compare.setCurrentIndex(max(i, 0))
        self.compare.blockSignals(False)

    def update_chart(self) -> None:
        o = self.dock.fit_options()
        self.chart.compare = self.compare.currentData()
        self.chart.set_fit(dataclasses.replace(o, enabled=self.fit_box.isChecked()))


# ------------------------------------------------------------------ the dock widget
class TrendsPanel(QWidget):
    """Charts of the map's trend series for a dock.

    Signals: `pointToEvidence(series, index)` when the user asks to turn a point into an
    evidence node and no undo stack was given (with one, the panel pushes the command itself
    and emits `evidenceAdded(node_id)`); `importRequested()` from the Import… button.
    """

    pointToEvidence = Signal(str, int)
    evidenceAdded = Signal(str)
    importRequested = Signal()
    emptyChanged = Signal(bool)  # the map has (no longer) any series: the dock may shrink

    def __init__(self, amap: ArgumentMap, undo_stack: QUndoStack | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.amap = amap
        self.undo_stack = undo_stack
        self.panels: dict[str, _Panel] = {}
        self.highlighted: str | None = None
        self.confirm_open = self._confirm_open  # replaceable in tests
        self.open_url = lambda url: QDesktopServices.openUrl(QUrl(url))
        self._build()
        amap.subscribe(self._on_changes)
        self.set_chosen(self._default_choice())

    # ------------------------------------------------------------- layout
    def _build(self) -> None:
        self.series_button = QToolButton()
        self.series_button.setText("Series")
        self.series_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.series_menu = QMenu(self)
        self.series_button.setMenu(self.series_menu)
        self.start = self._year_box("Fit from this year (empty: all data)", 1950, special="all")
        self.end = self._year_box("Fit up to this year (inclusive)", 1950, special="all")
        self.until = self._year_box("Project the fit to this year", 2000, value=2030)
        top = QHBoxLayout()
        top.setContentsMargins(4, 4, 4, 0)
        top.addWidget(self.series_button)
        for text, box in (("fit", self.start), ("–", self.end), ("project to", self.until)):
            top.addWidget(QLabel(text))
            top.addWidget(box)
        top.addStretch(1)
        imp = QToolButton()
        imp.setText("Import…")
        imp.setToolTip("Import trend data from a CSV (e.g. Epoch AI's export)")
        imp.clicked.connect(self.importRequested)
        top.addWidget(imp)
        self.body = QWidget()
        self.column = QGridLayout(self.body)  # panels flow into as many columns as fit
        self.column.setContentsMargins(0, 0, 0, 0)
        self._columns = 1
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.body)
        self.scroll.viewport().installEventFilter(self)  # rows follow the visible height
        self.empty = QLabel("This map has no trend series. Import one with Import…")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll, 1)
        for box in (self.start, self.end, self.until):
            box.valueChanged.connect(self._options_changed)

    def _year_box(
        self, tip: str, minimum: int, value: int | None = None, special: str = ""
    ) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setDecimals(0)
        box.setRange(minimum - (1 if special else 0), 2100)
        box.setSpecialValueText(special)
        box.setValue(value if value is not None else box.minimum())
        box.setToolTip(tip)
        box.setKeyboardTracking(False)
        return box

    def fit_options(self) -> FitOptions:
        def year(box: QDoubleSpinBox) -> float | None:
            return None if box.specialValueText() and box.value() == box.minimum() else box.value()

        return FitOptions(
            enabled=True, start=year(self.start), end=year(self.end), until=year(self.until)
        )

    # ------------------------------------------------------------- choosing series
    def _default_choice(self) -> list[str]:
        names = [n for n in DEFAULT_PANELS if n in self.amap.series]
        if not names:
            names = [s.name for s in self.amap.series.values() if s.kind == "data"][:4]
        return names

    def chosen(self) -> list[str]:
        """Names of the series shown, in order (the lead may keep them in QSettings)."""
        return list(self.panels)

    def set_chosen(self, names: list[str]) -> None:
        keep = [n for n in names if n in self.amap.series]
        for name in list(self.panels):
            if name not in keep:
                self._drop(self.panels.pop(name))
        for name in keep:
            if name not in self.panels:
                self.panels[name] = panel = _Panel(self, name)
                panel.setFixedHeight(self.panel_height())
                panel.update_chart()
        self.panels = {name: self.panels[name] for name in keep}  # in the order asked for
        self._arrange()
        self._fill_menu()
        empty = not self.amap.series
        if empty != self.empty.isVisible() or empty == self.scroll.isVisible():
            self.empty.setVisible(empty)
            self.scroll.setVisible(not empty)
            self.updateGeometry()
            self.emptyChanged.emit(empty)

    def is_empty(self) -> bool:
        return not self.amap.series

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        """Small when there is nothing to chart, so an empty dock leaves the room to the map."""
        hint = super().sizeHint()
        return QSize(hint.width(), 70) if self.is_empty() else hint

    def _arrange(self) -> None:
        """Lay the panels out in a grid: one column in a side dock, several in a wide bottom dock."""
        while self.column.count():
            self.column.takeAt(0)
        cols = self._columns
        for i, name in enumerate(self.panels):
            self.column.addWidget(self.panels[name], i // cols, i % cols)
        # a grid keeps the stretch of columns and rows it no longer fills: reset them all, or
        # charts narrowed from three columns to two sit beside an empty third
        for c in range(max(cols, self.column.columnCount())):
            self.column.setColumnStretch(c, 1 if c < cols else 0)
        last = len(self.panels) // cols + 1
        for r in range(max(last + 1, self.column.rowCount())):
            self.column.setRowStretch(r, 1 if r == last else 0)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        cols = max(1, min(len(self.panels) or 1, self.width() // PANEL_MIN_WIDTH))
        if cols != self._columns:
            self._columns = cols
            self._arrange()
        self._fit_rows()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and watched is self.scroll.viewport():
            self._fit_rows()
        return super().eventFilter(watched, event)

    def panel_height(self) -> int:
        """A wide, low bottom dock shows its first row of charts whole (they scroll sideways
        in rows below); a side dock stacks full-height charts that scroll downwards."""
        if self._columns == 1:
            return PANEL_HEIGHT
        room = self.scroll.viewport().height()
        return max(PANEL_MIN_HEIGHT, min(PANEL_HEIGHT, room))

    def _fit_rows(self) -> None:
        height = self.panel_height()
        for panel in self.panels.values():
            if panel.height() != height:
                panel.setFixedHeight(height)

    def _drop(self, panel: _Panel) -> None:
        self.column.removeWidget(panel)
        panel.hide()
        panel.setParent(None)
        panel.deleteLater()

    def _fill_menu(self) -> None:
        self.series_menu.clear()
        for s in self.amap.series.values():
            if s.kind != "data":
                continue
            act = QAction(f"{s.title or s.name}  ({len(s.points)})", self.series_menu)
            act.setCheckable(True)
            act.setChecked(s.name in self.panels)
            act.setData(s.name)
            act.toggled.connect(lambda on, n=s.name: self._toggle(n, on))
            self.series_menu.addAction(act)

    def _toggle(self, name: str, on: bool) -> None:
        names = self.chosen()
        if on and name not in names:
            names.append(name)
        elif not on and name in names:
            names.remove(name)
        self.set_chosen(names)

    def _options_changed(self) -> None:
        for panel in self.panels.values():
            panel.update_chart()

    # ------------------------------------------------------------- the map
    def set_map(self, amap: ArgumentMap) -> None:
        """Show another map (a new document was opened)."""
        self.amap.unsubscribe(self._on_changes)
        self.amap = amap
        amap.subscribe(self._on_changes)
        for name in list(self.panels):
            self._drop(self.panels.pop(name))
        self.set_chosen(self._default_choice())

    def detach(self) -> None:
        """Stop listening to the map (call before the panel is destroyed)."""
        self.amap.unsubscribe(self._on_changes)

    def _on_changes(self, changes: list[Change]) -> None:
        kinds = {c.kind for c in changes}
        if "reset" in kinds:
            self.set_chosen(
                [n for n in self.chosen() if n in self.amap.series] or self._default_choice()
            )
        elif "series" not in kinds:
            return
        changed = {c.key for c in changes if c.kind == "series"}
        names = self.chosen()
        for name in changed:
            if name in self.amap.series and not names and self.amap.series[name].kind == "data":
                names.append(name)
        self.set_chosen(names)
        for panel in self.panels.values():
            panel.fill_compare()
            panel.chart.amap = self.amap
            panel.update_chart()

    # ------------------------------------------------------------- selection
    def highlight_series(self, name: str | None) -> None:
        """Show and mark the panel of `name` (an evidence node's series); None clears the mark."""
        target = reference_target(self.amap.series, name) if name else None
        for panel in self.panels.values():
            panel.chart.set_highlighted(False)
        self.highlighted = target
        if target is None:
            return
        if target not in self.panels:
            self.set_chosen([*self.chosen(), target])
        panel = self.panels[target]
        panel.chart.set_highlighted(True)
        self.scroll.ensureWidgetVisible(panel)

    # ------------------------------------------------------------- point actions
    def open_source(self, series_name: str, index: int) -> bool:
        """Open a point's source in the browser after asking; only http and https addresses."""
        s = self.amap.series.get(series_name)
        if s is None or not 0 <= index < len(s.points):
            return False
        p = s.points[index]
        url = first_url(p.source)
        if url is None:
            QMessageBox.information(
                self, "Source", f"{p.label or s.title}\n\nSource: {p.source or 'none given'}"
            )
            return False
        if not self.confirm_open(url):
            return False
        self.open_url(url)
        return True

    def _confirm_open(self, url: str) -> bool:
        answer = QMessageBox.question(
            self, "Open source", f"Open this address in your browser?\n\n{url}"
        )
        return answer == QMessageBox.StandardButton.Yes

    def point_menu(self, series_name: str, index: int, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction("Open source…", lambda: self.open_source(series_name, index))
        menu.addAction(
            "New evidence node from this point", lambda: self.make_evidence(series_name, index)
        )
        menu.exec(pos)

    def make_evidence(self, series_name: str, index: int) -> str | None:
        """Create the evidence node (undoably) or hand the request to the window via the signal."""
        if self.undo_stack is None:
            self.pointToEvidence.emit(series_name, index)
            return None
        cmd = AddEvidenceFromPointCommand(self.amap, series_name, index)
        self.undo_stack.push(cmd)
        self.evidenceAdded.emit(cmd.node.id)
        return cmd.node.id
