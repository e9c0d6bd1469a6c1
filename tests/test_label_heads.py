"""Zoomed-out labels say their card's kind at every width (a narrow one used to show only
"−1.5 pts · 50%"), and the kind and the numbers never overlap (offscreen Qt)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF, QImage, QPainter

from model.argmap import ArgumentMap
from model.labels import WIDTHS
from ui.map.labels import GAP, PAD, ROLE_FORMS, fit_head
from ui.map.scene import MapScene

INNER = [w - (PAD + 7) - PAD for w in WIDTHS]  # a label's header width (_paint_label)
NUMBERS = [(-1.5, 0.5), (26.0, 1.0), (-20.0, 0.67), (None, 0.5), (0.01, 0.42), (None, None)]


@pytest.mark.parametrize("role", list(ROLE_FORMS))
@pytest.mark.parametrize("width", INNER)
def test_every_width_keeps_the_kind_and_nothing_overlaps(qapp, role, width) -> None:  # noqa: ANN001
    from ui.map.labels import _font

    measure = QFontMetricsF(_font(10, bold=True)).horizontalAdvance
    for pull, credence in NUMBERS:
        kind, badge = fit_head(role, pull, credence, width, measure)
        assert kind in ROLE_FORMS[role]
        assert measure(kind + GAP + badge if badge else kind) <= width
        if credence is not None:
            assert badge, "at these widths some number still fits beside the kind"


def test_the_widest_label_keeps_the_full_kind_and_numbers(qapp) -> None:  # noqa: ANN001
    from ui.map.labels import _font

    measure = QFontMetricsF(_font(10, bold=True)).horizontalAdvance
    assert fit_head("CLAIM", -1.5, 0.5, INNER[0], measure) == ("CLAIM", "−1.5 pts · 50%")


class _Recorder(QPainter):
    """A painter that notes the texts drawn and where."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.texts: list[tuple[str, QRectF]] = []

    def drawText(self, rect, flags, text):  # noqa: ANN001, ANN201, N802
        self.texts.append((text, QRectF(rect), flags))
        return super().drawText(rect, flags, text)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_narrow_counterclaim_label_says_what_it_is(qapp, width) -> None:  # noqa: ANN001
    amap = ArgumentMap()
    amap.add_node("thesis", "Scaling leads to AGI", node_id="T")
    amap.add_node("claim", "Data runs out before the models get general", node_id="d")
    amap.add_node("claim", "Compute keeps growing", node_id="c")
    amap.link("d", "T", "attacks", "weak")
    amap.link("c", "T", "supports", "strong")
    scene = MapScene(amap)
    try:
        layer = scene._labels  # noqa: SLF001
        image = QImage(400, 300, QImage.Format.Format_ARGB32_Premultiplied)
        for nid, role in (("d", "COUNTERCLAIM"), ("c", "CLAIM")):
            painter = _Recorder(image)
            layer._paint_label(painter, nid, QRectF(10, 10, width, 120))  # noqa: SLF001
            metrics = painter.fontMetrics()
            painter.end()
            kind, kind_rect, _ = painter.texts[0]
            badge, _badge_rect, _ = painter.texts[1]
            assert kind in ROLE_FORMS[role], f"{width}px label: kind {kind!r}"
            assert badge, "some number still shows"
            used = metrics.horizontalAdvance(kind) + metrics.horizontalAdvance(GAP + badge)
            assert used <= kind_rect.width(), "the kind and the numbers would overlap"
    finally:
        scene.detach()
