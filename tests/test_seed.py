"""The seed debate: big enough, both sides, every claim and evidence cited, figures present."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from storage.seedmap import SEED_FILE, load_seed

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "gold"


@pytest.fixture(scope="module")
def seed():
    return load_seed()


def test_seed_has_one_thesis_and_at_least_50_nodes(seed) -> None:
    kinds = Counter(n.kind for n in seed.nodes())
    assert kinds["thesis"] == 1
    assert seed.thesis.title == "Scaling current LLM approaches leads to AGI by 2040"
    assert len(seed) >= 50
    assert kinds["evidence"] >= 10


def test_every_claim_and_evidence_cites_a_known_source(seed) -> None:
    for node in seed.nodes():
        if node.kind != "thesis":
            assert node.citations, f"{node.id} has no citation"
            for c in node.citations:
                assert seed.sources[c.source].title.strip()
    assert seed.check() == []


def test_both_sides_are_argued_and_everything_reaches_the_thesis(seed) -> None:
    sides = Counter(seed.side(n.id) for n in seed.nodes() if n.kind != "thesis")
    assert sides[1] >= 15 and sides[-1] >= 15
    assert sides[0] == 0, "every reason should bear on the thesis through some path"
    assert nx.is_directed_acyclic_graph(seed.graph)


def test_key_figures_are_evidence(seed) -> None:
    evidence = " ".join(f"{n.title} {n.text}" for n in seed.nodes() if n.kind == "evidence")
    for figure in ("2.4", "300", "1e35", "1.7%", "4.8%", "75.7"):
        assert figure.replace("1e35", "10^35") in evidence or figure in evidence, figure


def test_seed_sources_name_the_five_articles(seed) -> None:
    files = {s.file for s in seed.sources.values() if s.file}
    assert len(files) == 5
    for s in seed.sources.values():
        assert s.author or s.outlet, f"source {s.id} names no author or outlet"


def test_scenarios_ship_with_the_seed(seed) -> None:
    names = list(seed.scenarios)
    assert "My view" in names and len(names) >= 3
    assert seed.current_scenario == "My view"
    for sc in seed.scenarios.values():
        assert sc.priors or sc.strengths or sc.name == "My view"


def test_trend_series_ship_with_the_seed(seed) -> None:
    assert {"train_compute_flop", "train_cost_usd", "arc_agi_1_pct"} <= set(seed.series)
    for series in seed.series.values():
        for p in series.points:
            assert p.source or series.source, f"{series.name} point {p.label} has no source"


@pytest.mark.skipif(not GOLD.is_dir(), reason="shared eval gold set not present")
def test_seed_text_does_not_copy_article_sentences(seed) -> None:
    """Paraphrase, never copy: no node text repeats 8 consecutive words of a gold quote."""
    quotes = [c["quote"] for f in GOLD.glob("*.json") for c in json.loads(f.read_text())["claims"]]
    grams = set()
    for q in quotes:
        words = q.lower().split()
        grams.update(" ".join(words[i : i + 8]) for i in range(len(words) - 7))
    for node in seed.nodes():
        words = f"{node.title} {node.text}".lower().split()
        for i in range(len(words) - 7):
            assert " ".join(words[i : i + 8]) not in grams, f"{node.id} copies an article"


def test_seed_file_is_human_readable_yaml() -> None:
    text = SEED_FILE.read_text(encoding="utf-8")
    assert text.lstrip().startswith(("title:", "#"))
    assert "\t" not in text


def test_evidence_tied_to_series_names_a_shipped_series(seed) -> None:
    tied = [n for n in seed.nodes() if n.series]
    assert len(tied) >= 10
    for node in tied:
        assert node.series in seed.series, f"{node.id} names unknown series {node.series}"
