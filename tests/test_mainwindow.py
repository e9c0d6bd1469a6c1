"""The real window: opens the seed map with one item per node and link, keeps the open map when
another file fails to open, and turns an imported article into one undoable step."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from model.importer.apply import Decision  # noqa: E402
from model.importer.article import Article, ImportProposals  # noqa: E402
from storage.document import MapDocument  # noqa: E402
from storage.seedmap import load_seed  # noqa: E402

ARTICLE = Path(__file__).parent / "fixtures" / "articles" / "plain_debate.txt"


@pytest.fixture
def seed_path(tmp_path: Path) -> Path:
    path = tmp_path / "seed.cruxmap"
    MapDocument.create(path, load_seed()).close()
    return path


@pytest.fixture
def window(bare_window, seed_path):
    w = bare_window
    assert w.open_path(seed_path)
    w.show()
    return w


def test_window_opens_the_seed_map_with_one_item_per_node_and_link(window) -> None:
    amap = window.doc.map
    scene = window.workspace.scene
    assert len(amap) >= 50
    assert {i.node_id for i in scene.node_items()} == set(amap.graph.nodes)
    for u, v in amap.graph.edges:
        assert scene.edge_item(u, v) is not None
    assert "seed.cruxmap" in window.windowTitle()
    assert "Thesis" in window._credence_label.text()


def test_selecting_a_node_shows_it_in_the_inspector(window, qtbot) -> None:
    scene = window.workspace.scene
    scene.select_nodes(["thesis"])
    inspector = window.panels["inspector"]
    qtbot.waitUntil(lambda: "2040" in inspector.title.toPlainText(), timeout=2000)


def test_a_file_that_fails_to_open_leaves_the_current_map_open(window, tmp_path) -> None:
    bad = tmp_path / "bad.cruxmap"
    bad.write_bytes(b"not a map at all" * 20)
    before = window.doc.path
    assert not window.open_path(bad)
    assert window.doc.path == before
    assert window.warnings and "not a Cruxmap map" in window.warnings[-1]


def test_close_and_reopen_recent(window, seed_path) -> None:
    window.close_map()
    assert window.doc is None and window.windowTitle() == "Cruxmap"
    assert str(seed_path.resolve()) in window._recent()
    assert window.open_path(seed_path)


def test_import_review_applies_one_undoable_step(window, monkeypatch, qtbot) -> None:
    from ui.commands.edits import push
    from ui.importing.import_flow import ImportArticleCommand

    amap = window.doc.map
    before = amap.snapshot()
    text = "Synthetic data will not rescue scaling. Benchmarks keep improving with scale."
    article = Article(title="A test article", author="Us", date="", url="", text=text, kind="text")
    result = ImportProposals(article=article, thesis_id="thesis")
    decisions = [
        Decision(
            text[:39], 0, 39, "Synthetic data will not rescue scaling", "con", "thesis", "attacks"
        ),
        Decision(
            text[40:], 40, len(text), "Benchmarks keep improving", "pro", "thesis", "duplicate"
        ),
    ]
    assert push(window.undo_stack, ImportArticleCommand(amap, result, decisions))
    added = [n for n in amap.nodes() if n.title == "Synthetic data will not rescue scaling"]
    assert len(added) == 1 and added[0].citations[0].quote == text[:39]
    assert amap.edge(added[0].id, "thesis").relation == "attacks"
    assert any(c.start == 40 for c in amap.node("thesis").citations)
    after = amap.snapshot()
    window.undo_stack.undo()
    assert amap.snapshot() == before
    window.undo_stack.redo()
    assert amap.snapshot() == after
    qtbot.waitUntil(lambda: not window.doc.unwritten, timeout=2000)  # written after its frame
    reopened = MapDocument.open(window.doc.path)
    assert reopened.map.snapshot() == after
    reopened.close()


def test_the_undo_label_of_an_import_with_a_long_title_says_it_is_cut(window) -> None:
    from ui.importing.import_flow import ImportArticleCommand

    long = "Why Betting Against Scaling is a Losing Proposition for Everyone Involved"
    article = Article(title=long, author="", date="", url="", text="x", kind="text")
    cmd = ImportArticleCommand(window.doc.map, ImportProposals(article, "thesis"), [])
    assert cmd.text() == "Import “Why Betting Against Scaling is a Losing…” (0 items)"
    short = Article(title="Short title", author="", date="", url="", text="x", kind="text")
    cmd = ImportArticleCommand(window.doc.map, ImportProposals(short, "thesis"), [])
    assert cmd.text() == "Import “Short title” (0 items)"


def test_after_an_import_the_map_selects_and_shows_what_came_in(window, monkeypatch) -> None:
    """The review accepted: the imported claims are selected on the map and in view (the
    status bar alone did not say where they went)."""
    from ui.importing.import_dialog import ImportDialog

    text = "Synthetic data will not rescue scaling."
    article = Article(title="A test article", author="Us", date="", url="", text=text, kind="text")
    result = ImportProposals(article=article, thesis_id="thesis")
    decision = Decision(text, 0, len(text), "Synthetic data will not rescue scaling", "con",
                        "thesis", "attacks")  # fmt: skip
    monkeypatch.setattr(ImportDialog, "exec", lambda self: 1)
    monkeypatch.setattr(ImportDialog, "decisions", lambda self: [decision])
    monkeypatch.setattr(ImportDialog, "fact_decisions", lambda self: [])
    from ui.map.view import READABLE

    window.workspace.view.set_zoom(0.1)  # zoomed out: cards are faded boxes
    assert window.workspace.importer.review(result)
    (added,) = [n.id for n in window.doc.map.nodes() if n.title == decision.title]
    scene, view = window.workspace.scene, window.workspace.view
    assert scene.selected_node_ids() == [added]
    assert view.visible_scene_rect().contains(scene.node_item(added).sceneBoundingRect())
    assert view.zoom() >= READABLE  # its title can be read


def framed(view, scene, ids) -> bool:  # noqa: ANN001
    """The cards of `ids` fill the view as Zoom to Selection shows them: whole (zoomed out,
    with their labels, which hang right and down from the cards), fitted with a 60-unit
    margin so that they fill it one way, at most 100 %."""
    from PySide6.QtCore import QRectF

    from model.layout import NODE_H, NODE_W
    from ui.map.view import FIT_MAX, LABEL_ROOM, READABLE

    box = QRectF()
    for nid in ids:
        box = box.united(scene.node_item(nid).sceneBoundingRect())
    box = box.adjusted(-60, -60, 60, 60)
    zoom = view.zoom()
    if zoom < READABLE:
        box.adjust(
            0, 0, max(0, LABEL_ROOM[0] / zoom - NODE_W), max(0, LABEL_ROOM[1] / zoom - NODE_H)
        )
    shown = view.visible_scene_rect()
    slack = 0.01 * max(box.width(), box.height())
    fills = max(box.width() / shown.width(), box.height() / shown.height())
    return shown.adjusted(-slack, -slack, slack, slack).contains(box) and (
        zoom == pytest.approx(FIT_MAX) or fills > 0.97
    )


def test_after_an_import_the_view_frames_the_new_cards_as_zoom_to_selection(
    window, monkeypatch
) -> None:
    """Two new claims and one sentence that restates the thesis: the new cards are selected
    and fitted in the view (at most 100 %), from a view zoomed far in elsewhere; the thesis,
    which the article only cited, is neither selected nor framed (with it the view took in
    the whole row of links into the thesis)."""
    from ui.importing.import_dialog import ImportDialog

    one, two = "Synthetic data will not rescue scaling.", "Benchmarks saturate before skills do."
    same = "Scaling current LLM approaches leads to AGI by 2040."
    text = f"{one} {two} {same}"
    article = Article(title="Three sentences", author="Us", date="", url="", text=text,
                      kind="text")  # fmt: skip
    b, c = len(one) + 1, len(one) + len(two) + 2
    decisions = [
        Decision(one, 0, len(one), one.rstrip("."), "con", "thesis", "attacks"),
        Decision(two, b, b + len(two), two.rstrip("."), "con", "data-runs-out", "supports"),
        Decision(same, c, c + len(same), same, "pro", "thesis", "duplicate"),
    ]
    monkeypatch.setattr(ImportDialog, "exec", lambda self: 1)
    monkeypatch.setattr(ImportDialog, "decisions", lambda self: decisions)
    monkeypatch.setattr(ImportDialog, "fact_decisions", lambda self: [])
    scene, view = window.workspace.scene, window.workspace.view
    view.set_zoom(3.0)  # zoomed far in, on the map's corner
    view.centerOn(0, 0)
    assert window.workspace.importer.review(ImportProposals(article=article, thesis_id="thesis"))
    new = {n.id for n in window.doc.map.nodes() if n.title in (one.rstrip("."), two.rstrip("."))}
    assert len(new) == 2 and set(scene.selected_node_ids()) == new, "the new cards, not the thesis"
    assert framed(view, scene, new)
    assert not view.auto_fit


def test_one_imported_card_is_framed_at_most_at_its_own_size(window, monkeypatch) -> None:
    """From a view zoomed in to 300 %, one new card is shown whole at 100 %, not blown up to
    as much of the window as it could fill; from a far zoomed-out view, it is zoomed in to."""
    from ui.importing.import_dialog import ImportDialog

    scene, view = window.workspace.scene, window.workspace.view
    monkeypatch.setattr(ImportDialog, "exec", lambda self: 1)
    monkeypatch.setattr(ImportDialog, "fact_decisions", lambda self: [])
    for i, zoom in enumerate((3.0, 0.1)):
        text = f"Claim number {i} will not hold."
        article = Article(title=f"One {i}", author="", date="", url="", text=text, kind="text")
        decision = Decision(text, 0, len(text), text[:-1], "con", "thesis", "attacks")
        monkeypatch.setattr(ImportDialog, "decisions", lambda self, d=decision: [d])
        view.set_zoom(zoom)
        view.centerOn(0, 0)
        assert window.workspace.importer.review(ImportProposals(article, "thesis"))
        (added,) = scene.selected_node_ids()
        assert framed(view, scene, [added]), zoom


def test_import_of_a_binary_file_says_why_and_changes_nothing(
    window, qtbot, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    shown_with = []  # progress dialogs still on screen when the message appears

    def warn(*a, **k) -> None:  # noqa: ANN002, ANN003
        bars = window.findChildren(QProgressDialog)
        shown_with.append([d for d in bars if d.isVisible()])
        window.warnings.append(a[2])

    monkeypatch.setattr(QMessageBox, "warning", warn)
    junk = tmp_path / "junk.html"
    junk.write_bytes(bytes(range(256)) * 64)
    before = window.doc.map.snapshot()
    window.import_article(str(junk))
    qtbot.waitUntil(lambda: window.workspace.importer._thread is None, timeout=30_000)
    assert window.warnings, "the user is told why"
    assert shown_with == [[]], "the message is not drawn over the progress dialog"
    assert window.doc.map.snapshot() == before


def _texts(menu) -> list[str]:  # noqa: ANN001
    return [a.text().replace("&", "") for a in menu.actions() if a.text()]


def test_the_import_dialog_opens_where_the_last_article_came_from(
    window, monkeypatch, tmp_path
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog

    QSettings().remove("paths")
    folder = tmp_path / "articles"
    folder.mkdir()
    seen, imported = [], []
    chosen = str(folder / "essay.md")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: seen.append(a[2]) or (chosen, "")
    )
    monkeypatch.setattr(window, "import_article", imported.append)
    try:
        window.workspace.import_article_dialog()
        window.workspace.import_article_dialog()
    finally:
        QSettings().remove("paths")
    assert imported == [chosen, chosen]
    assert seen[1] == str(folder) and seen[0] != str(folder)


def test_menus_offer_every_capability_of_the_open_map(window) -> None:
    file_items = _texts(window.file_menu)
    for expected in ("Import Article…", "Import Trend Data…", "Export Report…", "Save As…",
                     "Open Recent", "Export Visible Map as PNG…"):  # fmt: skip
        assert any(t.startswith(expected) for t in file_items), expected
    assert any("Undo" in t for t in _texts(window.edit_menu))
    assert any(t.startswith("Find") for t in _texts(window.edit_menu))
    assert "Colour Scheme" in _texts(window.view_menu)


def test_undo_menu_names_the_edit_to_be_undone(window) -> None:
    from ui.commands.edits import EditNodeCommand, push

    push(window.undo_stack, EditNodeCommand(window.doc.map, "thesis", title="Scaling gets there"))
    undo = window.edit_menu.actions()[0]
    assert "Edit title" in undo.text()
    undo.trigger()
    assert window.doc.map.node("thesis").title.startswith("Scaling current LLM")


def test_dark_scheme_repaints_the_map_dark(window) -> None:
    window.set_color_scheme("dark")
    try:
        assert window.workspace.scene.look.theme.dark
    finally:
        window.set_color_scheme("light")
    assert not window.workspace.scene.look.theme.dark


def test_a_scheme_switch_repaints_the_canvas_paper(window, qtbot) -> None:
    """The map's paper follows View → Colour Scheme at once, not only the cards on it: the view
    caches its background, and a switch must drop that cache."""
    from ui.theme import DARK, LIGHT

    view = window.workspace.view

    def paper():  # noqa: ANN202
        return view.viewport().grab().toImage().pixelColor(2, 2)

    assert paper() == LIGHT.background
    window.set_color_scheme("dark")
    try:
        qtbot.waitUntil(lambda: paper() == DARK.background, timeout=2000)
    finally:
        window.set_color_scheme("light")
    qtbot.waitUntil(lambda: paper() == LIGHT.background, timeout=2000)


def test_first_run_creates_the_users_map_from_the_seed_and_later_reopens_the_last(qtbot) -> None:
    from PySide6.QtCore import QSettings

    from ui.app import default_map_path, make_app, startup_map

    make_app()
    QSettings().remove("files/last")
    path = default_map_path()  # app-data folder (QStandardPaths test mode in tests)
    try:
        assert path.is_file() and startup_map(None) == path
        doc = MapDocument.open(path)
        assert len(doc.map) >= 50 and doc.map.current_scenario == "My view"
        doc.map.update_node("thesis", text="my own notes")
        doc.close()
        assert default_map_path() == path  # not re-created: the user's edits stay
        assert MapDocument.open(path).map.node("thesis").text == "my own notes"
        QSettings().setValue("files/last", str(ARTICLE))
        assert startup_map(None) == ARTICLE
        assert startup_map("/some/file.cruxmap") == Path("/some/file.cruxmap")
    finally:
        QSettings().remove("files/last")
        path.unlink(missing_ok=True)


def test_keyboard_shortcuts_are_listed_from_the_live_menus(window) -> None:
    rows = window.shortcut_rows()
    commands = {c for _, c, _ in rows}
    assert {"Add Supporting Claim", "Undo", "Import Article…", "Export Report…"} <= commands
    assert all(keys for _, _, keys in rows)


def test_chosen_trend_panels_are_remembered(window, seed_path) -> None:
    trends = window.workspace.trends
    trends.set_chosen(["swe_bench_pct", "train_compute_flop"])
    window.close_map()
    assert window.open_path(seed_path)
    assert window.workspace.trends.chosen() == ["swe_bench_pct", "train_compute_flop"]


def test_status_bar_tips_show_no_mnemonic_ampersands(window) -> None:
    import re

    from PySide6.QtGui import QAction

    tips = [a.statusTip() for a in window.findChildren(QAction) if a.statusTip()]
    assert len(tips) > 20  # every menu action explains itself in the status bar
    assert [t for t in tips if re.search(r"&\w", t)] == []


def test_save_dialogs_start_in_documents_with_a_clean_name(window, monkeypatch) -> None:
    """Not the app-data folder, not "…lead to AGI-.md": Documents and the title as written."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog

    from ui.dialog_paths import documents_dir

    QSettings().remove("paths")
    asked: list[str] = []

    def fake_dialog(parent, caption, suggestion, *rest):  # noqa: ANN001, ANN202
        asked.append(suggestion)
        return "", ""  # the user cancels

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    window.doc.map.set_meta("title", "Will scaling current LLMs lead to AGI?")
    window.save_as()
    window.workspace.editor.ask_export("png")
    from ui.export.report_preview import ReportPreview

    preview = ReportPreview(window, window.doc.map)
    preview._save("md")
    preview.deleteLater()
    assert [Path(p).parent for p in asked] == [documents_dir()] * 3
    assert [Path(p).name for p in asked] == [
        "Will scaling current LLMs lead to AGI.cruxmap",
        "Will scaling current LLMs lead to AGI.png",
        "Will scaling current LLMs lead to AGI.md",
    ]


