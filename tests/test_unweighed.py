"""Unweighed links: stored as NULL, carried by every interchange format, neutral everywhere."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from model.argmap import ArgumentMap
from model.credence import thesis_credence
from model.entities import Receipt, Scenario
from storage.document import MapDocument
from storage.interchange import argdown, graphml, json_format
from storage.schema import SCHEMA_VERSION


def small_map() -> ArgumentMap:
    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="T")
    amap.add_node("claim", "Weighed", node_id="w", prior=0.7)
    amap.add_node("claim", "Not yet", node_id="u", prior=0.9)
    amap.link("w", "T", "supports", "strong")
    amap.link("u", "T", "attacks")  # nobody weighed it
    amap.put_scenario(
        Scenario("Reader", source="", priors={"w": 0.8}, strengths={("w", "T"): 20.0},
                 reading=True, receipts={"w": Receipt("quite sure", "p. 2")}, stated="60%")
    )  # fmt: skip
    return amap


def test_an_unweighed_link_counts_for_nothing_and_is_listed() -> None:
    amap = small_map()
    assert amap.edge("u", "T").strength is None
    assert [e.source for e in amap.unweighed("T", "")] == ["u"]
    alone = ArgumentMap()
    alone.add_node("thesis", "T", node_id="T")
    alone.add_node("claim", "Weighed", node_id="w", prior=0.7)
    alone.link("w", "T", "supports", "strong")
    assert thesis_credence(amap, "") == pytest.approx(thesis_credence(alone, ""))
    amap.set_strength("u", "T", "strong", "")
    assert amap.unweighed("T", "") == []
    assert thesis_credence(amap, "") < thesis_credence(alone, "")


def test_file_round_trip_keeps_unweighed_links_receipts_and_stated_figures(tmp_path: Path) -> None:
    amap = small_map()
    path = tmp_path / "m.cruxmap"
    MapDocument.create(path, amap).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT strength FROM edges WHERE source = 'u'").fetchone() == (None,)
    doc = MapDocument.open(path)
    try:
        assert doc.map == amap
        assert doc.map.scenarios["Reader"].receipt("w") == Receipt("quite sure", "p. 2")
    finally:
        doc.close()


def test_a_version_1_file_is_migrated_in_place(tmp_path: Path) -> None:
    """A file written before links could be unweighed opens, keeps its weights, and can then
    store an unweighed link."""
    path = tmp_path / "old.cruxmap"
    amap = small_map()
    amap.set_strength("u", "T", 3.0, "")
    amap.put_scenario(Scenario("Reader", priors={"w": 0.8}))
    MapDocument.create(path, amap).close()
    with sqlite3.connect(path) as conn:  # rebuild the tables as version 1 had them
        conn.executescript(
            """
            CREATE TABLE e1 (source TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
                target TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
                relation TEXT NOT NULL, strength REAL NOT NULL, strength_low REAL,
                strength_high REAL, PRIMARY KEY (source, target));
            INSERT INTO e1 SELECT * FROM edges; DROP TABLE edges; ALTER TABLE e1 RENAME TO edges;
            CREATE INDEX edges_by_target ON edges(target);
            ALTER TABLE scenarios DROP COLUMN reading; ALTER TABLE scenarios DROP COLUMN stated;
            ALTER TABLE scenario_values DROP COLUMN quote;
            ALTER TABLE scenario_values DROP COLUMN locator;
            PRAGMA user_version = 1;
            """
        )
    doc = MapDocument.open(path)
    try:
        assert doc.map == amap
        with doc.map.batch("unweigh"):
            doc.map.set_strength("u", "T", None, "")
    finally:
        doc.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    reopened = MapDocument.open(path)
    try:
        assert reopened.map.edge("u", "T").strength is None
    finally:
        reopened.close()


@pytest.mark.parametrize("fmt", [json_format, argdown])
def test_interchange_formats_carry_unweighed_links(fmt) -> None:  # noqa: ANN001
    amap = small_map()
    back = fmt.loads(fmt.dumps(amap))
    assert back.edge("u", "T").strength is None
    assert back.edge("w", "T").strength == 6.0
    if fmt is json_format:
        assert back == amap


def test_graphml_without_strengths_gives_unweighed_links() -> None:
    amap = small_map()
    back = graphml.loads(graphml.dumps(amap))
    assert back.edge("u", "T").strength is None and back.edge("u", "T").relation == "attacks"
    assert back.edge("w", "T").strength == 6.0
