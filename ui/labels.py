"""Menu labels shown as plain text (status bar tips, the shortcuts list).

"&Open…" marks O as the mnemonic; "&&" is a literal ampersand. Shown anywhere but a menu,
the markers must go and the literal ampersand must stay.
"""

from __future__ import annotations

import re

_MNEMONIC = re.compile(r"&(&?)")


def plain_text(label: str) -> str:
    """'&Open…' → 'Open…'; 'Sources && &Quotes' → 'Sources & Quotes'."""
    return _MNEMONIC.sub(lambda m: m.group(1), label)