def _file_map(path: Path):  # noqa: ANN202
    other = MapDocument.open(path, readonly=True)
    try:
        return other.map
    finally:
        other.close()


def test_the_window_writes_each_edit_after_its_frame_and_undo_too(window, qtbot) -> None:
    """The durable commit is off the key-press-to-frame path, yet the file follows the model:
    written right after the map's next frame (or a few ms later), and undo likewise."""
    from ui.commands.edits import EditNodeCommand, push

    doc, amap = window.doc, window.doc.map
    push(window.undo_stack, EditNodeCommand(amap, "thesis", title="Deferred title"), window)
    assert doc.unwritten  # shown first ...
    qtbot.waitUntil(lambda: not doc.unwritten, timeout=2000)  # ... then written
    assert _file_map(doc.path) == amap
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not doc.unwritten, timeout=2000)
    assert _file_map(doc.path) == amap
    assert amap.node("thesis").title != "Deferred title"


def test_a_deferred_write_that_fails_is_reported_and_the_map_follows_the_file(window, qtbot):
    from ui.commands.edits import EditNodeCommand, push

    doc, amap = window.doc, window.doc.map
    before = amap.snapshot()
    pages = doc.conn.execute("PRAGMA page_count").fetchone()[0]
    doc.conn.execute(f"PRAGMA max_page_count={pages}")
    push(window.undo_stack, EditNodeCommand(amap, "thesis", text="x" * 300_000), window)
    qtbot.waitUntil(lambda: not doc.unwritten, timeout=2000)
    assert amap.snapshot() == before  # the model is what the file holds
    assert any("could not be written" in w for w in window.warnings)
    qtbot.waitUntil(lambda: window.undo_stack.count() == 0, timeout=2000)  # no stale undo step
    doc.conn.execute("PRAGMA max_page_count=1073741823")


