"""Render a Markdown text to a small paginated PDF with a running header and footer.

Used to build tests/fixtures/eval_formats/articles/f2_paper.pdf from its source in
tests/fixtures/eval_formats/src/ (the importer is tested on a PDF whose text it has never seen;
the gold quotes are matched against what pypdf extracts from this output). Needs no display:

    QT_QPA_PLATFORM=offscreen python -m tools.make_pdf_fixture SRC.md OUT.pdf \
        --title "..." --header "..." --footer "..."

The footer gets " · Page N of M" appended; the header is left off the first page, as journals do.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

BAND = 60  # height of the header and footer bands, in device pixels at 300 dpi


def _font(family: str, points: float) -> QFont:
    """A font without ligatures, so that extracted text reads "fi", not the U+FB01 glyph."""
    font = QFont(family)
    font.setPointSizeF(points)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


def _draw_page(doc: QTextDocument, painter: QPainter, page: int, body_h: float) -> None:
    """Draw the lines whose top lies on this page, each exactly once.

    QTextDocument.drawContents with a clip rectangle also paints a paragraph's lines that fall on
    the neighbouring page (clipped from view but still in the PDF text layer), so extracted text
    would repeat them.
    """
    top = page * body_h
    block = doc.begin()
    while block.isValid():
        origin = doc.documentLayout().blockBoundingRect(block).topLeft()
        layout = block.layout()
        for j in range(layout.lineCount()):
            line = layout.lineAt(j)
            y = origin.y() + line.y()
            if top <= y < top + body_h:
                line.draw(painter, QPointF(origin.x(), origin.y() - top + BAND))
        block = block.next()


def render(md: str, out: Path, title: str, header: str, footer: str) -> int:
    """Lay the Markdown out on A4 pages, draw header/footer per page; return the page count."""
    writer = QPdfWriter(str(out))
    writer.setResolution(300)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(22, 18, 22, 18), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("Cruxmap tools/make_pdf_fixture.py")

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(_font("Nimbus Roman", 11))
    doc.setMarkdown(md)
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    body_h = area.height() - 2 * BAND
    doc.setPageSize(QSizeF(area.width(), body_h))
    pages = doc.pageCount()

    painter = QPainter(writer)
    small = _font("Nimbus Sans", 7)
    for i in range(pages):
        if i:
            writer.newPage()
        painter.setFont(small)
        if i:
            painter.drawText(QRectF(0, 0, area.width(), BAND), Qt.AlignmentFlag.AlignLeft, header)
        _draw_page(doc, painter, i, body_h)
        painter.setFont(small)
        painter.drawText(
            QRectF(0, area.height() - BAND * 0.6, area.width(), BAND * 0.6),
            Qt.AlignmentFlag.AlignCenter,
            f"{footer} · Page {i + 1} of {pages}",
        )
    painter.end()
    return pages


def fix_space_mapping(path: Path) -> int:
    """Map the space glyph back to U+0020 in every font's ToUnicode CMap; return fonts fixed.

    Qt builds ToUnicode from the font's reverse cmap, where the space glyph is shared with TAB,
    so pypdf would extract every space as a tab character.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import StreamObject

    writer = PdfWriter(clone_from=PdfReader(path))
    fixed = 0
    for obj in writer._objects:  # noqa: SLF001 - pypdf has no public object iterator
        if not isinstance(obj, StreamObject):
            continue
        data = obj.get_data()
        if b"begincmap" in data and b"<0009>" in data:
            obj.set_data(data.replace(b"<0009>", b"<0020>"))
            fixed += 1
    with path.open("wb") as fh:
        writer.write(fh)
    return fixed


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--title", required=True)
    ap.add_argument("--header", default="")
    ap.add_argument("--footer", default="")
    a = ap.parse_args(argv)
    try:
        md = a.src.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read {a.src}: {exc}", file=sys.stderr)
        return 1
    _app = QGuiApplication.instance() or QGuiApplication(["make_pdf_fixture"])
    n = render(md, a.out, a.title, a.header, a.footer)
    fix_space_mapping(a.out)
    print(f"{a.out}: {n} pages, {a.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
