"""The inspector: everything about the selected node, editable, every edit one undo step.

It mirrors the model and holds nothing the model lacks: each field is refreshed from the
map when the map announces a change that concerns it (with the widgets' signals blocked, so
a refresh never turns into an edit), and each user edit goes through an undo command. Text
fields commit when editing finishes; consecutive edits of one field merge into one step.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QFont, QKeyEvent, QPalette, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from model.argmap import ArgumentMap, Change
from model.entities import KINDS, Citation, Edge, Node, Source
from model.readings import is_authors_reading
from model.weights import MAX_STRENGTH, STRENGTHS, strength_label
from ui.commands.edits import (
    EditEdgeCommand,
    EditNodeCommand,
    EditNodesCommand,
    ModelCommand,
    ResetWeightCommand,
    SetWeightCommand,
    UnlinkCommand,
    _short,
    push,
)
from ui.commands.sources import SetCitationsCommand
from ui.panels.scrolling import vertical_scroll
from ui.panels.sources_panel import CitationDialog, open_url
from ui.strengths import fill_strengths, picked_strength, show_strength
from ui.theme import DARK, LIGHT

MIXED = "(mixed)"


# ------------------------------------------------------------------ helpers
@contextmanager
def blocked(*widgets: QObject) -> Iterator[None]:
    """Block widgets' signals while the inspector writes model values into them."""
    old = [w.blockSignals(True) for w in widgets]
    try:
        yield
    finally:
        for w, was in zip(widgets, old, strict=True):
            w.blockSignals(was)


