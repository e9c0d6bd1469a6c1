"""File → Import Article…: read and propose in a child process, review, apply as one undo step.

Reading and proposing both run in the sandboxed child (storage.import_job) under a time and a
memory limit that the progress dialog shows; Cancel kills the child at once. A QThread waits for
it so the window stays responsive; a failure is one clear message and the map is untouched
until the user accepts proposals in the review dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from model.argmap import ArgumentMap
from storage.sandbox import IMPORT_TIME_LIMIT, Sandbox, limits_text
from ui.commands.edits import ModelCommand, push

if TYPE_CHECKING:  # the importer loads with the first import, not with the window
    from model.entities import Edge, Node, Series, Source
    from model.importer.apply import Decision, FactDecision
    from model.importer.article import ImportProposals

#: Where to pin an import's new cards (node id → centre), given their ids once they are in
#: the map and before the map announces them: the map view's `model.layout.place_group`.
Placer = Callable[[list[str]], dict[str, tuple[float, float]]]


class ImportArticleCommand(ModelCommand):
    """Add an article's accepted claims and trend facts (and its text as a source) as one step."""

    def __init__(
        self,
        amap: ArgumentMap,
        result: ImportProposals,
        decisions: list[Decision],
        facts: list[FactDecision] | None = None,
        place: Placer | None = None,
    ) -> None:
        title = result.article.title or "article"
        self.facts = list(facts or ())
        count = len(decisions) + len(self.facts)
        short = title if len(title) <= 40 else title[:39].rstrip() + "…"
        super().__init__(amap, f"Import “{short}” ({count} items)")
        self.result, self.decisions, self.place = result, decisions, place
        self._source: Source | None = None
        self._added: list[tuple[Node, list[Edge]]] = []
        self._cited: list[tuple[Node, Node]] = []  # (before, after) for duplicated nodes
        self._series: list[tuple[Series, Series]] = []  # (before, after) for series given points

    def _redo(self) -> None:
        from model.importer.apply import apply_import

        if self._source is None:
            before = {n.id: n for n in self.amap.nodes()}
            old = {f.series: self.amap.series[f.series] for f in self.facts
                   if f.series in self.amap.series}  # fmt: skip
            done = apply_import(self.amap, self.result.article, self.decisions, self.facts)
            if self.place is not None:  # the new cards together, where they can be read
                for nid, pos in self.place(done["nodes"]).items():
                    self.amap.update_node(nid, pos=pos, pinned=True)
            self._source = self.amap.sources[done["source"]]
            self._added = [(self.amap.node(i), self.amap.targets(i)) for i in done["nodes"]]
            self._cited = [(before[i], self.amap.node(i)) for i in dict.fromkeys(done["cited"])]
            self._series = [(s, self.amap.series[name]) for name, s in old.items()]
            return
        self.amap.add_source(self._source)
        for node, edges in self._added:
            self.amap.restore_node(node, edges)
        for _, after in self._cited:
            self.amap.replace_node(after)
        for _, after in self._series:
            self.amap.put_series(after)

    def _undo(self) -> None:
        for before, _ in self._series:
            self.amap.put_series(before)
        for node, _ in reversed(self._added):
            self.amap.remove_node(node.id)
        for before, _ in self._cited:
            self.amap.replace_node(before)
        assert self._source is not None
        self.amap.remove_source(self._source.id)

    def selection(self, undone: bool) -> list[str]:
        """Redone: the new cards (the existing nodes the article only restated, which may lie
        anywhere on the map, such as the thesis, only when nothing new came in); undone: the
        nodes the new cards were reasons for."""
        if not undone:
            return [node.id for node, _ in self._added] or [a.id for _, a in self._cited]
        return list(dict.fromkeys(e.target for _, edges in self._added for e in edges))


class _ImportWorker(QObject):
    """Waits, off the GUI thread, for the sandboxed child that reads and proposes."""

    finished = Signal(object, list)  # ImportProposals, notices
    failed = Signal(str)

    def __init__(
        self, target: str, amap: ArgumentMap, limit: float, box: Sandbox | None = None
    ) -> None:
        from model.importer.apply import node_refs

        super().__init__()
        self.target, self.limit = target, limit
        thesis = amap.thesis
        self.refs = node_refs(amap)  # taken on the GUI thread: the map is not thread-safe
        self.thesis_id = thesis.id if thesis else ""
        # cancel() kills its child from the GUI thread
        self.box = box if box is not None else Sandbox(timeout=limit)

    def run(self) -> None:
        from storage.articles import ArticleError
        from storage.import_job import import_article
        from storage.sandbox import SandboxError

        try:
            with self.box:
                outcome = import_article(self.target, self.refs, self.thesis_id,
                                         limit=self.limit, box=self.box)  # fmt: skip
        except (ArticleError, SandboxError) as exc:
            self.failed.emit(str(exc))
            return
        self.finished.emit(outcome.result, outcome.notices)


#: How long after the map's first frame the standby import child starts: after the window's
#: own start-up work (panels, the credence, the libraries loaded after the first frame).
STANDBY_DELAY_MS = 2000


