"""Manual pages, AsciiDoc sources, signed letters, shop reviews and report running lines
(round fourteen).

Two more sources read as text, whose format's manual says which lines are not text:

- a manual page, rendered (`man scalewatch | col -b`) or as roff source (man-pages(7),
  groff_man(7)): the header and footer lines (`TOOL(1)   User Commands   TOOL(1)`,
  `tool 1.2   March 2026   TOOL(1)`), the NAME section (it names the page: its one line is the
  title; "Written by A B" in AUTHOR(S) the author), the sections that are the page's apparatus rather than its text (SYNOPSIS, SEE ALSO,
  AUTHOR(S), REPORTING BUGS, COPYRIGHT, COLOPHON) and roff's requests (`.TH`, `.SH`, `.PP`,
  `.\\"` comments) and font escapes (`\\fB`, `\\fR`); DESCRIPTION, OPTIONS, BUGS, CAVEATS and any
  section the author named are text.
- AsciiDoc (docs.asciidoctor.org/asciidoc/latest): the document header's `= Title` (the title),
  author line and revision line, attribute entries `:name: value`, comments `// …` and `////`
  blocks, preprocessor directives (`include::…[]`, `ifdef::…[]`, `ifndef::`, `ifeval::`,
  `endif::[]`), block attribute and anchor lines (`[source,python]`, `[#id]`, `[[id]]`),
  listing, literal and passthrough blocks (`----`, `....`, `++++`), page and thematic breaks
  (`<<<`, `'''`), block macros (`toc::[]`, `image::…[]`), and a block or section whose style is
  the colophon; section titles (`== Heading`) are text, an admonition paragraph
  (`NOTE: …`, `TIP: …`) is text without its label, example, sidebar and quote blocks are text.

And lines a page shows around the text (is_manual_line, find_manual_chrome):

- an open letter's or petition's signing page: the signature counter ("4,312 signatures so
  far"), the button row ("[ Sign ] [ Share ]"), "Sign this letter", the site's masthead and
  disclaimer ("… does not endorse them"), "Report this letter", and the signatory list under its
  heading ("Signatories", "Initial signatories (affiliations for identification only)") down to
  "… and 120 others";
- a shop's review page: "57 people found this helpful", "Helpful", "Report review", "Verified
  purchase", star ratings ("4.0 out of 5 stars", "★★★★☆"), "Reviewed in … on …";
- an annual report's running header ("X plc Annual Report and Accounts 2026 | Strategic report");
- a course forum's posting notice ("Read the community guidelines before posting") and a
  consultation portal's stamp ("This comment was submitted through the … portal").
"""

from __future__ import annotations

import re

from model.importer.sources import Source

# --- manual pages ---------------------------------------------------------------------------

_MAN_HEAD = re.compile(r"^\s*([\w.:+-]+)\((\d\w*)\)\s{2,}.*\S\s{2,}\1\(\2\)\s*$")
_MAN_FOOT = re.compile(r"^\s*\S.*\s{2,}([\w.:+-]+)\((\d\w*)\)\s*$")
_MAN_SECTION = re.compile(r"^([A-Z][A-Z0-9 /&'-]*[A-Z0-9])\s*$")
_MAN_APPARATUS = {
    "NAME", "SYNOPSIS", "SEE ALSO", "AUTHOR", "AUTHORS", "REPORTING BUGS", "COPYRIGHT",
    "COLOPHON",
}  # fmt: skip
_ROFF_REQUEST = re.compile(r"^[.'](\\\"|[A-Za-z]{1,3})(?:\s+(.*))?$")
_ROFF_FONT = re.compile(r"\\f(?:[BIRPC]|\(\w\w|\[\w*\])")
_ROFF_TEXT_MACROS = {"B", "I", "BI", "BR", "IB", "IR", "RB", "RI", "SM", "SB"}


