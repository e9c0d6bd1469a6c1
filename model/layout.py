"""Compact layered layout of an argument map: thesis on top, reasons below their targets.

The map is mostly a tree with a few extra links and the odd cycle, so the layout lays out a
spanning tree (breadth-first from the thesis along reversed edges: each node hangs under the
nearest target it bears on) and draws the extra links as they fall. Each target's reasons are
ordered supporters first, then attackers, with a wider gap between the two groups.

A naive tidy tree of 10,000 nodes is about 1.75 million pixels wide, so a node whose children
would form a row wider than the subtree's "square" width wraps them into several rows. Small
fan-outs (up to 5 plain reasons, up to 10 node widths of subtrees) never wrap. The thesis's own
reasons wrap so that the whole map takes the shape of the window it is shown in (`aspect`):
Zoom to Fit then shows a block, never a strip.

Collapsed nodes hide their spanning-tree descendants; pinned (hand-placed) nodes keep their
position, take no slot in their target's rows, and the unpinned part of their subtree moves
with them; where the rest of the map has grown into them, they are drawn just below it.
An import's cards are pinned as one block (`place_group`). Pure Python, no Qt.
Rationale and measurements: docs/layout.md.
"""

from __future__ import annotations

import gc
import math
from collections import deque
from dataclasses import dataclass, field

from model.argmap import ArgumentMap

NODE_W = 220.0
NODE_H = 104.0
H_GAP = 24.0
V_GAP = 64.0
GROUP_GAP = 56.0  # between a target's supporters and its attackers
ROW_GAP = 40.0  # between wrapped rows of reasons
MIN_ROW = 12 * (NODE_W + H_GAP)  # rows of single nodes up to this wide never wrap
MIN_TREE_ROW = 30 * (NODE_W + H_GAP)  # rows holding subtrees wrap only beyond this
TRUNK = 0.8 * NODE_W + 2 * H_GAP  # free column under a target whose reasons wrap
ASPECT = 1.6  # wrapped blocks aim at this width:height ratio
ROOT_SLOT = 4.5 * NODE_W  # the thesis's reasons get at least this much width each, so that
# their labels have room when the whole map is fitted on screen (semantic zoom)
LABELLED_REASONS = 40  # a thesis with more reasons gets no label room (they cannot all show)
ROOT_ROW_GAP = 2 * ROW_GAP  # between rows of the thesis's reasons: room for their labels
MAX_CANDIDATES = 24  # row widths tried when fitting the top of the map to the screen's shape


