"""The Sources panel and reader: listing, highlighted quotes, safe links, undoable edits."""

from __future__ import annotations

import html
import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6 import QtGui
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox

from model.argmap import ArgumentMap
from model.entities import Citation, Source
from model.search import locate_quote
from ui.panels.sources_panel import SourceDialog, SourcesPanel, open_url, source_html

TEXT = "Compute grows 4x a year. The data wall arrives by 2028. <script>alert(1)</script> End."


@pytest.fixture
def amap() -> ArgumentMap:
    m = ArgumentMap()
    m.add_source(Source("s1", "Will scaling work?", author="Dwarkesh Patel", date="2023-12-26",
                        url="https://www.dwarkesh.com", text=TEXT))  # fmt: skip
    m.add_source(Source("s2", "AI scaling myths", outlet="AI Snake Oil", url="https://a.b"))
    m.add_source(Source("s3", "Unused note"))
    span = TEXT.index("Compute grows")
    m.add_node(
        "claim", "Compute keeps growing", node_id="c",
        citations=(Citation("s1", quote="Compute grows 4x a year.", start=span, end=span + 24),),
    )  # fmt: skip
    m.add_node(
        "claim", "The data wall", node_id="d",
        citations=(Citation("s1", quote="the DATA wall arrives"), Citation("s2", quote="myth")),
    )  # fmt: skip
    return m


@pytest.fixture
def panel(qtbot, amap):
    p = SourcesPanel(amap, QUndoStack())
    qtbot.addWidget(p)
    p.show()
    return p


def rows(panel) -> dict[str, list[str]]:
    t = panel.tree
    return {
        t.topLevelItem(i).text(0): [t.topLevelItem(i).text(c) for c in range(1, 4)]
        for i in range(t.topLevelItemCount())
    }


def test_lists_sources_with_author_date_and_citing_nodes(panel):
    assert rows(panel) == {
        "Will scaling work?": ["Dwarkesh Patel", "2023-12-26", "2"],
        "AI scaling myths": ["AI Snake Oil", "", "1"],
        "Unused note": ["", "", "0"],
    }


def test_reader_highlights_every_quote_and_clicks_request_the_node(qtbot, panel):
    panel.select_source("s1")
    item = panel.tree.currentItem()
    panel.tree.itemDoubleClicked.emit(item, 0)
    viewer = panel.viewers["s1"]
    qtbot.addWidget(viewer)
    marks = viewer.marks()
    assert [(TEXT[a:b], nid) for a, b, nid in marks] == [
        ("Compute grows 4x a year.", "c"),
        ("The data wall arrives", "d"),  # found case-insensitively
    ]
    html = viewer.browser.toHtml()
    assert "<script" not in html and "&lt;script&gt;" in html  # the text is shown, never run
    assert not viewer.browser.openLinks() and not viewer.browser.openExternalLinks()
    with qtbot.waitSignal(panel.nodeRequested) as sig:
        viewer.browser.anchorClicked.emit(QUrl("node:d"))
    assert sig.args == ["d"]
    with qtbot.waitSignal(panel.nodeRequested) as sig:
        viewer.quotes.itemClicked.emit(viewer.quotes.item(0))
    assert sig.args == ["c"]


def test_reader_for_a_source_without_text_shows_metadata_and_url(qtbot, panel):
    viewer = panel.open_viewer("s2")
    qtbot.addWidget(viewer)
    text = viewer.browser.toPlainText()
    assert "AI scaling myths" in text and "https://a.b" in text and "No stored text" in text
    assert viewer.open_button.isEnabled()


def test_reader_follows_edits(qtbot, panel, amap):
    viewer = panel.open_viewer("s1")
    qtbot.addWidget(viewer)
    amap.update_node("d", citations=())
    assert [nid for *_, nid in viewer.marks()] == ["c"]
    assert viewer.quotes.count() == 1


def _dialog_returns(monkeypatch, fill):
    def fake_exec(dialog):
        fill(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SourceDialog, "exec", fake_exec)


def test_add_and_edit_source_with_undo(panel, amap, monkeypatch):
    def fill(d):
        d.form.title.setText("Situational Awareness")
        d.form.date.setText("2024-06")

    _dialog_returns(monkeypatch, fill)
    panel.add_source()
    new = next(s for s in amap.sources.values() if s.title == "Situational Awareness")
    assert new.date == "2024-06" and panel.current_id() == new.id
    _dialog_returns(monkeypatch, lambda d: d.form.author.setText("Leopold Aschenbrenner"))
    panel.edit_source()
    assert amap.sources[new.id].author == "Leopold Aschenbrenner"
    panel.stack.undo()
    assert amap.sources[new.id].author == ""
    panel.stack.undo()
    assert new.id not in amap.sources and "Situational Awareness" not in rows(panel)


