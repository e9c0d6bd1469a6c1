"""Article import: propose claims, stances, map targets and trend facts for an article.

`propose` is loaded on first use (PEP 562): the pipeline's modules cost ~0.3–0.4 s, and the app
and the CLI, which only send a map's nodes to the import child and apply what comes back
(model.importer.apply), must not pay for them in their own process.
"""

from typing import Any

from model.importer.article import (
    Article,
    ImportProposals,
    NodeRef,
    Proposal,
    Sentence,
    TrendFact,
)

__all__ = ["Article", "ImportProposals", "NodeRef", "Proposal", "Sentence", "TrendFact", "propose"]


def __getattr__(name: str) -> Any:
    if name == "propose":
        from model.importer.pipeline import propose

        return propose
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
