"""Merge two nodes that say the same thing: one undoable step.

The kept node takes over the other's citations (its quotes stay with the argument), tags
and links; where both bore on the same target, the kept node's link stays as it is. The
other node is removed. Undo puts back both nodes and every link exactly.
"""

from __future__ import annotations

import dataclasses

from model.argmap import ArgumentMap, MapError
from model.entities import Edge, Node
from ui.commands.edits import ModelCommand, _short


class MergeNodesCommand(ModelCommand):
    """Fold `drop` into `keep`."""

    def __init__(self, amap: ArgumentMap, keep: str, drop: str) -> None:
        if keep == drop:
            raise MapError("a node cannot be merged with itself")
        if amap.node(drop).kind == "thesis":
            raise MapError("the thesis cannot be merged into another node")
        super().__init__(amap, f"Merge “{_short(amap.node(drop).title)}” into "
                               f"“{_short(amap.node(keep).title)}”")  # fmt: skip
        self.keep, self.drop = keep, drop
        self._old_keep: Node | None = None
        self._removed: tuple[Node, list[Edge]] | None = None
        self._added: list[Edge] = []

    def _redo(self) -> None:
        amap, keep, drop = self.amap, self.keep, self.drop
        kept, gone = amap.node(keep), amap.node(drop)
        self._old_keep = kept
        moved = [e for e in amap.reasons(drop) + amap.targets(drop)]
        self._removed = amap.remove_node(drop)
        self._added = []
        for e in moved:
            new = dataclasses.replace(
                e,
                source=keep if e.source == drop else e.source,
                target=keep if e.target == drop else e.target,
            )
            if new.source == new.target or amap.graph.has_edge(new.source, new.target):
                continue
            amap.insert_edge(new)
            self._added.append(new)
        cites = kept.citations + tuple(c for c in gone.citations if c not in kept.citations)
        tags = tuple(dict.fromkeys(kept.tags + gone.tags))
        amap.update_node(keep, citations=cites, tags=tags)

    def _undo(self) -> None:
        assert self._old_keep is not None and self._removed is not None
        for e in self._added:
            self.amap.unlink(e.source, e.target)
        self.amap.replace_node(self._old_keep)
        self.amap.restore_node(*self._removed)

    def selection(self, undone: bool) -> list[str]:
        return [self.keep, self.drop] if undone else [self.keep]