def side_colors(palette: QPalette) -> tuple[QColor, QColor]:
    """(supports, attacks) colours: the map's theme, matched to this palette's lightness."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    theme = DARK if dark else LIGHT
    return theme.supports, theme.attacks


def parse_tags(text: str) -> tuple[str, ...]:
    """Comma-separated tags, trimmed, blanks and repeats dropped, order kept."""
    return tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 10, 0, 2)
    return label


class FocusOut(QObject):
    """Calls `callback` when the watched widget loses focus (QPlainTextEdit's editingFinished)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusOut:
            self.callback()
        return False


class OnResize(QObject):
    """Calls `callback` after the watched widget is resized (re-wrap rich text rows)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self.callback = callback
        self._width = -1
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and obj.width() != self._width:
            self._width = obj.width()
            self.callback()
        return False


class TitleEdit(QPlainTextEdit):
    """A one-paragraph title box that wraps long titles; Enter or leaving it commits."""

    editingFinished = Signal()
    #: Enter or Escape: the user is done with the title (whoever sent them here takes focus back)
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown = ""
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)

    def text(self) -> str:
        return " ".join(self.toPlainText().split())

    def setText(self, text: str) -> None:  # noqa: N802 (QLineEdit's name)
        self._shown = text
        self.setPlainText(text)

    def _fit(self) -> None:
        lines = max(1, self.document().size().height())
        height = self.fontMetrics().lineSpacing() * lines
        margins = self.contentsMargins()
        doc_margin = 2 * self.document().documentMargin()
        self.setFixedHeight(int(height + doc_margin + margins.top() + margins.bottom()) + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.editingFinished.emit()
            self.done.emit()
            return
        if event.key() == Qt.Key.Key_Escape:  # leave the title as it was
            self.setPlainText(self._shown)
            self.done.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.editingFinished.emit()

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        """Pasted line breaks become spaces: a title is one line of text."""
        self.insertPlainText(" ".join(source.text().split()))


# ---------------------------------------------------------------- link rows
UNWEIGHED = 0.99  # the λ box's value for a link nobody has weighed: shown as "λ —"


class LambdaBox(QDoubleSpinBox):
    """A link's λ: "λ —" while nobody has weighed the link, not "λ 1.00", which is the
    weighing "no pull" and read as one; a step up from there starts at λ 1."""

    def __init__(self) -> None:
        super().__init__(decimals=2, minimum=1.0, maximum=MAX_STRENGTH, singleStep=0.5)
        self.setPrefix("λ ")

    def show_lam(self, lam: float | None) -> None:
        """Show a weighed link's λ, or the dash (callers block signals)."""
        self.setSpecialValueText("λ —" if lam is None else "")  # shown at the minimum
        self.setMinimum(UNWEIGHED if lam is None else 1.0)
        self.setValue(UNWEIGHED if lam is None else lam)

    def stepBy(self, steps: int) -> None:  # noqa: N802
        if self.value() >= 1.0:
            super().stepBy(steps)
        elif steps > 0:
            value = 1.0 + (steps - 1) * self.singleStep()
            self.setSpecialValueText("")
            self.setMinimum(1.0)
            self.setValue(value)


class LinkRow(QFrame):
    """One link of the inspected node: the other node, supports/attacks, strength, λ, pull."""

    def __init__(self, inspector: Inspector, edge: Edge, other: str) -> None:
        super().__init__()
        self.inspector = inspector
        self.key = edge.key
        self.other = other
        self.name = QLabel()
        self.name.setWordWrap(True)
        self.name.setTextFormat(Qt.TextFormat.RichText)
        self.name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.name.linkActivated.connect(lambda _link: inspector.nodeRequested.emit(other))
        self.pull = QLabel()
        self.pull.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.relation = QToolButton()
        self.relation.setCheckable(True)
        self.relation.setToolTip("Click to switch between supports and attacks")
        self.relation.clicked.connect(self._toggle_relation)
        self.strength = QComboBox()
        fill_strengths(self.strength, pick_unweighed=False)  # its state, not a choice
        self.strength.activated.connect(self._pick_strength)
        self.lam = LambdaBox()
        self.lam.setKeyboardTracking(False)
        self.lam.valueChanged.connect(self._set_lam)
        self.reset = QToolButton(text="↺", autoRaise=True)
        self.reset.clicked.connect(
            lambda: inspector.run(ResetWeightCommand(inspector.amap, "strength", self.key))
        )
        self.unlink = QToolButton(text="✕", toolTip="Remove this link", autoRaise=True)
        self.unlink.clicked.connect(lambda: inspector.run(UnlinkCommand(inspector.amap, *self.key)))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.name, 1)
        top.addWidget(self.pull)
        top.addWidget(self.unlink)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.relation)
        bottom.addWidget(self.strength, 1)
        bottom.addWidget(self.lam)
        bottom.addWidget(self.reset)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self.setFrameShape(QFrame.Shape.StyledPanel)

    def refresh(self, pull: float | None) -> None:
        """Show the link's values under the active scenario (signals blocked)."""
        amap = self.inspector.amap
        edge = amap.edge(*self.key)
        lam = amap.strength(*self.key)
        title = amap.node(self.other).title
        ink = self.palette().color(QPalette.ColorRole.WindowText).name()
        scenario = amap.current_scenario
        sc = amap.scenarios.get(scenario)
        state = (edge, lam, title, ink, scenario, None if pull is None else f"{pull:+.1f}")
        shown = getattr(self, "_shown", None)
        if shown is not None and shown[0] == state and shown[1] is sc:  # scenarios: by identity
            return  # a weight edit elsewhere: nothing here changed (styles cost ~1 ms a row)
        self._shown = (state, sc)
        self.name.setText(
            f"<a href='node' style='color:{ink}; text-decoration:none'>{html.escape(title)}</a>"
        )
        self.name.setToolTip("Click to select it on the map")
        sup, att = side_colors(self.palette())
        colour = sup if edge.relation == "supports" else att
        with blocked(self.relation, self.strength, self.lam):
            self.relation.setChecked(edge.relation == "attacks")
            self.relation.setText("Supports" if edge.relation == "supports" else "Attacks")
            self.relation.setStyleSheet(f"color: {colour.name()}; font-weight: bold;")
            show_strength(self.strength, None if lam is None else strength_label(lam))
            self.lam.show_lam(lam)
        if lam is None:
            note = "Not yet weighed: this link counts for nothing until you pick a strength"
        else:
            note = f"λ = {lam:g}: if the reason holds, the target's log-odds gain p·ln {lam:g}"
        default = "unweighed" if edge.strength is None else f"λ {edge.strength:g}"
        overridden = sc is not None and self.key in sc.strengths
        if overridden:
            note += f"\nSet in scenario “{scenario}” (map default {default})"
            receipt = sc.receipt(self.key)
            if receipt is not None:
                note += f"\nFrom its author: “{receipt.quote}” ({receipt.locator})"
        if is_authors_reading(sc):
            note += f"\n{READING_NOTE}"
        self.reset.setVisible(overridden)
        self.reset.setToolTip(f"Reset to the map default ({default})")
        self.lam.setToolTip(note)
        self.strength.setToolTip(note)
        if pull is None:
            self.pull.hide()
        else:
            self.pull.show()
            self.pull.setText(f"{pull:+.1f} pts")
            self.pull.setStyleSheet(f"color: {(sup if pull >= 0 else att).name()};")
            self.pull.setToolTip("How many points this reason moves its target's credence")

    def _toggle_relation(self) -> None:
        relation = "attacks" if self.relation.isChecked() else "supports"
        self.inspector.run(EditEdgeCommand(self.inspector.amap, *self.key, relation=relation))

    def _pick_strength(self, index: int) -> None:
        label = picked_strength(self.strength, index)
        if label is None:
            return  # unweighing is Reset (in a scenario); "no pull" is a weighing of λ 1
        value = STRENGTHS[label]
        if value != self.inspector.amap.strength(*self.key):
            self.inspector.run(SetWeightCommand(self.inspector.amap, "strength", self.key, value))

    def _set_lam(self, value: float) -> None:
        if value < 1.0:
            return  # the dash of an unweighed link: nothing was chosen
        current = self.inspector.amap.strength(*self.key)
        if current is None or abs(value - current) > 1e-9:
            self.inspector.run(SetWeightCommand(self.inspector.amap, "strength", self.key, value))


