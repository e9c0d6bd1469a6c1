"""The first-sight legibility rule (tools/first_sight.py) judges OCR the way an eye would."""

from tools.first_sight import _in_order, words


def test_all_words_in_order_are_legible_and_a_missing_word_is_not():
    want = words("LLMs are one rung on a ladder")
    assert _in_order(want, words("-1.9 pts LLMs are one rung on a ladder of generality"))
    assert not _in_order(want, words("LLMs are one rung on ladder"))
    assert not _in_order(want, words("ladder a on rung one are LLMs"))


def test_a_dropped_space_is_not_an_illegible_word_but_a_dropped_letter_is():
    want = words("LLMs are one rung on a ladder")
    assert _in_order(want, words("llms are one rung ona ladder"))
    assert not _in_order(want, words("llms are one rung oa ladder"))
