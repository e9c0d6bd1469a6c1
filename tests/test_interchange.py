"""Maps travel through JSON (lossless), Argdown, AIF and GraphML and come back the same;
broken foreign files are refused with the line or element, and nothing is created."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from main import main
from model.argmap import ArgumentMap
from storage.interchange import (
    InterchangeError,
    aif,
    argdown,
    export_map,
    graphml,
    import_map,
    json_format,
)
from storage.interchange.csv_export import dumps as csv_dumps
from storage.interchange.csv_export import guard_cell
from tests.strategies import maps, text

FIXTURES = Path(__file__).parent / "fixtures" / "interchange"
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def structure(amap: ArgumentMap) -> tuple[dict, dict]:
    """What the structural formats promise to keep: nodes and links with their weights."""
    nodes = {n.id: (n.kind, n.title, n.text, n.prior, n.tags) for n in amap.nodes()}
    edges = {e.key: (e.relation, e.strength) for e in amap.edges()}
    return nodes, edges


@SETTINGS
@given(maps())
def test_json_round_trip_is_lossless(amap: ArgumentMap) -> None:
    assert json_format.loads(json_format.dumps(amap)) == amap


@SETTINGS
@given(maps())
def test_argdown_round_trip_keeps_structure(amap: ArgumentMap) -> None:
    back = argdown.loads(argdown.dumps(amap))
    assert structure(back) == structure(amap)
    assert back.meta.get("title", "") == amap.meta.get("title", "")


@SETTINGS
@given(maps())
def test_aif_round_trip_keeps_structure(amap: ArgumentMap) -> None:
    assert structure(aif.loads(aif.dumps(amap))) == structure(amap)


@settings(max_examples=30, deadline=None)
@given(maps(max_nodes=8))
def test_graphml_round_trip_keeps_structure(amap: ArgumentMap) -> None:
    nodes, edges = structure(graphml.loads(graphml.dumps(amap)))
    # XML 1.0 cannot hold control characters, so compare what it can carry.
    assert edges == structure(amap)[1]
    assert set(nodes) == {n.id for n in amap.nodes()}


def test_export_and_import_files(tmp_path: Path) -> None:
    amap = import_map(FIXTURES / "debate.argdown")
    for fmt, suffix in (("json", ".json"), ("argdown", ".argdown"), ("aif", ".aif"),
                        ("graphml", ".graphml")):  # fmt: skip
        out = tmp_path / f"map{suffix}"
        export_map(amap, fmt, out)
        assert structure(import_map(out)) == structure(amap), fmt
    aif_as_json = tmp_path / "from-ova.json"
    export_map(amap, "aif", aif_as_json)
    assert structure(import_map(aif_as_json)) == structure(amap)


def titles_and_links(amap: ArgumentMap) -> set[tuple[str, str, str]]:
    title = {n.id: n.title for n in amap.nodes()}
    return {(title[e.source], e.relation, title[e.target]) for e in amap.edges()}


def test_handwritten_argdown_opens_as_the_debate_it_describes() -> None:
    amap = import_map(FIXTURES / "debate.argdown")
    assert amap.meta["title"] == "Scaling and AGI"
    assert amap.thesis is not None and amap.thesis.title == "Scaling"
    assert titles_and_links(amap) == {
        ("Trend", "supports", "Scaling"),
        ("Power laws", "supports", "Trend"),
        ("Data wall", "attacks", "Scaling"),
        ("Synthetic data", "attacks", "Data wall"),
        ("Power laws", "supports", "Scaling"),
    }
    trend = next(n for n in amap.nodes() if n.title == "Trend")
    assert set(trend.tags) == {"argument", "optimist"}
    wall = next(n for n in amap.nodes() if n.title == "Data wall")
    assert wall.prior == 0.7 and wall.text == "Human text runs out around 2028."


def test_aif_from_ova_opens_with_support_and_attack() -> None:
    amap = import_map(FIXTURES / "debate.aif")
    assert titles_and_links(amap) == {
        ("Loss keeps falling with compute", "supports", "Scaling today's LLMs leads to AGI"),
        ("Human text runs out around 2028", "attacks", "Scaling today's LLMs leads to AGI"),
    }
    assert amap.thesis.title == "Scaling today's LLMs leads to AGI"
    assert len(amap) == 3  # locutions and illocutions are dialogue, not claims


def test_gephi_style_graphml_uses_labels_and_signed_weights() -> None:
    amap = import_map(FIXTURES / "debate.graphml")
    assert titles_and_links(amap) == {
        ("Loss keeps falling with compute", "supports", "Scaling leads to AGI"),
        ("Human text runs out", "attacks", "Scaling leads to AGI"),
    }
    assert {e.strength for e in amap.edges()} == {6.0, 3.0}


@pytest.mark.parametrize(
    "name, where",
    [
        ("bad_relation.argdown", "line 3"),
        ("bad_bracket.argdown", "line 2"),
        ("bad_data.argdown", "line 2"),
        ("bad_orphan.argdown", "line 1"),
        ("bad_edge.aif", "edges[0] (edgeID 1)"),
        ("bad_syntax.aif", "line 4"),
        ("bad_type.aif", "nodes[0] (nodeID 1)"),
        ("bad_xml.graphml", "line 6"),
        ("bad_selfloop.graphml", "<edge source='b' target='b'>"),
        ("bad_version.json", "version 99"),
        ("bad_node.json", "nodes[1]"),
        ("bad_syntax.json", "line 3"),
    ],
)
def test_malformed_files_say_where_and_create_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture, name: str, where: str
) -> None:
    with pytest.raises(InterchangeError, match=__import__("re").escape(where)):
        import_map(FIXTURES / name)
    out = tmp_path / "new.cruxmap"
    assert main(["open-as-map", str(FIXTURES / name), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert where in err and "Traceback" not in err
    assert not out.exists()


def test_binary_and_unknown_files_are_refused(tmp_path: Path) -> None:
    png = tmp_path / "picture.argdown"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    with pytest.raises(InterchangeError, match="line 1"):
        import_map(png)
    with pytest.raises(InterchangeError, match="unknown file type"):
        import_map(tmp_path / "notes.docx")


@settings(max_examples=200, deadline=None)
@given(text)
def test_no_csv_cell_can_start_a_formula(cell: str) -> None:
    assert not guard_cell(cell).startswith(("=", "+", "-", "@", "\t", "\r"))
    assert guard_cell(cell).removeprefix("'") == cell or guard_cell(cell) == cell


@SETTINGS
@given(maps())
def test_csv_export_has_one_guarded_row_per_node(amap: ArgumentMap) -> None:
    rows = list(csv.reader(io.StringIO(csv_dumps(amap), newline="")))
    assert rows[0] == ["id", "kind", "title", "text", "prior", "credence", "side", "sources"]
    assert len(rows) == len(amap) + 1
    for row in rows[1:]:
        assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in row)


def test_csv_guards_a_hostile_title() -> None:
    amap = ArgumentMap()
    amap.add_node("thesis", '=HYPERLINK("http://evil","click")', node_id="t")
    row = next(csv.DictReader(io.StringIO(csv_dumps(amap, {"t": 0.5}))))
    assert row["title"] == '\'=HYPERLINK("http://evil","click")'
    assert row["credence"] == "0.5000"


@pytest.mark.parametrize(
    "text",
    [
        "[A]: x " + "{" * 50_000 + "}" * 50_000,
        "[A]: x {a: " + "[" * 50_000 + "}",
        "===\na: " + "[" * 50_000 + "\n===\n[A]",
    ],
)
def test_deeply_nested_argdown_data_is_refused_not_crashing(text: str) -> None:
    with pytest.raises(InterchangeError, match="nested too deeply"):
        argdown.loads(text)


def test_very_deep_argdown_tree_opens() -> None:
    text = "[Root] {kind: thesis}\n" + "".join(f"{'  ' * i}+ [R{i}]\n" for i in range(1, 3000))
    assert argdown.loads(text).graph.number_of_edges() == 2999


FUZZ_BASES = {
    "argdown": (FIXTURES / "debate.argdown").read_text(),
    "aif": (FIXTURES / "debate.aif").read_text(),
    "graphml": (FIXTURES / "debate.graphml").read_text(),
    "json": json_format.dumps(import_map(FIXTURES / "debate.argdown")),
}
LOADERS = {"argdown": argdown.loads, "aif": aif.loads, "json": json_format.loads,
           "graphml": lambda t: graphml.loads(t.encode("utf-8", "surrogatepass"))}  # fmt: skip


@st.composite
def mutated(draw):
    fmt = draw(st.sampled_from(sorted(FUZZ_BASES)))
    text = FUZZ_BASES[fmt]
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 12)))
        insert = draw(st.sampled_from(['"', "{", "}", "[", "]", "<", ">", "-", "+", "\n  ", ":",
                                       "1e999", "null", "[]", "{}", "", "\x00", "é", "#", "//"]))  # fmt: skip
        text = text[:i] + insert + text[j:]
    return fmt, text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_files_open_or_fail_cleanly(case: tuple[str, str]) -> None:
    fmt, text = case
    try:
        amap = LOADERS[fmt](text)
    except InterchangeError as exc:
        assert str(exc)  # a message, naming where
    else:
        assert isinstance(amap, ArgumentMap)
