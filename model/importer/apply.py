"""Turn reviewed proposals into map edits: one source for the article, a node per accepted claim
(or a citation on the node it duplicates), all inside one batch so the import is one undo step."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from model.argmap import ArgumentMap
from model.entities import Citation, Source, new_id, now_iso
from model.importer.article import Article, ImportProposals, NodeRef, Proposal


@dataclass
class Decision:
    """One accepted proposal after review: possibly edited title, stance, target and relation."""

    quote: str
    start: int
    end: int
    title: str
    stance: str
    target: str
    relation: str  # supports | attacks | duplicate
    kind: str = "claim"

    @classmethod
    def from_proposal(cls, p: Proposal) -> Decision:
        return cls(p.quote, p.start, p.end, p.title or p.quote, p.stance, p.target, p.relation)


def node_refs(amap: ArgumentMap) -> list[NodeRef]:
    """What the importer needs from the map: every node with its side of the thesis."""
    return [NodeRef(n.id, n.title, n.text, n.kind, amap.side(n.id)) for n in amap.nodes()]


def accept_all(result: ImportProposals, min_confidence: float = 0.0) -> list[Decision]:
    """Every proposal at or above min_confidence, unchanged."""
    return [Decision.from_proposal(p) for p in result.proposals if p.confidence >= min_confidence]


def apply_import(amap: ArgumentMap, article: Article, decisions: Sequence[Decision],
                 label: str = "Import article") -> dict:
    """Add the article as a source and the decisions as nodes/citations in one batch.

    Returns {"source": id, "nodes": [new ids], "cited": [ids of duplicated nodes]}.
    """
    source_id = new_id()
    title = article.title or (article.url or article.raw_path or "Imported article")
    added: list[str] = []
    cited: list[str] = []
    thesis = amap.thesis
    with amap.batch(label):
        amap.add_source(Source(id=source_id, title=title[:300], author=article.author,
                               date=article.date, url=article.url, text=article.text,
                               kind="article", file=article.raw_path, added=now_iso()))
        for d in decisions:
            cite = Citation(source=source_id, quote=d.quote, start=d.start, end=d.end)
            target = d.target if d.target in amap else (thesis.id if thesis else None)
            if d.relation == "duplicate" and target is not None:
                node = amap.node(target)
                amap.update_node(target, citations=tuple(node.citations) + (cite,))
                cited.append(target)
                continue
            nid = amap.add_node(d.kind, d.title.strip() or d.quote[:120], text=d.quote,
                                citations=(cite,))
            added.append(nid)
            if target is not None:
                relation = d.relation if d.relation in ("supports", "attacks") else "supports"
                amap.link(nid, target, relation)
    return {"source": source_id, "nodes": added, "cited": cited}


def retarget(decision: Decision, node: NodeRef) -> Decision:
    """The same decision pointed at another node, with the relation re-derived from the stance."""
    from model.importer.targets import relation_for

    return replace(decision, target=node.id, relation=relation_for(decision.stance, node))
