"""Auto-generated captions (a video's transcript saved as text) have no punctuation and no
capitals: each caption line is a unit as it stands, so its arguments can be proposed. Punctuated
prose is read as before. The lines are our own."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer import Article
from model.importer.pipeline import prepare, propose
from storage.articles import _parse_text, read_article

SPEECH = [
    "i think the compute curve is the single most important chart in this whole debate",
    "so every time the labs scaled up the models picked up skills nobody trained them for",
    "the usual objection is that we are running out of good text to train on",
    "and honestly i do not buy that because synthetic data is already working for code",
    "the bigger problem is that agents still fall apart on long messy tasks",
    "so my bet is that scaling gets us most of the way but not all of it",
    "costs are the thing that worries me because each run is ten times pricier",
    "if the next model is not clearly better i will come back and say i was wrong",
    "people keep saying it cannot do this or that and then it does it a year later",
    "the benchmarks are saturating faster than anyone can write new ones",
    "what matters is whether it holds together over a full day of real work",
    "nobody has shown a wall yet and that is the whole point of this video",
]


@settings(max_examples=25, deadline=None)
@given(st.permutations(SPEECH), st.integers(0, 59))
def test_caption_lines_are_units_and_are_proposed(lines: list[str], sec: int) -> None:
    body = "\n".join(f"{k // 6}:{(sec + 7 * k) % 60:02d}\n{line}" for k, line in enumerate(lines))
    page = "Skip navigation\nSign in\nWhy scaling keeps working\nSome Channel\n\n" + body + "\n"
    article = _parse_text(page, "captions.txt")  # what the sandboxed reader runs
    assert article.title == "Why scaling keeps working"
    _, sents, _, _ = prepare(article)
    spoken = [s for s in sents if s.spoken]
    assert {s.text for s in spoken} == set(lines)
    result = propose(article, [], "t", stance_model=None)
    assert len(result.proposals) >= len(lines) // 2
    assert all(p.quote in lines for p in result.proposals)


def test_punctuated_prose_is_not_read_as_captions() -> None:
    text = "\n\n".join(line[0].upper() + line[1:] + "." for line in SPEECH)
    _, sents, _, _ = prepare(Article(text, title="An essay"))
    assert not any(s.spoken for s in sents)


def test_a_saved_caption_page_reads_its_title_and_its_speech(tmp_path) -> None:
    lines = "\n".join(f"0:{2 * k:02d}\n{line}" for k, line in enumerate(SPEECH))
    path = tmp_path / "captions.txt"
    path.write_text("Skip navigation\nSearch\nWhy scaling keeps working\n\n" + lines + "\n")
    article = read_article(str(path))
    assert article.title == "Why scaling keeps working"
    assert "Skip navigation" not in article.text
    assert sum(s.spoken for s in prepare(article)[1]) == len(SPEECH)


def test_a_caption_lines_title_writes_i_as_a_word_in_capitals() -> None:
    lines = [line.replace("i think", "i think i'm sure") if "i think" in line else line
             for line in SPEECH]  # fmt: skip
    body = "\n".join(f"0:{2 * k:02d}\n{line}" for k, line in enumerate(lines))
    article = _parse_text("Why scaling keeps working\n\n" + body + "\n", "captions.txt")
    # the rules' ranking: which lines the learned ranker proposes is not this test's subject
    result = propose(article, [], "t", stance_model=None, claim_model=None)
    titled = [p for p in result.proposals if "think" in p.quote]
    assert titled and all("I think I'm sure" in p.title for p in titled)
    assert all(p.quote in lines for p in result.proposals)  # the quote stays as written
