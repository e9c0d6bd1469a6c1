"""The report preview: the Markdown report rendered in a QTextBrowser, with Save buttons.

The browser never follows links itself (openLinks and openExternalLinks are off): a click
goes through `ui.safe_links.ask_and_open`. The HTML shown is the sanitised export HTML, and
pictures are handed to the document as resources, so nothing is fetched from disk or network.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from model.argmap import ArgumentMap
from storage.report_html import markdown_to_html
from storage.safe_paths import UnsafePathError
from ui.dialog_paths import remember_dir, suggested_path
from ui.safe_links import ask_and_open

PREVIEW_WIDTH = 820
TABLE_TAG = '<table border="1" cellspacing="0" cellpadding="4" style="border-color: #c9d1d9">'


class ReportPreview(QDialog):
    """Shows a map's report; "Save as Markdown…" and "Save as HTML…" export it."""

    #: A file the user saved (path), for a status bar message.
    saved = Signal(str)

    def __init__(self, parent: QWidget | None = None, amap: ArgumentMap | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Report preview")
        self.resize(900, 760)
        self.amap = amap
        self.markdown = ""
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._on_link)
        self.save_md = QPushButton("Save as Markdown…")
        self.save_html = QPushButton("Save as HTML…")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_md, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_html, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_md.clicked.connect(lambda: self._save("md"))
        self.save_html.clicked.connect(lambda: self._save("html"))
        self.status = QLabel()  # what the last save wrote, where the user is looking
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        if amap is not None:
            self.set_map(amap)

    def set_map(self, amap: ArgumentMap) -> None:
        """Build the report of `amap` (pictures included) and show it."""
        from ui.export.report_images import build_report_files

        self.amap = amap
        text, pictures = build_report_files(amap)
        self.show_markdown(text, pictures)

    def show_markdown(self, text: str, pictures: dict[str, bytes] | None = None) -> None:
        """Render Markdown (sanitised) with pictures given by file name."""
        self.markdown = text
        doc = self.browser.document()
        for name, data in (pictures or {}).items():
            image = QImage.fromData(data)
            if image.width() > PREVIEW_WIDTH:  # fit the window; Save as HTML keeps full size
                image = image.scaledToWidth(
                    PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation
                )
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        # Table borders are added after sanitising: our markup, not the report's.
        html = markdown_to_html(text).replace("<table>", TABLE_TAG)
        self.browser.setHtml(html)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == "" and url.hasFragment() and not url.path():
            self.browser.scrollToAnchor(url.fragment())
            return
        ask_and_open(self, url)

    def _save(self, fmt: str) -> None:
        if self.amap is None:
            return
        title = self.amap.meta.get("title", "") or "report"
        suffix = ".md" if fmt == "md" else ".html"
        filters = "Markdown (*.md)" if fmt == "md" else "HTML (*.html)"
        path, _ = QFileDialog.getSaveFileName(
            self, "Export report", suggested_path("export", title, suffix, "report"), filters
        )
        if not path:
            return
        remember_dir("export", path)
        self.export_to(path, fmt)

    def export_to(self, path: str, fmt: str) -> bool:
        """Write the report; tell the user (a box, not a traceback) if it fails."""
        from ui.export.report_images import export_report

        try:
            written = export_report(self.amap, Path(path), fmt)
        except (OSError, UnsafePathError) as exc:
            QMessageBox.warning(self, "Report not saved", f"Could not write the report:\n{exc}")
            return False
        self.status.setText(saved_text(written))
        self.saved.emit(str(written[0]))
        return True


def saved_text(written: list[Path]) -> str:
    """ "Saved report.md in /docs, its 10 pictures in report_files": where everything went."""
    report, pictures = written[0], written[1:]
    text = f"Saved {report.name} in {report.parent}"
    if pictures:
        n = len(pictures)
        text += f", its {n} picture{'s' if n != 1 else ''} in {pictures[0].parent.name}"
    return text
