"""The trends dock, the chart widget and the import dialog, as a user meets them."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QUndoStack

from model.argmap import ArgumentMap
from storage.trenddata import default_series
from ui.importing.trend_import_dialog import TrendImportDialog
from ui.panels.series_chart import FitOptions, SeriesChart, point_tip, render_series_png
from ui.panels.trends_dock import PutSeriesCommand, TrendsPanel, first_url

FIXTURE = Path(__file__).parent / "fixtures" / "epoch_sample.csv"


@pytest.fixture
def amap():
    m = ArgumentMap()
    m.add_node("thesis", "Scaling gets there", node_id="t")
    m.add_node("evidence", "Data runs out around 2028", node_id="e", series="text_stock_tokens")
    for s in default_series():
        m.put_series(s)
    return m


@pytest.fixture
def panel(qtbot, amap):
    w = TrendsPanel(amap, QUndoStack())
    qtbot.addWidget(w)
    # The first fit of a process waits for scipy.stats, imported off the GUI thread.
    qtbot.waitUntil(lambda: w.panels["train_compute_flop"].chart.fit is not None, timeout=30000)
    yield w
    w.detach()


def test_dock_shows_the_default_series(panel):
    assert panel.chosen() == ["train_compute_flop", "train_cost_usd", "arc_agi_1_pct",
                              "arc_agi_2_pct", "dataset_tokens"]  # fmt: skip
    compute = panel.panels["train_compute_flop"].chart
    assert compute.log_y and compute.fit is not None  # log axis, fitted
    assert 3.0 < compute.fit.growth_per_year < 6.0
    assert not panel.panels["arc_agi_1_pct"].chart.log_y  # percentages stay linear


def test_selecting_evidence_highlights_its_series_panel(panel, amap):
    panel.highlight_series(amap.node("e").series)  # a reference series → the panel it is drawn on
    assert panel.highlighted == "dataset_tokens"
    assert panel.panels["dataset_tokens"].chart.is_highlighted()
    assert not panel.panels["train_compute_flop"].chart.is_highlighted()
    panel.highlight_series("params")  # not shown yet: the panel appears
    assert "params" in panel.chosen() and panel.panels["params"].chart.is_highlighted()
    panel.highlight_series(None)
    assert not any(p.chart.is_highlighted() for p in panel.panels.values())


def test_token_panel_shows_the_crossing_with_the_text_stock(panel):
    chart = panel.panels["dataset_tokens"].chart
    assert chart.crossing is not None and 2025 < chart.crossing.year < 2032
    assert "Stock of public human-generated text" in chart.caption.text()


def test_reference_levels_are_lines_not_points(panel):
    chart = panel.panels["train_compute_flop"].chart
    ys = chart._scatter.data["y"]
    assert max(ys) < 30  # log10 of the largest model, far below the 1e35 line
    lines = [i for i in chart.item.items if type(i).__name__ == "InfiniteLine" and i.angle == 0]
    assert any(abs(line.value() - 35) < 1e-9 for line in lines)


def test_hover_text_has_label_value_date_and_source(amap):
    s = amap.series["train_compute_flop"]
    gpt4 = next(p for p in s.points if p.label == "GPT-4")
    tip = point_tip(s, gpt4)
    assert "GPT-4" in tip and "2.10e25 FLOP" in tip and "2023-03-15" in tip and "epoch.ai" in tip


def test_click_opens_only_confirmed_http_sources(panel, amap):
    opened, asked = [], []
    panel.open_url = opened.append
    panel.confirm_open = lambda url: asked.append(url) or False
    assert not panel.open_source("train_compute_flop", 0)
    assert opened == [] and asked[0].startswith("https://epoch.ai/")
    panel.confirm_open = lambda url: True
    assert panel.open_source("train_compute_flop", 0) and opened == asked
    assert first_url("javascript:alert(1); file:///etc/passwd") is None


def test_point_to_evidence_is_one_undoable_edit(panel, amap):
    before = amap.snapshot()
    node_id = panel.make_evidence("dataset_tokens", 0)
    node = amap.node(node_id)
    assert node.kind == "evidence" and node.series == "dataset_tokens"
    assert node.citations and node.citations[0].source in amap.sources
    panel.undo_stack.undo()
    assert amap.snapshot() == before
    panel.undo_stack.redo()
    assert amap.node(node_id) == node


def test_without_undo_stack_the_signal_asks_the_window(qtbot, amap):
    w = TrendsPanel(amap)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.pointToEvidence) as sig:
        w.make_evidence("train_cost_usd", 2)
    assert sig.args == ["train_cost_usd", 2]
    w.detach()


def test_imported_series_appears_and_undo_removes_it(panel, amap, qtbot):
    dialog = TrendImportDialog(amap, FIXTURE)
    qtbot.addWidget(dialog)
    assert "8 rows read, 4 not read" in dialog.status.text()
    assert dialog.rejected.count() == 4 and "line " in dialog.rejected.item(0).text()
    dialog.set_column("value", "Parameters")
    assert dialog.outcome is not None and dialog.outcome.rows_read > 0
    dialog.set_column("value", "Training compute (FLOP)")
    panel.undo_stack.push(PutSeriesCommand(amap, dialog.result_series()))
    panel.highlight_series("epoch_sample")
    assert panel.panels["epoch_sample"].chart.series.points
    panel.undo_stack.undo()
    assert "epoch_sample" not in amap.series and "epoch_sample" not in panel.panels


def test_dialog_on_a_broken_file_says_why_and_cannot_import(tmp_path, qtbot, amap):
    bad = tmp_path / "b.csv"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    dialog = TrendImportDialog(amap, bad)
    qtbot.addWidget(dialog)
    assert "binary" in dialog.status.text() and dialog.result_series() is None


def test_comparison_draws_a_second_axis(qtbot, amap):
    chart = SeriesChart(amap, "train_compute_flop")
    qtbot.addWidget(chart)
    chart.set_compare("train_cost_usd")
    assert chart.item.getAxis("right").isVisible()
    chart.set_compare(None)
    assert not chart.item.getAxis("right").isVisible()


def test_render_png_for_the_report(tmp_path, amap):
    out = tmp_path / "c.png"
    render_series_png(amap, "dataset_tokens", out, (400, 240), FitOptions(True, until=2030))
    img = QImage(str(out))
    assert (img.width(), img.height()) == (400, 240)


def test_import_dialog_takes_the_unit_from_the_value_header(qtbot, amap):
    dialog = TrendImportDialog(amap, FIXTURE)
    qtbot.addWidget(dialog)
    dialog.set_column("value", "Training compute (FLOP)")
    assert dialog.unit.text() == "FLOP"
    dialog.unit.setText("petaFLOP")
    dialog.unit.setModified(True)  # typed by the user: a later column choice keeps it
    dialog.set_column("value", "Parameters")
    assert dialog.unit.text() == "petaFLOP"


# ------------------------------------------------------------------ charts that read well
def _wheel(widget, modifiers=None, steps=-2):
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, widget.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120 * steps),
                        Qt.MouseButton.NoButton, modifiers or Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(widget, event)


def test_wheel_scrolls_the_dock_and_ctrl_wheel_zooms_the_chart(panel, qtbot):
    from PySide6.QtCore import Qt

    panel.resize(500, 500)
    panel.show()
    qtbot.waitExposed(panel)
    chart = panel.panels["train_compute_flop"].chart
    before = [list(r) for r in chart.item.viewRange()]
    bar = panel.scroll.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    _wheel(chart.plot.viewport())
    assert bar.value() > 0, "a plain wheel over a chart scrolls the dock"
    assert [list(r) for r in chart.item.viewRange()] == before, "and leaves the chart's zoom"
    _wheel(chart.plot.viewport(), Qt.KeyboardModifier.ControlModifier, steps=2)
    after = chart.item.viewRange()
    assert after[0][1] - after[0][0] < before[0][1] - before[0][0], "Ctrl+wheel zooms in"


def test_year_axis_shows_whole_years_only():
    from ui.panels.series_chart import YearAxis

    axis = YearAxis(orientation="bottom")
    for lo, hi in ((2024.8, 2026.3), (2012.5, 2045.0), (2024.6, 2025.9)):
        values = [v for _, vs in axis.tickValues(lo, hi, 600) for v in vs]
        assert values and all(v == int(v) for v in values)
        assert all("." not in t for t in axis.tickStrings(values, 1.0, 1.0))


def test_crossing_is_a_whole_year_in_view_and_the_line_reaches_it(panel):
    import re

    chart = panel.panels["train_compute_flop"].chart
    c = chart.crossing
    assert c is not None and c.year is not None
    assert re.search(r"in \d{4} \(90%: \d{4}–\d{4}\)", chart.caption.text())
    assert f"{c.year:.1f}" not in chart.caption.text()
    x_lo, x_hi = chart.item.viewRange()[0]
    assert x_lo < c.year < x_hi, "the default view includes the crossing year"


def test_every_kind_of_mark_has_a_legend_entry(panel):
    cost = panel.panels["train_cost_usd"].chart
    assert "Published projection" in cost.key.text()  # the orange diamonds
    assert "Fit, 90% band" in cost.key.text()
    compute = panel.panels["train_compute_flop"].chart
    for entry in ("Data", "Reference level", "Crossing year"):
        assert entry in compute.key.text()


def test_a_score_is_never_projected_past_100_percent(panel):
    arc1 = panel.panels["arc_agi_1_pct"].chart
    assert arc1.fit is not None and arc1.fit.bound == 100.0
    assert "Logistic fit" in arc1.caption.text()
    assert float(arc1.fit.band(2040.0)[1]) <= 100.0
    arc2 = panel.panels["arc_agi_2_pct"].chart  # eleven scores within nine months of 2025
    assert arc2.fit is None
    assert "No fit: the dates span" in arc2.caption.text()


def test_an_empty_trends_dock_asks_for_little_room(qtbot):
    empty_map = ArgumentMap()
    empty_map.add_node("thesis", "T", node_id="t")
    w = TrendsPanel(empty_map, QUndoStack())
    qtbot.addWidget(w)
    assert w.is_empty() and w.sizeHint().height() <= 80
    seen = []
    w.emptyChanged.connect(seen.append)
    empty_map.put_series(default_series()[0])
    assert seen == [False] and not w.is_empty()
    assert w.sizeHint().height() > 80
    w.detach()


def test_chart_shows_its_points_at_once_and_the_fit_when_scipy_is_in(qtbot, amap, monkeypatch):
    """Fit bands need scipy.stats (~0.8 s to import): until the background import is done the
    chart shows its points and says it is fitting; then it draws the fit by itself."""
    from ui.panels import series_chart

    waiting = []
    monkeypatch.setattr(series_chart, "when_loaded", lambda name, cb: waiting.append(cb) or False)
    chart = SeriesChart(amap, "train_compute_flop")
    qtbot.addWidget(chart)
    chart.set_fit(FitOptions(enabled=True))
    assert chart._scatter is not None and len(chart._scatter.data) > 10  # the points are drawn
    assert chart.fit is None and "Fitting" in chart.caption.text()
    monkeypatch.setattr(series_chart, "when_loaded", lambda name, cb: True)
    waiting[-1]()  # the import finished
    assert chart.fit is not None and "doubles every" in chart.caption.text()


def test_a_fit_is_computed_once_and_reused(amap, monkeypatch):
    from ui.panels import series_chart

    calls = []
    real = series_chart.fit_series
    monkeypatch.setattr(series_chart, "fit_series", lambda *a: calls.append(a) or real(*a))
    series_chart._FIT_CACHE.clear()
    s = amap.series["train_cost_usd"]
    opts = FitOptions(enabled=True)
    first = series_chart.fit_drawing(s, [], opts, True)
    assert series_chart.fit_drawing(s, [], opts, True) is first and len(calls) == 1
    series_chart.fit_drawing(s, [], FitOptions(enabled=True, until=2040), True)
    assert len(calls) == 2  # other options: a new fit


def test_a_low_wide_dock_shows_its_first_row_of_charts_whole(qtbot, panel):
    """A first-time user's bottom dock is wide and low: each chart of the first row fits its
    height (no chart cut at its axis); in a narrow side dock charts stack at full height."""
    from ui.panels.trends_dock import PANEL_HEIGHT

    panel.resize(1600, 300)
    panel.show()
    qtbot.waitUntil(lambda: panel._columns > 1)
    room = panel.scroll.viewport().height()
    qtbot.waitUntil(lambda: all(p.height() <= room for p in panel.panels.values()))
    first = list(panel.panels.values())[0]
    assert first.height() >= 200, "still a chart, not a sliver"
    panel.resize(420, 700)
    qtbot.waitUntil(lambda: panel._columns == 1)
    qtbot.waitUntil(lambda: all(p.height() == PANEL_HEIGHT for p in panel.panels.values()))


@pytest.mark.parametrize("height", [260, 300])
def test_a_low_dock_shows_each_charts_fit_caption_whole(qtbot, panel, height):
    """The caption under a chart (growth per year, doubling time, crossing year) is what the
    chart is for: in the first-run bottom dock it must not be cut off at the dock's edge."""
    from PySide6.QtCore import QPoint

    panel.resize(1600, height)
    panel.show()
    qtbot.waitUntil(lambda: panel._columns > 1)
    room = panel.scroll.viewport().height()
    qtbot.waitUntil(lambda: all(p.height() <= room for p in panel.panels.values()))
    qtbot.wait(50)
    for p in list(panel.panels.values())[: panel._columns]:
        caption = p.chart.caption
        assert caption.text(), "a fitted chart has a caption"
        bottom = caption.mapTo(p, QPoint(0, caption.height())).y()
        assert bottom <= p.height(), f"{p.name}: caption cut {bottom - p.height()} px"
        assert caption.height() >= caption.heightForWidth(caption.width()), "a line cut"


def test_charts_fill_the_dock_after_it_narrows_to_fewer_columns(qtbot, panel):
    """A dock narrowed from three columns to two (or floated) lays its charts over the whole
    width, not beside an empty third column."""
    panel.show()
    for width in (1600, 900, 1300, 1000):
        panel.resize(width, 760)
        qtbot.waitUntil(lambda w=width: panel._columns == max(1, min(3, w // 440)))
        qtbot.wait(20)
        row = list(panel.panels.values())[: panel._columns]
        used = sum(p.width() for p in row)
        room = panel.scroll.viewport().width()
        assert used >= 0.9 * room, f"{width} px: charts use {used} of {room} px"


def test_a_chart_follows_a_switch_to_the_dark_scheme(qtbot, amap, dark_scheme):
    """A trend chart made in the light palette takes the dark one's paper and axis ink when the
    scheme switches while the app runs, and is drawn again."""
    chart = SeriesChart(amap, "train_compute_flop")
    qtbot.addWidget(chart)
    qtbot.waitUntil(lambda: chart.plot is not None)
    paper, ink = dark_scheme(chart)
    assert chart.plot.backgroundBrush().color() == paper
    for side in ("left", "bottom"):
        assert chart.item.getAxis(side).textPen().color() == ink
