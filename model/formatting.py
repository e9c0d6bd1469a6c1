"""Numbers as Cruxmap shows them in every view and report.

A module of its own, with no imports, so that the panels loaded at start-up can share the
report's formatting without loading the report."""

from __future__ import annotations


def signed(x: float, digits: int = 1) -> str:
    """A signed number as the map and the credence panel show it: "+30.6", "−13.3" (a minus
    sign, not a hyphen), and a value that rounds to zero as "+0.0"."""
    text = f"{x:+.{digits}f}"
    return f"{0:+.{digits}f}" if float(text) == 0 else text.replace("-", "\u2212")
