"""Question-and-answer pages (storage/articles.py, _with_thread): the question, every answer and
their comments are the argument, and a main-content extractor keeps only one post of them.

The page below is invented in the usual markup of Q&A engines (class names "question" and
"answer", or schema.org's QAPage microdata), not taken from any annotated page.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer.boilerplate import clean_text
from storage.articles import _parse_html, _qa_thread, _with_thread

QUESTION = (
    "Our reading group keeps arguing about whether bigger pretraining runs are enough for broad "
    "competence. I would like answers that lean on measured results rather than on taste."
)
ASKED = [
    QUESTION,
    "One camp says the loss curves have been smooth for so long that betting against them is "
    "the odd position, and that everything else people call a missing ingredient has arrived on "
    "schedule as models grew. The other camp says the curves measure the wrong thing, because "
    "they reward getting better at tasks much like the training data.",
    "By broad competence I mean handling most of the work a capable graduate does, including "
    "problems nobody prepared the system for, without a custom pipeline built around each one. "
    "By bigger runs I mean the present recipe with more parameters, more data and more compute.",
    "So which camp do the numbers favour, and what result would settle it for you?",
]
ACCEPTED = [
    "The measured curves are strong evidence that scale improves what models already do well, "
    "and much weaker evidence that it produces competence on tasks unlike their training data.",
    "Benchmarks built to resist memorisation still show large gaps between models and people, "
    "and those gaps narrowed mostly when search was added at inference time.",
    "Surveys of researchers also lean sceptical, which is not proof but tells you where the burden "
    "of argument usually sits.",
    "Field trials matter more to me than leaderboards. When experienced engineers were timed on "
    "their own code bases with and without assistants, the assisted group was not faster, even "
    "though its members believed they had been, and that gap between felt and measured speed is "
    "exactly what you would not expect if the models already generalised the way the curves hint.",
    "Then there is the question of inputs. Public estimates of the stock of good human-written "
    "text put it within reach of the largest runs this decade, and synthetic data helps most "
    "where answers can be checked, which covers mathematics and code far better than law, "
    "medicine or the messy judgement calls that make up most skilled work.",
    "None of this says progress stops. It says the evidence you asked for, that bigger runs alone "
    "bring broad competence, is thin, while the evidence that they bring steady gains on familiar "
    "kinds of task is overwhelming, and the two are easy to confuse when a chart goes up and to "
    "the right year after year without pause.",
    "What would move me is a model trained the ordinary way, with no scaffolding built for the "
    "test, matching careful human performance on a benchmark it could not have seen, and doing so "
    "on more than one such benchmark, in more than one domain, reported by people who did not "
    "build it.",
]
SECOND = [
    "I disagree with the accepted answer, because every confident forecast of a plateau in the "
    "last six years was overtaken within a year or two of being made.",
    "Inference has become far cheaper for the same quality, so methods that spend more compute at "
    "answer time are now affordable for ordinary users.",
]
COMMENTS = [
    "Counting search as something other than scale seems arbitrary to me.",
    "Fair point, and that definitional question is where most of the disagreement lives.",
]
FURNITURE = ["Share", "Cite", "Follow", "Improve this answer", "reasoning", "benchmarks",
             "Accepted", "Modified", "Viewed 1,204 times"]  # fmt: skip


def _post(kind: str, paras: list[str], comments: list[str], microdata: bool) -> str:
    attrs = (
        f'itemscope itemtype="https://schema.org/{kind.capitalize()}"'
        if microdata
        else f'class="{kind}"'
    )
    body = "".join(f"<p>{p}</p>" for p in paras)
    notes = "".join(f'<li><span class="comment-body">{c}</span></li>' for c in comments)
    asked = kind == "question"
    head = (
        '<div class="qmeta"><span>Modified</span> <time>today</time> <span>Viewed 1,204 times</span>'
        "</div>"
        if asked
        else ""
    )
    tags = '<a class="tag">reasoning</a> <a class="tag">benchmarks</a>' if asked else ""
    menu = "<a>Cite</a>" if asked else "<a>Improve this answer</a>"
    mark = "" if asked else "<span>Accepted</span>"
    return (
        f"{head}<section {attrs}>"
        f'<div class="votecell"><span class="count">38</span>{mark}</div>'
        f'<div class="post-body">{body}</div>'
        f'<div class="post-tags">{tags}</div>'
        f'<div class="post-menu"><a>Share</a> {menu} <a>Follow</a></div>'
        f'<ul class="comments">{notes}</ul>'
        "</section>"
    )


def _clean(text: str) -> str:
    return clean_text(text, find_title=False).text


def page(microdata: bool = False) -> str:
    posts = (
        _post("question", ASKED, [], microdata)
        + _post("answer", ACCEPTED, COMMENTS, microdata)
        + _post("answer", SECOND, [], microdata)
    )
    return (
        "<!DOCTYPE html><html><head><title>Is more pretraining enough? - Example Q&amp;A</title>"
        "</head><body><header><nav><a>Home</a> <a>Questions</a> <a>Tags</a></nav></header>"
        "<main><div class='thread'><h1>Is more pretraining enough for broad competence?</h1>"
        f"{posts}</div></main>"
        "<aside><h3>Hot questions</h3><ul><li><a>Why does my warmup diverge?</a></li></ul></aside>"
        "<footer><a>Privacy policy</a> <a>Terms of service</a></footer></body></html>"
    )


def test_every_post_of_a_qa_page_is_read() -> None:
    for microdata in (False, True):
        text = _parse_html(page(microdata), "qa.html").text
        for sentence in [*ASKED, *ACCEPTED, *SECOND]:
            assert sentence in text, (microdata, sentence[:40])


def test_a_thread_the_extractor_kept_one_post_of_is_read_whole_with_its_comments() -> None:
    for microdata in (False, True):
        text = _with_thread(page(microdata), "\n".join(ACCEPTED))
        for sentence in [*ASKED, *ACCEPTED, *SECOND, *COMMENTS]:
            assert sentence in text, (microdata, sentence[:40])
        assert text.index(QUESTION) < text.index(ACCEPTED[0]) < text.index(SECOND[0])


def test_a_qa_posts_furniture_stays_out() -> None:
    text = _clean(_with_thread(page(), ACCEPTED[0]))
    short = [ln for ln in text.split("\n") if len(ln.split()) < 8]
    for word in FURNITURE:
        assert not any(word in ln for ln in short), (word, short)
    assert not any(ln.strip().startswith("38") for ln in short)


def test_a_question_without_answers_is_not_a_thread() -> None:
    only = _post("question", [QUESTION], [], False)
    assert _qa_thread(f"<html><body><main>{only}</main></body></html>") is None
    assert _qa_thread(page()) is not None


paragraphs = st.lists(
    st.text(alphabet=st.characters(categories=("Ll", "Zs")), min_size=20, max_size=200),
    min_size=1,
    max_size=6,
)


@settings(max_examples=40, deadline=None)
@given(paragraphs, st.sampled_from(["article", "div", "section"]))
def test_a_page_without_question_and_answer_keeps_its_body(paras: list[str], tag: str) -> None:
    whole = "<html><body>" + "".join(f"<{tag}><p>{p}</p></{tag}>" for p in paras) + "</body></html>"
    body = "\n".join(paras[:1])
    assert _with_thread(whole, body) == body


def test_a_faq_at_the_end_of_an_article_keeps_the_article() -> None:
    essay = "".join(f"<p>{p}</p>" for p in [*ACCEPTED, *SECOND] * 3)
    faq = _post("question", ["Is this the last word?"], [], False) + _post(
        "answer", ["No, and the next report will revisit it."], [], False
    )
    src = (
        "<html><head><title>Scale and its limits</title></head><body><article>"
        f"<h1>Scale and its limits</h1>{essay}<div class='faq'>{faq}</div></article></body></html>"
    )
    text = _parse_html(src, "essay.html").text
    for sentence in [*ACCEPTED, *SECOND]:
        assert sentence in text
