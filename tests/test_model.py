"""The argument map's rules: what a user may and may not do to a map, and what views hear."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import maps

from model.argmap import ArgumentMap, MapError
from model.entities import Citation, Scenario, Source


@pytest.fixture
def amap() -> ArgumentMap:
    m = ArgumentMap()
    m.add_node("thesis", "Scaling reaches AGI", node_id="t")
    m.add_node("claim", "Data runs out", node_id="c")
    m.add_node("evidence", "300T tokens", node_id="e")
    m.link("c", "t", "attacks", "strong")
    m.link("e", "c", "supports")
    return m


def test_add_and_link_builds_the_graph(amap: ArgumentMap) -> None:
    assert len(amap) == 3
    assert amap.edge("c", "t").relation == "attacks"
    assert amap.edge("c", "t").strength == 6.0
    assert [e.source for e in amap.reasons("t")] == ["c"]
    assert amap.thesis.id == "t"


@pytest.mark.parametrize(
    "action, message",
    [
        (lambda m: m.link("x", "t"), "no node"),
        (lambda m: m.link("c", "c"), "itself"),
        (lambda m: m.link("c", "t"), "already linked"),
        (lambda m: m.link("t", "c"), "thesis"),
        (lambda m: m.link("e", "t", "refutes"), "relation"),
        (lambda m: m.link("e", "t", "supports", "enormous"), "unknown strength"),
        (lambda m: m.link("e", "t", "supports", 0.5), "between 1"),
        (lambda m: m.add_node("opinion", "x"), "kind"),
        (lambda m: m.add_node("claim", "   "), "title"),
        (lambda m: m.add_node("claim", "x", node_id="c"), "already exists"),
        (lambda m: m.add_node("claim", "x", prior=1.5), "prior"),
        (lambda m: m.update_node("c", kind="thesis"), "thesis"),
        (lambda m: m.update_node("zz", title="x"), "no node"),
        (lambda m: m.remove_node("zz"), "no node"),
        (lambda m: m.unlink("e", "t"), "no link"),
        (lambda m: m.update_node("c", bogus=1), "unknown node field"),
        (lambda m: m.add_node("claim", "x", citations=(Citation("s", start=5, end=2),)), "span"),
    ],
)
def test_invalid_edits_raise_one_clear_error_and_change_nothing(amap, action, message) -> None:
    before = amap.snapshot()
    with pytest.raises(MapError, match=message):
        action(amap)
    assert amap.snapshot() == before


def test_listeners_hear_one_batch_per_edit(amap: ArgumentMap) -> None:
    heard = []
    amap.subscribe(heard.append)
    with amap.batch("Add a counterclaim"):
        nid = amap.add_node("claim", "Synthetic data fills the gap")
        amap.link(nid, "c", "attacks")
    assert len(heard) == 1
    assert {ch.kind for ch in heard[0]} == {"node", "edge"}
    amap.update_node("c", title="Data runs out")  # unchanged value: nothing to announce
    assert len(heard) == 1


def test_remove_node_returns_what_restore_needs(amap: ArgumentMap) -> None:
    before = amap.snapshot()
    node, edges = amap.remove_node("c")
    assert "c" not in amap and amap.graph.number_of_edges() == 0
    amap.restore_node(node, edges)
    assert amap.snapshot() == before


def test_relink_moves_a_reason_keeping_its_weight(amap: ArgumentMap) -> None:
    amap.relink("e", "c", "t")
    assert amap.edge("e", "t").relation == "supports"
    assert not amap.graph.has_edge("e", "c")


def test_side_follows_the_parity_of_attacks(amap: ArgumentMap) -> None:
    assert amap.side("c") == -1
    assert amap.side("e") == -1  # supports an attacker
    amap.add_node("claim", "Self-play works", node_id="s")
    amap.link("s", "c", "attacks")
    assert amap.side("s") == 1


def test_scenario_overrides_weights_without_touching_defaults(amap: ArgumentMap) -> None:
    amap.put_scenario(Scenario("Skeptic"))
    amap.set_meta("scenario", "Skeptic")
    amap.set_prior("e", 0.9)
    amap.set_strength("c", "t", "decisive")
    assert amap.prior("e") == 0.9 and amap.node("e").prior == 0.5
    assert amap.strength("c", "t") == 20.0 and amap.edge("c", "t").strength == 6.0
    amap.set_meta("scenario", "")
    amap.set_prior("e", 0.7)
    assert amap.node("e").prior == 0.7


def test_cited_source_cannot_be_removed(amap: ArgumentMap) -> None:
    amap.add_source(Source("s1", "AI scaling myths"))
    amap.update_node("c", citations=(Citation("s1", "quote"),))
    with pytest.raises(MapError, match="cited"):
        amap.remove_source("s1")


def test_cycles_are_allowed(amap: ArgumentMap) -> None:
    amap.link("c", "e", "attacks")
    assert amap.graph.has_edge("c", "e") and amap.graph.has_edge("e", "c")


def test_model_and_storage_do_not_load_qt() -> None:
    code = (
        "import sys, model.argmap, model.entities, model.weights, storage.document, "
        "storage.seedmap, storage.rows\n"
        "import pkgutil, importlib, model, storage\n"
        "for pkg in (model, storage):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'pyqtgraph'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        cwd=str(__import__("pathlib").Path(__file__).parent.parent),
    )


def test_a_batch_that_fails_halfway_changes_nothing(amap, tmp_path) -> None:
    from storage.document import MapDocument

    doc = MapDocument.create(tmp_path / "m.cruxmap", amap)
    amap = doc.map
    amap.put_scenario(Scenario("Skeptic", priors={"c": 0.3}))
    amap.add_source(Source("s1", "AI scaling myths"))
    before = amap.snapshot()
    heard = []
    amap.subscribe(heard.append)
    with pytest.raises(MapError):
        with amap.batch("Import article"):
            new = amap.add_node("claim", "Synthetic data fills the gap")
            amap.link(new, "c", "attacks")
            amap.update_node("c", title="Changed")
            amap.remove_node("e")
            amap.unlink("c", "t")
            amap.set_meta("scenario", "Skeptic")
            amap.set_prior("c", 0.9, "Skeptic")
            amap.remove_source("s1")
            amap.link(new, "zz")  # unknown target: the whole edit is refused
    assert amap.snapshot() == before
    assert amap.thesis.id == "t" and amap.side("c") == -1
    assert all(ch.kind != "reset" for batch in heard for ch in batch)
    reopened = MapDocument.open(doc.path)
    assert reopened.map.snapshot() == before  # the file never saw the half-made edit
    reopened.close()
    doc.close()


@settings(max_examples=60, deadline=None)
@given(amap=maps(), data=st.data())
def test_any_failed_batch_leaves_any_map_as_it_was(amap, data) -> None:
    before = amap.snapshot()
    ids = sorted(amap.graph.nodes)
    with pytest.raises(MapError):
        with amap.batch():
            for _ in range(data.draw(st.integers(0, 6))):
                op = data.draw(st.sampled_from(["add", "remove", "retitle", "unlink", "meta"]))
                live = sorted(amap.graph.nodes)
                if op == "add":
                    nid = amap.add_node("claim", "new")
                    amap.link(nid, data.draw(st.sampled_from(live)))
                elif op == "remove" and len(live) > 1:
                    amap.remove_node(data.draw(st.sampled_from(live)))
                elif op == "retitle" and live:
                    amap.update_node(data.draw(st.sampled_from(live)), title="retitled")
                elif op == "unlink" and amap.graph.number_of_edges():
                    amap.unlink(*data.draw(st.sampled_from(sorted(amap.graph.edges))))
                else:
                    amap.set_meta("title", "changed")
            raise MapError("refused at the end")
    assert amap.snapshot() == before
    assert sorted(amap.graph.nodes) == ids


def test_a_failed_batch_leaves_no_trace_in_the_credence_cache(amap) -> None:
    from model.credence import thesis_credence

    start = thesis_credence(amap)
    with pytest.raises(MapError):
        with amap.batch():
            amap.set_prior("c", 0.99)
            assert thesis_credence(amap) != start  # the engine peeked mid-batch
            amap.link("c", "nowhere")
    assert thesis_credence(amap) == pytest.approx(start)


def test_bulk_loading_applies_the_same_rules(amap) -> None:
    from model.entities import Edge, Node

    nodes = [Node("t", "thesis", "T"), Node("c", "claim", "C")]
    fresh = ArgumentMap()
    fresh.load_graph(nodes, [Edge("c", "t", "attacks", 6.0)])
    assert fresh.thesis.id == "t" and fresh.side("c") == -1
    for bad_nodes, bad_edges, message in (
        (nodes + [Node("c", "claim", "again")], [], "share one id"),
        (nodes, [Edge("c", "zz")], "no node"),
        (nodes, [Edge("t", "c")], "thesis"),
        (nodes, [Edge("c", "t"), Edge("c", "t")], "twice"),
        ([Node("x", "opinion", "X")], [], "kind"),
    ):
        with pytest.raises(MapError, match=message):
            ArgumentMap().load_graph(bad_nodes, bad_edges)
    with pytest.raises(MapError, match="empty map"):
        amap.load_graph(nodes, [])
