"""Furniture a service prints around a document: study registries, transcription services,
slide tools' text exports, newsletter platforms, and chat exports written as JSON lines
(round fifteen).

Each rule follows how the format is produced, never an article:

- **Study registries** (OSF Registries, AsPredicted, the AEA RCT Registry, PROSPERO: a frozen
  registration printed as a PDF): the freeze stamp ("Registration frozen by … Changes after
  freezing are logged as dated amendments.", "This registration was submitted on …"), the
  registration template's line ("Template: Secondary data preregistration, version 2.1"), the
  citation line a repository prints ("Cite as: …", Zenodo's and the registries' "Cite this
  registration as: …") and the licence line ("Licence: CC BY 4.0 …").
- **Transcription services** (court reporters' and conference transcribers' notices): "This
  transcript was produced from … and has not been reviewed by the speakers", "Uncorrected
  transcript: not checked by the speakers". And an event's name in capitals with its year
  ("WORLD COMPUTE FORUM 2026") right above a session's own title line ("Panel 2A: …",
  "Session 3: …"): the event is the transcript's masthead; the session line is its title.
- **Slide tools' text exports** (PowerPoint's and Keynote's outline and notes exports, the
  deck tools that print a text export): the export's banner ("Deckly text export",
  "Outline export"), its contents row ("Includes: slide text, speaker notes. Excludes:
  images …") and the generated-for stamp ("Generated for internal review. Check … before
  publishing.").
- **Newsletter platforms** (the Substack, Ghost, beehiiv and Buttondown footers; CAN-SPAM's
  sender line): "You are receiving this because you subscribed …", the upgrade ask
  ("Upgrade to the paid edition for $5 a month …") and the publisher's line with its company
  and postal address ("<Letter> is published by Foo Media Ltd, 1 High St, Leeds.").
- **Chat exports as JSON lines** (Slack's and Mattermost's export records, Discord exporters'
  JSONL, one JSON object a line): the file is read as what it is. Each message record's text
  is the text, headed by its author and time the way a chat export's post header is
  ("[2026-01-05T10:02:00Z] Ana Ruiz", which the chat rules of model/importer/formats.py take
  as chrome); the export's header and footer records, system records (joins, pins, topic
  changes, reminders), reactions and bots' posts are chrome. The title is the channel's topic
  as the export names it (its header's topic or purpose, or the system record that set it):
  the topic's question when the topic goes on with a note ("Should we …? Decide by Friday."),
  the topic when it is one phrase, else the channel's name.
"""

from __future__ import annotations

import json
import re

from model.importer.sources import Source

# --- lines, one at a time -------------------------------------------------------------------

_SERVICE_LINE = re.compile(
    # a study registry's stamps
    r"^(?:this\s+)?(?:pre-?)?registration\s+(?:was\s+|has\s+been\s+|is\s+)?(?:frozen|"
    r"submitted|registered|archived|time-?stamped)\s+(?:by|on|at|in|with)\b.*$|"
    r"^(?:please\s+)?cite\s+(?:this\s+(?:registration|preprint|record|report|document|"
    r"dataset|paper|study)\s+)?as\s*:\s*\S.*$|"
    r"^licen[cs]e\s*:\s*(?:cc[ -]?(?:by|0)|creative\s+commons|public\s+domain|all\s+rights\s+"
    r"reserved)\b.*$|"
    # a transcription service's notices
    r"^(?:this|the)\s+transcript\s+(?:was|has\s+been|is)\s+(?:produced|prepared|made|"
    r"created|generated|transcribed|taken)\s+from\b.*$|"
    r"^.{0,80}\btranscript\b.{0,80}\bhas\s+not\s+been\s+(?:reviewed|checked|corrected|"
    r"verified|approved|edited)\s+by\s+(?:the\s+)?(?:speakers?|participants?|panell?ists?)\b.*$|"
    r"^uncorrected\s+transcript\b.{0,120}$|"
    # a slide tool's text export
    r"^(?:[\w.&' -]{1,30}\s+)?(?:text|plain[- ]text|outline|notes|speaker[- ]notes)\s+export\s*$|"
    r"^(?:includes|included|excludes|excluded|contents)\s*:\s*[^.!?]{0,80}\b(?:slide\s+text|"
    r"speaker\s+notes|slide\s+notes|animations|transitions|hidden\s+slides)\b.*$|"
    r"^(?:generated|exported|prepared|produced)\s+for\s+(?:internal\s+|external\s+)?"
    r"(?:review|circulation|distribution|use)\b[^!?]{0,120}$|"
    # a newsletter platform's footer
    r"^you(?:\s+are|['’]re)\s+(?:receiving|getting)\s+this\s+because\s+you\b.*$|"
    r"^upgrade\s+to\s+(?:a\s+|the\s+)?(?:paid|premium|supporter|founding)\b.*$|"
    r"^upgrade\s+to\s+(?:a\s+|the\s+)?(?:pro|full)\s+(?:edition|plan|tier|subscription|"
    r"membership)\b.*$|"
    r"^[^.!?]{1,60}\s+is\s+(?:published|produced|sent|brought\s+to\s+you)\s+by\s+[^.!?]{1,60}"
    r"\b(?:ltd|limited|llc|inc|gmbh|plc|pty|llp)\b\.?(?:,[^!?]{0,100})?$",
    re.I,
)


