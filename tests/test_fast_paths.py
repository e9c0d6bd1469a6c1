"""The fast paths taken for big maps give the same answers as the careful ones.

Loading checks links in bulk, the credence engine shares one result per change, the map scene
is laid out once when a window opens a map; each is checked against what the slow path does.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from model import validate  # noqa: E402
from model.argmap import ArgumentMap, MapError  # noqa: E402
from model.entities import Edge, Node  # noqa: E402

ANY = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=True),
    st.text(max_size=4), st.tuples(st.floats(), st.floats()),
)  # fmt: skip


@given(
    st.one_of(st.text(max_size=5), ANY), st.one_of(st.text(max_size=5), ANY),
    st.one_of(st.sampled_from(["supports", "attacks"]), ANY),
    st.one_of(st.floats(0, 2000), ANY), st.one_of(st.none(), ANY),
)  # fmt: skip
def test_a_link_taken_as_plain_is_one_the_gate_keeps_unchanged(u, v, rel, lam, rng) -> None:
    edge = object.__new__(Edge)
    edge.__dict__.update(source=u, target=v, relation=rel, strength=lam, strength_range=rng)
    if validate.plain_edge(edge):
        assert validate.edge(edge) is edge


@pytest.mark.parametrize(
    ("edges", "message"),
    [
        ([Edge("c", "t"), Edge("c", "zz")], "the link 'c' → 'zz': no node"),
        ([Edge("c", "t"), Edge("c", "c")], "itself"),
        ([Edge("t", "c")], "thesis"),
        ([Edge("c", "t"), Edge("d", "t"), Edge("c", "t")], "stored twice"),
        ([Edge("c", "t", "opposes")], "relation"),
    ],
)
def test_loading_names_the_first_bad_link_as_one_by_one_did(edges, message) -> None:
    nodes = [Node("t", "thesis", "T"), Node("c", "claim", "C"), Node("d", "claim", "D")]
    with pytest.raises(MapError, match=message):
        ArgumentMap().load_graph(nodes, edges)


def test_loaded_links_are_the_stored_values() -> None:
    nodes = [Node("t", "thesis", "T"), Node("c", "claim", "C"), Node("d", "claim", "D")]
    edges = [Edge("c", "t", "attacks", 6.0), Edge("d", "c", "supports", 2.0, (1.5, 3.0))]
    amap = ArgumentMap()
    amap.load_graph(nodes, edges)
    assert [amap.edge(e.source, e.target) for e in edges] == edges


def test_a_credence_result_is_shared_until_a_change_and_never_changes_after() -> None:
    from model.credence.engine import evaluate

    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="t")
    amap.add_node("evidence", "E", node_id="e")
    amap.link("e", "t", "supports", "strong")
    first = evaluate(amap)
    assert evaluate(amap) is first  # the questions of one edit share one copy
    before = first["t"]
    with pytest.raises(ValueError):
        first.values[0] = 0.0  # read-only: callers cannot spoil the shared copy
    amap.set_prior("e", 0.95)
    second = evaluate(amap)
    assert second is not first and second["t"] > before
    assert first["t"] == before  # the old answer is what the scene compares with


def test_a_window_lays_a_big_map_out_once_on_open(qtbot, tmp_path, monkeypatch) -> None:
    """The first layout is made for the view's shape, so showing the window keeps it."""
    import ui.map.scene as scene_module
    from storage.document import MapDocument
    from ui.app import make_app
    from ui.mainwindow import MainWindow

    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="n0")
    for i in range(1, 400):
        amap.add_node("claim", f"Reason {i}", node_id=f"n{i}")
        amap.link(f"n{i}", f"n{(i - 1) // 3}")
    path = tmp_path / "m.cruxmap"
    MapDocument.create(path, amap).close()
    calls = []
    real = scene_module.compute_layout
    monkeypatch.setattr(
        scene_module, "compute_layout", lambda *a, **k: calls.append(a[2:]) or real(*a, **k)
    )
    make_app()
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    assert window.open_path(path)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    view = window.workspace.view
    assert len(calls) == 1
    aspect = view.viewport().width() / view.viewport().height()
    target = window.workspace.scene.target_aspect
    assert max(aspect, target) / min(aspect, target) < scene_module.ASPECT_SLACK


@pytest.mark.parametrize(("zoom", "repainted"), [(0.2, True), (1.0, False)])
def test_labels_repaint_after_a_weight_edit_only_where_they_are_shown(
    qapp, zoom: float, repainted: bool
) -> None:
    """A weight edit moves a pull and so the label order: zoomed out, the labels must repaint
    (they show the new order); at full detail no label is drawn, and the label layer (as big
    as the scene) must not repaint the whole view for one badge."""
    from ui.map.scene import MapScene
    from ui.map.view import MapView

    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="t")
    for i in range(6):
        amap.add_node("evidence", f"Reason {i}", node_id=f"e{i}")
        amap.link(f"e{i}", "t", "supports" if i % 2 else "attacks", "strong")
    scene = MapScene(amap)
    view = MapView(scene)
    view.resize(800, 600)
    view.set_zoom(zoom)
    updates = []
    scene._labels.update = lambda *a: updates.append(a)  # noqa: SLF001 (spy on the layer)
    amap.set_prior("e1", 0.97)
    assert bool(updates) is repainted
    view.deleteLater()


def test_zoomed_far_out_a_weight_edit_repaints_no_card_yet_zooming_in_shows_it(
    qapp, monkeypatch
) -> None:
    """Below the flat level a card is a coloured box whatever its credence: no repaint then,
    but the value is kept, so the card shows the new credence once the view zooms in."""
    from ui.map.items import FLAT_LOD, NodeItem
    from ui.map.scene import MapScene
    from ui.map.view import MapView

    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="t")
    amap.add_node("evidence", "E", node_id="e")
    amap.link("e", "t", "supports", "strong")
    scene = MapScene(amap)
    view = MapView(scene)
    view.resize(800, 600)
    repainted = []
    monkeypatch.setattr(NodeItem, "update", lambda self, *a: repainted.append(self.node_id))
    view.set_zoom(FLAT_LOD / 2)
    amap.set_prior("e", 0.97)
    amap.update_node("e", title="E, retitled")
    assert repainted == []
    view.set_zoom(1.0)
    image = view.viewport().grab()  # paints the cards with the values they hold
    assert not image.isNull()
    assert scene.node_item("t").credence == pytest.approx(evaluate_thesis(amap))
    assert scene.node_item("e").title == "E, retitled"
    amap.set_prior("e", 0.2)
    assert set(repainted) >= {"e", "t"}
    view.deleteLater()


def evaluate_thesis(amap: ArgumentMap) -> float:
    from model.credence.engine import evaluate

    return evaluate(amap)["t"]


def test_unweighed_links_load_in_bulk(monkeypatch) -> None:
    """A map of unweighed links (most new maps) takes the bulk path, not a check per link."""
    nodes = [Node("t", "thesis", "T"), Node("c", "claim", "C"), Node("d", "claim", "D")]
    edges = [Edge("c", "t", "supports", None), Edge("d", "c", "attacks", 4.0)]

    def per_link(self, edge):  # noqa: ANN001, ANN202
        raise AssertionError("checked one by one")

    monkeypatch.setattr(ArgumentMap, "_check_edge", per_link)
    amap = ArgumentMap()
    amap.load_graph(nodes, edges)
    assert [amap.edge(e.source, e.target) for e in edges] == edges
