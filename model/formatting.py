"""Numbers as Cruxmap shows them in every view and report.

A module of its own, with no imports, so that the panels loaded at start-up can share the
report's formatting without loading the report."""

from __future__ import annotations


def signed(x: float, digits: int = 1) -> str:
    """A signed number as the map and the credence panel show it: "+30.6", "−13.3" (a minus
    sign, not a hyphen), and a value that rounds to zero as "+0.0"."""
    text = f"{x:+.{digits}f}"
    return f"{0:+.{digits}f}" if float(text) == 0 else text.replace("-", "\u2212")


def byte_size(n: int) -> str:
    """A size in bytes as people read it, in binary units: 1 << 30 is "1 GiB" (not "1024 MB"),
    64 << 20 "64 MiB", 1536 "1.5 KiB", 200 "200 bytes"; a tenth shown only when it is there."""
    for unit, shift in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if n >= 1 << shift:
            text = f"{n / (1 << shift):.1f}".removesuffix(".0")
            return f"{text} {unit}"
    return f"{n:,} byte{'s' if n != 1 else ''}"
