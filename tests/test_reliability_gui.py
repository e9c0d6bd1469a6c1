"""The app opens or refuses every map with a message, never dies, and falls back to the last
good map: at start-up (a bad requested or last map) and when a map opens but cannot be shown."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")
from hostile import base_map, hostile_sqlite_map  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from storage.document import MapDocument  # noqa: E402

SAMPLE = 40


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.cruxmap"
    MapDocument.create(path, base_map()).close()
    return path


@pytest.fixture
def window(bare_window):
    return bare_window


def test_every_hostile_map_opens_or_is_refused_and_the_last_good_map_stays(window, good, tmp_path):
    assert window.open_path(good)
    opened = 0
    for seed in range(SAMPLE):
        path = tmp_path / f"h{seed}.cruxmap"
        hostile_sqlite_map(path, seed)
        shown = len(window.warnings)
        if window.open_path(path):
            opened += 1
            assert window.doc.path == path
            assert window.open_path(good)
        else:
            assert len(window.warnings) == shown + 1  # one message, and the good map is kept
            assert window.doc is not None and window.doc.path == good
    assert 0 < opened < SAMPLE


def test_a_map_the_views_cannot_show_falls_back_to_the_last_good_map(window, good, tmp_path,
                                                                    monkeypatch) -> None:  # fmt: skip
    import ui.workspace

    odd = tmp_path / "odd.cruxmap"
    MapDocument.create(odd, base_map()).close()
    real = ui.workspace.build_workspace

    def choke(win, doc):  # noqa: ANN001, ANN202 - stands for any view that fails on a value
        if doc.path == odd:
            raise ValueError("a value the canvas cannot draw")
        return real(win, doc)

    monkeypatch.setattr(ui.workspace, "build_workspace", choke)
    assert window.open_path(good)
    assert not window.open_path(odd)
    assert "odd.cruxmap could not be shown" in window.warnings[-1]
    assert window.doc is not None and window.doc.path == good
    assert MapDocument.open(odd, readonly=True).map == base_map()  # the file is untouched


def test_startup_with_a_bad_map_falls_back_to_the_last_good_one(window, good, tmp_path) -> None:
    from ui.app import open_first_good

    bad = tmp_path / "bad.cruxmap"
    hostile_sqlite_map(bad, 0)  # refused: a BLOB where a setting's name belongs
    QSettings().setValue("files/last", str(good))
    open_first_good(window, str(bad))
    assert "cannot read" in window.warnings[0]
    assert window.doc is not None and window.doc.path == good
