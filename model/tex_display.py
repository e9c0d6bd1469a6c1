"""Show TeX in an article readably without losing where its words are.

Preprints carry `$\\alpha$`, `$3\\times 10^{25}$`, `\\textbf{…}`; the review dialog should show
"α", "3 × 10²⁵" and the bold word, while every highlight still lands on the quote's words. So
only the TeX pieces are rendered (pylatexenc's LatexNodes2Text, plus Unicode super/subscripts),
the prose between them is kept character for character (a "%" or "~" in prose is not TeX), and
`Rendered.span` maps a source span to the display span that shows it: a span that starts or ends
inside a TeX piece widens to the whole piece. The stored text is never changed: display only.

Math is found by Pandoc's rule for `$…$` (a non-space after the opening `$`, a non-space before
the closing one, and no digit right after it), so "$20 and $30" stays money.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pylatexenc.latex2text import LatexNodes2Text

_MATH = (
    r"\$\$[^$]{1,2000}?\$\$"  # display math
    r"|\$(?=[^\s$])[^$\n]{0,500}?(?<=[^\s\\])\$(?!\d)"  # inline math, Pandoc's rule
    r"|\$(?=\\[A-Za-z])[^$\n]{0,500}?(?<=[^\s\\])\$"  # "$\sim$10": a macro first is TeX
    r"|\\\((?:(?!\\[()])[\s\S]){1,1000}?\\\)|\\\[(?:(?!\\[\[\]])[\s\S]){1,2000}?\\\]"
)
_ARG = r"(?:\{(?:[^{}\n]|\{[^{}\n]*\}){0,300}\})"
_MACRO = (
    rf"\\[A-Za-z]+\*?(?:\[[^\]\n]{{0,100}}\])?(?:\s*{_ARG}){{0,3}}"  # \textbf{…}, \times, \cite{…}
)
_SCRIPT = rf"(?<=[\w)\]}}])[\^_]{_ARG}|(?<=[\w)\]])\^-?\d+(?:\.\d+)?"  # 10^{25}, 10^25, N_{c}
TEX = re.compile(rf"{_MATH}|{_MACRO}|{_SCRIPT}")

MAX_PIECES = 5000  # past this many TeX pieces (a formula dump, not an article) TeX shows as written
_SUP = dict(
    zip(
        "0123456789+-=()abcdefghijklmnoprstuvwxyz",
        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ",
        strict=True,
    )
) | {"−": "⁻"}
_SUB = dict(
    zip("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ", strict=True)
)
_SCRIPT_ARG = re.compile(r"([\^_])(?:\{([^{}]*)\}|(-?[0-9A-Za-z]))")
_OPERATORS = re.compile(r"\s*([×≈∼∝≤≥≪≫=<>·±→])\s*")
_CITE = re.compile(r"\\(?:cite[pt]?|ref|eqref)\*?(?:\[[^\]]*\])?\{([^{}]*)\}")


def _script(m: re.Match[str]) -> str:
    """^{25} → ²⁵ and _{n} → ₙ when Unicode has every character; otherwise ^(…) / _(…)."""
    mark, body = m.group(1), m.group(2) if m.group(2) is not None else m.group(3)
    table = _SUP if mark == "^" else _SUB
    if body and all(c in table for c in body):
        return "".join(table[c] for c in body)
    return f"{mark}{body}" if len(body) <= 1 else f"{mark}({body})"


@lru_cache(maxsize=1)
def _converter() -> LatexNodes2Text:
    """pylatexenc is imported when a TeX piece is first shown, not at start-up."""
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="text", strict_latex_spaces=False)


@lru_cache(maxsize=4096)
def render_tex(piece: str) -> str:
    """One TeX piece (math with its delimiters, a macro, a super/subscript) as plain text."""
    from pylatexenc.latexwalker import LatexWalkerError

    body = piece
    for opening, closing in (("$$", "$$"), ("$", "$"), ("\\(", "\\)"), ("\\[", "\\]")):
        if body.startswith(opening) and body.endswith(closing) and len(body) > 2 * len(opening):
            body = body[len(opening) : -len(closing)]
            break
    body = _CITE.sub(lambda m: f"[{m.group(1)}]", body)
    body = _SCRIPT_ARG.sub(_script, body)
    if not any(c in body for c in "\\{}%&~"):  # nothing left for pylatexenc: "$k$", "$10^{27}$"
        return " ".join(_OPERATORS.sub(r" \1 ", body).split()) or piece
    try:
        text = _converter().latex_to_text(body)
    except LatexWalkerError:  # tolerant parsing rarely gives up; then the TeX shows as written
        return piece
    text = _OPERATORS.sub(r" \1 ", text)
    return " ".join(text.split()) or piece


@dataclass(frozen=True)
class Rendered:
    """Display text plus its TeX pieces as (source start, source end, display start, display end)."""

    text: str
    pieces: tuple[tuple[int, int, int, int], ...]

    def position(self, offset: int, end: bool = False) -> int:
        """The display offset of a source offset; inside a TeX piece, the piece's start (or,
        for a span's `end`, the piece's end), so a span never shows half a formula."""
        i = bisect.bisect_right(self.pieces, (offset, float("inf"))) - 1
        if i < 0:
            return offset
        s0, s1, d0, d1 = self.pieces[i]
        if offset >= s1:
            return d1 + offset - s1
        if offset == s0:
            return d0
        return d1 if end else d0

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The display span that shows the source span [start, end)."""
        lo = self.position(start)
        if end <= start:  # empty: inside a formula it touches the whole formula, as a cut does
            return lo, max(lo, self.position(start, end=True))
        # an end right after a piece's start still ends after the piece (it covers part of it)
        return lo, max(lo, self.position(end, end=True))


def _spaced(text: str, m: re.Match[str]) -> bool:
    return m.start() == 0 or text[m.start() - 1].isspace()


def render(text: str) -> Rendered:
    """`text` with each TeX piece rendered, and where the pieces went."""
    out: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    at = shown = 0
    for m in itertools.islice(TEX.finditer(text), MAX_PIECES):
        shown_piece = render_tex(m.group())
        if shown_piece == m.group():
            continue
        if len(shown_piece) == 1 and _OPERATORS.match(shown_piece) and not _spaced(text, m):
            shown_piece = f" {shown_piece}"  # "2\times 10" reads "2 × 10", not "2× 10"
        out.append(text[at : m.start()])
        shown += m.start() - at
        pieces.append((m.start(), m.end(), shown, shown + len(shown_piece)))
        out.append(shown_piece)
        shown += len(shown_piece)
        at = m.end()
    out.append(text[at:])
    return Rendered("".join(out), tuple(pieces))


def readable(text: str) -> str:
    """`text` with its TeX rendered (a title or quote in a list)."""
    return render(text).text if "$" in text or "\\" in text or "^" in text or "_" in text else text
