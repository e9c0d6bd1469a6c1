"""storage/'s rarer rules, one by one: what a user sees when a map, a seed, a foreign file, a
report or a parser child does something unusual.

These close the gaps the broader storage tests leave (RELIABILITY.md: ≥ 95% branch coverage for
storage/). Each test asserts a round trip through the file, a refusal's message, or that a
parser child which crashes or hangs is stopped and replaced.
"""

from __future__ import annotations

import json
import os
import signal
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.argmap import ArgumentMap, Change
from model.entities import Point, Scenario, Series, Source
from storage import rows
from storage.document import MapDocument
from storage.interchange import InterchangeError
from storage.interchange.graphbuild import ForeignEdge, ForeignNode, build
from storage.report_html import markdown_to_html, render_html
from storage.sandbox import Sandbox, SandboxError
from storage.seedmap import MY_VIEW, SeedError, load_seed


def small_map() -> ArgumentMap:
    amap = ArgumentMap()
    t = amap.add_node("thesis", "Scaling leads to AGI")
    a = amap.add_node("claim", "Loss keeps falling with compute")
    b = amap.add_node("claim", "Text runs out by 2030")
    amap.link(a, t, "supports", "strong")
    amap.link(b, t, "attacks", "moderate")
    amap.put_scenario(Scenario("Optimist", "more weight on loss curves", priors={a: 0.9}))
    amap.put_scenario(Scenario("Sceptic", "", strengths={(b, t): 6.0}))
    amap.put_series(Series("compute", "Training compute", "FLOP", (Point("2020", 3e23),)))
    amap.put_series(Series("cost", "Training cost", "USD", (Point("2023", 7.8e7),)))
    amap.set_meta("title", "Small debate")
    amap.set_meta("note", "to be dropped")
    return amap


def reopened(path: Path) -> ArgumentMap:
    doc = MapDocument.open(path)
    try:
        return doc.map
    finally:
        doc.close()


# ------------------------------------------------------------------------------------- rows
def test_replacing_the_whole_map_rewrites_the_file(tmp_path: Path) -> None:
    doc = MapDocument.create(tmp_path / "m.cruxmap", small_map())
    other = ArgumentMap()
    other.add_node("thesis", "A different question")
    other.set_meta("title", "Other")
    doc.map.replace_contents(other)
    doc.close()
    assert reopened(tmp_path / "m.cruxmap") == other


def test_removed_scenarios_and_series_are_gone_after_reopening(tmp_path: Path) -> None:
    doc = MapDocument.create(tmp_path / "m.cruxmap", small_map())
    with doc.map.batch("Delete"):  # as the app's undo commands do
        doc.map.remove_scenario("Optimist")
        doc.map.remove_series("compute")
    expected = doc.map.snapshot()
    doc.close()
    back = reopened(tmp_path / "m.cruxmap")
    assert back.snapshot() == expected
    assert list(back.scenarios) == ["Sceptic"] and list(back.series) == ["cost"]


@pytest.mark.parametrize("what", ["scenario", "series", "source"])
def test_a_removal_outside_a_batch_is_stored_too(tmp_path: Path, what: str) -> None:
    doc = MapDocument.create(tmp_path / "m.cruxmap", small_map())
    if what == "scenario":
        doc.map.remove_scenario("Optimist")
    elif what == "series":
        doc.map.remove_series("compute")
    else:
        doc.map.add_source(Source("unused", "A source nobody cites"))
        doc.map.remove_source("unused")
    expected = doc.map.snapshot()
    doc.close()
    assert reopened(tmp_path / "m.cruxmap").snapshot() == expected


def test_a_meta_key_the_model_dropped_is_dropped_from_the_file(tmp_path: Path) -> None:
    doc = MapDocument.create(tmp_path / "m.cruxmap", small_map())
    del doc.map.meta["note"]
    with doc.db.atomic():
        rows.write_changes(doc.db.conn, doc.map, [Change("meta", "note")])
    doc.close()
    back = reopened(tmp_path / "m.cruxmap")
    assert "note" not in back.meta and back.meta["title"] == "Small debate"


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["drop scenario", "drop series", "retitle", "add series"]),
                max_size=6))  # fmt: skip
def test_any_mix_of_edits_reads_back_as_the_model(tmp_path_factory, edits: list[str]) -> None:
    path = tmp_path_factory.mktemp("rows") / "m.cruxmap"
    doc = MapDocument.create(path, small_map())
    amap = doc.map
    for i, edit in enumerate(edits):
        with amap.batch(edit):  # one undo command = one batch
            if edit == "drop scenario" and amap.scenarios:
                amap.remove_scenario(next(iter(amap.scenarios)))
            elif edit == "drop series" and amap.series:
                amap.remove_series(next(iter(amap.series)))
            elif edit == "retitle":
                amap.set_meta("title", f"Title {i}")
            elif edit == "add series":
                amap.put_series(Series(f"s{i}", "", "%", (Point("2024", float(i)),)))
    expected = amap.snapshot()
    doc.close()
    assert reopened(path).snapshot() == expected


