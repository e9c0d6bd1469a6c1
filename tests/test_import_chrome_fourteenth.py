"""Chrome of manual pages and AsciiDoc sources read as text, open letters' signing pages, shop
review pages, annual reports' running headers, forum and consultation-portal notices (fourteenth
round, model/importer/manuals.py; the PDF reader's running header in storage/articles.py).

Each kind goes, and the argued sentences that use its words stay; the properties hold for any
article. The lines here are invented in each format's usual wording, not taken from the set.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer.boilerplate import clean_text
from model.importer.manuals import is_asciidoc, is_man_page, is_manual_line
from storage.articles import _join_pdf_lines
from tests import pages
from tests.pages import body, body_properties, paras, want

ARG = pages.PROSE[:4]
HEADINGS = ["Why the curves held", "The data problem", "What would change my mind"]

# Signing pages, review pages, running headers, notices: one line each -------------------------

LINES = [
    "Petition 2207 · Started 3 May 2026 · 18,950 signatures so far",
    "902 signatures and counting",
    "[ Sign the petition ]  [ Tweet ]  [ Email a friend ]",
    "Sign this petition",
    "Add your name to this letter",
    "OPENVOICES.ORG — petitions anyone can start",
    "OpenVoices hosts petitions started by the public and does not necessarily endorse them.",
    "Report this petition · Privacy · Terms",
    "214 people found this helpful",
    "One person found this helpful",
    "Verified purchase",
    "Report abuse",
    "Was this review helpful?",
    "★★★☆☆",
    "3.5 out of 5 stars",
    "Reviewed in the United Kingdom on 14 February 2026",
    "Northgate Holdings plc Annual Report and Accounts 2025 | Governance report",
    "Tollbury Group Annual Report 2026 · Strategic report",
    "Replies are visible to your cohort. Please read our forum guidelines before posting.",
    "This response was submitted via the Fenwick Authority online consultation form.",
]

# Argued sentences that use the same words: they stay.
PROSE = [
    "The petition gathered 18,950 signatures in a week, which shows worry, not evidence about "
    "whether scaling works.",
    "I found this helpful as a summary of the compute curves, but the book never asks what the "
    "curves are curves of.",
    "Our annual report for 2026 argues that larger models will keep paying for themselves, and "
    "the board stands by that view.",
    "Readers should sign nothing until the labs publish held-out results on learning from few "
    "examples.",
    "A verified purchase of a bigger cluster does not verify the claim that it buys general "
    "intelligence.",
]


@pytest.mark.parametrize("line", LINES)
def test_a_signing_review_or_report_line_goes(line: str) -> None:
    assert is_manual_line(line)
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], ARG[1])


@pytest.mark.parametrize("line", PROSE)
def test_a_sentence_that_uses_those_words_stays(line: str) -> None:
    assert not is_manual_line(line)
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


def test_a_signatory_list_goes_down_to_its_others_line() -> None:
    signers = [
        "INITIAL SIGNATORIES (institutions listed for identification)",
        "Tamsin Oduya-Lorrimer, data engineer, Wexcombe",
        "Prof. Anselm Quiroga-Hale, philosopher of mind, Linnet University",
        "Dr. Yusra Bellweather, economist, Harrowgate Policy Lab",
        "+ 340 more. See the full list on the site",
    ]
    assert body(ARG[0], ARG[1], *signers) == want(ARG[0], ARG[1])


def test_a_list_of_people_in_the_argument_stays() -> None:
    named = [
        "Signatories:",
        "Nobody who signed doubts that the curves have held, and several of us built them.",
        "We ask only for held-out tests of learning from few examples.",
    ]
    assert body(ARG[0], *named[1:]) == want(ARG[0], *named[1:])


def test_a_pdf_running_header_takes_no_paragraph() -> None:
    raw = (
        "Northgate Holdings plc Annual Report and Accounts 2025 Strategic report | Chief executive\n"
        "Chief executive's review: the long bet\n"
        "This year we doubled our spending on compute because we think larger models will keep\n"
        "paying for themselves."
    )
    lines = _join_pdf_lines(raw).split("\n")
    assert lines[0].startswith("Northgate Holdings plc Annual Report") and len(lines) == 3
    assert not is_manual_line("Our Annual Report 2025 set out why we bet on larger models.")


# Manual pages ---------------------------------------------------------------------------------


def man(parts: list[str]) -> str:
    indent = "\n".join("       " + p for p in parts)
    return (
        "TIDEGAUGE(1)               General Commands Manual              TIDEGAUGE(1)\n\n"
        "NAME\n       tidegauge - compare benchmark curves with what they promise\n\n"
        "SYNOPSIS\n       tidegauge [-q] [--since YEAR] FILE...\n\n"
        f"DESCRIPTION\n{indent}\n\n"
        "EXIT STATUS\n       0      Every curve was read.\n\n"
        "SEE ALSO\n       benchplot(1), tidegauge.rc(5)\n\n"
        "AUTHOR\n       Written by Corisande Aplin-Mwangi.\n\n"
        "REPORTING BUGS\n       Send reports to the tidegauge mailing list.\n\n"
        "COPYRIGHT\n       Copyright (C) 2025 Corisande Aplin-Mwangi. License MIT.\n\n"
        "tidegauge 2.1                      June 2026                        TIDEGAUGE(1)\n"
    )


MAN_APPARATUS = [
    "TIDEGAUGE(1)",
    "benchplot(1)",
    "Written by Corisande",
    "tidegauge mailing list",
    "License MIT",
    "tidegauge [-q]",
    "SEE ALSO",
    "REPORTING BUGS",
    "June 2026",
]


def test_a_man_pages_header_footer_and_apparatus_go_and_its_description_stays() -> None:
    c = clean_text(man(ARG[:2]))
    assert is_man_page(man(ARG[:2]).split("\n"))
    assert [p for p in paras(c.text) if p in want(*ARG[:2])] == want(*ARG[:2])
    assert not [x for x in MAN_APPARATUS if x in c.text]
    assert c.title == "tidegauge - compare benchmark curves with what they promise"
    assert c.author == "Corisande Aplin-Mwangi"  # "Written by …" in its AUTHOR section
    assert "DESCRIPTION" in paras(c.text)  # a heading of its own, not its text's first word


def test_a_roff_source_reads_as_its_page() -> None:
    src = (
        '.\\" generated by hand\n.TH TIDEGAUGE 1 "June 2026" "tidegauge 2.1"\n.SH NAME\n'
        "tidegauge \\- compare benchmark curves with what they promise\n.SH SYNOPSIS\n"
        ".B tidegauge\n[\\-q] FILE\n.SH DESCRIPTION\n"
        + "\n.PP\n".join(ARG[:2])
        + "\n.SH SEE ALSO\n.BR benchplot (1)\n"
    )
    c = clean_text(src)
    assert [p for p in paras(c.text) if p in want(*ARG[:2])] == want(*ARG[:2])
    assert "benchplot" not in c.text and ".PP" not in c.text and "generated" not in c.text
    assert c.title == "tidegauge - compare benchmark curves with what they promise"


def test_prose_that_cites_a_man_page_is_not_one() -> None:
    text = "grep(1) and sed(1) are old tools.\n\nNAME\n\n" + "\n\n".join(ARG[:2])
    assert not is_man_page(text.split("\n"))


# AsciiDoc -------------------------------------------------------------------------------------

NOTE = "Held-out tests are the only honest scoreboard we have."


def adoc(parts: list[str]) -> str:
    return "\n".join(
        [
            "= Scale and Its Limits",
            "Odile Farrant-Nakamura <o.farrant@example.org>",
            "v2.0, 2026-03-01: spring revision",
            ":doctype: book",
            ":toc: macro",
            ":source-highlighter: rouge",
            "// Maintainers: regenerate the charts before each revision.",
            "include::shared/header.adoc[]",
            "",
            "toc::[]",
            "",
            "[[why]]",
            "== Why the curves held",
            "",
            parts[0],
            "",
            f"IMPORTANT: {NOTE}",
            "",
            "[source,python]",
            "----",
            "fit = loglinear(compute, score)",
            "----",
            "",
            "////",
            "Reviewer: cut this section?",
            "////",
            "",
            *[p + "\n" for p in parts[1:]],
            "ifndef::env-site[]",
            "<<<",
            "endif::[]",
            "",
            "[colophon]",
            "Typeset from the team's shared repository; send corrections to the editors.",
            "",
            "include::shared/footer.adoc[]",
        ]
    )


def test_an_asciidoc_sources_header_attributes_directives_and_blocks_go() -> None:
    c = clean_text(adoc(ARG[:3]))
    got = paras(c.text)
    assert [p for p in got if p in want(*ARG[:3])] == want(*ARG[:3])
    assert set(got) <= set(want("Why the curves held", NOTE, *ARG[:3]))
    assert NOTE in got  # the admonition's text, without its label
    assert c.title == "Scale and Its Limits"
    assert c.author == "Odile Farrant-Nakamura"


def test_markdown_with_a_colon_line_is_not_asciidoc() -> None:
    text = "# Scale\n\n:warning: read this first\n\n" + "\n\n".join(ARG[:2])
    assert not is_asciidoc(text.split("\n"))


# Properties -----------------------------------------------------------------------------------

test_a_body_that_uses_these_words_stays, test_these_lines_go_anywhere_in_a_body = body_properties(
    PROSE, HEADINGS, [ln for ln in LINES if not ln.startswith("[")]
)

FORMATS = {
    "man": (man, ["DESCRIPTION", "EXIT STATUS", "0 Every curve was read."]),
    "adoc": (adoc, ["Why the curves held", NOTE]),
}


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(FORMATS)),
    st.lists(st.sampled_from([*pages.PROSE, *PROSE]), min_size=1, max_size=5, unique=True),
)
def test_an_argued_sentence_in_a_man_page_or_asciidoc_body_is_kept(
    fmt: str, parts: list[str]
) -> None:
    build, head = FORMATS[fmt]
    got = paras(clean_text(build(parts)).text)
    assert [p for p in got if p in want(*parts)] == want(*parts)  # every sentence, in order
    assert set(got) <= set(want(*head, *parts))  # and none of the format's apparatus
