"""The credence panel: the thesis credence, scenarios side by side, and why.

Meant for a dock. It mirrors the model: it subscribes to the map, coalesces the
notifications of one edit into one refresh, and recomputes only what a visible tab shows
(sensitivity and Monte Carlo are the dear parts on a large map). Switching scenario is an
undoable command; everything else here only reads.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import (
    QEvent,
    QObject,
    QRectF,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model.argmap import ArgumentMap, Change, MapError
from model.credence import (
    Distribution,
    credences,
    explain,
    scenario_credences,
    sensitivity,
    strongest_reasons,
)
from model.credence.dfquad import evaluate_dfquad
from model.credence.engine import MAP_WEIGHTS, evaluate
from model.credence.history import history_points
from model.credence.montecarlo import Plan, plan
from model.credence.redundancy import ThesisOverlaps
from model.entities import HistoryEntry
from model.formatting import signed
from model.readings import copy_name, is_authors_reading
from model.weights import STRENGTHS, UNWEIGHED, strength_meaning, strength_name
from ui.commands import edits as commands
from ui.commands.credence import NewScenarioCommand, SetScenarioCommand, set_strength_command
from ui.panels.scrolling import vertical_scroll
from ui.panels.wrapping_tabs import WrappingTabs
from ui.prefetch import after_first_frame

if TYPE_CHECKING:  # pyqtgraph (~0.25 s) loads after the window's first frame
    import pyqtgraph as pg

TORNADO_ROWS = 8  # the inputs that swing the thesis most; the note says how many move it
BAR_ROW_PX = 24  # the scenario bars: one row per scenario, however many there are
CRUX_ROWS = 8  # the cruxes chart shares its tab with two pickers: fewer, readable rows
MC_SAMPLES = 1000
DEFER_ABOVE_NODES = 20_000  # as the map's badges (ui.map.scene.DEFER_CREDENCE)
THREAD_ABOVE_NODES = 3000  # Monte Carlo takes ~50 ms per 1,000 nodes: keep the GUI responsive
FOR_COLOUR = "#2e8b57"
AGAINST_COLOUR = "#c0392b"
ACCENT = "#3a7bd5"


def _short(text: str, limit: int = 38) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _percent(p: float | None) -> str:
    return "—" if p is None else f"{100 * p:.0f}%"


def history_range(ys: list[float], least: float = 10.0) -> tuple[float, float]:
    """The history chart's vertical range, in %: the values with a margin, at least `least`
    points tall and within 0–100, so a move from 8% to 4% shows as a move, not a flat line
    at the bottom of a 0–100 axis."""
    lo, hi = min(ys) - 2.0, max(ys) + 2.0
    if hi - lo < least:
        mid = (lo + hi) / 2
        lo, hi = mid - least / 2, mid + least / 2
    shift = max(0.0, -lo) - max(0.0, hi - 100.0)
    return max(0.0, lo + shift), min(100.0, hi + shift)


def _colour_plot(plot: pg.PlotWidget, pal: QPalette) -> None:
    """A chart's paper and axes in the palette's colours (pyqtgraph keeps what it was given)."""
    plot.setBackground(pal.color(QPalette.ColorRole.Base))
    text = pal.color(QPalette.ColorRole.Text)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(text)
        axis.setTextPen(text)


class CredencePanel(QWidget):
    """Thesis credence, scenario picker and bars, reasons, tornado, histogram and history."""

    #: A node the user picked in the panel (a reason or an input), for the map to select.
    nodeActivated = Signal(str)
    #: The thesis credence after each refresh (None without a thesis).
    credenceChanged = Signal(object)

    def __init__(
        self, amap: ArgumentMap, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.amap = amap
        self.undo_stack = undo_stack
        self._dirty = {"reasons", "sensitivity", "uncertainty", "history", "data", "cruxes"}
        self._timer = QTimer(self, singleShot=True, interval=30)
        self._timer.timeout.connect(self.refresh)
        self._resized = QTimer(self, singleShot=True, interval=40)
        self._resized.timeout.connect(self._relayout_charts)
        self.shown_bars: list[tuple[str, str]] = []  # (name as drawn, percentage) per bar
        self._tornado_rows: list[str] = []  # the node of each tornado row, top first
        self._crux_names: list[str] = []  # the cruxes chart's rows, top first, in full
        self._mc_generation = 0
        self._mc_sink = _Sink(self)
        self._mc_sink.done.connect(self._show_distribution)
        self._build()
        amap.subscribe(self._on_changes)
        self.destroyed.connect(lambda *_: amap.unsubscribe(self._on_changes))
        if len(amap) > DEFER_ABOVE_NODES:  # the map's first frame first (compiling takes ~1 s)
            self._timer.start()
        else:
            self.refresh()  # the numbers at once; the charts right after the first frame
        after_first_frame(self._make_charts)

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        self.thesis_label = QLabel(wordWrap=True)
        self.thesis_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.credence_label = QLabel("—")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 3.2)
        font.setBold(True)
        self.credence_label.setFont(font)
        self.credence_label.setToolTip("Credence in the thesis under the active scenario")
        self.detail_label = QLabel(wordWrap=True)
        self.scenario_box = QComboBox()
        self.scenario_box.setToolTip("Weights profile: switching is undoable (Ctrl+Z)")
        self.scenario_box.activated.connect(self._on_scenario_picked)
        pick = QHBoxLayout()
        pick.addWidget(QLabel("Scenario:"))
        pick.addWidget(self.scenario_box, 1)
        # A tool button and a combo that may elide: the dock keeps its first-run width.
        self.scenario_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.scenario_box.setMinimumContentsLength(12)
        self.new_scenario_button = QToolButton(text="&New…")
        self.new_scenario_button.setToolTip(
            "New scenario: a copy of the weights shown now, under a name you choose, to weigh "
            "your way and compare (undoable)"
        )
        self.new_scenario_button.clicked.connect(self.new_scenario)
        pick.addWidget(self.new_scenario_button)
        head = QHBoxLayout()
        head.addWidget(self.credence_label)
        head.addWidget(self.detail_label, 1)
        self.unweighed_label = QLabel(wordWrap=True)
        self.weigh_button = QPushButton("&Weigh…")
        self.weigh_button.setToolTip(
            "Weigh the reasons on the thesis nobody has weighed yet, one after another (Alt+W, "
            "then 1–4 for each; Escape stops)"
        )
        self.weigh_button.clicked.connect(self.weigh_next)
        unweighed = QHBoxLayout()
        unweighed.addWidget(self.unweighed_label, 1)
        unweighed.addWidget(self.weigh_button)
        self._charts_ready = False
        self._bars_drawn: tuple | None = None
        self.bars = self._placeholder(height=120)
        self.tabs = WrappingTabs()
        self.reasons = QTreeWidget()
        self.reasons.setHeaderLabels(["Pull", "Strength", "Reason on the thesis"])
        self.reasons.setRootIsDecorated(False)
        for signal in (self.reasons.itemClicked, self.reasons.itemActivated):  # one click shows it
            signal.connect(
                lambda item, _col: self._activate(item.data(0, Qt.ItemDataRole.UserRole))
            )
        self.tornado = self._placeholder()
        self.histogram = self._placeholder()
        self.history = self._placeholder()
        self.uncertainty_note = QLabel(wordWrap=True)
        self.sensitivity_note = QLabel(wordWrap=True)
        self.history_note = QLabel(wordWrap=True)
        self.overlap_note = QLabel(wordWrap=True)
        self.merge_button = QPushButton("&Merge the two")
        self.merge_button.setToolTip(
            "Fold the weaker of two reasons that say nearly the same thing into the stronger "
            "(undoable)"
        )
        self.merge_button.clicked.connect(self.merge_overlap)
        self.overlap_note.hide()
        self.merge_button.hide()
        self._overlap = None
        self._overlaps = ThesisOverlaps()
        merge_row = QHBoxLayout()
        merge_row.addWidget(self.overlap_note, 1)
        merge_row.addWidget(self.merge_button)
        reasons_box = _stack(self.reasons)
        reasons_box.layout().addLayout(merge_row)
        self.tabs.addTab(reasons_box, "Reasons")
        # A chart above its note: in a short dock the page scrolls rather than let the chart
        # (at its minimum height) be drawn over the note's first lines.
        self.tabs.addTab(
            vertical_scroll(_stack(self.tornado, self.sensitivity_note)), "Sensitivity"
        )
        self.tabs.addTab(
            vertical_scroll(_stack(self.histogram, self.uncertainty_note)), "Uncertainty"
        )
        self.tabs.addTab(vertical_scroll(_stack(self.history, self.history_note)), "History")
        self.tabs.addTab(self._build_data_tab(), "Data")
        self.tabs.addTab(vertical_scroll(self._build_cruxes_tab()), "Cruxes")
        self.tabs.currentChanged.connect(lambda _i: self._refresh_tab())
        layout = QVBoxLayout(self)
        layout.addWidget(self.thesis_label)
        layout.addLayout(head)
        layout.addLayout(pick)
        layout.addLayout(unweighed)
        layout.addWidget(self.bars)
        layout.addWidget(self.tabs, 1)

    def _placeholder(self, height: int | None = None) -> QWidget:
        box = QWidget()
        if height:
            box.setFixedHeight(height)
        return box

    def _make_charts(self) -> None:
        """Put the pyqtgraph charts in place of their placeholders and draw them."""
        if self._charts_ready:
            return
        import pyqtgraph as pg

        for name, kwargs in (("bars", {"height": 120}), ("tornado", {}), ("histogram", {}),
                             ("history", {}), ("crux_plot", {})):  # fmt: skip
            old = getattr(self, name)
            new = self._plot(**kwargs)
            old.parentWidget().layout().replaceWidget(old, new)
            old.deleteLater()
            setattr(self, name, new)
        self.crux_plot.scene().sigMouseClicked.connect(self._crux_clicked)
        self.tornado.scene().sigMouseClicked.connect(self._tornado_clicked)
        # The scenario bars: names on the left, each percentage on the right axis, where no
        # name however long can push it out of the chart; the scale is that percentage.
        self.bars.showAxis("right")
        self.bars.hideAxis("bottom")
        right = self.bars.getAxis("right")
        right.setTextPen(self._text_colour())
        right.setPen(pg.mkPen(None))  # the numbers only: no second axis line, no ticks
        right.setTickPen(pg.mkPen(None))  # (a tick of length 0 still draws a dot)
        self.bars.getAxis("left").setStyle(tickLength=0)  # no tick over a bar's start
        self.tornado.hideAxis("left")  # each input's name is written above its bar
        for plot in (self.bars, self.tornado, self.crux_plot):
            plot.installEventFilter(self)
            _follow_row_tips(plot)
        self._charts_ready = True
        self._show_overlaps()
        if self._timer.isActive():
            return  # the first refresh is on its way and draws them
        self._draw_bars(evaluate(self.amap).scenario)
        self._refresh_tab()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """Recolour the charts when the light/dark scheme switches: their paper, axes and
        lines take the palette's colours when drawn, so each is drawn again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._charts_ready:
            self._recolour()

    def _recolour(self) -> None:
        pal = self.palette()
        for plot in (self.bars, self.tornado, self.histogram, self.history, self.crux_plot):
            _colour_plot(plot, pal)
        self.bars.getAxis("right").setTextPen(self._text_colour())
        self._dirty = {"reasons", "sensitivity", "uncertainty", "history", "data", "cruxes"}
        self._draw_bars(evaluate(self.amap).scenario)
        self._refresh_tab()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """A chart that changes width lays its names out again (elided to the new width)."""
        if event.type() == QEvent.Type.Resize and event.oldSize().width() != event.size().width():
            self._resized.start()
        return super().eventFilter(watched, event)

    def _relayout_charts(self) -> None:
        if not self._charts_ready:
            return
        self._draw_bars(evaluate(self.amap).scenario)
        if "cruxes" not in self._dirty:
            self._fit_crux_names()
        self._dirty.add("sensitivity")
        self._refresh_tab()

    def _plot(self, height: int | None = None) -> pg.PlotWidget:
        import pyqtgraph as pg  # binds to PySide6, the only Qt binding installed

        plot = pg.PlotWidget()
        _colour_plot(plot, self.palette())
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        if height:
            plot.setFixedHeight(height)
        else:
            plot.setMinimumHeight(140)  # a squeezed dock scrolls; its axis labels never pile up
        return plot

    # -------------------------------------------------------------- refreshing
    def detach(self) -> None:
        """Stop following the map (the window calls this before the map closes)."""
        self.amap.unsubscribe(self._on_changes)

    def _on_changes(self, changes: list[Change]) -> None:
        if all(ch.kind in ("source", "series") for ch in changes):
            return
        self._overlaps.heard(changes)
        self._dirty = {"reasons", "sensitivity", "uncertainty", "history", "data", "cruxes"}
        try:
            self._timer.start()
        except RuntimeError:  # the widget is gone but the map lives on: stop listening
            self.amap.unsubscribe(self._on_changes)

    def refresh(self) -> None:
        """Recompute the header, scenario bars and the visible tab now."""
        self._timer.stop()
        amap = self.amap
        res = evaluate(amap)
        thesis = amap.node(res.thesis) if res.thesis else None
        p = res.thesis_credence
        self.thesis_label.setText(thesis.title if thesis else "No thesis: add one to weigh it.")
        self.credence_label.setText(_percent(p))
        detail = (
            f"scenario: {res.scenario or 'map weights'}"
            if res.converged
            else f"a cycle did not settle after {res.iterations} iterations"
        )
        other = ""
        if p is not None:
            # Short enough to stay on one line beside the headline in a narrow dock (with a
            # desktop's 10–11 pt font "another method (DF-QuAD) says 43%" took two lines);
            # the tooltip says what the second number is.
            alt = _percent(evaluate_dfquad(amap).thesis_credence)
            detail += f"\nDF-QuAD method: {alt}"
            other = (f"Another method, DF-QuAD, reads the same map as {alt}. DF-QuAD is a "
                     "published semantics from computational argumentation. ")  # fmt: skip
        self.detail_label.setText(detail)
        self.detail_label.setToolTip(
            f"{other}The headline is the likelihood-ratio model of docs/credence.md; DF-QuAD"
            " combines the strongest supporters and attackers rather than adding evidence, so the"
            " two disagree when many reasons point one way."
        )
        self._fill_scenarios(res.scenario)
        self._show_unweighed()
        self._draw_bars(res.scenario)
        self._refresh_tab()
        self.credenceChanged.emit(p)

    def _refresh_tab(self) -> None:
        tabs = ("reasons", "sensitivity", "uncertainty", "history", "data", "cruxes")
        tab = tabs[max(0, self.tabs.currentIndex())]
        if tab in ("sensitivity", "uncertainty", "history", "cruxes") and not self._charts_ready:
            return  # drawn by _make_charts
        if tab in self._dirty:
            self._dirty.discard(tab)
            getattr(self, f"_draw_{tab}")()

    def _fill_scenarios(self, current: str) -> None:
        names = list(self.amap.scenarios) or [MAP_WEIGHTS]
        box = self.scenario_box
        box.blockSignals(True)
        box.clear()
        for name in names:
            box.addItem(name or "Map weights", name)
        box.setCurrentIndex(max(0, names.index(current) if current in names else 0))
        box.blockSignals(False)

    def _on_scenario_picked(self, index: int) -> None:
        name = self.scenario_box.itemData(index)
        if name == self.amap.current_scenario:
            return
        try:
            cmd = SetScenarioCommand(self.amap, name)
        except MapError:
            return
        commands.push(self.undo_stack, cmd, self)

    def new_scenario(self) -> None:
        """Ask for a name and add a scenario copying the weights shown now (one undo step)."""
        current = self.amap.current_scenario
        base = f"{current} (2)" if current else "My view"
        default, n = base, 2
        while default in self.amap.scenarios:
            n += 1
            default = f"{current} ({n})" if current else f"My view ({n})"
        if is_authors_reading(self.amap.scenarios.get(current)):  # as an edit of it would
            default = copy_name(self.amap.scenarios, current)
        name, ok = QInputDialog.getText(
            self,
            "New Scenario",
            "Name of the new scenario"
            + (f" (it starts as a copy of “{current}”):" if current else ":"),
            text=default,
        )
        if not ok:
            return
        try:
            cmd = NewScenarioCommand(self.amap, name)
        except MapError as exc:
            QMessageBox.warning(self, "Cruxmap", str(exc))
            return
        commands.push(self.undo_stack, cmd, self)

    def _activate(self, node_id: str | None) -> None:
        if node_id:
            self.nodeActivated.emit(node_id)

    # ------------------------------------------------------------------ charts
    def _draw_bars(self, current: str) -> None:
        if not self._charts_ready:
            return
        import pyqtgraph as pg

        plot = self.bars
        values = scenario_credences(self.amap)
        names = list(values)
        # Bars and labels as drawn (a tenth of a point is below a pixel): most weight edits
        # deep in a big map leave them as they are, and a redraw costs ~4 ms.
        drawn = (current, plot.width(), [(n, round(100 * v, 1)) for n, v in values.items()])
        if drawn == self._bars_drawn:
            return
        self._bars_drawn = drawn
        plot.clear()
        plot.setFixedHeight(BAR_ROW_PX * max(3, len(names)) + 12)
        self.shown_bars = []
        if not names:
            _set_row_tips(plot, {})
            return
        ys = np.arange(len(names))[::-1].astype(float)
        x = np.array([100 * values[n] for n in names])
        brushes = [pg.mkBrush(ACCENT if n == current else "#9aa5b1") for n in names]
        plot.addItem(pg.BarGraphItem(x0=0, y=ys, height=0.6, width=x, brushes=brushes))
        full = [n or "Map weights" for n in names]
        percents = [f"{v:.0f}%" for v in x]
        right = plot.getAxis("right")
        metrics = QFontMetrics(right.style.get("tickFont") or plot.font())
        right.setWidth(metrics.horizontalAdvance("100%") + metrics.averageCharWidth() + 8)
        right.setTicks([list(zip(ys.tolist(), percents, strict=True))])
        labels = _fit_left_axis(plot, full, share=0.55)
        plot.getAxis("left").setTicks([list(zip(ys.tolist(), labels, strict=True))])
        plot.setXRange(0, 100, padding=0.01)
        plot.setYRange(-0.6, len(names) - 0.4, padding=0)
        shown = {n: "  (shown now)" if n == current else "" for n in names}
        _set_row_tips(plot, {
            y: f"{name}: {pct}{shown[n]}"
            for y, n, name, pct in zip(ys.tolist(), names, full, percents, strict=True)
        })  # fmt: skip
        self.shown_bars = list(zip(labels, percents, strict=True))

    def _draw_reasons(self) -> None:
        self.reasons.clear()
        pro, con = strongest_reasons(self.amap, k=50)
        for pull in sorted(pro + con, key=lambda r: -r.points):
            item = QTreeWidgetItem(
                [f"{pull.points:+.1f} pts", strength_name(pull.label), pull.title]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, pull.source)
            item.setForeground(0, QColor(FOR_COLOUR if pull.points > 0 else AGAINST_COLOUR))
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            tip = f"{pull.title}\ncredence {_percent(pull.credence)}, λ = {pull.strength:g}"
            for col in range(3):
                item.setToolTip(col, tip)
            self.reasons.addTopLevelItem(item)
        self._list_unweighed()
        self.reasons.resizeColumnToContents(0)
        self.reasons.resizeColumnToContents(1)
        if self._charts_ready:  # the TF-IDF overlap check: after the first frame (_make_charts)
            self._show_overlaps()

    def _list_unweighed(self, limit: int = 50) -> None:
        """Reasons on the thesis nobody has weighed, after the weighed ones: they pull
        nothing yet, but a new map's reasons all start so, and an empty list looks broken."""
        thesis = self.amap.thesis
        if thesis is None:
            return
        grey = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for edge in self.amap.unweighed(thesis.id)[:limit]:
            title = self.amap.node(edge.source).title
            item = QTreeWidgetItem(["—", UNWEIGHED, title])
            item.setData(0, Qt.ItemDataRole.UserRole, edge.source)
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for col in range(3):
                item.setForeground(col, grey)
                item.setToolTip(col, f"{title}\n{strength_meaning(None)}")
            self.reasons.addTopLevelItem(item)

    def _show_overlaps(self) -> None:
        """Say when two reasons on the thesis restate one argument: both are counted. The
        check (TF-IDF over the thesis's reasons) runs again only when their texts or the set
        of them changed: a weight edit leaves the note as it is."""
        pairs = self._overlaps.pairs(self.amap)
        self._overlap = pairs[0] if pairs else None
        if self._overlap is not None:
            a, b = (self.amap.node(x).title for x in (pairs[0].first, pairs[0].second))
            more = f" ({len(pairs) - 1} more such pairs)" if len(pairs) > 1 else ""
            self.overlap_note.setText(
                f"≈ “{_short(a)}” and “{_short(b)}” say nearly the same thing "
                f"(similarity {pairs[0].similarity:.2f}): both are counted{more}."
            )
        self.overlap_note.setVisible(self._overlap is not None)
        self.merge_button.setVisible(self._overlap is not None)

    def merge_overlap(self) -> None:
        """Merge the flagged pair: the reason that pulls less folds into the other."""
        from ui.commands.merge import MergeNodesCommand

        pair = self._overlap
        if pair is None or self.amap.thesis is None:
            return
        pulls = {r.source: abs(r.points) for r in explain(self.amap, self.amap.thesis.id).reasons}
        keep, drop = sorted((pair.first, pair.second), key=lambda n: -pulls.get(n, 0.0))
        try:
            cmd = MergeNodesCommand(self.amap, keep, drop)
        except MapError:
            return
        commands.push(self.undo_stack, cmd, self)

    # ------------------------------------------------------ evidence and its data
    def _build_data_tab(self) -> QWidget:
        """Evidence tied to trend series, with the chart of the selected one beside its credence."""
        self.data_list = QTreeWidget()
        self.data_list.setHeaderLabels(["Credence", "Evidence resting on trend data"])
        self.data_list.setRootIsDecorated(False)
        self.data_list.currentItemChanged.connect(lambda item, _old: self._show_data(item))
        self.data_list.itemActivated.connect(
            lambda item, _col: self._activate(item.data(0, Qt.ItemDataRole.UserRole))
        )
        self.data_chart: QWidget | None = None
        self.data_box = QVBoxLayout()
        self.data_box.setContentsMargins(0, 0, 0, 0)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.data_list, 1)
        layout.addLayout(self.data_box, 2)
        return box

    def _draw_data(self) -> None:
        values = credences(self.amap)
        current = self.data_list.currentItem()
        keep = current.data(0, Qt.ItemDataRole.UserRole) if current else None
        self.data_list.clear()
        for node in self.amap.nodes():
            if node.series and node.series in self.amap.series:
                item = QTreeWidgetItem([_percent(values.get(node.id)), node.title])
                item.setData(0, Qt.ItemDataRole.UserRole, node.id)
                item.setToolTip(1, f"{node.title}\nseries: {self.amap.series[node.series].title}")
                self.data_list.addTopLevelItem(item)
                if node.id == keep:
                    self.data_list.setCurrentItem(item)
        self.data_list.resizeColumnToContents(0)
        if self.data_list.currentItem() is None and self.data_list.topLevelItemCount():
            self.data_list.setCurrentItem(self.data_list.topLevelItem(0))

    def _show_data(self, item: QTreeWidgetItem | None) -> None:
        from ui.panels.series_chart import SeriesChart

        node_id = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        series = self.amap.node(node_id).series if node_id in self.amap else None
        if self.data_chart is not None and getattr(self.data_chart, "name", None) == series:
            self.data_chart.refresh()
            return
        if self.data_chart is not None:
            self.data_box.removeWidget(self.data_chart)
            self.data_chart.deleteLater()
            self.data_chart = None
        if series:
            self.data_chart = SeriesChart(self.amap, series, compact=True)
            self.data_box.addWidget(self.data_chart)

    def _draw_sensitivity(self) -> None:
        """The tornado: the inputs that swing the thesis most, each named on its own line
        above its bar (the whole chart's width, elided only past it, the full name in the
        tooltip), rows spaced so no two names touch; a click selects the input's node."""
        import pyqtgraph as pg

        plot = self.tornado
        plot.clear()
        self._tornado_rows = []
        _set_row_tips(plot, {})
        sens = sensitivity(self.amap, top=20, limit=TORNADO_ROWS)
        rows = [i for i in sens.inputs[:TORNADO_ROWS] if i.at_low is not None]
        if sens.base is None or not rows:
            plot.setMinimumHeight(140)
            self.sensitivity_note.setText("Nothing moves the thesis yet: add reasons to it.")
            return
        base = 100 * sens.base
        metrics = QFontMetrics(plot.font())
        pitch = 2 * metrics.lineSpacing() + 8  # a name's line, a bar as tall, a gap
        axis = plot.getAxis("bottom")
        plot.setMinimumHeight(len(rows) * pitch + 56)  # 56: the bottom axis and its title
        ends = [100 * v for i in rows for v in (i.at_low, i.at_high)] + [base]
        lo, hi = min(ends), max(ends)
        pad = max(0.5, 0.06 * (hi - lo))
        lo, hi = max(0.0, lo - pad), min(100.0, hi + pad)
        plot.setXRange(lo, hi, padding=0)
        plot.setYRange(-0.5, len(rows) - 0.5, padding=0)
        ys = np.arange(len(rows))[::-1].astype(float)
        text = self._text_colour()
        paper = pg.mkBrush(self.palette().color(QPalette.ColorRole.Base))
        room = max(40, self._tornado_width(plot) - 12)  # the text item keeps a margin
        tips: dict[float, str] = {}
        for y, item in zip(ys.tolist(), rows, strict=True):
            for at, colour in ((item.at_low, "#9aa5b1"), (item.at_high, ACCENT)):
                x0, x1 = sorted((base, 100 * at))
                plot.addItem(pg.BarGraphItem(x0=[x0], x1=[x1], y=[y - 0.2], height=0.4,
                                             brush=colour, pen=None))  # fmt: skip
            name = item.label.replace("strength: ", "link: ")
            label = pg.TextItem(
                metrics.elidedText(name, Qt.TextElideMode.ElideRight, room),
                color=text,
                anchor=(0, 0),
                fill=paper,  # the line at the thesis's value passes behind the name
            )
            label.setFont(plot.font())
            label.setPos(lo, y + 0.5)
            label.setZValue(10)  # over the line at the thesis's value
            plot.addItem(label)
            tips[y] = (
                f"{name}\nthesis {100 * item.at_low:.0f}% at its low end, "
                f"{100 * item.at_high:.0f}% at its high end (swing {item.swing:.1f} pts)"
            )
            self._tornado_rows.append(item.key[0] if item.kind == "strength" else item.key)
        line = pg.InfiniteLine(base, angle=90, pen=pg.mkPen(text, width=1))
        line.setZValue(-10)
        plot.addItem(line)
        _set_row_tips(plot, tips)
        axis.setLabel("thesis, %")  # "thesis credence, %" was cut short in a narrow dock
        moving = max(sens.ranked, len(rows))
        top = (f"The {len(rows)} inputs that swing the thesis most, of {moving} that move it. "
               if moving > len(rows) else "")  # fmt: skip
        self.sensitivity_note.setText(
            f"{top}Thesis {base:.0f}%. Each bar: the thesis with one input at its low (grey) or "
            f"high (blue) end; hover one for its full name, click it to select its node. "
            f"{sens.defaulted} inputs have no range set and use the default "
            "spread: odds or λ ×/÷ 2, about one step of the strength scale."
        )

    def _tornado_width(self, plot: pg.PlotWidget) -> int:
        """The width, in pixels, the tornado's bars (and names) get: the plot less its axes."""
        vb = plot.getPlotItem().vb
        width = int(vb.width())
        return width if width > 0 else plot.width() - 24

    def _draw_uncertainty(self) -> None:
        """Run the Monte Carlo: inline on small maps, on a worker thread on large ones."""
        self._mc_generation += 1
        mc_plan = plan(self.amap)
        if mc_plan is None:
            self.histogram.clear()
            self.uncertainty_note.setText("No thesis.")
            return
        if mc_plan.cm.n < THREAD_ABOVE_NODES:
            self._show_distribution(self._mc_generation, mc_plan.run(MC_SAMPLES))
            return
        self.uncertainty_note.setText(f"Sampling {MC_SAMPLES} variations of the weights…")
        QThreadPool.globalInstance().start(
            _MonteCarloJob(mc_plan, self._mc_generation, self._mc_sink)
        )

    def _show_distribution(self, generation: int, dist: Distribution) -> None:
        if generation != self._mc_generation:
            return  # the map changed while sampling: a newer run is on its way
        import pyqtgraph as pg

        plot = self.histogram
        plot.clear()
        counts, edges = np.histogram(100 * dist.samples, bins=40, range=(0, 100))
        plot.addItem(
            pg.BarGraphItem(x0=edges[:-1], x1=edges[1:], y0=0, y1=counts, brush=ACCENT, pen=None)
        )
        dash = pg.mkPen(self._text_colour(), width=1, style=Qt.PenStyle.DashLine)
        for x in (dist.low, dist.high):
            plot.addItem(pg.InfiniteLine(100 * x, angle=90, pen=dash))
        plot.addItem(pg.InfiniteLine(100 * dist.point, angle=90, pen=pg.mkPen(AGAINST_COLOUR)))
        plot.setXRange(0, 100, padding=0.02)
        plot.getAxis("bottom").setLabel("thesis credence, %")
        default = (
            f" {dist.defaulted} of {dist.inputs} inputs have no range set: they vary by the default "
            "spread (odds or λ ×/÷ 2, about one scale step)."
            if dist.defaulted
            else ""
        )
        self.uncertainty_note.setText(
            f"90% interval {100 * dist.low:.0f}–{100 * dist.high:.0f}% (dashed), point estimate "
            f"{100 * dist.point:.0f}% (red), from {len(dist.samples)} samples.{default}"
        )

    def _draw_history(self) -> None:
        """The headline over time: every edit that moved it, ending at the headline now."""
        import pyqtgraph as pg

        plot = self.history
        plot.clear()
        points = history_points(self.amap)
        if not points:
            self.history_note.setText("No thesis, so no history.")
            return
        # One step per change, oldest to newest: on a time axis the minutes of one evening's
        # edits piled into a vertical line beside a week's gap, and the ticks said "20:13:30".
        xs = list(range(len(points)))
        ys = [100 * h.credence for h in points]
        pen = pg.mkPen(ACCENT, width=2)
        plot.plot(xs, ys, pen=pen)
        plot.addItem(pg.ScatterPlotItem(
            xs, ys, data=[_history_tip(h) for h in points], size=7, brush=pen.color(),
            pen=None, hoverable=True, tip=lambda x, y, data: data,
        ))  # fmt: skip
        plot.setYRange(*history_range(ys), padding=0.02)
        plot.setXRange(-0.3, max(1, len(xs) - 1) + 0.3, padding=0.02)
        bottom = plot.getAxis("bottom")
        bottom.setTicks([history_ticks([h.time for h in points]), []])
        bottom.setStyle(hideOverlappingLabels=False)  # the first and last change's labels too
        plot.getPlotItem().setContentsMargins(0, 0, 16, 0)  # room for half the last label
        bottom.setLabel("changes, oldest to newest")
        plot.getAxis("left").setLabel("thesis, %")
        first, last = points[0], points[-1]  # last: always the headline
        moves = len(points) - 1
        self.history_note.setText(
            f"From {100 * first.credence:.0f}% ({first.note or 'start'}) to "
            f"{100 * last.credence:.0f}% now; {moves} recorded change{'s' if moves != 1 else ''}"
            + (f", the last: {last.note}" if last.note and last.note != "now" else "")
            + ". Hover a point for its edit and time."
        )

    # ------------------------------------------------------------------ cruxes
    def _build_cruxes_tab(self) -> QWidget:
        self.crux_a, self.crux_b = QComboBox(), QComboBox()
        for box in (self.crux_a, self.crux_b):
            box.activated.connect(lambda _i: self._draw_cruxes())
        pick = QGridLayout()  # two rows: a ~300 px dock shows both names whole
        pick.addWidget(QLabel("Between"), 0, 0)
        pick.addWidget(self.crux_a, 0, 1)
        pick.addWidget(QLabel("and"), 1, 0, Qt.AlignmentFlag.AlignRight)
        pick.addWidget(self.crux_b, 1, 1)
        pick.setColumnStretch(1, 1)
        self.crux_plot = self._placeholder()  # a chart after the first frame (_make_charts)
        self.crux_note = QLabel(wordWrap=True)
        self._crux_rows: list[str] = []
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(pick)
        layout.addWidget(self.crux_plot, 1)
        layout.addWidget(self.crux_note)
        return box

    def _fill_crux_boxes(self) -> None:
        names = list(self.amap.scenarios)
        for box, default in ((self.crux_a, 0), (self.crux_b, 1)):
            keep = box.currentText()
            box.blockSignals(True)
            box.clear()
            box.addItems(names)
            if keep in names:
                box.setCurrentText(keep)
            elif len(names) > default:
                box.setCurrentIndex(default)
            box.blockSignals(False)

    def _draw_cruxes(self) -> None:
        import pyqtgraph as pg

        from model.credence.cruxes import cruxes

        self._fill_crux_boxes()
        plot = self.crux_plot
        plot.clear()
        self._crux_rows, self._crux_names = [], []
        _set_row_tips(plot, {})
        a, b = self.crux_a.currentText(), self.crux_b.currentText()
        if not a or not b or a == b or self.amap.thesis is None:
            self.crux_note.setText("Pick two different scenarios to see where they part ways.")
            return
        result = cruxes(self.amap, a, b)
        rows = result.cruxes[:CRUX_ROWS]
        ys = np.arange(len(rows))[::-1].astype(float)
        for y, c in zip(ys, rows, strict=True):
            colour = FOR_COLOUR if c.points >= 0 else AGAINST_COLOUR
            plot.addItem(pg.BarGraphItem(x0=[min(0, c.points)], width=[abs(c.points)], y=[y],
                                         height=0.7, brush=colour))  # fmt: skip
        self._crux_names = [("prior: " if c.input == "prior" else "link: ") + c.title for c in rows]
        self._fit_crux_names()
        _set_row_tips(plot, {
            y: f"{name}\n{c.points:+.1f} points of the move"
            for y, name, c in zip(ys.tolist(), self._crux_names, rows, strict=True)
        })  # fmt: skip
        plot.addItem(pg.InfiniteLine(0, angle=90, pen=pg.mkPen(self._text_colour(), width=1)))
        plot.setYRange(-0.6, max(len(rows), 1) - 0.4, padding=0)
        plot.getAxis("bottom").setLabel("points")  # "points of the move" was cut in the dock
        self._crux_rows = [c.node for c in rows]
        self.crux_note.setText(
            f"{100 * result.credence_a:.0f}% → {100 * result.credence_b:.0f}%: a move of "
            f"{result.gap:+.1f} points. Each bar is an input's share of it (red lowers the "
            f"thesis, green raises it); click one to select its node. {result.describe_method()}."
        )

    def _fit_crux_names(self) -> None:
        """The cruxes' names elided to the chart's width now (a resize refits them without
        computing the cruxes again: on a large map that takes a second)."""
        names = self._crux_names
        ys = np.arange(len(names))[::-1].astype(float)
        labels = _fit_left_axis(self.crux_plot, names)
        self.crux_plot.getAxis("left").setTicks([list(zip(ys.tolist(), labels, strict=True))])

    def _crux_clicked(self, event) -> None:  # noqa: ANN001 (pyqtgraph's mouse event)
        self._row_clicked(self.crux_plot, self._crux_rows, event)

    def _tornado_clicked(self, event) -> None:  # noqa: ANN001 (pyqtgraph's mouse event)
        self._row_clicked(self.tornado, self._tornado_rows, event)

    def _row_clicked(self, plot: pg.PlotWidget, rows: list, event) -> None:  # noqa: ANN001
        """A click on a horizontal bar chart (first row at the top) selects that row's node."""
        vb = plot.getPlotItem().vb
        if not rows or not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        y = vb.mapSceneToView(event.scenePos()).y()
        row = len(rows) - 1 - int(round(y))
        if 0 <= row < len(rows):
            self._activate(rows[row])

    # -------------------------------------------------------- not yet weighed
    def _show_unweighed(self) -> None:
        thesis = self.amap.thesis
        waiting = self.amap.unweighed(thesis.id) if thesis else []
        n = len(waiting)
        self.unweighed_label.setText(
            f"{n} reason{'s' if n != 1 else ''} on the thesis not yet weighed: "
            "they count for nothing until weighed."
            if n
            else ""
        )
        self.unweighed_label.setVisible(bool(n))
        self.weigh_button.setVisible(bool(n))

    def weigh_next(self) -> None:
        """Select the next unweighed reason on the thesis and offer the strengths (1–4)."""
        thesis = self.amap.thesis
        waiting = self.amap.unweighed(thesis.id) if thesis else []
        if not waiting:
            return
        edge = waiting[0]
        self._activate(edge.source)
        menu = QMenu(self)
        menu.setTitle(self.amap.node(edge.source).title)
        menu.setToolTipsVisible(True)
        for i, name in enumerate(("weak", "moderate", "strong", "decisive", "none"), 1):
            key = i if name != "none" else 0
            action = menu.addAction(f"&{key}  {strength_name(name)} · λ {STRENGTHS[name]:g}")
            action.setToolTip(strength_meaning(name))
            action.triggered.connect(lambda _c=False, n=name: self._weigh_and_go_on(edge.key, n))
        menu.popup(self.weigh_button.mapToGlobal(self.weigh_button.rect().bottomLeft()))
        self._weigh_menu = menu

    def _weigh_and_go_on(self, key: tuple[str, str], strength: str) -> None:
        """A strength picked in the menu: weigh that reason, then offer the next one, so that
        weighing an import's reasons is one key each (Escape stops)."""
        self.weigh(key, strength)
        thesis = self.amap.thesis
        waiting = self.amap.unweighed(thesis.id) if thesis else []
        if waiting and waiting[0].key != key:
            QTimer.singleShot(0, self.weigh_next)

    def weigh(self, key: tuple[str, str], strength: str) -> None:
        """Weigh one link in the active scenario: one undoable step."""
        try:
            cmd = set_strength_command(self.amap, *key, strength)
        except MapError:
            return
        commands.push(self.undo_stack, cmd, self)

    def _text_colour(self):  # noqa: ANN202
        return self.palette().color(QPalette.ColorRole.Text)

    def explain_node(self, node_id: str) -> str:
        """A one-paragraph plain-text explanation of a node's credence (for tooltips)."""
        ex = explain(self.amap, node_id)
        parts = [f"{_percent(ex.credence)} (prior {_percent(ex.prior)})"]
        parts += [f"{signed(r.points)} pts {_short(r.title)}" for r in ex.reasons[:6]]
        return "\n".join(parts)


