"""The user's belief over time: the thesis credence logged when a weight moves it."""

from __future__ import annotations

from model.argmap import ArgumentMap
from model.credence.engine import thesis_credence
from model.entities import HistoryEntry, now_iso

#: Changes smaller than this (in probability) are not worth a point on the history chart.
THRESHOLD = 1e-6


def record_if_changed(amap: ArgumentMap, note: str = "") -> bool:
    """Append the current thesis credence to the history if it moved; True when recorded.

    Compared with the last entry of the same scenario, so switching scenarios records nothing
    and each scenario's line on the history chart shows only real changes of mind.
    """
    value = thesis_credence(amap)
    if value is None:
        return False
    name = amap.current_scenario
    last = next((h for h in reversed(amap.history) if h.scenario == name), None)
    if last is not None and abs(last.credence - value) < THRESHOLD:
        return False
    amap.record_credence(HistoryEntry(now_iso(), name, round(value, 9), note))
    return True
