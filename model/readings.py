"""An author's reading, and the user's own copy of it.

A reading (`Scenario.reading`) with the author's words behind it (receipts), their source or
their stated figure is a record of what an author argued: it is not edited in place. A weight
edit made while it is active goes to a copy, "Your view of <reading>", which holds the same
values (and, as a reading does, leaves unweighed the links it does not hold, so its figure
starts where the reading's is) but none of the author's receipts, source or figure: from then
on the weights are the user's own. A copy made with New… is the same kind of copy.
"""

from __future__ import annotations

from collections.abc import Container

from model.entities import Scenario

COPY_PREFIX = "Your view of "


def is_authors_reading(sc: Scenario | None) -> bool:
    """True for a reading that records an author's weighing (it cites them or their words)."""
    return sc is not None and sc.reading and bool(sc.receipts or sc.source or sc.stated)


def copy_name(taken: Container[str], reading: str) -> str:
    """The name of the user's copy of `reading`: "Your view of X", then "… (2)", "… (3)"."""
    base = COPY_PREFIX + reading
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base} ({n})"
    return name


def own_copy(sc: Scenario, name: str) -> Scenario:
    """A scenario `name` holding `sc`'s values (its figure unchanged), without the author's
    receipts, source or stated figure."""
    return Scenario(
        name,
        description=f"Starts as a copy of “{sc.name}”.",
        priors=dict(sc.priors),
        strengths=dict(sc.strengths),
        reading=sc.reading,
    )
