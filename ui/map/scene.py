"""The map scene: mirrors an `ArgumentMap` as node and edge items, and lays them out.

The scene keeps `dict[node_id → NodeItem]` and `dict[(u, v) → EdgeItem]`, listens to the
model's change lists and updates only what changed; it never changes the model itself (the
editor pushes undo commands for that). Positions come from `model.layout`: structural
changes (nodes, links, relation, collapse, hand placement) re-run it, which is ~0.1 s at
10,000 nodes.

Big maps: the item index is off (Qt's BSP index took 33 s on its first lookup at 100,000
items), and when zoomed far out the items are hidden behind one `OverviewItem` that paints a
cached image of the whole map, so a zoomed-out frame costs the same for 100 or 100,000 nodes.

Lazy items: maps of `LAZY_FROM` nodes or more get items only for what a view shows (and what
is asked for: `node_item` builds one on demand). The scene keeps what the items would show
(every node's layout state, every link's relation, credences, pulls, highlight, dimming) and
a `SpatialIndex` of the layout, so an item built late looks exactly like one built on open.
Items are never dropped, so a selection (Qt's, on items) survives any pan or zoom.
"""

from __future__ import annotations

import gc
import math
from pathlib import Path

import numpy as np
from PySide6.QtCore import QLineF, QRectF, QSaveFile, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene, QToolTip

from model.argmap import ArgumentMap, Change
from model.labels import priority
from model.layout import ASPECT, NODE_H, NODE_W, Layout, compute_layout, forget, place_new
from ui.map.bundle import BUNDLE_FROM, HubBundle
from ui.map.items import BUS_RISE, FLAT_LOD, NODE_RECT, EdgeItem, Look, NodeItem
from ui.map.labels import LabelLayer
from ui.map.spatial import SpatialIndex, link_runs_one
from ui.theme import Theme

OVERVIEW_MIN_NODES = 1500  # smaller maps always draw their items
OVERVIEW_PIXELS = 3000  # longest side of the cached overview image
DEFER_CREDENCE = 20_000  # bigger maps show their first frame before the badges
DOT_PIXELS = 4.0  # nodes narrower than this in the overview are drawn as dots with numpy
DIM_OPACITY = 0.22
TILE = 4000.0  # side of the squares the items are grouped in (see _Tile)
INCREMENTAL_FROM = 3000  # bigger maps place added nodes without a full layout (0.3-1.5 s)
ASPECT_SLACK = 1.25  # the layout is redone for a new window shape beyond this ratio
ROLE = {"thesis": "Thesis", "claim": "Claim", "evidence": "Evidence"}
LAZY_FROM = 2000  # maps this big build items only for what a view shows
REVEAL_ROOM = 0.25  # a view builds this share of its size round what it shows (pans ahead)
LOOSE_MAX = 2000  # cards placed without a new layout that are looked up one by one
FLAT_CAP = 3000  # zoomed out, a view with more cards than this shows the overview under them


class _Layer(QGraphicsItem):
    """An invisible parent of all node and edge items: hiding it hides the map in one call."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF()

    def paint(self, painter, option, widget=None) -> None:  # pragma: no cover - no contents
        pass


class _Tile(QGraphicsRectItem):
    """The items of one square of the map. Qt has no item index here (a BSP index costs 33 s
    at 100,000 items), so each frame it would test every item against the repainted area;
    with the items under tiles it tests the tiles and skips those that miss. The tile's rect
    is the union of its items' (`cover`), and it draws nothing itself."""

    def __init__(self, z: float) -> None:
        super().__init__()
        self.setPen(Qt.PenStyle.NoPen)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape)
        self.setZValue(z)  # every card above every link, as without tiles

    def cover(self, rect: QRectF) -> None:
        """Grow to contain `rect` (scene units: tiles sit at the origin), with the pixel an
        item's pen adds round it."""
        rect = rect.adjusted(-1, -1, 1, 1)
        own = self.rect()
        if own.isNull():
            self.setRect(rect)
        elif not own.contains(rect):
            self.setRect(own.united(rect))


