"""File → Import Trend Data…: map a third-party CSV's columns onto a series, with a preview.

The file is parsed once (storage.trenddata.read_table); every change of a column choice
re-maps the rows in memory and shows how many were read and which were rejected, with the
line and the reason. Nothing touches the map until the user accepts; the caller then pushes
`PutSeriesCommand(amap, dialog.result_series())` so the import is one undoable edit.
"""

from __future__ import annotations

import os
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model.argmap import ArgumentMap
from model.entities import Series
from model.trends import COLUMN_ROLES, guess_columns
from storage.trenddata import (
    ImportResult,
    Table,
    TrendDataError,
    read_table_sandboxed,
    series_from_table,
)
from ui.panels.series_chart import format_value

PREVIEW_ROWS = 50


class TrendImportDialog(QDialog):
    """Column-mapping dialog for one CSV file; `result_series()` after `exec()` is accepted."""

    def __init__(self, amap: ArgumentMap, path: str | os.PathLike[str],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle("Import Trend Data")
        self.amap = amap
        self.path = str(path)
        self.table: Table | None = None
        self.outcome: ImportResult | None = None  # the last successful mapping
        self.error = ""
        self.combos: dict[str, QComboBox] = {}
        self._build()
        self._load()

    def _build(self) -> None:
        form = QFormLayout()
        self.name = QLineEdit(os.path.splitext(os.path.basename(self.path))[0].replace(" ", "_"))
        self.title_edit = QLineEdit()
        self.unit = QLineEdit()
        self.unit.setPlaceholderText("e.g. FLOP (used when no unit column is chosen)")
        form.addRow("Series name", self.name)
        form.addRow("Title", self.title_edit)
        form.addRow("Unit", self.unit)
        for role in COLUMN_ROLES:
            box = QComboBox()
            self.combos[role] = box
            need = " (required)" if role in ("date", "value") else ""
            form.addRow(f"{role.capitalize()} column{need}", box)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.preview = QTableWidget(0, 4)
        self.preview.setHorizontalHeaderLabels(["Date", "Value", "Label", "Range"])
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.rejected = QListWidget()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)  # fmt: skip
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        lists = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(QLabel("Preview (rows read)"))
        left.addWidget(self.preview)
        right.addWidget(QLabel("Rows not read, with the reason"))
        right.addWidget(self.rejected)
        lists.addLayout(left, 3)
        lists.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{os.path.basename(self.path)}</b>"))
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(lists, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 720)
        self.name.textChanged.connect(self.remap)
        self.unit.textChanged.connect(self.remap)

    def _load(self) -> None:
        try:
            self.table = read_table_sandboxed(self.path)
        except TrendDataError as exc:
            self.error = str(exc)
            self.status.setText(f"<span style='color:#b00020'>{self.error}</span>")
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            for box in self.combos.values():
                box.setEnabled(False)
            return
        guess = guess_columns(self.table.header)
        for role, box in self.combos.items():
            box.blockSignals(True)
            box.addItem("—", "")
            for col in self.table.header:
                box.addItem(col, col)
            box.setCurrentIndex(max(0, box.findData(guess.get(role, ""))))
            box.blockSignals(False)
            box.currentIndexChanged.connect(self.remap)
        self.combos["value"].currentIndexChanged.connect(self._guess_unit)
        self._guess_unit()
        self.remap()

    def _guess_unit(self) -> None:
        """Offer the unit a header names in brackets: "Training compute (FLOP)" → FLOP."""
        match = re.search(r"\(([^()]{1,24})\)\s*$", self.combos["value"].currentData() or "")
        if match and not self.unit.isModified():
            self.unit.setText(match.group(1).strip())

    def mapping(self) -> dict[str, str]:
        return {role: box.currentData() or "" for role, box in self.combos.items()}

    def set_column(self, role: str, column: str) -> None:
        """Choose the column for a role (as the user would in the combo box)."""
        box = self.combos[role]
        box.setCurrentIndex(max(0, box.findData(column)))

    def remap(self) -> None:
        """Re-read the rows with the current choices; show counts, preview and rejections."""
        if self.table is None:
            return
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            self.outcome = series_from_table(self.table, self.mapping(), self.name.text(),
                                            title=self.title_edit.text(), unit=self.unit.text(),
                                            source=os.path.basename(self.path))  # fmt: skip
            self.error = ""
        except TrendDataError as exc:
            self.outcome, self.error = None, str(exc)
        exists = self.name.text().strip() in self.amap.series
        ok.setEnabled(self.outcome is not None)
        if self.outcome is None:
            self.status.setText(f"<span style='color:#b00020'>{self.error}</span>")
            self._show([], [])
            return
        r = self.outcome
        warn = " A series of this name exists and will be replaced." if exists else ""
        self.status.setText(f"{r.rows_read} rows read, {len(r.rejected)} not read "
                            f"(of {len(self.table.rows) + len(self.table.rejected)}).{warn}")  # fmt: skip
        self._show(r.series.points[:PREVIEW_ROWS], r.rejected)

    def _show(self, points, rejected) -> None:
        unit = self.outcome.series.unit if self.outcome else ""
        self.preview.setRowCount(len(points))
        for i, p in enumerate(points):
            rng = "" if p.low is None and p.high is None else f"{p.low} – {p.high}"
            for j, text in enumerate((p.date, format_value(p.value, unit), p.label, rng)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.preview.setItem(i, j, item)
        self.rejected.clear()
        self.rejected.addItems([f"line {r.line}: {r.reason}" for r in rejected])

    def _accept(self) -> None:
        if self.outcome is not None:
            self.accept()

    def result_series(self) -> Series | None:
        return self.outcome.series if self.outcome else None


def ask_import(parent: QWidget, amap: ArgumentMap) -> Series | None:
    """Ask for a CSV, run the dialog, and return the series to import (None if cancelled)."""
    path, _ = QFileDialog.getOpenFileName(
        parent, "Import Trend Data", "", "CSV files (*.csv *.tsv *.txt);;All files (*)"
    )
    if not path:
        return None
    dialog = TrendImportDialog(amap, path, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_series()
