"""A child started while the user picks a file loads the importer before it is asked to import,
so the wait after choosing the file is the article's own work, not start-up."""

from __future__ import annotations

import os

import pytest

from storage.sandbox import Sandbox


def test_a_warm_child_has_the_importer_loaded_before_its_first_request() -> None:
    with Sandbox(warm="import") as box:
        box.start()
        assert box.call("loaded", "model.importer.meaning")
        assert box.call("loaded", "model.importer.pipeline")


def test_a_plain_child_loads_nothing_it_is_not_asked_for() -> None:
    with Sandbox() as box:
        assert not box.call("loaded", "model.importer.meaning")


def test_only_known_warm_ups_are_run() -> None:
    with pytest.raises(ValueError):
        Sandbox(warm="os:system")


def test_a_warm_child_still_reads_and_proposes(tmp_path) -> None:
    from model.importer.article import NodeRef
    from storage.import_job import import_article

    path = tmp_path / "essay.txt"
    path.write_text(
        "Will scaling get there?\n\nScaling will not by itself produce general intelligence, "
        "because the supply of text is running out.\n\nBigger models keep surprising us.\n"
    )
    refs = [NodeRef("T", "Scaling current LLM approaches will lead to AGI", kind="thesis")]
    with Sandbox(warm="import", timeout=60) as box:
        box.start()
        outcome = import_article(os.fspath(path), refs, "T", box=box)
    assert outcome.result.proposals
    assert outcome.result.article.title == "Will scaling get there?"