def test_a_cancelled_import_dialog_keeps_its_warm_child_until_the_map_closes(
    window, monkeypatch
) -> None:
    """The importer's child starts while the file dialog is open; cancelling keeps it ready for
    the next article (one child, not one per dialog); closing the map ends it."""
    from PySide6.QtWidgets import QFileDialog

    during = []
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda *a, **k: during.append(window.workspace.importer._spare) or ("", ""),
    )
    window.workspace.import_article_dialog()
    window.workspace.import_article_dialog()
    first, second = during
    assert first is not None and first.warm == "import" and second is first
    assert window.workspace.importer._spare is first and first._proc.poll() is None
    window.close_map()
    assert first._proc is None  # closed: the child was ended and waited for


def test_the_chosen_article_is_imported_by_the_child_warmed_during_the_dialog(
    window, monkeypatch
) -> None:
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QFileDialog

    importer = window.workspace.importer
    during = []
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda *a, **k: during.append(importer._spare) or (str(ARTICLE), ""),
    )
    monkeypatch.setattr(QThread, "start", lambda self: None)  # look at the worker, not run it
    window.workspace.import_article_dialog()
    try:
        assert during[0] is not None and importer._worker.box is during[0]
        assert importer._spare is None
    finally:
        importer._worker.box.close()
        importer._ticker.stop()
        importer._progress.close()
        importer._thread = None