class OverviewItem(QGraphicsItem):
    """The whole map as one cached image, shown instead of the items when zoomed far out."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__()
        self._scene = scene
        self.setZValue(-1)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._scene.overview_rect()

    def paint(self, painter, option, widget=None) -> None:
        image = self._scene.overview_image()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(self._scene.overview_rect(), image)
        marks = self._scene.marked_rects()
        if marks:
            theme = self._scene.look.theme
            for rect, color in marks:
                painter.fillRect(rect, color if color is not None else theme.highlight)


class MapScene(QGraphicsScene):
    """Mirror of one map; see the module docstring."""

    #: ids of the selected nodes, in selection order of the scene
    selectionChangedIds = Signal(list)  # noqa: N815 (Qt-style signal name)
    #: positions or visibility changed (minimap, overview)
    layoutChanged = Signal()  # noqa: N815

    def __init__(self, amap: ArgumentMap, parent=None, aspect: float = ASPECT) -> None:
        """`aspect`: the width:height of the view it will be shown in, when known, so that
        the first layout is the one the first frame keeps (a second one costs seconds at
        100,000 nodes)."""
        super().__init__(parent)
        self.amap = amap
        self.look = Look(Theme.current())
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.layout = Layout()
        self._nodes: dict[str, NodeItem] = {}  # the items built so far (all, on small maps)
        self._edges: dict[tuple[str, str], EdgeItem] = {}
        self._seen: dict[str, tuple] = {}  # every node id → fields that move it in the layout
        self._links: dict[tuple[str, str], str] = {}  # every link → its relation
        self._shown: tuple[list[str], np.ndarray] | None = None  # credences on the badges
        self._shown_index: dict[str, int] = {}  # node id → its place in _shown
        self._lazy = False  # True: items only for what a view shows (see the module docstring)
        self._index: SpatialIndex | None = None  # the layout's cards and links (lazy maps)
        self._loose: set[str] = set()  # nodes placed or moved since the index was made
        self._revealed: list[QRectF] = []  # areas whose items are all built
        self._bundles: dict[str, HubBundle] = {}  # hub id → the comb of its links
        self._credences_due = False  # a big map's first badges wait for its first frame
        self._underlay = False  # the overview image shows under items not built (`reveal`)
        self._highlight: set[str] = set()
        self._dimmed: set[str] | None = None
        self._dim_now: set[str] = set()
        self._overview_on = False
        self._overview: QImage | None = None
        self._overview_rect = QRectF()
        self._overview_drawn = QRectF()  # the map's rectangle when the image was drawn
        self._overview_tidy = QTimer(self, singleShot=True, interval=1500)
        self._overview_tidy.timeout.connect(self._tidy_overview)
        self._layer = _Layer()
        self.addItem(self._layer)
        self._tiles: dict[tuple[int, int, int], _Tile] = {}  # (links 0 / cards 1, column, row)
        self._overview_item = OverviewItem(self)
        self._overview_item.setVisible(False)
        self.addItem(self._overview_item)
        self.target_aspect = aspect if aspect > 0 else ASPECT
        self._pulls: dict[str, float] = {}
        self._pulls_shown = None  # (keys, points, layout parent map) last shown
        self._retree: set[str] = set()  # nodes given a tree target without a new layout
        self._fresh: list[str] = []  # nodes whose items were made since the last badge update
        self._label_order: list[str] | None = None
        self._labels = LabelLayer(self)
        self._selected_before: set[str] = set()  # whose labels show a selection ring
        self.addItem(self._labels)
        self.rebuild()
        amap.subscribe(self._on_changes)
        self.selectionChanged.connect(self._emit_selection)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.apply_theme)

    def detach(self) -> None:
        """Stop following the model (before the document closes)."""
        self.amap.unsubscribe(self._on_changes)

    # -------------------------------------------------------------- access
    def node_item(self, node_id: str) -> NodeItem | None:
        """The node's card, built now if no view has shown it yet (None: no such node)."""
        item = self._nodes.get(node_id)
        if item is None and node_id in self._seen:
            item = self._build([node_id], [])[0]
        return item

    def edge_item(self, source: str, target: str) -> EdgeItem | None:
        """The link's item, built now (with its ends) if no view has shown it yet."""
        item = self._edges.get((source, target))
        if item is None and (source, target) in self._links:
            self._build([], [(source, target)])
            item = self._edges.get((source, target))
        return item

    def edge_count(self) -> int:
        """How many links the map has (kept by the scene; no walk over the graph)."""
        return len(self._links)

    def node_items(self) -> list[NodeItem]:
        """The cards built so far: every card of a small map, those shown of a big one."""
        return list(self._nodes.values())

    def built_counts(self) -> tuple[int, int]:
        """(cards, links) that have an item now."""
        return len(self._nodes), len(self._edges)

    # ---- what a card shows, without building it (zoomed-out labels, the overview)
    def title(self, node_id: str) -> str:
        return self.amap.graph._node[node_id]["node"].title

    def kind(self, node_id: str) -> str:
        return self.amap.graph._node[node_id]["node"].kind

    def role(self, node_id: str) -> str:
        """The card's header word ("Claim", "Counterclaim"...), as its item shows it."""
        return _role_of(self.kind(node_id), node_id, self.layout.parent.get(node_id),
                        self.amap.graph._succ)  # fmt: skip

    def credence(self, node_id: str) -> float | None:
        """The credence the badges show for a node (None before the first pass)."""
        i = self._shown_index.get(node_id)
        return None if i is None or self._shown is None else float(self._shown[1][i])

    def pull(self, node_id: str) -> float | None:
        return self._pulls.get(node_id)

    def is_selected(self, node_id: str) -> bool:
        item = self._nodes.get(node_id)  # a selected card always has an item
        return item is not None and item.isSelected()

    def selected_node_ids(self) -> list[str]:
        return [i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)]

    def selected_edge_keys(self) -> list[tuple[str, str]]:
        return [i.key for i in self.selectedItems() if isinstance(i, EdgeItem)]

    def select_nodes(self, ids: list[str]) -> None:
        """Select exactly these nodes (one selection-changed signal)."""
        self.blockSignals(True)
        try:
            self.clearSelection()
            for nid in ids:
                item = self.node_item(nid)
                if item is not None and item.isVisible():
                    item.setSelected(True)
        finally:
            self.blockSignals(False)
        self._emit_selection()

    def label_at(self, pos) -> str | None:  # noqa: ANN001
        """The node whose zoomed-out label covers a scene point (None when no label does)."""
        views = self.views()
        return self._labels.label_at(pos, views[0].transform().m11()) if views else None

    def node_at(self, pos, exclude: set[str] = frozenset()) -> NodeItem | None:
        """The topmost visible node under a scene point, skipping `exclude`; a readable label
        drawn over the zoomed-out map counts as its node's card."""
        labelled = self.label_at(pos)
        if labelled is not None and labelled not in exclude:
            item = self.node_item(labelled)
            if item is not None and item.isVisible():
                return item
        for item in self.items(pos):
            if isinstance(item, NodeItem) and item.node_id not in exclude and item.isVisible():
                return item
        return None

    def itemAt(self, pos, transform) -> QGraphicsItem | None:  # noqa: ANN001, N802
        """The topmost card or link at `pos` (the tiles that group them are never it)."""
        for item in self.items(pos, Qt.ItemSelectionMode.IntersectsItemShape,
                               Qt.SortOrder.DescendingOrder, transform):  # fmt: skip
            if not isinstance(item, _Tile):
                return item
        return None

    def primary_target(self, node_id: str) -> str | None:
        """The target a node hangs under in the layout (its first link up)."""
        return self.layout.parent.get(node_id)

    def items_rect(self) -> QRectF:
        left, top, right, bottom = self.layout.bounds()
        return QRectF(left, top, right - left, bottom - top).adjusted(-40, -40, 40, 60)

    # ------------------------------------------------------------ mirroring
    def rebuild(self) -> None:
        """Drop every item and mirror the map afresh (opening, or the model was reset): its
        nodes' layout state and links are noted, the map is laid out, and items are built
        for all of a small map, for what a view shows of a big one."""
        for item in list(self._edges.values()) + list(self._nodes.values()):
            self.removeItem(item)
        for bundle in self._bundles.values():
            self.removeItem(bundle)
        self._bundles = {}
        self._nodes.clear()
        self._edges.clear()
        self._shown, self._shown_index = None, {}
        self._pulls_shown, self._pulls = None, {}
        self._dim_now = set()
        self._fresh = []
        collecting = gc.isenabled()
        gc.disable()  # 200,000 new objects trigger dozens of full collections otherwise
        try:
            nodes = self.amap.graph._node
            self._seen = {nid: _state(d["node"]) for nid, d in nodes.items()}
            self._links = {(u, v): d["edge"].relation for u, nbrs in self.amap.graph._succ.items()
                           for v, d in nbrs.items()}  # fmt: skip
            self._lazy = len(self._seen) >= LAZY_FROM
            self.relayout()
        finally:
            if collecting:
                gc.enable()
        if len(self._seen) > DEFER_CREDENCE:  # after the first frame (`frame_painted`)
            self._credences_due = True
            QTimer.singleShot(3000, self, self._credences_now)  # or soon, if no view paints
        else:
            self.refresh_credences()

    def frame_painted(self) -> None:
        """A view painted a frame: the badges of a big map, held back until its first frame
        (compiling the credence arrays takes ~0.5 s at 100,000 nodes), come now, and the
        index of the layout is made before the user first zooms in (~0.2-0.5 s there)."""
        if self._credences_due:
            QTimer.singleShot(0, self, self._credences_now)
        if self._lazy and self._index is None:
            QTimer.singleShot(0, self, self._make_index)

    def _make_index(self) -> None:
        if self._lazy and self._index is None:
            lay = self.layout
            self._index = SpatialIndex(lay.positions, self._links, lay.parent)

    def _credences_now(self) -> None:
        if self._credences_due:
            self.refresh_credences()

    # ------------------------------------------------------------ lazy items
    def _build(self, node_ids: list[str], keys: list[tuple[str, str]]) -> list[NodeItem | None]:
        """Items for these nodes and links (and the links' ends), showing what the scene
        holds for them; those already built are returned as they are."""
        edges = self._edges
        new_nodes: list[NodeItem] = []
        new_edges: list[EdgeItem] = []
        bulk, self.look.bulk = self.look.bulk, True  # links are adjusted below, once
        collecting = gc.isenabled()
        gc.disable()
        try:
            out = [self._new_node(nid, new_nodes) for nid in node_ids]
            for key in keys:
                if key not in edges and key in self._links:
                    new_edges.append(self._new_edge(key, new_nodes))
        finally:
            self.look.bulk = bulk
            if collecting:
                gc.enable()
        for edge in new_edges:
            edge.adjust()
        if new_nodes or new_edges:
            self._file_items(new_nodes, new_edges)
        return out

    def _new_node(self, nid: str, made: list[NodeItem]) -> NodeItem | None:
        item = self._nodes.get(nid)
        if item is not None or nid not in self._seen:
            return item
        graph = self.amap.graph
        item = NodeItem(graph._node[nid]["node"], self.look)
        self._nodes[nid] = item
        lay = self.layout
        pos = lay.positions.get(nid)
        if pos is None:
            item.setVisible(False)  # inside a collapsed branch
        else:
            item.setPos(pos[0], pos[1])
        item.hidden_count = lay.hidden_count.get(nid, 0)
        item.role = _role(item, lay.parent.get(nid), graph._succ)
        item.credence = self.credence(nid)
        item.pull = self._pulls.get(nid)
        if nid in self._highlight:
            item.highlighted = True
        if self._dimmed and nid in self._dimmed:
            item.setOpacity(DIM_OPACITY)
            self._dim_now.add(nid)
        made.append(item)
        return item

    def _new_edge(self, key: tuple[str, str], made: list[NodeItem]) -> EdgeItem:
        u, v = key
        source, target = self._new_node(u, made), self._new_node(v, made)
        item = EdgeItem(self.amap.graph._succ[u][v]["edge"], source, target, self.look)
        self._edges[key] = item
        positions = self.layout.positions
        if u not in positions or v not in positions:
            item.setVisible(False)
        item.tree = self.layout.parent.get(u) == v
        item.hub = item.tree and v in self._bundles
        if self.amap.current_scenario:
            item.show_strength(self._strength(key))
        if self._dimmed and (u in self._dimmed or v in self._dimmed):
            item.setOpacity(DIM_OPACITY)
        return item

    def reveal(self, rect: QRectF, scale: float = 1.0) -> None:
        """Build the items a view showing `rect` at zoom `scale` needs (with some room round
        it, so a pan does not build on every step): every card there and every link whose
        route crosses it. Nothing to do on a small map, or for an area already built.

        Zoomed out (cards a few pixels wide) a view can hold tens of thousands of cards:
        building them would stall it for seconds. Beyond `FLAT_CAP` cards the overview
        image shows under the items instead (at that zoom it is nearly as sharp as they)."""
        if not self._lazy or rect.isEmpty():
            return
        if any(done.contains(rect) for done in self._revealed):
            self._set_underlay(False)
            return
        room = REVEAL_ROOM * max(rect.width(), rect.height())
        rect = rect.adjusted(-room, -room, room, room)
        nodes, keys = self._items_in(rect)
        if scale < FLAT_LOD and len(nodes) > FLAT_CAP:
            self._set_underlay(True)
            return
        self._set_underlay(False)
        self._build([n for n in nodes if n not in self._nodes],
                    [k for k in keys if k not in self._edges])  # fmt: skip
        self._revealed = [*self._revealed[-15:], rect]

    def _set_underlay(self, on: bool) -> None:
        if on != self._underlay:
            self._underlay = on
            self._overview_item.setVisible(on or self._overview_on)

    def _items_in(self, rect: QRectF) -> tuple[list[str], list[tuple[str, str]]]:
        """The cards and links (ids, keys) that meet `rect`, built or not."""
        self._make_index()
        box = (rect.left(), rect.top(), rect.right(), rect.bottom())
        nodes, keys = self._index.nodes_in(*box), self._index.links_in(*box)
        if self._loose:
            more_nodes, more_keys = self._loose_in(box)
            nodes, keys = nodes + more_nodes, keys + more_keys
        return nodes, keys

    def _loose_in(self, box: tuple[float, float, float, float]):  # noqa: ANN202
        """Cards placed or moved since the index was made, and their links, that meet `box`."""
        left, top, right, bottom = box
        positions, parent = self.layout.positions, self.layout.parent
        graph = self.amap.graph
        nodes, keys = [], []
        for nid in self._loose:
            pos = positions.get(nid)
            if pos is None:
                continue
            if left - NODE_W < pos[0] < right + NODE_W and top - NODE_H < pos[1] < bottom + NODE_H:
                nodes.append(nid)
            links = [(nid, v) for v in graph._succ.get(nid, ())]
            links += [(u, nid) for u in graph._pred.get(nid, ())]
            for u, v in links:
                if (
                    u in positions
                    and v in positions
                    and any(
                        a < right and c > left and b < bottom and d > top
                        for a, b, c, d in link_runs_one(
                            positions[u], positions[v], parent.get(u) == v
                        )
                    )
                ):
                    keys.append((u, v))
        return nodes, keys

    def reveal_views(self) -> None:
        """Build what every view of the scene shows (after a layout, or a view moved)."""
        if not self._lazy:
            return
        for view in self.views():  # (asked mid-zoom too: the zoom decides, not the layer)
            if not view.isVisible():
                continue  # not its real size or place yet: it reveals when shown
            scale = view.transform().m11()
            if not self._overview_at(scale):
                self.reveal(view.mapToScene(view.viewport().rect()).boundingRect(), scale)

    def _build_all_missing(self) -> None:
        """Every item (a small map; or the whole picture is being exported)."""
        self._build([n for n in self._seen if n not in self._nodes],
                    [k for k in self._links if k not in self._edges])  # fmt: skip

    def _strength(self, key: tuple[str, str]) -> float | None:
        """A link's strength in the active scenario (a reading may weigh what the map does not)."""
        return self.amap.strength(*key)

    def _show_scenario_strengths(self) -> None:
        """The scenario changed, or its values did: every link shows its strength there."""
        for key, item in self._edges.items():
            item.show_strength(self._strength(key))

    def _remove_edge(self, key) -> None:
        item = self._edges.pop(key)
        item.detach()
        self.removeItem(item)

    def _on_changes(self, changes: list[Change]) -> None:
        if any(c.kind == "reset" for c in changes):
            self.rebuild()
            return
        graph = self.amap.graph
        node_keys = [c.key for c in changes if c.kind == "node"]
        edge_keys = [c.key for c in changes if c.kind == "edge"]
        structural = tidy = False  # tidy: only a full layout can show this change
        added: list[str] = []
        removed: list[str] = []
        unlinked: list[tuple[str, str]] = []
        for key in edge_keys:
            if key in self._links and not graph.has_edge(*key):
                del self._links[key]
                if key in self._edges:
                    self._remove_edge(key)
                unlinked.append(key)
                structural = True
        for nid in node_keys:
            if nid in self._seen and nid not in graph:
                item = self._nodes.pop(nid, None)
                if item is not None:
                    self.removeItem(item)
                del self._seen[nid]
                self._highlight.discard(nid)
                self._loose.discard(nid)
                removed.append(nid)
                structural = True
        drawn = self.badges_drawn()
        for nid in node_keys:
            if nid not in graph:
                continue
            node = graph.nodes[nid]["node"]
            if nid not in self._seen:
                self._seen[nid] = _state(node)
                added.append(nid)
                self._fresh.append(nid)
                self._retree.add(nid)
                structural = True
                continue
            if self._labels.title_changed(nid, node.title):
                self._labels.invalidate(titles=True)
            item = self._nodes.get(nid)
            if item is not None:
                item.set_node(node, drawn)
            state = _state(node)
            if state != self._seen[nid]:
                self._seen[nid] = state
                structural = tidy = True
        linked: list[tuple[str, str]] = []
        for key in edge_keys:
            if not graph.has_edge(*key):
                continue
            edge = graph.edges[key]["edge"]
            if key not in self._links:
                self._links[key] = edge.relation
                linked.append(key)
                structural = True
                continue
            if self._links[key] != edge.relation:
                # a small map re-sorts the reason to its side (a full layout, a few ms); a big
                # one keeps every card where it is (5 s at 100k) until Map → Tidy Layout
                self._links[key] = edge.relation
                structural = True
                tidy = tidy or len(self._seen) < INCREMENTAL_FROM
            item = self._edges.get(key)
            if item is not None:
                item.set_edge(edge, self._strength(key))
            if key[1] in self._bundles:
                self._stale_bundles([key[1]])
        if any(c.kind == "scenario" or (c.kind == "meta" and c.key == "scenario") for c in changes):
            self._show_scenario_strengths()
            self._stale_bundles()
        if structural and (tidy or not self._follow(added, removed, unlinked, linked)):
            self.relayout()
        if added or linked:  # the user's new cards and links: built now, wherever they are
            self._build(added, linked)
        self.refresh_credences()

    # ---------------------------------------------------------------- layout
    def relayout(self, keep_pinned: bool = True) -> None:
        """Re-run the automatic layout; hand-placed nodes stay put unless `keep_pinned` is off."""
        lay = compute_layout(self.amap, keep_pinned, self.target_aspect)
        self.layout = lay
        succ = self.amap.graph._succ
        positions, parent, counts = lay.positions, lay.parent, lay.hidden_count
        moved: set[EdgeItem] = set()
        for nid, item in self._nodes.items():  # the items built so far
            pos = positions.get(nid)
            if pos is None:
                if item.isVisible():
                    item.setVisible(False)
                    item.setSelected(False)
                continue
            if not item.isVisible():
                item.setVisible(True)
            if item.x() != pos[0] or item.y() != pos[1]:
                item.setPos(pos[0], pos[1])
                moved.update(item.edges)
            item.hidden_count = counts.get(nid, 0)
            item.role = _role(item, parent.get(nid), succ)
        for (u, v), edge in self._edges.items():
            show = u in positions and v in positions
            if edge.isVisible() != show:
                edge.setVisible(show)
            tree = parent.get(u) == v
            if edge.tree != tree:
                edge.tree = tree
                moved.add(edge)
        for edge in moved:
            edge.adjust()
        self._refile()
        self._sync_bundles()
        self._index, self._loose, self._revealed = None, set(), []
        if not self._lazy:
            self._build_all_missing()
        self._apply_dimming()
        self._update_scene_rect()
        self._overview = None
        self._overview_item.prepareGeometryChange()
        self._overview_item.update()
        self._label_order = None
        self._labels.invalidate()
        self.update()
        self.reveal_views()
        self.layoutChanged.emit()

    def _sync_bundles(self) -> None:
        """One comb per target with `BUNDLE_FROM` tree reasons or more (ui.map.bundle); the
        links' items know whether a comb draws them."""
        hubs = {v for v, kids in self.layout.children.items() if len(kids) >= BUNDLE_FROM}
        for v in list(self._bundles):
            if v not in hubs:
                self.removeItem(self._bundles.pop(v))
        for v in hubs:
            bundle = self._bundles.get(v)
            if bundle is None:
                bundle = self._bundles[v] = HubBundle(self, v)
                bundle.setParentItem(self._layer)
            else:
                bundle.mark_stale()
        for (_, v), edge in self._edges.items():
            edge.hub = edge.tree and v in hubs

    def _stale_bundles(self, targets=None) -> None:  # noqa: ANN001
        """The look of links into these hubs (default: all) changed: redraw their combs."""
        for v in self._bundles if targets is None else targets:
            bundle = self._bundles.get(v)
            if bundle is not None:
                bundle.mark_stale()

    def dimmed_ids(self) -> set[str]:
        """The nodes the filter fades (empty when no filter is on)."""
        return self._dimmed or set()

    def _tile(self, z: int, x: float, y: float) -> _Tile:
        key = (z, math.floor(x / TILE), math.floor(y / TILE))
        tile = self._tiles.get(key)
        if tile is None:
            tile = self._tiles[key] = _Tile(z)
            tile.setParentItem(self._layer)
        return tile

    def _file_items(self, nodes, edges) -> None:  # noqa: ANN001
        """Put a few placed items under the tile of where they are (a link: where its
        reason is) and grow the tiles over them."""
        for item in nodes:
            tile = self._tile(1, item.x(), item.y())
            if item._tile is not tile:
                item.setParentItem(tile)
                item._tile = tile
            tile.cover(item.rect().translated(item.x(), item.y()))
        for edge in edges:
            source = edge.source
            tile = self._tile(0, source.x(), source.y())
            if edge._tile is not tile:
                edge.setParentItem(tile)
                edge._tile = tile
            tile.cover(edge.rect())

    def _refile(self) -> None:
        """File every item under its tile and size each tile to its items afresh (after a
        layout: many items moved). Plain arithmetic per item, one setRect per tile."""
        positions, tiles = self.layout.positions, self._tiles
        boxes: dict[tuple[int, int, int], list[float]] = {}
        left, top = NODE_RECT.left() - 1, NODE_RECT.top() - 1  # the items' (unused) pen
        right, bottom = NODE_RECT.right() + 1, NODE_RECT.bottom() + 1
        for nid, item in self._nodes.items():
            x, y = positions.get(nid) or (item.x(), item.y())
            key = (1, math.floor(x / TILE), math.floor(y / TILE))
            _grow(boxes, key, x + left, y + top, x + right, y + bottom)
            tile = tiles.get(key) or self._tile(1, x, y)
            if item._tile is not tile:
                item.setParentItem(tile)
                item._tile = tile
        for edge in self._edges.values():
            x, y = positions.get(edge.key[0]) or (edge.source.x(), edge.source.y())
            key = (0, math.floor(x / TILE), math.floor(y / TILE))
            a, b, c, d = edge.box
            _grow(boxes, key, a - 1, b - 1, c + 1, d + 1)
            tile = tiles.get(key) or self._tile(0, x, y)
            if edge._tile is not tile:
                edge.setParentItem(tile)
                edge._tile = tile
        for key, tile in tiles.items():
            box = boxes.get(key)
            rect = (
                QRectF()
                if box is None
                else QRectF(box[0], box[1], box[2] - box[0], box[3] - box[1])
            )
            if tile.rect() != rect:
                tile.setRect(rect)

    def _follow(self, added: list[str], removed: list[str], unlinked: list[tuple[str, str]],
                linked: list[tuple[str, str]]) -> bool:  # fmt: skip
        """Show added and removed nodes and links without a new layout: new nodes go next to
        their target where no card is, removed ones leave a gap, and no other card moves.
        False when the map is small enough for a full layout (it is tidier and takes a few
        ms) or the change needs one (see `model.layout.place_new` and `forget`). Map → Tidy
        Layout lays a big map out afresh when the user wants the gaps closed."""
        if len(self._seen) < INCREMENTAL_FROM:
            return False
        lay = self.layout
        gone = {n: lay.positions[n] for n in removed if n in lay.positions}
        moved = forget(lay, self.amap, removed, unlinked)
        placed = place_new(lay, self.amap, added) if moved is not None else None
        if placed is None:
            return False  # the full layout replaces the half-updated one
        edges: set[EdgeItem] = {self._edges[k] for k in linked if k in self._edges}
        succ = self.amap.graph._succ
        self._retree.update(placed + moved)
        for nid in placed + moved:
            item = self._nodes.get(nid)
            if item is None:
                continue
            if nid in lay.positions:
                item.setPos(*lay.positions[nid])
            item.role = _role(item, lay.parent.get(nid), succ)
            edges.update(item.edges)
        for edge in edges:
            edge.tree = lay.parent.get(edge.key[0]) == edge.key[1]
            edge.hub = edge.tree and edge.key[1] in self._bundles
            edge.adjust()
        self._stale_bundles()
        self._file_items([self._nodes[n] for n in placed + moved if n in self._nodes], edges)
        if self._lazy:  # the index has them where they were: look them up one by one
            self._loose.update(placed + moved)
            if len(self._loose) > LOOSE_MAX:  # cheaper to index the layout afresh
                self._index, self._loose = None, set()
            self._revealed = []
        self._update_scene_rect()
        self._patch_overview(placed, gone)
        self._overview_tidy.start()  # the whole overview, labels and their order: when edits pause
        self.update()
        self.reveal_views()
        self.layoutChanged.emit()
        return True

    def set_target_aspect(self, aspect: float) -> bool:
        """Lay the map out for a window of this width:height, if it differs enough from the
        shape it was laid out for (Zoom to Fit then gives a block, not a strip)."""
        if aspect <= 0:
            return False
        ratio = max(aspect, self.target_aspect) / min(aspect, self.target_aspect)
        if ratio < ASPECT_SLACK:
            return False
        self.target_aspect = aspect
        self.relayout()
        return True

    # ---------------------------------------------------------- semantic zoom
    def label_order(self) -> list[str]:
        """Nodes that get a readable label when zoomed out, most important first."""
        if self._label_order is None:
            lay = self.layout
            thesis = self.amap.thesis
            first = [thesis.id] if thesis is not None and thesis.id in lay.positions else []
            roots = first + [n for n in lay.positions if n not in lay.parent]
            self._label_order = priority(lay.children, roots, self._pulls)
        return self._label_order

    def label_reserve(self) -> int:
        """How many of the first labels keep their cards clear: the thesis and its reasons."""
        thesis = self.amap.thesis
        if thesis is None or thesis.id not in self.layout.positions:
            return 1
        return min(64, 1 + len(self.layout.children.get(thesis.id, [])))

    def relation_to_parent(self, node_id: str) -> str | None:
        """ "supports" or "attacks": the node's link to the target it hangs under."""
        up = self.layout.parent.get(node_id)
        if up is None:
            return None
        return self.amap.graph._succ[node_id][up]["edge"].relation

    def labels_shown(self, scale: float) -> list[str]:
        """Ids of the nodes labelled at this zoom (empty when the cards' titles are drawn)."""
        from ui.map.items import TEXT_LOD

        if scale >= TEXT_LOD:
            return []
        return [p[0] for p in self._labels.placements(scale)]

    def _refresh_pulls(self) -> None:
        """Each node's pull on the target it hangs under, for the badges and label order.
        Like the credences, only links whose pull moved are looked at (one vectorised
        comparison) unless the map's structure or the layout tree changed."""
        got = _edge_pulls(self.amap, len(self._links))
        if got is None:
            return
        keys, points, where = got
        shown = self._pulls_shown
        if shown is not None and shown[2] is self.layout.parent:
            moved = _changed(shown[0], shown[1], keys, points)
            retree, self._retree = self._retree, set()  # placed or re-hung without a layout
            moved += [where[(u, self.layout.parent[u])] for u in retree
                      if (u, self.layout.parent.get(u)) in where]  # fmt: skip
        else:
            moved = range(len(keys))
        self._pulls_shown = (keys, points, self.layout.parent)
        parent, nodes, changed, first = self.layout.parent, self._nodes, False, False
        drawn = self.badges_drawn()
        for i in moved:
            u, v = keys[i]
            if parent.get(u) != v:
                continue
            value = float(points[i])
            item = nodes.get(u)
            old = self._pulls.get(u)
            if old != value:
                self._pulls[u] = value
                changed |= old is not None or abs(value) >= 0.05  # a new, unweighed reason
                # ranks last anyway: no new label order (0.1 s at 100,000 nodes) for it
                first |= old is None and abs(value) >= 0.05
            if item is not None and item.pull != value:
                item.pull = value
                if drawn:
                    item.update_badge()
        if first:  # the pulls are known for the first time: rank the labels by them
            self._label_order = None
        # A weight edit keeps the label order, so no label moves, appears or goes: only its
        # numbers change. The order follows the pulls again when the structure changes
        # (relayout, or _tidy_overview after an incremental one).
        if changed:
            self._labels.invalidate(geometry=False)

    def badges_drawn(self) -> bool:
        """Whether a view draws the cards with their badges now. Below `FLAT_LOD` a card is a
        flat box whatever its credence, so a weight edit need not repaint the ancestors it
        moved (thousands of them, spread over the view, at 100,000 nodes); zooming in
        repaints every card anyway."""
        views = self.views()
        if not views:
            return True  # nothing to judge by: keep every card current
        return not self._overview_on and any(v.transform().m11() >= FLAT_LOD for v in views)

    def _update_scene_rect(self) -> None:
        rect = self.items_rect()
        margin = 1500 + 0.1 * max(rect.width(), rect.height())
        self.setSceneRect(rect.adjusted(-margin, -margin, margin, margin))

    def refresh_credences(self) -> None:
        """Update the credence badges: only the items whose value moved are visited and
        repainted (one vectorised comparison with the values shown, not a 100,000-entry dict)."""
        self._credences_due = False
        ids, values, index = _credences(self.amap)
        shown = self._shown
        if shown is not None:  # only what moved, and nodes that are new
            moved = _changed(shown[0], shown[1], ids, values)
            moved += [index[n] for n in self._fresh if n in index]  # items made anew
        else:  # first pass: every card built so far (the others read `credence` when built)
            moved = [index[n] for n in self._nodes if n in index]
        self._fresh = []
        nodes = self._nodes
        drawn = self.badges_drawn()
        for i in moved:
            item = nodes.get(ids[i])
            value = float(values[i])
            if item is not None and item.credence != value:
                item.credence = value
                if drawn:
                    item.update_badge()
        self._shown, self._shown_index = (ids, values), index
        self._refresh_pulls()

    # ------------------------------------------------------ highlight / dim
    def set_highlight(self, ids: set[str] | None) -> None:
        """Ring these nodes (find results); None or empty clears."""
        new = set(ids or ())
        for nid in self._highlight ^ new:
            item = self._nodes.get(nid)
            if item is not None:
                item.highlighted = nid in new
                item.update()
        self._highlight = {n for n in new if n in self._seen}
        self._overview_item.update()

    def set_dimmed(self, ids: set[str] | None) -> None:
        """Fade these nodes and their links (filtered out); None restores all."""
        self._dimmed = set(ids) if ids is not None else None
        self._apply_dimming()
        self._stale_bundles()
        self._overview = None
        self._overview_item.update()

    def _apply_dimming(self) -> None:
        dim = {n for n in (self._dimmed or ()) if n in self._nodes}
        changed = dim ^ self._dim_now
        self._dim_now = dim
        edges: set[EdgeItem] = set()
        for nid in changed:
            self._nodes[nid].setOpacity(DIM_OPACITY if nid in dim else 1.0)
            edges.update(self._nodes[nid].edges)
        for edge in edges:
            faded = edge.key[0] in dim or edge.key[1] in dim
            edge.setOpacity(DIM_OPACITY if faded else 1.0)

    def set_drop_target(self, item: NodeItem | None) -> None:
        for node in self._nodes.values():
            if node.drop_target and node is not item:
                node.drop_target = False
                node.update()
        if item is not None and not item.drop_target:
            item.drop_target = True
            item.update()

    # ---------------------------------------------------------------- theme
    def apply_theme(self, *_args) -> None:
        """Repaint with the palette of the current system scheme (the paper too: each view
        caches its background, drawn from the theme)."""
        self.look.theme = Theme.current()
        self._overview = None
        for view in self.views():
            view.resetCachedContent()
        self.update()
        self.layoutChanged.emit()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        painter.fillRect(rect, self.look.theme.background)

    # ------------------------------------------------------------- overview
    def set_view_scale(self, scale: float) -> None:
        """The view's zoom changed: swap items for the overview image when it is far out."""
        on = self._overview_at(scale)
        if on != self._overview_on:
            self._overview_on = on
            self._layer.setVisible(not on)
            self._overview_item.setVisible(on or self._underlay)

    def _overview_at(self, scale: float) -> bool:
        """Whether a view at this zoom shows the overview image instead of the items."""
        return len(self._seen) >= OVERVIEW_MIN_NODES and scale < self.overview_threshold()

    @property
    def overview_active(self) -> bool:
        return self._overview_on

    def overview_threshold(self) -> float:
        """Zoom below which the cached image is as sharp as the items would be."""
        rect = self.overview_rect()
        side = max(rect.width(), rect.height(), 1.0)
        return min(0.12, 1.5 * OVERVIEW_PIXELS / side)

    def overview_rect(self) -> QRectF:
        return self.items_rect()

    def overview_image(self) -> QImage:
        """The whole map drawn as flat boxes and lines, cached until the layout changes."""
        if self._overview is None:
            self._overview = self._draw_overview(OVERVIEW_PIXELS)
            self._overview_drawn = self.overview_rect()
        return self._overview

    def _patch_overview(self, placed: list[str], gone: dict[str, tuple[float, float]]) -> None:
        """Nodes placed or removed without a new layout: paint their boxes into the cached
        image (the map's background where one was removed) instead of drawing all of it
        again, and redraw it whole, links included, once edits pause."""
        image = self._overview
        if image is None:
            return
        rect = self.overview_rect()
        if rect != self._overview_drawn:
            self._overview = None  # the map grew: draw it again to the new frame
        else:
            scale = image.width() / max(rect.width(), 1.0)
            theme = self.look.theme
            dots = NODE_W * scale < DOT_PIXELS
            painter = QPainter(image)
            painter.scale(scale, scale)
            painter.translate(-rect.left(), -rect.top())
            box = QRectF(-NODE_W / 2, -NODE_H / 2, NODE_W, NODE_H)
            for pos in gone.values():
                painter.fillRect(box.translated(*pos), theme.background)
            for nid in placed:
                pos = self.layout.positions.get(nid)
                if pos is None or nid not in self._seen:
                    continue
                if dots:
                    relation = self.relation_to_parent(nid)
                    color = {"supports": theme.supports, "attacks": theme.attacks}.get(
                        relation or "", theme.kind("thesis").border
                    )
                else:
                    color = theme.kind(self.kind(nid)).border
                painter.fillRect(box.translated(*pos), color)
            painter.end()
        self._overview_item.update()

    def _tidy_overview(self) -> None:
        """Edits have paused: draw the overview whole again (links of placed nodes too) and
        place the zoomed-out labels afresh (a removed node's label is skipped until then)."""
        self._overview = None
        self._overview_item.update()
        self._label_order = None
        self._labels.invalidate()
        self.layoutChanged.emit()

    def _draw_overview(self, max_side: int) -> QImage:
        rect = self.overview_rect()
        scale = min(0.5, max_side / max(rect.width(), rect.height(), 1.0))
        size = QSize(max(1, int(rect.width() * scale)), max(1, int(rect.height() * scale)))
        if NODE_W * scale < DOT_PIXELS:
            return self._dot_overview(rect, scale, size)
        image = QImage(size, QImage.Format.Format_RGB32)
        theme = self.look.theme
        image.fill(theme.background)
        painter = QPainter(image)
        painter.scale(scale, scale)
        painter.translate(-rect.left(), -rect.top())
        positions = self.layout.positions
        dim = self._dimmed or set()
        lines: dict[str, list[QLineF]] = {"supports": [], "attacks": []}
        parent = self.layout.parent
        for (u, v), relation in self._links.items():
            if parent.get(u) == v and u in positions and v in positions:  # extra links: noise
                lines[relation].extend(_bus_lines(positions[u], positions[v]))
        for relation, color in (("supports", theme.supports), ("attacks", theme.attacks)):
            painter.setPen(QPen(color, 0))
            painter.drawLines(lines[relation])
        boxes: dict[str, list[QRectF]] = {}
        nodes = self.amap.graph._node
        for nid, (x, y) in positions.items():
            kind = "dim" if nid in dim else nodes[nid]["node"].kind
            boxes.setdefault(kind, []).append(
                QRectF(x - NODE_W / 2, y - NODE_H / 2, NODE_W, NODE_H)
            )
        painter.setPen(Qt.PenStyle.NoPen)
        for kind, rects in boxes.items():
            color = theme.muted if kind == "dim" else theme.kind(kind).border
            painter.setBrush(color)
            painter.drawRects(rects)
        painter.end()
        return image

    def _dot_overview(self, rect: QRectF, scale: float, size: QSize) -> QImage:
        """Nodes of a huge map as a few pixels each, set with numpy (~20 ms for 100,000
        nodes, where painting 100,000 rectangles and lines takes ~0.8 s); links are left out,
        as at this scale they would only be noise, so each dot takes the colour of its link
        up (green supports, red attacks): the two sides still read apart."""
        theme = self.look.theme
        w, h = size.width(), size.height()
        pixels = np.full((h, w), theme.background.rgb(), dtype=np.uint32)
        dim = self._dimmed or set()
        groups: dict[str, list[tuple[float, float]]] = {}
        colours = {"dim": theme.muted, "supports": theme.supports, "attacks": theme.attacks}
        for nid, pos in self.layout.positions.items():
            key = "dim" if nid in dim else (self.relation_to_parent(nid) or "root")
            groups.setdefault(key, []).append(pos)
        bw = max(1, round(NODE_W * scale))
        bh = max(1, round(NODE_H * scale))
        for kind, pts in groups.items():
            xy = np.asarray(pts, dtype=np.float64)
            xs = ((xy[:, 0] - NODE_W / 2 - rect.left()) * scale).astype(np.int64)
            ys = ((xy[:, 1] - NODE_H / 2 - rect.top()) * scale).astype(np.int64)
            color = colours.get(kind, theme.kind("thesis").border)
            for dy in range(bh):
                for dx in range(bw):
                    pixels[np.clip(ys + dy, 0, h - 1), np.clip(xs + dx, 0, w - 1)] = color.rgb()
        image = QImage(pixels.data, w, h, w * 4, QImage.Format.Format_RGB32)
        return image.copy()  # own the memory: `pixels` goes away

    def marked_rects(self) -> list[tuple[QRectF, QColor | None]]:
        """Highlighted and selected nodes, drawn over the overview image."""
        out: list[tuple[QRectF, QColor | None]] = []
        selection = self.look.theme.selection
        for nid in self._highlight:
            pos = self.layout.positions.get(nid)
            if pos is not None:
                out.append((_box(pos, pad=40), None))
        for item in self.selectedItems():
            if isinstance(item, NodeItem) and item.node_id in self.layout.positions:
                out.append((_box(self.layout.positions[item.node_id], pad=40), selection))
        return out

    # --------------------------------------------------------------- export
    def render_image(
        self, path: str | Path, fmt: str | None = None, source: QRectF | None = None
    ) -> None:
        """Write `source` (default: the whole map) as PNG or SVG; raises OSError with a message.

        Selection marks are left out. Files are written through QSaveFile, so a failed export
        never leaves half a file behind.
        """
        path = Path(path)
        fmt = (fmt or path.suffix.lstrip(".") or "png").lower()
        if fmt not in ("png", "svg"):
            raise OSError(f"cannot export as {fmt!r}: use PNG or SVG")
        source = QRectF(source) if source is not None else self.items_rect()
        if source.isEmpty():
            raise OSError("the map is empty: there is nothing to export")
        self._credences_now()  # a picture made before any frame still shows the badges
        if self._lazy:  # the picture needs every card and link in it, shown or not
            self._build(*self._items_in(source))
        selected = self.selectedItems()
        overview = self._overview_on
        image = self._overview_item.isVisible()  # the overview, or its underlay (`reveal`)
        self.blockSignals(True)
        try:
            self.clearSelection()
            self._overview_item.setVisible(False)
            if overview:
                self._layer.setVisible(True)
            out = QSaveFile(str(path))
            if not out.open(QSaveFile.OpenModeFlag.WriteOnly):
                raise OSError(f"cannot write {path.name}: {out.errorString()}")
            if fmt == "svg":
                self._render_svg(out, source)
            else:
                self._render_png(out, source)
            if not out.commit():
                raise OSError(f"cannot write {path.name}: {out.errorString()}")
        finally:
            if overview:
                self._layer.setVisible(False)
            self._overview_item.setVisible(image)
            for item in selected:
                item.setSelected(True)
            self.blockSignals(False)

    def _render_png(self, out: QSaveFile, source: QRectF) -> None:
        scale = min(2.0, 12000 / max(source.width(), source.height()))
        size = QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(self.look.theme.background)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.render(painter, QRectF(0, 0, size.width(), size.height()), source)
        painter.end()
        if not image.save(out, "PNG"):
            raise OSError("the image could not be encoded as PNG")

    def _render_svg(self, out: QSaveFile, source: QRectF) -> None:
        from PySide6.QtSvg import QSvgGenerator

        gen = QSvgGenerator()
        gen.setOutputDevice(out)
        gen.setSize(QSize(round(source.width()), round(source.height())))
        gen.setViewBox(QRectF(0, 0, source.width(), source.height()))
        gen.setTitle("Cruxmap argument map")
        painter = QPainter(gen)
        painter.fillRect(QRectF(0, 0, source.width(), source.height()), self.look.theme.background)
        self.render(painter, QRectF(0, 0, source.width(), source.height()), source)
        painter.end()

    # ----------------------------------------------------------------- mouse
    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        """Links follow the nodes being dragged (items send no geometry changes: that would
        cost a Python call per item per move when 100,000 items are laid out)."""
        super().mouseMoveEvent(event)
        if event.buttons() & Qt.MouseButton.LeftButton and isinstance(
            self.mouseGrabberItem(), NodeItem
        ):
            for item in self.selectedItems():
                if isinstance(item, NodeItem):
                    item.adjust_edges()
                    if item._tile is not None:
                        item._tile.cover(item.rect().translated(item.x(), item.y()))

    def helpEvent(self, event) -> None:  # noqa: N802
        """Full title as a tooltip (made on demand, not stored on 100,000 items)."""
        item = self.node_at(event.scenePos())
        if item is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.screenPos(), item.title)
        event.accept()

    # ------------------------------------------------------------ selection
    def _emit_selection(self) -> None:
        ids = self.selected_node_ids()
        changed = self._selected_before.symmetric_difference(ids)
        self._selected_before = set(ids)
        if changed:
            self._labels.repaint_labels(changed)
        self.selectionChangedIds.emit(ids)


