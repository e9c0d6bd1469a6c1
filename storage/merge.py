"""Re-apply one edit on top of a map another program changed: a three-way merge of values.

A map file can be open in two processes (the app and a CLI, two CLIs, two windows). Each edit
names the keys it changed (`Change`); the document knows what the file held for those keys when
it last read or wrote it (the *base*), the model holds *ours*, and a fresh read gives *theirs*.
For every changed key: ours == base → keep theirs; theirs == base → take ours; otherwise merge
field by field, lists (citations, tags, points, history) as "theirs, minus what we removed, plus
what we added". Anything that cannot be merged (both sides set one title differently, one side
deleted what the other edited) raises `MergeConflict` and nothing is written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from model.argmap import ArgumentMap, Change, MapError

#: Snapshot keys for each Change kind (history is one list, keyed by None).
STORE = {"node": "nodes", "edge": "edges", "source": "sources", "scenario": "scenarios",
         "series": "series", "meta": "meta"}  # fmt: skip
#: Fields merged as lists and the field taken as the later of two values.
LIST_FIELDS = {"citations", "tags", "points"}
LATEST_FIELDS = {"modified"}
DICT_FIELDS = {"priors", "strengths"}


class MergeConflict(Exception):
    """Both programs changed the same thing differently; str() names it for the user."""


def keys_of(changes: Iterable[Change]) -> list[tuple[str, Any]]:
    """The (kind, key) pairs an edit touched, history collapsed to one key."""
    out = {(c.kind, None if c.kind == "history" else c.key) for c in changes}
    return sorted(out, key=repr)


def value_of(snapshot: dict[str, Any], kind: str, key: Any) -> Any:
    """The value a snapshot holds for one changed key (None when absent)."""
    if kind == "history":
        return snapshot["history"]
    return snapshot[STORE[kind]].get(key)


def rebase(
    theirs: ArgumentMap, base: dict[str, Any], ours: ArgumentMap, changes: Sequence[Change]
) -> ArgumentMap:
    """`theirs` with our edit (base → ours, for the keys in `changes`) applied on top."""
    merged = theirs.snapshot()
    mine = ours.snapshot()
    for kind, key in keys_of(changes):
        b, o, t = value_of(base, kind, key), value_of(mine, kind, key), value_of(merged, kind, key)
        value = merge_value(kind, key, b, o, t)
        if kind == "history":
            merged["history"] = value
        elif value is None:
            merged[STORE[kind]].pop(key, None)
        else:
            merged[STORE[kind]][key] = value
    return build(merged)


def merge_value(kind: str, key: Any, base: Any, ours: Any, theirs: Any) -> Any:
    """One key's merged value, or MergeConflict."""
    if ours == base or ours == theirs:
        return theirs
    if theirs == base:
        return ours
    if kind == "history":
        return merge_list(base, ours, theirs)
    if ours is None or theirs is None:
        what = "deleted" if ours is None else "changed"
        raise MergeConflict(
            f"{_describe(kind, key)} was {what} here and changed by another program"
        )
    if base is None or not dataclasses.is_dataclass(ours):
        raise MergeConflict(f"{_describe(kind, key)} was set differently by another program")
    fields = {}
    for f in dataclasses.fields(ours):
        b, o, t = (getattr(v, f.name) for v in (base, ours, theirs))
        if o == b or o == t:
            fields[f.name] = t
        elif t == b:
            fields[f.name] = o
        elif f.name in LIST_FIELDS:
            fields[f.name] = type(t)(merge_list(b, o, t))
        elif f.name in DICT_FIELDS:
            fields[f.name] = merge_dict(b, o, t, kind, key)
        elif f.name in LATEST_FIELDS:
            fields[f.name] = max(o, t)
        else:
            raise MergeConflict(
                f"the {f.name} of {_describe(kind, key)} was changed here and by another program"
            )
    return dataclasses.replace(theirs, **fields)


def merge_list(base: Sequence, ours: Sequence, theirs: Sequence) -> list:
    """Theirs, without the items we removed, plus the items we added: as if run one after the
    other (counted as multisets, so two imports adding equal points keep both)."""
    added, removed, out = list(ours), list(base), list(theirs)
    for x in base:
        if x in added:
            added.remove(x)
    for x in ours:
        if x in removed:
            removed.remove(x)
    for x in removed:
        if x in out:
            out.remove(x)
    return out + added


def merge_dict(base: dict, ours: dict, theirs: dict, kind: str, key: Any) -> dict:
    out = dict(theirs)
    for k in set(base) | set(ours):
        b, o = base.get(k), ours.get(k)
        if o == b:
            continue
        if theirs.get(k) not in (b, o):
            raise MergeConflict(f"{_describe(kind, key)} was changed here and by another program")
        if o is None:
            out.pop(k, None)
        else:
            out[k] = o
    return out


def build(snap: dict[str, Any]) -> ArgumentMap:
    """An ArgumentMap from snapshot dicts, checked as a file read is (MergeConflict if broken)."""
    amap = ArgumentMap()
    try:
        amap.load_graph(snap["nodes"].values(), snap["edges"].values())
    except MapError as exc:
        raise MergeConflict(
            f"the other program's changes and this edit do not fit ({exc})"
        ) from None
    amap.sources.update(snap["sources"])
    amap.scenarios.update(snap["scenarios"])
    amap.series.update(snap["series"])
    amap.meta.update(snap["meta"])
    amap.history.extend(snap["history"])
    problems = amap.check()
    if problems:
        raise MergeConflict(f"the other program's changes and this edit do not fit ({problems[0]})")
    return amap


def _describe(kind: str, key: Any) -> str:
    if kind == "edge":
        return f"the link {key[0]} → {key[1]}"
    if kind == "history":
        return "the credence history"
    return f"{kind} {key!r}"


def update_base(base: dict[str, Any], amap: ArgumentMap, changes: Iterable[Change]) -> None:
    """Record in `base` what the file now holds for the keys just written."""
    if any(c.kind == "reset" for c in changes):
        base.clear()
        base.update(amap.snapshot())
        return
    for kind, key in keys_of(changes):
        if kind == "history":
            base["history"] = list(amap.history)
            continue
        store = STORE[kind]
        live = _live(amap, kind, key)
        if live is None:
            base[store].pop(key, None)
        else:
            base[store][key] = live


def _live(amap: ArgumentMap, kind: str, key: Any) -> Any:
    if kind == "node":
        return amap.graph.nodes[key]["node"] if key in amap.graph else None
    if kind == "edge":
        return amap.graph.edges[key]["edge"] if amap.graph.has_edge(*key) else None
    return getattr(amap, STORE[kind]).get(key)
