"""How the review dialog words a proposal's stance, relation and target.

A stance is taken towards the thesis while a relation is to the target node, so "con · supports
· <a node against the thesis>" is consistent but reads as a contradiction. The dialog therefore
names the stance by the thesis ("against the thesis"), names each target's side, and says the
whole chain in one sentence, warning when the link pulls the other way than the stance.
Display only: the decisions keep their stance/relation/target values.
"""

from __future__ import annotations

from model.importer.article import NodeRef
from model.importer.targets import relation_for

STANCE_SHOWN = {"pro": "for", "con": "against", "neutral": "neutral"}  # "On thesis" column
_ARGUES = {
    "pro": "Argues for the thesis",
    "con": "Argues against the thesis",
    "neutral": "Takes no side on the thesis",
}


def is_thesis(node: NodeRef | None) -> bool:
    return node is None or node.kind == "thesis" or node.side == 0


def side_shown(node: NodeRef | None) -> str:
    """A target's side of the thesis, in words."""
    if is_thesis(node):
        return "the thesis"
    return "for the thesis" if node.side > 0 else "against the thesis"


def target_cell(node: NodeRef | None, fallback: str) -> str:
    """The Target column: the node's side first (a cut-off cell still shows it), then its
    title: "against: We will run out of data", "the thesis: Scaling …"."""
    if node is None:
        return fallback
    if is_thesis(node):
        return f"the thesis: {node.title}"
    return f"{'for' if node.side > 0 else 'against'}: {node.title}"


def sentence(stance: str, relation: str, node: NodeRef | None, fallback: str = "") -> str:
    """The proposal's reading as one plain sentence, e.g. "Argues against the thesis: supports
    “We will run out of data”, a reason against the thesis." """
    argues = _ARGUES.get(stance, f"Stance {stance}")
    title = node.title if node is not None else fallback
    if relation == "duplicate":
        return (
            f"{argues}: restates “{title}”; the article is added as another source for it, "
            "with no new link."
        )
    if is_thesis(node):
        how = f"{relation} the thesis directly"
    else:
        how = f"{relation} “{title}”, a reason {side_shown(node)}"
    out = f"{argues}: {how}."
    linked = relation in ("supports", "attacks")
    if stance in ("pro", "con") and linked and relation != relation_for(stance, node):
        lean = "for" if stance == "con" else "against"  # the link pulls the other way
        out += f" Note: linked this way it counts {lean} the thesis; check the relation."
    return out
