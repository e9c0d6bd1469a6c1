"""The filter bar: show only some kinds, one side of the debate, or one tag; dim the rest.

The rules live in model/search.py (`filter_nodes`); the bar keeps the user's choices and
tells the main window which nodes stay visible (None: all of them).
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from model.argmap import ArgumentMap, Change
from model.entities import KINDS
from model.search import filter_nodes

SIDE_CHOICES = [("All sides", None), ("For the thesis", "for"), ("Against the thesis", "against")]
ALL_TAGS = "All tags"


class FilterBar(QWidget):
    """Kind checkboxes, side and tag choosers, and a count of what is shown."""

    #: Ids of the nodes to keep visible, or None when nothing is filtered.
    filterChanged = Signal(object)

    def __init__(self, amap: ArgumentMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amap = amap
        self.kept: set[str] | None = None
        self.kinds: dict[str, QCheckBox] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(QLabel("Show"))
        for kind in KINDS:
            box = QCheckBox(kind.capitalize() if kind != "thesis" else "Thesis")
            box.setChecked(True)
            box.toggled.connect(self.update_filter)
            self.kinds[kind] = box
            layout.addWidget(box)
        self.side = QComboBox()
        for text, value in SIDE_CHOICES:
            self.side.addItem(text, value)
        self.side.currentIndexChanged.connect(self.update_filter)
        self.tag = QComboBox()
        self.tag.setMinimumContentsLength(12)
        self.tag.currentIndexChanged.connect(self.update_filter)
        self.count = QLabel()
        self.clear_button = QToolButton(text="Show all")
        self.clear_button.clicked.connect(self.clear)
        for w in (self.side, self.tag):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(self.count)
        layout.addWidget(self.clear_button)
        self._seen: dict[str, tuple] | None = None  # counted when the bar is first shown
        self._tags: Counter[str] = Counter()
        self.update_filter()
        amap.subscribe(self._on_changes)
        listener = self._on_changes
        self.destroyed.connect(lambda *_: amap.unsubscribe(listener))

    def detach(self) -> None:
        self.amap.unsubscribe(self._on_changes)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt naming
        """The bar is hidden until asked for: a 100,000-node map opens without counting tags."""
        if self._seen is None:
            self._count_tags()
            self._fill_tags()
        super().showEvent(event)

    def _count_tags(self) -> None:
        """Kind and tags of every node, and how many nodes use each tag (kept up to date from
        the change notifications, so an edit never rescans the map)."""
        self._seen = {n.id: (n.kind, n.tags) for n in self.amap.nodes()}
        self._tags = Counter(t for _, tags in self._seen.values() for t in tags)

    def _recount(self, node_ids: list[str]) -> tuple[bool, bool]:
        """Follow changed nodes: (did the set of tags change, did a kind or tag change)."""
        graph = self.amap.graph
        before = len(self._tags)
        moved = False
        for nid in node_ids:
            old = self._seen.pop(nid, None)
            new = None
            if nid in graph:
                node = self.amap.node(nid)
                new = self._seen[nid] = (node.kind, node.tags)
            if old == new:
                continue
            moved = True
            if old is not None:
                self._tags.subtract(old[1])
            if new is not None:
                self._tags.update(new[1])
        gone = [t for t, k in self._tags.items() if k <= 0]
        for t in gone:
            del self._tags[t]
        return moved and (bool(gone) or len(self._tags) != before), moved

    def _fill_tags(self) -> None:
        current = self.tag.currentData()
        tags = sorted(self._tags, key=str.casefold)
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(ALL_TAGS, None)
        for t in tags:
            self.tag.addItem(f"#{t}", t)
        index = self.tag.findData(current) if current in tags else 0
        self.tag.setCurrentIndex(index)
        self.tag.blockSignals(False)

    def filters(self) -> dict[str, object]:
        """The choices as `filter_nodes` keyword arguments (None = that filter is off)."""
        kinds = {k for k, box in self.kinds.items() if box.isChecked()}
        tag = self.tag.currentData()
        return {
            "kinds": None if len(kinds) == len(KINDS) else kinds,
            "side": self.side.currentData(),
            "tags": None if tag is None else {tag},
        }

    def update_filter(self) -> None:
        """Recompute what is visible and announce it if it changed."""
        args = self.filters()
        kept = None if all(v is None for v in args.values()) else filter_nodes(self.amap, **args)
        self.clear_button.setEnabled(kept is not None)
        total = len(self.amap)
        self.count.setText("" if kept is None else f"{len(kept)} of {total} shown")
        if kept != self.kept:
            self.kept = kept
            self.filterChanged.emit(kept)

    def clear(self) -> None:
        """Show everything again."""
        for box in self.kinds.values():
            box.blockSignals(True)
            box.setChecked(True)
            box.blockSignals(False)
        self.side.blockSignals(True)
        self.side.setCurrentIndex(0)
        self.side.blockSignals(False)
        self.tag.setCurrentIndex(0)
        self.update_filter()

    def _on_changes(self, changes: list[Change]) -> None:
        if self._seen is None:
            return  # never shown: nothing filtered, nothing to keep up to date
        if any(c.kind == "reset" for c in changes):
            self._count_tags()
            tags_changed = moved = True
        else:
            tags_changed, moved = self._recount([c.key for c in changes if c.kind == "node"])
        if tags_changed:
            self._fill_tags()
        if moved or any(c.kind == "edge" for c in changes):
            self.update_filter()
