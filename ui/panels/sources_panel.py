"""The Sources panel: the documents the map cites, a reader for their text, and source dialogs.

The reader shows a source's stored text read-only with every quote the map cites from it
highlighted; clicking a highlight (or a quote in the list beside it) asks the main window to
select the citing node. Links are never opened by the text browser itself: only http, https
and mailto URLs, and only after asking (RELIABILITY.md, untrusted input).
"""

from __future__ import annotations

import dataclasses
import html
from collections import Counter

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model.argmap import ArgumentMap, Change
from model.entities import Citation, Source, new_id, now_iso
from model.search import locate_quote
from model.tex_display import readable, render
from ui.commands.edits import push
from ui.commands.sources import PutSourcesCommand, RemoveSourceCommand
from ui.panels.title_delegate import META_ROLE, TitleDelegate

SAFE_SCHEMES = ("http", "https", "mailto")


# ------------------------------------------------------------------ opening URLs
def open_url(url: str, parent: QWidget | None = None) -> bool:
    """Open a web or mail link after asking; refuse other schemes. Returns True if opened."""
    qurl = QUrl(url.strip())
    if not qurl.isValid() or qurl.scheme().lower() not in SAFE_SCHEMES:
        QMessageBox.information(
            parent, "Open URL", f"Only http, https and mailto links are opened:\n{url[:200]}"
        )
        return False
    answer = QMessageBox.question(
        parent, "Open URL", f"Open this link in your browser?\n\n{qurl.toString()[:500]}"
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    return QDesktopServices.openUrl(qurl)


def citing(amap: ArgumentMap, source_id: str) -> list[tuple[str, Citation]]:
    """(node id, citation) for every citation of a source, in map order."""
    return [(n.id, c) for n in amap.nodes() for c in n.citations if c.source == source_id]


# ---------------------------------------------------------------- source dialog
class SourceForm(QWidget):
    """Title / author / outlet / URL / date fields for a source (new or existing)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.title = QLineEdit(placeholderText="e.g. Situational Awareness")
        self.author = QLineEdit()
        self.outlet = QLineEdit()
        self.url = QLineEdit(placeholderText="https://…")
        self.date = QLineEdit(placeholderText="YYYY-MM-DD")
        for label, w in [("Title", self.title), ("Author", self.author), ("Outlet", self.outlet),
                         ("URL", self.url), ("Date", self.date)]:  # fmt: skip
            form.addRow(label, w)
        self._base: Source | None = None

    def load(self, source: Source | None) -> None:
        self._base = source
        s = source or Source(id="", title="")
        for w, v in [(self.title, s.title), (self.author, s.author), (self.outlet, s.outlet),
                     (self.url, s.url), (self.date, s.date)]:  # fmt: skip
            w.setText(v)

    def problem(self) -> str:
        """Why the fields cannot make a source, or "" if they can."""
        if not self.title.text().strip():
            return "A source needs a title."
        date = self.date.text().strip()
        unchanged = self._base is not None and date == self._base.date
        if date and not unchanged and not _valid_date(date):
            return f"Dates are written YYYY, YYYY-MM or YYYY-MM-DD, not “{date}”."
        return ""

    def source(self) -> Source:
        """The edited source (a new id for a new one), keeping fields the form does not show."""
        base = self._base or Source(id=new_id(), title="", added=now_iso())
        return dataclasses.replace(
            base,
            title=self.title.text().strip(),
            author=self.author.text().strip(),
            outlet=self.outlet.text().strip(),
            url=self.url.text().strip(),
            date=self.date.text().strip(),
        )


def _valid_date(text: str) -> bool:
    return any(QDate.fromString(text, f).isValid() for f in ("yyyy-MM-dd", "yyyy-MM", "yyyy"))


class SourceDialog(QDialog):
    """Create or edit a source's metadata."""

    def __init__(self, source: Source | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit source" if source else "New source")
        self.form = SourceForm()
        self.form.load(source)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())

    def accept(self) -> None:
        problem = self.form.problem()
        if problem:
            QMessageBox.warning(self, self.windowTitle(), problem)
            return
        super().accept()


class CitationDialog(QDialog):
    """Add or edit one citation: pick an existing source or describe a new one, plus the quote."""

    NEW = "__new__"

    def __init__(
        self, amap: ArgumentMap, citation: Citation | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.amap = amap
        self.setWindowTitle("Edit citation" if citation else "Cite a source")
        self.picker = QComboBox()
        self.picker.addItem("New source…", self.NEW)
        for s in sorted(amap.sources.values(), key=lambda s: s.title.casefold()):
            self.picker.addItem(_source_line(s), s.id)
        self.form = SourceForm()
        self.quote = QPlainTextEdit(placeholderText="The passage this node rests on (optional)")
        self.quote.setFixedHeight(90)
        self.locator = QLineEdit(placeholderText="page, section or timestamp (optional)")
        form = QFormLayout()
        form.addRow("Source", self.picker)
        form.addRow(self.form)
        form.addRow("Quote", self.quote)
        form.addRow("Locator", self.locator)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._citation = citation
        self.picker.currentIndexChanged.connect(self._picked)
        if citation is not None:
            self.picker.setCurrentIndex(max(0, self.picker.findData(citation.source)))
            self.quote.setPlainText(citation.quote)
            self.locator.setText(citation.locator)
        elif len(amap.sources):
            self.picker.setCurrentIndex(0)
        self._picked()
        self.resize(480, self.sizeHint().height())

    def _picked(self) -> None:
        sid = self.picker.currentData()
        self.form.load(None if sid == self.NEW else self.amap.sources.get(sid))

    def accept(self) -> None:
        problem = self.form.problem()
        if problem:
            QMessageBox.warning(self, self.windowTitle(), problem)
            return
        super().accept()

    def result_values(self) -> tuple[Citation, Source | None]:
        """The citation and the source to add or update (None when the source is unchanged)."""
        source = self.form.source()
        sid = self.picker.currentData()
        changed = sid == self.NEW or self.amap.sources.get(sid) != source
        quote = self.quote.toPlainText().strip()
        base = self._citation or Citation(source=source.id)
        keep_span = base.source == source.id and base.quote == quote
        citation = dataclasses.replace(
            base,
            source=source.id,
            quote=quote,
            locator=self.locator.text().strip(),
            start=base.start if keep_span else None,
            end=base.end if keep_span else None,
        )
        return citation, (source if changed else None)


def source_tip(title: str, who: str, url: str) -> str:
    """A source's tooltip as rich text, so Qt wraps a long title instead of running it off
    the screen: the title in bold, then author and date, then the URL."""
    esc = html.escape
    lines = [
        f"<b>{esc(readable(title), quote=False)}</b>",
        esc(who, quote=False),
        esc(url or "no URL"),
    ]
    return "<p>" + "<br>".join(x for x in lines if x) + "</p>"


def _source_line(s: Source) -> str:
    who = s.author or s.outlet
    return " · ".join(x for x in (s.title, who, s.date) if x)


# ------------------------------------------------------------------- the reader
class SourceViewer(QDialog):
    """A source's text, read-only, with cited quotes highlighted and listed beside it."""

    nodeRequested = Signal(str)

    def __init__(self, amap: ArgumentMap, source_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amap = amap
        self.source_id = source_id
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._anchor)
        self.quotes = QListWidget()
        self.quotes.setWordWrap(True)
        self.quotes.setAlternatingRowColors(True)
        self.quotes.setSpacing(2)
        self.quotes.itemActivated.connect(self._quote_clicked)
        self.quotes.itemClicked.connect(self._quote_clicked)
        self.open_button = QPushButton("Open URL…")
        self.open_button.clicked.connect(lambda: open_url(self._source().url, self))
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel("<b>Cited by</b> (click to select on the map)"))
        side_layout.addWidget(self.quotes)
        side_layout.addWidget(self.open_button)
        split = QSplitter()
        split.addWidget(self.browser)
        split.addWidget(side)
        split.setSizes([620, 280])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.resize(920, 640)
        self.refresh()

    def _source(self) -> Source:
        return self.amap.sources.get(self.source_id) or Source(self.source_id, "(deleted source)")

    def refresh(self) -> None:
        """Rebuild the page from the model (the source or its citations changed)."""
        source = self._source()
        self.setWindowTitle(source.title)
        self.open_button.setEnabled(bool(source.url))
        marks = self.marks()
        self.browser.setHtml(source_html(source, marks, self.palette()))
        self.quotes.clear()
        for nid, c in citing(self.amap, self.source_id):
            found = any(m[2] == nid for m in marks)
            title = readable(self.amap.node(nid).title)
            text = f"{title}\n“{readable(c.quote)}”" if c.quote else title
            item = QListWidgetItem(text + ("" if found or not c.quote else "\n(not found in text)"))
            item.setData(Qt.ItemDataRole.UserRole, nid)
            item.setToolTip("Click to select the node on the map")
            self.quotes.addItem(item)

    def marks(self) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, node id) highlights, in text order."""
        text = self._source().text
        spans = []
        for nid, c in citing(self.amap, self.source_id):
            span = locate_quote(text, c)
            if span:
                spans.append((span[0], span[1], nid))
        spans.sort()
        out: list[tuple[int, int, str]] = []
        for start, end, nid in spans:
            start = max(start, out[-1][1]) if out else start
            if start < end:
                out.append((start, end, nid))
        return out

    def _anchor(self, url: QUrl) -> None:
        if url.scheme() == "node":
            self.nodeRequested.emit(url.path())

    def _quote_clicked(self, item: QListWidgetItem) -> None:
        nid = item.data(Qt.ItemDataRole.UserRole)
        self.browser.scrollToAnchor(f"q-{nid}")
        self.nodeRequested.emit(nid)


def source_html(source: Source, marks: list[tuple[int, int, str]], palette: QPalette) -> str:
    """Escaped HTML of a source: metadata header, then its text with `marks` as node links."""
    esc = html.escape
    meta = " · ".join(esc(x) for x in (source.author, source.outlet, source.date) if x)
    head = f"<h2>{esc(source.title)}</h2>"
    if meta:
        head += f"<p style='color:{palette.color(QPalette.ColorRole.PlaceholderText).name()}'>{meta}</p>"
    if source.url:
        head += f"<p>{esc(source.url)}</p>"
    if not source.text:
        return head + "<p><i>No stored text for this source; open its URL to read it.</i></p>"
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    bg, fg = ("#6b5a12", "#fff7d6") if dark else ("#fff0a8", "#202020")
    shown = render(source.text)  # TeX as math; the marks follow it (the stored text is kept)
    text, parts, at = shown.text, [], 0
    for start, end, nid in marks:
        start, end = shown.span(start, end)
        start = max(start, at)  # two quotes cutting one formula: it is lit for the first
        if start >= end:
            continue
        parts.append(esc(text[at:start]))
        parts.append(
            f"<a name='q-{esc(nid)}' href='node:{esc(nid)}' "
            f"style='background-color:{bg}; color:{fg}; text-decoration:none'>"
            f"{esc(text[start:end])}</a>"
        )
        at = end
    parts.append(esc(text[at:]))
    body = "".join(parts).replace("\n", "<br>")
    return f"{head}<div style='line-height:140%'>{body}</div>"


# -------------------------------------------------------------------- the panel
class SourcesPanel(QWidget):
    """Every source of the map with who cites it; add, edit, delete, read."""

    nodeRequested = Signal(str)

    COLUMNS = ("Title", "Author / outlet", "Date", "Cited by")
    COMPACT_WIDTH = 440  # narrower than this, Author and Date go under the title

    def __init__(
        self, amap: ArgumentMap, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.amap = amap
        self.stack = undo_stack
        self.viewers: dict[str, SourceViewer] = {}
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(list(self.COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setSortingEnabled(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)
        self.title_delegate = TitleDelegate(self.tree)
        self.tree.setItemDelegateForColumn(0, self.title_delegate)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda col, _old, _new: col == 0 and self._relayout())
        self.tree.viewport().installEventFilter(self)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemDoubleClicked.connect(lambda item, _col: self.open_viewer(self._id(item)))
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.filter = QLineEdit(placeholderText="Filter sources", clearButtonEnabled=True)
        self.filter.textChanged.connect(self._apply_filter)
        self.add_button = QPushButton("Add…")
        self.edit_button = QPushButton("Edit…")
        self.read_button = QPushButton("Read")
        self.delete_button = QPushButton("Delete")
        self.add_button.clicked.connect(self.add_source)
        self.edit_button.clicked.connect(self.edit_source)
        self.read_button.clicked.connect(lambda: self.open_viewer(self.current_id()))
        self.delete_button.clicked.connect(self.delete_source)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.read_button, self.delete_button):
            # narrower than their padded hint when the window is small: the dock, which
            # shares the Credence dock's area, must not hold the map to 356 px less
            b.setMinimumWidth(b.fontMetrics().horizontalAdvance(b.text()) + 16)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.refresh()
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        amap.subscribe(self._on_changes)

    def detach(self) -> None:
        """Stop following the map (before the main window drops it)."""
        self.amap.unsubscribe(self._on_changes)
        for viewer in list(self.viewers.values()):
            viewer.close()

    # ------------------------------------------------------------- view state
    def refresh(self) -> None:
        """Rebuild the list from the model, keeping the selected source."""
        current = self.current_id()
        self._cites = {n.id: frozenset(c.source for c in n.citations)
                       for n in self.amap.nodes() if n.citations}  # fmt: skip
        self._counts = Counter(sid for sids in self._cites.values() for sid in sids)
        counts = self._counts
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        for s in self.amap.sources.values():
            item = SortItem([s.title, s.author or s.outlet, s.date, str(counts.get(s.id, 0))])
            item.setData(0, Qt.ItemDataRole.UserRole, s.id)
            who = ", ".join(x for x in (s.author or s.outlet, s.date) if x)
            item.setData(0, META_ROLE, (s.author or s.outlet, s.date))
            tip = source_tip(s.title, who, s.url)
            for col in range(len(self.COLUMNS)):  # a narrow dock cuts the columns: all of it here
                item.setToolTip(col, tip)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tree.addTopLevelItem(item)
            if s.id == current:
                item.setSelected(True)
                self.tree.setCurrentItem(item)
        self.tree.setSortingEnabled(True)
        self.tree.resizeColumnToContents(1)
        self.tree.setColumnWidth(1, min(self.tree.columnWidth(1), 120))  # leave room for titles
        self._apply_filter(self.filter.text())
        self._update_buttons()
        self._fit_columns()

    # --------------------------------------------------------- title layout
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """A narrow panel gives the titles its width: Author and Date move under the title."""
        compact = self.tree.viewport().width() < self.COMPACT_WIDTH
        if compact != self.title_delegate.compact:
            self.title_delegate.compact = compact
            for col in (1, 2):
                self.tree.setColumnHidden(col, compact)
        self._relayout()

    def _relayout(self) -> None:
        """Row heights follow the title column's width (a title wraps onto one or two lines)."""
        if self.tree.topLevelItemCount():
            first = self.tree.indexFromItem(self.tree.topLevelItem(0))
            self.title_delegate.sizeHintChanged.emit(first)

    def row_lines(self, source_id: str) -> list[str]:
        """The lines the list shows for a source: its title, wrapped and at most cut with "…",
        then, in a narrow panel, its author and date."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if self._id(item) == source_id:
                index = self.tree.indexFromItem(item)
                width = self.tree.header().sectionSize(0)
                title, meta = self.title_delegate.lines(index, self.tree.font(), width)
                return title + ([meta] if meta else [])
        return []

    def _on_changes(self, changes: list[Change]) -> None:
        if any(c.kind in ("source", "reset") for c in changes):
            self.refresh()
            touched = set(self.viewers)
        else:
            touched = self._recount([c.key for c in changes if c.kind == "node"])
        for sid in touched & set(self.viewers):
            if sid in self.amap.sources:
                self.viewers[sid].refresh()
            else:
                self.viewers[sid].close()

    def _recount(self, node_ids: list[str]) -> set[str]:
        """Follow the citations of changed nodes only (an edit costs what it changes, not a
        scan of the map); returns the sources those nodes cite or cited."""
        graph = self.amap.graph
        touched: set[str] = set()
        moved: set[str] = set()
        for nid in node_ids:
            old = self._cites.get(nid, frozenset())
            new = (
                frozenset(c.source for c in self.amap.node(nid).citations)
                if nid in graph
                else frozenset()
            )
            touched |= old | new
            if old == new:
                continue
            self._counts.subtract(old - new)
            self._counts.update(new - old)
            moved |= old ^ new
            if new:
                self._cites[nid] = new
            else:
                self._cites.pop(nid, None)
        for i in range(self.tree.topLevelItemCount()) if moved else ():
            item = self.tree.topLevelItem(i)
            sid = self._id(item)
            if sid in moved:
                item.setText(3, str(self._counts.get(sid, 0)))
        return touched

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            shown = readable(item.text(0))  # as listed (TeX as math) and as stored
            hay = " ".join([shown] + [item.text(c) for c in range(3)]).casefold()
            item.setHidden(bool(needle) and needle not in hay)

    def _update_buttons(self) -> None:
        has = self.current_id() is not None
        for b in (self.edit_button, self.read_button, self.delete_button):
            b.setEnabled(has)

    @staticmethod
    def _id(item: QTreeWidgetItem | None) -> str | None:
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    def current_id(self) -> str | None:
        items = self.tree.selectedItems()
        return self._id(items[0]) if items else None

    def select_source(self, source_id: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if self._id(item) == source_id:
                self.tree.setCurrentItem(item)

    # ---------------------------------------------------------------- actions
    def open_viewer(self, source_id: str | None) -> SourceViewer | None:
        """Show (or raise) the reader for a source."""
        if source_id is None or source_id not in self.amap.sources:
            return None
        viewer = self.viewers.get(source_id)
        if viewer is None:
            viewer = SourceViewer(self.amap, source_id, self)
            viewer.nodeRequested.connect(self.nodeRequested)
            viewer.finished.connect(lambda _r, sid=source_id: self.viewers.pop(sid, None))
            self.viewers[source_id] = viewer
        viewer.show()
        viewer.raise_()
        return viewer

    def add_source(self) -> None:
        dialog = SourceDialog(None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            source = dialog.form.source()
            if push(self.stack, PutSourcesCommand(self.amap, [source], "Add source"), self):
                self.select_source(source.id)

    def edit_source(self) -> None:
        sid = self.current_id()
        if sid is None:
            return
        dialog = SourceDialog(self.amap.sources[sid], self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            source = dialog.form.source()
            if source != self.amap.sources[sid]:
                push(self.stack, PutSourcesCommand(self.amap, [source]), self)

    def delete_source(self) -> None:
        sid = self.current_id()
        if sid is not None:
            push(self.stack, RemoveSourceCommand(self.amap, sid), self)


class SortItem(QTreeWidgetItem):
    """Sorts the "Cited by" column as numbers and the rest case-insensitively."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        col = self.treeWidget().sortColumn() if self.treeWidget() else 0
        if col == 3:
            return int(self.text(3) or 0) < int(other.text(3) or 0)
        return self.text(col).casefold() < other.text(col).casefold()
