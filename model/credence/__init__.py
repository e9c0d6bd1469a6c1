"""Credence: how much the map's reasons, weighted by the user, support the thesis.

See docs/credence.md for the model, its rules and a worked example.
"""

from model.credence.engine import (
    MAP_WEIGHTS,
    CredenceEngine,
    Result,
    credences,
    engine_for,
    evaluate,
    scenario_credences,
    thesis_credence,
)
from model.credence.explain import Explanation, Pull, edge_pulls, explain, strongest_reasons
from model.credence.history import record_if_changed
from model.credence.montecarlo import Distribution, monte_carlo
from model.credence.sensitivity import Influence, Sensitivity, sensitivity

__all__ = [
    "MAP_WEIGHTS",
    "CredenceEngine",
    "Distribution",
    "Explanation",
    "Influence",
    "Pull",
    "Result",
    "Sensitivity",
    "credences",
    "edge_pulls",
    "engine_for",
    "evaluate",
    "explain",
    "monte_carlo",
    "record_if_changed",
    "scenario_credences",
    "sensitivity",
    "strongest_reasons",
    "thesis_credence",
]
