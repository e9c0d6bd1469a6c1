"""CSV of the map's nodes for spreadsheets, guarded against formula injection.

A cell that begins with = + - @ tab or CR is run as a formula by Excel and LibreOffice
(OWASP "CSV injection"); such cells get a leading apostrophe, which spreadsheets show as text.
"""

from __future__ import annotations

import csv
import io

from model.argmap import ArgumentMap

COLUMNS = ("id", "kind", "title", "text", "prior", "credence", "side", "sources")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SIDES = {1: "for", -1: "against", 0: ""}


def guard_cell(value: object) -> str:
    """The cell as text, made inert if a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def dumps(amap: ArgumentMap, credences: dict[str, float] | None = None) -> str:
    """One row per node; `credences` (node id → p) fills the credence column when given."""
    credences = credences or {}
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    sides = amap.sides()  # one pass for all nodes, not one search per node
    for n in amap.nodes():
        cited = "; ".join(
            dict.fromkeys(
                amap.sources[c.source].title if c.source in amap.sources else c.source
                for c in n.citations
            )
        )
        p = credences.get(n.id)
        row = (n.id, n.kind, n.title, n.text, f"{n.prior:.4g}",
               "" if p is None else f"{p:.4f}", SIDES[sides.get(n.id, 0)], cited)  # fmt: skip
        writer.writerow([guard_cell(v) for v in row])
    return buf.getvalue()
