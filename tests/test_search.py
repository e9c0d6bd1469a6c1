"""Find and filter rules (model/search.py): what the find bar and filter bar promise users."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from model.argmap import ArgumentMap
from model.entities import Citation, Source
from model.search import all_tags, filter_nodes, find_nodes, reading_order, sides


def small_map() -> tuple[ArgumentMap, dict[str, str]]:
    amap = ArgumentMap()
    amap.add_source(Source("s1", "Situational Awareness"))
    ids = {}
    with amap.batch():
        ids["t"] = amap.add_node("thesis", "Scaling LLMs leads to AGI", created="1")
        ids["c1"] = amap.add_node(
            "claim", "Compute keeps growing", created="2", tags=("compute", "trend")
        )
        ids["c2"] = amap.add_node(
            "claim", "The data wall", text="Human text runs out by 2028", created="3",
            tags=("data",),
        )  # fmt: skip
        ids["e1"] = amap.add_node(
            "evidence", "Epoch estimate", created="4",
            citations=(Citation("s1", quote="Orders of MAGNITUDE of effective compute"),),
        )  # fmt: skip
        ids["e2"] = amap.add_node("evidence", "Synthetic data works", created="5", tags=("data",))
        ids["lone"] = amap.add_node("claim", "Unlinked data note", created="0")
        amap.link(ids["c1"], ids["t"], "supports")
        amap.link(ids["c2"], ids["t"], "attacks")
        amap.link(ids["e1"], ids["c1"], "supports")
        amap.link(ids["e2"], ids["c2"], "attacks")
    return amap, ids


def test_find_searches_title_text_tags_and_quotes_ignoring_case():
    amap, ids = small_map()
    assert find_nodes(amap, "COMPUTE") == [ids["c1"], ids["e1"]]  # title/tag, then quote
    assert find_nodes(amap, "runs out") == [ids["c2"]]  # text
    assert find_nodes(amap, "magnitude") == [ids["e1"]]  # quote only


def test_find_orders_thesis_first_then_breadth_first_then_unlinked():
    amap, ids = small_map()
    assert find_nodes(amap, "N") == [ids[k] for k in ("t", "c1", "c2", "e1", "e2", "lone")]
    assert reading_order(amap)[0] == ids["t"]


def test_blank_query_finds_nothing():
    amap, _ = small_map()
    assert find_nodes(amap, "") == []
    assert find_nodes(amap, "   ") == []


def test_filter_by_kind_side_and_tag_combine():
    amap, ids = small_map()
    assert filter_nodes(amap, kinds={"evidence"}) == {ids["e1"], ids["e2"]}
    # e2 attacks an attacker of the thesis: it argues for the thesis.
    assert filter_nodes(amap, side="for") == {ids["c1"], ids["e1"], ids["e2"]}
    assert filter_nodes(amap, side="against") == {ids["c2"]}
    assert filter_nodes(amap, tags={"data"}) == {ids["c2"], ids["e2"]}
    assert filter_nodes(amap, kinds={"claim"}, tags={"data"}, side=-1) == {ids["c2"]}
    assert filter_nodes(amap) == set(ids.values())


def test_all_tags_sorted_without_duplicates():
    amap, _ = small_map()
    assert all_tags(amap) == ["compute", "data", "trend"]


def test_cycles_do_not_hang_search():
    amap, ids = small_map()
    amap.link(ids["c1"], ids["e1"], "supports")  # e1 → c1 → e1
    assert set(reading_order(amap)) == set(ids.values())
    assert ids["e1"] in filter_nodes(amap, side="for")


# ------------------------------------------------------------- property tests
WORDS = st.sampled_from(["data", "Compute", "wall", "AGI", "ScAlInG", "é", "ß", "x y", ""])
TEXT = st.lists(WORDS, max_size=4).map(" ".join)


@st.composite
def random_maps(draw, tree: bool = False):
    """A thesis plus claims/evidence, each linked to 0–2 earlier nodes (1 for trees)."""
    amap = ArgumentMap()
    amap.add_source(Source("s", "src"))
    ids = [amap.add_node("thesis", "T " + draw(TEXT), created="0")]
    for i in range(draw(st.integers(0, 12))):
        nid = amap.add_node(
            draw(st.sampled_from(["claim", "evidence"])),
            "n " + draw(TEXT),
            text=draw(TEXT),
            tags=tuple(draw(st.lists(WORDS, max_size=2))),
            citations=(Citation("s", quote=draw(TEXT)),),
            created=f"{i + 1:03d}",
        )
        links = draw(st.sets(st.sampled_from(ids), max_size=1 if tree else 2))
        for target in links:
            amap.link(nid, target, draw(st.sampled_from(["supports", "attacks"])))
        ids.append(nid)
    return amap


@settings(max_examples=60, deadline=None)
@given(amap=random_maps(), query=WORDS)
def test_every_found_node_contains_the_query(amap, query):
    found = find_nodes(amap, query)
    needle = query.strip().casefold()
    assert len(found) == len(set(found))
    for nid in found:
        n = amap.node(nid)
        haystack = " | ".join([n.title, n.text, *n.tags, *(c.quote for c in n.citations)])
        assert needle in haystack.casefold()
    if needle:  # and nothing matching is missed
        missed = [n for n in amap.nodes() if n.id not in found and needle in n.title.casefold()]
        assert not missed


@settings(max_examples=60, deadline=None)
@given(
    amap=random_maps(),
    kinds=st.none() | st.sets(st.sampled_from(["thesis", "claim", "evidence"])),
    side=st.sampled_from([None, "for", "against", 0]),
    tags=st.none() | st.sets(WORDS, max_size=2),
)
def test_filter_results_satisfy_every_predicate(amap, kinds, side, tags):
    kept = filter_nodes(amap, kinds=kinds, side=side, tags=tags)
    side_of = sides(amap)
    want = {"for": 1, "against": -1}.get(side, side)
    for n in amap.nodes():
        ok = (
            (kinds is None or n.kind in kinds)
            and (tags is None or bool(set(tags) & set(n.tags)))
            and (want is None or side_of.get(n.id, 0) == want)
        )
        assert (n.id in kept) == ok


@settings(max_examples=60, deadline=None)
@given(amap=random_maps(tree=True))
def test_sides_agree_with_the_model_on_trees(amap):
    side_of = sides(amap)
    assert {n.id: side_of.get(n.id, 0) for n in amap.nodes()} == {
        n.id: amap.side(n.id) for n in amap.nodes()
    }


@settings(max_examples=60, deadline=None)
@given(amap=random_maps())
def test_each_side_is_the_sign_of_some_shortest_path(amap):
    thesis = amap.thesis.id
    for nid, s in sides(amap).items():
        if nid == thesis:
            continue
        signs = set()
        for path in nx.all_shortest_paths(amap.graph, nid, thesis):
            sign = 1
            for u, v in zip(path, path[1:]):
                sign *= amap.edge(u, v).sign
            signs.add(sign)
        assert s in signs


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_substring_of_a_title_finds_that_node(data):
    from tests.strategies import maps

    amap = data.draw(maps())
    node = data.draw(st.sampled_from(list(amap.nodes())))
    a = data.draw(st.integers(0, len(node.title)))
    b = data.draw(st.integers(a, len(node.title)))
    query = node.title[a:b]
    found = find_nodes(amap, query)
    if query.strip():
        assert node.id in found
        needle = query.strip().casefold()
        for n in map(amap.node, found):
            fields = [n.title, n.text, *n.tags, *(c.quote for c in n.citations)]
            assert any(needle in f.casefold() for f in fields)
    else:
        assert found == []