# ---------------------------------------------------------------- inspector
#: Said beside a weight of an author's reading: an edit does not change what the author said.
READING_NOTE = "An author's reading: a change here goes to your own copy of it"
EMPTY_TEXT = "Select a node on the map to see and edit it here."


class Inspector(QWidget):
    """Right-side dock content: the selected node(s), editable with undo."""

    #: The user clicked a linked node; the main window selects and centres it.
    nodeRequested = Signal(str)

    def __init__(
        self, amap: ArgumentMap, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.amap = amap
        self.stack = undo_stack
        self.ids: list[str] = []
        self.rows: dict[tuple[str, str], LinkRow] = {}
        self._series_name: str | None = None
        self._pulls: dict[tuple[str, str], float] = {}
        self._ordered_for: str | None = None  # the node whose link rows are in place
        self._cites_shown: tuple = ()  # the citations the Sources list shows
        self.pages = QStackedWidget()
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(vertical_scroll(self._build_single()))
        self.pages.addWidget(vertical_scroll(self._build_multi()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.setMinimumWidth(300)
        amap.subscribe(self._on_changes)
        listener = self._on_changes
        self.destroyed.connect(lambda *_: amap.unsubscribe(listener))

    def set_hints(self, hints: list[tuple[str, str]]) -> None:
        """With nothing selected, the dock shows how to start: (what, keys) rows that the
        window reads from its live actions, so the keys shown are the keys that work."""
        rows = "".join(
            f"<tr><td align=right><b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>"
            for what, keys in hints
            if keys
        )
        self.empty.setText(f"<p>{EMPTY_TEXT}</p><table align=center cellspacing=4>{rows}</table>")

    def detach(self) -> None:
        """Stop following the map (before the main window drops it)."""
        self.amap.unsubscribe(self._on_changes)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Recolour (supports/attacks, side) when the system switches light/dark."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.ids:
            self.show_nodes(self.ids)

    # -------------------------------------------------------------- building
    def _build_single(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(10, 8, 10, 10)
        v.setSpacing(4)
        self.kind = QComboBox()
        for k in KINDS:
            self.kind.addItem(k.capitalize(), k)
        self.kind.activated.connect(self._commit_kind)
        self.side = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.side)
        v.addLayout(top)
        self.title = TitleEdit()
        self.title.setPlaceholderText("Title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.title.editingFinished.connect(self._commit_title)
        v.addWidget(self.title)
        self.credence = QLabel(wordWrap=True)  # a long scenario name wraps, not widens the dock
        self.credence.setTextFormat(Qt.TextFormat.RichText)
        v.addWidget(self.credence)
        v.addWidget(heading("Text"))
        self.text = QPlainTextEdit(placeholderText="What the claim says, in full; why it holds")
        self.text.setFixedHeight(110)
        self.text.setTabChangesFocus(True)
        self._text_watch = FocusOut(self.text, self._commit_text)
        v.addWidget(self.text)
        self.tags = QLineEdit(placeholderText="tags, comma-separated")
        self.tags.editingFinished.connect(self._commit_tags)
        form = QFormLayout()
        form.setContentsMargins(0, 6, 0, 0)
        form.addRow("Tags", self.tags)
        v.addLayout(form)
        v.addWidget(self._build_weight())
        self.reasons_head = heading("Reasons bearing on it")
        self.reasons_box = QVBoxLayout()
        self.targets_head = heading("It bears on")
        self.targets_box = QVBoxLayout()
        for w in (self.reasons_head, self.targets_head):
            w.setToolTip("Links: supports or attacks, their strength (λ) and pull in points")
        self.no_reasons = QLabel("None yet. Add a reason or evidence to it from the map.")
        self.no_reasons.setWordWrap(True)
        self.no_reasons.setEnabled(False)
        v.addWidget(self.reasons_head)
        v.addWidget(self.no_reasons)
        v.addLayout(self.reasons_box)
        v.addWidget(self.targets_head)
        v.addLayout(self.targets_box)
        v.addWidget(heading("Sources"))
        v.addWidget(self._build_sources())
        self.series_head = heading("Trend")
        self.series_box = QVBoxLayout()
        v.addWidget(self.series_head)
        v.addLayout(self.series_box)
        v.addStretch(1)
        return page

    def _build_weight(self) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        self.weight_head = heading("Prior credence")
        v.addWidget(self.weight_head)
        self.slider = QSlider(Qt.Orientation.Horizontal, minimum=0, maximum=100)
        self.slider.setPageStep(5)
        self.slider.valueChanged.connect(self._commit_weight)
        self.spin = QSpinBox(minimum=0, maximum=100, suffix=" %")
        self.spin.setKeyboardTracking(False)
        self.spin.valueChanged.connect(self._commit_weight)
        row = QHBoxLayout()
        row.addWidget(self.slider, 1)
        row.addWidget(self.spin)
        v.addLayout(row)
        self.override = QLabel()
        self.override.setWordWrap(True)
        self.reset = QToolButton(text="Reset to map default")
        self.reset.clicked.connect(self._reset_weight)
        row = QHBoxLayout()
        row.addWidget(self.override, 1)
        row.addWidget(self.reset)
        v.addLayout(row)
        return box

    def _build_sources(self) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        self.cites = QListWidget()
        self.cites.setSpacing(1)
        self.cites.setAlternatingRowColors(True)
        self._cites_watch = OnResize(self.cites.viewport(), self._fit_cites)
        self.cites.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cites.itemDoubleClicked.connect(lambda _item: self.edit_citation())
        self.cites.currentRowChanged.connect(self._update_cite_buttons)
        self.cite_add = QPushButton("Add…")
        self.cite_edit = QPushButton("Edit…")
        self.cite_remove = QPushButton("Remove")
        self.cite_open = QPushButton("Open URL")
        self.cite_add.clicked.connect(self.add_citation)
        self.cite_edit.clicked.connect(self.edit_citation)
        self.cite_remove.clicked.connect(self.remove_citation)
        self.cite_open.clicked.connect(self.open_citation_url)
        row = QHBoxLayout()
        for b in (self.cite_add, self.cite_edit, self.cite_remove, self.cite_open):
            row.addWidget(b)
        row.addStretch(1)
        v.addWidget(self.cites)
        v.addLayout(row)
        return box

    def _build_multi(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(10, 8, 10, 10)
        self.count = QLabel()
        font = self.count.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.count.setFont(font)
        v.addWidget(self.count)
        self.multi_kind = QComboBox()
        self.multi_kind.activated.connect(self._commit_multi_kind)
        self.multi_tags = QLineEdit(placeholderText="tags every selected node has")
        self.multi_tags.editingFinished.connect(self._commit_multi_tags)
        form = QFormLayout()
        form.addRow("Kind", self.multi_kind)
        form.addRow("Tags", self.multi_tags)
        v.addLayout(form)
        hint = QLabel(
            "Tags listed here are shared by all selected nodes. Add a tag to give it to all of "
            "them; remove one to take it from all of them."
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        v.addWidget(hint)
        v.addStretch(1)
        return page

    # ---------------------------------------------------------------- showing
    def show_nodes(self, ids: list[str]) -> None:
        """Inspect these nodes (the map's selection); commits any edit in progress first."""
        self._commit_pending()
        before = self.ids
        self.ids = [i for i in dict.fromkeys(ids) if i in self.amap]
        if self.ids != before:  # another node: its title first, not where the last one was left
            for page in (self.pages.widget(1), self.pages.widget(2)):
                page.verticalScrollBar().setValue(0)
        if not self.ids:
            self.pages.setCurrentIndex(0)
        elif len(self.ids) == 1:
            self.pages.setCurrentIndex(1)
            self._refresh_single()
        else:
            self.pages.setCurrentIndex(2)
            self._refresh_multi()

    @property
    def node_id(self) -> str | None:
        return self.ids[0] if len(self.ids) == 1 else None

    def _on_changes(self, changes: list[Change]) -> None:
        if not self.ids:
            return
        if any(c.kind == "reset" for c in changes) or any(i not in self.amap for i in self.ids):
            self.ids = [i for i in self.ids if i in self.amap]
            self.show_nodes(self.ids)
            return
        if len(self.ids) > 1:
            if any(c.kind == "node" and c.key in self.ids for c in changes):
                self._refresh_multi()
            return
        nid = self.ids[0]
        kinds = {c.kind for c in changes}
        if any(c.kind == "node" and c.key == nid for c in changes):
            self._refresh_fields()
            if self._node().citations != self._cites_shown:  # a weight edit leaves them be
                self._refresh_sources()
            self._refresh_series()
        if kinds & {"node", "edge", "scenario", "meta"}:
            self._refresh_credence()  # the pulls, and the values of the link rows
        if any(c.kind == "edge" and nid in c.key for c in changes):
            self._refresh_links()
        if kinds & {"scenario", "meta", "node"}:
            self._refresh_weight()
        if "source" in kinds:
            self._refresh_sources()

    def _refresh_single(self) -> None:
        self._refresh_fields()
        self._refresh_weight()
        self._refresh_credence()  # first: the rows are ordered by the pulls it finds
        self._refresh_links()
        self._refresh_sources()
        self._refresh_series()

    def _node(self) -> Node:
        assert self.node_id is not None
        return self.amap.node(self.node_id)

    def _refresh_fields(self) -> None:
        node = self._node()
        with blocked(self.kind, self.title, self.text, self.tags):
            self.kind.setCurrentIndex(self.kind.findData(node.kind))
            if self.title.text() != node.title:
                self.title.setText(node.title)
            if self.text.toPlainText() != node.text:
                self.text.setPlainText(node.text)
            if parse_tags(self.tags.text()) != node.tags:
                self.tags.setText(", ".join(node.tags))
        side = self.amap.side(node.id) if node.kind != "thesis" else 0
        sup, att = side_colors(self.palette())
        if side:
            colour, word = (sup, "For the thesis") if side > 0 else (att, "Against the thesis")
            self.side.setText(f"<span style='color:{colour.name()}'>● {word}</span>")
        else:
            self.side.setText("")

    def _refresh_weight(self) -> None:
        node = self._node()
        self.weight_head.setText("Reliability" if node.kind == "evidence" else "Prior credence")
        self.slider.setToolTip(
            "How likely this evidence is to be accurate"
            if node.kind == "evidence"
            else "Credence before weighing the reasons bearing on it"
        )
        value = self.amap.prior(node.id)
        with blocked(self.slider, self.spin):
            self.slider.setValue(round(value * 100))
            self.spin.setValue(round(value * 100))
        scenario = self.amap.current_scenario
        overridden = bool(scenario) and node.id in self.amap.scenarios[scenario].priors
        if overridden:
            text = f"Set in scenario “{scenario}” · map default {node.prior:.0%}"
            receipt = self.amap.scenarios[scenario].receipt(node.id)
            if receipt is not None:  # a reading: the author's words behind the value
                text += f"\nFrom its author: “{receipt.quote}” ({receipt.locator})"
        elif scenario:
            text = f"Map default (scenario “{scenario}” does not change it)"
        else:
            text = "Map default"
        if is_authors_reading(self.amap.scenarios.get(scenario)):
            text += f"\n{READING_NOTE}"
        self.override.setText(text)
        self.reset.setVisible(overridden)

    def _refresh_credence(self) -> None:
        explanation = _explain(self.amap, self._node().id)
        self._pulls = {}
        if explanation is None:
            self.credence.hide()
            return
        self._pulls = {(r.source, r.target): r.points for r in explanation.reasons}
        scenario = self.amap.current_scenario or "the map's weights"
        self.credence.setText(
            f"<span style='font-size:15pt; font-weight:600'>{explanation.credence:.0%}</span>"
            f"&nbsp; credence under “{scenario}”"
        )
        self.credence.show()
        self._refresh_link_values()

    def _refresh_links(self) -> None:
        """Rebuild link rows when the node's links change; otherwise only update values."""
        nid = self._node().id
        # Strongest pull first, as the focus view and the credence panel list them; the order
        # is taken when the node is shown and kept while it stays shown, so weighing a link
        # never moves the row under the mouse.
        kept = list(self.rows) if self._ordered_for == nid else []
        self._ordered_for = nid

        def order(far: int) -> Callable[[Edge], tuple]:
            def key(e: Edge) -> tuple:
                place = kept.index(e.key) if e.key in kept else len(kept)
                pull = -abs(self._pulls.get(e.key, 0.0))
                return (
                    place,
                    e.relation != "supports",
                    pull,
                    self.amap.node(e.key[far]).title.casefold(),
                )

            return key

        reasons = sorted(self.amap.reasons(nid), key=order(0))
        targets = sorted(self.amap.targets(nid), key=order(1))
        keys = [e.key for e in reasons + targets]
        if list(self.rows) != keys:
            for row in self.rows.values():
                row.setParent(None)
                row.deleteLater()
            self.rows = {}
            for box, edges, far in ((self.reasons_box, reasons, 0), (self.targets_box, targets, 1)):
                for e in edges:
                    row = LinkRow(self, e, e.key[far])
                    box.addWidget(row)
                    row.show()
                    self.rows[e.key] = row
        self.reasons_head.setText(f"Reasons bearing on it ({len(reasons)})")
        self.targets_head.setText(f"It bears on ({len(targets)})")
        self.targets_head.setVisible(bool(targets))
        self.no_reasons.setVisible(not reasons)
        self._refresh_link_values()

    def _refresh_link_values(self) -> None:
        graph = self.amap.graph
        for key, row in self.rows.items():
            if graph.has_edge(*key):  # a link just removed loses its row in _refresh_links
                row.refresh(self._pulls.get(key))

    def _refresh_sources(self) -> None:
        node = self._node()
        self._cites_shown = node.citations
        row = self.cites.currentRow()
        self.cites.clear()
        grey = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        for c in node.citations:
            item = QListWidgetItem()
            s = self.amap.sources.get(c.source)
            item.setToolTip(s.url if s and s.url else "no URL")
            label = QLabel(citation_html(c, s, grey))
            label.setWordWrap(True)
            label.setContentsMargins(4, 3, 4, 3)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self.cites.addItem(item)
            self.cites.setItemWidget(item, label)
        if not node.citations:
            placeholder = QListWidgetItem("No sources yet: Add… cites one.")
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.cites.addItem(placeholder)
        elif 0 <= row < len(node.citations):
            self.cites.setCurrentRow(row)
        self._fit_cites()
        self._update_cite_buttons()

    def _fit_cites(self) -> None:
        """Size citation rows to their wrapped text and the list to its rows (no inner scroll)."""
        width = max(120, self.cites.viewport().width() - 2 * self.cites.spacing())
        total = 0
        for i in range(self.cites.count()):
            item = self.cites.item(i)
            label = self.cites.itemWidget(item)
            height = label.heightForWidth(width) if label else 24
            item.setSizeHint(QSize(width, height))
            total += height + 2 * self.cites.spacing()
        self.cites.setFixedHeight(total + 2 * self.cites.frameWidth() + 2)

    def _refresh_series(self) -> None:
        name = self._node().series
        self.series_head.setVisible(bool(name))
        if name == self._series_name:
            return
        self._series_name = name
        while self.series_box.count():
            item = self.series_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if name:
            self.series_box.addWidget(_series_widget(self.amap, name))

    def _refresh_multi(self) -> None:
        nodes = [self.amap.node(i) for i in self.ids]
        self.count.setText(f"{len(nodes)} nodes selected")
        kinds = {n.kind for n in nodes}
        common = [t for t in nodes[0].tags if all(t in n.tags for n in nodes)]
        with blocked(self.multi_kind, self.multi_tags):
            self.multi_kind.clear()
            if len(kinds) > 1:
                self.multi_kind.addItem(MIXED, None)
            for k in KINDS:
                self.multi_kind.addItem(k.capitalize(), k)
            self.multi_kind.setCurrentIndex(
                0 if len(kinds) > 1 else self.multi_kind.findData(kinds.pop())
            )
            self.multi_tags.setText(", ".join(common))

    # ------------------------------------------------------------- committing
    def run(self, cmd: ModelCommand) -> bool:
        """Push an undo command; on refusal (message shown) put the fields back to the model."""
        ok = push(self.stack, cmd, self)
        if not ok and self.ids:
            self.show_nodes(self.ids)
        return ok

    def _edit(self, **changes: Any) -> None:
        node = self._node()
        if any(getattr(node, k) != v for k, v in changes.items()):
            self.run(EditNodeCommand(self.amap, node.id, **changes))

    def _commit_pending(self) -> None:
        """Commit text typed but not yet committed (selection changing, panel closing)."""
        if self.node_id is None or self.node_id not in self.amap:
            return
        self._commit_title()
        self._commit_text()
        self._commit_tags()

    def _commit_title(self) -> None:
        if self.node_id is not None and self.title.text().strip():
            if self.title.text().strip() != self._node().title.strip():  # only what was typed
                self._edit(title=self.title.text().strip())
        elif self.node_id is not None:
            with blocked(self.title):
                self.title.setText(self._node().title)  # a node needs a title: keep the old one

    def _commit_text(self) -> None:
        """Store typed text; a node whose stored text has stray spaces is not edited by a look."""
        if self.node_id is not None:
            typed = self.text.toPlainText().strip()
            if typed != self._node().text.strip():
                self._edit(text=typed)

    def _commit_tags(self) -> None:
        if self.node_id is not None:
            self._edit(tags=parse_tags(self.tags.text()))

    def _commit_kind(self, index: int) -> None:
        if self.node_id is not None:
            self._edit(kind=self.kind.itemData(index))

    def _commit_weight(self, percent: int) -> None:
        if self.node_id is None:
            return
        with blocked(self.slider, self.spin):
            self.slider.setValue(percent)
            self.spin.setValue(percent)
        if round(self.amap.prior(self.node_id) * 100) != percent:
            self.run(SetWeightCommand(self.amap, "prior", self.node_id, percent / 100))

    def _reset_weight(self) -> None:
        if self.node_id is not None and self.amap.current_scenario:
            self.run(ResetWeightCommand(self.amap, "prior", self.node_id))

    def _commit_multi_kind(self, index: int) -> None:
        kind = self.multi_kind.itemData(index)
        if kind is None:
            return
        changes = {i: {"kind": kind} for i in self.ids if self.amap.node(i).kind != kind}
        if changes:
            self.run(EditNodesCommand(self.amap, changes, f"Make {len(changes)} nodes {kind}"))

    def _commit_multi_tags(self) -> None:
        nodes = [self.amap.node(i) for i in self.ids]
        common = {t for t in nodes[0].tags if all(t in n.tags for n in nodes)}
        wanted = parse_tags(self.multi_tags.text())
        added = [t for t in wanted if t not in common]
        removed = common - set(wanted)
        changes = {}
        for n in nodes:
            tags = tuple(t for t in n.tags if t not in removed) + tuple(
                t for t in added if t not in n.tags
            )
            if tags != n.tags:
                changes[n.id] = {"tags": tags}
        if changes:
            self.run(EditNodesCommand(self.amap, changes, f"Edit tags of {len(changes)} nodes"))

    # -------------------------------------------------------------- citations
    def _update_cite_buttons(self) -> None:
        c = self.current_citation()
        source = self.amap.sources.get(c.source) if c else None
        self.cite_edit.setEnabled(c is not None)
        self.cite_remove.setEnabled(c is not None)
        self.cite_open.setEnabled(bool(source and source.url))

    def current_citation(self) -> Any:
        if self.node_id is None:
            return None
        row, cites = self.cites.currentRow(), self._node().citations
        return cites[row] if 0 <= row < len(cites) else None

    def add_citation(self) -> None:
        dialog = CitationDialog(self.amap, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            citation, source = dialog.result_values()
            cites = self._node().citations + (citation,)
            self.run(self._cite_command(cites, source, "Cite"))

    def edit_citation(self) -> None:
        row, old = self.cites.currentRow(), self.current_citation()
        if old is None:
            return
        dialog = CitationDialog(self.amap, old, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            citation, source = dialog.result_values()
            cites = list(self._node().citations)
            cites[row] = citation
            if citation != old or source is not None:
                self.run(self._cite_command(cites, source, "Edit citation"))

    def remove_citation(self) -> None:
        row = self.cites.currentRow()
        if self.current_citation() is None:
            return
        cites = list(self._node().citations)
        del cites[row]
        self.run(self._cite_command(cites, None, "Remove citation"))

    def _cite_command(self, cites: Any, source: Any, verb: str) -> SetCitationsCommand:
        node = self._node()
        text = f"{verb} on “{_short(node.title)}”"
        return SetCitationsCommand(self.amap, node.id, cites, [source] if source else [], text)

    def open_citation_url(self) -> None:
        c = self.current_citation()
        source = self.amap.sources.get(c.source) if c else None
        if source and source.url:
            open_url(source.url, self)


def citation_html(c: Citation, s: Source | None, grey: str) -> str:
    """A citation as rich text: bold source title, grey author/date/locator, the quote."""
    esc = html.escape
    title = esc(s.title) if s else f"(missing source {esc(c.source)})"
    meta = " · ".join(esc(x) for x in ((s.author or s.outlet, s.date) if s else ()) if x)
    if c.locator:
        meta = f"{meta} · {esc(c.locator)}" if meta else esc(c.locator)
    out = f"<b>{title}</b>"
    if meta:
        out += f"<br><span style='color:{grey}'>{meta}</span>"
    if c.quote:
        out += f"<br><i>“{esc(_short(c.quote, 200))}”</i>"
    return out


# ------------------------------------------------------------- optional parts
def _explain(amap: ArgumentMap, node_id: str) -> Any:
    """The credence engine's explanation of a node, or None while that engine is unavailable."""
    try:
        from model.credence import explain
    except ImportError:
        return None
    try:
        return explain(amap, node_id)
    except (KeyError, ValueError, AssertionError):
        return None


def _series_widget(amap: ArgumentMap, name: str) -> QWidget:
    """The trends engineer's chart for a series, or a label naming it until that exists."""
    try:
        from ui.panels.series_chart import SeriesChart
    except ImportError:
        series = amap.series.get(name)
        title = series.title if series and series.title else name
        label = QLabel(f"Trend series: {title}" + ("" if series else " (no data in this map)"))
        label.setWordWrap(True)
        return label
    try:
        chart = SeriesChart(amap, name, compact=True)
    except TypeError:
        chart = SeriesChart(amap, name)
    chart.setMinimumHeight(180)
    return chart
