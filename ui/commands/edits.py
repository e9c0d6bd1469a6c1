"""Undo commands: each user edit is one QUndoCommand that changes only the model.

The scene, inspector and panels follow the model's notifications, and the document commits
each model batch to disk, so a command needs to know nothing about views or files. Every
command remembers the exact old values (frozen dataclasses) and the exact new ones after its
first run, so undo-all gives back the original map and redo-all the edited one, timestamps
included.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from model.argmap import ArgumentMap, MapError
from model.entities import Edge, Node, Scenario
from model.readings import copy_name, is_authors_reading, own_copy
from model.weights import strength_value
from storage.document import StorageError

#: Called with a message when an undo or redo could not be written; the main window sets it.
error_reporter: Callable[[str], None] | None = None
#: Called with a command's `notice` (what it did beyond what was asked) after it is pushed;
#: the main window shows it in the status bar.
notice_reporter: Callable[[str], None] | None = None


def push(stack: QUndoStack, cmd: ModelCommand, parent: QWidget | None = None) -> bool:
    """Run `cmd` and put it on the stack; if the model or the file refuses it, say why and drop it."""
    cmd.in_push = True
    try:
        cmd.redo()
    except (MapError, StorageError) as exc:
        _report(str(exc), parent)
        return False
    finally:
        cmd.in_push = False
    cmd.done_once = True
    stack.push(cmd)
    notice = getattr(cmd, "notice", "")
    if notice and notice_reporter is not None:
        notice_reporter(notice)
    return True


def _report(message: str, parent: QWidget | None = None) -> None:
    if error_reporter is not None:
        error_reporter(message)
    elif parent is not None:
        QMessageBox.warning(parent, "Cruxmap", message)


class ModelCommand(QUndoCommand):
    """Base: runs `_redo`/`_undo` as one model batch; the first redo already ran in `push`."""

    def __init__(self, amap: ArgumentMap, text: str) -> None:
        super().__init__(text)
        self.amap = amap
        self.done_once = False
        self.in_push = False
        self.redone = False  # the last run was a redo from the stack (not the first push)

    def redo(self) -> None:
        if self.done_once:
            self.done_once = False
            self.redone = False
            return
        self.redone = not self.in_push
        self._guarded(self._redo, "" if self.in_push else "Redo: ")

    def undo(self) -> None:
        self._guarded(self._undo, "Undo: ")

    def _guarded(self, step: Callable[[], None], prefix: str = "") -> None:
        """Run one step as one batch; if it moves the thesis, the history records it in it."""
        try:
            with self.amap.batch(self.text()):
                before = _thesis_now(self.amap)
                step()
                _record_credence(self.amap, prefix + self.text(), before)
        except StorageError as exc:
            if self.in_push:
                raise  # push() reports it and never puts the command on the stack
            # The document has put the model back to what the file holds: this step is void.
            self.setObsolete(True)
            _report(str(exc))

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError

    def selection(self, undone: bool) -> list[str]:
        """The nodes to select after this step is undone (or redone), so the user sees what
        the step changed; [] keeps the selection as it is."""
        return []


class AddNodeCommand(ModelCommand):
    """Add a claim, counterclaim or evidence, optionally as a reason for `target`."""

    def __init__(
        self,
        amap: ArgumentMap,
        kind: str,
        title: str,
        *,
        target: str | None = None,
        relation: str = "supports",
        strength: str | float | None = None,  # a reason added by hand starts unweighed
        pos: tuple[float, float] | None = None,
        text: str = "",
        **fields: Any,
    ) -> None:
        what = "counterclaim" if relation == "attacks" and kind == "claim" else kind
        super().__init__(amap, f"Add {what} “{_short(title)}”")
        self.args = (kind, title, target, relation, strength, pos, text, fields)
        from model.entities import new_id

        self.node_id = new_id()
        self._node: Node | None = None
        self._edge: Edge | None = None
        self._titled = False

    def _redo(self) -> None:
        if self._node is not None:
            self.amap.insert_node(self._node)
            if self._edge is not None:
                self.amap.insert_edge(self._edge)
            return
        kind, title, target, relation, strength, pos, text, fields = self.args
        self.amap.add_node(kind, title, node_id=self.node_id, text=text, pos=pos, **fields)
        if target is not None:
            self._edge = self.amap.link(self.node_id, target, relation, strength)
        self._node = self.amap.node(self.node_id)

    def _undo(self) -> None:
        self.amap.remove_node(self.node_id)

    def id(self) -> int:  # noqa: A003 (Qt's name)
        return EditNodeCommand.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        """The title typed right after adding a node is part of adding it: one undo step."""
        if self._titled or not isinstance(other, EditNodeCommand):
            return False
        if other.node_id != self.node_id or set(other.changes) != {"title"}:
            return False
        self._titled = True
        self._node = other._new
        self.setText(self.text().split("“")[0] + f"“{_short(other.changes['title'])}”")
        return True

    def selection(self, undone: bool) -> list[str]:
        target = self.args[2]
        return ([target] if target else []) if undone else [self.node_id]


class RemoveNodesCommand(ModelCommand):
    """Delete nodes with their links; undo puts back nodes and links exactly."""

    def __init__(self, amap: ArgumentMap, node_ids: list[str]) -> None:
        ids = list(dict.fromkeys(node_ids))
        title = _short(amap.node(ids[0]).title) if len(ids) == 1 else f"{len(ids)} nodes"
        super().__init__(amap, f"Delete “{title}”" if len(ids) == 1 else f"Delete {title}")
        self.node_ids = ids
        self._removed: list[tuple[Node, list[Edge]]] = []

    def _redo(self) -> None:
        self._removed = [self.amap.remove_node(nid) for nid in self.node_ids]

    def _undo(self) -> None:
        for node, edges in reversed(self._removed):
            self.amap.restore_node(node, edges)

    def selection(self, undone: bool) -> list[str]:
        if undone:
            return list(self.node_ids)
        gone = set(self.node_ids)
        return list(dict.fromkeys(e.target for _n, edges in self._removed for e in edges
                                  if e.source in gone and e.target not in gone))  # fmt: skip


class EditNodeCommand(ModelCommand):
    """Change fields of a node; successive edits of the same fields of one node merge."""

    MERGE_ID = 1001

    def __init__(self, amap: ArgumentMap, node_id: str, **changes: Any) -> None:
        fields = ", ".join(sorted(changes))
        super().__init__(amap, f"Edit {fields} of “{_short(amap.node(node_id).title)}”")
        self.node_id = node_id
        self.changes = changes
        self._old: Node | None = None
        self._new: Node | None = None

    def _redo(self) -> None:
        if self._new is not None:
            self.amap.replace_node(self._new)
            return
        self._old = self.amap.update_node(self.node_id, **self.changes)
        self._new = self.amap.node(self.node_id)

    def _undo(self) -> None:
        assert self._old is not None
        self.amap.replace_node(self._old)

    def id(self) -> int:  # noqa: A003 (Qt's name)
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, EditNodeCommand) or other.node_id != self.node_id:
            return False
        if set(other.changes) != set(self.changes) or not set(self.changes) <= {"title", "text"}:
            return False
        self.changes = other.changes
        self._new = other._new
        return True

    def selection(self, undone: bool) -> list[str]:
        return [self.node_id]


class EditEdgeCommand(ModelCommand):
    """Change a link's relation, strength or strength range."""

    def __init__(self, amap: ArgumentMap, source: str, target: str, **changes: Any) -> None:
        what = "relation" if "relation" in changes else "strength"
        super().__init__(amap, f"Change link {what}")
        self.key = (source, target)
        self.changes = changes
        self._old: Edge | None = None

    def _redo(self) -> None:
        self._old = self.amap.update_edge(*self.key, **self.changes)

    def _undo(self) -> None:
        old = self._old
        assert old is not None
        self.amap.update_edge(
            *self.key, relation=old.relation, strength=old.strength,
            strength_range=old.strength_range,
        )  # fmt: skip

    def selection(self, undone: bool) -> list[str]:
        return [self.key[0]]


