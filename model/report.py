"""The report: a Markdown document that explains the map to a reader who never opens the app.

Pure: it takes the map, numbers computed beforehand (`compute_numbers`) and the file names
of pictures drawn elsewhere, and returns text, so the same map and numbers always give the
same report (a golden test holds its structure). Every piece of user text passes through
`md_text`, which neutralises Markdown and HTML: a claim cannot add a link, an image, a
heading or a tag to the report. Links are written only for http, https and mailto URLs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from model.argmap import ArgumentMap
from model.credence import Influence, Pull, edge_pulls, engine_for, evaluate, sensitivity
from model.credence.cruxes import Cruxes, cruxes
from model.credence.engine import MAP_WEIGHTS, thesis_credence
from model.entities import Node
from model.formatting import signed
from model.readings import is_authors_reading
from model.weights import STRENGTHS, UNWEIGHED, strength_label, strength_name

SAFE_SCHEMES = ("http", "https", "mailto")
TOP_REASONS = 6
SENSITIVITY_ROWS = 10
CRUX_ROWS = 10
MAX_TREE_DEPTH = 12
IMPORTS_NAMED = 5  # imported articles named beside the map's description
# Only what can start markup mid-line; ( ) ! matter only after a bracket, which is escaped.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")
# Control characters (Markdown uses \x02/\x03 as internal placeholders) and bidi overrides.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])(?=\s|$)")


# ------------------------------------------------------------------------------ inputs
@dataclass(frozen=True)
class ReportNumbers:
    """What the credence engine says about the map, gathered once for the report."""

    scenario: str
    credence: dict[str, float]
    scenarios: dict[str, float]
    pros: tuple[Pull, ...]
    cons: tuple[Pull, ...]
    pulls: dict[tuple[str, str], float]
    sensitivity: tuple[Influence, ...]
    converged: bool = True
    sides: dict[str, int] = field(default_factory=dict)
    cruxes: Cruxes | None = None  # between the first two readings, when the map has two
    overlaps: tuple[tuple[str, str, float], ...] = ()  # reasons on the thesis that restate


@dataclass(frozen=True)
class ReportImages:
    """Relative file names (or data: URIs) of the pictures; None where there is no picture."""

    map: str | None = None
    scenarios: str | None = None
    tornado: str | None = None
    trends: dict[str, str] = field(default_factory=dict)


def compute_numbers(amap: ArgumentMap, scenario: str | None = None) -> ReportNumbers:
    """Credences, scenario results, pulls and sensitivity under `scenario` (default: current)."""
    res = evaluate(amap, scenario)
    keys = engine_for(amap).compiled.keys  # edge order of edge_pulls
    pulls = dict(zip(keys, edge_pulls(amap, res.scenario).tolist(), strict=True))
    scen = {MAP_WEIGHTS: thesis_credence(amap, MAP_WEIGHTS)}
    scen.update({name: thesis_credence(amap, name) for name in amap.scenarios})
    pros: tuple[Pull, ...] = ()
    cons: tuple[Pull, ...] = ()
    sens: tuple[Influence, ...] = ()
    if res.thesis is not None:
        from model.credence import explain

        ex = explain(amap, res.thesis, res.scenario)
        pros, cons = tuple(ex.supporting[:TOP_REASONS]), tuple(ex.attacking[:TOP_REASONS])
        sens = sensitivity(amap, res.scenario, top=SENSITIVITY_ROWS).inputs[:SENSITIVITY_ROWS]
    readings = [sc.name for sc in amap.scenarios.values() if sc.reading]
    crux = None
    if res.thesis is not None and len(readings) >= 2:
        crux = cruxes(amap, readings[0], readings[1])
    overlaps: tuple[tuple[str, str, float], ...] = ()
    if res.thesis is not None:
        from model.credence.redundancy import overlapping_reasons

        overlaps = tuple(
            (amap.node(o.first).title, amap.node(o.second).title, o.similarity)
            for o in overlapping_reasons(amap, res.thesis)
        )
    return ReportNumbers(
        res.scenario,
        res.as_dict(),
        {k: v for k, v in scen.items() if v is not None},
        pros,
        cons,
        pulls,
        tuple(sens),
        res.converged,
        amap.sides(),
        crux,
        overlaps,
    )


# ------------------------------------------------------------------------------ escaping
def md_text(text: str) -> str:
    """User text as inert inline Markdown: one line, markup and HTML shown as typed, control
    characters dropped."""
    text = " ".join(_CONTROL.sub("", str(text)).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _LIST_NUMBER.sub(r"\1\\\2", text)  # "1." would start a numbered list
    return re.sub(r"^([-+])", r"\\\1", text)


def safe_url(url: str) -> str | None:
    """The URL percent-encoded for a Markdown autolink, or None unless http/https/mailto."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or any(c in url for c in "\x00\n\r\t "):
        return None
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")


