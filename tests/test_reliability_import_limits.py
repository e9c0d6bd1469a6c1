"""The whole import runs in the sandbox with limits the user sees and can cancel (issue 14,
class 3): a pathological article ends within its limit with a clear message; Cancel stops it."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from model.importer.apply import node_refs
from model.importer.pipeline import propose
from storage.articles import ArticleError, read_article
from storage.import_job import import_article
from storage.sandbox import Sandbox, SandboxError
from storage.seedmap import load_seed

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).with_name("fixtures") / "articles"


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args],
                          capture_output=True, text=True, timeout=240)  # fmt: skip


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("m") / "m.cruxmap"
    assert cli("new", str(path), "--seed").returncode == 0
    return path


def test_proposals_from_the_child_equal_those_made_in_process() -> None:
    amap = load_seed()
    path = str(ARTICLES / "bitter_lesson_notes.md")
    outcome = import_article(path, node_refs(amap), amap.thesis.id)
    here = propose(read_article(path), node_refs(amap), amap.thesis.id)
    assert outcome.result == here and outcome.notices == []


def test_a_long_article_is_searched_in_part_with_a_notice() -> None:
    amap = load_seed()
    path = ARTICLES / "bitter_lesson_notes.md"
    size = len(read_article(str(path)).text)
    outcome = import_article(str(path), node_refs(amap), amap.thesis.id, max_chars=size // 3)
    assert len(outcome.notices) == 1 and "only its first" in outcome.notices[0]
    assert len(outcome.result.article.text) == size  # the source keeps the whole text
    assert all(p.end <= size // 3 for p in outcome.result.proposals)


@pytest.mark.slow
def test_a_pathological_article_ends_within_its_limit_with_a_message(seed_file, tmp_path) -> None:
    """One 100,000-letter word among full stops: once minutes of proposing in the parent."""
    evil = tmp_path / "longword.txt"
    evil.write_text("Scaling will not lead to AGI. " * 3 + "a" * 100_000
                    + ". Dr. Smith says e.g. this is so. " * 10, encoding="utf-8")  # fmt: skip
    r = cli("import", str(evil), "--map", str(seed_file), "--time-limit", "8")
    assert "Traceback" not in r.stderr
    assert r.returncode == 0 or "took longer than 8 s and was stopped" in r.stderr, r.stderr


@pytest.mark.slow
def test_an_article_too_big_to_analyse_is_refused_for_memory_not_the_machine(seed_file, tmp_path):
    """40,000 one-line paragraphs: a dense similarity matrix once grew past 22 GB."""
    evil = tmp_path / "lines.md"
    evil.write_text("\n\n".join(f"Line {i} says scaling works {i % 7}." for i in range(40_000)),
                    encoding="utf-8")  # fmt: skip
    r = cli("import", str(evil), "--map", str(seed_file), "--time-limit", "60")
    assert "Traceback" not in r.stderr
    assert r.returncode == 0 or "memory" in r.stderr or "took longer" in r.stderr, r.stderr


def test_an_orphaned_child_ends_when_its_parent_dies() -> None:
    """A parent killed mid-import must not leave its child burning CPU until the work ends."""
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from storage.sandbox import Sandbox; "
            "box = Sandbox(timeout=600); box._proc = box._start(); print(box._proc.pid, flush=True); "
            "box._proc.stdin.write(b'{\"f\": \"burn\", \"args\": [600]}\\n'); box._proc.stdin.flush(); "
            "import os; os._exit(0)")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True,
                         timeout=60).stdout  # fmt: skip
    pid = int(out.split()[0])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
        time.sleep(0.2)
    assert not Path(f"/proc/{pid}").exists(), "the orphaned child is still running"


def test_cancel_stops_the_child_at_once() -> None:
    box = Sandbox(timeout=600)
    threading.Timer(1.0, box.cancel).start()
    with pytest.raises(SandboxError, match="cancelled") as info:
        box.call("burn", 600)
    assert info.value.kind == "cancelled"
    box.close()


def test_progress_dialog_shows_the_limits_and_cancel_ends_the_import(qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QMainWindow, QMessageBox

    from ui.app import make_app
    from ui.importing import import_flow

    make_app()
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))

    def slow_import(target, refs, thesis_id, *, limit, box):  # noqa: ANN001, ANN202
        box.call("burn", 600, timeout=limit)  # a child that would run for ten minutes
        raise AssertionError("not reached")

    import storage.import_job

    monkeypatch.setattr(storage.import_job, "import_article", slow_import)  # loaded on use
    window = QMainWindow()
    qtbot.addWidget(window)
    importer = import_flow.ArticleImporter(load_seed(), None, window)
    importer.start(str(ARTICLES / "bitter_lesson_notes.md"))
    qtbot.waitUntil(lambda: "… 0 s" not in importer._progress.labelText(), timeout=10_000)
    try:
        label = importer._progress.labelText()
        assert "60 s" in label and "1 GiB of memory" in label  # not "1024 MB"
    finally:
        importer.cancel()
    qtbot.waitUntil(lambda: importer._thread is None, timeout=30_000)
    assert messages == []  # a cancel is not an error


def test_cli_import_failure_is_one_line(seed_file, tmp_path) -> None:
    with pytest.raises(ArticleError):
        read_article(str(tmp_path / "missing.txt"))
    r = cli("import", str(tmp_path / "missing.txt"), "--map", str(seed_file))
    assert r.returncode == 2 and r.stderr.count("\n") == 1
