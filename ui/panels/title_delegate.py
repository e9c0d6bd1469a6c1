"""Draw a source's title readably in a narrow list: wrapped onto two lines, the second cut with
"…" only if the title is longer still (TeX in it shown as math), and (when the panel is too narrow for its Author and Date
columns) a grey line below with who wrote it and when. The item's text stays the whole title, so
sorting, filtering and the tooltip use all of it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget

from model.tex_display import readable

TITLE_LINES = 2
META_ROLE = Qt.ItemDataRole.UserRole + 1  # (author, date), drawn under the title when compact
_PAD = 3

Index = QModelIndex | QPersistentModelIndex


def wrap_title(text: str, font: QFont, width: int, max_lines: int = TITLE_LINES) -> list[str]:
    """`text` broken at word boundaries into lines no wider than `width`; past `max_lines`, the
    last line ends with "…"."""
    flat = " ".join(text.split())
    if not flat or width <= 0:
        return [flat] if flat else []
    units = flat.encode("utf-16-le")  # QTextLayout counts UTF-16 code units

    def part(start: int, length: int | None = None) -> str:
        end = None if length is None else 2 * (start + length)
        return units[2 * start : end].decode("utf-16-le")

    layout = QTextLayout(flat, font)
    layout.beginLayout()
    spans: list[tuple[int, int]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    if len(spans) <= max_lines:
        return [part(s, n).strip() for s, n in spans]
    lines = [part(s, n).strip() for s, n in spans[: max_lines - 1]]
    rest = part(spans[max_lines - 1][0])
    lines.append(QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return lines


def meta_line(who: str, date: str, font: QFont, width: int) -> str:
    """ "author · date" in `width`: a long author list is cut with "…", the date always shows."""
    metrics = QFontMetrics(font)
    tail = f" · {date}" if who and date else date
    room = max(0, width - metrics.horizontalAdvance(tail))
    return metrics.elidedText(who, Qt.TextElideMode.ElideRight, room) + tail if who else tail


class TitleDelegate(QStyledItemDelegate):
    """Paints column 0 of the Sources tree: the wrapped title and, if compact, its meta line."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree
        self.compact = False

    def text_width(self, cell_width: int) -> int:
        margin = self.tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        return max(1, cell_width - 2 * margin)

    def lines(self, index: Index, font: QFont, cell_width: int) -> tuple[list[str], str]:
        """The title lines and the meta line ("" unless compact) drawn for `index`."""
        width = self.text_width(cell_width)
        title = wrap_title(readable(str(index.data() or "")), font, width)
        who, date = (index.data(META_ROLE) or ("", "")) if self.compact else ("", "")
        return title, meta_line(who, date, font, width)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        title, meta = self.lines(index, option.font, self.tree.header().sectionSize(0))
        rows = max(1, len(title)) + (1 if meta else 0)
        height = rows * QFontMetrics(option.font).lineSpacing() + 2 * _PAD
        return QSize(self.tree.header().sectionSize(0), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # background, selection and focus only; the text is drawn below
        style = opt.widget.style() if opt.widget else self.tree.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        title, meta = self.lines(index, option.font, option.rect.width())
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else (QPalette.ColorGroup.Inactive)
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        step = QFontMetrics(option.font).lineSpacing()
        left = (
            option.rect.left() + (option.rect.width() - self.text_width(option.rect.width())) // 2
        )
        width = self.text_width(option.rect.width())
        painter.save()
        painter.setFont(option.font)
        painter.setPen(opt.palette.color(group, role))
        y = option.rect.top() + _PAD
        for line in title:
            painter.drawText(QRect(left, y, width, step), Qt.AlignmentFlag.AlignLeft, line)
            y += step
        if meta:
            if not selected:
                painter.setPen(opt.palette.color(group, QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRect(left, y, width, step), Qt.AlignmentFlag.AlignLeft, meta)
        painter.restore()
