"""A text file's title is its own heading, not the masthead or document kind printed over it.

Among the held-out articles, "THE BELLWETHER" (a parish newsletter's masthead), "MEMORANDUM"
and "UNITED STATES" (over a filing) had been taken for titles. A title in capitals that says
something is still a title. The pages here are written for these tests.
"""

from __future__ import annotations

import pytest

from model.importer.boilerplate import clean_text

BODY = (
    "The council asked me to write about the new machines, and I agreed because the question "
    "of whether bigger models will come to think as we do matters to everyone here.\n\n"
    "I am not persuaded that more of the same will get there.\n"
)


@pytest.mark.parametrize(
    "masthead", ["THE BELLWETHER", "MEMORANDUM", "PARISH NEWS", "UNITED STATES"]
)
def test_a_masthead_in_capitals_is_not_the_title(masthead) -> None:
    page = f"{masthead}\n\nClever Machines and the Limits of More\n\n{BODY}"
    cleaned = clean_text(page)
    assert cleaned.title == "Clever Machines and the Limits of More"
    assert cleaned.text.startswith("The council asked me")


def test_a_title_in_capitals_that_says_something_is_kept() -> None:
    assert clean_text(f"SCALING IS NOT ENOUGH\n\n{BODY}").title == "SCALING IS NOT ENOUGH"