def test_bad_date_or_blank_title_is_refused_with_a_message(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, msg, *a: shown.append(msg))
    dialog = SourceDialog()
    qtbot.addWidget(dialog)
    dialog.form.title.setText("  ")
    dialog.accept()
    dialog.form.title.setText("Essay")
    dialog.form.date.setText("last spring")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "title" in shown[0] and "YYYY" in shown[1]


def test_deleting_a_cited_source_is_refused_and_the_map_untouched(panel, amap, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, msg, *a: shown.append(msg))
    before = amap.snapshot()
    panel.select_source("s1")
    panel.delete_source()
    assert "cited by 2 node" in shown[0] and amap.snapshot() == before
    panel.select_source("s3")
    panel.delete_source()
    assert "s3" not in amap.sources
    panel.stack.undo()
    assert amap.sources["s3"].title == "Unused note"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x"])
def test_unsafe_links_are_never_opened_or_offered(monkeypatch, url):
    opened, asked = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda u: opened.append(u) or True)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    assert open_url(url) is False and opened == [] and asked == []


def test_web_links_open_only_after_yes(monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda u: opened.append(u) or True)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    assert open_url("https://epoch.ai") is False
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    assert open_url("mailto:someone@example.org") is True
    assert [u.scheme() for u in opened] == ["mailto"]


def test_filter_hides_other_sources(qtbot, panel):
    qtbot.keyClicks(panel.filter, "snake")
    visible = [
        panel.tree.topLevelItem(i).text(0)
        for i in range(panel.tree.topLevelItemCount())
        if not panel.tree.topLevelItem(i).isHidden()
    ]
    assert visible == ["AI scaling myths"]
    panel.select_source("s1")
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)  # no crash on keys over a filtered list


# ----------------------------------------------------------- quotes in the text
@settings(max_examples=100, deadline=None)
@given(
    before=st.text(max_size=40), quote=st.text(min_size=1, max_size=20), after=st.text(max_size=40)
)
def test_a_quote_present_in_the_text_is_always_located(before, quote, after):
    text = before + quote + after
    span = locate_quote(text, Citation("s", quote=quote))
    if quote.strip():
        assert span is not None
        assert text[span[0] : span[1]] == quote.strip()
    else:
        assert span is None


def test_a_stale_span_falls_back_to_the_quote():
    text = "New intro. The data wall arrives."
    stale = Citation("s", quote="The data wall", start=0, end=13)
    assert locate_quote(text, stale) == (11, 24)
    assert locate_quote(text, Citation("s", quote="absent")) is None
    assert locate_quote(text, Citation("s", start=4, end=9)) == (4, 9)  # a span without quote


def test_a_cut_off_row_shows_the_whole_source_in_its_tooltip(panel):
    """In a narrow dock the columns are cut: every cell's tooltip names the whole source."""
    item = next(
        panel.tree.topLevelItem(i)
        for i in range(panel.tree.topLevelItemCount())
        if panel.tree.topLevelItem(i).text(0) == "Will scaling work?"
    )
    for col in range(panel.tree.columnCount()):
        tip = item.toolTip(col)
        assert "Will scaling work?" in tip and "Dwarkesh Patel, 2023-12-26" in tip


LONG = (
    "Power Laws Are Not a Roadmap: A Note on Extrapolating Neural Scaling Curves to General "
    "Intelligence, with an Appendix on Compute Budgets"
)


def _long_panel(qtbot, width: int) -> SourcesPanel:
    m = ArgumentMap()
    m.add_source(Source("long", LONG, author="A. Writer, B. Writer and C. Writer", date="2026-03"))
    m.add_source(Source("short", "Will scaling work?", author="Dwarkesh Patel", date="2023"))
    p = SourcesPanel(m, QUndoStack())
    qtbot.addWidget(p)
    p.resize(width, 500)
    p.show()
    qtbot.waitExposed(p)
    return p


def _row_rect(panel: SourcesPanel, sid: str):
    t = panel.tree
    item = next(t.topLevelItem(i) for i in range(t.topLevelItemCount())
                if t.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == sid)  # fmt: skip
    return item, t.visualItemRect(item)