def test_dragging_an_article_over_the_window_warms_the_importer(window, tmp_path) -> None:
    """The child that will import starts when an article is dragged in, not when it drops;
    dragging it away keeps it ready for the next drop; dragging a map file starts nothing."""
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent

    def drag(name: str) -> None:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(tmp_path / name))])
        window.dragEnterEvent(QDragEnterEvent(
            QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier))  # fmt: skip

    importer = window.workspace.importer
    drag("other.cruxmap")
    assert importer._spare is None
    drag("essay.md")
    spare = importer._spare
    assert spare is not None and spare._proc is not None
    window.dragLeaveEvent(QDragLeaveEvent())
    drag("essay.md")
    assert importer._spare is spare and spare._proc.poll() is None
    window.close_map()
    assert spare._proc is None


def test_a_warm_child_stands_by_after_the_first_frame_and_after_each_import(
    bare_window, seed_path, qtbot, monkeypatch
) -> None:
    """An article dropped with no warning finds a warm child: one starts shortly after the
    map's first frame, and a fresh one after each import (which used the last one up)."""
    from ui.importing import import_flow

    monkeypatch.setattr(import_flow, "STANDBY_DELAY_MS", 0)
    window = bare_window
    assert window.open_path(seed_path)
    window.show()
    importer = window.workspace.importer
    qtbot.waitUntil(lambda: importer._spare is not None, timeout=10_000)
    standby = importer._spare
    assert standby.warm == "import"
    reviewed = []
    monkeypatch.setattr(importer, "review", reviewed.append)
    window.import_article(str(ARTICLE))
    assert importer._worker.box is standby and importer._spare is None  # the import took it
    qtbot.waitUntil(lambda: bool(reviewed), timeout=60_000)
    assert reviewed[0].proposals
    qtbot.waitUntil(lambda: importer._spare is not None, timeout=10_000)
    fresh = importer._spare
    assert fresh is not standby and fresh._proc.poll() is None
    window.close_map()
    assert fresh._proc is None