class LinkCommand(ModelCommand):
    """Make an existing node a reason for another (a graph, not only a tree)."""

    def __init__(
        self,
        amap: ArgumentMap,
        source: str,
        target: str,
        relation: str = "supports",
        strength: str | float | None = None,
    ) -> None:
        verb = "support" if relation == "supports" else "attack"
        super().__init__(amap, f"Link “{_short(amap.node(source).title)}” to {verb}")
        self.args = (source, target, relation, strength)

    def _redo(self) -> None:
        self.amap.link(*self.args)

    def _undo(self) -> None:
        self.amap.unlink(self.args[0], self.args[1])

    def selection(self, undone: bool) -> list[str]:
        return [self.args[0]]


class UnlinkCommand(ModelCommand):
    def __init__(self, amap: ArgumentMap, source: str, target: str) -> None:
        super().__init__(amap, "Remove link")
        self.key = (source, target)
        self._edge: Edge | None = None

    def _redo(self) -> None:
        self._edge = self.amap.unlink(*self.key)

    def _undo(self) -> None:
        assert self._edge is not None
        self.amap.insert_edge(self._edge)

    def selection(self, undone: bool) -> list[str]:
        return [self.key[0]]


class RelinkCommand(ModelCommand):
    """Re-attach a reason to another target (drag onto a node)."""

    def __init__(self, amap: ArgumentMap, source: str, old_target: str, new_target: str) -> None:
        super().__init__(amap, f"Move “{_short(amap.node(source).title)}”")
        self.args = (source, old_target, new_target)

    def _redo(self) -> None:
        source, old, new = self.args
        self.amap.relink(source, old, new)

    def _undo(self) -> None:
        source, old, new = self.args
        self.amap.relink(source, new, old)

    def selection(self, undone: bool) -> list[str]:
        return [self.args[0]]