def pct(p: float | None) -> str:
    return "—" if p is None else f"{100 * p:.0f}%"


def _strength(lam: float) -> str:
    label = strength_label(lam)
    name = strength_name(label)  # "none" said as weighed-and-irrelevant, not as unweighed
    return name if STRENGTHS.get(label) == lam else f"{name}, λ {lam:g}"


def _scenario_name(name: str) -> str:
    return md_text(name) if name else "Map's own weights"


# ------------------------------------------------------------------------------ the report
def build_report(amap: ArgumentMap, numbers: ReportNumbers, images: ReportImages, date: str) -> str:
    """The report as Markdown."""
    out: list[str] = []
    thesis = amap.thesis
    title = amap.meta.get("title", "") or (thesis.title if thesis else "Argument map")
    out += [f"# {md_text(title)}", ""]
    out += [f"*Report exported from Cruxmap on {md_text(date)}. {_counts(amap)}*", ""]
    description = amap.meta.get("description", "")
    for para in re.split(r"\n\s*\n", description):
        if para.strip():
            out += [md_text(para), ""]
    if description.strip():
        out += _imported_since(amap)
    if thesis is None:
        out += ["This map has no thesis yet, so there is no credence to report.", ""]
    else:
        out += _thesis_section(amap, thesis, numbers, images)
        out += _reasons_section(numbers)
        out += _own_weights_section(amap, numbers)
        out += _readings_section(amap)
        out += _cruxes_section(numbers)
    out += _map_section(amap, numbers, images)
    if thesis is not None:
        out += _sensitivity_section(numbers, images)
    out += _evidence_section(amap, numbers)
    out += _trends_section(amap, images)
    out += _sources_section(amap)
    return "\n".join(out).rstrip() + "\n"


def _imported_since(amap: ArgumentMap) -> list[str]:
    """The articles imported into the map (each source an import made is dated): the map's
    description is its maker's text ("built from five public articles") and does not follow
    the imports, so the report says beside it what has been added since (the line above it
    counts the sources in all)."""
    imported = sorted((s for s in amap.sources.values() if s.added), key=lambda s: s.added)
    if not imported:
        return []
    n = len(imported)
    named = [f"“{md_text(s.title)}” ({md_text(s.added[:10])})" for s in imported[:IMPORTS_NAMED]]
    if n > IMPORTS_NAMED:
        named.append(f"{n - IMPORTS_NAMED} more")
    listed = ", ".join(named[:-1]) + (" and " if len(named) > 1 else "") + named[-1]
    return [f"*Since then {n} article{'s' if n != 1 else ''} "
            f"{'were' if n != 1 else 'was'} imported into the map: {listed}.*", ""]  # fmt: skip


def _counts(amap: ArgumentMap) -> str:
    kinds = [n.kind for n in amap.nodes()]
    return (
        f"The map holds {kinds.count('claim')} claims and {kinds.count('evidence')} pieces of "
        f"evidence joined by {amap.graph.number_of_edges()} links, citing "
        f"{len(amap.sources)} sources."
    )