def _roff_lines(lines: list[str]) -> list[str]:
    """roff source as the rendered page's lines: `.SH NAME` a section heading, `.B x` its text,
    layout requests and comments gone, font escapes removed."""
    out: list[str] = []
    for ln in lines:
        m = _ROFF_REQUEST.match(ln.strip())
        if m:
            req, arg = m.group(1), (m.group(2) or "").strip().strip('"')
            if req in {"SH", "SS"}:
                out.append(arg.upper() if req == "SH" else arg)
            elif req in _ROFF_TEXT_MACROS and arg:
                out.append("       " + arg.replace('" "', " ").replace('"', ""))
            elif req == "TH":
                out.append("")
            continue
        out.append("       " + ln.replace("\\-", "-").replace("\\(em", "—") if ln.strip() else "")
    return [_ROFF_FONT.sub("", ln) for ln in out]


def is_man_page(lines: list[str]) -> bool:
    """A rendered manual page (its header line `TOOL(1)   …   TOOL(1)` on top and a NAME
    section), or roff source with `.TH` and `.SH NAME`."""
    if any(re.match(r"^\.TH\s", ln) for ln in lines[:20]):
        return any(re.match(r'^\.SH\s+"?NAME"?\s*$', ln, re.I) for ln in lines)
    head = [ln for ln in lines[:3] if ln.strip()]
    return bool(head and _MAN_HEAD.match(head[0])) and any(ln == "NAME" for ln in lines[:12])


def read_man(lines: list[str]) -> Source:
    if any(re.match(r"^\.TH\s", ln) for ln in lines[:20]):
        lines = _roff_lines(lines)
    out: list[str] = []
    title = author = ""
    section = ""
    for ln in lines:
        if _MAN_HEAD.match(ln) or (_MAN_FOOT.match(ln) and len(ln.split()) <= 8):
            continue
        m = _MAN_SECTION.match(ln)
        if m and not ln[:1].isspace():
            section = m.group(1)
            if section not in _MAN_APPARATUS:
                out += [ln, ""]  # a heading of its own, not the first words of its text
            continue
        if section == "NAME" and ln.strip() and not title:
            title = " ".join(ln.split())
        w = re.match(r"^\s*Written\s+by\s+(.+?)(?:,|\.|\s+(?:with|and|for)\s|$)", ln)
        if section in {"AUTHOR", "AUTHORS"} and w and not author:
            author = w.group(1).strip()  # man-pages(7): "Written by A B."
        if section in _MAN_APPARATUS:
            continue
        out.append(ln.strip())
    return Source("\n".join(out), title, author)


# --- AsciiDoc -------------------------------------------------------------------------------

_ADOC_TITLE = re.compile(r"^=\s+(\S.*)$")
_ADOC_SECTION = re.compile(r"^(={2,6})\s+(\S.*)$")
_ADOC_ATTRIBUTE = re.compile(r"^:!?[\w][\w-]*!?:(?:\s.*)?$")
_ADOC_DIRECTIVE = re.compile(r"^(?:include|ifdef|ifndef|ifeval|endif)::.*\[.*\]\s*$")
_ADOC_BLOCK_MACRO = re.compile(r"^(?:toc|image|video|audio)::.*\[.*\]\s*$")
_ADOC_BLOCK_ATTRS = re.compile(r"^\[[^\[\]]*\]\s*$|^\[\[[^\[\]]+\]\]\s*$")
_ADOC_DROP_DELIMS = re.compile(r"^(-{4,}|\.{4,}|\+{4,}|/{4,})\s*$")
_ADOC_KEEP_DELIMS = re.compile(r"^(={4,}|\*{4,}|_{4,}|--|\|={3,})\s*$")
_ADOC_ADMONITION = re.compile(r"^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):\s+(\S.*)$")
_ADOC_REVISION = re.compile(r"^v?\d+(?:\.\d+)*,\s*\S|^v\d")
_ADOC_BACK = re.compile(r"^\[\.?colophon\b.*\]\s*$", re.I)


