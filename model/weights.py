"""The plain-language strength scale and its likelihood ratios.

Users think in "weak" or "strong"; the credence model needs a likelihood ratio λ ≥ 1.
Keeping the mapping in one place lets the inspector, the seed file, the report and the
credence engine agree on what "strong" means.
"""

from __future__ import annotations

import math

#: label → likelihood ratio λ: "if the reason holds, its target's odds are multiplied by λ".
STRENGTHS: dict[str, float] = {
    "none": 1.0,
    "weak": 1.5,
    "moderate": 3.0,
    "strong": 6.0,
    "decisive": 20.0,
}

MAX_STRENGTH = 1000.0
DEFAULT_STRENGTH = STRENGTHS["moderate"]
DEFAULT_PRIOR = 0.5


def strength_value(value: str | float) -> float:
    """Return λ for a label ("strong") or a number (6.0); raise ValueError otherwise."""
    if isinstance(value, str):
        key = value.strip().lower()
        if key in STRENGTHS:
            return STRENGTHS[key]
        try:
            value = float(key)
        except ValueError:
            raise ValueError(
                f"unknown strength {value!r}: use one of {', '.join(STRENGTHS)} or a number ≥ 1"
            ) from None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"a strength must be a label or a number, not {type(value).__name__}")
    try:
        lam = float(value)
    except OverflowError:
        raise ValueError("strength is too large a number") from None
    if not (1.0 <= lam <= MAX_STRENGTH) or math.isnan(lam):
        raise ValueError(f"strength must be between 1 and {MAX_STRENGTH:g}, got {lam:g}")
    return lam


def strength_label(lam: float) -> str:
    """Name the scale step closest to λ on a log scale ("strong" for 5.5)."""
    if lam <= 1.0:
        return "none"
    return min(STRENGTHS, key=lambda k: abs(math.log(STRENGTHS[k]) - math.log(lam)))


def check_probability(p: float, what: str = "prior") -> float:
    """Validate a probability in [0, 1] and return it as float."""
    try:
        p = float(p)
    except (TypeError, OverflowError):
        raise ValueError(f"{what} must be a number between 0 and 1") from None
    if not (0.0 <= p <= 1.0):
        raise ValueError(f"{what} must be between 0 and 1, got {p:g}")
    return p
