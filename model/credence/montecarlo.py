"""Uncertainty: the distribution of the thesis credence when weights are ranges, not points.

Every prior is drawn uniformly on the log-odds scale between its low and high, every
strength uniformly on the log scale between its low and high (see ranges.py for the
default spread when the user set no range). All samples propagate together: the same
level-by-level pass as the point estimate, on arrays with a sample axis, in chunks that
keep memory bounded on large maps. A fixed seed makes the result repeatable.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.argmap import ArgumentMap
from model.credence.compiled import CompiledMap, edge_factor, logit, propagate
from model.credence.engine import engine_for
from model.credence.ranges import input_bounds

#: Elements per (nodes × samples) array in one chunk: ~16 MB of float64.
CHUNK_ELEMENTS = 2_000_000


@dataclass(frozen=True)
class Distribution:
    """Monte Carlo samples of the thesis credence and their summary."""

    samples: np.ndarray
    point: float  # the credence with every input at its point value
    mean: float
    median: float
    low: float  # 5th percentile
    high: float  # 95th percentile: [low, high] is the 90% interval
    defaulted: int  # inputs using the default spread
    inputs: int  # inputs that vary
    converged: bool


@dataclass(frozen=True)
class Plan:
    """Everything a Monte Carlo run needs, copied out of the engine so it can run on a thread."""

    cm: CompiledMap
    thesis: int
    lg_lo: np.ndarray
    lg_hi: np.ndarray
    ll_lo: np.ndarray
    ll_hi: np.ndarray
    sign: np.ndarray
    point: float
    defaulted: int
    inputs: int

    def run(self, samples: int = 1000, seed: int = 0) -> Distribution:
        """Draw `samples` input sets and propagate them together, chunk by chunk."""
        cm = self.cm
        rng = np.random.default_rng(seed)
        chunk = max(1, min(samples, CHUNK_ELEMENTS // max(cm.n, len(cm.keys), 1)))
        out = np.empty(samples)
        converged = True
        for start in range(0, samples, chunk):
            c = min(chunk, samples - start)
            u = rng.random((cm.n, c))
            lg = self.lg_lo[:, None] + (self.lg_hi - self.lg_lo)[:, None] * u
            u = rng.random((len(cm.keys), c))
            lam = np.exp(self.ll_lo[:, None] + (self.ll_hi - self.ll_lo)[:, None] * u)
            prop = propagate(cm, lg, edge_factor(lam, self.sign))
            out[start : start + c] = prop.p[self.thesis]
            converged &= prop.converged
        lo, med, hi = np.quantile(out, [0.05, 0.5, 0.95])
        return Distribution(
            out, self.point, float(out.mean()), float(med), float(lo), float(hi),
            self.defaulted, self.inputs, converged,
        )  # fmt: skip


def plan(amap: ArgumentMap, scenario: str | None = None) -> Plan | None:
    """Prepare a Monte Carlo run (on the thread that owns the map); None without a thesis."""
    eng = engine_for(amap)
    res = eng.result(scenario)
    if res.thesis is None:
        return None
    cm, w = eng.compiled, eng.weights(scenario)
    assert cm is not None
    b = input_bounds(amap, cm, w)
    varying = int((b.prior_hi > b.prior_lo).sum() + (b.lam_hi > b.lam_lo).sum())
    return Plan(
        cm, cm.index[res.thesis], logit(b.prior_lo), logit(b.prior_hi), np.log(b.lam_lo),
        np.log(b.lam_hi), w.sign.copy(), float(res.thesis_credence), b.defaulted, varying,
    )  # fmt: skip


def monte_carlo(
    amap: ArgumentMap, samples: int = 1000, seed: int = 0, scenario: str | None = None
) -> Distribution | None:
    """Sample the inputs `samples` times; None when the map has no thesis."""
    p = plan(amap, scenario)
    return None if p is None else p.run(samples, seed)