def test_a_standby_child_that_cannot_start_is_no_error(window, monkeypatch) -> None:
    """Out of processes when the standby is due: nothing is shown (the standby is only a head
    start), and the import itself still reports whatever goes wrong."""
    from storage.sandbox import Sandbox

    def refuse(self) -> None:  # noqa: ANN001
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(Sandbox, "start", refuse)
    importer = window.workspace.importer
    importer.prewarm()
    assert importer._spare is None and not window.warnings


def test_many_imported_cards_land_together_and_are_shown_readable(window, monkeypatch) -> None:
    """Sixty claims imported onto the thesis: they form one block near it (no existing card
    moves) and the view shows the block's first cards with their titles drawn, not the whole
    block zoomed out to a heap of overlapping labels."""
    from ui.importing.import_dialog import ImportDialog
    from ui.map.view import READABLE

    scene, view = window.workspace.scene, window.workspace.view
    window.resize(1300, 800)
    before = {n: scene.node_item(n).pos() for n in window.doc.map.graph.nodes}
    sentences = [f"Scaling claim number {i} will not hold up." for i in range(60)]
    text = " ".join(sentences)
    article = Article(title="Sixty", author="", date="", url="", text=text, kind="text")
    decisions, at = [], 0
    for s in sentences:
        decisions.append(Decision(s, at, at + len(s), s[:-1], "con", "thesis", "attacks"))
        at += len(s) + 1
    monkeypatch.setattr(ImportDialog, "exec", lambda self: 1)
    monkeypatch.setattr(ImportDialog, "decisions", lambda self: decisions)
    monkeypatch.setattr(ImportDialog, "fact_decisions", lambda self: [])
    assert window.workspace.importer.review(ImportProposals(article, "thesis"))
    new = scene.selected_node_ids()
    assert len(new) == 60
    assert {n: scene.node_item(n).pos() for n in before} == before, "no existing card moved"
    boxes = [scene.node_item(n).sceneBoundingRect() for n in new]
    block = boxes[0]
    for box in boxes:
        block = block.united(box)
    area = sum(b.width() * b.height() for b in boxes)
    assert block.width() * block.height() < 3 * area, "one compact block"
    assert view.zoom() >= READABLE, "their titles are drawn"
    first = min(boxes, key=lambda b: (b.top(), b.left()))
    assert view.visible_scene_rect().contains(first), "the block is shown from its start"


