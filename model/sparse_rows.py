"""Sparse rows (CSR) with the few products TF-IDF matching needs, in numpy alone.

Why not scipy.sparse: importing it costs ~0.1 s (it loads numpy.f2py and numpy.testing), a tenth
of a cold article import (storage/sandbox.py), for four products. Each product here adds its
terms in the order scipy's kernels do (a row's terms by ascending column, one at a time from
0.0; column sums row by row; a row's squared sum with numpy's reduceat), so every similarity is
the same float to the last bit: tests/test_sparse_rows.py checks that against scipy for any
rows, and the importer's outputs are byte-identical.
"""

from __future__ import annotations

import numpy as np


class Rows:
    """`len(indptr) - 1` rows over `width` columns; each row's columns ascending."""

    def __init__(self, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, width: int):
        self.data, self.indices, self.indptr, self.width = data, indices, indptr, width

    def __len__(self) -> int:
        return len(self.indptr) - 1

    @property
    def shape(self) -> tuple[int, int]:
        return len(self), self.width

    def slice(self, start: int, stop: int) -> Rows:
        """Rows start..stop-1."""
        stop = min(stop, len(self))
        a, b = self.indptr[start], self.indptr[stop]
        return Rows(self.data[a:b], self.indices[a:b], self.indptr[start : stop + 1] - a,
                    self.width)  # fmt: skip

    def toarray(self) -> np.ndarray:
        out = np.zeros(self.shape)
        out[np.repeat(np.arange(len(self)), np.diff(self.indptr)), self.indices] = self.data
        return out

    def squared_sums(self) -> np.ndarray:
        """Σ value² per row (what scipy's `x.multiply(x).sum(axis=1)` gives)."""
        out = np.zeros(len(self))
        filled = np.flatnonzero(np.diff(self.indptr))
        if filled.size:
            out[filled] = np.add.reduceat(self.data * self.data, self.indptr[filled])
        return out

    def column_sums(self) -> np.ndarray:
        """Σ per column, row after row (what scipy's `x.sum(axis=0)` gives)."""
        out = np.zeros(self.width)
        np.add.at(out, self.indices, self.data * 1.0)
        return out

    def scaled(self, factors: np.ndarray) -> Rows:
        """Each row times its factor (scipy's `diags(factors) @ x`)."""
        per = np.repeat(factors, np.diff(self.indptr))
        return Rows(per * self.data, self.indices, self.indptr, self.width)

    def dot(self, vector: np.ndarray) -> np.ndarray:
        """self @ vector, each row's terms added in column order from 0.0."""
        return self._accumulate(lambda cols, vals, rows, out: _add(out, rows, vals * vector[cols]),
                                np.zeros(len(self)))  # fmt: skip

    def dot_rows(self, other: Rows) -> np.ndarray:
        """self @ other.T as a dense array (len(self) x len(other))."""
        cols = _by_column(other)
        out = np.zeros((len(self), len(other)))

        def step(terms: np.ndarray, vals: np.ndarray, rows: np.ndarray, acc: np.ndarray) -> None:
            ptr, docs, weights = cols
            counts = ptr[terms + 1] - ptr[terms]
            total = int(counts.sum())
            if not total:
                return
            starts = np.repeat(ptr[terms] - np.cumsum(counts) + counts, counts)
            pos = starts + np.arange(total)
            acc[np.repeat(rows, counts), docs[pos]] += np.repeat(vals, counts) * weights[pos]

        return self._accumulate(step, out)

    def _accumulate(self, step, out: np.ndarray) -> np.ndarray:  # noqa: ANN001
        """Feed each row's p-th term, p = 0, 1, …, to `step` for all rows that have one, so
        every output adds its terms in the order of the row's columns."""
        lengths = np.diff(self.indptr)
        for p in range(int(lengths.max(initial=0))):
            rows = np.flatnonzero(lengths > p)
            at = self.indptr[rows] + p
            step(self.indices[at], self.data[at], rows, out)
        return out


def _add(out: np.ndarray, rows: np.ndarray, values: np.ndarray) -> None:
    out[rows] += values


def _by_column(rows: Rows) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(column pointers, row of each entry, value) of `rows`, column by column, rows ascending."""
    order = np.argsort(rows.indices, kind="stable")
    owner = np.repeat(np.arange(len(rows)), np.diff(rows.indptr))
    ptr = np.zeros(rows.width + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows.indices, minlength=rows.width), out=ptr[1:])
    return ptr, owner[order], rows.data[order]
