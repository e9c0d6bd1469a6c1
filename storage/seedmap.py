"""Build the default map from the reviewable seed file `seeds/scaling_debate.yaml`.

The debate is written by hand as YAML so that a reviewer can read every claim, weight and
citation in a diff; this module turns it into an `ArgumentMap` through the model's own
validating operations, so a mistake in the file is reported like any bad edit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from model.argmap import ArgumentMap, MapError
from model.entities import Citation, Receipt, Scenario, Source
from model.weights import check_probability, strength_value

ROOT = Path(__file__).resolve().parent.parent
SEED_FILE = ROOT / "seeds" / "scaling_debate.yaml"
MY_VIEW = "My view"


class SeedError(Exception):
    """The seed file breaks a rule; the message names the entry."""


def load_seed(path: Path = SEED_FILE, *, with_trends: bool = True) -> ArgumentMap:
    """Read the seed YAML (and the default trend data) into a new map."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SeedError(f"cannot read {path.name}: {exc}") from None
    amap = ArgumentMap()
    try:
        build_map(amap, data)
    except (MapError, ValueError, KeyError, TypeError) as exc:
        raise SeedError(f"{path.name}: {exc}") from None
    if with_trends:
        from storage.trenddata import default_series

        for series in default_series():
            amap.put_series(series)
    return amap


def build_map(amap: ArgumentMap, data: dict[str, Any]) -> None:
    """Fill `amap` from the parsed seed structure."""
    amap.set_meta("title", str(data.get("title", "Untitled map")))
    amap.set_meta("description", str(data.get("description", "")).strip())
    for s in data.get("sources", []):
        amap.add_source(
            Source(
                id=s["id"], title=s["title"], author=s.get("author", ""),
                outlet=s.get("outlet", ""), date=str(s.get("date", "")), url=s.get("url", ""),
                kind=s.get("kind", "article"), file=s.get("file", ""),
            )
        )  # fmt: skip
    for n in data["nodes"]:
        cites = tuple(
            Citation(source=c["source"], locator=c.get("locator", ""), quote=c.get("quote", ""))
            for c in n.get("cite", [])
        )
        for c in cites:
            if c.source not in amap.sources:
                raise MapError(f"node {n['id']!r} cites unknown source {c.source!r}")
        amap.add_node(
            n.get("kind", "claim"), n["title"].strip(), node_id=n["id"],
            text=str(n.get("text", "")).strip(), prior=float(n.get("prior", 0.5)),
            tags=tuple(n.get("tags", ())), citations=cites, series=n.get("series"),
        )  # fmt: skip
    for n in data["nodes"]:
        for link in n.get("links", []):
            amap.link(n["id"], link["to"], link.get("relation", "supports"),
                      link.get("strength", "moderate"))  # fmt: skip
    for sc in data.get("scenarios", []):
        amap.put_scenario(_scenario(amap, sc))
    amap.put_scenario(
        Scenario(MY_VIEW, "Your own weights: starts from the map's defaults; edit any weight.")
    )
    amap.set_meta("scenario", MY_VIEW)


def _scenario(amap: ArgumentMap, sc: dict[str, Any]) -> Scenario:
    """An author's reading: the map's weights on the arguments the author makes, then the
    author's own values. A reason the author's article does not make (it cites no passage of
    theirs) is unweighed in the reading: the author said nothing about it."""
    source = sc.get("source", "")
    theirs = {n.id for n in amap.nodes() if any(c.source == source for c in n.citations)}
    priors = {n.id: n.prior for n in amap.nodes()}
    strengths = {
        e.key: e.strength for e in amap.edges() if e.strength is not None and e.source in theirs
    }
    receipts: dict[str | tuple[str, str], Receipt] = {}
    for p in sc.get("priors") or []:
        amap.node(p["node"])
        priors[p["node"]] = check_probability(p["value"])
        receipts[p["node"]] = _receipt(p)
    for s in sc.get("strengths") or []:
        key = (s["from"], s["to"])
        amap.edge(*key)
        strengths[key] = strength_value(s["strength"])
        receipts[key] = _receipt(s)
    stated = sc.get("stated")
    return Scenario(
        name=sc["name"], description=str(sc.get("description", "")).strip(),
        source=sc.get("source", ""), priors=priors, strengths=strengths, reading=True,
        receipts=receipts,
        stated=f"{100 * float(stated):.0f}%" if stated is not None else sc.get("stated_text", ""),
    )  # fmt: skip


def _receipt(entry: dict[str, Any]) -> Receipt:
    quote = str(entry.get("quote", "")).strip()
    if not quote:
        raise MapError(f"{entry}: every value a reading sets needs its author's quote")
    return Receipt(quote, str(entry.get("locator", "")))


def new_map(seed: bool) -> ArgumentMap:
    """A new map: the seed debate, or one thesis waiting for its reasons."""
    if seed:
        return load_seed()
    amap = ArgumentMap()
    amap.set_meta("title", "Untitled map")
    amap.add_node("thesis", "Your thesis: double-click to edit", prior=0.5)
    return amap
