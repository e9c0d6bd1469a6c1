"""Cruxmap JSON: the whole map as plain JSON, lossless (export then import gives an equal map).

The shape mirrors `ArgumentMap.snapshot()`; dataclass fields are written by name so a reader
in another language needs no documentation beyond one example. Unknown fields are refused
rather than dropped: a file from a newer Cruxmap says so instead of losing data quietly.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from model.argmap import ArgumentMap, MapError
from model.entities import (
    Citation,
    Edge,
    HistoryEntry,
    Node,
    Point,
    Receipt,
    Scenario,
    Series,
    Source,
)
from storage.interchange.errors import InterchangeError, parse_json

FORMAT = "cruxmap"
VERSION = 1


# ------------------------------------------------------------------------------ export
def map_to_data(amap: ArgumentMap) -> dict[str, Any]:
    """The map as JSON-ready dicts and lists."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "meta": dict(amap.meta),
        "nodes": [_plain(n) for n in amap.nodes()],
        "edges": [_plain(e) for e in amap.edges()],
        "sources": [_plain(s) for s in amap.sources.values()],
        "scenarios": [_scenario(s) for s in amap.scenarios.values()],
        "series": [_plain(s) for s in amap.series.values()],
        "history": [_plain(h) for h in amap.history],
    }


def dumps(amap: ArgumentMap) -> str:
    # allow_nan=False: a NaN would make a file other JSON readers refuse.
    return json.dumps(map_to_data(amap), ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _scenario(sc: Scenario) -> dict[str, Any]:
    return {
        "name": sc.name,
        "description": sc.description,
        "source": sc.source,
        "priors": dict(sc.priors),
        "strengths": [[u, v, lam] for (u, v), lam in sc.strengths.items()],
        "reading": sc.reading,
        "stated": sc.stated,
        "receipts": [
            [k, "", r.quote, r.locator] if isinstance(k, str) else [*k, r.quote, r.locator]
            for k, r in sc.receipts.items()
        ],
    }


# ------------------------------------------------------------------------------ import
def loads(text: str) -> ArgumentMap:
    """Parse Cruxmap JSON into a new map; InterchangeError names the line or element."""
    data = parse_json(text)
    return data_to_map(data)


def data_to_map(data: Any) -> ArgumentMap:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InterchangeError('not a Cruxmap JSON file (expected "format": "cruxmap")')
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise InterchangeError(
            f"version {data.get('version')!r} is not supported (this Cruxmap reads {VERSION})"
        )
    amap = ArgumentMap()
    for section, build in _SECTIONS:
        items = data.get(section, [])
        if not isinstance(items, list):
            raise InterchangeError(f"{section}: expected a list")
        for i, item in enumerate(items):
            try:
                build(amap, item)
            except (MapError, TypeError, ValueError, KeyError) as exc:
                raise InterchangeError(f"{section}[{i}]: {_reason(exc)}") from None
    meta = data.get("meta", {})
    if not isinstance(meta, dict) or not all(isinstance(v, str) for v in meta.values()):
        raise InterchangeError("meta: expected an object of strings")
    try:
        for key, value in meta.items():
            amap.set_meta(key, value)
    except MapError as exc:
        raise InterchangeError(f"meta: {exc}") from None
    return amap


def _reason(exc: Exception) -> str:
    return f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)


def _obj(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise TypeError(f"expected an object, got {type(item).__name__}")
    return item


def _pair(value: Any) -> tuple[Any, Any] | None:
    """A [low, high] pair as stored; the model's gate checks the numbers' types and ranges."""
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != 2:
        raise TypeError("expected a pair [low, high]")
    return (value[0], value[1])


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"{what} must be a list")
    return value


def _node(amap: ArgumentMap, item: Any) -> None:
    d = dict(_obj(item))
    d["citations"] = tuple(Citation(**_obj(c)) for c in _list(d.get("citations", []), "citations"))
    d["tags"] = tuple(_list(d.get("tags", []), "tags"))
    d["prior_range"] = _pair(d.get("prior_range"))
    d["pos"] = _pair(d.get("pos"))
    amap.insert_node(Node(**d))


def _edge(amap: ArgumentMap, item: Any) -> None:
    d = dict(_obj(item))
    d["strength_range"] = _pair(d.get("strength_range"))
    amap.insert_edge(Edge(**d))


def _source(amap: ArgumentMap, item: Any) -> None:
    amap.add_source(Source(**_obj(item)))


def _scenario_in(amap: ArgumentMap, item: Any) -> None:
    d = dict(_obj(item))
    strengths = [_list(s, "a strength") for s in _list(d.get("strengths", []), "strengths")]
    d["strengths"] = {(u, v): lam for u, v, lam in strengths}
    d["priors"] = dict(_obj(d.get("priors", {})))
    d["reading"] = d.get("reading", False)
    receipts = [_list(r, "a receipt") for r in _list(d.get("receipts", []), "receipts")]
    d["receipts"] = {(u if not v else (u, v)): Receipt(q, loc) for u, v, q, loc in receipts}
    amap.put_scenario(Scenario(**d))


def _series(amap: ArgumentMap, item: Any) -> None:
    d = dict(_obj(item))
    d["points"] = tuple(Point(**_obj(p)) for p in _list(d.get("points", []), "points"))
    amap.put_series(Series(**d))


def _history(amap: ArgumentMap, item: Any) -> None:
    amap.record_credence(HistoryEntry(**_obj(item)))


_SECTIONS = (
    ("sources", _source),
    ("nodes", _node),
    ("edges", _edge),
    ("scenarios", _scenario_in),
    ("series", _series),
    ("history", _history),
)
