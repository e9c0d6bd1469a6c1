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

#: What a user reads for a link nobody has weighed (strength None): it counts for nothing and
#: is listed as waiting ("N reasons not yet weighed") until someone gives it a strength.
UNWEIGHED = "not yet weighed"
#: What a user reads for the step "none" (λ 1): someone weighed the link and judged that it
#: bears on nothing. It too moves nothing, but it is done, not waiting; the bare word "none"
#: beside "not yet weighed" read as the same thing, so the words say both halves.
NO_PULL = "no pull (weighed: irrelevant)"

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
    """Name the scale step closest to λ on a log scale ("strong" for 5.5). Only λ 1 is
    "none" (no pull): a λ of 1.1 pulls a little, so it is the nearest step that pulls."""
    if lam <= 1.0:
        return "none"
    steps = [k for k in STRENGTHS if STRENGTHS[k] > 1.0]
    return min(steps, key=lambda k: abs(math.log(STRENGTHS[k]) - math.log(lam)))


def strength_name(label: str | None) -> str:
    """The words a user reads for a scale step or an unweighed link (None): "none" is said as
    NO_PULL, the other steps as they are. Files, the CLI's JSON and `strength_value` keep the
    labels ("none"); only what is shown changes."""
    if label is None:
        return UNWEIGHED
    return NO_PULL if label == "none" else label


def strength_meaning(label: str | None) -> str:
    """One line on what a strength does, for a tooltip beside its name (None: unweighed)."""
    if label is None:
        return ("Nobody has weighed this link yet: it counts for nothing, is drawn dotted and "
                "is listed as waiting until someone picks a strength")  # fmt: skip
    if label == "none":
        return ("λ 1: weighed, and judged to bear on nothing: it moves nothing, and it is "
                "no longer listed as waiting to be weighed")  # fmt: skip
    lam = STRENGTHS[label]
    return (f"λ {lam:g}: if the reason holds, its target's odds are multiplied (supports) or "
            f"divided (attacks) by {lam:g}")  # fmt: skip


def check_probability(p: float, what: str = "prior") -> float:
    """Validate a probability in [0, 1] and return it as float."""
    try:
        p = float(p)
    except (TypeError, OverflowError):
        raise ValueError(f"{what} must be a number between 0 and 1") from None
    if not (0.0 <= p <= 1.0):
        raise ValueError(f"{what} must be between 0 and 1, got {p:g}")
    return p