class MoveNodesCommand(ModelCommand):
    """Place nodes by hand (one command per drag); placed nodes stay put on re-layout."""

    def __init__(self, amap: ArgumentMap, moves: dict[str, tuple[float, float]]) -> None:
        super().__init__(amap, "Move node" if len(moves) == 1 else f"Move {len(moves)} nodes")
        self.moves = moves
        self._old: list[Node] = []

    def _redo(self) -> None:
        self._old = [self.amap.node(nid) for nid in self.moves]
        for nid, pos in self.moves.items():
            self.amap.update_node(nid, pos=(float(pos[0]), float(pos[1])), pinned=True)

    def _undo(self) -> None:
        for node in self._old:
            self.amap.replace_node(node)

    def selection(self, undone: bool) -> list[str]:
        return list(self.moves)


class SetCollapsedCommand(ModelCommand):
    def __init__(self, amap: ArgumentMap, node_ids: list[str], collapsed: bool) -> None:
        super().__init__(amap, "Collapse" if collapsed else "Expand")
        self.node_ids = list(node_ids)
        self.collapsed = collapsed
        self._old: list[Node] = []

    def _redo(self) -> None:
        self._old = [self.amap.node(nid) for nid in self.node_ids]
        for nid in self.node_ids:
            self.amap.update_node(nid, collapsed=self.collapsed)

    def _undo(self) -> None:
        for node in self._old:
            self.amap.replace_node(node)

    def selection(self, undone: bool) -> list[str]:
        return list(self.node_ids)


