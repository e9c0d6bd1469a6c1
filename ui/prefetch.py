"""Heavy libraries the user will soon need, imported on a background thread.

The first frame imports only what it draws (docs/performance.md, "Start-up"). scipy.stats
(trend fit bands) and sqlite-utils (the first edit's transaction) are pulled in here right
after the window is painted, so a person never waits for them. While the app builds its first
frame it `hold()`s the loader, so no import competes with that frame for the interpreter.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

#: Imported after the first frame, in this order: what the window needs soonest first.
AFTER_FIRST_FRAME = ("sqlite_utils", "scipy.stats")


def quiet_feature_hook() -> None:
    """Stop PySide reading the source of every module imported after it.

    Why: shiboken's import hook opens each new module's source (`inspect.getsource`) to see
    whether it selects a `from __feature__ import …`. Run on this loader's worker thread while
    the GUI thread handled events, that crashed the process in the GUI thread (a segfault in
    event processing, in about one run of the window tests in three). Cruxmap selects no
    feature, so every module may be marked "ignore" — what PySide marks a module that does not
    use it — without a look. Idempotent; does nothing on a PySide without the hook."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):
        feature._mod_uses_pyside = _uses_no_feature


def _uses_no_feature(module: object) -> bool:
    return False


quiet_feature_hook()  # PySide is imported above: before any worker thread can import


def is_loaded(name: str) -> bool:
    """Whether `name` is fully imported (not merely being imported by another thread)."""
    module = sys.modules.get(name)
    if module is None:
        return False
    spec = getattr(module, "__spec__", None)
    return not getattr(spec, "_initializing", False)


class _Loader(QObject):
    """Runs imports on a worker thread and calls the waiting callbacks on the GUI thread."""

    loaded = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.waiting: dict[str, list[Callable[[], None]]] = {}
        self.started: set[str] = set()
        self.held: list[str] = []
        self.after: list[Callable[[], None]] = []
        self.holding = False
        self.loaded.connect(self._deliver)

    def start(self, names: tuple[str, ...]) -> None:
        if self.holding:
            self.held.extend(names)
            return
        todo = [n for n in names if n not in self.started and not is_loaded(n)]
        self.started.update(todo)
        if todo:
            threading.Thread(target=self._run, args=(todo,), daemon=True, name="prefetch").start()

    def _run(self, names: list[str]) -> None:
        for name in names:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - the GUI thread's own import reports it properly
                pass
            self.loaded.emit(name)

    @Slot(str)
    def _deliver(self, name: str) -> None:
        for callback in self.waiting.pop(name, []):
            try:
                callback()
            except RuntimeError:  # its widget was closed meanwhile
                pass


_loader: _Loader | None = None


def _get_loader() -> _Loader:
    global _loader
    if _loader is None:
        _loader = _Loader()
    return _loader


def hold() -> None:
    """Queue background imports until `release()` (the app's first frame is being built)."""
    _get_loader().holding = True


def release(*names: str) -> None:
    """The first frame is on screen: finish the deferred widgets, then start the queued
    imports and `names` in the background (call from the GUI thread)."""
    loader = _get_loader()
    loader.holding = False
    callbacks, loader.after = loader.after, []
    for callback in callbacks:
        try:
            callback()
        except RuntimeError:  # its widget was closed meanwhile
            pass
    queued, loader.held = loader.held, []
    loader.start(tuple(dict.fromkeys((*names, *queued))))


def after_first_frame(callback: Callable[[], None]) -> None:
    """Run `callback` now, or, while the app builds its first frame, right after that frame."""
    if _loader is not None and _loader.holding:
        _loader.after.append(callback)
    else:
        callback()


def when_loaded(name: str, callback: Callable[[], None]) -> bool:
    """True when `name` can be used now; otherwise import it in the background and call
    `callback` on the GUI thread once it is in, and return False."""
    if is_loaded(name):
        return True
    loader = _get_loader()
    loader.waiting.setdefault(name, []).append(callback)
    loader.start((name,))
    return False