def _thesis_section(
    amap: ArgumentMap, thesis: Node, numbers: ReportNumbers, images: ReportImages
) -> list[str]:
    p = numbers.credence.get(thesis.id)
    out = ["## The question", "", f"> **{md_text(thesis.title)}**"]
    if thesis.text.strip():
        out += [">", f"> {md_text(thesis.text)}"]
    out += ["", f"**Credence in the thesis: {pct(p)}** under the scenario "
            f"*{_scenario_name(numbers.scenario)}*.", ""]  # fmt: skip
    out += _summary(amap, numbers)
    if not numbers.converged:
        out += ["Note: a cycle of reasons did not settle; the number is approximate.", ""]
    out += [
        "How to read the number: every statement on the map has a prior (for evidence, how "
        "reliable it is). Each link has a strength λ (weak 1.5, moderate 3, strong 6, decisive "
        "20): when the reason holds it multiplies the odds of what it supports by λ, or divides "
        "them for an attack, and a reason that may be false counts in proportion to its own "
        "credence (it adds its credence × ln λ to the log-odds). Supports and attacks weigh "
        "alike, and a link nobody has weighed counts for nothing. Credences flow from the "
        "evidence up to the thesis. A scenario is a named set of priors and strengths: the same "
        "arguments weighed by different people; an author's reading holds only values taken "
        "from that author's words.",
        "",
        "### Credence under each scenario",
        "",
        "| Scenario | Thesis credence | The author's own figure | Whose weights |",
        "| --- | ---: | --- | --- |",
    ]
    for name, value in numbers.scenarios.items():
        sc = amap.scenarios.get(name)
        desc = md_text(sc.description) if sc else "the priors and strengths stored on the map"
        stated = md_text(sc.stated) if sc and sc.stated else "—"
        mark = " (shown in this report)" if name == numbers.scenario else ""
        out.append(f"| {_scenario_name(name)}{mark} | {pct(value)} | {stated} | {desc} |")
    out.append("")
    if images.scenarios:
        out += [f"![Thesis credence under each scenario]({images.scenarios})", ""]
    return out


def _summary(amap: ArgumentMap, numbers: ReportNumbers) -> list[str]:
    """The debate in two sentences: the biggest pull each way, and the spread of scenarios."""
    said = []
    if numbers.pros:
        r = numbers.pros[0]
        said.append(
            f"The strongest reason for is “{md_text(r.title)}” ({signed(r.points, 0)} points)"
        )
    if numbers.cons:
        r = numbers.cons[0]
        said.append(f"the strongest against is “{md_text(r.title)}” ({signed(r.points, 0)} points)")
    text = "; ".join(said) + "." if said else ""
    named = {k: v for k, v in numbers.scenarios.items() if k}
    if len(named) >= 2:
        lo, hi = min(named, key=named.get), max(named, key=named.get)
        text += (f" Weighed by different people the same map gives from {pct(named[lo])} "
                 f"(*{md_text(lo)}*) to {pct(named[hi])} (*{md_text(hi)}*).")  # fmt: skip
    text = text.strip()
    return [text[0].upper() + text[1:], ""] if text else []


def _reasons_section(numbers: ReportNumbers) -> list[str]:
    out = [
        "## The strongest reasons",
        "",
        "*Pull* is how many percentage points the thesis would lose (or gain) if that reason "
        "were removed from the map, everything else as it is.",
        "",
    ]
    for heading, rows in (("For the thesis", numbers.pros), ("Against the thesis", numbers.cons)):
        out += [f"### {heading}", ""]
        if not rows:
            out += ["None on the map.", ""]
            continue
        out += ["| Pull | Reason | Strength | Its credence |", "| ---: | --- | --- | ---: |"]
        for r in rows:
            out.append(f"| {signed(r.points)} pts | {md_text(r.title)} | {_strength(r.strength)} "
                       f"| {pct(r.credence)} |")  # fmt: skip
        out.append("")
    for first, second, sim in numbers.overlaps:
        out += [f"Note: “{md_text(first)}” and “{md_text(second)}” say nearly the same thing "
                f"(TF-IDF similarity {sim:.2f}); both are counted, so that argument weighs "
                "twice.", ""]  # fmt: skip
    return out


