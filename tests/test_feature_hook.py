"""PySide's import hook must not read module sources on a worker thread (ui/prefetch.py).

The window tests crashed about one run in three with a segfault in the GUI thread's event
processing while the prefetch thread imported scipy: shiboken's hook had opened each new
module's source there. A user would meet the same crash right after start-up.
"""

from __future__ import annotations

import builtins
import inspect
import sys
import threading

import ui.prefetch  # noqa: F401 - quiets the hook on import, as the app does


def test_a_module_imported_on_a_worker_thread_has_its_source_left_unread(
    tmp_path, monkeypatch
) -> None:
    reads: list[object] = []
    real = inspect.getsource
    monkeypatch.setattr(inspect, "getsource", lambda obj: reads.append(obj) or real(obj))
    (tmp_path / "cruxmap_fresh_module.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    got: list[object] = []
    worker = threading.Thread(
        target=lambda: got.append(builtins.__import__("cruxmap_fresh_module"))
    )
    worker.start()
    worker.join()
    sys.modules.pop("cruxmap_fresh_module", None)
    assert got and got[0].VALUE == 1
    assert reads == []
