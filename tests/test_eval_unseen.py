"""The held-out corpora eval_unseen, eval_unseen2 ... eval_unseen13: self-written articles the
importer was never tuned on.

Their worth is that their gold can be trusted without reading it again: every quote is found once
in its article, the sides are balanced, the deliberate traps stay out of the trend facts, and the
checker really rejects a broken gold file.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CORPORA = (
    "eval_unseen",
    "eval_unseen2",
    "eval_unseen3",
    "eval_unseen4",
    "eval_unseen5",
    "eval_unseen6",
    "eval_unseen7",
    "eval_unseen8",
    "eval_unseen9",
    "eval_unseen10",
    "eval_unseen11",
    "eval_unseen12",
    "eval_unseen13",
)

# Per-article traps of eval_unseen2: numbers in the text that are ratios, hypotheticals,
# projections, reference levels, derived multiples, fund returns or poll/vote counts, and
# wordings that mark them.  None may turn up as a gold trend fact.
UNSEEN2_TRAPS: dict[str, tuple[set[float], tuple[str, ...]]] = {
    "a01_x_thread.txt": ({300e12, 100, 10}, ("300 trillion", "hundredfold", "month-long")),
    "a02_lesswrong_post.md": ({20, 65, 12}, ("per parameter", "65%", "dozen")),
    "a03_investor_letter.txt": ({27.4, 14.1, 38, 46}, ("two and a half times", "hundreds of")),
    "a04_podcast_transcript.txt": ({1e9, 1000, 30}, ("billion-dollar", "thousand times")),
    "a05_academic_preprint.txt": ({0.99, 37, 100, 65}, ("0.99", "37%", "orders of magnitude")),
    "a06_substack_page.html": ({945, 10}, ("by 2030", "ten times the power")),
    "a07_technical_explainer.md": ({1.69, 1.937, 1.814, 0.606, 140e12}, ("0.995", "140 trillion")),
    "a08_saved_webpage.txt": ({172, 30}, ("172 times", "thirty times")),
    "a09_debate_transcript.txt": ({38, 41, 21, 44, 45, 60}, ("percent for", "60 percent")),
    "a10_hn_thread.html": ({318, 214, 100}, ("points", "tripling", "100x")),
}

# The same for eval_unseen3: plans, company guidance, fit statistics, review scores, bets, poll
# votes, claps and watcher counts, and derived multiples.
UNSEEN3_TRAPS: dict[str, tuple[set[float], tuple[str, ...]]] = {
    "b01_press_release.txt": (
        {1.2, 10, 40, 2300, 300e12},
        ("1.2 gigawatts", "by 2028", "ten times the compute", "40 percent", "300 trillion"),
    ),
    "b02_medium_post.html": (
        {2400, 41, 1100, 70, 500e9, 1000},
        ("nearly seventy times", "$500 billion", "a thousand times", "1.1K Followers"),
    ),
    "b03_email_newsletter.txt": (
        {52000, 1800, 61, 27, 945, 30},
        ("52,000", "61 percent", "945", "by 2028", "30% off"),
    ),
    "b04_earnings_call.txt": (
        {64, 4.1e9, 61.5, 80e9, 1e9, 3},
        ("64 percent", "$4.1 billion", "61.5 percent", "by 2027", "$80 billion", "three times"),
    ),
    "b05_book_review.txt": (
        {20, 300e12, 352, 32, 100},
        ("20 tokens", "300 trillion", "between 2026 and 2032", "20 watts", "a hundred times"),
    ),
    "b06_lecture_transcript.txt": (
        {0.076, 0.95, 0.36, 36, 89.8, 65, 1e6},
        ("0.076", "0.95", "36 percent", "89.8", "65 percent", "a million times"),
    ),
    "b07_peer_review.md": (
        {0.97, 1e29, 1e27, 3, 4, 2.5, 30},
        ("R² of 0.97", "10^29", "10^27", "3: reject", "roughly 2.5 times", "4x per year"),
    ),
    "b08_faq_page.md": (
        {60, 6.7, 300e12, 10000, 2400},
        ("60 percent", "6.7", "by 2028", "300 trillion", "ten thousand times", "more than doubled"),
    ),
    "b09_wiki_article.html": (
        {2e29, 20, 1412, 100},
        ("10<sup>29</sup>", "by 2030", "20 tokens", "1,412 watchers", "a hundred times as many"),
    ),
    "b10_chat_log.txt": (
        {9, 12, 50},
        ("9 votes", "7 votes", "12 votes", "$50", "by 2027", "10x the compute", "4 replies"),
    ),
}

# The same for eval_unseen4: a witness's company plans and grant, vote and view counts, ratios,
# reference stocks, whiteboard arithmetic, survey polls, a fund's own allocations, projections.
UNSEEN4_TRAPS: dict[str, tuple[set[float], tuple[str, ...]]] = {
    "c01_committee_testimony.txt": (
        {1.5, 40e6, 100},
        ("1.5 gigawatts", "by 2029", "$40 million", "a hundred times the compute", "tripled"),
    ),
    "c02_qa_site_page.html": (
        {20, 300e12, 112, 41, 2318},
        ("20 training tokens per parameter", "300 trillion", "between 2026 and 2032", "6k times"),
    ),
    "c03_video_captions.txt": (
        {100, 300e12, 10, 214e3, 96402, 30, 2032},
        ("a hundred x", "300 trillion", "ten times the compute", "214K", "30 days", "before 2032"),
    ),
    "c04_consultation_response.md": (
        {2e29, 945, 24, 16},
        ("2e29 FLOP", "by 2030", "a quarter faster", "sixteen developers", "roughly doubles"),
    ),
    "c05_reddit_thread.html": (
        {500e9, 1400, 612, 18},
        ("$500 billion", "eighteen months later", "single digits", "six months earlier"),
    ),
    "c06_strategy_memo.md": (
        {23, 41, 22, 2.5},
        ("23% to 41%", "22 months of runway", "another tenfold", "half that", "eighteen months"),
    ),
    "c07_startup_postmortem.md": (
        {98, 36, 14},
        ("98 percent", "fifty steps", "36 percent", "a hundred times GPT-3", "fourteen former"),
    ),
    "c08_panel_summary.txt": (
        {58, 42, 49, 51, 65},
        ("58 percent", "49 percent", "65 percent", "more than doubled", "ten times more compute"),
    ),
    "c09_slide_deck.txt": (
        {19, 23, 60, 140e6},
        ("19 of 23", "60% of new commitments", "$140M", "≥10× compute", "hundred trillion"),
    ),
    "c10_linkedin_post.html": (
        {300e12, 40, 1284, 312, 87, 142},
        ("300 trillion", "more than 40%", "end of 2027", "312 comments", "142 reactions"),
    ),
}

# The same for eval_unseen5: a columnist's "$600 billion question" and paywall counts, a
# researcher's own cluster and forecast, a phone-in text poll and a survey's sample and date, a
# power-law exponent and per-step arithmetic, a benchmark repo's own scores and stars, a seminar
# exercise, letter writers' reference levels, forecasters' probabilities, a pension fund's own
# allocation, and a grant's budget and schedule.
UNSEEN5_TRAPS: dict[str, tuple[set[float], tuple[str, ...]]] = {
    "d01_paywalled_oped.html": (
        {600e9, 218, 1, 2028},
        ("$600 billion", "gigawatt range", "by 2030", "218 comments", "$1 a week", "of 2028"),
    ),
    "d02_magazine_qa.md": (
        {4000, 24000, 10, 2032, 100},
        ("4,000 accelerators", "ten times the compute", "before 2032", "hundredfold", "six years"),
    ),
    "d03_radio_call_in.txt": (
        {61, 2700, 2047, 13, 12},
        ("61 percent", "2,700", "by 2047", "thirteen years earlier", "twelve translators"),
    ),
    "d04_position_paper.md": (
        {0.05, 11, 90, 12},
        ("0.05", "11 percent", "90 percent", "12 percent", "seven orders", "close to twice"),
    ),
    "d05_github_issue.html": (
        {31, 88, 1900, 212, 14},
        ("31%", "88%", "4+ hours", "Q2 2027", "Star 1.9k", "Fork 212"),
    ),
    "d06_lecture_handout.txt": (
        {1e9, 1000, 100e12, 300e12},
        ("hundred trillion", "tenfold a year", "$1 billion", "1 percent share", "thousand times"),
    ),
    "d07_letters_page.txt": (
        {40, 1999, 250, 1187},
        ("forty years", "tens of millions", "1999", "250 words", "within a decade"),
    ),
    "d08_forecast_question_page.html": (
        {27, 14, 45, 9, 33, 1204, 3981, 75, 2035, 2030},
        ("27%", "predicted 14%", "1,204 forecasters", "at least 75%", "around 2030", "99%"),
    ),
    "d09_email_thread.txt": (
        {3.2e9, 0.5, 40},
        ("2% of the £3.2 billion", "0.5%", "more than 40 percent", "end of 2027", "twenty years"),
    ),
    "d10_grant_proposal.md": (
        {1.8e6, 36},
        ("£1.8 million", "36 months", "roughly a decade", "six weeks", "Page 2 of 6"),
    ),
}
# The same for eval_unseen6: a think tank's own interview count and a hypothetical thousandfold,
# a room's show of hands and a stated test, a speaker's modem and seminar years, a survey's sample
# and a legal FLOP threshold, a government programme and Hansard column numbers, a student's
# marks and the Chinchilla ratio, answer-page counts and a derived "million times", paper sample
# sizes, an AMA's votes and forecast, and a museum's visitor poll, accession number and 20 watts.
UNSEEN6_TRAPS: dict[str, tuple[set[float], tuple[str, ...]]] = {
    "e01_thinktank_report.pdf": (
        {20, 300e12, 48, 1000},
        ("20 tokens", "300 trillion tokens", "by 2030", "48 firms", "thousandfold", "No. 41"),
    ),
    "e02_live_blog.html": (
        {41, 38, 400, 2047, 143},
        ("41 percent", "38 percent", "four hundred", "tenfold more", "by 2047", "(143)"),
    ),
    "e03_commencement_speech.txt": (
        {1998, 56e3, 42},
        ("1998", "56k modem", "Ten years ago", "week-long project", "class of 2026"),
    ),
    "e04_wiki_talk_page.html": (
        {2778, 1e25, 7},
        ("2,778", "systemic risk above 10^25 FLOP", "30 days", "B-class", "Archives: 1, 2"),
    ),
    "e05_hansard_debate.txt": (
        {40e6, 4417, 4418, 212},
        ("£40 million", "Column 4417", "Volume 212", "triple", "fibre-optic cable"),
    ),
    "e06_student_essay.md": (
        {20, 70e9, 89.8, 4471, 39, 6},
        ("20 tokens", "70 billion parameters", "89.8%", "39/55", "Similarity report: 6%"),
    ),
    "e07_quora_answer.html": (
        {1e6, 1200, 87, 64, 13600, 50},
        ("a million times", "1.2K", "Comments 87", "13.6K views", "ten years", "fifty careful"),
    ),
    "e08_abstract_book.txt": (
        {11, 246, 16, 180, 1e25},
        (
            "246 newly written",
            "16 developers",
            "180 multi-hour",
            "nine times in ten",
            "10^25 FLOP or",
        ),
    ),
    "e09_ama_thread.md": (
        {2100, 412, 318, 1e9, 2027, 2029},
        ("▲ 412", "318 comments", "billion dollars by 2027", "is 2029", "eighteen months"),
    ),
    "e10_museum_exhibit_text.txt": (
        {20, 10, 46, 39, 15, 441},
        ("20 watts", "ten times a web search", "Yes 46%", "KM.2019.441", "tens of millions"),
    ),
}
# The same for eval_unseen7: an analyst's price target and ratings split, a fediverse thread's
# boost counts and a child's 20 watts, a parish magazine's issue number and collection, a union's
# own survey and management's "AGI by 2028", a contract threshold and an expert baseline, a chat
# export's reactions and a $5 bet, a notebook's own fit and extrapolation, a podcast's ratings and
# discount code, a memo's runway and reactions, and a translated op-ed's projection and counts.
UNSEEN7_TRAPS: dict[str, tuple[set[float], tuple[str, ...]]] = {
    "f01_analyst_note.pdf": (
        {212, 61, 14, 2030},
        ("$212", "nine times in ten", "by 2030", "Overweight 61%", "14 companies", "ten-year"),
    ),
    "f02_mastodon_thread.html": (
        {20, 212, 389, 37, 1000},
        ("20 watts", "tens of millions", "thousandfold", "212 boosts", "389 favorites", "(37)"),
    ),
    "f03_parish_newsletter.txt": (
        {187, 1240, 490, 50},
        ("Issue 187", "50p", "seventy times seven", "£1,240", "ten years ago", "10.30 am"),
    ),
    "f04_union_bulletin.txt": (
        {2028, 40, 44, 312, 6.5, 1187},
        ("AGI by 2028", "40 percent", "No. 44", "two in three", "312 members", "£6.50"),
    ),
    "f05_arbitration_ruling.txt": (
        {14e6, 90, 70, 72.36, 173},
        ("£14 million", "90 percent", "70 percent", "72.36", "ARB/26/0173", "Page 9 of 9"),
    ),
    "f06_discord_export.txt": (
        {12, 142, 20, 2030, 5, 80},
        ("level 12", "Exported 142", "20 tokens per parameter", "by 2030", "$5", "80% horizon"),
    ),
    "f07_jupyter_notebook.md": (
        {3.3, 0.96, 1e27, 1.1e28, 50},
        ("3.3x", "R^2 = 0.96", "by 2027", "fifty times", "hundreds of trillions", "ten times more"),
    ),
    "f08_podcast_show_notes.html": (
        {118, 2311, 4.9, 20, 2030},
        ("Episode 118", "1:12:44", "2,311 listeners", "20% off", "by 2030", "two or three years"),
    ),
    "f09_allhands_memo.md": (
        {84, 31, 18, 9, 100},
        ("eighteen months", "👍 84", "Comments (9)", "a hundred steps", "Series B", "doubled"),
    ),
    "f10_translated_oped.html": (
        {6.7, 12, 1024, 6},
        (
            "6.7 to 12 percent",
            "by 2028",
            "Comments (1,024)",
            "Reading time: 6 min",
            "several times",
        ),
    ),
}
# The same for eval_unseen8: a brief's survey sample, word count and a company's AGI date, a 10-K's
# own customer share, obligations and power plans, a debate flow's speaker points and the
# Chinchilla ratio, a feed reader's unread counts and an expert baseline, a benchmark README's own
# scores, an exam's entries and mean mark, a committee's vote and legal FLOP threshold, a
# newspaper's comment count and a reader's forecast, a crowdfunding tally, and a lab's own
# product figures and plans.
UNSEEN8_TRAPS: dict[str, tuple[set[float], tuple[str, ...]]] = {
    "g01_amicus_brief.pdf": (
        {475, 24, 2029, 10, 1942},
        ("475 researchers", "24 percent faster", "by 2029", "ten times the", "1,942 words"),
    ),
    "g02_risk_factors_10k.txt": (
        {62, 4.1e9, 340, 6.7, 12, 2028},
        (
            "62 percent",
            "$4.1 billion",
            "340 megawatts",
            "6.7 to 12 percent",
            "by 2028",
            "001-41873",
        ),
    ),
    "g03_debate_flow_sheet.txt": (
        {300e12, 28.6, 214, 280, 50},
        ("300 trillion", "20 tokens per parameter", "28.6", "Room 214", "280 times", "80% horizon"),
    ),
    "g04_feed_reader_item.html": (
        {1204, 48, 65, 1e27, 100, 311},
        ("1,204", "65 percent", "1e27", "a hundred times", "four times out of five", "Item 2 of 3"),
    ),
    "g05_benchmark_readme.md": (
        {412, 31, 36, 38, 83, 58, 61, 24},
        ("412", "31%", "83%", "ten times the compute", "median of 24", "six months"),
    ),
    "g06_examiners_report.txt": (
        {1873, 13.4, 25, 10e6, 2030, 70},
        ("1,873", "13.4", "25 marks", "ten million words", "by 2030", "seventy years"),
    ),
    "g07_standards_minutes.md": (
        {1e26, 9, 1183, 3},
        ("10^26 FLOP", "9 votes in favour", "N1183", "roughly three years", "single digits"),
    ),
    "g08_advice_column.html": (
        {87, 1874, 2},
        ("within two years", "Comments (87)", "£1 a week", "since 1874", "6 min read"),
    ),
    "g09_crowdfunding_page.html": (
        {18412, 12000, 611, 14, 1000, 72, 52},
        ("£18,412", "£12,000 goal", "tens of millions", "a thousand times", "about 72 percent"),
    ),
    "g10_release_notes.md": (
        {6, 1e6, 2.5, 3, 12, 71.3, 52.8, 10, 2028},
        ("six times the compute", "1,000,000 tokens", "2.5x", "$3 per million", "71.3%", "by 2028"),
    ),
}
# The same for eval_unseen9: an underwriter's limit, rate and the insured's dated promise, a
# patent's own cluster sizes and link speeds, a thesis's derived ratio and dated guess, petition
# counts and a projection, textbook exercise numbers and a forecast date, a job ad's salaries and
# plans, question numbers, a budget and an opinion poll in written answers, a diarist's private
# probabilities, an obituary's ages and bets, and a deposition's fee, share price and exhibit.
UNSEEN9_TRAPS: dict[str, tuple[set[float], tuple[str, ...]]] = {
    "h01_underwriting_memo.pdf": (
        {4e7, 2029, 3.5, 25, 1800, 16, 10},
        (
            "£40 million",
            "by 2029",
            "3.5 percent",
            "four experts",
            "1,800",
            "sixteen developers",
            "order of magnitude more",
        ),
    ),
    "h02_patent_background.txt": (
        {10000, 400, 8, 1e27, 3},
        (
            "10,000 accelerators",
            "400 gigabits",
            "factor of eight",
            "10^27",
            "FIG. 3",
            "three data halls",
        ),
    ),
    "h03_thesis_defence_qa.txt": (
        {142, 80, 40, 2030, 3, 4},
        (
            "142-fold",
            "eighty-percent horizon",
            "forty minutes",
            "seven orders",
            "by 2030",
            "three of the four",
            "one time in five",
        ),
    ),
    "h04_petition_page.html": (
        {48317, 100000, 2.1e9, 945, 20, 1000, 2028},
        (
            "48,317",
            "100,000 signatures",
            "£2.1bn",
            "945 TWh",
            "20 watts",
            "a thousand times",
            "by 2028",
        ),
    ),
    "h05_textbook_sidebar.md": (
        {0.05, 1e24, 1e26, 100, 250, 2031, 241, 242},
        ("0.05", "10^24", "10^26", "a hundredfold", "250 words", "2031", "241"),
    ),
    "h06_job_posting.html": (
        {310000, 460000, 20000, 10, 2028, 400},
        (
            "$310,000",
            "$460,000",
            "20,000 GPUs",
            "ten times larger",
            "by 2028",
            "four days a week",
            "top 1%",
            "four hundred people",
        ),
    ),
    "h07_written_answer.txt": (
        {41872, 41903, 41911, 1.4e9, 2030, 1006, 58, 12, 1e26},
        (
            "41872",
            "1.4 billion crowns",
            "by 2030",
            "1,006 adults",
            "58 per cent",
            "twelve officials",
            "10^26",
        ),
    ),
    "h08_researcher_diary.md": (
        {40, 15, 7, 9, 2, 3},
        (
            "40 percent",
            "15 percent",
            "Seven of our nine",
            "Two points off",
            "one in twenty",
            "3 a.m.",
        ),
    ),
    "h09_obituary.html": (
        {75, 1951, 1e6, 1000, 3, 7, 1998},
        (
            "aged 75",
            "a million words",
            "a thousand times",
            "three grandchildren",
            "7 min read",
            "1998 workshop",
            "bottle of whisky",
        ),
    ),
    "h10_deposition_transcript.txt": (
        {3.4e9, 2028, 41.2, 69.7, 14, 650, 10},
        (
            "$3.4 billion",
            "end of 2028",
            "$41.20",
            "69.7 percent",
            "Exhibit 14",
            "$650 an hour",
            "tenfold",
        ),
    ),
}
# The same for eval_unseen10: a white paper's hypothetical programme, odds and projection, a
# memo's series and RFC numbers and a dated forecast, a digest's volume and a child's word count, a
# fact check's summit date and a campus's gigawatts, a talk's slot length and a lab's next cluster,
# a profile's class year and age, a grant panel's request, scores and round statistics, a book's
# price, pages and dated guess, a lab's own cluster and comment count, and a hearing's acreage,
# taxes, jobs and opening date.
UNSEEN10_TRAPS: dict[str, tuple[set[float], tuple[str, ...]]] = {
    "i01_policy_white_paper.pdf": (
        {1, 3, 42, 58, 945, 2030, 3.2e9},
        (
            "£3.2 billion",
            "945 terawatt-hours",
            "No. 58",
            "by 2030",
            "one in three",
            "a gigawatt",
            "five years",
        ),
    ),
    "i02_rfc_memo.txt": (
        {5, 10, 417, 2030, 2119},
        (
            "Memo Series: 417",
            "RFC 2119",
            "AGI by 2030",
            "ten times the compute",
            "[Page 5]",
            "within a decade",
            "two years",
        ),
    ),
    "i03_mailing_list_digest.txt": (
        {5, 14, 88, 400, 2027, 1e8},
        (
            "Vol 88, Issue 14",
            "four hundred speakers",
            "by 2027",
            "five orders of magnitude",
            "a hundred million words",
            "two cents",
        ),
    ),
    "i04_fact_check.html": (
        {2, 17, 2014, 2020, 8812, 1174093},
        (
            "17 November",
            "2 gigawatts",
            "since 2014",
            "1174093",
            "six weeks",
            "two decades",
            "for a decade",
        ),
    ),
    "i05_speaker_notes.md": (
        {3, 10, 14, 45, 70, 2028},
        (
            "45 minutes",
            "14 slides",
            "10x the last one",
            "by 2028",
            "about 70 percent",
            "three questions",
            "Slide 7 of 14",
            "fifteen years",
        ),
    ),
    "i06_alumni_profile.html": (
        {12, 38, 100, 112, 2009},
        (
            "Class of 2009",
            "At 38",
            "Issue 112",
            "twelve years",
            "bottle of wine",
            "A hundred years",
            "In ten years",
        ),
    ),
    "i07_grant_panel_summary.txt": (
        {3, 5, 6, 9, 28, 36, 61, 4.8e6},
        (
            "£4.8 million",
            "36 months",
            "from 3 to 5",
            "six-point",
            "61 applications",
            "9 funded",
            "28 days",
            "four external",
        ),
    ),
    "i08_bookclub_guide.md": (
        {3, 9, 11, 22, 368, 2035},
        (
            "£22.00",
            "368 pages",
            "by 2035",
            "eleven years",
            "third book",
            "978-1-9164-2207-3",
            "in two years",
        ),
    ),
    "i09_engineering_blog.html": (
        {0.5, 10, 11, 214, 2028, 24000},
        (
            "24,000 accelerators",
            "11 weeks",
            "Comments (214)",
            "8 min read",
            "by 2028",
            "half a percent",
            "ten times the size",
            "fourth time",
        ),
    ),
    "i10_town_hall_transcript.txt": (
        {1.2, 3, 340, 600, 2029, 3.8e7},
        (
            "340 acres",
            "1.2 gigawatts",
            "$38 million",
            "600 construction jobs",
            "by 2029",
            "three minutes",
            "Item 4",
            "in ten years",
        ),
    ),
}
# The same for eval_unseen11: a central bank's inflation target, staff estimate and bond share, a
# review forum's ratings and submission number, a chip maker's process, wafers and power plans, a
# reading group's checklist, room and brain figures, a preprint's arXiv number and extrapolation, a
# committee's programme budget and session numbers, a parish's collection and volunteers, a
# library's version, cluster and roadmap, a trip report's costs and counts, and a debate's split,
# speaker points and schedule.
UNSEEN11_TRAPS: dict[str, tuple[set[float], tuple[str, ...]]] = {
    "j01_central_bank_speech.pdf": (
        {2.25, 0.4, 945, 2030, 14},
        ("2.25 percent", "0.4", "one in five", "by 2030", "945 terawatt-hours", "fourteen years"),
    ),
    "j02_openreview_thread.html": (
        {3, 8, 2291, 1e27, 62, 2029},
        (
            "3: reject",
            "8: accept",
            "4: Confident",
            "Submission2291",
            "10^27",
            "62 reviewers",
            "by 2029",
        ),
    ),
    "j03_trade_magazine_interview.html": (
        {3, 40000, 1.5, 2028, 10, 214, 6},
        (
            "3-nanometre",
            "40,000 wafers",
            "1.5 gigawatts",
            "by 2028",
            "ten times the bandwidth",
            "Issue 214",
            "6 min read",
        ),
    ),
    "j04_org_mode_notes.txt": (
        {2, 5, 3.14, 86e9, 2027},
        ("[2/5]", "Room 3.14", "20 watts", "86 billion", "by 2027", "11:00-12:30"),
    ),
    "j05_latex_source_dump.txt": (
        {2611.04417, 11, 2, 1e28, 2031, 3, 10},
        (
            "arXiv:2611.04417v1",
            "11pt",
            "Table~2",
            "$10^{28}$",
            "by 2031",
            "three objections",
            "roughly tenfold",
        ),
    ),
    "j06_select_committee_report.txt": (
        {412, 2.5e9, 34, 11, 1, 43},
        (
            "HC 412",
            "Second Report of Session 2026–27",
            "£2.5 billion",
            "Paragraphs 32 to 34",
            "11 members",
            "43 written submissions",
            "1 gigawatt",
        ),
    ),
    "j07_sermon_text.txt": (
        {11, 22, 10.3, 1860, 72, 40},
        ("Genesis 11", "Sunday 22 November", "10.30am", "£1,860", "seventy-two", "forty years"),
    ),
    "j08_rst_design_doc.txt": (
        {2.7, 4096, 1e28, 2030, 12, 3318},
        ("2.7", "4,096 accelerators", "1e28 FLOP", "by 2030", "12 maintainers", "PR #3318"),
    ),
    "j09_conference_trip_report.md": (
        {14, 640, 2029, 3, 5},
        ("14 talks", "£640", "Hall B", "by 2029", "3 people", "5 min read"),
    ),
    "j10_debate_adjudication.html": (
        {3, 78.5, 6, 280, 2032},
        ("4–3 split", "78.5 speaker points", "Round 6", "280 students", "by 2032", "seven-minute"),
    ),
}
# The same for eval_unseen12: a cloud company's revenue growth, racks, dividend and capital plan, a
# course forum's votes, reply count and poll date, a man page's version, options and joke forecast, a
# syllabus's course number, room, credits and grade weights, a bookshop's price, rating count, pages
# and helpful votes, a standards docket's clause, lines and comment number, a staff poll's own
# results, a startup's pricing and marketing claims, a handbook's revision, cluster and policy share,
# and an open letter's signature count, letter number and hypothetical spending.
UNSEEN12_TRAPS: dict[str, tuple[set[float], tuple[str, ...]]] = {
    "k01_chair_statement.pdf": (
        {1.4e9, 38, 12000, 2030, 4.2, 3},
        ("£1.4 billion", "38 percent", "12,000 racks", "by 2030", "4.2 pence", "three new sites"),
    ),
    "k02_course_forum_thread.html": (
        {6, 12, 37, 2035, 1200, 31, 18},
        (
            "Week 6 of 12",
            "37 replies",
            "Problem Set 4",
            "by 2035",
            "1,200 learners",
            "31 votes",
            "18 votes",
        ),
    ),
    "k03_man_page.txt": (
        {0.9, 36, 2, 2031, 1e27, 90},
        ("0.9.3", "--horizon 36", "status 2", "by 2031", "10^27", "every 90 days"),
    ),
    "k04_course_syllabus.md": (
        {318, 3, 2.07, 40, 2500, 2040, 25},
        (
            "PHIL 318",
            "3 credits",
            "Room 2.07",
            "40 percent",
            "2,500 words",
            "by 2040",
            "25 percent",
        ),
    ),
    "k05_bookshop_reviews.html": (
        {18.99, 4.1, 312, 384, 2029, 57, 12, 3, 5, 2},
        (
            "£18.99",
            "4.1 out of 5",
            "312 global ratings",
            "384 pages",
            "by 2029",
            "57 people found this helpful",
            "12 people found this helpful",
        ),
    ),
    "k06_standards_public_comment.txt": (
        {4471, 112, 118, 3.2, 5, 2030, 14, 87},
        ("TR 4471", "lines 112–118", "Clause 3.2", "Level 5", "by 2030", "14 days", "0087"),
    ),
    "k07_staff_survey_writeup.md": (
        {148, 212, 70, 41, 38, 21, 3.1, 2032, 5},
        (
            "n = 148",
            "212 staff",
            "70 percent response rate",
            "41 percent",
            "38 percent",
            "21 percent",
            "3.1",
            "by 2032",
        ),
    ),
    "k08_startup_thesis_page.html": (
        {49, 14, 2028, 10, 2000, 99.9, 4e7},
        (
            "$49 per seat",
            "14-day free trial",
            "by 2028",
            "10x faster",
            "2,000 teams",
            "99.9% uptime",
            "$40 million",
        ),
    ),
    "k09_asciidoc_handbook.txt": (
        {3.4, 2048, 2029, 3, 6, 30},
        (
            ":revnumber: 3.4",
            "2,048 accelerators",
            "by 2029",
            "Chapter 3",
            "six weeks",
            "30 percent",
        ),
    ),
    "k10_open_letter.txt": (
        {4312, 583, 2027, 5e11, 1, 10, 12},
        (
            "4,312 signatures",
            "Letter No. 583",
            "by 2027",
            "$500 billion",
            "one gigawatt",
            "ten years",
            "12 founding signatories",
        ),
    ),
}
# The same for eval_unseen13: a registry's ID, sample size, alpha and power; a Q&A page's votes,
# views and reputation; a newsletter's issue number, subscribers and prices; a panel's room and
# show of hands; a lab's campus, financing and staff; a funder's proposal ID, budget and scores;
# a changelog's versions, stars and PR number; a newspaper's dates, pages and word limits; a chat
# export's counts and a startup's budget; a keynote's capital plan; and dated forecasts.
UNSEEN13_TRAPS: dict[str, tuple[set[float], tuple[str, ...]]] = {
    "l01_study_preregistration.pdf": (
        {7719, 120, 0.05, 80, 6, 2031, 3},
        (
            "OPR-2026-7719",
            "120 tasks",
            "0.05",
            "80 percent power",
            "six checkpoints",
            "by 2031",
            "3 March 2027",
        ),
    ),
    "l02_qa_accepted_answer.html": (
        {3, 8431, 214, 12907, 2, 2031, 6, 57, 41},
        (
            "asked 3 years ago",
            "Viewed 8,431 times",
            "214",
            "reputation 12,907",
            "by 2031",
            "6 answers",
        ),
    ),
    "l03_newsletter_digest_email.txt": (
        {212, 18400, 25, 2030, 14},
        (
            "#212",
            "18,400 subscribers",
            "25% off",
            "by 2030",
            "3 of 5",
            "14 December",
            "$8 a month",
        ),
    ),
    "l04_moderated_panel_transcript.txt": (
        {3, 450, 2035, 1187, 45},
        (
            "Panel 3B",
            "Hall C",
            "450 seats",
            "show of hands",
            "60 percent of the room",
            "by 2035",
            "Job No. 26-1187",
        ),
    ),
    "l05_lab_newsroom_release.html": (
        {40000, 320, 2.6e9, 2029, 1100, 3000000},
        (
            "40,000 accelerators",
            "320 megawatts",
            "$2.6 billion",
            "by 2029",
            "1,100 staff",
            "3 million-token",
            "NASDAQ: CRVN",
        ),
    ),
    "l06_grant_reviewer_form.md": (
        {2026, 931, 4.8e6, 36, 6, 5, 9, 1e27, 2030, 12},
        (
            "FRC-2026-0931",
            "£4.8 million",
            "36 months",
            "6 of 9",
            "5 of 9",
            "10^27",
            "by 2030",
            "12 pages",
        ),
    ),
    "l07_field_changelog.md": (
        {2026.11, 0.9, 1340, 418, 2029, 11},
        (
            "[2026.11]",
            "v0.9",
            "1,340 stars",
            "PR #418",
            "by 2029",
            "11 contributors",
        ),
    ),
    "l08_editor_letter_reply.html": (
        {23, 180, 2.5, 96, 2033, 31, 900},
        (
            "4 November",
            "page 23",
            "180 words",
            "£2.50",
            "96 comments",
            "by 2033",
            "31 years",
            "900 words",
        ),
    ),
    "l09_chat_jsonl_export.txt": (
        {2600, 1.9e6, 40, 2027, 2028, 4},
        (
            "C07ROADMAP",
            "2,600 messages",
            "$1.9M",
            "40 percent of our",
            "Q3 2027",
            "by 2028",
            "4 reactions",
        ),
    ),
    "l10_keynote_text_export.txt": (
        {1000, 2.2, 70, 2030, 9, 3e10},
        (
            "Slide 7 of 14",
            "1,000x",
            "2.2 gigawatts",
            "70 percent",
            "by 2030",
            "9 regions",
            "$30 billion",
        ),
    ),
}
TRAPS = {
    "eval_unseen2": UNSEEN2_TRAPS,
    "eval_unseen3": UNSEEN3_TRAPS,
    "eval_unseen4": UNSEEN4_TRAPS,
    "eval_unseen5": UNSEEN5_TRAPS,
    "eval_unseen6": UNSEEN6_TRAPS,
    "eval_unseen7": UNSEEN7_TRAPS,
    "eval_unseen8": UNSEEN8_TRAPS,
    "eval_unseen9": UNSEEN9_TRAPS,
    "eval_unseen10": UNSEEN10_TRAPS,
    "eval_unseen11": UNSEEN11_TRAPS,
    "eval_unseen12": UNSEEN12_TRAPS,
    "eval_unseen13": UNSEEN13_TRAPS,
}


def _verify_module(corpus: str):
    path = FIXTURES / corpus / "verify_gold.py"
    spec = importlib.util.spec_from_file_location(f"{corpus}_verify", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _article_text(corpus: str, article: str) -> str:
    """The text a gold file's quotes are taken from: the raw file, or pypdf's text of a PDF."""
    return _verify_module("eval_unseen").article_text(FIXTURES / corpus / article)


def _golds(corpus: str) -> list[dict]:
    paths = sorted((FIXTURES / corpus).glob("gold/*.json"))
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_gold_quote_occurs_once(capsys, corpus) -> None:
    assert _verify_module(corpus).main() == 0, capsys.readouterr().out


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_quote_is_an_exact_substring_of_its_article(corpus) -> None:
    """Independent of the checker: claim, fact and boilerplate quotes are verbatim in the raw file."""
    for gold in _golds(corpus):
        text = _article_text(corpus, gold["article"])
        quotes = [c["quote"] for c in gold["claims"]] + [t["quote"] for t in gold["trend_facts"]]
        for q in quotes + gold["boilerplate_samples"]:
            assert q and q in text, (gold["article"], q)


@pytest.mark.parametrize("corpus", CORPORA)
def test_ten_articles_balanced_and_in_several_formats(corpus) -> None:
    golds = _golds(corpus)
    assert len(golds) == 10
    leans = sorted(g["stance_overall"] for g in golds)
    assert leans == ["con"] * 4 + ["mixed"] * 2 + ["pro"] * 4
    suffixes = {Path(g["article"]).suffix for g in golds}
    assert {".html", ".md", ".txt"} <= suffixes <= {".html", ".md", ".txt", ".pdf"}
    for g in golds:
        assert 12 <= len(g["claims"]) <= 30, g["article"]
        assert {c["stance"] for c in g["claims"]} >= {"pro", "con"}, g["article"]


@pytest.mark.parametrize("corpus", CORPORA[1:])
def test_chrome_heavy_pages_with_every_chrome_line_marked(corpus) -> None:
    """Leakage can only be measured where there is chrome: at least three pages carry 30+ samples."""
    heavy = [g["article"] for g in _golds(corpus) if len(g["boilerplate_samples"]) >= 30]
    assert len(heavy) >= 3, heavy


def _format(gold: dict) -> str:
    """The format part of an article's file name: `b02_medium_post.html` -> `medium_post`."""
    return Path(gold["article"]).stem.split("_", 1)[1]