class _ReadingFork:
    """An author's reading is a record, not edited in place: a weight edit made while one is
    active goes to a new copy of it ("Your view of …", `model.readings`), made active in the
    same undo step. `None` from `of` when the active scenario is not an author's reading."""

    def __init__(self, reading: str, copy: Scenario) -> None:
        self.reading, self.copy = reading, copy

    @classmethod
    def of(cls, amap: ArgumentMap) -> _ReadingFork | None:
        sc = amap.scenarios.get(amap.current_scenario)
        if not is_authors_reading(sc):
            return None
        return cls(sc.name, own_copy(sc, copy_name(amap.scenarios, sc.name)))

    @property
    def notice(self) -> str:
        return (f"Your edit went to a new scenario, “{self.copy.name}”; the author's reading "
                "stays as written")  # fmt: skip

    def make(self, amap: ArgumentMap, copy: Scenario | None = None) -> None:
        amap.put_scenario(copy or self.copy)
        amap.set_meta("scenario", self.copy.name)

    def unmake(self, amap: ArgumentMap) -> None:
        amap.set_meta("scenario", self.reading)
        amap.remove_scenario(self.copy.name)


def _holds(amap: ArgumentMap, kind: str, key: Any, value: float | str) -> bool:
    """Whether the active scenario already sets this value (picking the ticked strength
    again changes nothing, so it makes no copy of a reading)."""
    sc = amap.scenarios.get(amap.current_scenario)
    if sc is None:
        return False
    try:
        new = float(value) if kind == "prior" else strength_value(value)
    except (TypeError, ValueError):
        return False
    return (sc.priors if kind == "prior" else sc.strengths).get(key) == new


class SetWeightCommand(ModelCommand):
    """Set a prior ("prior", node id) or strength ("strength", (u, v)) in the active scenario
    (in a new copy of it when it is an author's reading: see `_ReadingFork`)."""

    MERGE_ID = 1002

    def __init__(self, amap: ArgumentMap, kind: str, key: Any, value: float | str) -> None:
        label = "reliability" if kind == "prior" and amap.node(key).kind == "evidence" else kind
        self.fork = None if _holds(amap, kind, key, value) else _ReadingFork.of(amap)
        scenario = self.fork.copy.name if self.fork else amap.current_scenario
        super().__init__(amap, f"Set {label}" + (f" in “{scenario}”" if scenario else ""))
        self.notice = self.fork.notice if self.fork else ""
        self.kind, self.key, self.value, self.scenario = kind, key, value, scenario
        self._old: Node | Edge | Scenario | None = None
        self._new: Node | Edge | Scenario | None = None

    def _redo(self) -> None:
        if self._new is not None:  # later redos put back the exact values of the first
            if self.fork is not None:
                self.fork.make(self.amap, self._new)
            else:
                self._put(self._new)
        else:
            if self.fork is not None:
                self.fork.make(self.amap)
            self._old = self._current()
            if self.kind == "prior":
                self.amap.set_prior(self.key, float(self.value), self.scenario)
            else:
                self.amap.set_strength(*self.key, self.value, self.scenario)
            self._new = self._current()

    def _undo(self) -> None:
        if self.fork is not None:
            self.fork.unmake(self.amap)
            return
        assert self._old is not None
        self._put(self._old)

    def _current(self) -> Node | Edge | Scenario:
        if self.scenario:
            return self.amap.scenarios[self.scenario]
        return self.amap.node(self.key) if self.kind == "prior" else self.amap.edge(*self.key)

    def _put(self, value: Node | Edge | Scenario) -> None:
        if isinstance(value, Scenario):
            self.amap.put_scenario(value)
        elif isinstance(value, Node):
            self.amap.replace_node(value)
        else:
            self.amap.update_edge(*value.key, strength=value.strength)

    def id(self) -> int:  # noqa: A003
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        """Dragging a slider gives many small steps: keep one undo step per weight (the first
        of them may have made the copy of a reading that the others edit)."""
        if not isinstance(other, SetWeightCommand) or other.fork is not None:
            return False
        if (other.kind, other.key, other.scenario) != (self.kind, self.key, self.scenario):
            return False
        self.value, self._new = other.value, other._new
        return True

    def selection(self, undone: bool) -> list[str]:
        return [self.key] if self.kind == "prior" else [self.key[0]]


