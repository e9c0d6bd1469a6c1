"""The user's belief over time: the thesis credence logged when a weight moves it."""

from __future__ import annotations

from model.argmap import ArgumentMap
from model.credence.engine import thesis_credence
from model.entities import HistoryEntry, now_iso

#: Changes smaller than this (in probability) are not worth a point on the history chart.
THRESHOLD = 1e-6


def record_if_changed(amap: ArgumentMap, note: str = "", before: float | None = None) -> bool:
    """Append the headline (the thesis under the active scenario) if an edit moved it.

    `before` is the headline just before the edit. When the history does not end there (a
    new map, or a change made outside the undo stack), that value is recorded first, so the
    chart starts where the map was and never draws a jump nobody can explain. Scenario
    switches count: the history is the headline over time. True when a point was added.
    """
    value = thesis_credence(amap)
    if value is None:
        return False
    last = amap.history[-1].credence if amap.history else None
    bridged = False
    if before is not None and (last is None or abs(last - before) >= THRESHOLD):
        if last is None and abs(before - value) < THRESHOLD:
            return False  # a new map and nothing moved yet: no point to draw
        label = "Opened" if last is None else "Before: unrecorded change"
        amap.record_credence(HistoryEntry(now_iso(), _name_before(amap), round(before, 9), label))
        last, bridged = before, True
    if last is not None and abs(last - value) < THRESHOLD:
        return bridged
    amap.record_credence(HistoryEntry(now_iso(), amap.current_scenario, round(value, 9), note))
    return True


def _name_before(amap: ArgumentMap) -> str:
    return amap.history[-1].scenario if amap.history else amap.current_scenario


def history_points(amap: ArgumentMap) -> list[HistoryEntry]:
    """The history as the chart draws it: ending at the headline, whatever happened since."""
    points = list(amap.history)
    value = thesis_credence(amap)
    if value is not None and (not points or abs(points[-1].credence - value) >= THRESHOLD):
        points.append(HistoryEntry(now_iso(), amap.current_scenario, value, "now"))
    return points
