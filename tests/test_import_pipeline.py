"""The proposal pipeline on our own articles: sentences, claims, stance, targets, facts, apply."""

from __future__ import annotations

import json

import pytest
from test_import_support import FIXTURES

from model.argmap import ArgumentMap
from model.importer import Article, NodeRef, propose
from model.importer.apply import Decision, accept_all, apply_import, node_refs, retarget
from model.importer.boilerplate import clean_text, clean_title
from model.importer.evaluate import Locator, normalise, rates, score_article, total
from model.importer.facts import find_facts
from model.importer.sentences import claim_units, split_sentences
from model.importer.stance import classify, polarity

THESIS = NodeRef("T", "Scaling current LLM approaches will lead to AGI", kind="thesis", side=0)
NODES = [
    THESIS,
    NodeRef(
        "data",
        "We will run out of high-quality training data",
        "The stock of human text is finite and will be exhausted",
        side=-1,
    ),
    NodeRef(
        "trend",
        "Benchmark scores keep improving with scale",
        "Performance improves steadily as compute grows",
        side=1,
    ),
]
TEXT = (FIXTURES / "plain_debate.txt").read_text()


def article() -> Article:
    c = clean_text(TEXT)
    return Article(text=c.text, title=c.title, author=c.author, date=c.date)


def test_sentences_keep_offsets() -> None:
    text = (
        "Dr. Smith said costs grew 2.4 × per year since 2016. Is that sustainable?\n"
        "- Scaling is insufficient: more compute won't solve it\n"
        "It held e.g. for GPT-3. Then it stopped… BIGGER models came."
    )
    sents = split_sentences(text)
    for s in sents:
        assert text[s.start : s.end] == s.text
    assert [s.text for s in sents][:2] == [
        "Dr. Smith said costs grew 2.4 × per year since 2016.",
        "Is that sustainable?",
    ]
    assert sents[2].bullet and sents[2].text.startswith("Scaling")
    assert any(s.text == "It held e.g. for GPT-3." for s in sents)


def test_parallel_short_sentences_form_one_unit() -> None:
    text = "They cannot plan. They cannot remember. They cannot learn.\nBut this is fine."
    units = claim_units(split_sentences(text), text)
    assert units[0].text == "They cannot plan. They cannot remember. They cannot learn."


def test_stance_cues_negation_and_contrast() -> None:
    assert polarity("Scaling alone will not lead to AGI.") < 0
    assert polarity("Scaling will lead to AGI.") > 0
    assert polarity("Data will not be a bottleneck.") > 0
    assert polarity("Scaling has worked so far, but the returns are diminishing.") < 0
    assert (
        classify("The belief is that more compute will eventually yield AGI.", 0, -1.0)[0] == "pro"
    )
    assert classify("Models keep getting cheaper.", -1, 0.0)[0] == "con"  # a pessimistic section


def test_propose_on_own_article() -> None:
    result = propose(article(), NODES, "T")
    props = result.proposals
    # Nine sentences, each a claim or its evidence: a short, dense article may have all of them
    # proposed (the cap only bites in long ones); asides are never (test_import_ranker).
    assert 3 <= len(props) <= len(result.sentences)
    assert not any("Leave a Reply" in p.quote or "example.org" in p.quote for p in props)
    text = result.article.text
    for p in props:
        assert text[p.start : p.end] == p.quote
        assert p.stance in ("pro", "con", "neutral") and 0 < p.confidence <= 1
        assert p.relation in ("supports", "attacks", "duplicate")
        assert p.target in {n.id for n in NODES}
    quotes = " ".join(p.quote for p in props)
    assert "scale is necessary but not sufficient" in quotes
    verdict = next(p for p in props if "will not produce general intelligence" in p.quote)
    assert verdict.stance == "con" and verdict.relation == "attacks" and verdict.target == "T"
    supporters = next(p for p in props if "Supporters of the scaling hypothesis" in p.quote)
    assert supporters.stance == "pro"
    data = json.loads(json.dumps(result.to_json()))
    assert set(data) == {"document", "proposals", "trend_facts"}
    assert set(data["document"]) == {"title", "author", "date", "url", "text"}
    assert {"quote", "start", "end", "stance", "confidence", "target", "relation"} <= set(
        data["proposals"][0]
    )


def test_duplicate_and_relation_from_side() -> None:
    art = Article(
        text="The stock of human text is finite and will be exhausted soon. "
        "Benchmarks saturate, and performance will not improve steadily as compute "
        "grows."
    )
    result = propose(art, NODES, "T")
    by_quote = {p.quote[:20]: p for p in result.proposals}
    dup = by_quote["The stock of human t"]
    assert dup.relation == "duplicate" and dup.target == "data"
    bench = by_quote["Benchmarks saturate,"]
    assert bench.stance == "con" and bench.target == "trend" and bench.relation == "attacks"