def test_map_properties_edit_the_title_and_description_as_one_undoable_step(window, monkeypatch):
    """File → Map Properties…: the map's description (which the report opens with) had no
    editor at all. The dialog changes title and description in one step; the report, the
    window's title and the file follow, and undo and redo put each back."""
    from PySide6.QtWidgets import QDialog

    from model.report import ReportImages, build_report, compute_numbers
    from ui.map_properties import MapPropertiesDialog

    amap, path = window.doc.map, window.doc.path
    old_title, old_description = amap.meta["title"], amap.meta["description"]
    action = next(a for a in window.file_menu.actions() if a.text() == "Map &Properties…")
    assert action.isEnabled()
    seen: list[tuple[str, str]] = []

    def fill(dialog: MapPropertiesDialog) -> int:
        seen.append((dialog.title.text(), dialog.description.toPlainText()))
        dialog.title.setText("  Will  scaling get there? ")
        dialog.description.setPlainText("Our reading group's map.\n\nSecond paragraph.\n\n")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MapPropertiesDialog, "exec", fill)
    steps = window.undo_stack.count()
    action.trigger()
    assert seen == [(old_title, old_description)], "the dialog opens on the map's own values"
    assert window.undo_stack.count() == steps + 1
    assert amap.meta["title"] == "Will scaling get there?"
    assert amap.meta["description"] == "Our reading group's map.\n\nSecond paragraph."
    assert "Will scaling get there?" in window.windowTitle()

    def report() -> str:
        return build_report(amap, compute_numbers(amap), ReportImages(), "today")

    def saved() -> dict[str, str]:
        assert window.flush_writes()
        doc = MapDocument.open(path, readonly=True)
        try:
            return dict(doc.map.meta)
        finally:
            doc.close()

    text = report()
    assert text.startswith("# Will scaling get there?\n")
    assert "\nOur reading group's map.\n\nSecond paragraph.\n" in text
    assert saved()["description"] == "Our reading group's map.\n\nSecond paragraph."
    window.undo_stack.undo()
    assert (amap.meta["title"], amap.meta["description"]) == (old_title, old_description)
    assert "Our reading group" not in report()
    assert saved()["description"] == old_description
    window.undo_stack.redo()
    assert amap.meta["description"] == "Our reading group's map.\n\nSecond paragraph."
    assert saved()["title"] == "Will scaling get there?"

    monkeypatch.setattr(MapPropertiesDialog, "exec", lambda d: QDialog.DialogCode.Accepted)
    action.trigger()  # OK with nothing changed: no step
    monkeypatch.setattr(MapPropertiesDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    action.trigger()
    assert window.undo_stack.count() == steps + 1


def test_map_properties_on_a_map_without_a_description_undo_to_none(window, monkeypatch):
    """A new map has no description; undoing the first one leaves it without, as it was."""
    from PySide6.QtWidgets import QDialog

    from model.argmap import MapError
    from ui.commands.edits import EditMapPropertiesCommand, push
    from ui.map_properties import MapPropertiesDialog

    amap = window.doc.map
    with amap.batch("clear"):
        amap.remove_meta("description")
    before = amap.snapshot()
    monkeypatch.setattr(
        MapPropertiesDialog,
        "exec",
        lambda d: d.description.setPlainText("New text") or QDialog.DialogCode.Accepted,
    )
    window.edit_map_properties()
    assert amap.meta["description"] == "New text"
    assert window.undo_stack.undoText() == "Edit the map's description"
    window.undo_stack.undo()
    assert amap.snapshot() == before and "description" not in amap.meta
    with pytest.raises(MapError):
        EditMapPropertiesCommand(amap, title=amap.meta["title"])
    assert not push(window.undo_stack, EditMapPropertiesCommand(amap, title="x" * 2_000_000))
    assert window.warnings and amap.meta["title"] != "x"


def test_map_properties_is_offered_only_with_a_map_open(bare_window) -> None:
    action = bare_window.act_properties
    bare_window._fill_file_menu()
    assert action in bare_window.file_menu.actions() and not action.isEnabled()
