"""Review dialog for an article import: see each proposed claim highlighted in the article, then
accept, edit, re-target or reject it (or accept everything above a confidence).

Self-contained: it takes ImportProposals plus the map's NodeRefs and returns Decisions; the main
window turns those into one undoable edit (model.importer.apply.apply_import inside a command).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from model.importer.apply import Decision
from model.importer.article import ImportProposals, NodeRef
from model.importer.targets import relation_for

COLUMNS = ("Accept", "Stance", "Confidence", "Relation", "Target", "Title")
STANCES = ("pro", "con", "neutral")
RELATIONS = ("supports", "attacks", "duplicate")


def _utf16(text: str, offset: int) -> int:
    """Qt counts UTF-16 code units; Python counts code points."""
    return len(text[:offset].encode("utf-16-le")) // 2


class ImportDialog(QDialog):
    """Lists proposals; `decisions()` returns the accepted ones as edited by the user."""

    def __init__(self, result: ImportProposals, nodes: Sequence[NodeRef],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = result
        self.nodes = list(nodes)
        self._by_id = {n.id: n for n in self.nodes}
        self._items = [Decision.from_proposal(p) for p in result.proposals]
        self._confidence = [p.confidence for p in result.proposals]
        self._accepted = [False] * len(self._items)
        self._updating = False
        title = result.article.title or "article"
        self.setWindowTitle(f"Import “{title}”")
        self.resize(1100, 700)
        self._build()
        self._fill_table()
        if self._items:
            self.table.selectRow(0)

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1,
                                                           QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._on_select)
        self.table.itemChanged.connect(self._on_item_changed)

        self.text_view = QTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setPlainText(self.result.article.text)

        self.title_edit = QLineEdit()
        self.title_edit.textEdited.connect(self._on_title)
        self.stance_box = QComboBox()
        self.stance_box.addItems(STANCES)
        self.stance_box.currentTextChanged.connect(self._on_stance)
        self.target_box = QComboBox()
        for n in self.nodes:
            self.target_box.addItem(f"{n.title[:80]}  [{n.kind}]", n.id)
        self.target_box.currentIndexChanged.connect(self._on_target)
        self.relation_box = QComboBox()
        self.relation_box.addItems(RELATIONS)
        self.relation_box.currentTextChanged.connect(self._on_relation)
        self.accept_button = QPushButton("Accept")
        self.accept_button.clicked.connect(lambda: self._set_current(True))
        self.reject_button = QPushButton("Reject")
        self.reject_button.clicked.connect(lambda: self._set_current(False))

        form = QFormLayout()
        form.addRow("Title", self.title_edit)
        form.addRow("Stance", self.stance_box)
        form.addRow("Target", self.target_box)
        form.addRow("Relation", self.relation_box)
        row = QHBoxLayout()
        row.addWidget(self.accept_button)
        row.addWidget(self.reject_button)
        form.addRow(row)

        self.threshold_spin = QDoubleSpinBox()
        self.threshold_spin.setRange(0.0, 1.0)
        self.threshold_spin.setSingleStep(0.05)
        self.threshold_spin.setValue(0.7)
        self.accept_above_button = QPushButton("Accept all at or above")
        self.accept_above_button.clicked.connect(
            lambda: self.accept_above(self.threshold_spin.value()))
        bulk = QHBoxLayout()
        bulk.addWidget(self.accept_above_button)
        bulk.addWidget(self.threshold_spin)
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

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import accepted")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        outer = QVBoxLayout(self)
        facts = len(self.result.trend_facts)
        outer.addWidget(QLabel(f"{len(self._items)} proposed claims, {facts} trend facts. "
                               "Select a row to see its sentence in the article."))
        outer.addWidget(split, 1)
        outer.addLayout(bulk)
        outer.addWidget(buttons)

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
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                       | Qt.ItemFlag.ItemIsSelectable)
        check.setCheckState(Qt.CheckState.Checked if self._accepted[r] else Qt.CheckState.Unchecked)
        self.table.setItem(r, 0, check)
        target = self._by_id.get(d.target)
        values = (d.stance, f"{self._confidence[r]:.2f}", d.relation,
                  target.title if target else d.target, d.title)
        for c, v in enumerate(values, start=1):
            self.table.setItem(r, c, QTableWidgetItem(v))
        self._updating = was

    # ----------------------------------------------------------------- state
    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def set_accepted(self, row: int, accepted: bool) -> None:
        self._accepted[row] = accepted
        self._fill_row(row)
        self._update_summary()

    def accept_above(self, threshold: float) -> int:
        """Accept every proposal with confidence >= threshold; returns how many are accepted."""
        for r, conf in enumerate(self._confidence):
            if conf >= threshold:
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
        self.stance_box.setCurrentText(d.stance)
        idx = self.target_box.findData(d.target)
        self.target_box.setCurrentIndex(idx)
        self.relation_box.setCurrentText(d.relation)
        self._updating = False
        self._highlight(d.start, d.end)

    def _highlight(self, start: int, end: int) -> None:
        text = self.result.article.text
        cur = QTextCursor(self.text_view.document())
        cur.setPosition(_utf16(text, start))
        cur.setPosition(_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
        sel = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(255, 230, 120))
        sel.format = fmt
        sel.cursor = cur
        self.text_view.setExtraSelections([sel])
        view_cur = QTextCursor(self.text_view.document())
        view_cur.setPosition(_utf16(text, start))
        self.text_view.setTextCursor(view_cur)
        self.text_view.ensureCursorVisible()

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
        self._update_summary()

    def _on_title(self, text: str) -> None:
        self._edit(title=text)

    def _on_stance(self, stance: str) -> None:
        r = self.current_row()
        if r < 0 or self._updating:
            return
        d = self._items[r]
        rel = d.relation if d.relation == "duplicate" else relation_for(stance, self._by_id.get(d.target))
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

    def _sync_relation(self) -> None:
        r = self.current_row()
        self._updating = True
        self.relation_box.setCurrentText(self._items[r].relation)
        self._updating = False