def test_trend_facts() -> None:
    text = (
        "Training compute has grown 4.2x per year since 2010. GPT-4 used about 2e25 FLOP and "
        "cost $41–78 M. The stock of text is about 300 trillion tokens. It scored 86% in 2023. "
        "We need five orders of magnitude more data. Founded in 1998 with 12 people."
    )
    facts = {(f.value, f.unit) for f in find_facts(text)}
    assert (4.2, "x/year") in facts
    assert (2e25, "FLOP") in facts
    assert (41e6, "USD") in facts
    assert (300e12, "tokens") in facts
    assert (86.0, "percent") in facts
    assert (1e5, "x") in facts
    assert not any(v in (1998.0, 12.0) for v, _ in facts)
    f = next(f for f in find_facts(text) if f.unit == "FLOP")
    assert f.label == "GPT-4" and f.quantity == "training compute"
    growth = next(f for f in find_facts(text) if f.unit == "x/year")
    assert growth.year is None and growth.dated_elsewhere  # "since 2010" is when it started


def test_no_facts_in_prose_without_units() -> None:
    assert find_facts("A vocabulary of 50,000 possible words; the GPT-3 paper; page 12.") == []


def test_boilerplate_heuristics() -> None:
    text = (
        "Learn why models stall. Discover the details.\nMy Big Title\nBy Jo Park\n"
        + "Body sentence one is here and it is long enough.\n" * 3
        + "Subscribe to our newsletter for more.\nSecond body line with content.\n"
        "Great post, thank you! Keep up the great work!\n"
    )
    c = clean_text(text)
    assert c.title == "My Big Title" and c.author == "Jo Park"
    assert "Learn why" not in c.text and "Subscribe" not in c.text and "Great post" not in c.text
    assert "Second body line" in c.text
    assert clean_title("Can Scale Win? | Some Site") == "Can Scale Win?"


def test_apply_import_is_one_batch() -> None:
    amap = ArgumentMap()
    with amap.batch("seed"):
        t = amap.add_node("thesis", "Scaling current LLM approaches will lead to AGI")
        d = amap.add_node(
            "claim",
            "We will run out of high-quality training data",
            text="The stock of human text is finite and will be exhausted",
        )
        amap.link(d, t, "attacks")
    seen: list = []
    amap.subscribe(lambda changes: seen.append(changes))
    art = Article(
        text="The stock of human text is finite and will be exhausted soon. Scaling "
        "alone will not lead to AGI, because planning does not improve with size.",
        title="Test",
        url="https://example.org/a",
    )
    refs = node_refs(amap)
    assert {r.id: r.side for r in refs} == {t: 0, d: -1}
    result = propose(art, refs, t)
    out = apply_import(amap, art, accept_all(result))
    assert len(seen) == 1 and amap.last_label == "Import article"
    assert out["cited"] == [d]
    assert len(amap.node(d).citations) == 1
    new = amap.node(out["nodes"][0])
    cite = new.citations[0]
    assert art.text[cite.start : cite.end] == cite.quote
    assert amap.sources[out["source"]].text == art.text
    assert amap.edge(new.id, t).relation == "attacks"


def test_retarget_rederives_relation() -> None:
    dec = Decision("q", 0, 1, "q", "con", "T", "attacks")
    assert retarget(dec, NODES[1]).relation == "supports"


def test_evaluate_on_own_gold() -> None:
    raw = "<p>Scaling &amp; data will run out soon.</p><p>Subscribe now!</p><p>Costs grow 3x a year.</p>"
    art = Article(text="Scaling & data will run out soon.\nCosts grow 3x a year.")
    gold = {
        "claims": [
            {"quote": "Scaling &amp; data will run out soon.", "stance": "con", "importance": 2}
        ],
        "trend_facts": [{"quote": "Costs grow 3x a year", "value": 3, "unit": "x", "year": None}],
        "boilerplate_samples": ["Subscribe now!"],
    }
    result = propose(art, [THESIS], "T")
    c = score_article(raw, gold, result)
    r = rates(total([c]))
    assert r["boilerplate_leakage"] == 0.0 and r["content_retention"] == 1.0
    assert r["trend_fact_recall"] == 1.0
    loc = Locator(raw, art.text)
    assert loc.span(0, 10) == (0, 10) and normalise("“a”  –\n b") == '"a" - b'


@pytest.mark.parametrize("text", ["", "   ", "Short.", "???", "1 2 3 4 5 6 7 8"])
def test_degenerate_articles(text) -> None:
    result = propose(Article(text=text), [], "T")
    assert isinstance(result.proposals, list)
