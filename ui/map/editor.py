"""Editing the map on the canvas: keys, mouse gestures, context menus and their actions.

Every edit is pushed as one undo command through `ui.commands.edits.push` (which reports refusals);
the controller never moves items or changes the model itself except through commands. The
scene follows the model, so after an undo everything is back where it was.

Keys (while the canvas has focus): Tab adds a supporting claim under the selected node,
Shift+Tab a counterclaim, Ctrl+Tab (or Ctrl+Shift+E) evidence, Enter a sibling, F2 or a
double-click edits the title in place (Enter keeps, Esc cancels), Delete removes, Ctrl+L
links to a node you then click, Ctrl+T switches supports/attacks, Ctrl+K collapses or
expands, arrows walk the map. Mouse: drag a node onto another to re-attach it, drag
elsewhere to place it by hand, Shift+drag from a node to another to draw a link.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import shiboken6
from PySide6.QtCore import QEvent, QLineF, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPainter, QPen, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsLineItem,
    QGraphicsTextItem,
    QMenu,
    QMessageBox,
    QWidget,
)

from model.weights import STRENGTHS, strength_label, strength_meaning, strength_name
from ui.commands.credence import set_strength_command
from ui.commands.edits import (
    AddNodeCommand,
    EditEdgeCommand,
    EditNodeCommand,
    LinkCommand,
    MoveNodesCommand,
    RelinkCommand,
    RemoveNodesCommand,
    SetCollapsedCommand,
    UnlinkCommand,
    push,
)
from ui.dialog_paths import remember_dir, suggested_path
from ui.labels import plain_text
from ui.map.items import PAD, EdgeItem, H, NodeItem, W
from ui.map.scene import MapScene
from ui.map.view import MapView

NEW_TITLES = {
    ("claim", "supports"): "New claim",
    ("claim", "attacks"): "New counterclaim",
    ("evidence", "supports"): "New evidence",
    ("evidence", "attacks"): "New evidence",
    ("thesis", "supports"): "New thesis",
}
CTX = Qt.ShortcutContext.WidgetWithChildrenShortcut


class InlineEditor(QGraphicsTextItem):
    """Edits a node's title in place: Enter keeps the text, Esc cancels, clicking away keeps."""

    finished = Signal(str, bool)  # text, keep

    def __init__(self, item: NodeItem) -> None:
        super().__init__()
        self.node_id = item.node_id
        self._item = item
        self._done = False
        self.setFont(item.look.title_font)
        self.setDefaultTextColor(item.look.theme.text)
        self.setPlainText(item.title)
        self.setTextWidth(W - 2 * PAD + 8)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setPos(item.pos() + QPointF(-W / 2 + PAD - 8, -H / 2 + 20))
        self.setZValue(10)

    def select_all(self) -> None:
        cursor = self.textCursor()
        cursor.select(cursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        theme = self._item.look.theme
        painter.setPen(QPen(theme.selection, 2))
        painter.setBrush(theme.kind(self._item.kind).fill)
        painter.drawRoundedRect(self.boundingRect(), 4, 4)
        super().paint(painter, option, widget)

    def sceneEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # while typing, keys are text, not canvas shortcuts
            return True
        return super().sceneEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            self.finish(True)
        elif key == Qt.Key.Key_Escape:
            self.finish(False)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.finish(True)

    def finish(self, keep: bool) -> None:
        if not self._done:
            self._done = True
            self.finished.emit(" ".join(self.toPlainText().split()), keep)


@dataclass
class _Drag:
    """A mouse gesture in progress on the canvas."""

    start: QPointF
    node_id: str
    origins: dict[str, QPointF] = field(default_factory=dict)  # moving nodes' start positions
    line: QGraphicsLineItem | None = None  # Shift+drag link preview


class MapEditor(QObject):
    """Canvas editing controller for one scene and view; see the module docstring."""

    message = Signal(str)  # one-line status text for the main window
    #: a new node's title is to be typed, but the canvas is hidden (the focus view is shown)
    titleWanted = Signal(str)  # noqa: N815

    def __init__(
        self,
        scene: MapScene,
        view: MapView,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        # Owned by the window (or the view): a QAction with a shortcut that outlives the
        # QApplication crashes Python at exit when it unregisters its shortcut.
        super().__init__(parent if parent is not None else view)
        self.scene = scene
        self.view = view
        self.stack = undo_stack
        self.amap = scene.amap
        self._window = parent
        self._inline: InlineEditor | None = None
        self._link_source: str | None = None
        self._drag: _Drag | None = None
        self._groups: dict[str, list[QAction]] = {}
        self._build_actions()
        view.gestures = self
        scene.selectionChangedIds.connect(self._update_actions)
        undo_stack.indexChanged.connect(self._update_actions)  # e.g. an undo adds reasons back
        self._update_actions()

    # --------------------------------------------------------------- actions
    def actions(self) -> dict[str, list[QAction]]:
        """Actions by group ("add", "edit", "layout", "view", "export") for menus and toolbars."""
        return {k: list(v) for k, v in self._groups.items()}

    def action(self, name: str) -> QAction:
        return getattr(self, f"act_{name}")

    def _build_actions(self) -> None:
        def act(group, name, text, slot, keys=(), tip=""):
            a = QAction(text, self)
            a.setObjectName(f"canvas_{name}")
            a.setShortcuts([QKeySequence(k) for k in keys])
            a.setShortcutContext(CTX)
            a.setStatusTip(tip or plain_text(text))
            a.triggered.connect(lambda _=False: slot())
            self.view.addAction(a)
            self._groups.setdefault(group, []).append(a)
            setattr(self, f"act_{name}", a)

        act(
            "add",
            "add_claim",
            "Add Supporting &Claim",
            lambda: self.add_child("claim", "supports"),
            ["Tab", "Ins"],
            "Add a claim supporting the selected node (Tab)",
        )
        act(
            "add",
            "add_counter",
            "Add &Counterclaim",
            lambda: self.add_child("claim", "attacks"),
            ["Shift+Tab"],
            "Add a claim attacking the selected node (Shift+Tab)",
        )
        act(
            "add",
            "add_evidence",
            "Add &Evidence",
            lambda: self.add_child("evidence", "supports"),
            ["Ctrl+Tab", "Ctrl+Shift+E"],
            "Add evidence bearing on the selected node (Ctrl+Tab)",
        )
        act(
            "add",
            "add_sibling",
            "Add &Sibling",
            self.add_sibling,
            ["Return", "Enter"],
            "Add a node beside the selected one, under the same target (Enter)",
        )
        act("edit", "edit_title", "&Edit Title", self.edit_title, ["F2"])
        # Del only: Backspace goes up to the target, in the map as in the focus view
        act("edit", "delete", "&Delete", self.delete_selection, ["Del"])
        act(
            "edit",
            "link",
            "&Link to…",
            self.start_link,
            ["Ctrl+L"],
            "Make the selected node a reason for a node you click next (or Shift+drag)",
        )
        act("edit", "switch", "S&witch Supports/Attacks", self.switch_relation, ["Ctrl+T"])
        act("edit", "collapse", "Collapse/E&xpand", self.toggle_collapse, ["Ctrl+K"])
        act(
            "layout",
            "relayout",
            "&Tidy Layout",
            self.relayout,
            ["Ctrl+Shift+L"],
            "Lay the map out again; hand-placed nodes stay where you put them",
        )
        act(
            "layout",
            "reset_layout",
            "&Reset Hand Placement",
            self.reset_placement,
            [],
            "Let the automatic layout place every node again",
        )
        act("view", "zoom_in", "Zoom &In", self.view.zoom_in, ["Ctrl++", "Ctrl+="])
        act("view", "zoom_out", "Zoom &Out", self.view.zoom_out, ["Ctrl+-"])
        act("view", "zoom_fit", "Zoom to &Fit", self.view.zoom_to_fit, ["Ctrl+0"])
        act("view", "zoom_selection", "Zoom to &Selection", self.view.zoom_to_selection, ["Ctrl+9"])
        act("export", "export_png", "Export Visible Map as &PNG…", lambda: self.ask_export("png"))
        act("export", "export_svg", "Export Visible Map as &SVG…", lambda: self.ask_export("svg"))
        act(
            "export",
            "export_png_all",
            "Export Whole Map as P&NG…",
            lambda: self.ask_export("png", whole=True),
        )
        act("export", "export_svg_all", "Export Whole Map as S&VG…",
            lambda: self.ask_export("svg", whole=True))  # fmt: skip

    def _update_actions(self, *_args) -> None:
        if not shiboken6.isValid(self.scene):
            return  # the undo stack outlived the map (window closing): nothing to enable
        ids = self.scene.selected_node_ids()
        edges = self.scene.selected_edge_keys()
        one = len(ids) == 1
        self.act_add_sibling.setEnabled(one and self.scene.primary_target(ids[0]) is not None)
        self.act_edit_title.setEnabled(one)
        self.act_delete.setEnabled(bool(ids or edges))
        self.act_link.setEnabled(one)
        self.act_switch.setEnabled(bool(edges) or any(self.scene.primary_target(n) for n in ids))
        self.act_collapse.setEnabled(any(self.amap.graph.in_degree(n) for n in ids))
        self.act_zoom_selection.setEnabled(bool(ids))

    # ------------------------------------------------------------ commands
    def _push(self, cmd) -> bool:
        return push(self.stack, cmd, self._window)

    def _macro(self, label: str, commands: list) -> bool:
        """Push several commands as one undo step; stops at the first refusal."""
        if len(commands) == 1:
            return self._push(commands[0])
        self.stack.beginMacro(label)
        ok = True
        try:
            for cmd in commands:
                if not self._push(cmd):
                    ok = False
                    break
        finally:
            self.stack.endMacro()
        return ok

    def add_child(self, kind: str, relation: str, edit: bool = True) -> str | None:
        """Add a node under the selected node (or under the thesis); returns its id."""
        ids = self.scene.selected_node_ids()
        target = ids[-1] if ids else (self.amap.thesis.id if self.amap.thesis else None)
        if target is None and kind == "claim" and len(self.amap) == 0:
            kind = "thesis"
        title = NEW_TITLES.get((kind, relation), "New node")
        cmd = AddNodeCommand(self.amap, kind, title, target=target, relation=relation)
        if not self._push(cmd):
            return None
        self._focus_new(cmd.node_id, edit)
        return cmd.node_id

    def add_sibling(self, edit: bool = True) -> str | None:
        """Add a node of the selected node's kind and relation under the same target."""
        ids = self.scene.selected_node_ids()
        if len(ids) != 1:
            return None
        target = self.scene.primary_target(ids[0])
        if target is None:
            self.message.emit("The top node has no target to add a sibling under")
            return None
        node = self.amap.node(ids[0])
        relation = self.amap.edge(ids[0], target).relation
        title = NEW_TITLES.get((node.kind, relation), "New node")
        cmd = AddNodeCommand(self.amap, node.kind, title, target=target, relation=relation)
        if not self._push(cmd):
            return None
        self._focus_new(cmd.node_id, edit)
        return cmd.node_id

    def _focus_new(self, node_id: str, edit: bool) -> None:
        """Select a new node and show it with its target, both in view; then edit its title."""
        self.scene.select_nodes([node_id])
        target = self.scene.primary_target(node_id)
        self.view.show_nodes([node_id] + ([target] if target else []), readable=True)
        if edit and self.view.isVisible():
            self.edit_title(node_id)
        elif edit:
            self.titleWanted.emit(node_id)

    def delete_selection(self) -> None:
        """Delete the selected nodes (with their links) and the selected links."""
        ids = self.scene.selected_node_ids()
        edges = [k for k in self.scene.selected_edge_keys() if k[0] not in ids and k[1] not in ids]
        commands = [UnlinkCommand(self.amap, *k) for k in edges]
        if ids:
            commands.append(RemoveNodesCommand(self.amap, ids))
        if not commands:
            return
        after = self._survivor(ids)
        if self._macro(f"Delete {len(ids) + len(edges)} items", commands) and after:
            self.scene.select_nodes([after])  # keep working where you were: on the target

    def _survivor(self, ids: list[str]) -> str | None:
        """The nearest target above the deleted nodes that is not deleted itself."""
        gone = set(ids)
        for nid in reversed(ids):
            up = self.scene.primary_target(nid)
            while up is not None and up in gone:
                up = self.scene.primary_target(up)
            if up is not None:
                return up
        return None

    def switch_relation(self) -> None:
        """Turn supports into attacks and back: the selected links, or the selected nodes' links."""
        keys = self.scene.selected_edge_keys()
        if not keys:
            for nid in self.scene.selected_node_ids():
                target = self.scene.primary_target(nid)
                if target is not None:
                    keys.append((nid, target))
        commands = []
        for key in keys:
            relation = self.amap.edge(*key).relation
            other = "attacks" if relation == "supports" else "supports"
            commands.append(EditEdgeCommand(self.amap, *key, relation=other))
        if commands:
            self._macro("Switch supports/attacks", commands)

    def set_strength(self, key: tuple[str, str], label: str) -> None:
        """Weigh a link where the Inspector and Weigh… do: in the active scenario (the map's
        own weights when none is active), so the tick the menu shows is the value it set."""
        self._push(set_strength_command(self.amap, *key, label))

    def toggle_collapse(self) -> None:
        """Collapse the selected nodes' reasons, or expand them when all are collapsed."""
        ids = [n for n in self.scene.selected_node_ids() if self.amap.graph.in_degree(n)]
        if not ids:
            return
        collapse = not all(self.amap.node(n).collapsed for n in ids)
        self._push(SetCollapsedCommand(self.amap, ids, collapse))

    def relayout(self) -> None:
        self.scene.relayout(keep_pinned=True)

    def reset_placement(self) -> None:
        """Forget hand placement (one undo step), so the automatic layout places every node."""
        pinned = [n.id for n in self.amap.nodes() if n.pinned]
        commands = [EditNodeCommand(self.amap, n, pos=None, pinned=False) for n in pinned]
        if commands:
            self._macro("Reset hand placement", commands)

    def reattach(self, node_ids: list[str], target: str) -> bool:
        """Hang the nodes under `target` (one undo step): drag-and-drop onto a node."""
        commands = []
        for nid in node_ids:
            old = self.scene.primary_target(nid)
            if nid == target or old == target:
                continue
            if nx.has_path(self.amap.graph, target, nid):
                self.message.emit("A node cannot hang under one of its own reasons")
                return False
            if old is None:
                commands.append(LinkCommand(self.amap, nid, target))
            else:
                commands.append(RelinkCommand(self.amap, nid, old, target))
            if self.amap.node(nid).pinned:
                commands.append(EditNodeCommand(self.amap, nid, pos=None, pinned=False))
        return bool(commands) and self._macro("Re-attach", commands)

    def link(self, source: str, target: str, relation: str = "supports") -> bool:
        """Draw a link (a graph, not only a tree) and select it so Ctrl+T can switch it."""
        if not self._push(LinkCommand(self.amap, source, target, relation)):
            return False
        edge = self.scene.edge_item(source, target)
        if edge is not None:
            self.scene.clearSelection()
            edge.setSelected(True)
        self.message.emit("Linked. Ctrl+T switches supports/attacks")
        return True

    # -------------------------------------------------------- inline edit
    def edit_title(self, node_id: str | None = None) -> None:
        """Edit a node's title in place (the selected node by default)."""
        if node_id is None:
            ids = self.scene.selected_node_ids()
            if len(ids) != 1:
                return
            node_id = ids[0]
        item = self.scene.node_item(node_id)
        if item is None or not item.isVisible():
            return
        self.finish_inline(True)
        editor = InlineEditor(item)
        self.scene.addItem(editor)
        editor.finished.connect(self._inline_finished)
        self._inline = editor
        self.view.setFocus()
        editor.setFocus()
        editor.select_all()

    @property
    def inline_editor(self) -> InlineEditor | None:
        return self._inline

    def inline_rects(self) -> list:
        """Where the in-place title editor is, in viewport pixels (nothing may cover it)."""
        if self._inline is None:
            return []
        return [self.view.mapFromScene(self._inline.sceneBoundingRect()).boundingRect()]

    def finish_inline(self, keep: bool) -> None:
        if self._inline is not None:
            self._inline.finish(keep)

    def _inline_finished(self, text: str, keep: bool) -> None:
        editor = self._inline
        self._inline = None
        if editor is None:
            return
        node_id = editor.node_id
        editor.clearFocus()
        QTimer.singleShot(0, lambda: editor.scene() and editor.scene().removeItem(editor))
        editor.setVisible(False)
        self.view.setFocus()
        if keep and text and node_id in self.amap and text != self.amap.node(node_id).title:
            self._push(EditNodeCommand(self.amap, node_id, title=text))

    # ------------------------------------------------------------- link mode
    def start_link(self) -> None:
        """Link the selected node to the node the user clicks next (Esc cancels)."""
        ids = self.scene.selected_node_ids()
        if len(ids) != 1:
            return
        self._link_source = ids[0]
        self.view.viewport().setCursor(Qt.CursorShape.CrossCursor)
        self.message.emit("Click the node this one bears on (Esc cancels)")

    def _end_link_mode(self) -> None:
        self._link_source = None
        self.view.viewport().unsetCursor()

    # ---------------------------------------------------------------- export
    def export_image(self, path: str | Path, whole: bool = False) -> None:
        """Write the visible part (or all) of the map as PNG or SVG, by the file's suffix."""
        source = None if whole else self.view.visible_scene_rect()
        self.scene.render_image(path, None, source)

    def ask_export(self, fmt: str, whole: bool = False) -> None:
        name = "PNG image (*.png)" if fmt == "png" else "SVG drawing (*.svg)"
        title = self.scene.amap.meta.get("title", "")
        suggestion = suggested_path("export", title, f".{fmt}", "map")
        path, _ = QFileDialog.getSaveFileName(self._window, "Export Map", suggestion, name)
        if not path:
            return
        remember_dir("export", path)
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        try:
            self.export_image(path, whole)
        except OSError as exc:
            QMessageBox.warning(self._window, "Cruxmap", str(exc))
            return
        self.message.emit(f"Exported {Path(path).name}")

    # ------------------------------------------------------------ context menu
    def context_menu(self, scene_pos: QPointF) -> QMenu:
        """The menu for whatever is under `scene_pos`: a node, a link or the background."""
        menu = QMenu(self._window)
        item = self.scene.itemAt(scene_pos, self.view.transform())
        if isinstance(item, NodeItem):
            if not item.isSelected():
                self.scene.select_nodes([item.node_id])
            for a in self._groups["add"] + self._groups["edit"]:
                menu.addAction(a)
        elif isinstance(item, EdgeItem):
            self.scene.clearSelection()
            item.setSelected(True)
            menu.addAction(self.act_switch)
            strength = menu.addMenu("Strength")
            strength.setToolTipsVisible(True)
            steps = QActionGroup(strength)  # one step at a time: drawn as radio items
            lam = self.amap.strength(*item.key)
            now = None if lam is None else strength_label(lam)
            for label in STRENGTHS:
                name = strength_name(label)
                a = strength.addAction(name[0].upper() + name[1:])
                a.setToolTip(strength_meaning(label))
                a.setCheckable(True)
                a.setChecked(label == now)
                steps.addAction(a)
                a.triggered.connect(lambda _=False, k=item.key, s=label: self.set_strength(k, s))
            if now is None:  # the link's state, said in the same words as the Inspector's
                a = strength.addAction(strength_name(None).capitalize())
                a.setToolTip(strength_meaning(None))
                a.setCheckable(True)
                a.setChecked(True)
                a.setEnabled(False)
                steps.addAction(a)
            menu.addAction("Remove Link").triggered.connect(
                lambda _=False, k=item.key: self._push(UnlinkCommand(self.amap, *k))
            )
        else:
            self.scene.clearSelection()
            menu.addAction(self.act_add_claim)
            menu.addSeparator()
            for a in self._groups["layout"] + self._groups["view"] + self._groups["export"]:
                menu.addAction(a)
        return menu

    # ------------------------------------------------------------ mouse/keys
    # The view calls these first for real input (`MapView.gestures`); True means handled.
    # (Not an event filter: Qt sends a dying view focus events, and a Python filter called
    # during that teardown crashes the interpreter at exit.)
    def key(self, event) -> bool:
        if event.key() == Qt.Key.Key_Escape and self._link_source is not None:
            self._end_link_mode()
            self.message.emit("Linking cancelled")
            return True
        return False

    def context(self, event) -> bool:
        pos = self.view.mapToScene(event.pos())
        self.context_menu(pos).exec(event.globalPos())
        return True

    def _scene_pos(self, event) -> QPointF:
        return self.view.mapToScene(event.position().toPoint())

    def press(self, event) -> bool:
        if event.button() != Qt.MouseButton.LeftButton or self.view._space:
            return False
        pos = self._scene_pos(event)
        node = self.scene.node_at(pos)
        if self._link_source is not None:
            source = self._link_source
            self._end_link_mode()
            if node is not None:
                self.link(source, node.node_id)
            return True
        if self._inline is not None and not self._inline.sceneBoundingRect().contains(pos):
            self.finish_inline(True)
        if node is None:
            return False
        self._drag = _Drag(pos, node.node_id)
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            line = QGraphicsLineItem(QLineF(node.pos(), pos))
            line.setPen(QPen(self.scene.look.theme.selection, 2, Qt.PenStyle.DashLine))
            line.setZValue(5)
            self.scene.addItem(line)
            self._drag.line = line
            return True
        return False

    def move(self, event) -> bool:
        drag = self._drag
        if drag is None or not (event.buttons() & Qt.MouseButton.LeftButton):
            return False
        pos = self._scene_pos(event)
        if drag.line is not None:
            drag.line.setLine(QLineF(drag.line.line().p1(), pos))
            self.scene.set_drop_target(self.scene.node_at(pos, {drag.node_id}))
            return True
        if not drag.origins:
            ids = self.scene.selected_node_ids()
            if drag.node_id not in ids:
                ids = [drag.node_id]
            drag.origins = {n: self.scene.node_item(n).pos() for n in ids}
        self.scene.set_drop_target(self.scene.node_at(pos, set(drag.origins)))
        return False

    def release(self, event) -> bool:
        drag, self._drag = self._drag, None
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return False
        self.scene.set_drop_target(None)
        pos = self._scene_pos(event)
        if drag.line is not None:
            self.scene.removeItem(drag.line)
            target = self.scene.node_at(pos, {drag.node_id})
            if target is not None:
                self.link(drag.node_id, target.node_id)
            return True
        moved = self._moved(drag)
        if not moved:
            return False
        target = self.scene.node_at(pos, set(drag.origins))
        if target is not None:
            ok = self.reattach(list(moved), target.node_id)
        else:
            ok = self._push(MoveNodesCommand(self.amap, moved))
        if not ok:
            self.scene.relayout()  # put the dragged items back where the model has them
        return False

    def _moved(self, drag: _Drag) -> dict[str, tuple[float, float]]:
        out = {}
        for nid, start in drag.origins.items():
            item = self.scene.node_item(nid)
            if item is not None and item.pos() != start:
                out[nid] = (item.x(), item.y())
        return out

    def double_click(self, event) -> bool:
        node = self.scene.node_at(self._scene_pos(event))
        if node is None or event.button() != Qt.MouseButton.LeftButton:
            return False
        self.scene.select_nodes([node.node_id])
        self.edit_title(node.node_id)
        return True
