"""Semantic zoom: which nodes keep a readable title when the map is zoomed out.

Zoomed out, a card is a few pixels wide and its title would be grey bars. Instead the most
important nodes get a label of readable size (in screen pixels, whatever the zoom), placed
over their card and never over another label, like the names of big cities on a map of a
country. Importance is the node's place in the argument: the thesis first, then its direct
reasons, then theirs; within one depth, the larger pull on its target first.
Pure Python (no Qt): the canvas supplies the label heights its font needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

WIDTHS = (184.0, 144.0, 112.0)  # label widths tried, in screen pixels
CELL = 128.0  # grid cell for the overlap search, in screen pixels
LINE = 14.0  # height of a label title line in screen pixels (the canvas draws with it)
GAP = 8.0  # free pixels kept between two labels (they read as separate cards)


def priority(
    children: Mapping[str, list[str]],
    roots: Iterable[str],
    pull: Mapping[str, float],
    limit: int = 3000,
) -> list[str]:
    """Nodes in label order, level by level down the tree from `roots`: shallower first, then
    the larger |pull| on the target. Stops after `limit` (a big map needs no more)."""
    order: list[str] = []
    seen: set[str] = set()
    level = list(dict.fromkeys(roots))
    while level and len(order) < limit:
        level = [v for v in level if v not in seen]
        seen.update(level)
        level.sort(key=lambda n: (-abs(pull.get(n, 0.0)), n))
        order.extend(level[: limit - len(order)])
        level = [c for v in level for c in children.get(v, ())]
    return order


def choose_labels(
    candidates: Iterable[tuple[str, float, float, float, float]],
    scale: float,
    height_of: Callable[[str, float], float],
    bounds: tuple[float, float, float, float] | None = None,
    limit: int = 300,
    reserve: int = 0,
) -> list[tuple[str, float, float, float, float]]:
    """Place labels in the order given: (id, left, top, width, height) of each card in scene
    units → (id, x, y, w, h) in screen pixels (scene × `scale`).

    A label covers its own card: it starts at the card's top-left corner or, if that overlaps a
    label placed before, is slid left and/or up so that it still covers the card's far corner
    (or nudged a little right);
    failing that, it may sit just below its card, over the card's own reasons. It takes the
    widest of `WIDTHS` that fits somewhere inside `bounds` (scene units: the map's box),
    or is left out. The cards of the first `reserve` candidates (the thesis and its reasons)
    are kept clear by the labels of the others, so every one of them keeps room for its own."""
    placed: list[tuple[str, float, float, float, float]] = []
    grid: dict[tuple[int, int], list[int]] = {}
    box = None if bounds is None else tuple(v * scale for v in bounds)
    candidates = list(candidates)
    for nid, left, top, cw, ch in candidates[:reserve]:
        _add(grid, len(placed), left * scale, top * scale, cw * scale, ch * scale)
        placed.append((nid, left * scale, top * scale, cw * scale, ch * scale))
    cards = len(placed)
    if candidates:  # the first (the thesis) always gets its label: nothing outranks it
        nid, left, top, cw, ch = candidates[0]
        # as narrow as reads in three lines, to leave its reasons room beside it
        one = height_of(nid, 1e9)
        snug = [w for w in sorted(WIDTHS) if height_of(nid, w) <= one + 2 * LINE]
        first = _spot({}, [], nid, (left * scale, top * scale, cw * scale, ch * scale),
                      height_of, box, snug[:1] + list(WIDTHS)) or (nid, left * scale, top * scale, WIDTHS[0],
                                          height_of(nid, WIDTHS[0]))  # fmt: skip
        _add(grid, len(placed), *first[1:])
        placed.append(first)
        candidates = candidates[1:]
    tries = reserve + 4 * limit  # a crowded big map: stop looking once most spots are taken
    for nid, left, top, cw, ch in candidates[:tries]:
        spot = _spot(grid, placed, nid, (left * scale, top * scale, cw * scale, ch * scale),
                     height_of, box)  # fmt: skip
        if spot is not None:
            _add(grid, len(placed), *spot[1:])
            placed.append(spot)
            if len(placed) - cards >= limit:
                break
    return placed[cards:]


def _spot(grid, placed, nid, card, height_of, box, widths=WIDTHS):  # noqa: ANN001, ANN202
    """The first free (id, x, y, w, h) for one label, or None: a narrower label on the card
    is preferred to a wider one slid aside, so that it leaves its neighbours room, unless
    the narrower one wraps into a tall column."""
    x, y, cw, ch = card
    if _collides(grid, placed, x + cw / 2 - 1, y + ch / 2 - 1, 2, 2, nid, 0.0):
        return None  # its card is under a label already: no label of its own can be over it
    heights = {w: height_of(nid, w) for w in widths}
    # a label that wraps into a tall narrow column is hard to read: first try only widths at
    # most two lines taller than the widest, in every position; a tall one is the last resort
    short = heights[max(widths)] + 2 * LINE
    readable = [w for w in widths if heights[w] <= short]
    for ws in (readable, [w for w in widths if w not in readable]):
        spot = _first_free(grid, placed, nid, card, heights, box, ws)
        if spot is not None:
            return spot
    return None


def _first_free(grid, placed, nid, card, heights, box, widths):  # noqa: ANN001, ANN202
    x, y, cw, ch = card
    for fy in (0.0, 0.5, 1.0, -1.0):  # -1: just below the card
        for fx in (0.0, 0.5, 1.0, -0.1):  # -0.1: nudged right, still over most of the card
            for w in widths:
                h = heights[w]
                lx = x - fx * max(0.0, w - cw) if fx >= 0 else x + min(-fx * (w - cw), cw / 2)
                ly = y + ch + 2 if fy < 0 else y - fy * max(0.0, h - ch)
                if box is not None and not (
                    box[0] <= lx and lx + w <= box[2] and box[1] <= ly and ly + h <= box[3]
                ):
                    continue
                if not _collides(grid, placed, lx, ly, w, h, nid):
                    return (nid, lx, ly, w, h)
    return None


def _cells(x: float, y: float, w: float, h: float) -> Iterable[tuple[int, int]]:
    for i in range(int(x // CELL), int((x + w) // CELL) + 1):
        for j in range(int(y // CELL), int((y + h) // CELL) + 1):
            yield i, j


def _collides(grid, placed, x, y, w, h, nid="", gap=GAP) -> bool:  # noqa: ANN001
    for cell in _cells(x - gap, y - gap, w + 2 * gap, h + 2 * gap):
        for k in grid.get(cell, ()):
            other, px, py, pw, ph = placed[k]
            if other == nid:
                continue  # its own card (reserved) is what the label covers
            if x < px + pw + gap and px < x + w + gap and y < py + ph + gap and py < y + h + gap:
                return True
    return False


def _add(grid, k: int, x: float, y: float, w: float, h: float) -> None:  # noqa: ANN001
    for cell in _cells(x, y, w, h):
        grid.setdefault(cell, []).append(k)
