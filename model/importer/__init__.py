"""Article import: propose claims, stances, map targets and trend facts for an article."""

from model.importer.article import (
    Article,
    ImportProposals,
    NodeRef,
    Proposal,
    Sentence,
    TrendFact,
)
from model.importer.pipeline import propose

__all__ = ["Article", "ImportProposals", "NodeRef", "Proposal", "Sentence", "TrendFact", "propose"]