@dataclass
class Layout:
    """Node centres for the visible nodes, and what collapsing hides."""

    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    hidden: set[str] = field(default_factory=set)
    hidden_count: dict[str, int] = field(default_factory=dict)  # collapsed id → hidden below
    parent: dict[str, str] = field(default_factory=dict)  # spanning-tree target of each node
    children: dict[str, list[str]] = field(default_factory=dict)  # visible tree children
    #: node boxes by grid cell, for `place_new` (made on its first use)
    _grid: dict[tuple[int, int], list[str]] | None = field(default=None, repr=False, compare=False)
    _bounds: tuple[float, float, float, float] | None = field(
        default=None, repr=False, compare=False
    )

    def bounds(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the node boxes; zeros for an empty map. Cached: a
        placed node widens it, a removed one leaves it (a little room to spare is harmless)."""
        if self._bounds is None:
            self._bounds = _bounds(self.positions)
        return self._bounds


def _bounds(positions: dict[str, tuple[float, float]]) -> tuple[float, float, float, float]:
    if not positions:
        return (0.0, 0.0, 0.0, 0.0)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    return (min(xs) - NODE_W / 2, min(ys) - NODE_H / 2, max(xs) + NODE_W / 2, max(ys) + NODE_H / 2)


# ------------------------------------------------------------- incremental changes
# A full layout of 100,000 nodes takes ~1.5 s; adding a reason or removing nodes need not move
# any other card. New nodes go next to their target where no card is; removed ones leave a gap.
# The map is tidied by a full layout when the user asks (Arrange) or a change needs one.
CELL_W = NODE_W + H_GAP  # grid cell: two cards closer than this (either way) overlap
CELL_H = NODE_H + ROW_GAP
SEARCH_RINGS = 80  # how far (in cells) a new node's spot is looked for around its target


def _cell(pos: tuple[float, float]) -> tuple[int, int]:
    return (math.floor(pos[0] / CELL_W), math.floor(pos[1] / CELL_H))


def _grid(layout: Layout) -> dict[tuple[int, int], list[str]]:
    if layout._grid is None:
        grid: dict[tuple[int, int], list[str]] = {}
        for nid, pos in layout.positions.items():
            grid.setdefault(_cell(pos), []).append(nid)
        layout._grid = grid
    return layout._grid


def is_free(layout: Layout, pos: tuple[float, float]) -> bool:
    """No card within a gap of a card centred at `pos`."""
    grid, positions = _grid(layout), layout.positions
    cx, cy = _cell(pos)
    for i in (cx - 1, cx, cx + 1):
        for j in (cy - 1, cy, cy + 1):
            for other in grid.get((i, j), ()):
                ox, oy = positions[other]
                if abs(ox - pos[0]) < CELL_W and abs(oy - pos[1]) < CELL_H:
                    return False
    return True


def _put(layout: Layout, nid: str, pos: tuple[float, float]) -> None:
    layout.positions[nid] = pos
    _grid(layout).setdefault(_cell(pos), []).append(nid)
    if layout._bounds is not None:
        left, top, right, bottom = layout._bounds
        layout._bounds = (
            min(left, pos[0] - NODE_W / 2), min(top, pos[1] - NODE_H / 2),
            max(right, pos[0] + NODE_W / 2), max(bottom, pos[1] + NODE_H / 2),
        )  # fmt: skip


def _free_spot(layout: Layout, start: tuple[float, float]) -> tuple[float, float]:
    """The free spot nearest `start`, in whole cells to the sides of or below it."""
    if is_free(layout, start):
        return start
    for ring in range(1, SEARCH_RINGS + 1):
        spots = [(i, j) for j in range(ring + 1) for i in range(-ring, ring + 1)
                 if max(abs(i), j) == ring]  # fmt: skip
        spots.sort(key=lambda s: (s[1] + abs(s[0]), s[1]))
        for i, j in spots:
            pos = (start[0] + i * CELL_W, start[1] + j * CELL_H)
            if is_free(layout, pos):
                return pos
    left, top, right, bottom = layout.bounds()
    return (right + CELL_W, top + NODE_H / 2)  # nothing near: beside the map


def _first_spot(layout: Layout, target: str) -> tuple[float, float]:
    """Where a new reason of `target` is tried first: after its last reason in that row, or
    one row under the target when it has none."""
    tx, ty = layout.positions[target]
    kids = [c for c in layout.children.get(target, ()) if c in layout.positions]
    if not kids:
        return (tx, ty + NODE_H + V_GAP)
    lx, ly = layout.positions[kids[-1]]
    return (lx + CELL_W, ly)


def place_new(layout: Layout, amap: ArgumentMap, new: list[str]) -> list[str] | None:
    """Place nodes just added to the map without moving any other card; the ids placed.

    Each new node hangs under the first target it bears on that is placed (new nodes may bear
    on each other: targets first), at the nearest free spot beside its target's reasons. None
    (and nothing changed) when only a full layout can do it: a new node that an existing node
    bears on, or a target that is collapsed or hidden."""
    graph = amap.graph
    fresh = set(new)
    for nid in new:
        if any(u not in fresh for u in graph._pred[nid]):
            return None
        for v in graph._succ[nid]:
            if v not in fresh and (v not in layout.positions or graph.nodes[v]["node"].collapsed):
                return None
    placed: list[str] = []
    todo = list(new)
    while todo:
        later = []
        for nid in todo:
            targets = [v for v in graph._succ[nid] if v in layout.positions]
            if not targets and any(v in fresh and v not in layout.positions
                                   for v in graph._succ[nid]):  # fmt: skip
                later.append(nid)  # its target is new too: place that first
                continue
            _place_one(layout, graph, nid, targets[0] if targets else None)
            placed.append(nid)
        if len(later) == len(todo):  # new nodes bearing only on each other: beside the map
            _place_one(layout, graph, later[0], None)
            placed.append(later[0])
            later = later[1:]
        todo = later
    return placed


def _place_one(layout: Layout, graph, nid: str, target: str | None) -> None:  # noqa: ANN001
    node = graph.nodes[nid]["node"]
    if node.pinned and node.pos is not None:
        pos = (float(node.pos[0]), float(node.pos[1]))
    elif target is None:
        left, top, right, bottom = layout.bounds()
        pos = _free_spot(layout, (right + CELL_W, top + NODE_H / 2))
    else:
        pos = _free_spot(layout, _first_spot(layout, target))
    _put(layout, nid, pos)
    layout.children[nid] = []
    if target is not None:
        layout.parent[nid] = target
        layout.children.setdefault(target, []).append(nid)


GROUP_RINGS = 24  # how far (in cells) a group's block is looked for around its target


def place_group(
    layout: Layout, amap: ArgumentMap, new: list[str], aspect: float = ASPECT
) -> dict[str, tuple[float, float]]:
    """Where to pin nodes added together (an article's accepted claims): one compact block
    of rows shaped like the view (`aspect`), at the free place nearest the target most of
    them bear on; in it, each target's reasons together (the biggest group first),
    supporters before attackers. No card of `layout` moves, and `layout` is not changed.
    Hung one by one after their targets' other reasons, 50 new reasons of the thesis would
    spread over its wrapped rows, far apart and unreadable when framed together.

    Nodes with no placed target are left out (the layout places them)."""
    graph = amap.graph
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for nid in new:
        target = next((v for v in graph._succ[nid] if v in layout.positions), None)
        if target is None:
            continue
        pro, con = groups.setdefault(target, ([], []))
        (con if graph._succ[nid][target]["edge"].relation == "attacks" else pro).append(nid)
    if not groups:
        return {}
    order = sorted(groups, key=lambda t: -len(groups[t][0]) - len(groups[t][1]))
    ids = [nid for t in order for nid in groups[t][0] + groups[t][1]]
    cols = _group_cols(len(ids), aspect)
    x, y = _group_spot(layout, order[0], cols, math.ceil(len(ids) / cols))
    return {nid: (x + (k % cols) * CELL_W, y + (k // cols) * CELL_H) for k, nid in enumerate(ids)}


def _group_cols(n: int, aspect: float) -> int:
    """Columns of a block of `n` cards whose width:height comes closest to `aspect`; up to
    three cards make one row, as reasons hang under their target."""
    if n <= 3:
        return max(1, n)
    aspect = min(4.0, max(0.4, aspect))
    return max(1, min(n, round(math.sqrt(n * aspect * CELL_H / CELL_W))))


def _group_spot(
    layout: Layout,
    target: str,
    cols: int,
    rows: int,
) -> tuple[float, float]:
    """The centre of the top-left card of a free block of cols × rows cards nearest `target`:
    first looked for among whole cells around the target's first free spot, else below the
    map under the target, else right of the map level with it (whichever is nearer)."""
    tx, ty = layout.positions[target]
    width, height = (cols - 1) * CELL_W, (rows - 1) * CELL_H

    def free(x: float, y: float) -> bool:
        corners = ((x, y), (x + width, y), (x, y + height), (x + width, y + height))
        if not all(is_free(layout, c) for c in corners):
            return False  # most spots near a map fail here, before the whole block is tried
        for j in range(rows):
            for i in range(cols):
                px, py = x + i * CELL_W, y + j * CELL_H
                if not is_free(layout, (px, py)):
                    return False
        return True

    def distance(x: float, y: float) -> float:  # target centre to the block's nearest card
        dx = max(x - tx, 0.0, tx - (x + width))
        dy = max(y - ty, 0.0, ty - (y + height))
        return math.hypot(dx, dy)

    left, top, right, bottom = layout.bounds()
    outside = [
        (tx - NODE_W / 2 + TRUNK + NODE_W / 2, bottom + ROOT_ROW_GAP + NODE_H / 2),
        (right + GROUP_GAP + NODE_W / 2, ty + NODE_H + V_GAP),
    ]
    best = min(outside, key=lambda s: distance(*s))
    start = _first_spot(layout, target)
    for ring in range(GROUP_RINGS + 1):
        spots = [(i, j) for j in range(-ring, ring + 1) for i in range(-ring, ring + 1)
                 if max(abs(i), abs(j)) == ring]  # fmt: skip
        found = [(start[0] + i * CELL_W, start[1] + j * CELL_H) for i, j in spots]
        found = [s for s in found if s[1] > ty and free(*s)]
        if found:
            near = min(found, key=lambda s: distance(*s))
            if distance(*near) <= distance(*best):
                best = near
            break
    return best


def _above(parent: dict[str, str], v: str, u: str) -> bool:
    """Whether `u` is `v` or one of its tree ancestors (hanging u under v would make a loop)."""
    seen = set()
    while v is not None and v not in seen:
        if v == u:
            return True
        seen.add(v)
        v = parent.get(v)
    return False


def forget(layout: Layout, amap: ArgumentMap, nodes: list[str], links: list[tuple[str, str]]) -> (
    list[str] | None
):  # fmt: skip
    """Take removed nodes and links out of the layout, leaving every other card where it is;
    the ids whose tree link changed (they now hang under another target they bear on, or
    none). None (nothing changed) when a collapsed node is involved: a full layout is needed."""
    graph = amap.graph
    if layout.hidden or any(n in layout.hidden_count for n in nodes):
        return None
    gone = set(nodes)
    moved: set[str] = set()
    for nid in nodes:
        pos = layout.positions.pop(nid, None)
        if pos is not None and layout._grid is not None:
            cell = layout._grid.get(_cell(pos))
            if cell is not None and nid in cell:
                cell.remove(nid)
        moved.update(layout.children.pop(nid, ()))
        up = layout.parent.pop(nid, None)
        if up is not None and up not in gone and nid in layout.children.get(up, ()):
            layout.children[up].remove(nid)
    for u, v in links:
        if layout.parent.get(u) == v and u not in gone:
            del layout.parent[u]
            if u in layout.children.get(v, ()):
                layout.children[v].remove(u)
            moved.add(u)
    moved -= gone
    for u in moved:
        layout.parent.pop(u, None)
        up = next((v for v in graph._succ[u] if v in layout.positions
                   and not _above(layout.parent, v, u)), None) if u in graph else None  # fmt: skip
        if up is not None:
            layout.parent[u] = up
            layout.children.setdefault(up, []).append(u)
    return sorted(moved)


def spanning_tree(amap: ArgumentMap) -> tuple[list[str], dict[str, str], dict[str, list[str]]]:
    """Roots, parent and ordered children of a BFS spanning forest along reversed edges."""
    graph = amap.graph
    pred = graph._pred  # the raw adjacency dicts: 3x faster than the views at 100,000 nodes
    thesis = amap.thesis
    order = list(graph.nodes)
    roots_first = [thesis.id] if thesis is not None else []
    succ = graph._succ
    roots_first += [n for n in order if not succ[n] and n not in roots_first]
    parent: dict[str, str] = {}
    children: dict[str, list[str]] = {}
    seen: set[str] = set()
    roots: list[str] = []

    def grow(root: str) -> None:
        roots.append(root)
        seen.add(root)
        queue = deque([root])
        while queue:
            v = queue.popleft()
            pro: list[str] = []
            con: list[str] = []
            for u, data in pred[v].items():
                if u in seen:
                    continue
                seen.add(u)
                parent[u] = v
                (con if data["edge"].relation == "attacks" else pro).append(u)
                queue.append(u)
            children[v] = pro + con

    for root in roots_first:
        if root not in seen:
            grow(root)
    for node in order:  # what only cycles reach
        if node not in seen:
            grow(node)
    return roots, parent, children


def compute_layout(amap: ArgumentMap, keep_pinned: bool = True, aspect: float = ASPECT) -> Layout:
    """Lay out the map's visible nodes; see the module docstring for the rules.

    `aspect` is the width:height the whole map should come close to (the window's shape), so
    that fitting it on screen gives a block, never a strip."""
    enabled = gc.isenabled()
    gc.disable()  # a layout allocates ~10 small objects per node and frees none of them early
    try:
        return _layout(amap, keep_pinned, min(4.0, max(0.4, aspect)))
    finally:
        if enabled:
            gc.enable()


def _layout(amap: ArgumentMap, keep_pinned: bool, aspect: float) -> Layout:
    roots, parent, children = spanning_tree(amap)
    graph = amap.graph
    result = Layout(parent=parent)
    visible_children: dict[str, list[str]] = {}
    post: list[str] = []  # visible nodes, children before parents
    floating: list[str] = []  # hand-placed reasons: they take no slot in their target's rows
    for root in roots:
        stack = [root]
        while stack:
            v = stack.pop()
            post.append(v)
            node = graph._node[v]["node"]
            if keep_pinned and node.pinned and node.pos is not None and v != root:
                floating.append(v)
            if node.collapsed and children.get(v):
                hidden = _descendants(v, children)
                result.hidden.update(hidden)
                result.hidden_count[v] = len(hidden)
                visible_children[v] = []
                continue
            kids = children.get(v, [])
            visible_children[v] = kids
            stack.extend(kids)
    post.reverse()
    packed = visible_children
    if floating:
        packed = dict(visible_children)
        pins = set(floating)
        for v in {parent[f] for f in floating}:
            packed[v] = [c for c in visible_children[v] if c not in pins]
    blocks = _measure(post, packed, graph, {roots[0]: aspect} if roots else {})
    result.children = dict(packed) if floating else packed
    for f in floating:  # tree children still, after the packed ones
        result.children[parent[f]] = [*result.children[parent[f]], f]
    _place(roots, blocks, packed, result, graph, keep_pinned, floating)
    return result


def _descendants(v: str, children: dict[str, list[str]]) -> list[str]:
    out: list[str] = []
    stack = list(children.get(v, []))
    while stack:
        u = stack.pop()
        out.append(u)
        stack.extend(children.get(u, []))
    return out


@dataclass
class _Block:
    """A subtree's bounding box and where each child block sits inside it."""

    w: float
    h: float
    offsets: list[tuple[float, float]]
    anchor: float | None = None  # x of the node's centre in the block (default: the middle)


def _measure(
    post: list[str], kids: dict[str, list[str]], graph, aims: dict[str, float]
) -> dict[str, _Block]:
    """Blocks bottom-up; a node in `aims` (the thesis) wraps its reasons so that its whole
    block comes closest to the aimed width:height."""
    blocks: dict[str, _Block] = {}
    for v in post:
        cs = kids[v]
        if not cs:
            blocks[v] = _Block(NODE_W, NODE_H, [])
            continue
        cs = kids[v] = _order(cs, blocks, v, graph, v in aims)
        sizes = [(blocks[c].w, blocks[c].h) for c in cs]
        gaps = _gaps(v, cs, graph)
        if v in aims:
            slot = ROOT_SLOT if len(sizes) <= LABELLED_REASONS else 0.0
            slots = [(max(w, slot), h) for w, h in sizes]
            width, height, offsets = _pack_to_aspect(slots, gaps, aims[v])
            offsets = [(x + (sw - w) / 2, y) for (x, y), (w, _), (sw, _) in
                       zip(offsets, sizes, slots)]  # fmt: skip
        else:
            width, height, offsets = _pack_rows(sizes, gaps)
        w = max(NODE_W, width)
        shift = (w - width) / 2
        top = NODE_H + V_GAP
        anchor = TRUNK / 2 if _is_spine(sizes, offsets) else None
        if anchor is not None:
            shift = 0.0
        blocks[v] = _Block(w, top + height, [(x + shift, y + top) for x, y in offsets], anchor)
    return blocks


def _order(cs: list[str], blocks: dict[str, _Block], v: str, graph, aimed: bool) -> list[str]:
    """Keep the map's order unless the reasons will wrap: then sort each group by height,
    so that rows hold blocks of similar height and waste little space."""
    row = sum(blocks[c].w + H_GAP for c in cs)
    if aimed and len(cs) <= LABELLED_REASONS:
        return cs  # the thesis's few reasons keep the map's order
    if not aimed and row <= _min_row([(blocks[c].w, blocks[c].h) for c in cs]):
        return cs
    attacks = [graph._succ[c][v]["edge"].relation == "attacks" for c in cs]
    pro = sorted((c for c, a in zip(cs, attacks) if not a), key=lambda c: blocks[c].h)
    con = sorted((c for c, a in zip(cs, attacks) if a), key=lambda c: blocks[c].h)
    return pro + con


def _gaps(v: str, cs: list[str], graph) -> list[float]:
    """The gap before each child: wider where the supporters end and the attackers start."""
    gaps = [0.0]
    for a, b in zip(cs, cs[1:]):
        ra = graph._succ[a][v]["edge"].relation
        rb = graph._succ[b][v]["edge"].relation
        gaps.append(GROUP_GAP if ra != rb else H_GAP)
    return gaps


def _min_row(sizes: list[tuple[float, float]]) -> float:
    """Wrap a row of plain nodes early; wrapping subtrees sends links through other subtrees,
    so ordinary maps keep them in one row."""
    for _, h in sizes:
        if h > NODE_H:
            return MIN_TREE_ROW
    return MIN_ROW


def _pack_to_aspect(
    sizes: list[tuple[float, float]], gaps: list[float], aspect: float
) -> tuple[float, float, list[tuple[float, float]]]:
    """Try row widths from one row down to a column; keep the packing whose block (with the
    target on top) is closest in shape to `aspect` (compared as log ratios)."""
    total = sum(w for w, _ in sizes) + sum(gaps)
    widest = max(w for w, _ in sizes)
    best = None
    for i in range(MAX_CANDIDATES):
        cap = widest + (total - widest) * (1 - i / (MAX_CANDIDATES - 1)) ** 2
        packed = _pack_rows(sizes, gaps, cap, ROOT_ROW_GAP)
        w, h = max(NODE_W, packed[0]), NODE_H + V_GAP + packed[1]
        score = abs(math.log(w / h / aspect))
        if best is None or score < best[0] - 1e-9:
            best = (score, packed)
    return best[1]


def _pack_rows(
    sizes: list[tuple[float, float]],
    gaps: list[float],
    cap: float | None = None,
    row_gap: float = ROW_GAP,
) -> tuple[float, float, list[tuple[float, float]]]:
    """Place blocks left to right, wrapping into rows when a row gets wider than `cap`
    (default: from the blocks' area, see the module docstring).

    Wrapped rows keep a trunk free under the target's middle, so the links of the lower rows
    rise through it instead of disappearing behind the boxes above."""
    if cap is None:
        area = sum((w + H_GAP) * (h + ROW_GAP) for w, h in sizes)
        cap = max(_min_row(sizes), max(w for w, _ in sizes), math.sqrt(area * ASPECT))
    rows: list[list[int]] = [[]]
    x = 0.0
    for i, (w, _) in enumerate(sizes):
        gap = gaps[i] if rows[-1] else 0.0
        if rows[-1] and x + gap + w > cap:
            rows.append([])
            x, gap = 0.0, 0.0
        rows[-1].append(i)
        x += gap + w
    if len(rows) == 1:
        return _single_row(rows[0], sizes, gaps)
    if any(h > NODE_H for _, h in sizes):
        return _spine_rows(rows, sizes, gaps, row_gap)
    halves = []
    for row in rows:
        k = (len(row) + 1) // 2
        halves.append((row[:k], row[k:]))
    half = max(_span(part, sizes, gaps) for pair in halves for part in pair)
    width = 2 * half + TRUNK
    offsets: list[tuple[float, float]] = [(0.0, 0.0)] * len(sizes)
    y = 0.0
    for left, right in halves:
        x = half - _span(left, sizes, gaps)
        for part, start in ((left, x), (right, half + TRUNK)):
            x = start
            for k, i in enumerate(part):
                x += gaps[i] if k else 0.0
                offsets[i] = (x, y)
                x += sizes[i][0]
        y += max(sizes[i][1] for i in left + right) + ROW_GAP
    return width, y - ROW_GAP, offsets


def _spine_rows(
    rows: list[list[int]],
    sizes: list[tuple[float, float]],
    gaps: list[float],
    row_gap: float = ROW_GAP,
) -> tuple[float, float, list[tuple[float, float]]]:
    """Rows of subtrees, left-aligned right of a free column (the spine) under the target,
    which sits at the block's top left: each row's links run along the gap above the row to
    the spine and up it, so no link crosses a subtree. Subtrees of unequal widths pack like
    words in lines, without the empty half a centred trunk would leave."""
    offsets: list[tuple[float, float]] = [(0.0, 0.0)] * len(sizes)
    width = y = 0.0
    for row in rows:
        x = TRUNK
        for k, i in enumerate(row):
            x += gaps[i] if k else 0.0
            offsets[i] = (x, y)
            x += sizes[i][0]
        width = max(width, x)
        y += max(sizes[i][1] for i in row) + row_gap
    return width, y - row_gap, offsets


def _is_spine(sizes: list[tuple[float, float]], offsets: list[tuple[float, float]]) -> bool:
    """Whether `_pack_rows` laid these blocks out along a spine (wrapped rows of subtrees)."""
    return len(offsets) > 1 and offsets[0][0] == TRUNK and any(h > NODE_H for _, h in sizes)


def _single_row(
    row: list[int], sizes: list[tuple[float, float]], gaps: list[float]
) -> tuple[float, float, list[tuple[float, float]]]:
    offsets: list[tuple[float, float]] = [(0.0, 0.0)] * len(sizes)
    x = height = 0.0
    for k, i in enumerate(row):
        x += gaps[i] if k else 0.0
        offsets[i] = (x, 0.0)
        w, h = sizes[i]
        x += w
        height = h if h > height else height
    return x, height, offsets


def _span(part: list[int], sizes: list[tuple[float, float]], gaps: list[float]) -> float:
    if not part:
        return 0.0
    return sum(sizes[i][0] for i in part) + sum(gaps[i] for i in part[1:])


def _place(
    roots,
    blocks,
    kids,
    result: Layout,
    graph,
    keep_pinned: bool,
    floating=(),  # noqa: ANN001
) -> None:
    """Pack the root blocks like children of an invisible super-root, then go top-down;
    each `floating` (hand-placed) reason's block goes where its pin puts it, or straight
    below that, just clear of the cards placed before it (the map grew into it)."""
    sizes = [(blocks[r].w, blocks[r].h) for r in roots]
    if not sizes:
        return
    if len(roots) == 1:
        offsets = [(0.0, 0.0)]
    else:
        _, _, offsets = _pack_rows(sizes, [0.0] + [GROUP_GAP * 2] * (len(roots) - 1))
    stack = [(r, ox, oy, 0.0, 0.0) for r, (ox, oy) in zip(roots, offsets)]
    positions = result.positions
    _walk(stack, blocks, kids, graph, keep_pinned, positions)
    if not floating:
        return
    taken: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for pos in positions.values():
        taken.setdefault(_cell(pos), []).append(pos)
    pinned: dict[str, tuple[float, float]] = {}
    for f in floating:
        block, (px, py) = blocks[f], graph._node[f]["node"].pos
        anchor = block.w / 2 if block.anchor is None else block.anchor
        _walk([(f, px - anchor, py - NODE_H / 2, 0.0, 0.0)], blocks, kids, graph, True, pinned)
    for group in _clusters(pinned):  # an import's block moves whole
        own = {nid: pinned[nid] for nid in group}
        shift = _clear_below(own, taken)
        for x, y in own.values():
            taken.setdefault(_cell((x, y + shift)), []).append((x, y + shift))
        positions.update((nid, (x, y + shift)) for nid, (x, y) in own.items())


def _clusters(cards: dict[str, tuple[float, float]]) -> list[list[str]]:
    """Cards side by side or row under row (a gap apart at most), as groups, top first."""
    up = {nid: nid for nid in cards}

    def root(n: str) -> str:
        while up[n] != n:
            up[n] = up[up[n]]
            n = up[n]
        return n

    grid: dict[tuple[int, int], list[str]] = {}
    for nid, pos in cards.items():
        grid.setdefault(_cell(pos), []).append(nid)
    for nid, (x, y) in cards.items():
        cx, cy = _cell((x, y))
        for i in (cx - 1, cx, cx + 1):
            for j in (cy - 1, cy, cy + 1):
                for other in grid.get((i, j), ()):
                    ox, oy = cards[other]
                    if abs(ox - x) <= CELL_W + 1 and abs(oy - y) <= CELL_H + 1:
                        up[root(other)] = root(nid)
    groups: dict[str, list[str]] = {}
    for nid in cards:
        groups.setdefault(root(nid), []).append(nid)
    return sorted(groups.values(), key=lambda g: min(cards[n][1] for n in g))


def _walk(stack, blocks, kids, graph, keep_pinned: bool, positions: dict) -> None:  # noqa: ANN001
    """Place blocks top-down from `stack` entries (node, left, top, dx, dy)."""
    while stack:
        v, left, top, dx, dy = stack.pop()
        block = blocks[v]
        x = left + (block.w / 2 if block.anchor is None else block.anchor)
        y = top + NODE_H / 2
        node = graph._node[v]["node"]  # raw dicts: the views cost ~3x at 100,000 nodes
        if keep_pinned and node.pinned and node.pos is not None:
            dx, dy = node.pos[0] - x, node.pos[1] - y
        positions[v] = (x + dx, y + dy)
        for c, (ox, oy) in zip(kids[v], block.offsets):
            stack.append((c, left + ox, top + oy, dx, dy))


def _clear_below(own: dict[str, tuple[float, float]], taken: dict) -> float:  # noqa: ANN001
    """How far down these cards must move so that none lies within a gap of a taken one."""
    shift = 0.0
    for _ in range(100_000):  # each round moves below one more card: ends
        need = 0.0
        for x, y in own.values():
            cx, cy = _cell((x, y + shift))
            for i in (cx - 1, cx, cx + 1):
                for j in (cy - 1, cy, cy + 1):
                    for ox, oy in taken.get((i, j), ()):
                        if abs(ox - x) < CELL_W and abs(oy - y - shift) < CELL_H:
                            need = max(need, oy + CELL_H - (y + shift))
        if need <= 0.0:
            return shift
        shift += need
    return shift
