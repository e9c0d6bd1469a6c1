"""One trend series as a chart: points with error bars, reference levels, an exponential fit.

`SeriesChart` is used three ways: as a panel of the trends dock (with fit and comparison),
small in the inspector beside an evidence node, and off screen by `render_series_png` for the
report. Values spanning orders of magnitude are drawn on a log axis: the data are plotted as
log10(value) with the axis in log mode, which keeps error bars and bands exact. Reference
series are drawn as labelled horizontal lines (levels), hollow diamonds (projections) or a
note (published rates), never as data points.
"""

from __future__ import annotations

import math
import os
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QVBoxLayout, QWidget

from model.argmap import ArgumentMap
from model.entities import Point, Series
from model.trends import (
    DEFAULT_LEVEL,
    Crossing,
    Fit,
    TrendError,
    crossing_year,
    decimal_year,
    fit_series,
    level_of,
    point_role,
    references_for,
    role_note,
    spans_orders_of_magnitude,
)
from ui.offscreen import ensure_app
from ui.prefetch import after_first_frame, when_loaded

ACCENT = QColor("#1f6fb4")
COMPARE = QColor("#c2402a")
REFERENCE = QColor("#6a5d9c")
PROJECTION = QColor("#b07d12")
CROSSING = QColor("#c08000")
# No "x1e+27" axis scaling: pyqtgraph applies it even in log mode, which mislabels the ticks.
NO_SI = ((0.0, 0.0),)


@dataclass
class FitOptions:
    """What the chart fits and how far it projects (years; None = the data's own range)."""

    enabled: bool = False
    start: float | None = None
    end: float | None = None
    until: float | None = None
    level: float = DEFAULT_LEVEL


@dataclass(frozen=True)
class FitDrawing:
    """A fitted trend ready to draw: the line and band over `xs` (values), and its crossing."""

    fit: Fit | None
    error: str = ""
    xs: np.ndarray | None = None
    lo: np.ndarray | None = None
    hi: np.ndarray | None = None
    mid: np.ndarray | None = None
    crossing: Crossing | None = None
    crossing_label: str = ""


#: Fits by (series, references, options): a chart redrawn, or shown again, fits nothing twice.
_FIT_CACHE: OrderedDict[tuple, FitDrawing] = OrderedDict()
FIT_CACHE_SIZE = 256


def fit_drawing(s: Series, refs: list[Series], o: FitOptions, log_y: bool) -> FitDrawing:
    """Fit `s` as the chart shows it, from the cache when this exact fit was drawn before.

    Needs scipy.stats (the band's t quantile), which the chart imports off the GUI thread.
    """
    key = (s, tuple(refs), o.start, o.end, o.until, o.level, log_y)
    hit = _FIT_CACHE.get(key)
    if hit is not None:
        _FIT_CACHE.move_to_end(key)
        return hit
    try:
        fit = fit_series(s, o.start, o.end)
    except TrendError as exc:
        result = FitDrawing(None, error=str(exc))
    else:
        crossing, label = None, ""
        level = next((lv for r in refs if (lv := level_of(r)) is not None), None)
        if level is not None and (log_y or fit.bound is not None):
            label = level.label
            try:
                crossing = crossing_year(fit, level, o.level)
            except TrendError:
                crossing = None
        seen = crossing.year if crossing and crossing.year and crossing.year - fit.last <= 60 else 0
        end = max(fit.last, o.until or fit.last, seen)
        xs = np.linspace(fit.first, end, 160)
        lo, hi = fit.band(xs, o.level)
        result = FitDrawing(fit, "", xs, lo, hi, fit.value(xs), crossing, label)
    _FIT_CACHE[key] = result
    if len(_FIT_CACHE) > FIT_CACHE_SIZE:
        _FIT_CACHE.popitem(last=False)
    return result


def format_value(value: float, unit: str = "") -> str:
    """1.2e+25 FLOP, 52.9 %, $40.6M: short, with the unit."""
    if unit.startswith("USD"):
        for div, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
            if abs(value) >= div:
                return f"${value / div:.3g}{suffix}" + (unit[3:] and f" {unit[3:].strip()}")
        return f"${value:.3g}"
    text = f"{value:.3g}" if abs(value) < 1e6 else f"{value:.2e}".replace("e+", "e")
    return f"{text} {unit}".strip() if unit != "%" else f"{text}%"