class ResetWeightCommand(ModelCommand):
    """Drop the active scenario's override of a prior or strength (back to the map default);
    in a new copy of it when it is an author's reading (see `_ReadingFork`)."""

    def __init__(self, amap: ArgumentMap, kind: str, key: Any) -> None:
        self.fork = _ReadingFork.of(amap)
        self.scenario = self.fork.copy.name if self.fork else amap.current_scenario
        super().__init__(amap, f"Reset {kind} to map default in “{self.scenario}”")
        self.notice = self.fork.notice if self.fork else ""
        self.kind, self.key = kind, key
        self._old: Scenario | None = None

    def _redo(self) -> None:
        if self.fork is not None:
            self.fork.make(self.amap)
        sc = self._old = self.amap.scenarios[self.scenario]
        if self.kind == "prior":
            new = dataclasses.replace(
                sc, priors={k: v for k, v in sc.priors.items() if k != self.key}
            )
        else:
            strengths = {k: v for k, v in sc.strengths.items() if k != self.key}
            new = dataclasses.replace(sc, strengths=strengths)
        self.amap.put_scenario(new)

    def _undo(self) -> None:
        if self.fork is not None:
            self.fork.unmake(self.amap)
            return
        assert self._old is not None
        self.amap.put_scenario(self._old)

    def selection(self, undone: bool) -> list[str]:
        return [self.key] if self.kind == "prior" else [self.key[0]]


class EditNodesCommand(ModelCommand):
    """The same kind of change to several nodes (bulk kind or tag edits) as one step."""

    def __init__(self, amap: ArgumentMap, changes: dict[str, dict[str, Any]], text: str) -> None:
        super().__init__(amap, text)
        self.changes = changes
        self._old: list[Node] = []
        self._new: list[Node] = []

    def _redo(self) -> None:
        if self._new:
            for node in self._new:
                self.amap.replace_node(node)
            return
        self._old = [self.amap.update_node(nid, **ch) for nid, ch in self.changes.items()]
        self._new = [self.amap.node(nid) for nid in self.changes]

    def _undo(self) -> None:
        for node in self._old:
            self.amap.replace_node(node)

    def selection(self, undone: bool) -> list[str]:
        return list(self.changes)


class EditMapPropertiesCommand(ModelCommand):
    """Change the map's own title and description (File → Map Properties…) as one step.

    Only the values that differ are kept; undo puts each old value back, and forgets a
    setting the map did not have before (a new map has no description)."""

    FIELDS = ("title", "description")

    def __init__(self, amap: ArgumentMap, **values: str) -> None:
        unknown = set(values) - set(self.FIELDS)
        if unknown:
            raise MapError(f"not a map property: {', '.join(sorted(unknown))}")
        self.new = {k: v for k, v in values.items() if amap.meta.get(k, "") != v}
        if not self.new:
            raise MapError("the map's properties are unchanged")
        names = " and ".join(k for k in self.FIELDS if k in self.new)
        super().__init__(amap, f"Edit the map's {names}")
        self.old = {k: amap.meta.get(k) for k in self.new}

    def _redo(self) -> None:
        for key, value in self.new.items():
            self.amap.set_meta(key, value)

    def _undo(self) -> None:
        for key, value in self.old.items():
            if value is None:
                self.amap.remove_meta(key)
            else:
                self.amap.set_meta(key, value)


def _thesis_now(amap: ArgumentMap) -> float | None:
    from model.credence import thesis_credence

    return thesis_credence(amap)


def _record_credence(amap: ArgumentMap, note: str, before: float | None) -> None:
    """Log the thesis credence after any edit that moved it (add, delete, import, weigh…)."""
    from model.credence import record_if_changed

    record_if_changed(amap, note, before)


def _short(title: str, limit: int = 40) -> str:
    title = " ".join(title.split())
    return title if len(title) <= limit else title[: limit - 1] + "…"
