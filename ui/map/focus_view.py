"""The focus view: one claim at a time, its supporters and attackers in two columns below.

A second view of the same map state as the canvas: it shows and changes the scene's selection,
edits go through the same editor and undo stack, so switching views (View → Focus View,
Ctrl+2; Map View, Ctrl+1) never loses your place. Breadcrumbs lead up to the thesis.

Keys: Enter (or a double-click) descends into the selected reason, Backspace goes up a level,
Up/Down move between the reasons of a column (Up from the first one selects the claim on
top), Left/Right switch between supporters and attackers; Tab, Shift+Tab and Ctrl+Tab add a
reason to the selected card, Delete removes it, F2 edits its title in the inspector.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from model.argmap import ArgumentMap, Change
from model.weights import UNWEIGHED, strength_name
from ui.map.items import format_pull
from ui.map.scene import ROLE, MapScene
from ui.theme import Theme

MAX_CARDS = 300  # per column; a node with more reasons says how many are left out
NAV_KEYS = {
    Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Backspace,
    Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right,
}  # fmt: skip


@dataclass(frozen=True)
class Reason:
    """One reason bearing on the focused claim, as its card shows it."""

    node_id: str
    title: str
    kind: str
    relation: str
    strength: str
    lam: float
    credence: float | None
    pull: float | None
    below: int  # reasons bearing on this one (what descending shows)


def reasons_of(amap: ArgumentMap, node_id: str) -> list[Reason]:
    """The reasons bearing on `node_id`, each with its credence and pull on it, strongest
    pull first within supporters and within attackers."""
    pulls: dict[str, tuple[float, float, str, float]] = {}
    try:
        from model.credence import explain

        for p in explain(amap, node_id).reasons:
            pulls[p.source] = (p.points, p.credence, strength_name(p.label), p.strength)
    except (ImportError, KeyError, ValueError, AssertionError):
        pass
    graph = amap.graph
    out = []
    for src in graph.predecessors(node_id):
        edge = graph.edges[src, node_id]["edge"]
        node = graph.nodes[src]["node"]
        points, credence, label, lam = pulls.get(src, (None, None, "", edge.strength))
        if amap.strength(src, node_id) is None:
            label = UNWEIGHED  # counts for nothing until someone weighs it (not "none")
        out.append(Reason(src, node.title, node.kind, edge.relation, label, lam, credence,
                          points, graph.in_degree(src)))  # fmt: skip
    out.sort(key=lambda r: -abs(r.pull or 0.0))
    return out


def _colour(c) -> str:  # noqa: ANN001
    return c.name()


class Card(QFrame):
    """One claim as a card: kind, title in full, and its numbers."""

    clicked = Signal(str)
    activated = Signal(str)

    def __init__(self, node_id: str, big: bool = False) -> None:
        super().__init__()
        self.node_id = node_id
        self.big = big
        self.selected = False
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.head = QLabel()
        self.head.setTextFormat(Qt.TextFormat.RichText)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * (1.45 if big else 1.1))
        font.setBold(big)
        self.title.setFont(font)
        self.foot = QLabel()
        self.foot.setTextFormat(Qt.TextFormat.RichText)
        self.foot.setWordWrap(True)
        v = QVBoxLayout(self)
        v.setContentsMargins(12, 8, 12, 9)
        v.setSpacing(3)
        v.addWidget(self.head)
        v.addWidget(self.title)
        v.addWidget(self.foot)
        v.addStretch(1)  # a card as tall as its row-mate keeps its text at the top

    def fill(self, head: str, title: str, foot: str, theme: Theme, kind: str, edge: str) -> None:
        self.head.setText(head)
        self.title.setText(title)
        self.foot.setText(foot)
        self._style = (theme, kind, edge)
        self._restyle()

    def set_selected(self, on: bool) -> None:
        if on != self.selected:
            self.selected = on
            self._restyle()

    def _restyle(self) -> None:
        theme, kind, edge = self._style
        style = theme.kind(kind)
        border = theme.selection if self.selected else style.border
        width = 3 if self.selected else 1
        left = f"border-left: 6px solid {edge};" if edge else ""
        self.setStyleSheet(
            f"Card {{ background: {_colour(style.fill)}; border: {width}px solid "
            f"{_colour(border)}; border-radius: 8px; {left} }}"
            f"QLabel {{ color: {_colour(theme.text)}; background: transparent; border: none; }}"
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.node_id)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.node_id)


class FocusView(QScrollArea):
    """Kialo-like view of one claim and its reasons; see the module docstring."""

    #: the user asked to edit the selected node's title (F2): the window opens the inspector
    editRequested = Signal(str)  # noqa: N815

    def __init__(self, scene: MapScene, editor=None, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.scene = scene
        self.amap = scene.amap
        self.editor = editor
        self.focus_id: str | None = None
        self.cards: dict[str, Card] = {}
        self.columns: tuple[list[str], list[str]] = ([], [])
        self._stale = True
        self._shape: tuple | None = None  # the claim on top and its reasons: see _keep_order
        self._rank: dict[str, int] = {}
        self._built_for: str | None = None  # the claim on top of the page shown now
        self._shown: str | None = None  # the selected card last scrolled into view
        self._keep_at: tuple[int, int] | None = None  # where an edit's new page is to stay
        self.setWidgetResizable(True)
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.rangeChanged.connect(self._put_back)
            bar.actionTriggered.connect(self._user_scrolled)  # wheel, keys, bar
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pending = QTimer(self, singleShot=True, interval=0)
        self._pending.timeout.connect(self.rebuild)
        self.amap.subscribe(self._on_changes)
        scene.selectionChangedIds.connect(self._on_selection)
        scene.layoutChanged.connect(self._pending.start)  # also a colour scheme switch
        if editor is not None:
            for name in ("add_claim", "add_counter", "add_evidence", "delete"):
                self.addAction(editor.action(name))
        self.show_node(self._start())

    def detach(self) -> None:
        self.amap.unsubscribe(self._on_changes)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        if self._stale:
            self.rebuild()

    # ------------------------------------------------------------- state
    def _start(self) -> str | None:
        ids = self.scene.selected_node_ids()
        if ids:
            return self._focus_for(ids[-1])
        thesis = self.amap.thesis
        return thesis.id if thesis is not None else next(iter(self.amap.graph.nodes), None)

    def _focus_for(self, node_id: str) -> str:
        """Which claim to put on top so that `node_id` shows: itself if it is on top or one
        of the shown reasons; else its target (so it shows among its siblings)."""
        if node_id == self.focus_id or node_id in self.cards:
            return self.focus_id or node_id
        up = self.scene.primary_target(node_id)
        return up if up is not None else node_id

    def selected(self) -> str | None:
        ids = self.scene.selected_node_ids()
        return ids[-1] if ids else None

    def show_node(self, node_id: str | None, select: str | None = None) -> None:
        """Put `node_id` on top and select `select` (default: keep the scene's selection)."""
        self.focus_id = node_id if node_id in self.amap else None
        self.rebuild()
        if select is not None:
            self.scene.select_nodes([select])

    # ---------------------------------------------------------- building
    def rebuild(self) -> None:
        """Lay the cards out afresh for the focused claim (cheap: a few dozen widgets). While
        the map view is shown instead, this waits until the focus view is shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        if self.focus_id is not None and self.focus_id not in self.amap:
            self.focus_id = self._start()
        # The same claim on top (an edit, not a move): the new page keeps the scroll position,
        # where a fresh page starts at the top and the view moved under the user.
        same = self.focus_id is not None and self.focus_id == self._built_for
        scrolled = (self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        if not same:
            self._shown = self._keep_at = None
        self._built_for = self.focus_id
        theme = Theme.current()
        page = QWidget()
        page.setAutoFillBackground(True)
        pal = page.palette()
        pal.setColor(QPalette.ColorRole.Window, theme.background)
        page.setPalette(pal)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(24, 14, 24, 24)
        outer.setSpacing(10)
        self.cards = {}
        self.columns = ([], [])
        if self.focus_id is None:
            outer.addWidget(QLabel("The map is empty: add a thesis in the map view."))
            self.setWidget(page)
            return
        outer.addWidget(self._crumbs(theme))
        top = self._card(self.focus_id, True, theme, None)
        outer.addWidget(top)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(10)
        reasons = self._keep_order(reasons_of(self.amap, self.focus_id))
        for col, relation in enumerate(("supports", "attacks")):
            group = [r for r in reasons if r.relation == relation]
            colour = theme.supports if relation == "supports" else theme.attacks
            word = "Supporting" if relation == "supports" else "Attacking"
            head = QLabel(f"<b style='color:{colour.name()}'>{word} ({len(group)})</b>")
            grid.addWidget(head, 0, col)
            for row, reason in enumerate(group[:MAX_CARDS], start=1):
                grid.addWidget(self._reason_card(reason, theme), row, col)
                self.columns[col].append(reason.node_id)
            if len(group) > MAX_CARDS:
                more = QLabel(f"… and {len(group) - MAX_CARDS} more: see them in the map view")
                grid.addWidget(more, MAX_CARDS + 1, col)
            if not group:
                none = QLabel("None yet (Tab adds a supporter, Shift+Tab an attacker)")
                none.setEnabled(False)
                grid.addWidget(none, 1, col)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        outer.addLayout(grid)
        outer.addStretch(1)
        self.setWidget(page)
        if same:
            self._restore_scroll(*scrolled)
        self._mark_selection()

    def _restore_scroll(self, x: int, y: int) -> None:
        """Scroll the new page to where the old one was. Its layout and the range it gives
        come first; wrapped titles may still settle a few pixels later, so until the user
        scrolls (or a selection is brought into view) a change of range puts it back again,
        else a position near the end stayed cut to the range of a page not yet laid out."""
        QApplication.sendPostedEvents(self.widget(), QEvent.Type.LayoutRequest)
        QApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))
        self._keep_at = (x, y)
        self._put_back()

    def _put_back(self, *_range: int) -> None:
        if self._keep_at is not None:
            self.horizontalScrollBar().setValue(self._keep_at[0])
            self.verticalScrollBar().setValue(self._keep_at[1])

    def _user_scrolled(self, _action: int = 0) -> None:
        self._keep_at = None

    def _keep_order(self, reasons: list[Reason]) -> list[Reason]:
        """The reasons in the order their cards have now, while the claim on top and its
        reasons (and their sides) stay the same: a weight edit changes the pulls but moves no
        card. A new claim on top, or a reason added, removed or switched to the other side,
        sorts them afresh, strongest pull first."""
        shape = (self.focus_id, frozenset((r.node_id, r.relation) for r in reasons))
        if shape == self._shape:
            rank = self._rank
            return sorted(reasons, key=lambda r: rank.get(r.node_id, len(rank)))
        self._shape = shape
        self._rank = {r.node_id: i for i, r in enumerate(reasons)}
        return reasons

    def _crumbs(self, theme: Theme) -> QLabel:
        """Thesis › … › the focused claim's target, each a link up."""
        chain: list[str] = []
        up = self.scene.primary_target(self.focus_id)
        while up is not None and up not in chain:
            chain.append(up)
            up = self.scene.primary_target(up)
        parts = [
            f"<a href='{nid}' style='color:{theme.selection.name()}'>"
            f"{html.escape(_short(self.amap.node(nid).title))}</a>"
            for nid in reversed(chain)
        ]
        here = f"<b>{html.escape(_short(self.amap.node(self.focus_id).title))}</b>"
        if parts:
            text = " › ".join([*parts, here])
        else:
            text = "Top of the argument · Enter opens a reason, Backspace goes back up"
        label = QLabel(text)
        label.setObjectName("breadcrumbs")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.linkActivated.connect(lambda nid: self.show_node(nid, select=nid))
        label.setToolTip("Backspace goes up one level")
        return label

    def _card(self, nid: str, big: bool, theme: Theme, edge: str | None) -> Card:
        node = self.amap.node(nid)
        item = self.scene.node_item(nid)
        credence = item.credence if item is not None else None
        role = self.scene.role(nid).upper()  # as its card on the map says it
        head = f"<span style='color:{theme.kind(node.kind).accent.name()}'><b>{role}</b></span>"
        foot = f"credence <b>{credence:.0%}</b>" if credence is not None else ""
        below = self.amap.graph.in_degree(nid)
        if big:
            foot += f" · {below} reason{'s' if below != 1 else ''} bearing on it"
        card = Card(nid, big)
        card.fill(head, node.title, foot, theme, node.kind, edge or "")
        self._wire(card)
        return card

    def _reason_card(self, r: Reason, theme: Theme) -> Card:
        colour = theme.supports if r.relation == "supports" else theme.attacks
        # a claim that attacks the node in focus is a counterclaim, as on the map
        counter = r.kind == "claim" and r.relation == "attacks"
        role = ("Counterclaim" if counter else ROLE.get(r.kind, r.kind)).upper()
        head = f"<span style='color:{theme.kind(r.kind).accent.name()}'><b>{role}</b></span>"
        bits = []
        if r.credence is not None:
            bits.append(f"credence <b>{r.credence:.0%}</b>")
        if r.strength == UNWEIGHED:
            bits.append(f"<i>{UNWEIGHED}</i>")
        else:
            bits.append(f"strength <b>{r.strength or 'custom'}</b> (λ {r.lam:.1f})")
        if r.pull is not None:
            bits.append(f"pull <b style='color:{colour.name()}'>{format_pull(r.pull)}</b>")
        if r.below:
            bits.append(f"{r.below} reason{'s' if r.below != 1 else ''} below")
        card = Card(r.node_id)
        card.fill(head, r.title, " · ".join(bits), theme, r.kind, colour.name())
        self._wire(card)
        return card

    def _wire(self, card: Card) -> None:
        card.clicked.connect(lambda nid: self.scene.select_nodes([nid]))
        card.activated.connect(self.descend)
        self.cards[card.node_id] = card

    def _mark_selection(self) -> None:
        """Mark the selected card, and scroll it into view when the selection is new: an edit
        that leaves the selection as it was leaves the view where the user scrolled it."""
        sel = self.selected()
        for nid, card in self.cards.items():
            card.set_selected(nid == sel)
        card = self.cards.get(sel) if sel else None
        if card is not None and sel != self._shown:
            self._keep_at = None
            self.ensureWidgetVisible(card, 20, 20)
        self._shown = sel if card is not None else None

    # ------------------------------------------------------------ following
    def _on_selection(self, ids: list[str]) -> None:
        if not self.isVisible():
            self._stale = True  # the focus follows the selection when it is next shown
            return
        if ids and ids[-1] not in self.cards:
            self.focus_id = self._focus_for(ids[-1])
            self.rebuild()
        else:
            self._mark_selection()

    def _on_changes(self, changes: list[Change]) -> None:
        self._pending.start()  # after the scene has caught up (credences, layout)

    # ------------------------------------------------------------ actions
    def descend(self, node_id: str | None = None) -> None:
        """Put the reason on top (Enter, double-click) and select its first reason."""
        node_id = node_id or self.selected()
        if node_id is None or node_id not in self.amap:
            return
        if node_id == self.focus_id:
            kids = self.columns[0] + self.columns[1]
            if kids:
                self.scene.select_nodes([kids[0]])
            return
        self.focus_id = node_id
        self.rebuild()
        kids = self.columns[0] + self.columns[1]
        self.scene.select_nodes([kids[0] if kids else node_id])

    def ascend(self) -> None:
        """Go up a level (Backspace): the target on top, the claim we came from selected."""
        if self.focus_id is None:
            return
        up = self.scene.primary_target(self.focus_id)
        if up is None:
            self.scene.select_nodes([self.focus_id])
            return
        came_from = self.focus_id
        self.focus_id = up
        self.rebuild()
        self.scene.select_nodes([came_from])

    def move(self, key: Qt.Key) -> None:
        """Arrow keys: up/down within a column, left/right across the two columns."""
        sel = self.selected()
        cols = self.columns
        where = next(((c, cols[c].index(sel)) for c in (0, 1) if sel in cols[c]), None)
        if where is None:  # the claim on top (or nothing) is selected
            if key == Qt.Key.Key_Down:
                first = cols[0][:1] or cols[1][:1]
                if first:
                    self.scene.select_nodes(first)
            elif self.focus_id is not None:
                self.scene.select_nodes([self.focus_id])
            return
        col, row = where
        if key == Qt.Key.Key_Up:
            target = cols[col][row - 1] if row > 0 else self.focus_id
        elif key == Qt.Key.Key_Down:
            target = cols[col][row + 1] if row + 1 < len(cols[col]) else None
        else:
            other = 0 if key == Qt.Key.Key_Left else 1
            target = cols[other][min(row, len(cols[other]) - 1)] if cols[other] else None
        if target is not None:
            self.scene.select_nodes([target])

    # --------------------------------------------------------------- keys
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if (
                event.key() in NAV_KEYS
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            ):
                event.accept()  # ours, not the canvas actions' (Backspace is not Delete here)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.descend()
        elif key == Qt.Key.Key_Backspace:
            self.ascend()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.move(key)
        elif key == Qt.Key.Key_F2 and self.selected():
            self.editRequested.emit(self.selected())
        else:
            super().keyPressEvent(event)
            return
        event.accept()


def _short(title: str, limit: int = 48) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