def is_asciidoc(lines: list[str]) -> bool:
    """An AsciiDoc source: a `= Title` or `== Section` line and two attribute entries or
    preprocessor directives."""
    marks = sum(1 for ln in lines if _ADOC_ATTRIBUTE.match(ln) or _ADOC_DIRECTIVE.match(ln))
    titled = any(_ADOC_TITLE.match(ln) or _ADOC_SECTION.match(ln) for ln in lines)
    return marks >= 2 and titled


def read_asciidoc(lines: list[str]) -> Source:
    out: list[str] = []
    title = author = ""
    head = True  # in the document header (title, author line, revision line, attributes)
    drop_block = ""  # the delimiter of a listing, literal, passthrough or comment block
    back = False  # in a colophon: its paragraph or section goes
    author_line = -1
    for k, ln in enumerate(lines):
        s = ln.rstrip()
        if drop_block:
            if s == drop_block:
                drop_block = ""
            continue
        if _ADOC_DROP_DELIMS.match(s):
            drop_block = s
            continue
        if back:  # up to the blank line after its paragraph (a styled section: its title's)
            if not s.strip() and not _ADOC_SECTION.match(lines[k - 1] if k else ""):
                back = False
                out.append("")
            continue
        if head and not title and _ADOC_TITLE.match(s):
            title = _ADOC_TITLE.match(s).group(1).strip()
            nxt = lines[k + 1].strip() if k + 1 < len(lines) else ""
            if nxt and not _ADOC_ATTRIBUTE.match(nxt) and not nxt.startswith("//"):
                author = re.sub(r"\s*<[^>]*>\s*", " ", nxt.split(";")[0]).strip()
                author_line = k + 1
            continue
        if head and (k == author_line or (title and _ADOC_REVISION.match(s))):
            continue
        if _ADOC_BACK.match(s):
            back = True
            continue
        if (
            _ADOC_ATTRIBUTE.match(s)
            or _ADOC_DIRECTIVE.match(s)
            or _ADOC_BLOCK_MACRO.match(s)
            or _ADOC_BLOCK_ATTRS.match(s)
            or _ADOC_KEEP_DELIMS.match(s)
            or s.startswith("//")
            or s.strip() in {"<<<", "'''", "***", "---"}
        ):
            continue
        if s.strip():
            head = False
        m = _ADOC_SECTION.match(s)
        if m:
            out.append(m.group(2).strip())
            continue
        m = _ADOC_ADMONITION.match(s)
        out.append(m.group(1) if m else s)
    return Source("\n".join(out), title, author)


# --- signing pages, review pages, report running lines --------------------------------------