class ArticleImporter(QObject):
    """Runs one import at a time for the main window."""

    #: The nodes an import added or cited, for the map to select and show.
    imported = Signal(list)

    def __init__(self, amap: ArgumentMap, undo_stack: QUndoStack, parent: QWidget) -> None:
        super().__init__(parent)
        self.amap, self.undo_stack, self.window = amap, undo_stack, parent
        self._thread: QThread | None = None
        self._progress: QProgressDialog | None = None
        self._spare: Sandbox | None = None
        self._closed = False
        self.limit = IMPORT_TIME_LIMIT
        self.placer: Placer | None = None  # set by the workspace: the map's place_group
        self._clock = QElapsedTimer()
        self._ticker = QTimer(self, interval=250)
        self._ticker.timeout.connect(self._tick)

    def prewarm(self) -> None:
        """Start the child that will import, so it loads the importer (~0.5 s) before the user
        has chosen a file; start() takes it, drop_spare() ends it unused. One such child is
        kept ready: started soon after the map's first frame (keep_ready) and again after each
        import, it makes a file dropped with no warning as quick as one chosen in the dialog."""
        if self._thread is None and self._spare is None and not self._closed:
            spare = Sandbox(timeout=self.limit, warm="import")
            try:
                spare.start()
            except OSError:  # no process could be started now: the import will say so
                return
            self._spare = spare

    def keep_ready(self, delay_ms: int | None = None) -> None:
        """Start the standby child after `delay_ms` (STANDBY_DELAY_MS), when the window's own
        start-up work (panels, credence, the libraries loaded after the first frame) is done."""
        QTimer.singleShot(STANDBY_DELAY_MS if delay_ms is None else delay_ms, self, self.prewarm)

    def drop_spare(self) -> None:
        """End the prewarmed child no import took, for good (the map or the app closes)."""
        self._closed = True
        spare, self._spare = self._spare, None
        if spare is not None:
            spare.close()

    def start(self, target: str) -> None:
        """Import a file path or an http(s) URL."""
        if self._thread is not None:
            QMessageBox.information(self.window, "Cruxmap", "An import is already running.")
            return
        if self.amap.thesis is None:
            QMessageBox.warning(self.window, "Cruxmap", "Add a thesis to the map before importing.")
            return
        self._progress = dlg = QProgressDialog(self._label(0), "Cancel", 0, 1000, self.window)
        dlg.setWindowTitle("Import Article")
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(0)
        dlg.setAutoReset(False)
        dlg.setAutoClose(False)
        self._thread = thread = QThread(self)
        box, self._spare = self._spare, None
        self._worker = worker = _ImportWorker(target, self.amap, self.limit, box)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        dlg.canceled.connect(self._on_cancel)
        self._clock.start()
        self._ticker.start()
        thread.start()

    def _label(self, seconds: float) -> str:
        return (f"Reading the article and finding claims… {seconds:.0f} s\n"
                f"(runs in a separate process that {limits_text(self.limit)})")  # fmt: skip

    def _tick(self) -> None:
        """Time is the only honest progress of one child call: show it against the limit."""
        if self._progress is None or self._progress.wasCanceled():
            return
        seconds = self._clock.elapsed() / 1000
        self._progress.setLabelText(self._label(seconds))
        self._progress.setValue(min(999, int(1000 * seconds / self.limit)))

    def _stop(self) -> bool:
        """End the worker thread; True if the user had cancelled."""
        self._ticker.stop()
        cancelled = self._progress is not None and self._progress.wasCanceled()
        if self._progress is not None:
            self._progress.reset()
            # Hidden now, not at its deferred deletion: a message box's nested event loop would
            # otherwise show the error over a progress dialog still on screen.
            self._progress.hide()
            self._progress.deleteLater()
            self._progress = None
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
            self._thread = None
        self.keep_ready(0)  # the next article: a fresh child warms while this one is reviewed
        return cancelled

    def cancel(self) -> None:
        """Stop the import in progress: the child process is killed at once."""
        if self._progress is not None and not self._progress.wasCanceled():
            self._progress.canceled.emit()  # as the Cancel button does: cancel() + _on_cancel

    def _on_cancel(self) -> None:
        if self._progress is not None:
            self._progress.setLabelText("Cancelling…")
        if self._thread is not None:
            self._worker.box.cancel()  # the worker then reports "cancelled": dropped quietly

    def _on_failed(self, message: str) -> None:
        if not self._stop():
            QMessageBox.warning(self.window, "Import Article", message)

    def _on_finished(self, result: ImportProposals, notices: list) -> None:
        if self._stop():
            return
        for notice in notices:
            self.window.statusBar().showMessage(notice, 15000)
        if not result.proposals and not result.trend_facts:
            QMessageBox.information(
                self.window, "Import Article",
                f"No argumentative claims or trend facts were found in “{result.article.title or 'the article'}”.",
            )  # fmt: skip
            return
        self.review(result)

    def review(self, result: ImportProposals) -> bool:
        """Show the review dialog; apply the accepted items as one undoable command."""
        from model.importer.apply import node_refs
        from ui.importing.import_dialog import ImportDialog

        dialog = ImportDialog(
            result, node_refs(self.amap), parent=self.window, series=self.amap.series
        )
        if not dialog.exec():
            return False
        decisions, facts = dialog.decisions(), dialog.fact_decisions()
        if not decisions and not facts:
            return False
        cmd = ImportArticleCommand(self.amap, result, decisions, facts, self.placer)
        ok = push(self.undo_stack, cmd, self.window)
        if ok:
            points = f" and {len(facts)} trend points" if facts else ""
            self.window.statusBar().showMessage(
                f"Imported {len(decisions)} items{points} from “{result.article.title}”", 8000
            )
            self.imported.emit(cmd.selection(undone=False))
        return ok
