"""Furniture a service prints around a document: study registries, transcription services,
slide tools' text exports, newsletter platforms, and chat exports written as JSON lines
(fifteenth round, model/importer/services.py; the PDF reader's template line in
storage/articles.py).

Each kind goes, and the argued sentences that use its words stay. The lines here are invented in
each format's usual wording, not taken from the set.
"""

from __future__ import annotations

import json

import pytest

from model.importer.boilerplate import clean_text
from model.importer.services import is_service_line, read_service
from storage.articles import _dehyphenate, _join_pdf_lines
from tests import pages
from tests.pages import body, paras, want

ARG = pages.PROSE[:4]

# One line each --------------------------------------------------------------------------------

LINES = [
    # study registries
    "Registration frozen by the Quillfield registry. Later changes are listed as amendments.",
    "This preregistration was submitted on 4 May 2026 and archived with a timestamp.",
    "Template: Observational study preregistration, version 3.0",
    "Cite as: Marsh and Obi (2026), Quillfield QR-2026-0042.",
    "Please cite this registration as: Marsh, T. (2026). Does scale transfer? Quillfield.",
    "Licence: CC BY-SA 4.0. Quillfield is run by the Tenlow Foundation.",
    # transcription services
    "This transcript was prepared from the venue's webcast and may contain errors.",
    "The transcript of this session has not been checked by the panellists.",
    "Uncorrected transcript: subject to revision.",
    # slide tools' text exports
    "Deckly text export",
    "Outline export",
    "Includes: slide text, slide notes. Excludes: charts and animations.",
    "Generated for internal review only; confirm numbers before sharing.",
    # newsletter platforms
    "You're receiving this because you signed up at pellmail.example.",
    "Upgrade to paid for $6 a month and read every archive issue.",
    "Upgrade to a founding membership and support independent reporting.",
    "Upgrade to the pro plan: every archive issue and the data appendix.",
    "The Weekly Gradient is published by Orrin Press Ltd, 9 Mill Lane, Leeds.",
]

# Argued sentences that use the same words: they stay.
PROSE = [
    "The registration was frozen by the authors before any model was run, which is why I trust "
    "its null result.",
    "A template for thinking about scale is the chip roadmap: each version doubled density.",
    "Cite as much evidence as you like; the benchmark still measures familiar tasks.",
    "The transcript of the hearing shows the lab never answered the question about data.",
    "Upgrade cycles in hardware, not new ideas, explain most of the gains since 2012.",
    "Upgrade to the full model and the error rate halves on the hard split, the lab says.",
    "The report is published by the institute every year and its forecasts keep moving later.",
    "You are receiving this argument second-hand, so check the scaling curves yourself.",
    "Speaker notes aside, the keynote's numbers hold up against the public sources.",
]


@pytest.mark.parametrize("line", LINES)
def test_a_registry_transcriber_exporter_or_newsletter_line_goes(line: str) -> None:
    assert is_service_line(line)
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], ARG[1])


@pytest.mark.parametrize("line", PROSE)
def test_a_sentence_that_uses_those_words_stays(line: str) -> None:
    assert not is_service_line(line)
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


def test_a_registry_template_line_takes_no_paragraph_in_a_pdf() -> None:
    raw = (
        "Template: Observational study preregistration, version 3.0\n"
        "Will larger training runs transfer to tasks they were never shown?\n"
        "Ada Marsh, Tomi Obi"
    )
    lines = _join_pdf_lines(raw).split("\n")
    assert lines[0] == "Template: Observational study preregistration, version 3.0"
    assert lines[1].startswith("Will larger training runs")


def test_a_compound_broken_at_its_hyphen_keeps_it_and_a_split_word_joins() -> None:
    raw = "Maintainers of open-\nsource tools, after fine-\ntuning, found the compu-\nter slow."
    assert _dehyphenate(raw) == (
        "Maintainers of open-source tools, after fine-tuning, found the computer slow."
    )
    # A suffix the typesetter split off a word that starts like a compound's head joins.
    assert (
        _dehyphenate("Its open-\nness and its state-\nments.") == "Its openness and its statements."
    )