def fit_message(fit: Fit, level: float) -> str:
    """The caption of a fit: its model, rate, R², points and band."""
    first, last = int(fit.first), int(fit.last)
    span = f"{first}–{last}" if last > first else f"{fit.first:.1f}–{fit.last:.1f}"
    plural = "value" if fit.skipped == 1 else "values"
    skipped = f" ({fit.skipped} {plural} outside the scale skipped)" if fit.skipped else ""
    if fit.bound is not None:
        rate = f"odds ×{fit.growth_per_year:.2f}/yr" if fit.slope else "flat"
        head = f"Logistic fit {span} (a score cannot pass {fit.bound:g}%): {rate}"
    else:
        months = fit.doubling_time_years * 12
        doubling = f"doubles every {months:.1f} months" if fit.slope > 0 else "falling"
        head = f"Fit {span}: ×{fit.growth_per_year:.2f}/yr, {doubling}"
    return f"{head}, R² {fit.r2:.2f}, n={fit.n}{skipped}; band {level:.0%}."


def crossing_message(c: Crossing, label: str) -> str:
    """'Meets X in 2041 (90%: 2039–2043).' in whole years: the fit is not more precise."""
    what = label or "the level"
    if c.year is None:
        return f"Never meets {what}."
    lo = "?" if c.low is None else f"{round(c.low)}"
    hi = "later" if c.high is None else f"{round(c.high)}"
    return f"Meets {what} in {round(c.year)} ({c.level:.0%}: {lo}–{hi})."


def point_tip(series: Series, point: Point) -> str:
    """Hover text: label, value, date and source."""
    lines = [point.label or series.title or series.name,
             format_value(point.value, series.unit) + f"  ·  {point.date}"]  # fmt: skip
    if point.low is not None or point.high is not None:
        lo = "…" if point.low is None else format_value(point.low, series.unit)
        hi = "…" if point.high is None else format_value(point.high, series.unit)
        lines.append(f"range {lo} – {hi}")
    if point.source:
        lines.append(f"source: {point.source[:120]}")
    if point.note:
        lines.append(role_note(point)[:160])
    return "\n".join(lines)


@cache
def _chart_classes() -> dict[str, type]:
    """The pyqtgraph subclasses, made on first use: pyqtgraph loads after the first frame."""
    import pyqtgraph as pg

    class YearAxis(pg.AxisItem):
        """A time axis in whole years: no 2025.5 ticks, no "2,025"."""

        def tickValues(self, minVal, maxVal, size):  # noqa: ANN001, ANN201, N802, N803 - pyqtgraph API
            levels = [
                (spacing, [v for v in values if abs(v - round(v)) < 1e-6])
                for spacing, values in super().tickValues(minVal, maxVal, size)
                if spacing >= 1
            ]
            if not any(values for _, values in levels):
                levels = [
                    (1.0, [float(y) for y in range(math.ceil(minVal), math.floor(maxVal) + 1)])
                ]
            return levels

        def tickStrings(self, values, scale, spacing):  # noqa: ANN001, ANN201, N802 - pyqtgraph API
            return [f"{round(v)}" for v in values]

    class ChartView(pg.PlotWidget):
        """A plot that leaves the mouse wheel to the panel around it: Ctrl+wheel zooms the chart.

        A chart in a scrolling dock must not swallow the wheel, or the dock cannot be scrolled
        past it (the behaviour of charts in Orange's and napari's docks).
        """

        def wheelEvent(self, ev) -> None:  # noqa: ANN001, N802 - Qt naming
            if ev.modifiers() & Qt.KeyboardModifier.ControlModifier:
                super().wheelEvent(ev)
                return
            area = self.parentWidget()
            while area is not None and not isinstance(area, QAbstractScrollArea):
                area = area.parentWidget()
            if area is None:
                ev.ignore()  # nothing around to scroll: let Qt offer it to the parents
                return
            QApplication.sendEvent(area.viewport(), ev)  # scroll the panel holding the chart
            ev.accept()

    class _PointsItem(pg.ScatterPlotItem):
        """Scatter points that also report right-clicks (for the point's context menu)."""

        sigRightClicked = Signal(object, object)  # points, screen position

        def mouseClickEvent(self, ev):  # noqa: N802 - Qt naming
            if ev.button() == Qt.MouseButton.RightButton:
                pts = self.pointsAt(ev.pos())
                if len(pts):
                    ev.accept()
                    self.sigRightClicked.emit(pts, ev.screenPos().toPoint())
                    return
            super().mouseClickEvent(ev)

    return {"YearAxis": YearAxis, "ChartView": ChartView, "PointsItem": _PointsItem}