# ---------------------------------------------------------------------------------- seedmap
SEED = """
title: Tiny debate
sources:
  - {id: s1, title: An essay}
nodes:
  - {id: t, kind: thesis, title: Scaling leads to AGI}
  - id: a
    title: Loss keeps falling
    cite: [{source: s1, quote: loss falls}]
    links: [{to: t, strength: strong}]
"""


def test_a_small_seed_file_builds_a_map_with_my_view(tmp_path: Path) -> None:
    path = tmp_path / "seed.yaml"
    path.write_text(SEED, encoding="utf-8")
    amap = load_seed(path, with_trends=False)
    assert amap.thesis.title == "Scaling leads to AGI" and amap.current_scenario == MY_VIEW
    assert amap.node("a").citations[0].source == "s1" and amap.series == {}


@pytest.mark.parametrize(("text", "message"), [
    (None, r"cannot read missing\.yaml"),
    ("nodes: [unclosed", r"cannot read seed\.yaml"),
    ("title: no nodes\n", r"seed\.yaml: 'nodes'"),
    (SEED.replace("source: s1", "source: s9"), r"node 'a' cites unknown source 's9'"),
    (SEED.replace("to: t", "to: nowhere"), r"seed\.yaml: .*nowhere"),
])  # fmt: skip
def test_a_broken_seed_file_names_the_problem(tmp_path: Path, text: str | None,
                                              message: str) -> None:  # fmt: skip
    path = tmp_path / ("missing.yaml" if text is None else "seed.yaml")
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(SeedError, match=message):
        load_seed(path, with_trends=False)


# ------------------------------------------------------------------------------- graphbuild
def node(key: str, title: str = "", **data: object) -> ForeignNode:
    return ForeignNode(key, title or f"Statement {key}", f"element {key}", data=dict(data))


def test_a_link_to_a_statement_the_file_lacks_names_the_element() -> None:
    edges = [ForeignEdge("a", "zz", "supports", "edge 7")]
    with pytest.raises(InterchangeError, match="edge 7: no statement 'zz' to link"):
        build([node("a")], edges)


def test_a_foreign_node_of_an_unknown_kind_is_refused() -> None:
    with pytest.raises(InterchangeError, match="element a: kind must be one of .*not 'premise'"):
        build([node("a", kind="premise")], [])


@pytest.mark.parametrize(("prior", "message"), [
    ("very likely", "element a: prior must be a number, not 'very likely'"),
    (1.5, "element a: prior must be between 0 and 1, got 1.5"),
])  # fmt: skip
def test_a_foreign_node_with_a_bad_prior_is_refused(prior: object, message: str) -> None:
    with pytest.raises(InterchangeError, match=message):
        build([node("a", prior=prior)], [])


def test_an_untitled_statement_takes_its_text_or_its_id() -> None:
    amap = build([ForeignNode("a", " ", "el a", "Scaling keeps working."),
                  ForeignNode("b", "", "el b", "", {"id": "n-b"})], [])  # fmt: skip
    titles = sorted(n.title for n in amap.nodes())
    assert titles == ["Scaling keeps working.", "n-b"]


def test_without_any_link_no_statement_is_made_the_thesis() -> None:
    amap = build([node("a"), node("b")], [], title="Loose notes")
    assert amap.thesis is None and amap.meta["title"] == "Loose notes"


# ------------------------------------------------------------------------------ report_html
def test_report_links_keep_fragments_and_drop_unparseable_urls() -> None:
    md = "[top](#summary), [bad](http://[::1), [worse](//[oops), [ok](https://example.org)"
    html = markdown_to_html(md)
    assert 'href="#summary"' in html and 'href="https://example.org"' in html
    assert "[::1" not in html and "oops" not in html and html.count("href=") == 2


def test_an_exported_report_names_itself_and_forbids_remote_content() -> None:
    page = render_html("# Findings\n\nScaling <script>alert(1)</script> works.", title="A<b>")
    assert "<title>A&lt;b&gt;</title>" in page and "<script" not in page
    assert "default-src 'none'" in page


# ---------------------------------------------------------------------------------- sandbox
def test_a_parser_that_segfaults_is_reported_and_replaced() -> None:
    """A C-level parser crash (SIGSEGV) ends the child: the user gets a message, the next
    file gets a fresh child."""
    with Sandbox(timeout=20) as box:
        assert box.call("echo", 1) == 1
        pid = box._proc.pid
        threading.Timer(0.3, os.kill, (pid, signal.SIGSEGV)).start()
        with pytest.raises(SandboxError, match="ran out of memory or crashed"):
            box.call("burn", 10)
        assert box.call("echo", "again") == "again" and box._proc.pid != pid


def test_closing_stops_a_child_still_busy_with_an_abandoned_request() -> None:
    box = Sandbox(timeout=20)
    assert box.call("echo", 1) == 1
    proc = box._proc
    proc.stdin.write(json.dumps({"f": "burn", "args": [30]}).encode() + b"\n")
    proc.stdin.flush()
    box.close()  # the child gets a grace period to finish, then it is stopped
    assert proc.returncode == -signal.SIGKILL and box._proc is None