def test_a_long_title_wraps_in_a_dock_wide_panel_and_names_who_and_when(qtbot):
    """At the Sources dock's first-run width (340 px) a long title takes two full lines, cut
    with "…" only past them; author and date move under it (their columns would squeeze the
    title to a word), the row is tall enough for all three lines, and the tooltip has it all."""
    panel = _long_panel(qtbot, 340)
    lines = panel.row_lines("long")
    assert len(lines) == 3 and lines[1].endswith("…")
    shown_title = " ".join(lines[:2]).removesuffix("…").rstrip()
    assert LONG.startswith(shown_title) and len(shown_title) > 60
    assert lines[2] == "A. Writer, B. Writer and C. Writer · 2026-03" or lines[2].endswith(
        "… · 2026-03"
    )
    assert panel.tree.isColumnHidden(1) and panel.tree.isColumnHidden(2)
    col = panel.tree.header().sectionSize(0)
    metrics = panel.tree.fontMetrics()
    assert all(metrics.horizontalAdvance(line) <= col for line in lines)
    item, rect = _row_rect(panel, "long")
    assert rect.height() >= 3 * metrics.lineSpacing()
    assert LONG in item.toolTip(0)
    assert QtGui.Qt.mightBeRichText(item.toolTip(0))  # so Qt wraps it rather than run off-screen
    assert panel.row_lines("short") == ["Will scaling work?", "Dwarkesh Patel · 2023"]


def test_a_wide_panel_shows_author_and_date_columns_and_whole_titles(qtbot):
    panel = _long_panel(qtbot, 1000)
    assert not panel.tree.isColumnHidden(1) and not panel.tree.isColumnHidden(2)
    lines = panel.row_lines("long")
    assert " ".join(lines) == LONG  # wrapped, nothing cut
    assert panel.row_lines("short") == ["Will scaling work?"]
    _, rect = _row_rect(panel, "long")
    assert rect.height() >= len(lines) * panel.tree.fontMetrics().lineSpacing()


def test_narrowing_the_dock_rewraps_titles_and_grows_their_rows(qtbot):
    """Dragging the dock narrower re-lays the rows: the long title's row grows to fit its
    wrapped title and the author line instead of clipping them."""
    panel = _long_panel(qtbot, 1000)
    metrics = panel.tree.fontMetrics()
    _, wide = _row_rect(panel, "long")
    panel.resize(340, 500)
    qtbot.waitUntil(lambda: panel.tree.isColumnHidden(1))

    def grown() -> None:
        _, rect = _row_rect(panel, "long")
        assert rect.height() >= 3 * metrics.lineSpacing() > wide.height()

    qtbot.waitUntil(grown)


def test_the_reader_shows_tex_as_math_and_lights_each_quote_on_its_words(qtbot):
    """A preprint's stored text keeps its TeX; the reader shows "3 × 10¹⁴" and lights each
    cited quote on its rendered words, the quote list showing them the same way."""
    text = (
        r"The stock of text is about $3 \times 10^{14}$ tokens. Loss falls as "
        r"$L \propto C^{-0.05}$, which is \textbf{not} capability."
    )
    m = ArgumentMap()
    m.add_source(Source("p", "A preprint", text=text))
    q1 = r"about $3 \times 10^{14}$ tokens"
    q2 = r"which is \textbf{not} capability"
    m.add_node("claim", "Finite text", node_id="a", citations=(Citation("p", quote=q1),))
    m.add_node(
        "claim", r"Loss is \emph{not} ability", node_id="b", citations=(Citation("p", quote=q2),)
    )
    panel = SourcesPanel(m, QUndoStack())
    qtbot.addWidget(panel)
    viewer = panel.open_viewer("p")
    qtbot.addWidget(viewer)
    shown = viewer.browser.toPlainText()
    assert "about 3 × 10¹⁴ tokens" in shown and "L ∝ C^(-0.05)" in shown and "$" not in shown
    page = source_html(m.sources["p"], viewer.marks(), viewer.palette())
    lit = [html.unescape(x) for x in re.findall(r"<a name='q-[^']*'[^>]*>(.*?)</a>", page)]
    assert lit == ["about 3 × 10¹⁴ tokens", "which is not capability"]
    listed = [viewer.quotes.item(i).text() for i in range(viewer.quotes.count())]
    assert any("“about 3 × 10¹⁴ tokens”" in x for x in listed)
    assert any(x.startswith("Loss is not ability\n") for x in listed)
    assert m.node("a").citations[0].quote == q1  # the stored quote is untouched


def test_a_title_with_tex_is_listed_as_math_and_still_sorts_and_filters_by_its_text(qtbot):
    m = ArgumentMap()
    m.add_source(Source("t", r"Loss falls as $N^{-\alpha}$ with \emph{model size}", date="2020"))
    panel = SourcesPanel(m, QUndoStack())
    qtbot.addWidget(panel)
    panel.resize(340, 400)
    panel.show()
    assert panel.row_lines("t")[0].startswith("Loss falls as N^(-α) with model size")
    assert "N^(-α)" in panel.tree.topLevelItem(0).toolTip(0)
    for needle in ("model size", "-α", "alpha"):  # what is listed, and what is stored
        panel.filter.setText(needle)
        assert not panel.tree.topLevelItem(0).isHidden()
    panel.filter.setText("β")
    assert panel.tree.topLevelItem(0).isHidden()
