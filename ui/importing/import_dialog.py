"""Review dialog for an article import: see each proposed claim highlighted in the article, then
accept, edit, re-target or reject it (or accept everything above a confidence).

A second tab lists the article's numeric trend facts with a suggested data series each; a fact
can be accepted only when it has a series that takes its unit and a year (its own or the
article's), and the row says why not otherwise.

Self-contained: it takes ImportProposals plus the map's NodeRefs (and series) and returns
Decisions and FactDecisions; the main window turns those into one undoable edit
(model.importer.apply.apply_import inside ui.importing.import_flow.ImportArticleCommand).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from model.entities import Point, Series
from model.formatting import signed
from model.importer.apply import (
    Decision,
    FactDecision,
    FactRefused,
    FitEffect,
    already_there,
    decide_fact,
    fact_date,
    fit_effect,
    suggest_series,
)
from model.importer.article import (
    CONFIDENCE_DIGITS,
    READINGS,
    ImportProposals,
    NodeRef,
    TrendFact,
    at_or_above,
    side_name,
)
from model.importer.targets import relation_for
from model.tex_display import Rendered, readable, render
from model.weights import strength_name
from ui.importing.proposal_reading import STANCE_SHOWN, sentence, target_cell
from ui.strengths import fill_strengths, picked_strength, show_strength

COLUMNS = ("Accept", "On thesis", "Confidence", "Relation", "Target", "Strength", "Title")
COLUMN_TIPS = {
    1: "The claim's stance: for or against the thesis, or neutral",
    3: "How the claim is linked to its target node",
    4: "The map node the claim is linked to, after that node's own side of the thesis",
}
FACT_COLUMNS = ("Accept", "Quote", "Quantity", "Value", "Year", "Label", "Series", "Status")
FACT_SERIES_COL = 6
#: The widest each facts column but the last may grow to fit its contents, in px: Status, the
#: last, stretches over the rest, so the table fits the dialog's default width with no
#: sideways scrolling (a cut-off cell shows "…" and its whole text as a tooltip).
FACT_COLUMN_CAPS = (60, 80, 100, 80, 110, 100, 150)
STANCES = ("pro", "con", "neutral")
RELATIONS = ("supports", "attacks", "duplicate")


def _utf16(text: str, offset: int) -> int:
    """Qt counts UTF-16 code units; Python counts code points."""
    return len(text[:offset].encode("utf-16-le")) // 2


def _number(value: float) -> str:
    """41000000 → "41 M", 3.1e23 → "3.1e+23": readable at a glance, exact in the tooltip."""
    a = abs(value)
    if a >= 1e15 or 0 < a < 1e-3:
        return f"{value:.3g}"
    for scale, word in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if a >= scale:
            return f"{value / scale:,.4g} {word}"
    return f"{value:,.4g}"


def _lay_out_article(view: QTextEdit, result: ImportProposals, shown: Rendered) -> None:
    """Space the article's paragraphs and bold its headings, as formats only: the text (and so
    every offset a highlight uses) stays the article's own, its TeX rendered (`shown`)."""
    doc = view.document()
    cur = QTextCursor(doc)
    cur.select(QTextCursor.SelectionType.Document)
    block = QTextBlockFormat()
    block.setBottomMargin(8)
    cur.mergeBlockFormat(block)
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    text = shown.text
    for s in result.sentences:
        if s.heading:
            start, end = shown.span(s.start, s.end)
            cur.setPosition(_utf16(text, start))
            cur.setPosition(_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
            cur.mergeCharFormat(bold)


def _as_read(lean: float) -> str:
    """The side box's first entry: the article's side as the importer read it."""
    return f"as read: {side_name(lean)} ({signed(lean, 2)})"  # "−0.79", as the cards sign


def _checkable(accepted: bool, enabled: bool) -> QTableWidgetItem:
    item = QTableWidgetItem()
    flags = Qt.ItemFlag.ItemIsSelectable
    if enabled:
        flags |= Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
    item.setFlags(flags)
    item.setCheckState(Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked)
    return item


def _count(n: int, noun: str) -> str:
    return "" if not n else f"{n} {noun}" + ("" if n == 1 else "s")


def confirm_discard(parent: QWidget, text: str) -> bool:
    """Whether the user chose to drop a review ("Discard"); "Keep Reviewing" is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, "Import Article", text, parent=parent)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep Reviewing", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


class ImportDialog(QDialog):
    """Lists proposals; `decisions()` returns the accepted ones as edited by the user."""

    def __init__(
        self,
        result: ImportProposals,
        nodes: Sequence[NodeRef],
        parent: QWidget | None = None,
        series: Mapping[str, Series] | None = None,
    ) -> None:
        super().__init__(parent)
        self.result = result
        self.nodes = list(nodes)
        self.series = dict(series or {})
        self.facts: list[TrendFact] = list(result.trend_facts)
        self.shown = render(result.article.text)  # what the article panes show: TeX rendered
        text = result.article.text
        self._fact_series = [suggest_series(self.series, f, text) for f in self.facts]
        self._fact_accepted = [False] * len(self.facts)
        self._by_id = {n.id: n for n in self.nodes}
        self._items = [Decision.from_proposal(p) for p in result.proposals]
        self._confidence = [p.confidence for p in result.proposals]
        self._accepted = [False] * len(self._items)
        self._stance_by_hand = [False] * len(self._items)
        self._updating = False
        title = readable(result.article.title) or "article"
        self.setWindowTitle(f"Import “{title}”")
        self.resize(1100, 700)
        self._build()
        self._fill_table()
        self._fill_facts()
        if self._items:
            self.table.selectRow(0)
        if self.facts:
            self.fact_table.selectRow(0)

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        for c, tip in COLUMN_TIPS.items():
            self.table.horizontalHeaderItem(c).setToolTip(tip)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch
        )
        self.table.verticalHeader().setVisible(False)
        for c, w in enumerate((56, 64, 84, 80, 220, 110)):
            self.table.setColumnWidth(c, w)
        self.table.itemSelectionChanged.connect(self._on_select)
        self.table.itemChanged.connect(self._on_item_changed)

        self.text_view = QTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setPlainText(self.shown.text)
        _lay_out_article(self.text_view, self.result, self.shown)

        self.title_edit = QLineEdit()
        self.title_edit.textEdited.connect(self._on_title)
        self.stance_box = QComboBox()
        self.stance_box.addItems(STANCES)
        self.stance_box.currentTextChanged.connect(self._on_stance)
        self.target_box = QComboBox()
        for n in self.nodes:  # each with its side, so the relation it gets reads plainly
            short = n.title if len(n.title) <= 80 else f"{n.title[:79]}…"
            self.target_box.addItem(target_cell(replace(n, title=short), n.id), n.id)
            self.target_box.setItemData(
                self.target_box.count() - 1, n.title, Qt.ItemDataRole.ToolTipRole
            )
        self._searchable(self.target_box)
        self.target_box.currentIndexChanged.connect(self._on_target)
        self.relation_box = QComboBox()
        self.relation_box.addItems(RELATIONS)
        self.relation_box.currentTextChanged.connect(self._on_relation)
        self.strength_box = QComboBox()
        fill_strengths(self.strength_box, unweighed="first")  # the default: weigh later
        self.strength_box.setToolTip(
            "How strongly this reason bears on its target; a link not yet weighed counts for "
            "nothing in the credence until it is"
        )
        self.strength_box.currentIndexChanged.connect(self._on_strength)
        self.accept_button = QPushButton("Accept")
        self.accept_button.clicked.connect(lambda: self._set_current(True))
        self.reject_button = QPushButton("Reject")
        self.reject_button.clicked.connect(lambda: self._set_current(False))

        self.reading_label = QLabel()
        self.reading_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Title", self.title_edit)
        form.addRow("Stance on the thesis", self.stance_box)
        form.addRow("Target", self.target_box)
        form.addRow("Relation to the target", self.relation_box)
        form.addRow("Strength", self.strength_box)
        form.addRow("Reads as", self.reading_label)
        row = QHBoxLayout()
        row.addWidget(self.accept_button)
        row.addWidget(self.reject_button)
        form.addRow(row)

        self.threshold_spin = QDoubleSpinBox()
        self.threshold_spin.setRange(0.0, 1.0)
        self.threshold_spin.setSingleStep(0.05)
        self.threshold_spin.setDecimals(CONFIDENCE_DIGITS)
        self.threshold_spin.setValue(0.7)
        self.accept_above_button = QPushButton("Accept all at or above")
        self.accept_above_button.clicked.connect(
            lambda: self.accept_above(self.threshold_spin.value())
        )
        self.side_box = QComboBox()
        self.side_box.addItems([_as_read(self.result.lean), *READINGS])
        self.side_box.setToolTip(
            "The side the importer read this article as taking (from -1, against the thesis, "
            "to +1, for it). If it misread the article, choose its side: every stance you have "
            "not set by hand (bold) is read again under it. A claim with no clear cue of its "
            "own follows the article's side; one whose wording argues a side keeps it."
        )
        self.side_box.currentIndexChanged.connect(self._on_side)
        bulk = QHBoxLayout()
        bulk.addWidget(self.accept_above_button)
        bulk.addWidget(self.threshold_spin)
        bulk.addSpacing(16)
        bulk.addWidget(QLabel("Article's side:"))
        bulk.addWidget(self.side_box)
        bulk.addStretch(1)
        self.summary = QLabel()
        bulk.addWidget(self.summary)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.table, 1)
        lv.addLayout(form)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.text_view)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import accepted")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        claims_page = QWidget()
        cv = QVBoxLayout(claims_page)
        cv.addWidget(split, 1)
        cv.addLayout(bulk)
        self.tabs = QTabWidget()
        self.tabs.addTab(claims_page, "Claims")
        self.tabs.addTab(self._build_facts(), "Trend facts")
        self.tabs.currentChanged.connect(self._show_quote)

        outer = QVBoxLayout(self)
        facts = len(self.result.trend_facts)
        outer.addWidget(
            QLabel(
                f"{len(self._items)} proposed claims, {facts} trend facts. "
                "Select a row to see its sentence in the article."
            )
        )
        outer.addWidget(self.tabs, 1)
        outer.addWidget(buttons)

    def _build_facts(self) -> QWidget:
        self.fact_table = QTableWidget(0, len(FACT_COLUMNS))
        self.fact_table.setHorizontalHeaderLabels(FACT_COLUMNS)
        self.fact_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fact_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.fact_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fact_table.setWordWrap(False)
        header = self.fact_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.fact_table.verticalHeader().setVisible(False)
        self.fact_table.itemSelectionChanged.connect(self._on_fact_select)
        self.fact_table.itemChanged.connect(self._on_fact_item_changed)
        self.fact_text_view = QTextEdit()
        self.fact_text_view.setReadOnly(True)
        self.fact_text_view.setPlainText(self.shown.text)
        self.fact_detail = QLabel()
        self.fact_detail.setWordWrap(True)
        self.accept_facts_button = QPushButton("Accept all that fit a series")
        self.accept_facts_button.clicked.connect(self.accept_fitting_facts)
        self.fact_summary = QLabel()
        bulk = QHBoxLayout()
        bulk.addWidget(self.accept_facts_button)
        bulk.addStretch(1)
        bulk.addWidget(self.fact_summary)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.fact_table, 1)
        lv.addWidget(self.fact_detail)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.fact_text_view)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([940, 320])
        page = QWidget()
        pv = QVBoxLayout(page)
        pv.addWidget(split, 1)
        pv.addLayout(bulk)
        return page

    def _fill_table(self) -> None:
        self._updating = True
        self.table.setRowCount(len(self._items))
        for r in range(len(self._items)):
            self._fill_row(r)
        self._updating = False
        self._update_summary()

    def _fill_row(self, r: int) -> None:
        d = self._items[r]
        was = self._updating
        self._updating = True
        check = QTableWidgetItem()
        check.setFlags(
            Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
        )
        check.setCheckState(Qt.CheckState.Checked if self._accepted[r] else Qt.CheckState.Unchecked)
        self.table.setItem(r, 0, check)
        target = self._by_id.get(d.target)
        values = (
            STANCE_SHOWN.get(d.stance, d.stance),
            f"{self._confidence[r]:.2f}",
            d.relation,
            target_cell(target, d.target),
            "—" if d.relation == "duplicate" else strength_name(d.strength),
            readable(d.title),
        )
        reading = self.reading(r)
        quote = self.shown_quote(d.start, d.end)
        for c, v in enumerate(values, start=1):
            item = QTableWidgetItem(v)
            item.setToolTip(f"{reading}\n\n“{quote}”" if c == len(COLUMNS) - 1 else reading)
            self.table.setItem(r, c, item)
        if self._stance_by_hand[r]:  # kept whatever side the article is given
            cell = self.table.item(r, 1)
            font = cell.font()
            font.setBold(True)
            cell.setFont(font)
            cell.setToolTip(f"{reading}\nStance set by hand: kept when the article's side changes")
        self._updating = was

    def shown_quote(self, start: int, end: int) -> str:
        """A quote as the article pane shows (and highlights) it: its TeX rendered, a formula it
        cuts shown whole."""
        lo, hi = self.shown.span(start, end)
        return self.shown.text[lo:hi]

    def reading(self, row: int) -> str:
        """The proposal in `row` as one plain sentence: its stance on the thesis, its link to
        its target and the target's side."""
        d = self._items[row]
        return sentence(d.stance, d.relation, self._by_id.get(d.target), d.target)

    # ----------------------------------------------------------------- state
    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        QTimer.singleShot(0, self, lambda: self._show_quote(self.tabs.currentIndex()))

    def _show_quote(self, tab: int) -> None:
        """Scroll the current row's quote into place once its pane has its real size: the
        first rows are selected before the dialog or the facts tab is shown."""
        if tab == 0 and self.current_row() >= 0:
            d = self._items[self.current_row()]
            self._highlight(d.start, d.end)
        elif tab == 1 and self._current_fact() >= 0:
            f = self.facts[self._current_fact()]
            self._highlight(f.start, f.end, self.fact_text_view)

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def set_accepted(self, row: int, accepted: bool) -> None:
        self._accepted[row] = accepted
        self._fill_row(row)
        self._update_summary()

    def accept_above(self, threshold: float) -> int:
        """Accept every proposal with confidence >= threshold; returns how many are accepted."""
        for r, conf in enumerate(self._confidence):
            if at_or_above(conf, threshold):
                self._accepted[r] = True
                self._fill_row(r)
        self._update_summary()
        return sum(self._accepted)

    def decisions(self) -> list[Decision]:
        """The accepted proposals with the user's edits, in text order."""
        out = [d for d, ok in zip(self._items, self._accepted) if ok]
        return sorted(out, key=lambda d: d.start)

    def _set_current(self, accepted: bool) -> None:
        r = self.current_row()
        if r >= 0:
            self.set_accepted(r, accepted)

    def _update_summary(self) -> None:
        self.summary.setText(f"{sum(self._accepted)} of {len(self._items)} accepted")

    def reject(self) -> None:
        """Cancel, Escape (also in the Title box, where it reads as "undo my typing") and the
        close button drop the whole review: with items accepted, ask first."""
        claims, facts = sum(self._accepted), sum(self._fact_accepted)
        if claims or facts:
            kept = [_count(claims, "accepted claim"), _count(facts, "accepted trend fact")]
            what = " and ".join(k for k in kept if k)
            text = f"Close without importing? Your {what} will not be added to the map."
            if not confirm_discard(self, text):
                return
        super().reject()

    # ----------------------------------------------------------------- signals
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._updating or item.column() != 0:
            return
        self._accepted[item.row()] = item.checkState() == Qt.CheckState.Checked
        self._update_summary()

    def _on_select(self) -> None:
        r = self.current_row()
        if r < 0:
            return
        d = self._items[r]
        self._updating = True
        self.title_edit.setText(d.title)
        self.title_edit.setCursorPosition(0)  # a long title shows its start, not its tail
        self.stance_box.setCurrentText(d.stance)
        idx = self.target_box.findData(d.target)
        self.target_box.setCurrentIndex(idx)
        self.relation_box.setCurrentText(d.relation)
        show_strength(self.strength_box, d.strength)
        self.strength_box.setEnabled(d.relation != "duplicate")
        self._updating = False
        self.reading_label.setText(self.reading(r))
        self._highlight(d.start, d.end)

    def _highlight(self, start: int, end: int, view: QTextEdit | None = None) -> None:
        view = self.text_view if view is None else view
        text = self.shown.text
        start, end = self.shown.span(start, end)
        cur = QTextCursor(view.document())
        cur.setPosition(_utf16(text, start))
        cur.setPosition(_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
        sel = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(255, 230, 120))
        sel.format = fmt
        sel.cursor = cur
        view.setExtraSelections([sel])
        view_cur = QTextCursor(view.document())
        view_cur.setPosition(_utf16(text, start))
        view.setTextCursor(view_cur)
        # The sentence starts a third of the way down, so all of it shows with some context
        # (ensureCursorVisible alone leaves it on the bottom edge, its first line only).
        bar = view.verticalScrollBar()
        top = view.cursorRect(view_cur).top() + bar.value()
        bar.setValue(max(0, top - view.viewport().height() // 3))

    def highlighted_text(self) -> str:
        sels = self.text_view.extraSelections()
        return sels[0].cursor.selectedText() if sels else ""

    def _edit(self, **changes: object) -> None:
        r = self.current_row()
        if r < 0 or self._updating:
            return
        self._items[r] = replace(self._items[r], **changes)
        self._accepted[r] = True  # editing an item means keeping it
        self._fill_row(r)
        self.reading_label.setText(self.reading(r))
        self._update_summary()

    def _on_title(self, text: str) -> None:
        self._edit(title=text)

    def set_side(self, side: str | None) -> None:
        """Read every stance not set by hand as if the article took `side` ("pro", "con",
        "mixed"), or as the importer read it (None)."""
        self.side_box.setCurrentIndex(0 if side is None else 1 + list(READINGS).index(side))

    def _on_side(self, index: int) -> None:
        side = None if index <= 0 else list(READINGS)[index - 1]
        for r, p in enumerate(self.result.proposals):
            if self._stance_by_hand[r]:
                continue
            as_read = (p.stance, p.confidence)
            stance, conf = p.readings.get(side, as_read) if side else as_read
            d = self._items[r]
            rel = (
                d.relation
                if d.relation == "duplicate"
                else relation_for(stance, self._by_id.get(d.target))
            )
            self._items[r] = replace(d, stance=stance, relation=rel)
            self._confidence[r] = conf
            self._fill_row(r)
        self._on_select()

    def _on_stance(self, stance: str) -> None:
        r = self.current_row()
        if r < 0 or self._updating:
            return
        self._stance_by_hand[r] = True
        d = self._items[r]
        rel = (
            d.relation
            if d.relation == "duplicate"
            else relation_for(stance, self._by_id.get(d.target))
        )
        self._edit(stance=stance, relation=rel)
        self._sync_relation()

    def _on_target(self, index: int) -> None:
        r = self.current_row()
        if r < 0 or self._updating or index < 0:
            return
        node = self._by_id[self.target_box.itemData(index)]
        self._edit(target=node.id, relation=relation_for(self._items[r].stance, node))
        self._sync_relation()

    def _on_relation(self, relation: str) -> None:
        self._edit(relation=relation)
        self.strength_box.setEnabled(relation != "duplicate")

    def _on_strength(self, index: int) -> None:
        self._edit(strength=picked_strength(self.strength_box, index))

    def set_strength(self, row: int, label: str | None) -> None:
        """Weigh the proposal in `row` before accepting it (None: leave it unweighed)."""
        self._items[row] = replace(self._items[row], strength=label)
        self._accepted[row] = True
        self._fill_row(row)
        if row == self.current_row():
            self._on_select()
        self._update_summary()

    def _sync_relation(self) -> None:
        r = self.current_row()
        self._updating = True
        self.relation_box.setCurrentText(self._items[r].relation)
        self._updating = False

    # ----------------------------------------------------------- trend facts
    def _fact_problem(self, row: int) -> str:
        """Why the fact in `row` cannot become a point with its current series ("" if it can)."""
        try:
            decide_fact(self.facts[row], self._fact_series[row], self.result.article, self.series)
        except FactRefused as exc:
            return str(exc)
        return ""

    def _fill_facts(self) -> None:
        self._updating = True
        self.fact_table.setRowCount(len(self.facts))
        for r in range(len(self.facts)):
            self.fact_table.setCellWidget(r, FACT_SERIES_COL, self._series_box(r))
            self._fill_fact_row(r)
        self._updating = False
        self._fit_fact_columns()
        self._update_fact_summary()

    def _fit_fact_columns(self) -> None:
        """Each column but Status as wide as its header and contents need, up to its cap;
        Status (the header's stretch section) takes the rest."""
        table, header = self.fact_table, self.fact_table.horizontalHeader()
        for c, cap in enumerate(FACT_COLUMN_CAPS):
            need = max(header.sectionSizeHint(c), table.sizeHintForColumn(c))
            if c == FACT_SERIES_COL:  # a drop-down's hint is its minimum: fit the chosen titles
                boxes = [table.cellWidget(r, c) for r in range(table.rowCount())]
                need = max([need] + [b.fontMetrics().horizontalAdvance(b.currentText()) + 40
                                     for b in boxes if isinstance(b, QComboBox)])  # fmt: skip
            table.setColumnWidth(c, min(cap, need))

    @staticmethod
    def _searchable(box: QComboBox) -> None:
        """Typing finds a node by any words of its title: every entry starts with its side
        ("against: …"), so the first letters alone would not jump anywhere."""
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.lineEdit().setPlaceholderText("type words of a node's title")
        completer = box.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def _series_box(self, row: int) -> QComboBox:
        box = QComboBox()
        # as wide as its column, not its longest title (the list still shows titles whole)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(8)
        box.addItem("(none)", None)
        for s in self.series.values():
            if s.kind == "data":
                box.addItem(f"{s.title or s.name} [{s.unit}]", s.name)
                box.setItemData(box.count() - 1, s.name, Qt.ItemDataRole.ToolTipRole)
        box.setCurrentIndex(max(0, box.findData(self._fact_series[row])))
        box.setToolTip(box.currentText())
        box.currentIndexChanged.connect(lambda i, r=row: self._on_fact_series(r, i))
        box.currentTextChanged.connect(box.setToolTip)
        return box

    def _fill_fact_row(self, r: int) -> None:
        f = self.facts[r]
        was = self._updating
        self._updating = True
        problem = self._fact_problem(r)
        if problem:
            self._fact_accepted[r] = False
        check = _checkable(self._fact_accepted[r], not problem)
        check.setToolTip(problem or "Add this fact as a point of the chosen series")
        self.fact_table.setItem(r, 0, check)
        date = fact_date(f, self.result.article)
        year = str(f.year) if f.year else (f"{date} (article)" if date else "—")
        twin = None if problem else self._fact_twin(r)
        # What becomes of the fact, short enough for its column; the fit's numbers are in
        # the line under the table, for the selected fact.
        flag = "" if problem else self._fact_fit(r).flag
        status = problem or f"→ point dated {date}" + (f"; ⚠ {flag}" if flag else "")
        if twin is not None:
            status = f"already there: {twin.label or twin.date} = {twin.value:g}"
        unit = "%" if f.unit == "percent" else f" {f.unit}"
        values = (
            self.shown_quote(f.start, f.end),
            f.quantity,
            f"{_number(f.value)}{unit}",
            year,
            f.label,
            "",
            status,
        )
        for c, v in enumerate(values, start=1):
            if c == FACT_SERIES_COL:
                continue
            item = QTableWidgetItem(v)
            item.setToolTip(f"{f.value:g} {f.unit}" if c == 3 else (problem or v))
            if c == len(FACT_COLUMNS) - 1 and problem:
                item.setForeground(self.palette().placeholderText())
            self.fact_table.setItem(r, c, item)
        self._updating = was

    def _fact_fit(self, row: int) -> FitEffect:
        """How the fact's point would change its series' fit (and whether it is off the trend)."""
        d = decide_fact(self.facts[row], self._fact_series[row], self.result.article, self.series)
        return fit_effect(d, self.series[d.series], self.result.article)

    def fact_flag(self, row: int) -> str:
        """Why the fact's point looks wrong for its series ("" when it fits or cannot be added)."""
        return "" if self._fact_problem(row) else self._fact_fit(row).flag

    def _fact_twin(self, row: int) -> Point | None:
        """The series' existing point this fact repeats, if any (accepting it is allowed)."""
        d = decide_fact(self.facts[row], self._fact_series[row], self.result.article, self.series)
        return already_there(d, self.series)

    def fact_series(self, row: int) -> str | None:
        """The series chosen (or suggested) for the fact in `row`."""
        return self._fact_series[row]

    def set_fact_series(self, row: int, name: str | None) -> None:
        box = self.fact_table.cellWidget(row, FACT_SERIES_COL)
        box.setCurrentIndex(max(0, box.findData(name)))

    def set_fact_accepted(self, row: int, accepted: bool) -> bool:
        """Accept or reject a fact; a fact with a problem stays rejected. Returns the new state."""
        self._fact_accepted[row] = accepted and not self._fact_problem(row)
        self._fill_fact_row(row)
        self._update_fact_summary()
        return self._fact_accepted[row]

    def accept_fitting_facts(self) -> int:
        """Accept every fact that has a series and a year, is not in it yet and is not flagged as
        off the series' trend; returns how many facts are accepted."""
        for r in range(len(self.facts)):
            if not self._fact_problem(r) and self._fact_twin(r) is None and not self.fact_flag(r):
                self._fact_accepted[r] = True
                self._fill_fact_row(r)
        self._update_fact_summary()
        return sum(self._fact_accepted)

    def fact_decisions(self) -> list[FactDecision]:
        """The accepted facts, each with its series and date, in text order."""
        out = [
            decide_fact(f, self._fact_series[r], self.result.article, self.series)
            for r, f in enumerate(self.facts)
            if self._fact_accepted[r] and not self._fact_problem(r)
        ]
        return sorted(out, key=lambda d: d.start)

    def fact_highlighted_text(self) -> str:
        sels = self.fact_text_view.extraSelections()
        return sels[0].cursor.selectedText() if sels else ""

    def _update_fact_summary(self) -> None:
        """Accepted facts, and the ones that would be new points: a number the series has
        already is counted apart, and so is an off-trend one that "Accept all" skips, so that
        the count matches what that button takes."""
        fits = [r for r in range(len(self.facts)) if not self._fact_problem(r)]
        new = [r for r in fits if self._fact_twin(r) is None]
        there = len(fits) - len(new)
        flagged = sum(1 for r in new if self.fact_flag(r))
        parts = [f"{sum(self._fact_accepted)} of {len(self.facts)} facts accepted"]
        parts.append(
            f"{len(new)} can be added" + (f", {flagged} of them off the trend" if flagged else "")
        )
        if there:
            parts.append(f"{there} already in their series")
        self.fact_summary.setText("; ".join(parts))

    def _on_fact_series(self, row: int, index: int) -> None:
        box = self.fact_table.cellWidget(row, FACT_SERIES_COL)
        self._fact_series[row] = box.itemData(index)
        # choosing a series means keeping the fact, unless the series has that number already
        self._fact_accepted[row] = (
            not self._fact_problem(row) and self._fact_twin(row) is None and not self.fact_flag(row)
        )
        self._fill_fact_row(row)
        self._fit_fact_columns()  # the chosen title may be wider than the last
        self._update_fact_summary()
        if row == self._current_fact():
            self._on_fact_select()

    def _on_fact_item_changed(self, item: QTableWidgetItem) -> None:
        if self._updating or item.column() != 0:
            return
        self.set_fact_accepted(item.row(), item.checkState() == Qt.CheckState.Checked)

    def _current_fact(self) -> int:
        rows = self.fact_table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _on_fact_select(self) -> None:
        r = self._current_fact()
        if r < 0:
            return
        f = self.facts[r]
        problem = self._fact_problem(r)
        # What the row does not show: the whole label, the exact value, the series' full name
        # and how the point changes its fit. Not the status again: the Status column says it
        # (whole in its tooltip).
        series = self.series.get(self._fact_series[r] or "")
        where = f" · series: {escape(series.title or series.name)}" if series else ""
        if not problem and series is not None:
            effect = self._fact_fit(r)
            if effect.before or effect.after:
                fit = effect.describe().removeprefix(f"⚠ {effect.flag}; ")  # the flag: Status's
                where += f" · {escape(fit)}"
        self.fact_detail.setText(
            f"<b>{escape(f.label or f.quantity)}</b>: {f.value:g} {escape(f.unit)}{where}"
        )
        self._highlight(f.start, f.end, self.fact_text_view)
