"""After an undo or redo, select what the step changed and bring it into view.

Undoing "Delete" should show the node that came back, undoing "Add reason" its parent, and
redoing an edit the node it edits: otherwise the map changes somewhere the user is not
looking. QUndoStack says only that its index moved; the command it crossed says what to
select (`ModelCommand.selection`). A push also moves the index, but the editor has already
selected the new node then, so only undo and redo are followed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from ui.commands.edits import ModelCommand

if TYPE_CHECKING:
    from ui.map.scene import MapScene
    from ui.map.view import MapView


class UndoFocus(QObject):
    def __init__(self, stack: QUndoStack, scene: MapScene, view: MapView) -> None:
        super().__init__(scene)
        self.stack, self.scene, self.view = stack, scene, view
        self._index = stack.index()
        stack.indexChanged.connect(self._moved)

    def detach(self) -> None:
        self.stack.indexChanged.disconnect(self._moved)

    def _moved(self, index: int) -> None:
        before, self._index = self._index, index
        if index == before - 1:
            self._follow(self.stack.command(index), undone=True)
        elif index == before + 1:
            command = self.stack.command(before)
            if isinstance(command, ModelCommand) and command.redone:
                self._follow(command, undone=False)

    def _follow(self, command: object, undone: bool) -> None:
        if not isinstance(command, ModelCommand):
            return
        amap = self.scene.amap
        ids = [nid for nid in command.selection(undone) if nid in amap]
        if not ids:
            return
        self.scene.select_nodes(ids)
        self.view.show_nodes(ids)