# A registration template's line ends with its version: a line of its own, never the start of a
# paragraph (storage/articles.py's PDF reader does not join the next line to it).
_TEMPLATE = re.compile(
    r"^(?:registration\s+|study\s+)?template\s*:\s*[^.!?]{2,80}\b(?:version|v\.?)\s*\d[\d.]*$",
    re.I,
)


def is_template_stamp(line: str) -> bool:
    """A registration template's line ("Template: …, version 2.1")."""
    return bool(_TEMPLATE.match(line.strip()))


def is_service_line(line: str) -> bool:
    """A registry's, transcription service's, slide exporter's or newsletter platform's
    line (short lines only)."""
    s = line.strip()
    return (
        bool(s) and len(s.split()) <= 40 and (bool(_SERVICE_LINE.match(s)) or is_template_stamp(s))
    )


# An event's name and year in capitals ("WORLD COMPUTE FORUM 2026") and a session's title line
# under it ("Panel 2A: …", "Session 3 - …", "Keynote: …").
_EVENT = re.compile(r"^[A-Z0-9&'’.,-]+(?: [A-Z0-9&'’.,-]+){1,8} (?:19|20)\d{2}$")
_SESSION = re.compile(
    r"^(?:panel|session|track|workshop|keynote|plenary|roundtable|breakout|fireside\s+chat|"
    r"debate)(?:\s+[\w.-]{1,6})?\s*[:–—-]\s+\S",
    re.I,
)


def find_service_chrome(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """An event's name in capitals right above a session's title line is a masthead."""
    for k, i in enumerate(idx[:-1]):
        j = idx[k + 1]
        if _EVENT.match(lines[i].strip()) and _SESSION.match(lines[j].strip()):
            chrome.add(i)


# --- chat exports as JSON lines ---------------------------------------------------------------

_TEXT_KEYS = ("text", "content", "message", "body")
_AUTHOR_KEYS = ("user", "author", "from", "sender", "username", "user_name", "display_name")
_MESSAGE_TYPES = {"message", "msg", "post", "reply", "comment", "chat", "thread_reply"}
_TOPIC_KEYS = ("topic", "channel_topic", "purpose", "subject")
_SET_TOPIC = re.compile(
    r"\b(?:set|changed|updated)\s+the\s+(?:channel\s+|room\s+|group\s+)?(?:topic|purpose)\s*"
    r"(?:\bto\b\s*:?|:)\s*(.+)$",
    re.I,
)


def _records(lines: list[str]) -> list[dict] | None:
    """Each line's JSON object, when every non-empty line is one (three at least)."""
    out = []
    for ln in lines:
        s = ln.strip()
        if not s:
            continue
        if not (s.startswith("{") and s.endswith("}")):
            return None
        try:
            rec = json.loads(s)
        except ValueError:
            return None
        if not isinstance(rec, dict):
            return None
        out.append(rec)
    return out if len(out) >= 3 else None


def _field(rec: dict, keys: tuple[str, ...]) -> str:
    for key in keys:
        v = rec.get(key)
        if isinstance(v, dict):  # an author given as an object ({"name": …})
            v = v.get("display_name") or v.get("name") or v.get("username")
        if isinstance(v, str) and v.strip():
            return v.strip()
    return ""


def _is_message(rec: dict) -> bool:
    kind = str(rec.get("type") or rec.get("kind") or "message").lower()
    sub = str(rec.get("subtype") or "").lower()
    author = _field(rec, _AUTHOR_KEYS)
    return (
        kind in _MESSAGE_TYPES
        and sub in ("", "thread_broadcast", "reply")
        and not rec.get("bot_id")
        and not rec.get("is_bot")
        and author.lower() not in ("", "bot", "system")
        and bool(_field(rec, _TEXT_KEYS))
    )


def _topic_title(topic: str, channel: str) -> str:
    """The topic's question when a note follows it, the topic when it is one phrase, else the
    channel's name."""
    topic = " ".join(topic.split())
    if topic and not re.search(r"[.!?]\s+\S", topic):
        return topic.rstrip(" .")
    m = re.match(r"^([^.!?]{8,}\?)\s+\S", topic)
    return m.group(1) if m else channel.lstrip("#")


def read_chat_jsonl(lines: list[str]) -> Source | None:
    """A chat export written as JSON lines: its messages under their authors' post headers,
    without its header, footer, system and reaction records; the title from its topic."""
    recs = _records(lines)
    if recs is None:
        return None
    messages = [r for r in recs if _is_message(r)]
    if len(messages) < 2 or len(messages) * 3 < len(recs):  # a third of its records at least
        return None
    out: list[str] = []
    for r in messages:
        when = _field(r, ("ts", "timestamp", "time", "date", "created_at"))
        head = _field(r, _AUTHOR_KEYS)
        out += [f"[{when}] {head}" if when else f"[{head}]", _field(r, _TEXT_KEYS), ""]
    said = {id(r) for r in messages}
    channel = topic = ""
    for r in recs:
        if id(r) in said:
            continue
        channel = channel or _field(r, ("channel", "channel_name", "room", "conversation"))
        topic = topic or _field(r, _TOPIC_KEYS)
        if not topic and (m := _SET_TOPIC.search(_field(r, _TEXT_KEYS))):
            topic = m.group(1)
    return Source("\n".join(out), _topic_title(topic, channel), "")


def read_service(text: str) -> Source | None:
    """The text of a chat export written as JSON lines, with the title its topic names; None for
    any other text."""
    return read_chat_jsonl(text.split("\n"))