def _own_weights_section(amap: ArgumentMap, numbers: ReportNumbers) -> list[str]:
    """What the scenario shown (one's own, not an author's reading) changes from the map's
    weights: the edits that took the map's figure to the one reported."""
    sc = amap.scenarios.get(numbers.scenario)
    if sc is None or is_authors_reading(sc):
        return []
    rows = []
    for node_id, value in sc.priors.items():
        if node_id in amap and amap.node(node_id).prior != value:
            node = amap.node(node_id)
            what = "reliability" if node.kind == "evidence" else "prior"
            rows.append(f"| {what}: {md_text(node.title)} | {pct(node.prior)} | {pct(value)} |")
    for (source, target), lam in sc.strengths.items():
        if source not in amap or target not in amap or not amap.graph.has_edge(source, target):
            continue
        edge = amap.edge(source, target)
        if edge.strength != lam:
            rows.append(f"| strength: {md_text(amap.node(source).title)} → "
                        f"{md_text(amap.node(target).title)} | {_lam_text(edge.strength)} "
                        f"| {_strength(lam)} |")  # fmt: skip
    if not rows:
        return []
    name = md_text(sc.name)
    base, now = numbers.scenarios.get(MAP_WEIGHTS), numbers.scenarios.get(sc.name)
    moved = (f" With the map's own weights the thesis is at {pct(base)}; these changes take it "
             f"to {pct(now)}." if base is not None and now is not None else "")  # fmt: skip
    n = len(rows)
    return [f"## Where *{name}* departs from the map's weights", "",
            f"*{name}* sets {n} weight{'s' if n != 1 else ''} differently from the map's "
            f"own.{moved}", "",
            f"| Input | The map's weight | {name} |", "| --- | ---: | ---: |", *rows, ""]  # fmt: skip


def _readings_section(amap: ArgumentMap) -> list[str]:
    """Every value an author's reading sets, with the author's words that justify it."""
    readings = [sc for sc in amap.scenarios.values() if sc.reading and sc.receipts]
    if not readings:
        return []
    out = ["## What each reading rests on", "",
           "Each value an author's reading sets on the map, with the author's words behind it. "
           "Links the author's article does not argue are unweighed in their reading.", ""]  # fmt: skip
    for sc in readings:
        out += [f"### {md_text(sc.name)}", "", "| Input | Value | The author's words | Where |",
                "| --- | ---: | --- | --- |"]  # fmt: skip
        for key, receipt in sc.receipts.items():
            if isinstance(key, str) and key in sc.priors and key in amap:
                what, value = f"prior: {md_text(amap.node(key).title)}", pct(sc.priors[key])
            elif isinstance(key, tuple) and key in sc.strengths and key[0] in amap:
                what = f"strength: {md_text(amap.node(key[0]).title)}"
                value = _strength(sc.strengths[key])
            else:
                continue
            out.append(f"| {what} | {value} | “{md_text(receipt.quote)}” | "
                       f"{md_text(receipt.locator)} |")  # fmt: skip
        out.append("")
    return out


def _cruxes_section(numbers: ReportNumbers) -> list[str]:
    """Where the first two readings part ways, from the same numbers as its table."""
    c = numbers.cruxes
    if c is None:
        return []
    a, b = md_text(c.a), md_text(c.b)
    out = [f"## Where {_short_name(c.a)} and {_short_name(c.b)} part ways", ""]
    out += [f"*{a}* gives {pct(c.credence_a)}, *{b}* {pct(c.credence_b)}: going from the first "
            f"reading to the second moves the thesis {signed(c.gap)} points. Each row is an input "
            f"the two set differently and its share of that move "
            f"({md_text(c.describe_method())}); *alone* is how far {a} would move if it "
            f"took {b}'s value for that input only.", ""]  # fmt: skip
    if not c.cruxes:
        return out + ["They set every input alike.", ""]
    out += [f"| Input | {a} | {b} | Share of the gap | Alone |",
            "| --- | ---: | ---: | ---: | ---: |"]  # fmt: skip
    for x in c.cruxes[:CRUX_ROWS]:
        fmt = pct if x.input == "prior" else _lam_text
        what = "prior" if x.input == "prior" else "strength"
        out.append(f"| {what}: {md_text(x.title)} | {fmt(x.value_a)} | {fmt(x.value_b)} "
                   f"| {signed(x.points)} pts | {signed(x.closes)} pts |")  # fmt: skip
    top = c.cruxes[0]
    out += ["", f"The largest crux is the {top.input} of “{md_text(top.title)}”: "
            f"{signed(top.points)} of the {signed(c.gap)} points.", ""]  # fmt: skip
    return out