_MANUAL_LINE = re.compile(
    # a signing page's counter, buttons, masthead and footer
    r"^(?:.*[·|•]\s*)?\d[\d,. ]*\s+(?:signatures?|signatories|supporters|names)\s+"
    r"(?:so\s+far|and\s+counting|collected|to\s+date)\b.*$|"
    r"^(?:\[\s*[^\[\]]{1,40}\s*\]\s*){2,}$|"
    r"^(?:sign|add\s+your\s+name\s+to)\s+(?:this|the)\s+(?:open\s+)?(?:letter|petition)\s*[.!]?$|"
    r"^.{0,60}\b(?:letters?|petitions?)\s+(?:that\s+)?(?:anyone|everyone|you)\s+can\s+"
    r"(?:sign|start)\b.*$|"
    r"^.{0,60}\bhosts\s+(?:letters|petitions)\b.*\bnot\s+(?:necessarily\s+)?endorse\b.*$|"
    r"^report\s+this\s+(?:letter|petition|review|post|comment)\b.*$|"
    # a shop's review furniture
    r"^(?:\d[\d,]*|one|a)\s+(?:people|person|customers?|readers?)\s+found\s+this\s+"
    r"(?:review\s+)?(?:helpful|useful)\.?$|"
    r"^(?:helpful|report|report\s+(?:review|abuse)|verified\s+(?:purchase|buyer|reader)|"
    r"was\s+this\s+review\s+helpful\??)$|"
    r"^[★☆✩✭]{5}(?:\s+.{0,40})?$|^\d(?:\.\d)?\s+out\s+of\s+5(?:\s+stars)?$|"
    r"^reviewed\s+in\s+(?:the\s+)?[A-Z][\w ]{1,30}\s+on\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$|"
    # a forum's posting notice, a consultation portal's stamp
    r".*\bread\s+(?:the|our)\s+(?:community\s+|forum\s+|posting\s+)?guidelines\s+before\s+"
    r"posting\b.*$|"
    r"^this\s+(?:comment|response|submission)\s+was\s+(?:submitted|received|filed)\s+"
    r"(?:through|via|using|on)\b.{0,80}\b(?:portal|form|system|website|site)\b\.?$",
    re.I,
)
# An annual report's running header: the company, "Annual Report (and Accounts) 2026" and the
# report's part (Strategic report, Governance, Financial statements …), no sentence.
_RUNNING = re.compile(
    r"^[^.!?]{0,60}\bAnnual\s+Report(?:\s+and\s+(?:Accounts|Financial\s+Statements))?\s+"
    r"\d{4}\b(?:\s*[|·•–—-]?\s*(?:Strategic\s+report|Governance(?:\s+report)?|Financial\s+"
    r"statements|Directors[’']\s+report|Overview|Additional\s+information)\b[^.!?]{0,50})?$",
    re.I,
)


def is_running_header(line: str) -> bool:
    """An annual report's running header: a line of its own, never the start of a paragraph
    (storage/articles.py's PDF reader does not join the next line to it)."""
    s = line.strip()
    return bool(s) and len(s.split()) <= 20 and bool(_RUNNING.match(s))


def is_manual_line(line: str) -> bool:
    """A signing page's, review page's, forum's or portal's furniture, or an annual report's
    running header (short lines only)."""
    s = line.strip()
    if not s or len(s.split()) > 30:
        return False
    return bool(_MANUAL_LINE.match(s)) or is_running_header(s)


_SIGNATORIES = re.compile(
    r"^(?:(?:initial|founding|first|original|lead|other)\s+)?(?:signatories|signers|"
    r"signed\s+by|co-?signatories|supporters)\s*(?:\(.*\))?\s*:?$",
    re.I,
)
_OTHERS = re.compile(r"^(?:…|\.\.\.)?\s*(?:and|\+)\s+\d[\d,]*\s+(?:others?|more)\b.*$", re.I)
_SIGNER = re.compile(
    r"^(?:(?:Dr|Prof|Professor|Sir|Dame|Mr|Mrs|Ms|Mx)\.?\s+)?[A-Z][^,.;:!?]{1,60},"
)


def find_manual_chrome(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A signatory list under its heading: the heading, the "Name, role, place" lines under it
    and the "… and N others" line that closes it."""
    for k, i in enumerate(idx):
        if not _SIGNATORIES.match(lines[i].strip()):
            continue
        run = []
        for j in idx[k + 1 :]:
            s = lines[j].strip()
            if _OTHERS.match(s):
                run.append(j)
                break
            if _SIGNER.match(s) and len(s.split()) <= 14 and not s.endswith("."):
                run.append(j)
                continue
            break
        if len(run) >= 2:
            chrome.add(i)
            chrome.update(run)


def read_manual(text: str) -> Source | None:
    """The text of a manual page or an AsciiDoc source without its apparatus, with the title
    (and author) its format names; None for any other text."""
    lines = text.split("\n")
    if is_man_page(lines):
        return read_man(lines)
    if is_asciidoc(lines):
        return read_asciidoc(lines)
    return None
