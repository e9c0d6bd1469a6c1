"""Undo commands for sources and citations (the inspector's Sources list, the Sources panel).

Same pattern as ui/commands.py: redo/undo call model methods only, inside one model batch
(one SQLite transaction), and keep the exact old values. Citing a new source is one
command, so one Ctrl+Z takes back both the citation and the source it created.
"""

from __future__ import annotations

from collections.abc import Iterable

from model.argmap import ArgumentMap, MapError
from model.entities import Citation, Node, Source
from ui.commands.edits import ModelCommand, _short


class PutSourcesCommand(ModelCommand):
    """Add new sources or update existing ones (by id); undo restores or removes them."""

    def __init__(self, amap: ArgumentMap, sources: Iterable[Source], text: str = "") -> None:
        self.sources = list(sources)
        label = text or (
            f"Edit source “{_short(self.sources[0].title)}”"
            if len(self.sources) == 1
            else f"Edit {len(self.sources)} sources"
        )
        super().__init__(amap, label)
        self._old: dict[str, Source | None] = {}

    def _redo(self) -> None:
        self._old = {s.id: self.amap.sources.get(s.id) for s in self.sources}
        _put_sources(self.amap, self.sources)

    def _undo(self) -> None:
        _restore_sources(self.amap, self._old)


class RemoveSourceCommand(ModelCommand):
    """Delete a source no node cites (the model refuses, with a reason, if one does)."""

    def __init__(self, amap: ArgumentMap, source_id: str) -> None:
        title = amap.sources[source_id].title if source_id in amap.sources else source_id
        super().__init__(amap, f"Delete source “{_short(title)}”")
        self.source_id = source_id
        self._old: Source | None = None

    def _redo(self) -> None:
        self._old = self.amap.remove_source(self.source_id)

    def _undo(self) -> None:
        assert self._old is not None
        self.amap.add_source(self._old)


class SetCitationsCommand(ModelCommand):
    """Replace a node's citations, first adding/updating the `sources` they need — one step.

    Covers add (old citations + a new one), edit (one replaced, maybe with its source's
    metadata) and remove (one dropped).
    """

    def __init__(
        self,
        amap: ArgumentMap,
        node_id: str,
        citations: Iterable[Citation],
        sources: Iterable[Source] = (),
        text: str = "",
    ) -> None:
        super().__init__(amap, text or f"Edit sources of “{_short(amap.node(node_id).title)}”")
        self.node_id = node_id
        self.citations = tuple(citations)
        self.sources = list(sources)
        self._old_node: Node | None = None
        self._new_node: Node | None = None
        self._old_sources: dict[str, Source | None] = {}

    def _redo(self) -> None:
        self._old_sources = {s.id: self.amap.sources.get(s.id) for s in self.sources}
        _put_sources(self.amap, self.sources)
        if self._new_node is not None:
            self.amap.replace_node(self._new_node)
            return
        self._old_node = self.amap.update_node(self.node_id, citations=self.citations)
        self._new_node = self.amap.node(self.node_id)

    def _undo(self) -> None:
        assert self._old_node is not None
        self.amap.replace_node(self._old_node)
        _restore_sources(self.amap, self._old_sources)

    def selection(self, undone: bool) -> list[str]:
        return [self.node_id]


def _put_sources(amap: ArgumentMap, sources: list[Source]) -> None:
    for s in sources:
        if not s.title.strip():
            raise MapError("a source needs a title")
        if s.id in amap.sources:
            amap.update_source(s)
        else:
            amap.add_source(s)


def _restore_sources(amap: ArgumentMap, old: dict[str, Source | None]) -> None:
    for sid, source in old.items():
        if source is None:
            amap.remove_source(sid)
        else:
            amap.update_source(source)
