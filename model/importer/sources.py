"""Markup sources read as text, and formats whose chrome sits in known places (round thirteen).

A text file may be a document's source rather than its rendering: an Org-mode file, a LaTeX
source, a reStructuredText page. Each format's manual says which lines are settings, metadata
and build instructions rather than text:

- Org mode (orgmode.org/manual): in-buffer settings `#+KEYWORD: value` (`#+TITLE:` and
  `#+AUTHOR:` name the document), comment lines `# …` (and the `-*- mode: org -*-` and
  `Local Variables:` lines), drawers `:PROPERTIES:` … `:END:` and `:LOGBOOK:` … `:END:`,
  `CLOCK:`/`SCHEDULED:`/`DEADLINE:`/`CLOSED:` planning lines, blocks `#+BEGIN_X` … `#+END_X`
  (a quote's or example's lines are text; a comment's, source code's and export blocks' are
  not); headlines `* TODO Heading [2/5] :tag:` (the heading is text, its stars, keyword, priority,
  cookie and tags are not).
- LaTeX: the preamble before `\\begin{document}` (`\\documentclass`, `\\usepackage`,
  `\\newcommand` …; `\\title{}` and `\\author{}` name the paper), `%` comments, lines that are
  only commands (`\\maketitle`, `\\label{}`, `\\bibliographystyle{}`, `\\begin{abstract}`), the
  bibliography (`thebibliography` environment, `\\bibliography{}`); a sectioning command's
  argument (`\\section{Introduction}`, `\\paragraph{Note.}`) is text. Inline markup inside a
  sentence (`\\emph{x}`, `\\cite{k}`, `76\\%`) is left as written: a quote taken from the source
  keeps it.
- reStructuredText (docutils.sourceforge.io/docs/ref/rst/restructuredtext.html): explicit
  markup blocks `.. name:: args` with their indented options and body (a settings directive's —
  meta, contents, toctree, footer, seealso … — go; an admonition's, a quote's or a topic's body
  is text), comments `.. text`, substitution definitions `.. |x| replace:: …`, hyperlink targets
  `.. _x: url`, document-level field lists (`:orphan:`, `:og:description: …`, `:Author: …`), and
  section adornment lines (`=====` over or under a title).

And two formats whose front and back matter follow a published house style:

- a parliamentary select committee report (UK House of Commons style, "Guide for select
  committee members and staff"): the cover page (House, Committee, title, "Nth Report of Session
  YYYY–YY", "Report, together with formal minutes", "Ordered by the House … to be printed", the
  paper number "HC 123", "Published on … by authority of the House") and the back matter from
  "Formal minutes" on (members present, the Chair's draft report read and agreed, staff, contact);
- speech and sermon furniture, line by line (is_source_line): a speech's delivery header
  ("Speech given by …", "Embargoed until …", "Check against delivery") and a parish's sermon
  header and notices ("Preached at …", "Readings: Genesis 11.1-9", "Notices: …",
  "Next Sunday: …", parish office hours, "Registered charity").
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class Source:
    text: str
    title: str = ""
    author: str = ""


# --- Org mode -------------------------------------------------------------------------------

_ORG_SETTING = re.compile(r"^\s*#\+(\w+)(?:\[[^\]]*\])?:\s*(.*)$")
_ORG_COMMENT = re.compile(r"^\s*#(?:\s|$)")
_ORG_DRAWER = re.compile(r"^\s*:([A-Za-z][\w-]*):\s*$")
_ORG_END = re.compile(r"^\s*:END:\s*$", re.I)
_ORG_PLANNING = re.compile(r"^\s*(?:CLOCK|SCHEDULED|DEADLINE|CLOSED):\s")
_ORG_BLOCK = re.compile(r"^\s*#\+BEGIN_(\w+)", re.I)
_ORG_BLOCK_END = re.compile(r"^\s*#\+END_(\w+)", re.I)
_ORG_TEXT_BLOCKS = {"QUOTE", "VERSE", "CENTER", "EXAMPLE"}  # their lines are text
_ORG_HEADLINE = re.compile(
    r"^(\*+)\s+(?:(?:TODO|DONE|NEXT|WAITING|HOLD|CANCELL?ED|STARTED)\s+)?(?:\[#[A-C]\]\s+)?(.*?)"
    r"(?:\s+\[\d*(?:/\d*|%)\])?(?:\s+:[\w@#%:]+:)?\s*$"
)


def is_org(lines: list[str]) -> bool:
    """An Org-mode file: two in-buffer settings, a drawer closed by :END:, or the mode line."""
    settings = sum(1 for ln in lines[:400] if _ORG_SETTING.match(ln))
    drawers = any(_ORG_DRAWER.match(ln) for ln in lines) and any(_ORG_END.match(ln) for ln in lines)
    mode = any(re.search(r"-\*-.*\bmode:\s*org\b", ln, re.I) for ln in lines[:3])
    return settings >= 2 or mode or (drawers and any(_ORG_HEADLINE.match(ln) for ln in lines))


def read_org(lines: list[str]) -> Source:
    out: list[str] = []
    title = author = ""
    drawer = False
    block = ""  # the open block's kind; "" outside blocks
    for ln in lines:
        if drawer:
            drawer = not _ORG_END.match(ln)
            continue
        if block:
            if _ORG_BLOCK_END.match(ln):
                block = ""
            elif block in _ORG_TEXT_BLOCKS:
                out.append(ln.strip())
            continue
        if m := _ORG_BLOCK.match(ln):
            block = m.group(1).upper()
            continue
        if m := _ORG_SETTING.match(ln):
            key, value = m.group(1).upper(), m.group(2).strip()
            title = title or (value if key == "TITLE" else "")
            author = author or (value if key == "AUTHOR" else "")
            continue
        if _ORG_COMMENT.match(ln) or _ORG_PLANNING.match(ln):
            continue
        if _ORG_DRAWER.match(ln) and not _ORG_END.match(ln):
            drawer = True
            continue
        if m := _ORG_HEADLINE.match(ln):
            ln = m.group(2)
        out.append(ln)
    return Source("\n".join(out), title, author)


# --- LaTeX ----------------------------------------------------------------------------------

_TEX_MARK = re.compile(
    r"^\s*\\(?:documentclass|usepackage|begin\{document\}|section\*?\{|maketitle)"
)
_TEX_COMMENT = re.compile(r"^\s*%")
_TEX_SECTION = re.compile(
    r"^\s*\\(?:part|chapter|section|subsection|subsubsection|paragraph|subparagraph)\*?"
    r"(?:\[[^\]]*\])?\{(.*?)\}\s*(.*)$"
)
_TEX_DROP_ENVS = {
    "thebibliography",
    "figure",
    "figure*",
    "table",
    "table*",
    "comment",
    "tikzpicture",
}
_TEX_ENV = re.compile(r"^\s*\\(begin|end)\{([^}]*)\}(?:\[[^\]]*\]|\{[^}]*\})*\s*$")
# A line of commands only: \cmd, optional [..] and {..} arguments, nothing else of its own.
_TEX_COMMANDS_ONLY = re.compile(
    r"^\s*(?:\\[A-Za-z@]+\*?(?:\s*\[[^\]]*\]|\s*\{(?:[^{}]|\{[^{}]*\})*\})*\s*)+$"
)


def _tex_arg(src: str, name: str) -> str:
    m = re.search(r"\\" + name + r"\s*\{((?:[^{}]|\{[^{}]*\})*)\}", src, re.S)
    return re.sub(r"\s+", " ", m.group(1)).strip() if m else ""


def is_latex(lines: list[str]) -> bool:
    return sum(1 for ln in lines if _TEX_MARK.match(ln)) >= 2


def read_latex(lines: list[str]) -> Source:
    src = "\n".join(lines)
    title = _tex_arg(src, "title")
    author = _tex_arg(src, "author")
    author = "; ".join(
        re.split(r"\\\\", a)[0].strip() for a in re.split(r"\\and\b", author) if a.strip()
    )
    begin = next((i for i, ln in enumerate(lines) if "\\begin{document}" in ln), -1)
    out: list[str] = []
    skip = ""  # the dropped environment we are in
    for ln in lines[begin + 1 :]:
        if skip:
            m = _TEX_ENV.match(ln)
            if m and m.group(1) == "end" and m.group(2) == skip:
                skip = ""
            continue
        if _TEX_COMMENT.match(ln):
            continue
        if m := _TEX_SECTION.match(ln):
            out.append(" ".join(p for p in (m.group(1).strip(), m.group(2).strip()) if p))
            continue
        if m := _TEX_ENV.match(ln):
            if m.group(1) == "begin" and m.group(2) in _TEX_DROP_ENVS:
                skip = m.group(2)
            continue
        if _TEX_COMMANDS_ONLY.match(ln):
            continue
        out.append(re.sub(r"(?<!\\)%.*$", "", ln).rstrip())
    return Source("\n".join(out), title, author)


# --- reStructuredText -----------------------------------------------------------------------

_RST_EXPLICIT = re.compile(r"^\.\.(?:\s|$)")
_RST_DIRECTIVE = re.compile(r"^\.\.\s+(?:\|[^|]+\|\s+)?([\w:-]+)::(.*)$")
_RST_TARGET = re.compile(r"^\.\.\s+_[^:]*:")
# Directives whose body is the document's text (docutils' admonitions, quotes and topics).
_RST_TEXT_DIRECTIVES = {
    "note", "tip", "hint", "important", "attention", "caution", "warning", "danger", "error",
    "admonition", "epigraph", "highlights", "pull-quote", "topic", "sidebar", "rubric",
    "container", "compound", "versionadded", "versionchanged", "deprecated",
}  # fmt: skip
_RST_FIELD = re.compile(r"^:[\w .-]+(?::[\w.-]+)*:(?:\s+\S.*)?$")  # Sphinx's ":og:description:"
_RST_ADORNMENT = re.compile(r"^([=\-~^\"'`#*+.:_])\1{2,}\s*$")


def is_rst(lines: list[str]) -> bool:
    """Two explicit markup constructs (directives, substitutions, targets) and a section
    adornment line: a reStructuredText page."""
    marks = sum(1 for ln in lines if _RST_DIRECTIVE.match(ln) or _RST_TARGET.match(ln))
    return marks >= 2 and any(_RST_ADORNMENT.match(ln) for ln in lines)


def read_rst(lines: list[str]) -> Source:
    out: list[str] = []
    title = author = ""
    keep_body = None  # inside an explicit markup block: True keeps its body lines
    top = True  # before the first paragraph: a field list there is the document's metadata
    for k, ln in enumerate(lines):
        if keep_body is not None:
            if not ln.strip() or ln[:1] in " \t":
                if keep_body and ln.strip() and not _RST_FIELD.match(ln.strip()):
                    out.append(ln.strip())
                elif not ln.strip():
                    out.append("")
                continue
            keep_body = None
        if _RST_EXPLICIT.match(ln):
            m = _RST_DIRECTIVE.match(ln)
            keep_body = bool(m and m.group(1).lower() in _RST_TEXT_DIRECTIVES)
            if keep_body and m.group(1).lower() in {"topic", "sidebar", "admonition", "rubric"}:
                out.append(m.group(2).strip())
            continue
        if top and _RST_FIELD.match(ln.strip()):
            fm = re.match(r"^:(author|authors):\s+(.*)$", ln.strip(), re.I)
            author = author or (fm.group(2).strip() if fm else "")
            continue
        if _RST_ADORNMENT.match(ln):
            continue
        if ln.strip():
            nxt = lines[k + 1] if k + 1 < len(lines) else ""
            prev = lines[k - 1] if k else ""
            if not title and (_RST_ADORNMENT.match(nxt) or _RST_ADORNMENT.match(prev)):
                title = ln.strip()
            elif not (_RST_ADORNMENT.match(nxt) or _RST_ADORNMENT.match(prev)):
                top = False
        out.append(ln)
    return Source("\n".join(out), title, author)


# --- parliamentary committee reports --------------------------------------------------------

_SESSION = re.compile(
    r"^\s*(?:\w+|\d+(?:st|nd|rd|th))\s+Report\s+of\s+Session\s+\d{4}\s*[–—-]\s*\d{2,4}\s*$", re.I
)
_COVER_END = re.compile(r"^\s*(?:Summary|Contents|Introduction|1\s+Introduction)\s*$", re.I)
_BACK_MATTER = re.compile(
    r"^\s*(?:Formal\s+[Mm]inutes|Witnesses|Published\s+written\s+evidence|"
    r"List\s+of\s+Reports\s+from\s+the\s+Committee.*)\s*$"
)


def committee_report(lines: list[str]) -> Source | None:
    """A select committee report: its cover page (up to "Summary", "Contents" or the first
    heading that opens the report) and its back matter from "Formal minutes" on go; the title is
    the line above "Nth Report of Session"."""
    head = [i for i, ln in enumerate(lines[:40]) if _SESSION.match(ln)]
    if not head:
        return None
    cover = next(
        (i for i in range(head[0], min(len(lines), 80)) if _COVER_END.match(lines[i])), None
    )
    if cover is None:
        return None
    above = [i for i in range(head[0]) if lines[i].strip()]
    title = lines[above[-1]].strip() if above else ""
    back = next(
        (i for i in range(len(lines) - 1, cover, -1) if _BACK_MATTER.match(lines[i])), len(lines)
    )
    return Source("\n".join(lines[cover:back]), title, "")


# --- speeches and sermons, line by line -----------------------------------------------------

_SOURCE_LINE = re.compile(
    # a speech's delivery header (central banks', ministries' and universities' speech pages)
    r"^(?:speech|remarks|address|lecture|keynote|statement)\s+(?:(?:given|delivered|made|as\s+"
    r"prepared\s+for\s+delivery)\s+)?by\s+[A-Z]|"
    r".*\bcheck\s+against\s+delivery\b|^embargo(?:ed)?\b.*\b(?:until|till)\b|"
    r"^text\s+as\s+(?:prepared|delivered)\b|.*\bspoken\s+version\s+may\s+differ\b|"
    # a sermon's header (where and when it was preached, the day's readings)
    r"^preached\s+(?:at|by|on|in)\b|"
    r"^(?:readings?|lessons?|texts?|gospel|epistle|psalm)\s*:\s*(?:\d\s*)?[A-Z][a-z]+\.?\s+\d|"
    # parish notices under it
    r"^(?:parish\s+)?notices?\s*:\s|^next\s+(?:sunday|week)\s*:|.*\bparish\s+office\b|"
    r"^registered\s+charity\b|^sermons?\s+(?:are|is)\s+(?:published|posted|available|made)\b",
    re.I,
)


def is_source_line(line: str) -> bool:
    """A speech's delivery header or a sermon's header and notices (short lines only)."""
    s = line.strip()
    return len(s.split()) <= 45 and bool(_SOURCE_LINE.match(s))


# A preacher's line under a sermon's title: the clergy style of the Church of England and its
# sister churches ("The Revd Canon A B", "The Rt Revd …", "Fr …", "Pastor …").
_PREACHER = re.compile(
    r"^\s*(?i:(?:the\s+)?(?:(?:very|most|right|rt\.?)\s+)?(?:revd\.?|rev\.?|reverend)"
    r"(?:\s+(?:canon|prebendary|dr|mother|father|preb\.?))*|fr\.?|father|mother|pastor|"
    r"canon|bishop|archdeacon|dean)\s+((?:[A-Z][\w'’.-]+\s*){1,4})$"
)


def sermon(lines: list[str]) -> Source | None:
    """A sermon's head: two or more of its header lines (is_source_line) among the first
    fifteen and a preacher's line under the title. The title is the line above the preacher's,
    the author the preacher's name; the parish masthead above the title goes."""
    head = [i for i, ln in enumerate(lines[:15]) if ln.strip()]
    if sum(1 for i in head if is_source_line(lines[i])) < 2:
        return None
    for k, i in enumerate(head[1:], 1):
        m = _PREACHER.match(lines[i])
        above = head[k - 1]
        if m and not is_source_line(lines[above]) and len(lines[above].split()) <= 15:
            rest = [ln for j, ln in enumerate(lines) if j > i or (j < above and is_source_line(ln))]
            return Source("\n".join(rest), lines[above].strip(), m.group(1).strip())
    return None


def read_source(text: str) -> Source | None:
    """The text of a markup source or a committee report without its settings and furniture,
    with the title and author its format names; None for any other text."""
    lines = text.split("\n")
    if is_latex(lines):
        return read_latex(lines)
    if is_org(lines):
        return read_org(lines)
    if is_rst(lines):
        return read_rst(lines)
    return committee_report(lines) or sermon(lines)