def test_each_set_uses_formats_the_earlier_sets_do_not() -> None:
    """A later set is only a fresh test if its voices and formats are new, and each is used once."""
    seen: set[str] = set()
    for corpus in CORPORA:
        formats = [_format(g) for g in _golds(corpus)]
        assert len(set(formats)) == len(formats), corpus
        assert not seen & set(formats), (corpus, seen & set(formats))
        seen |= set(formats)


def test_traps_are_not_gold_trend_facts() -> None:
    """Ratios, hypotheticals, projections and reference levels must stay out of the facts."""
    trap_values = {20, 1900, 300e12, 2e29, 1e25, 1e26}
    trap_words = ("per parameter", "would need", "by 2028", "by 2030", "watts")
    for g in _golds("eval_unseen"):
        for f in g["trend_facts"]:
            assert f["value"] not in trap_values, (g["article"], f["quote"])
            assert not any(w in f["quote"] for w in trap_words), (g["article"], f["quote"])
    for corpus, traps in TRAPS.items():
        golds = {Path(g["article"]).name: g for g in _golds(corpus)}
        assert set(golds) == set(traps), corpus
        for name, (values, words) in traps.items():
            text = _article_text(corpus, f"articles/{name}")
            missing = [w for w in words if w not in text]
            assert not missing, (name, missing)  # the trap really is in the article
            for f in golds[name]["trend_facts"]:
                assert f["value"] not in values, (name, f["quote"])
                assert not any(w in f["quote"] for w in words), (name, f["quote"])