class _Sink(QObject):
    """Carries a finished Monte Carlo from the worker thread back to the GUI thread."""

    done = Signal(int, object)


class _MonteCarloJob(QRunnable):
    def __init__(self, mc_plan: Plan, generation: int, sink: _Sink) -> None:
        super().__init__()
        self.plan, self.generation, self.sink = mc_plan, generation, sink

    def run(self) -> None:
        dist = self.plan.run(MC_SAMPLES)
        try:
            self.sink.done.emit(self.generation, dist)
        except RuntimeError:  # the panel was closed meanwhile
            pass


def _stack(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(w)
    return box


def _fit_left_axis(plot: pg.PlotWidget, labels: list[str], share: float = 0.6) -> list[str]:
    """Size the left axis to its labels, up to `share` of the plot's width, so the bars keep
    the rest however long a name is; elide only what cannot fit.

    Returns the labels as they will be drawn (cut with "…" by width, not by a fixed count)."""
    axis = plot.getAxis("left")
    metrics = QFontMetrics(axis.style.get("tickFont") or plot.font())
    pad = metrics.averageCharWidth() + 16
    room = max(4 * metrics.averageCharWidth(), int(share * plot.width()) - pad)
    fitted = [metrics.elidedText(t, Qt.TextElideMode.ElideRight, room) for t in labels]
    width = max((metrics.horizontalAdvance(t) for t in fitted), default=0)
    axis.setWidth(width + pad)
    # The plot's own layout grew to hold a wider axis drawn before the dock was laid out,
    # and only a resize of the view fits it back: fit it to the view now.
    plot.getPlotItem().setGeometry(QRectF(0, 0, plot.width(), plot.height()))
    return fitted


def _follow_row_tips(plot: pg.PlotWidget) -> None:
    """Show the tooltip of the row under the mouse (see `_set_row_tips`), over the bars and
    over the row's name on the left axis."""
    plot.row_tips = {}
    plot.scene().sigMouseMoved.connect(lambda pos, plot=plot: _show_row_tip(plot, pos))


def _set_row_tips(plot: pg.PlotWidget, tips: dict[float, str]) -> None:
    """The tooltip of each row of a horizontal bar chart, keyed by the row's y."""
    if hasattr(plot, "row_tips"):
        plot.row_tips = tips


def _show_row_tip(plot: pg.PlotWidget, pos) -> str:  # noqa: ANN001 (a scene QPointF)
    item = plot.getPlotItem()
    vb, axis = item.vb, item.getAxis("left")
    y = vb.mapSceneToView(pos).y()
    inside = pos.y() >= vb.sceneBoundingRect().top() and pos.y() <= vb.sceneBoundingRect().bottom()
    tip = plot.row_tips.get(float(round(y)), "") if inside else ""
    for target in (vb, axis):
        target.setToolTip(tip)
    return tip


def _when(iso: str) -> datetime | None:
    try:
        return datetime.fromisoformat(iso).astimezone()  # the user's local time
    except ValueError:
        return None


def history_ticks(times: list[str], most: int = 4) -> list[tuple[int, str]]:
    """Ticks for the history chart's change axis: at most `most` changes, spread from the
    first to the last, each labelled with when it was made: the time of day when every change
    is of one day, else the date ("3 Nov"), a date said once."""
    whens = [_when(t) for t in times]
    days = {w.date() for w in whens if w is not None}
    n, m = len(times), min(most, len(times))
    picks = sorted({round(k * (n - 1) / max(1, m - 1)) for k in range(m)})
    ticks: list[tuple[int, str]] = []
    for i in picks:
        w = whens[i]
        label = "" if w is None else w.strftime("%H:%M") if len(days) == 1 else f"{w.day} {w:%b}"
        if label and (not ticks or ticks[-1][1] != label):
            ticks.append((i, label))
    return ticks


def _history_tip(entry: HistoryEntry) -> str:
    w = _when(entry.time)
    when = "" if w is None else f"{w.day} {w:%b %Y, %H:%M}: "
    note = "the headline now" if entry.note == "now" else entry.note or "a change"
    return f"{when}{100 * entry.credence:.1f}% ({note})"