def _short_name(name: str) -> str:
    """ "Dwarkesh Patel (2023)" → "Dwarkesh Patel": the section title reads as prose."""
    return md_text(re.sub(r"\s*\(\d{4}\)$", "", name))


def _lam_text(lam: float | None) -> str:
    return UNWEIGHED if lam is None else _strength(lam)


def _map_section(amap: ArgumentMap, numbers: ReportNumbers, images: ReportImages) -> list[str]:
    out = ["## The argument map", ""]
    if images.map:
        out += [f"![The argument map]({images.map})", ""]
    out += [
        "### The argument tree",
        "",
        "Each statement is listed under what it bears on, strongest pull first: how it bears "
        "(supports or attacks), the strength of the link, the pull in points, its kind and "
        "its own credence. A statement that bears on several others is written out once and "
        "referred to afterwards.",
        "",
    ]
    return out + _tree(amap, numbers) + [""]


def _tree(amap: ArgumentMap, numbers: ReportNumbers) -> list[str]:
    thesis = amap.thesis
    roots = [thesis.id] if thesis else []
    roots += sorted((n.id for n in amap.nodes() if not amap.graph.out_degree(n.id)),
                    key=lambda i: amap.node(i).title)  # fmt: skip
    roots += [n.id for n in amap.nodes()]  # whatever sits only on cycles
    lines: list[str] = []
    done: set[str] = set()
    for root in roots:
        if root in done:
            continue
        node = amap.node(root)
        lines.append(f"- **{node.kind.capitalize()}** · {pct(numbers.credence.get(root))} — "
                     f"{md_text(node.title)}")  # fmt: skip
        done.add(root)
        _branch(amap, numbers, root, 1, done, lines)
    return lines


def _branch(
    amap: ArgumentMap, numbers: ReportNumbers, target: str, depth: int, done: set[str],
    lines: list[str],
) -> None:  # fmt: skip
    """Reasons of `target`, depth first with an explicit stack (no recursion limit)."""
    stack = [(depth, _ordered_reasons(amap, numbers, target))]
    while stack:
        level, reasons = stack[-1]
        if not reasons:
            stack.pop()
            continue
        edge = reasons.pop(0)
        child = amap.node(edge.source)
        pull = numbers.pulls.get(edge.key)
        pull_text = "" if pull is None else f" · {signed(pull)} pts"
        lam = amap.strength(edge.source, edge.target, numbers.scenario)
        head = f"{'    ' * level}- *{edge.relation}* ({_lam_text(lam)}){pull_text} · "
        body = f"{child.kind} · {pct(numbers.credence.get(child.id))} — {md_text(child.title)}"
        if child.id in done:
            lines.append(head + body + " *(listed above)*")
        elif level >= MAX_TREE_DEPTH:
            lines.append(head + body + " *(its reasons are on the map)*")
        else:
            lines.append(head + body)
            done.add(child.id)
            stack.append((level + 1, _ordered_reasons(amap, numbers, child.id)))


def _ordered_reasons(amap: ArgumentMap, numbers: ReportNumbers, target: str) -> list:
    return sorted(amap.reasons(target), key=lambda e: -abs(numbers.pulls.get(e.key, 0.0)))


def _sensitivity_section(numbers: ReportNumbers, images: ReportImages) -> list[str]:
    out = [
        "## Sensitivity: what would change the number most",
        "",
        "Each input (a prior or a link strength) is moved alone across a plausible range, "
        "everything else held; the swing is how far the thesis credence moves.",
        "",
    ]
    if not numbers.sensitivity:
        return out + ["Nothing on the map moves the thesis yet.", ""]
    out += ["| Input | Now | Range tried | Thesis at low | Thesis at high | Swing |",
            "| --- | ---: | --- | ---: | ---: | ---: |"]  # fmt: skip
    for i in numbers.sensitivity:
        fmt = pct if i.kind == "prior" else (lambda x: f"λ {x:.3g}")
        out.append(f"| {md_text(i.label)} | {fmt(i.value)} | {fmt(i.low)} to {fmt(i.high)} "
                   f"| {pct(i.at_low)} | {pct(i.at_high)} | {i.swing:.1f} pts |")  # fmt: skip
    out.append("")
    if images.tornado:
        out += [f"![Tornado chart of the inputs that swing the thesis most]({images.tornado})", ""]
    return out