def _break(gold: dict, how: str) -> None:
    claim = gold["claims"][0]
    if how == "quote":
        claim["quote"] += " and more"
    elif how == "stance":
        claim["stance"] = "supports"
    elif how == "importance":
        claim["importance"] = 4
    elif how == "duplicate":
        gold["claims"].append(dict(claim, id=f"c{len(gold['claims']) + 1}"))
    elif how == "fact_year":
        gold["trend_facts"][0]["year"] = "2024"


@pytest.mark.parametrize("corpus", CORPORA)
@pytest.mark.parametrize("how", ["none", "quote", "stance", "importance", "duplicate", "fact_year"])
def test_checker_rejects_a_broken_gold_file(tmp_path, monkeypatch, capsys, corpus, how) -> None:
    """A copy passes as it is ("none") and fails once one field of one claim or fact is broken."""
    copy = tmp_path / corpus
    shutil.copytree(FIXTURES / corpus, copy)
    path = sorted((copy / "gold").glob("*.json"))[0]
    gold = json.loads(path.read_text(encoding="utf-8"))
    _break(gold, how)
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    mod = _verify_module(corpus)
    monkeypatch.setattr(mod, "HERE", copy)
    assert mod.main() == (0 if how == "none" else 1)
    assert ("FAILED" in capsys.readouterr().out) == (how != "none")