def _grow(boxes: dict, key: tuple, left: float, top: float, right: float, bottom: float) -> None:
    box = boxes.get(key)
    if box is None:
        boxes[key] = [left, top, right, bottom]
    else:
        if left < box[0]:
            box[0] = left
        if top < box[1]:
            box[1] = top
        if right > box[2]:
            box[2] = right
        if bottom > box[3]:
            box[3] = bottom


def _role(item: NodeItem, up: str | None, succ) -> str:  # noqa: ANN001
    """The card's header: its kind, or "Counterclaim" for a claim attacking its target."""
    return _role_of(item.kind, item.node_id, up, succ)


def _role_of(kind: str, node_id: str, up: str | None, succ) -> str:  # noqa: ANN001
    if up is not None and kind == "claim" and succ[node_id][up]["edge"].relation == "attacks":
        return "Counterclaim"
    return ROLE.get(kind, kind)


def _state(node) -> tuple:  # noqa: ANN001
    """What of a node moves it in the layout (a change of it needs a new layout)."""
    return (node.collapsed, node.pinned, node.pos)


def _bus_lines(a: tuple[float, float], b: tuple[float, float]) -> list[QLineF]:
    """A tree link as the canvas routes it (up, along the bus above the reason, up into the
    target), so that thousands of links to one target make a comb, not a fan."""
    x1, y1 = a[0], a[1] - NODE_H / 2
    x2, y2 = b[0], b[1] + NODE_H / 2
    if y1 <= y2 + 2 * 12:
        return [QLineF(x1, y1, x2, y2)]
    ybus = y1 - min(BUS_RISE, (y1 - y2) / 2)
    return [QLineF(x1, y1, x1, ybus), QLineF(x1, ybus, x2, ybus), QLineF(x2, ybus, x2, y2)]