def _evidence_section(amap: ArgumentMap, numbers: ReportNumbers) -> list[str]:
    evidence = [n for n in amap.nodes() if n.kind == "evidence"]
    if not evidence:
        return []
    refs = _source_numbers(amap)
    out = ["## The evidence", "",
           "Each observation with the side it argues on, its reliability (its prior; its "
           "credence too where its own reasons move it), and where it comes from (see Sources).",
           ""]  # fmt: skip
    side_name = {1: "for the thesis", -1: "against the thesis", 0: "not linked to the thesis"}
    sides = numbers.sides
    order = sorted(evidence, key=lambda n: (-sides.get(n.id, 0), n.title.casefold()))
    for n in order:
        p = numbers.credence.get(n.id)
        after = "" if p is None or abs(p - n.prior) < 0.005 else f", credence {pct(p)}"
        line = (f"- **{md_text(n.title)}** — {side_name[sides.get(n.id, 0)]}; reliability "
                f"{pct(n.prior)}{after}.")  # fmt: skip
        for c in n.citations:
            ref = f"[S{refs[c.source]}]" if c.source in refs else ""
            quote_text = f" “{md_text(c.quote)}”" if c.quote.strip() else ""
            where = f" ({md_text(c.locator)})" if c.locator.strip() else ""
            line += f"{quote_text} {ref}{where}".rstrip()
        out.append(line)
    return out + [""]


def _trends_section(amap: ArgumentMap, images: ReportImages) -> list[str]:
    if not images.trends:
        return []
    out = ["## Trend data", "", "The trend series the evidence leans on, with their sources "
           "(log scale where the data span orders of magnitude).", ""]  # fmt: skip
    for name, image in images.trends.items():
        s = amap.series.get(name)
        if s is None:
            continue
        out += [f"### {md_text(s.title or s.name)}", ""]
        facts = [f"{len(s.points)} data points"]
        if s.unit:
            facts.append(f"unit: {md_text(s.unit)}")
        if s.source:
            facts.append(f"source: {md_text(s.source)}")
        out += ["; ".join(facts) + ".", "", f"![Chart of {md_text(s.title or s.name)}]({image})",
                ""]  # fmt: skip
    return out


def _source_numbers(amap: ArgumentMap) -> dict[str, int]:
    """Cited sources numbered in order of first citation, then the uncited ones."""
    order: dict[str, int] = {}
    for n in amap.nodes():
        for c in n.citations:
            if c.source in amap.sources and c.source not in order:
                order[c.source] = len(order) + 1
    for sid in amap.sources:
        order.setdefault(sid, len(order) + 1)
    return order


def _sentences(parts: list[tuple[str, str]]) -> str:
    """Join (raw, rendered) parts as sentences, without doubling a final '.', '?' or '!'."""
    out = ""
    for raw, rendered in parts:
        if raw.strip():
            out += rendered + ("" if raw.rstrip().endswith((".", "?", "!")) else ".") + " "
    return out.rstrip()


def _sources_section(amap: ArgumentMap) -> list[str]:
    if not amap.sources:
        return []
    out = ["## Sources", ""]
    for sid, number in _source_numbers(amap).items():
        s = amap.sources[sid]
        parts = [(s.author, md_text(s.author)), (s.title, f"*{md_text(s.title)}*")]
        parts += [(str(x), md_text(x)) for x in (s.outlet, s.date)]
        url = safe_url(s.url) if s.url else None
        link = f" <{url}>" if url else ""
        out.append(f"- [S{number}] {_sentences(parts)}{link}")
    return out + [""]