def __getattr__(name: str) -> type:
    """`YearAxis` and `ChartView` as module attributes, made when first asked for."""
    if name in ("YearAxis", "ChartView"):
        return _chart_classes()[name]
    raise AttributeError(name)


def _points_item_class() -> type:
    return _chart_classes()["PointsItem"]


class SeriesChart(QWidget):
    """A chart of one series (plus its reference levels, and optionally a second series)."""

    pointClicked = Signal(str, int)  # series name, index into series.points
    pointMenuRequested = Signal(str, int, QPoint)  # right-click: series, index, screen position

    def __init__(
        self,
        amap: ArgumentMap,
        series_name: str,
        parent: QWidget | None = None,
        *,
        compact: bool = False,
        wait_for_fit: bool = False,
    ) -> None:
        super().__init__(parent)
        #: Fit on the GUI thread even when scipy is not loaded yet (off-screen pictures).
        self.wait_for_fit = wait_for_fit
        self.amap = amap
        self.name = series_name
        self.compact = compact
        self.options = FitOptions()
        self.compare: str | None = None
        self.fit: Fit | None = None
        self.crossing: Crossing | None = None
        self.log_y = False
        self.message = ""
        self._scatter = None
        self._right_vb = None
        self.plot: QWidget | None = None  # the pyqtgraph PlotWidget, made by _make_plot
        self._build()
        after_first_frame(self._make_plot)

    # ------------------------------------------------------------- structure
    def _build(self) -> None:
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.88))
        self.caption.setFont(small)
        self.key = QLabel()  # the legend: what each kind of mark means
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self.key.setWordWrap(True)
        self.key.setFont(small)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(1)
        layout.addWidget(self.title)
        layout.addWidget(self.key)
        self._placeholder = QWidget()
        self._placeholder.setMinimumSize(120, 100)
        layout.addWidget(self._placeholder, 1)
        layout.addWidget(self.caption)
        self.caption.setVisible(not self.compact)
        # 180: the chart and its header fit a bottom-dock panel of PANEL_MIN_HEIGHT, so in a
        # low dock the plot gives up height, not the caption under it
        self.setMinimumHeight(140 if self.compact else 180)
        s = self.series
        if s is not None:
            self.title.setText(f"<b>{s.title or s.name}</b>")

    def _make_plot(self) -> None:
        """The pyqtgraph plot in place of its placeholder; then the first drawing."""

        classes = _chart_classes()
        self.plot = classes["ChartView"](
            axisItems={"bottom": classes["YearAxis"](orientation="bottom")},
        )
        self.plot.setMinimumSize(120, 100)
        self.plot.sizeHint = lambda: QSize(300, 160)  # pyqtgraph's default hint is 640x480
        self.item = self.plot.getPlotItem()
        self.item.setMenuEnabled(False)
        self.item.hideButtons()
        self._colour()
        self.item.showGrid(x=True, y=True, alpha=0.15)
        # Room above the highest line for its label: reference labels stay inside the plot.
        self.item.getViewBox().setDefaultPadding(0.1)
        self.plot.setToolTip("Ctrl+wheel zooms the chart; hover a point for its source")
        self.layout().replaceWidget(self._placeholder, self.plot)
        self._placeholder.deleteLater()
        self.refresh()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(320, 190) if self.compact else QSize(480, 320)

    # ------------------------------------------------------------------ API
    @property
    def series(self) -> Series | None:
        return self.amap.series.get(self.name)

    def set_series(self, name: str) -> None:
        self.name = name
        self.refresh()

    def set_fit(self, options: FitOptions) -> None:
        self.options = options
        self.refresh()

    def set_compare(self, name: str | None) -> None:
        self.compare = name or None
        self.refresh()

    def set_highlighted(self, on: bool) -> None:
        """Mark the chart as the one the selected evidence rests on."""
        self.setProperty("highlighted", on)
        self.setStyleSheet(
            "SeriesChart { border: 2px solid #e0a000; border-radius: 4px; }" if on else ""
        )
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, on)

    def is_highlighted(self) -> bool:
        return bool(self.property("highlighted"))

    # ------------------------------------------------------------- drawing
    def _colour(self) -> None:
        """The plot's paper and axes in the palette's colours (pyqtgraph keeps what it is given)."""
        import pyqtgraph as pg

        pal = self.palette()
        fg = pal.color(QPalette.ColorRole.Text)
        self.plot.setBackground(pal.color(QPalette.ColorRole.Base))
        for side in ("left", "bottom", "right"):
            axis = self.item.getAxis(side)
            axis.setTextPen(fg)
            axis.setPen(pg.mkPen(fg.lighter(220) if fg.lightness() < 128 else fg.darker(150)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """Recolour and redraw when the light/dark scheme switches while the app runs."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.plot is not None:
            self._colour()
            self.refresh()

    def refresh(self) -> None:
        """Redraw everything from the model (cheap: tens of items)."""
        if self.plot is None:
            return  # drawn when the plot is made, right after the window's first frame
        self.item.clear()
        self._clear_right()
        self.fit, self.crossing, self.message = None, None, ""
        s = self.series
        if s is None:
            self.title.setText(f"<b>{self.name}</b> — not in this map")
            self.caption.setText("")
            return
        refs = [s] if s.kind == "reference" else references_for(self.amap.series, s.name)
        data = [] if s.kind == "reference" else list(s.points)
        self.log_y = spans_orders_of_magnitude(
            Series("all", unit=s.unit, points=tuple(data) + tuple(p for r in refs for p in r.points
                                                     if point_role(p) != "rate"))
        )  # fmt: skip
        self.item.getAxis("left").setLogMode(False, self.log_y)
        self.item.setLabel("left", s.unit if not self.compact else "", siPrefixEnableRanges=NO_SI)
        self._title(s)
        x_hi = max([decimal_year(p.date) for p in data] or [2025.0])
        if data:
            self._draw_points(s, data, ACCENT, self.item)
        if self.options.enabled and data:
            x_hi = max(x_hi, self._draw_fit(s, refs))
        notes = [self._draw_reference(r) for r in refs]
        if self.compare and self.compare in self.amap.series and self.compare != s.name:
            self._draw_compare(self.amap.series[self.compare])
        self.caption.setText(" ".join([self.message, *[n for n in notes if n]]).strip())
        self._legend(data, refs)
        marks = [
            decimal_year(p.date) for r in refs for p in r.points if point_role(p) == "projection"
        ]
        x_hi = max([x_hi, *marks]) if self.options.enabled or not data else x_hi
        x_lo = min([decimal_year(p.date) for p in data] or [x_hi - 5])
        self.item.setXRange(x_lo - 0.5, x_hi + 0.5, padding=0.02)
        self.item.enableAutoRange(axis="y")

    def legend_entries(self, data: list[Point], refs: list[Series]) -> list[str]:
        """The marker kinds this chart shows, in legend order."""
        roles = {point_role(p) for r in refs for p in r.points}
        entries = []
        if data:
            entries.append("Data (bars: published range)")
        if self.fit is not None:
            entries.append(f"Fit, {self.options.level:.0%} band shaded")
        if "level" in roles:
            entries.append("Reference level")
        if "projection" in roles:
            entries.append("Published projection")
        if self.crossing is not None and self.crossing.year is not None:
            entries.append("Crossing year (shaded: interval)")
        return entries

    def _legend(self, data: list[Point], refs: list[Series]) -> None:
        """A key to every kind of mark, in a line above the plot, where it never covers data."""
        glyphs = {
            "Data": ("●", ACCENT), "Fit": ("━", ACCENT), "Reference": ("╌╌", REFERENCE),
            "Published": ("◇", PROJECTION), "Crossing": ("┃", CROSSING),
        }  # fmt: skip
        entries = self.legend_entries(data, refs)
        parts = []
        for text in entries:
            glyph, color = glyphs[text.split(" ")[0].rstrip(",")]
            parts.append(f"<span style='color:{color.name()}'>{glyph}</span>&nbsp;{text}")
        self.key.setText("&nbsp;&nbsp; ".join(parts) if len(entries) > 1 else "")
        self.key.setVisible(len(entries) > 1 and not self.compact)

    def _title(self, s: Series) -> None:
        unit = f" <span style='font-weight:normal'>({s.unit}{', log scale' if self.log_y else ''})</span>"
        self.title.setText(f"<b>{s.title or s.name}</b>{unit}")
        self.title.setToolTip(f"{s.name}\nsource: {s.source}\n\n{s.note}")

    def _y(self, v: float | np.ndarray) -> float | np.ndarray:
        if not self.log_y:
            return v
        with np.errstate(divide="ignore", invalid="ignore"):
            return (
                np.log10(np.maximum(v, 1e-300))
                if isinstance(v, np.ndarray)
                else math.log10(max(v, 1e-300))
            )

    def _draw_points(self, s: Series, points: list[Point], color: QColor, target) -> None:
        import pyqtgraph as pg

        idx = [i for i, p in enumerate(s.points) if p in points and (p.value > 0 or not self.log_y)]
        xs = np.array([decimal_year(s.points[i].date) for i in idx])
        ys = np.array([self._y(s.points[i].value) for i in idx], dtype=float)
        top, bottom = [], []
        for i, y in zip(idx, ys):
            p = s.points[i]
            top.append(self._y(p.high) - y if p.high is not None and p.high > 0 else 0.0)
            bottom.append(y - self._y(p.low) if p.low is not None and p.low > 0 else 0.0)
        if any(top) or any(bottom):
            bars = pg.ErrorBarItem(x=xs, y=ys, top=np.array(top), bottom=np.array(bottom),
                                   beam=0.12, pen=pg.mkPen(color, width=1.2))  # fmt: skip
            target.addItem(bars)
        size = 6 if self.compact else 8
        fill = QColor(color)
        fill.setAlpha(200)
        scatter = _points_item_class()(x=xs, y=ys, data=idx, size=size, pen=pg.mkPen(color.darker(130)),
                              brush=pg.mkBrush(fill), hoverable=True,
                              hoverBrush=pg.mkBrush("#f0b400"), hoverSize=size + 4,
                              tip=lambda x, y, data, s=s: point_tip(s, s.points[data]))  # fmt: skip
        scatter.sigClicked.connect(lambda _i, pts, _ev, n=s.name: self._clicked(n, pts))
        scatter.sigRightClicked.connect(lambda pts, pos, n=s.name: self._menu(n, pts, pos))
        target.addItem(scatter)
        if target is self.item:
            self._scatter = scatter

    def _clicked(self, name: str, pts) -> None:
        if len(pts):
            self.pointClicked.emit(name, int(pts[0].data()))

    def _menu(self, name: str, pts, pos) -> None:
        self.pointMenuRequested.emit(name, int(pts[0].data()), pos)

    def _draw_fit(self, s: Series, refs: list[Series]) -> float:
        """Fit line and band over the range, projected to `until`; returns the last year drawn.

        The first fit of a session needs scipy.stats (~0.8 s to import): the chart shows its
        points at once and draws the fit when the background import is done."""
        import pyqtgraph as pg

        o = self.options
        if not self.wait_for_fit and not when_loaded("scipy.stats", self._fit_ready):
            self.message = "Fitting the trend…"
            return 0.0
        drawn = fit_drawing(s, refs, o, self.log_y)
        fit = drawn.fit
        if fit is None:
            reason = drawn.error.removeprefix(f"{s.name!r}: ")
            self.message = f"No fit: {reason}."
            return 0.0
        self.fit = fit
        self.message = fit_message(fit, o.level)
        end = max(fit.last, o.until or fit.last, self._draw_crossing(fit, drawn))
        xs, lo, hi, mid = drawn.xs, drawn.lo, drawn.hi, drawn.mid
        band = QColor(ACCENT)
        band.setAlpha(40)
        c_lo = pg.PlotDataItem(xs, self._y(lo), pen=pg.mkPen(None))
        c_hi = pg.PlotDataItem(xs, self._y(hi), pen=pg.mkPen(None))
        self.item.addItem(c_lo)
        self.item.addItem(c_hi)
        self.item.addItem(pg.FillBetweenItem(c_lo, c_hi, brush=pg.mkBrush(band)))
        self.item.addItem(pg.PlotDataItem(xs, self._y(mid), pen=pg.mkPen(ACCENT, width=2)))
        if end > fit.last:
            self.item.addItem(pg.InfiniteLine(fit.last, angle=90,
                                              pen=pg.mkPen("#999", style=Qt.PenStyle.DotLine)))  # fmt: skip
        return end

    def _fit_ready(self) -> None:
        if self.options.enabled and self.fit is None:
            self.refresh()

    def _draw_crossing(self, fit: Fit, drawn: FitDrawing) -> float:
        """Mark where the fit meets the first reference level; returns the year to keep in view."""
        c = drawn.crossing
        if c is None:
            return 0.0
        self.crossing = c
        self.message += " " + crossing_message(c, drawn.crossing_label)
        if c.year is None or c.year - fit.last > 60:
            return 0.0  # far beyond any sensible axis
        import pyqtgraph as pg

        region = pg.LinearRegionItem((c.low or c.year, c.high or c.year + 5), movable=False,
                                     brush=pg.mkBrush(224, 160, 0, 45), pen=pg.mkPen(None))  # fmt: skip
        self.item.addItem(region)
        self.item.addItem(pg.InfiniteLine(c.year, angle=90, pen=pg.mkPen(CROSSING, width=1.5),
                                          label=f"{round(c.year)}", labelOpts={"position": 0.06,
                                          "color": "#8a5a00"}))  # fmt: skip
        return min(c.high or c.year + 2, c.year + 10) + 0.5

    def _draw_reference(self, r: Series) -> str:
        """Levels as dashed lines with a band, projections as diamonds, rates as caption text."""
        import pyqtgraph as pg

        notes = []
        for p in r.points:
            role = point_role(p)
            if role == "rate":
                notes.append(f"{p.label.lower()} ×{p.value:g}/yr ({p.date} on)")
                continue
            if role == "projection":
                if self.log_y and p.value <= 0:
                    continue
                item = pg.ScatterPlotItem(x=[decimal_year(p.date)], y=[self._y(p.value)], symbol="d",
                                          size=11, pen=pg.mkPen(PROJECTION, width=1.5),
                                          brush=pg.mkBrush(None), hoverable=True,
                                          tip=lambda x, y, data, r=r, p=p: point_tip(r, p))  # fmt: skip
                self.item.addItem(item)
                continue
            y = self._y(p.value)
            if p.low is not None and p.high is not None and p.low > 0:
                fill = QColor(REFERENCE)
                fill.setAlpha(28)
                self.item.addItem(pg.LinearRegionItem((self._y(p.low), self._y(p.high)),
                                                      orientation="horizontal", movable=False,
                                                      brush=pg.mkBrush(fill), pen=pg.mkPen(None)))  # fmt: skip
            label = f"{p.label} ({format_value(p.value, r.unit)})"
            line = pg.InfiniteLine(y, angle=0, pen=pg.mkPen(REFERENCE, width=1.5, style=Qt.PenStyle.DashLine),
                                   label=label if not self.compact else None,
                                   labelOpts={"position": 0.02, "color": REFERENCE,
                                              "anchors": [(0, 1), (0, 1)]})  # fmt: skip
            line.setToolTip(point_tip(r, p))
            self.item.addItem(line)
        return "; ".join(f"Published: {n}." for n in notes)

    # -------------------------------------------------------- second axis
    def _clear_right(self) -> None:
        if self._right_vb is not None:
            self.item.scene().removeItem(self._right_vb)
            self._right_vb = None
        self.item.hideAxis("right")

    def _draw_compare(self, other: Series) -> None:
        """A second series on its own right-hand axis (the pyqtgraph MultiplePlotAxes pattern)."""
        import pyqtgraph as pg

        vb = pg.ViewBox()
        self._right_vb = vb
        self.item.showAxis("right")
        self.item.scene().addItem(vb)
        axis = self.item.getAxis("right")
        axis.linkToView(vb)
        vb.setXLink(self.item)
        log = spans_orders_of_magnitude(other)
        axis.setLogMode(False, log)
        axis.setLabel(
            f"{other.title or other.name} ({other.unit})",
            color=COMPARE.name(),
            siPrefixEnableRanges=NO_SI,
        )
        saved = self.log_y
        self.log_y = log
        self._draw_points(other, list(other.points), COMPARE, vb)
        self.log_y = saved

        def sync() -> None:
            vb.setGeometry(self.item.vb.sceneBoundingRect())
            vb.linkedViewChanged(self.item.vb, vb.XAxis)

        sync()
        self.item.vb.sigResized.connect(sync)
        vb.enableAutoRange(axis="y")


# ------------------------------------------------------------------ off-screen rendering
def render_series_png(
    amap: ArgumentMap,
    name: str,
    path: str | os.PathLike[str],
    size: tuple[int, int] = (640, 360),
    options: FitOptions | None = None,
) -> None:
    """Draw a series chart into a PNG (for the report); raises OSError if it cannot be written."""
    ensure_app()
    chart = SeriesChart(amap, name, wait_for_fit=True)
    if options is not None:
        chart.set_fit(options)
    chart.resize(*size)
    chart.ensurePolished()
    chart.layout().activate()
    image = chart.grab()
    chart.deleteLater()
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