def _box(pos: tuple[float, float], pad: float = 0.0) -> QRectF:
    return QRectF(
        pos[0] - NODE_W / 2 - pad, pos[1] - NODE_H / 2 - pad, NODE_W + 2 * pad, NODE_H + 2 * pad
    )


def _edge_pulls(amap: ArgumentMap, links: int):  # noqa: ANN202
    """(link keys, pull of each in points) from the credence engine; the keys list stays the
    same object until the map's structure changes. None without links (`links`: the scene's
    count; networkx's own count walks every node) or engine."""
    try:
        from model.credence import edge_pulls, engine_for
    except ImportError:
        return None
    if links == 0:
        return None
    try:
        points = edge_pulls(amap)
        compiled = engine_for(amap).compiled
    except (ValueError, KeyError, AssertionError):
        return None
    return compiled.keys, points, compiled.edge_index


def _changed(old_keys: list, old: np.ndarray, keys: list, values: np.ndarray) -> list[int]:
    """Indices into `keys` whose value differs from the one shown for the same key, or that
    were not shown: after a structural edit too, only what moved is visited (the keys of
    a map with nodes added keep their order, so the common case is one comparison)."""
    if old_keys is keys and len(old) == len(values):
        return np.flatnonzero(values != old).tolist()
    k = len(old_keys)
    if len(keys) >= k == len(old) and keys[:k] == old_keys:  # appended only
        return np.flatnonzero(values[:k] != old).tolist() + list(range(k, len(keys)))
    where = dict(zip(old_keys, range(k)))
    pos = np.fromiter((where.get(key, -1) for key in keys), np.int64, len(keys))
    seen = pos >= 0
    differs = np.ones(len(keys), dtype=bool)
    differs[seen] = values[seen] != old[pos[seen]]
    return np.flatnonzero(differs).tolist()


def _credences(amap: ArgumentMap) -> tuple[list[str], np.ndarray, dict[str, int]]:
    """Node ids, their credences and each id's index, from the credence engine (the ids list
    stays the same object until the map's structure changes), or the priors if the engine
    is unavailable."""
    try:
        from model.credence.engine import evaluate
    except ImportError:
        ids = list(amap.graph.nodes)
        values = np.array([amap.prior(n) for n in ids], dtype=float)
        return ids, values, dict(zip(ids, range(len(ids))))
    res = evaluate(amap)
    return res.ids, res.values, res.index