def test_an_events_name_above_a_sessions_title_is_a_masthead() -> None:
    text = "\n\n".join(
        [
            "ORRIN AI SYMPOSIUM 2027",
            "Session 4: Does scale buy generality?",
            "Friday 3 March 2027, Room 2",
            *(f"CHAIR: {p}" for p in ARG[:2]),
            *ARG[2:],
        ]
    )
    got = clean_text(text)
    assert got.title == "Session 4: Does scale buy generality?"
    assert "ORRIN AI SYMPOSIUM 2027" not in paras(got.text)
    # An event's name in capitals over prose is no masthead of this kind.
    plain = clean_text("\n\n".join(["ORRIN AI SYMPOSIUM 2027", *ARG]))
    assert plain.title == "ORRIN AI SYMPOSIUM 2027"


# Chat exports as JSON lines -------------------------------------------------------------------

SAID = [
    ("Ada Marsh", ARG[0]),
    ("Tomi Obi", ARG[1]),
    ("Ada Marsh", ARG[2]),
    ("Tomi Obi", ARG[3]),
]


PURPOSE = "Argue here about whether bigger models alone will reach general intelligence by 2030."


def export(set_topic: str = "Does scale buy generality? Vote by Monday.", **header: str) -> str:
    recs = [
        {
            "type": "export_header",
            "channel": "scale-talk",
            "exported_by": "ops@x.example",
            **header,
        },
        {"type": "system", "user": "bot", "text": f"Ada Marsh set the channel topic: {set_topic}"},
        {"type": "system", "user": "bot", "text": "Tomi Obi joined the channel."},
    ]
    for n, (who, text) in enumerate(SAID):
        recs.append(
            {"type": "message", "ts": f"2026-05-0{n + 1}T10:00:00Z", "user": who, "text": text}
        )
        if n == 0:
            recs.append({"type": "reaction", "user": "Tomi Obi", "emoji": "eyes", "count": 2})
    # A bot's post, a system record and a message of a system subtype, each in words of prose.
    recs.append({"type": "message", "user": "helper", "bot_id": "B1", "text": pages.PROSE[4]})
    recs.append({"type": "system", "user": "Tomi Obi", "text": pages.PROSE[5]})
    sub = {
        "type": "message",
        "subtype": "channel_purpose",
        "user": "Ada Marsh",
        "text": PURPOSE,
    }
    recs.append(sub)
    recs.append({"type": "export_footer", "records_in_file": len(recs) + 1})
    return "\n".join(json.dumps(r) for r in recs)


def test_a_json_lines_chat_export_reads_as_its_messages() -> None:
    got = clean_text(export())
    assert paras(got.text) == want(*(text for _, text in SAID))
    assert "export_header" not in got.text


def test_a_json_lines_chat_exports_title_is_its_topic() -> None:
    assert clean_text(export()).title == "Does scale buy generality?"  # its question, no note
    assert clean_text(export("Scaling and its critics")).title == "Scaling and its critics"
    assert clean_text(export("Weekly thread. Be civil.")).title == "scale-talk"  # the channel
    header_topic = export("", topic="Compute and what it buys")
    assert clean_text(header_topic).title == "Compute and what it buys"


def test_other_json_lines_are_no_chat_export() -> None:
    rows = "\n".join(json.dumps({"id": n, "value": n * 2, "label": "run"}) for n in range(5))
    assert read_service(rows) is None
    assert read_service("\n".join(ARG)) is None
    # Message records quoted in prose, or two among many event records, are no export.
    said = [json.dumps({"type": "message", "user": who, "text": t}) for who, t in SAID]
    assert read_service("\n".join([*said, ARG[3]])) is None
    events = [json.dumps({"type": "event", "user": "Ada Marsh", "n": n}) for n in range(8)]
    assert read_service("\n".join([*events, *said[:2]])) is None
    assert read_service("\n".join(said)) is not None
