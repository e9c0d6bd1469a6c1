"""The typed gate (model/validate.py), for any input: a value is refused with GateError or comes
out with exactly its declared types and within its caps, and the gate is idempotent (what passed
passes again unchanged, the same object). The same holds end to end through Cruxmap JSON."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import validate
from model.entities import Citation, Edge, Node
from storage.interchange import InterchangeError, json_format

#: Anything a file could hand over for a field, JSON-like or not.
anything = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(-(10**400), 10**400)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(st.characters(blacklist_categories=()), max_size=12) | st.binary(max_size=4)
    | st.sampled_from(["claim", "thesis", "evidence", "supports", "attacks", "x" * 2001, "0.5"]),
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=3), inner, max_size=2),
    max_leaves=6,
)  # fmt: skip
maybe = st.one_of(anything, st.floats(0, 1), st.text(max_size=20))


def _typed_node(n: Node) -> None:
    assert type(n.id) is str and 0 < len(n.id) <= validate.MAX_ID
    assert type(n.title) is str and n.title.strip() and len(n.title) <= validate.MAX_TITLE
    assert type(n.text) is str and len(n.text) <= validate.MAX_TEXT
    assert type(n.prior) is float and 0 <= n.prior <= 1
    assert type(n.tags) is tuple and all(type(t) is str and t for t in n.tags)
    assert n.pos is None or all(type(x) is float and math.isfinite(x) for x in n.pos)
    assert type(n.collapsed) is bool and type(n.pinned) is bool
    for s in (n.id, n.title, n.text, *n.tags):
        s.encode("utf-8")  # no lone surrogates
    assert validate.node(n) is n


@settings(max_examples=300, deadline=None)
@given(id=maybe, kind=maybe, title=maybe, text=maybe, prior=maybe, tags=maybe, pos=maybe,
       collapsed=maybe, created=maybe)  # fmt: skip
def test_any_node_is_refused_or_fully_typed(**fields) -> None:  # noqa: ANN003
    try:
        n = validate.node(Node(**fields))
    except validate.GateError as exc:
        assert "\n" not in str(exc) and len(str(exc)) < 300
        return
    _typed_node(n)


@settings(max_examples=300, deadline=None)
@given(source=maybe, target=maybe, relation=maybe, strength=maybe, strength_range=maybe)
def test_any_link_is_refused_or_fully_typed(**fields) -> None:  # noqa: ANN003
    try:
        e = validate.edge(Edge(**fields))
    except validate.GateError:
        return
    assert type(e.source) is str and type(e.target) is str and e.relation in ("supports", "attacks")
    assert e.strength is None or (type(e.strength) is float and 1 <= e.strength <= 1000)
    assert validate.edge(e) is e


@settings(max_examples=300, deadline=None)
@given(field=st.sampled_from(["id", "kind", "title", "text", "prior", "tags", "pos", "collapsed",
                              "citations", "prior_range", "series", "pinned"]),
       value=anything)  # fmt: skip
def test_any_value_in_a_json_node_is_refused_or_enters_typed(field: str, value: object) -> None:
    node = {"id": "a", "kind": "thesis", "title": "T", field: value}
    try:
        text = json.dumps({"format": "cruxmap", "version": 1, "nodes": [node]})
    except (TypeError, ValueError):
        return  # not JSON (bytes, NaN as a key…): no file could hold it
    try:
        amap = json_format.loads(text)
    except InterchangeError as exc:
        assert "\n" not in str(exc)
        return
    for n in amap.nodes():
        _typed_node(n)


@pytest.mark.parametrize(("value", "message"), [
    ("6", "strength must be a number, not text"),
    (True, "strength must be a number, not true/false"),
    (float("nan"), "strength must be a finite number"),
    (10**400, "strength is too large a number"),
    (0.5, "strength must be between 1 and 1000"),
])  # fmt: skip
def test_a_strength_is_a_number_in_range(value: object, message: str) -> None:
    with pytest.raises(validate.GateError, match=message):
        validate.edge(Edge("a", "b", strength=value))


def test_caps_name_the_field_and_the_limit() -> None:
    with pytest.raises(validate.GateError, match="the title is 2,001 characters long; the limit"):
        validate.node(Node("a", "claim", "x" * 2001))
    with pytest.raises(validate.GateError, match="the text is 1,000,001 characters"):
        validate.node(Node("a", "claim", "t", text="y" * 1_000_001))
    with pytest.raises(validate.GateError, match="lone surrogate"):
        validate.node(Node("a", "claim", "\ud800"))
    with pytest.raises(validate.GateError, match="citation start must be a whole number"):
        validate.node(Node("a", "claim", "t", citations=(Citation("s", start="3"),)))


@settings(max_examples=400, deadline=None)
@given(id=st.sampled_from(["a", " ", "", "x" * 201, "é"]), title=maybe, text=maybe,
       prior=st.floats(allow_nan=True) | st.integers(-1, 2), tags=st.sampled_from([(), ["a"]]),
       pos=st.none() | st.tuples(st.floats(), st.floats()), collapsed=maybe, pinned=maybe)  # fmt: skip
def test_the_fast_path_agrees_with_the_full_check(**fields) -> None:  # noqa: ANN003
    """`node` decides common nodes in one expression; it must give what the full check gives."""
    n = Node(kind="claim", **fields)
    try:
        full = validate.node_checked(n)
    except validate.GateError:
        with pytest.raises(validate.GateError):
            validate.node(n)
        return
    fast = validate.node(n)
    assert fast == full
    assert [type(v) for v in vars(fast).values()] == [type(v) for v in vars(full).values()]
