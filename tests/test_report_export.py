"""Exporting the report: pictures beside the Markdown (or embedded), one self-contained HTML
file, nothing written outside the chosen folder, and a preview that opens no link unasked."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox

from main import main
from storage.document import MapDocument
from tests.test_report import XSS, hostile_map, worked_example
from ui import safe_links
from ui.export.report_images import export_report, map_layout, render_map
from ui.export.report_preview import ReportPreview


def image_refs(md: str) -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(([^)]+)\)", md)


def test_markdown_report_keeps_its_pictures_in_a_folder_named_after_it(
    qapp, tmp_path: Path
) -> None:
    """report.md + report_files/*.png (as a browser's "save page complete"), linked relatively,
    so moving the two together keeps every picture; nothing loose beside the report."""
    written = export_report(worked_example(), tmp_path / "report.md", today="2026-01-02")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md", "report_files"]
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    refs = image_refs(md)
    assert {"report_files/map.png", "report_files/scenarios.png",
            "report_files/tornado.png"} <= set(refs)  # fmt: skip
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    (tmp_path / "report.md").rename(moved / "report.md")
    (tmp_path / "report_files").rename(moved / "report_files")
    for ref in refs:
        assert not Path(ref).is_absolute() and ".." not in ref
        assert (moved / ref).read_bytes().startswith(b"\x89PNG")
    assert sorted(p.name for p in (moved / "report_files").iterdir()) == sorted(
        p.name for p in written[1:]
    )


def test_a_report_name_with_spaces_gives_links_that_resolve(qapp, tmp_path: Path) -> None:
    export_report(worked_example(), tmp_path / "My report (draft).md")
    md = (tmp_path / "My report (draft).md").read_text(encoding="utf-8")
    refs = image_refs(md)
    assert refs and all(" " not in r and "(" not in r for r in refs), refs  # valid link syntax
    for ref in refs:
        assert (tmp_path / unquote(ref)).parent.name == "My report (draft)_files"
        assert (tmp_path / unquote(ref)).is_file()


def test_embedded_markdown_and_html_are_single_files(qapp, tmp_path: Path) -> None:
    export_report(worked_example(), tmp_path / "inline.md", embed=True)
    md = (tmp_path / "inline.md").read_text(encoding="utf-8")
    assert all(ref.startswith("data:image/png;base64,") for ref in image_refs(md))
    export_report(worked_example(), tmp_path / "page.html", fmt="html")
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    srcs = re.findall(r'src="([^"]*)"', page)
    assert len(srcs) >= 3 and all(s.startswith("data:image/png;base64,") for s in srcs)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inline.md", "page.html"]


def test_hostile_map_exports_inside_the_folder(qapp, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    written = export_report(hostile_map(), folder / "..%2f..%2fevil.md")
    for path in written:
        assert folder.resolve() in path.resolve().parents
    assert not list(tmp_path.glob("*.png"))


def test_cli_export_every_format(qapp, tmp_path: Path, capsys) -> None:
    MapDocument.create(tmp_path / "m.cruxmap", worked_example()).close()
    for fmt, name in (("md", "r.md"), ("html", "r.html"), ("json", "m.json"),
                      ("argdown", "m.argdown"), ("aif", "m.aif"), ("graphml", "m.graphml"),
                      ("csv", "m.csv")):  # fmt: skip
        code = main(["export", str(tmp_path / "m.cruxmap"), "--format", fmt, "-o",
                     str(tmp_path / name)])  # fmt: skip
        assert code == 0 and (tmp_path / name).stat().st_size > 0, fmt
    assert main(["open-as-map", str(tmp_path / "m.json"), "-o", str(tmp_path / "b.cruxmap")]) == 0
    back = MapDocument.open(tmp_path / "b.cruxmap")
    assert back.map == MapDocument.open(tmp_path / "m.cruxmap").map
    assert main(["export", str(tmp_path / "m.cruxmap"), "-o", str(tmp_path / "no/r.md")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_map_picture_places_reasons_right_of_their_target(qapp) -> None:
    amap = worked_example()
    layout = map_layout(amap)
    for e in amap.edges():
        assert layout[e.source][0] == layout[e.target][0] + 1
    image = render_map(amap, {})
    assert image.width() > 0 and image.height() > 0


class Recorder:
    def __init__(self, answer: QMessageBox.StandardButton) -> None:
        self.answer = answer
        self.asked: list[str] = []
        self.opened: list[str] = []


@pytest.fixture
def recorder(monkeypatch) -> Recorder:
    rec = Recorder(QMessageBox.StandardButton.Open)

    def question(_parent, _title, text, *_args):
        rec.asked.append(text)
        return rec.answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: rec.asked.append(a[2])))
    monkeypatch.setattr(safe_links.QDesktopServices, "openUrl",
                        staticmethod(lambda url: rec.opened.append(url.toString()) or True))  # fmt: skip
    return rec


def test_preview_opens_only_web_links_and_only_after_asking(qtbot, recorder: Recorder) -> None:
    preview = ReportPreview(None, worked_example())
    qtbot.addWidget(preview)
    assert not preview.browser.openLinks() and not preview.browser.openExternalLinks()
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "smb://h/s"):
        preview.browser.anchorClicked.emit(QUrl(bad))
    assert recorder.opened == []
    preview.browser.anchorClicked.emit(QUrl("https://example.org/a"))
    assert recorder.opened == ["https://example.org/a"]
    recorder.answer = QMessageBox.StandardButton.Cancel
    preview.browser.anchorClicked.emit(QUrl("https://example.org/b"))
    assert recorder.opened == ["https://example.org/a"]
    assert len(recorder.asked) == 6


def test_preview_shows_hostile_text_as_text(qtbot, recorder: Recorder) -> None:
    preview = ReportPreview(None, hostile_map())
    qtbot.addWidget(preview)
    shown = preview.browser.toPlainText()
    assert XSS[0] in shown  # the script tag is visible text, not a script
    hrefs = re.findall(r'href="([^"]*)"', preview.browser.toHtml())
    assert all(h.startswith(("http://", "https://", "mailto:", "#")) for h in hrefs), hrefs


def test_preview_save_reports_errors_without_traceback(qtbot, tmp_path, monkeypatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: warnings.append(a[2])))
    preview = ReportPreview(None, worked_example())
    qtbot.addWidget(preview)
    assert not preview.export_to(str(tmp_path / "missing" / "r.md"), "md")
    assert warnings and "Could not write" in warnings[0]
    assert not preview.status.text(), "nothing saved, nothing claimed"
    with qtbot.waitSignal(preview.saved):
        assert preview.export_to(str(tmp_path / "r.html"), "html")
    assert preview.status.text().startswith("Saved r.html"), "the dialog says what it wrote"
    assert preview.export_to(str(tmp_path / "r.md"), "md")
    assert preview.status.text().endswith("pictures in r_files"), "and where the pictures went"
