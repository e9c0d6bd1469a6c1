"""Argdown (https://argdown.org): statements `[Title]: text`, arguments `<Title>: text`, and
support/attack relations as indented lists, so a map opens in the Argdown tools and back.

Export writes the thesis first with its reasons nested under it (a node reached again is only
referenced), then any node not reached. Cruxmap's own fields travel as Argdown data in braces
(`{id: n1, kind: claim, prior: 0.6}`); a relation line's `{strength: 6}` is the link's λ.
Import reads the subset of Argdown that maps onto a Cruxmap graph and names the line of
anything else (undercuts, premise–conclusion structures) instead of dropping it quietly.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from model.argmap import ArgumentMap
from model.entities import Node
from storage.interchange.errors import InterchangeError
from storage.interchange.graphbuild import ForeignEdge, ForeignNode, build

ARGUMENT_TAG = "argument"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 32
_TITLE_UNSAFE = re.compile(r"[\[\]<>{}#]|/(?=[/*])")
_TEXT_UNSAFE = re.compile(r"[{}#]|/[/*]|^[+\-_<>]")
INDENT = "  "


# ------------------------------------------------------------------------------ export
def dumps(amap: ArgumentMap) -> str:
    """The map as Argdown text."""
    titles = _unique_titles(amap)
    out: list[str] = []
    title = amap.meta.get("title", "")
    if title:
        out += ["===", f"title: {_yaml_string(title)}", "===", ""]
    done: set[str] = set()
    thesis = amap.thesis
    roots = ([thesis.id] if thesis else []) + [n.id for n in amap.nodes()]
    for root in roots:
        if root in done:
            continue
        _write_tree(amap, root, titles, done, out)
        out.append("")
    return "\n".join(out)


def _write_tree(
    amap: ArgumentMap, root: str, titles: dict[str, str], done: set[str], out: list[str]
) -> None:
    """The node's definition, then its reasons, depth first with an explicit stack (no recursion
    limit on deep maps); nodes already written appear as references only."""
    out.append(_definition(amap.node(root), titles))
    done.add(root)
    stack = [(root, 1, iter(amap.reasons(root)))]
    while stack:
        target, depth, reasons = stack[-1]
        edge = next(reasons, None)
        if edge is None:
            stack.pop()
            continue
        child = amap.node(edge.source)
        symbol = "+" if edge.relation == "supports" else "-"
        data = {} if edge.strength is None else {"strength": edge.strength}
        if child.id in done:
            out.append(f"{INDENT * depth}{symbol} {_ref(child, titles)} {_data(data)}")
            continue
        done.add(child.id)
        out.append(f"{INDENT * depth}{symbol} {_definition(child, titles, data)}")
        stack.append((child.id, depth + 1, iter(amap.reasons(child.id))))


def _unique_titles(amap: ArgumentMap) -> dict[str, str]:
    """Argdown identifies statements by title: make every title unique and bracket-free."""
    titles: dict[str, str] = {}
    seen: set[str] = set()
    for n in amap.nodes():
        base = _TITLE_UNSAFE.sub("", " ".join(n.title.split())).strip(" :") or "Untitled"
        title, k = base, 2
        while title.casefold() in seen:
            title, k = f"{base} ({k})", k + 1
        seen.add(title.casefold())
        titles[n.id] = title
    return titles


def _ref(node: Node, titles: dict[str, str]) -> str:
    title = titles[node.id]
    return f"<{title}>" if ARGUMENT_TAG in node.tags else f"[{title}]"


def _definition(node: Node, titles: dict[str, str], extra: dict | None = None) -> str:
    data: dict[str, Any] = {"id": node.id, "kind": node.kind, "prior": node.prior}
    if titles[node.id] != node.title:
        data["title"] = node.title
    text = " ".join(node.text.split())
    if text != node.text or _TEXT_UNSAFE.search(text):
        data["text"], text = node.text, ""
    if node.tags:
        data["tags"] = list(node.tags)
    data.update(extra or {})
    body = f": {text}" if text else ""
    return f"{_ref(node, titles)}{body} {_data(data)}"


def _data(data: dict[str, Any]) -> str:
    """A YAML flow mapping in pure ASCII: JSON syntax, with YAML's escapes for what JSON lacks
    (\\U for characters beyond the BMP) and `/` escaped so no `//` can read as a comment."""
    return _yaml_string(data)


def _yaml_string(value: Any) -> str:
    return "".join(_escape(c) for c in json.dumps(value, ensure_ascii=False, allow_nan=False))


def _escape(c: str) -> str:
    code = ord(c)
    if c == "/":
        return "\\/"
    if code < 0x7F:
        return c
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


# ------------------------------------------------------------------------------ import
# Every pattern runs in time linear in the line: no lazy group before `\s*$`, no unbounded
# scan that restarts at each of many openers (a hostile line would take hours).
_ELEMENT = re.compile(r"^(?:\[(?P<s>[^\[\]]+)\]|<(?P<a>[^<>]+)>)(?::(?P<text>.*))?$")
_RELATION = re.compile(r"^(?P<sym><\+|<-|\+>|->|_>|<_|><|\+|-|_)\s+(?P<rest>.*)$")
_TAG = re.compile(r"(?:^|\s)#([\w-]+|\([^()\n]{0,200}\))")


def loads(text: str) -> ArgumentMap:
    """Parse Argdown into a new map; InterchangeError names the failing line."""
    parser = _Parser()
    parser.feed(text)
    return build(list(parser.nodes.values()), parser.edges, parser.title)


class _Parser:
    def __init__(self) -> None:
        self.nodes: dict[str, ForeignNode] = {}
        self.edges: list[ForeignEdge] = []
        self.title: Any = ""
        self.stack: list[tuple[int, str]] = []  # (indent, node key) of the open list items

    def feed(self, text: str) -> None:
        lines = _strip_comments(text).split("\n")
        start = self._frontmatter(lines)
        for number, raw in enumerate(lines[start:], start + 1):
            if raw.strip():
                self._line(number, raw)
            else:
                self.stack.clear()

    def _frontmatter(self, lines: list[str]) -> int:
        if not lines or lines[0].strip() != "===":
            return 0
        for end in range(1, len(lines)):
            if lines[end].strip() == "===":
                block = "\n".join(lines[1:end])
                if _depth(block) > MAX_DEPTH:
                    raise InterchangeError(f"line {end}: front matter is nested too deeply")
                try:
                    data = yaml.load(block, Loader=_LOADER) or {}
                except (yaml.YAMLError, ValueError, RecursionError) as exc:
                    msg = (str(exc).splitlines() or ["invalid"])[0][:120]
                    raise InterchangeError(f"line {end}: front matter is not YAML: {msg}") from None
                if isinstance(data, dict):
                    self.title = data.get("title", "")
                return end + 1
        raise InterchangeError("line 1: front matter opened with === is never closed")

    def _line(self, number: int, raw: str) -> None:
        where = f"line {number}"
        if "\t" in raw[: len(raw) - len(raw.lstrip())]:
            raw = raw.replace("\t", "    ")
        indent = len(raw) - len(raw.lstrip(" "))
        line = raw.strip()
        if line.startswith("#") and indent == 0:
            return  # a Markdown-style heading: a section, not part of the graph
        if re.match(r"^\(\d+\)|^-{2,}", line):
            raise InterchangeError(f"{where}: premise–conclusion structures are not supported")
        rel = _RELATION.match(line) if indent > 0 or line[:1] in "+-_<>" else None
        if rel is None:
            if indent > 0:
                raise InterchangeError(f"{where}: expected a relation such as '+ [Title]'")
            self.stack = [(0, self._element(line, where))]
            return
        while self.stack and self.stack[-1][0] >= indent:
            self.stack.pop()
        if not self.stack:
            raise InterchangeError(f"{where}: a relation needs a statement above it")
        parent = self.stack[-1][1]
        sym = rel.group("sym")
        if sym in ("_>", "<_", "_", "><"):
            raise InterchangeError(f"{where}: {sym!r} relations (undercut, contradiction) "
                                   "are not supported; use + or -")  # fmt: skip
        key, data = self._element(rel.group("rest"), where, relation=True)
        relation = "supports" if "+" in sym else "attacks"
        src, dst = (key, parent) if sym in ("+", "-", "<+", "<-") else (parent, key)
        self.edges.append(ForeignEdge(src, dst, relation, where, data))
        self.stack.append((indent, key))

    def _element(self, line: str, where: str, relation: bool = False) -> Any:
        """Define or reference a statement/argument; returns its key (and data on relations)."""
        data: dict[str, Any] = {}
        brace = line.find("{")
        if brace >= 0 and line.rstrip().endswith("}"):
            data = _yaml_data(line[brace:].rstrip(), where)
            line = line[:brace]
        tags = tuple(t.strip("()") for t in _TAG.findall(line))
        line = _TAG.sub("", line).strip()
        el = _ELEMENT.match(line)
        if el is None:
            if relation or not line:
                raise InterchangeError(f"{where}: expected [Statement] or <Argument>, got {line!r}")
            el_title, is_arg, body = line[:80], False, line  # an untitled statement
        else:
            is_arg = el.group("a") is not None
            el_title = (el.group("a") or el.group("s")).strip()
            body = (el.group("text") or "").strip()
        edge_data = {k: data.pop(k) for k in ("strength",) if k in data} if relation else {}
        key = ("<" if is_arg else "[") + el_title.casefold()
        node = self.nodes.get(key)
        if node is None:
            node = self.nodes[key] = ForeignNode(key, el_title, where)
            if is_arg:
                node.tags = (ARGUMENT_TAG,)
        if body and not node.text:
            node.text = body
        node.tags = tuple(dict.fromkeys(node.tags + tags))
        node.data.update(data)
        return (key, edge_data) if relation else key


def _strip_comments(text: str) -> str:
    """Remove /* */ and // comments, keeping line numbers (newlines inside comments stay)."""
    out, at = [], 0
    while (start := text.find("/*", at)) >= 0:  # a scan, not a regex: linear with many "/*"
        end = text.find("*/", start + 2)
        if end < 0:
            break
        out += [text[at:start], "\n" * text.count("\n", start, end)]
        at = end + 2
    out.append(text[at:])
    return re.sub(r"(^|\s)//.*$", r"\1", "".join(out), flags=re.M)


def _depth(text: str) -> int:
    """Deepest bracket nesting (strings not excluded: errs on the side of refusing)."""
    depth = deepest = 0
    for c in text:
        if c in "{[":
            depth += 1
            deepest = max(deepest, depth)
        elif c in "}]":
            depth -= 1
    return deepest


def _yaml_data(block: str, where: str) -> dict[str, Any]:
    try:  # what Cruxmap writes is (almost always) JSON: 30x faster than the YAML parser
        data = json.loads(block)
    except (ValueError, RecursionError):
        data = None
    if isinstance(data, dict):
        return data
    if _depth(block) > MAX_DEPTH:  # libyaml recurses in C: deep nesting would crash Python
        raise InterchangeError(f"{where}: data in braces is nested too deeply")
    try:
        data = yaml.load(block, Loader=_LOADER)
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        msg = (str(exc).splitlines() or ["invalid"])[0][:120]
        raise InterchangeError(f"{where}: data in braces is not valid YAML ({msg})") from None
    if not isinstance(data, dict):
        raise InterchangeError(f"{where}: data in braces must be key: value pairs")
    return data
