"""Out-of-fold features for the training scripts (tools/train_stance.py, tools/train_ranker.py).

A pass whose output is a feature of a later model (the meaning passes) must give each training
article the reading of a pass fitted without it; otherwise the later model learns to trust an
in-sample reading that unseen articles never get.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
M = TypeVar("M")


def out_of_fold(
    items: Sequence[T], fit: Callable[[list[T]], M], attach: Callable[[T, M], T], folds: int
) -> list[T]:
    """Each item with its feature filled in by `attach` from a pass `fit` on the other folds
    (folds by position: item i is in fold i mod k)."""
    k = min(folds, len(items))
    out = list(items)
    for j in range(k):
        held = set(range(j, len(items), k))
        model = fit([t for i, t in enumerate(items) if i not in held])
        for i in held:
            out[i] = attach(items[i], model)
    return out
