"""The whole article import — reading AND proposing — in the sandboxed child process.

The parsers and the importer's text algorithms both meet untrusted text: a 100,000-letter word,
40,000 one-line paragraphs or 19 MB of prose must not freeze the app or eat the machine. The
child runs under a wall-time limit (storage.sandbox.IMPORT_TIME_LIMIT, shown and cancellable in the app) and a
memory limit (storage.sandbox.MEMORY_LIMIT); only the first MAX_PROPOSE_CHARS characters of an
article are searched for claims, with a notice. Results come back as plain data.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, replace
from typing import Any

from model.formatting import byte_size
from model.importer.article import Article, ImportProposals, NodeRef, Proposal, Sentence, TrendFact
from storage.articles import ArticleError, _read, parse_file
from storage.sandbox import IMPORT_TIME_LIMIT, MEMORY_LIMIT, Sandbox, limits_text

#: Characters of an article's text that are searched for claims (~40,000 words).
MAX_PROPOSE_CHARS = 250_000
MAX_BYTES = 20_000_000
__all__ = ["IMPORT_TIME_LIMIT", "ImportOutcome", "Job", "import_article", "limits_text"]


@dataclass(frozen=True)
class Job:
    """What the child needs besides the file: the map's nodes and thesis, and the limits."""

    refs: tuple[NodeRef, ...]
    thesis_id: str
    limit: float = IMPORT_TIME_LIMIT
    max_chars: int = MAX_PROPOSE_CHARS

    def args(self) -> list[Any]:
        return [[asdict(r) for r in self.refs], self.thesis_id, self.max_chars]


@dataclass
class ImportOutcome:
    """The proposals, plus notices for the user (e.g. that a long article was cut short)."""

    result: ImportProposals
    notices: list[str]


def import_article(
    path_or_url: str,
    refs: list[NodeRef],
    thesis_id: str,
    *,
    limit: float = IMPORT_TIME_LIMIT,
    timeout: float = 20.0,
    max_chars: int = MAX_PROPOSE_CHARS,
    box: Sandbox | None = None,
) -> ImportOutcome:
    """Read and propose in a child with `limit` seconds and MEMORY_LIMIT bytes; ArticleError
    with a one-line message when it fails, runs out of time or memory, or is cancelled."""
    job = Job(tuple(refs), thesis_id, limit, max_chars)
    plain = _read(path_or_url, timeout=timeout, max_bytes=MAX_BYTES, box=box, job=job)
    return ImportOutcome(from_plain(plain["result"], plain["article"]), list(plain["notices"]))


# ------------------------------------------------------------------- child side
#: The warm-up's article (our own words): a page saved from the web, with a title, a few lines
#: of site chrome and two paragraphs, so that reading it runs the text reader's chrome and
#: title rules (and compiles their patterns) and proposing it runs the pipeline.
_WARM_TEXT = (
    "Skip to content\n\nWill scaling get there?\n\nBy Ann Lee · March 3, 2025 · 5 min read\n\n"
    "Share on X\n\n"
    "Scaling compute has kept improving models, critics say, but data may run out by 2030.\n\n"
    "Training runs grew about 4x per year since 2010, and benchmarks followed.\n\n"
    "12 comments\n\nSubscribe to our newsletter\n"
)


def warm() -> None:
    """Load what every import needs — the pipeline's modules, the meaning model, and the
    patterns compiled on first use — by reading and proposing one small text file, in a child
    started while the user picks a file (storage.sandbox, warm="import")."""
    import tempfile

    fd, path = tempfile.mkstemp(prefix="cruxmap-warm-", suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(_WARM_TEXT)
        thesis = {"id": "t", "title": "Thesis", "kind": "thesis"}
        import_file(path, MAX_BYTES, "", "", [thesis], "t", MAX_PROPOSE_CHARS)
    finally:
        os.unlink(path)


def warm_html() -> None:
    """The warm-up's last step: the HTML reader, the slowest of the parsers to import (~0.1 s),
    which a text, Markdown or PDF file does not need."""
    import trafilatura  # noqa: F401


def import_file(
    path: str, max_bytes: int, url: str, content_type: str, refs: list[dict], thesis_id: str,
    max_chars: int,
) -> dict:  # fmt: skip
    """Runs in the sandbox: parse the file, then propose claims on (at most) max_chars of it."""
    from model.importer.pipeline import propose

    fields = parse_file(path, max_bytes, url, content_type)
    article = Article(**fields)
    notices = []
    searched = article
    name = article.title or os.path.basename(url or path)
    if len(article.text) > max_chars:
        cut = article.text.rfind("\n\n", 0, max_chars)
        cut = cut if cut > max_chars // 2 else max_chars
        searched = replace(article, text=article.text[:cut])
        notices.append(
            f"{name} is long: only its first {cut:,} of {len(article.text):,} characters "
            "were searched for claims and facts"
        )
    try:
        result = propose(searched, [NodeRef(**r) for r in refs], thesis_id)
    except MemoryError:
        raise ArticleError(
            f"{name} needs more memory to analyse than the import limit of "
            f"{byte_size(MEMORY_LIMIT)} allows"
        ) from None
    plain = asdict(result)
    plain.pop("article")  # sent once, in full (offsets into the searched part stay valid)
    return {"article": fields, "result": plain, "notices": notices}


def from_plain(plain: dict, article: dict) -> ImportProposals:
    """Rebuild the proposals the child sent."""
    return ImportProposals(
        article=Article(**article),
        thesis_id=plain["thesis_id"],
        proposals=[Proposal(**p) for p in plain["proposals"]],
        trend_facts=[TrendFact(**f) for f in plain["trend_facts"]],
        sentences=[Sentence(**s) for s in plain["sentences"]],
        lean=float(plain.get("lean", 0.0)),
    )
