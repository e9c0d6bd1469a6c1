"""A child started while the user picks a file loads the importer before it is asked to import,
so the wait after choosing the file is the article's own work, not start-up."""

from __future__ import annotations

import os
from pathlib import Path

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


def test_a_request_that_arrives_while_the_child_warms_up_skips_the_html_reader() -> None:
    """The HTML reader is the warm-up's last, optional step: a text file sent at once is read
    without waiting for it; left alone, the child loads it too."""
    with Sandbox(warm="import") as box:
        assert box.call("loaded", "model.importer.pipeline")  # the first step always runs
        assert not box.call("loaded", "trafilatura")


def test_importing_a_text_file_loads_no_html_pdf_or_web_stack(tmp_path) -> None:
    """A cold child reading and proposing a .txt imports only what text needs: not the HTML
    reader (trafilatura, lxml), the PDF reader, the web client, nor scikit-learn."""
    from model.importer.article import NodeRef
    from storage.import_job import import_article

    path = tmp_path / "essay.txt"
    path.write_text("Will scaling get there?\n\nScaling will not by itself produce general "
                    "intelligence, because the supply of text is running out.\n")  # fmt: skip
    refs = [NodeRef("T", "Scaling current LLM approaches will lead to AGI", kind="thesis")]
    with Sandbox(timeout=60) as box:
        assert import_article(os.fspath(path), refs, "T", box=box).result.proposals
        for module in ("trafilatura", "lxml", "pypdf", "urllib.request", "http.client", "sklearn"):
            assert not box.call("loaded", module), module


def test_the_app_and_cli_apply_imports_without_loading_the_pipeline() -> None:
    """The parent process only sends nodes and applies results (model.importer.apply): the
    pipeline's and the reading rules' 0.3–0.5 s of modules and patterns load in the child
    alone."""
    import subprocess
    import sys

    code = (
        "import sys, model.importer.apply, ui.importing.import_dialog, cli.import_article\n"
        "import storage.articles, storage.import_job\n"
        "from model.importer import NodeRef\n"
        "print(sorted(m for m in ('model.importer.pipeline', 'model.importer.lexicon',"
        " 'model.importer.meaning', 'model.importer.boilerplate', 'model.importer.chrome')"
        " if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, cwd=Path(__file__).parent.parent,
    )  # fmt: skip
    assert out.stdout.strip() == "[]"


def test_a_text_import_child_does_not_import_scipy(tmp_path) -> None:
    """TF-IDF runs on model/sparse_rows.py: scipy.sparse's ~0.1 s import is not part of an
    article import any more."""
    from model.importer.article import NodeRef
    from storage.import_job import import_article

    path = tmp_path / "essay.txt"
    path.write_text("Will scaling get there?\n\nScaling will not by itself produce general "
                    "intelligence, because the supply of text is running out.\n\nCompute "
                    "keeps growing, and models keep improving on new benchmarks.\n")  # fmt: skip
    refs = [NodeRef("T", "Scaling current LLM approaches will lead to AGI", kind="thesis"),
            NodeRef("a", "Data will run out", "The stock of text is finite", side=-1)]  # fmt: skip
    with Sandbox(timeout=60) as box:
        assert import_article(os.fspath(path), refs, "T", box=box).result.proposals
        assert not box.call("loaded", "scipy")
